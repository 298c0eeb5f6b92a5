// Accessibility of every route (issue 7): axe-core (WCAG 2.2 AA + RGAA tags) at three widths in
// both colour schemes, reflow and text spacing at 320 px, a visible 3:1 focus indicator on every
// stop, forced colours, the remembered theme switch, and scroll on navigation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, openPage, panics, settled, start } from '../support/browser.mjs';
import { ROUTES } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

async function visit(page, path) {
  await page.goto(env.url + path);
  await settled(page);
}

/** How much wider than the viewport the document is (0 when it reflows). */
const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('axe-core and reflow on every route', () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [320, 390, 1280]) {
      it(`${ROUTES.length} routes at ${width} px (${colorScheme}): zero violations, no horizontal scroll`, async () => {
        const page = await openPage(env, { colorScheme, viewport: { width, height: 800 } });
        const found = [];
        for (const route of ROUTES) {
          await visit(page, route.path);
          found.push(...(await axeViolations(page)).map((v) => `${route.path}: ${v}`));
          const extra = await overflow(page);
          if (extra > 0) found.push(`${route.path}: ${extra}px of horizontal scroll`);
        }
        assert.deepEqual(found, []);
        assert.deepEqual(panics(page), []);
        await page.close();
      });
    }
  }
});

describe('links', () => {
  it('on every route: links leave the site over https only, and a link opening a new window says so and has rel="noopener"', async () => {
    const page = await openPage(env);
    const found = [];
    let external = 0;
    for (const route of ROUTES) {
      await visit(page, route.path);
      const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => ({
        href: a.href, target: a.target, rel: a.rel, name: (a.getAttribute('aria-label') ?? a.textContent).trim(),
      })));
      for (const link of links) {
        const url = new URL(link.href);
        if (['javascript:', 'http:'].includes(url.protocol) && url.origin !== env.url) found.push(`${route.path}: ${link.href}`);
        if (url.protocol === 'https:') external += 1;
        if (link.target && link.target !== '_self') {
          if (!/\bnoopener\b/.test(link.rel)) found.push(`${route.path}: « ${link.name} » opens a window without rel=noopener`);
          if (!/nouvelle fenêtre/.test(link.name)) found.push(`${route.path}: « ${link.name} » opens a window without saying so`);
        }
      }
    }
    assert.ok(external > 0, 'external links were checked');
    assert.deepEqual(found, []);
    await page.close();
  });
});

describe('text spacing (WCAG 1.4.12) at 320 px', () => {
  it('loses no content on any route with line, paragraph, letter and word spacing raised', async () => {
    // The spacing is a user style sheet, which the CSP does not restrict; addStyleTag inserts
    // a <style> into the page, which it would, hence bypassCSP.
    const page = await openPage(env, { viewport: { width: 320, height: 800 }, bypassCSP: true });
    const found = [];
    for (const route of ROUTES) {
      await visit(page, route.path);
      await page.addStyleTag({
        content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      });
      const clipped = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((e) => !e.closest('svg, .visually-hidden, .skip-link') && e.offsetParent !== null)
        .filter((e) => ['hidden', 'clip'].includes(getComputedStyle(e).overflowX) || ['hidden', 'clip'].includes(getComputedStyle(e).overflowY))
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`));
      found.push(...clipped.map((c) => `${route.path}: ${c} clips its text`));
      const extra = await overflow(page);
      if (extra > 0) found.push(`${route.path}: ${extra}px of horizontal scroll`);
    }
    assert.deepEqual(found, []);
    await page.close();
  });
});

/**
 * Tabs through the page and describes each stop's focus indicator: outline style and width, and
 * the contrast of its colour against the background the outline is drawn on.
 */
async function focusStops(page, limit = 120) {
  const stops = [];
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); window.focusSeen = new WeakSet(); });
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body || window.focusSeen.has(e)) return null;
      window.focusSeen.add(e);
      const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]) => {
        const channel = (v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      // The outline is drawn outside the element (offset 2px): what lies under it is the
      // nearest ancestor's background.
      let under = e.parentElement;
      while (under && rgb(getComputedStyle(under).backgroundColor)[3] === 0) under = under.parentElement;
      const background = rgb(getComputedStyle(under ?? document.documentElement).backgroundColor);
      const style = getComputedStyle(e);
      const [l1, l2] = [luminance(rgb(style.outlineColor)), luminance(background)].sort((a, b) => b - a);
      const name = (e.getAttribute('aria-label') || e.textContent || e.id || e.tagName).trim().slice(0, 40);
      return { key: `${e.tagName.toLowerCase()} « ${name} »`, style: style.outlineStyle, width: parseFloat(style.outlineWidth), contrast: (l1 + 0.05) / (l2 + 0.05) };
    });
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}

describe('focus indicator', () => {
  for (const colorScheme of ['light', 'dark']) {
    it(`every Tab stop on every route shows a solid outline ≥ 2 px with ≥ 3:1 contrast (${colorScheme})`, async () => {
      const page = await openPage(env, { colorScheme });
      const found = [];
      let total = 0;
      for (const route of ROUTES) {
        await visit(page, route.path);
        const stops = await focusStops(page);
        total += stops.length;
        for (const s of stops) {
          if (s.style === 'none' || s.width < 2 || s.contrast < 3) found.push(`${route.path}: ${s.key} ${s.style} ${s.width}px ${s.contrast.toFixed(2)}:1`);
        }
      }
      assert.ok(total > ROUTES.length * 5, `${total} stops checked`);
      assert.deepEqual(found, []);
      await page.close();
    });
  }
});

describe('forced colours (Windows high contrast)', () => {
  it('keeps every focus outline, the button borders and the agenda toggle state visible', async () => {
    const page = await openPage(env);
    await page.emulateMedia({ forcedColors: 'active' });
    await visit(page, '/programme');
    const stops = await focusStops(page);
    assert.ok(stops.length > 20);
    assert.deepEqual(stops.filter((s) => s.style === 'none' || s.width < 2).map((s) => s.key), []);
    const borders = await page.evaluate(() => [...document.querySelectorAll('button, .button')]
      .filter((b) => parseFloat(getComputedStyle(b).borderTopWidth) < 1 || getComputedStyle(b).borderTopStyle === 'none')
      .map((b) => b.textContent.trim()));
    assert.deepEqual(borders, [], 'buttons keep a border when backgrounds are dropped');
    const toggle = page.getByRole('button', { name: 'Mon programme : Grande soirée NEC', exact: true });
    const star = () => toggle.locator('.toggle__star').textContent();
    const before = await star();
    await toggle.click();
    assert.notEqual(await star(), before, 'the pressed state is a different symbol, not a colour');
    await page.close();
  });
});

describe('theme switch', () => {
  const background = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  it('switches to dark, is remembered across reloads, passes axe, and returns to automatic', async () => {
    const page = await openPage(env, { colorScheme: 'light' });
    await visit(page, '/programme');
    const select = page.getByRole('combobox', { name: 'Thème' });
    assert.equal(await select.inputValue(), '', 'follows the system by default');
    assert.equal(await background(page), 'rgb(255, 255, 255)');

    await select.selectOption({ label: 'Sombre' });
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
    assert.equal(await background(page), 'rgb(22, 22, 22)');
    assert.deepEqual(await axeViolations(page), []);

    await page.reload();
    await page.waitForLoadState('domcontentloaded');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await settled(page);
    assert.equal(await background(page), 'rgb(22, 22, 22)');
    assert.equal(await page.getByRole('combobox', { name: 'Thème' }).inputValue(), 'dark');

    await page.getByRole('combobox', { name: 'Thème' }).selectOption({ label: 'Automatique' });
    assert.equal(await page.getAttribute('html', 'data-theme'), null);
    assert.equal(await page.evaluate(() => localStorage.getItem('nec-theme')), null);
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    await page.close();
  });

  it('applies the stored theme before the app starts, so a dark choice never flashes light', async () => {
    const page = await openPage(env, { colorScheme: 'light' });
    await page.addInitScript(() => localStorage.setItem('nec-theme', 'dark'));
    // Hold every script file back: the prerendered page paints meanwhile, and must already be dark
    // (the inline script at the top of <head> applies the choice before the first paint).
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route(/\.(js|wasm)$/, async (route) => { await held; await route.continue(); });
    // The module scripts hold DOMContentLoaded back: wait for the page's parts instead.
    await page.goto(env.url + '/charte', { waitUntil: 'commit', app: false });
    await page.locator('footer').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'La charte de NEC');
    assert.equal(await background(page), 'rgb(22, 22, 22)');
    release();
    await settled(page);
    await page.close();
  });

  it('overrides a dark system with "Clair"', async () => {
    const page = await openPage(env, { colorScheme: 'dark' });
    await visit(page, '/charte');
    assert.equal(await background(page), 'rgb(22, 22, 22)');
    await page.getByRole('combobox', { name: 'Thème' }).selectOption({ label: 'Clair' });
    assert.equal(await background(page), 'rgb(255, 255, 255)');
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
});

describe('scroll on navigation', () => {
  it('starts a new page at the top and restores the list position on Back', async () => {
    const page = await openPage(env, { viewport: { width: 390, height: 700 } });
    await visit(page, '/programme');
    const link = page.getByRole('link', { name: /Déjeuner de clôture$/ });
    await link.scrollIntoViewIfNeeded();
    const listY = await page.evaluate(() => window.scrollY);
    assert.ok(listY > 500, `scrolled to ${listY}`);
    await link.click();
    await page.waitForURL(/\/programme\/dejeuner-cloture/);
    await settled(page);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await page.goBack();
    await page.waitForURL(/\/programme$/);
    await settled(page);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 50, listY);
    await page.close();
  });
});
