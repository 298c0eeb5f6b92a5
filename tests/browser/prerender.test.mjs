// Content before the wasm (issue 8): the release build's pages arrive with their content
// (scripts/prerender.mjs). Without JavaScript every route reads, in both languages; with it, the
// app takes over (crates/nec-views/src/takeover/) without moving anything, and keeps what the visitor did while
// the wasm was on its way: scroll, focus, what was typed and ticked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appRunning, holdWasm, openFilters, openPage, panics, plain, settled, start } from '../support/browser.mjs';
import { ROUTES } from '../support/routes.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

const en = (path) => (path === '/' ? '/en' : `/en${path}`);
const MISSING = '/cette-page-n-existe-pas';

async function withoutJavaScript(viewport = { width: 390, height: 844 }) {
  const context = await env.browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', viewport });
  const page = await context.newPage();
  page.close = ((close) => async () => { await close(); await context.close(); })(page.close.bind(page));
  return page;
}

/** A page whose wasm is held back until `release()`: the prerendered page is all there is.
 * `prepare` runs before the page loads. */
async function heldBack(path, viewport, prepare = async () => {}) {
  const page = await openPage(env, { viewport });
  await prepare(page);
  const release = await holdWasm(page);
  await page.goto(env.url + path, { app: false });
  // Marks the prerendered tree: after the takeover, the page must hold another one.
  await page.evaluate(() => { document.getElementById('app').dataset.test = 'prerendered'; });
  return { page, release };
}

describe('without JavaScript', () => {
  for (const route of ROUTES) {
    for (const lang of ['fr', 'en']) {
      const path = lang === 'en' ? en(route.path) : route.path;
      it(`${path} shows its title, h1 and content, and no control that needs JavaScript`, async () => {
        const page = await withoutJavaScript();
        const response = await page.goto(env.url + path);
        assert.equal(response.status(), route.path === MISSING ? 404 : 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.title(), lang === 'en' ? route.en.title : route.title);
        assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), lang === 'en' ? route.en.h1 : route.h1);
        for (const role of ['banner', 'navigation', 'main', 'contentinfo']) {
          assert.ok(await page.getByRole(role).first().isVisible(), `${path}: ${role}`);
        }
        if (lang === 'fr') {
          // French typography (no-break spaces) aside: typography.test.mjs checks it.
          const text = plain(await page.locator('main').innerText());
          for (const expected of route.content) {
            // A label or name of a control that needs JavaScript is hidden with it.
            const inControl = await page.locator('main button, main form').filter({ hasText: expected }).count();
            assert.ok(text.includes(plain(expected)) || inControl > 0, `${path} shows « ${expected} »`);
          }
        }
        // The banner says what needs JavaScript; buttons and forms that only the app runs are hidden.
        const notice = page.locator('p.noscript');
        assert.ok(await notice.isVisible());
        assert.equal(await notice.getAttribute('lang'), lang);
        assert.equal(await page.getByRole('button').count(), 0, `${path}: no inert button`);
        assert.equal(await page.getByRole('combobox').count(), 0, `${path}: no inert theme choice`);
        await page.close();
      });
    }
  }

  it('follows links from page to page, each a page of its own', async () => {
    const page = await withoutJavaScript();
    await page.goto(env.url + '/');
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programme', exact: true }).click();
    await page.waitForURL(/\/programme$/);
    await page.getByRole('link', { name: /Grande soirée NEC$/ }).click();
    await page.waitForURL(/\/programme\/grande-soiree$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Grande soirée NEC');
    await page.getByRole('banner').getByRole('link', { name: 'English', exact: true }).click();
    await page.waitForURL(/\/en\/programme\/grande-soiree$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.close();
  });
});

describe('the app taking over the prerendered page', () => {
  it('paints the content before the wasm arrives, then swaps in its own tree without a layout shift', async () => {
    for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 900 }]) {
      const { page, release } = await heldBack('/programme', viewport, (page) => page.addInitScript(() => {
        window.layoutShifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      }));
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Programme 2023');
      assert.equal(await page.getByText('13 éléments correspondent.').count(), 1);
      const boxes = () => page.evaluate(() => [...document.querySelectorAll('main h1, main h2, main h3, footer')].map((e) => {
        const r = e.getBoundingClientRect();
        return `${e.tagName} ${e.textContent.trim().slice(0, 30)} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
      }));
      const before = await boxes();
      release();
      await settled(page);
      assert.equal(await page.evaluate(() => document.getElementById('app').dataset.test), undefined, 'the app’s own tree replaced the prerendered one');
      assert.deepEqual(await boxes(), before, `${viewport.width} px: every heading and the footer where they were`);
      const shift = (await page.evaluate(() => window.layoutShifts)).reduce((sum, v) => sum + v, 0);
      assert.ok(shift < 0.05, `CLS ${shift.toFixed(3)}`);
      // The app runs: a toggle of the prerendered page, now the app's, works.
      const toggle = page.getByRole('button', { name: 'Mon programme : Grande soirée NEC' });
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.deepEqual(panics(page), []);
      await page.close();
    }
  });

  it('keeps the scroll position and the focused link', async () => {
    const { page, release } = await heldBack('/charte', { width: 390, height: 844 });
    const link = page.getByRole('contentinfo').getByRole('link', { name: 'Données ouvertes' });
    await link.focus();
    await page.evaluate(() => window.scrollTo(0, 400));
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 300, `the page scrolled (${y})`);
    release();
    await settled(page);
    // The focus on a link: the app waits for the visitor's next move (crates/nec-views/src/takeover/waiting.rs),
    // and the painted page stays, scrolled and focused as it was.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.app), 'waiting');
    assert.equal(await page.evaluate(() => document.getElementById('app').dataset.test), 'prerendered');
    assert.equal(await page.evaluate(() => window.scrollY), y);
    // Enter follows the link: the app takes the page over first, and follows it inside the app.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/donnees$/);
    await page.getByRole('heading', { level: 1, name: 'Données ouvertes' }).waitFor();
    assert.equal(await page.evaluate(() => document.getElementById('app').dataset.test), undefined);
    await page.close();
  });

  it('keeps what was typed and ticked, and the app filters by it', async () => {
    const { page, release } = await heldBack('/programme', { width: 1280, height: 900 });
    await page.getByRole('searchbox').fill('soirée');
    await openFilters(page);
    await page.getByRole('checkbox', { name: /Jeudi 19 octobre/ }).check();
    release();
    await appRunning(page);
    await settled(page);
    assert.ok(await page.locator('#app:not([data-prerendered]) details.filters__more').evaluate((d) => d.open), '« Filtrer » stays open');
    assert.equal(await page.getByRole('searchbox').inputValue(), 'soirée');
    assert.ok(await page.getByRole('checkbox', { name: /Jeudi 19 octobre/ }).isChecked());
    await page.waitForURL(/jour=2023-10-19/);
    await page.getByText(/^1 élément correspond\.$/).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Grande soirée NEC' }).count(), 1);
    await page.close();
  });

  it('a filtered address: the app shows its own state, not the prerendered one', async () => {
    const page = await openPage(env);
    await page.goto(env.url + '/programme?jour=2023-10-19');
    await settled(page);
    assert.equal(plain(await page.locator('details.filters__more > summary').innerText()).trim(), 'Filtrer (1 filtre actif)');
    await openFilters(page);
    assert.ok(await page.getByRole('checkbox', { name: /Jeudi 19 octobre/ }).isChecked());
    assert.equal(await page.getByRole('banner').getByRole('link', { name: 'English', exact: true }).getAttribute('href'), '/en/programme?jour=2023-10-19');
    await page.close();
  });
});
