// The partner widget (issue 6) on a partner's page: another origin, with its own strict CSP,
// hostile global CSS, its own links and hash router, and two widgets with different filters.
// Plus the widget's own failure modes, the /integrer builder whose snippet is pasted into a
// partner page as is, and the iframe mode with its height messages.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { axeViolations, headersOf, openPage, panics, settled, start } from '../support/browser.mjs';
import { charter, programme, shipped } from '../support/routes.mjs';
import { syntheticProgramme } from '../support/scale-fixture.mjs';
import { DIST } from '../support/server.mjs';
import { partnerCsp } from '../support/csp.mjs';

const budgets = JSON.parse(readFileSync(new URL('../../budgets.json', import.meta.url), 'utf8')).widget;

const FIXTURES = new URL('../fixtures/widget-host/', import.meta.url);
const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json' };

let env;
let host;

/**
 * The partner's site, on another port (so another origin than the NEC site): the fixture pages,
 * `/page.html` for a page a test writes, `/scale/…` (the synthetic programme, tests only),
 * `/flaky/…` (missing until `host.repair()`), `/ailleurs/…` (its own index: a synthetic 2099
 * edition is current) and `/casse/…` (an index of the wrong shape). Its CSP lets in the NEC site
 * and nothing else.
 */
function serveHost(nec) {
  const written = new Map();
  let repaired = false;
  const csp = partnerCsp(nec);
  const scale = JSON.stringify(syntheticProgramme());
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://host').pathname;
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': csp, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (written.has(path)) return send(200, TYPES['.html'], written.get(path));
    // The widget reads the current edition's programme file from editions.json, beside it.
    if (path === '/scale/editions.json' || path === '/flaky/editions.json') return send(200, TYPES['.json'], JSON.stringify(shipped.editions));
    if (path === '/scale/programme-2023.json') return send(200, TYPES['.json'], scale);
    // Another data location says which of its editions is current, in its own index.
    if (path === '/ailleurs/editions.json') {
      return send(200, TYPES['.json'], JSON.stringify({ current: 2099, editions: [{ year: 2023, programme: 'programme-2023.json' }, { year: 2099, programme: 'programme-2099-synthetique.json' }] }));
    }
    if (path === '/ailleurs/programme-2099-synthetique.json') return send(200, TYPES['.json'], readFileSync(new URL('../fixtures/edition-2099/programme-2099-synthetique.json', import.meta.url)));
    if (path === '/casse/editions.json') return send(200, TYPES['.json'], JSON.stringify({ current: '2023', editions: [] }));
    if (path === '/flaky/programme-2023.json') {
      return repaired ? send(200, TYPES['.json'], JSON.stringify(programme)) : send(404, 'text/plain', 'absent');
    }
    try {
      const body = readFileSync(new URL(`.${path === '/' ? '/index.html' : path}`, FIXTURES), 'utf8').replaceAll('__NEC__', nec);
      return send(200, TYPES[extname(path) || '.html'] ?? 'text/plain', body);
    } catch {
      return send(404, 'text/plain', 'absent');
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done({
        url: `http://127.0.0.1:${server.address().port}`,
        csp,
        write: (name, html) => written.set(name, html),
        repair: () => { repaired = true; },
        close: () => new Promise((ok) => server.close(ok)),
      });
    });
  });
}

before(async () => {
  env = await start();
  host = await serveHost(env.url);
});
after(async () => {
  await host?.close();
  await env?.stop();
});

/** Opens a page of the partner's site, recording CSP violations; waits for `widgets` to show content. */
async function openHost(path, { widgets = [], viewport } = {}) {
  const page = await openPage(env, viewport ? { viewport } : {});
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(host.url + path);
  for (const id of widgets) await widgetReady(page, id);
  return page;
}

/** Waits until the widget `id` has replaced its loading message with content or an alert. */
async function widgetReady(page, id) {
  await page.waitForFunction((id) => {
    const root = document.getElementById(id)?.shadowRoot;
    const content = root?.querySelector('.nec-root');
    return content && !content.hidden && content.querySelector('.nec-widget') && !content.querySelector('.nec-loading');
  }, id);
}

/** Waits until the widget `id` runs its wasm: it has taken over the view widget.js painted. */
async function widgetRunning(page, id) {
  await page.waitForFunction((id) => {
    const content = document.getElementById(id)?.shadowRoot?.querySelector('.nec-root');
    return content && !content.hasAttribute('data-painted') && content.querySelector('.nec-widget') && !content.querySelector('.nec-loading');
  }, id);
}


const commonsItems = programme.items.filter((i) => i.theme === 'communs-souverainete');
const thursdayPlenary = programme.items.filter((i) => i.day === '2023-10-19' && i.format === 'pleniere');

describe('the widget on a partner page', () => {
  it('renders each widget with its own filters, headings at the level asked, under the host CSP', async () => {
    assert.ok(commonsItems.length > 0 && thursdayPlenary.length > 0, 'the fixture filters select something');
    const page = await openHost('/', { widgets: ['module-communs', 'module-jeudi'] });
    const commons = page.locator('#module-communs');
    assert.equal(await commons.getByRole('heading', { level: 3 }).innerText(), 'Programme de Numérique en Commun[s] 2023');
    const titles = await commons.getByRole('heading', { level: 5 }).allInnerTexts();
    assert.equal(titles.length, commonsItems.length);
    for (const item of commonsItems) assert.ok(titles.some((t) => t.endsWith(item.title)), `${item.title} in the commons widget`);
    assert.match(await commons.getByRole('status').innerText(), new RegExp(`^${commonsItems.length} éléments?\\.$`));
    assert.match(await page.locator('#module-communs .nec-root').innerText(), /Sélection : thématique Communs & souveraineté\./);

    const thursday = page.locator('#module-jeudi');
    assert.deepEqual(await thursday.getByRole('heading', { level: 4 }).allInnerTexts(), ['Jeudi 19 octobre 2023 — Programme du jeudi']);
    const thursdayTitles = await thursday.getByRole('heading', { level: 5 }).allInnerTexts();
    assert.deepEqual(thursdayTitles.map((t) => thursdayPlenary.find((i) => t.endsWith(i.title))?.id), thursdayPlenary.map((i) => i.id));
    // A screen-reader user hears day and time before the title.
    assert.match(thursdayTitles[0], /^Jeudi 19 octobre 2023, à partir de 11 heures 30 :/);

    const link = thursday.getByRole('link', { name: new RegExp(thursdayPlenary[0].title) });
    assert.equal(await link.getAttribute('href'), `${env.url}/programme/${thursdayPlenary[0].id}`, 'links go to the item page on the NEC site');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('is not reached by the host’s hostile CSS, and its own CSS does not reach the host', async () => {
    const page = await openHost('/', { widgets: ['module-communs', 'module-jeudi'] });
    const inside = await page.evaluate(() => {
      const root = document.getElementById('module-communs').shadowRoot;
      const style = (selector) => getComputedStyle(root.querySelector(selector));
      const heading = style('h3');
      return {
        host: getComputedStyle(document.getElementById('module-communs')).display,
        headingColour: heading.color,
        headingSize: heading.fontSize,
        headingFont: heading.fontFamily,
        transform: style('.nec-item').textTransform,
        item: style('.nec-item').display,
        input: style('input').backgroundColor,
        body: style('.nec-root').fontSize,
        borderStyle: style('.nec-item').borderTopStyle,
      };
    });
    assert.equal(inside.host, 'block', ':host keeps the element a block under `* { all: unset }`');
    assert.notEqual(inside.headingColour, 'rgb(90, 0, 90)');
    assert.equal(inside.headingSize, '24px', 'px sizes: the host’s `html { font-size: 10px }` changes nothing');
    assert.doesNotMatch(inside.headingFont, /Courier/);
    assert.equal(inside.transform, 'none', 'no inherited upper case');
    assert.equal(inside.item, 'list-item');
    assert.notEqual(inside.input, 'rgb(255, 230, 230)');
    assert.equal(inside.body, '16px');
    assert.equal(inside.borderStyle, 'solid', 'the host’s `.nec-item` rule does not match inside');

    const outside = await page.evaluate(() => {
      const text = document.getElementById('texte-hote');
      const box = text.getBoundingClientRect();
      const h1 = getComputedStyle(document.querySelector('h1'));
      return { width: box.width, height: box.height, border: getComputedStyle(text).borderTopStyle, h1: [h1.color, h1.fontSize] };
    });
    assert.ok(outside.width > 100 && outside.height > 10, 'the widget’s .visually-hidden does not hide the host’s element of that class');
    assert.equal(outside.border, 'dotted', 'the host’s own rule still applies to it');
    assert.deepEqual(outside.h1, ['rgb(90, 0, 90)', '30px'], 'the host keeps its own look');
    await page.close();
  });

  it('fits a 280 px container, whatever the viewport', async () => {
    const page = await openHost('/', { widgets: ['module-jeudi'], viewport: { width: 1280, height: 900 } });
    const box = await page.evaluate(() => {
      const element = document.getElementById('module-jeudi');
      const root = element.shadowRoot.querySelector('.nec-root');
      return { width: element.getBoundingClientRect().width, scroll: root.scrollWidth, client: root.clientWidth, padding: getComputedStyle(element.shadowRoot.querySelector('.nec-widget')).paddingLeft };
    });
    assert.ok(box.width <= 280, `the widget is ${box.width}px wide in a 280px container`);
    assert.ok(box.scroll <= box.client, `no sideways scrolling inside (${box.scroll} > ${box.client})`);
    assert.equal(box.padding, '10px', 'the narrow-container layout applies (container query, not media query)');
    await page.close();
  });

  it('leaves the host’s links, hash router, history and global names alone', async () => {
    const page = await openHost('/', { widgets: ['module-communs', 'module-jeudi'] });
    const added = await page.evaluate(() => Object.getOwnPropertyNames(window).filter((n) => !window.hostNamesBefore.includes(n)));
    assert.deepEqual(added.filter((n) => !['hostNamesBefore', 'hostClicks', 'cspViolations'].includes(n)), ['NecWidget'], 'one namespaced global');
    const start = await page.evaluate(() => [location.href, history.length]);

    // Using the widget changes nothing in the host's address or history.
    const search = page.locator('#module-communs').getByRole('searchbox', { name: 'Rechercher' });
    await search.fill(commonsItems[0].title.split(' ').slice(-1)[0]);
    await page.locator('#module-communs').getByText('Description').first().click();
    assert.deepEqual(await page.evaluate(() => [location.href, history.length]), start);
    assert.ok(await page.evaluate(() => window.hostClicks) > 0, 'clicks inside still reach the host’s own listeners');

    await page.locator('#lien-dieze').click();
    await page.waitForFunction(() => document.getElementById('route').textContent === 'Route du site hôte : agenda');
    assert.equal(new URL(page.url()).hash, '#/agenda');
    await page.goBack();
    await page.waitForFunction(() => document.getElementById('route').textContent === 'Route du site hôte : accueil');

    await page.locator('#lien-hote').click();
    await page.waitForURL(`${host.url}/autre-page.html`);
    assert.equal(await page.locator('h1').innerText(), 'Autre page du site hôte');
    await page.close();
  });

  it('is usable with the keyboard, and its live region speaks inside the shadow root', async () => {
    const page = await openHost('/', { widgets: ['module-communs'] });
    await page.locator('#lien-dieze').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      return inner ? `${host.id} ${inner.tagName.toLowerCase()}${inner.id ? '#' + inner.id : ''} ${(inner.getAttribute('aria-label') ?? inner.textContent).trim().slice(0, 100)}` : host?.id;
    });
    assert.match(await focused(), /^module-communs input#nec-recherche/);
    const count = () => page.locator('#module-communs .nec-count').innerText();
    await page.keyboard.type('zzz');
    await page.waitForFunction(() => document.getElementById('module-communs').shadowRoot.querySelector('.nec-count').textContent.startsWith('Aucun'));
    assert.equal(await count(), 'Aucun élément ne correspond : essayez un autre mot.');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    // Without its accent, as typed on a phone.
    await page.keyboard.type('accelerateur');
    await page.waitForFunction(() => document.getElementById('module-communs').shadowRoot.querySelector('.nec-count').textContent === '1 élément.');
    assert.equal(await page.locator('#module-communs').getByRole('status').innerText(), '1 élément.', 'the count is a live region (role=status) inside the shadow root');
    await page.keyboard.press('Tab');
    assert.match(await focused(), new RegExp(`^module-communs a .*${commonsItems[0].title.slice(0, 20)}`));
    await page.keyboard.press('Tab');
    assert.match(await focused(), /^module-communs summary Description/);
    assert.equal(await page.locator('#module-communs summary').first().textContent(), `Description de « ${commonsItems[0].title} »`,
      'a disclosure says whose description it shows');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#module-communs details').first().getAttribute('open'), '');
    assert.ok((await page.locator('#module-communs details').first().innerText()).includes(commonsItems[0].description.slice(0, 40)));
    await page.keyboard.press('Shift+Tab');
    assert.match(await focused(), /^module-communs a /);
    await page.close();
  });

  for (const colorScheme of ['light', 'dark']) {
    it(`shows no axe-core violation on the host page, widgets included (${colorScheme})`, async () => {
      const page = await openPage(env, { colorScheme });
      await page.goto(host.url + '/');
      for (const id of ['module-communs', 'module-jeudi']) await widgetReady(page, id);
      assert.deepEqual(await axeViolations(page), []);
      await page.close();
    });
  }

  it('/embed/programme.html has its painted programme at the page’s load, when a screen reader sums the page up', async () => {
    const page = await openPage(env);
    await page.addInitScript(() => addEventListener('load', () => {
      const root = document.querySelector('nec-widget')?.shadowRoot?.querySelector('.nec-root');
      window.atLoad = root ? { headings: root.querySelectorAll('h1, h2, h3').length, search: !!root.querySelector('[role=search]') } : null;
    }));
    // widget.js slow, as on a phone: the page's load waits for it (scripts/shipped/widget/embed.js).
    await page.route('**/widget.js', async (route) => { await new Promise((ok) => setTimeout(ok, 300)); await route.continue(); });
    await page.goto(`${env.url}/embed/programme.html`, { waitUntil: 'load' });
    const atLoad = await page.evaluate(() => window.atLoad);
    assert.ok(atLoad, 'the widget’s view is in the page at its load');
    assert.ok(atLoad.search, 'its search landmark too');
    assert.ok(atLoad.headings > 10, `its headings: ${atLoad.headings}`);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  for (const view of ['programme', 'charte', 'editions']) {
    it(`/embed/${view}.html reflows at 320 px with no axe-core violation, light and dark`, async () => {
      for (const colorScheme of ['light', 'dark']) {
        const page = await openPage(env, { colorScheme, viewport: { width: 320, height: 640 } });
        await page.goto(`${env.url}/embed/${view}.html`);
        await page.locator('nec-widget h1').waitFor();
        await page.waitForFunction(() => !document.querySelector('nec-widget').shadowRoot.querySelector('.nec-loading'));
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320), `${view}: no sideways scrolling at 320 px`);
        assert.deepEqual(await axeViolations(page), [], `${view} (${colorScheme})`);
        assert.deepEqual(panics(page), []);
        await page.close();
      }
    });
  }
});

describe('the widget’s cost', () => {
  it(`paints from widget.js alone (≤ ${budgets.before_interaction_brotli_kib} KiB brotli), works in ≤ ${budgets.requests} requests and ${budgets.first_load_brotli_kib} KiB once reached for, data included, and loads nothing without an element`, async () => {
    host.write('/cout.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Coût du module (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Coût du module</h1><nec-widget id="seul"></nec-widget></main></body></html>`);
    host.write('/sans-module.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Sans module (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head><body><main><h1>Sans module</h1></main></body></html>`);
    const origin = new URL(env.url).origin;
    const file = (path) => readFileSync(join(DIST, decodeURIComponent(path.slice(1))));
    const brotli = (paths) => paths.reduce((sum, p) => sum + brotliCompressSync(file(p), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
    const open = async (path) => {
      const page = await openPage(env);
      const requests = [];
      page.on('request', (r) => { if (new URL(r.url()).origin === origin) requests.push(new URL(r.url()).pathname); });
      await page.goto(host.url + path, { waitUntil: 'networkidle' });
      return { page, requests };
    };
    const empty = await open('/sans-module.html');
    assert.deepEqual(empty.requests, ['/widget.js'], 'no wasm without an element');
    await empty.page.close();

    // Painted before any interaction, from widget.js alone: its first item, styled.
    const { page, requests } = await open('/cout.html');
    await widgetReady(page, 'seul');
    await page.waitForLoadState('networkidle');
    const first = page.locator('#seul .nec-item').first();
    assert.ok((await first.locator('a').innerText()).endsWith(programme.items[0].title), 'the first item, painted');
    assert.equal(await page.locator('#seul .nec-root').evaluate((e) => getComputedStyle(e).borderTopWidth), '4px', 'the widget’s own style sheet applies');
    assert.deepEqual(requests, ['/widget.js'], 'before any interaction, widget.js alone');
    const painted = brotli(requests);
    // widget.js names the current programme file: no editions.json to read first.

    // Reached for: the wasm and the data, then the widget works (a search).
    await page.locator('#seul input[type="search"]').hover();
    await widgetRunning(page, 'seul');
    await page.waitForLoadState('networkidle');
    const brotliAll = brotli(requests);
    const raw = requests.reduce((sum, p) => sum + file(p).length, 0);
    assert.ok(requests.includes('/data/programme-2023.json') && !requests.includes('/data/editions.json'), requests.join(', '));
    console.log(`module : peint avec ${(painted / 1024).toFixed(1)} Kio brotli ; en marche : ${requests.length} requêtes, ${(brotliAll / 1024).toFixed(1)} Kio brotli, ${(raw / 1024).toFixed(1)} Kio bruts (${requests.join(', ')})`);
    assert.ok(painted <= budgets.before_interaction_brotli_kib * 1024, `widget painted with ${(painted / 1024).toFixed(1)} KiB brotli > ${budgets.before_interaction_brotli_kib} KiB`);
    assert.ok(requests.length <= budgets.requests, `${requests.length} requests > ${budgets.requests} (${requests.join(', ')})`);
    assert.ok(brotliAll <= budgets.first_load_brotli_kib * 1024, `widget: ${(brotliAll / 1024).toFixed(1)} KiB brotli > ${budgets.first_load_brotli_kib} KiB (${requests.join(', ')})`);
    assert.ok(raw < budgets.raw_kib_below * 1024, `widget: ${(raw / 1024).toFixed(1)} KiB raw, not below ${budgets.raw_kib_below} KiB`);
    await page.close();
  });
});

describe('the widget’s own failures and limits', () => {
  it('shows a 500-item programme 15 at a time; « Afficher plus » moves focus to the first new item and says so', async () => {
    host.write('/grand.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Grand programme (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Grand programme synthétique</h1><nec-widget id="grand" data-src="/scale/"></nec-widget></main></body></html>`);
    const page = await openHost('/grand.html', { widgets: ['grand'] });
    const items = () => page.evaluate(() => document.getElementById('grand').shadowRoot.querySelectorAll('.nec-item').length);
    assert.equal(await items(), 15);
    assert.equal(await page.locator('#grand').getByRole('status').first().innerText(), '500 éléments, dont 15 affichés.');
    const elements = await page.evaluate(() => document.getElementById('grand').shadowRoot.querySelectorAll('*').length);
    assert.ok(elements <= 300, `${elements} elements in the widget`);
    await page.locator('#grand').getByRole('button', { name: 'Afficher 15 éléments de plus' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('grand').shadowRoot.querySelectorAll('.nec-item').length === 30);
    // Focus moves once the new items are drawn, which may be a frame after they are in the DOM.
    const focusedItem = () => document.getElementById('grand').shadowRoot.activeElement?.closest('li')?.dataset.position;
    await page.waitForFunction(focusedItem, null, { timeout: 5_000 }).catch(() => {});
    assert.equal(await page.evaluate(focusedItem), '15', 'focus on the 16th item');
    await page.waitForFunction(() => document.getElementById('grand').shadowRoot.getElementById('annonces').textContent === '30 éléments affichés.');
    await page.close();
  });

  it('speaks French on an English page unless told otherwise, and English with lang="en", the data translated', async () => {
    host.write('/english.html', `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner page in English (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Our events</h1><nec-widget id="fr" view="charte"></nec-widget>
      <nec-widget id="en" view="charte" lang="en-GB"></nec-widget></main></body></html>`);
    const page = await openHost('/english.html', { widgets: ['fr', 'en'] });
    const rootLang = (id) => page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.nec-root').lang, id);
    assert.equal(await rootLang('fr'), 'fr');
    assert.equal(await rootLang('en'), 'en');
    assert.equal(await page.locator('#fr').getByRole('heading', { level: 2 }).innerText(), 'La charte de Numérique en Commun[s]');
    assert.equal(await page.locator('#en').getByRole('heading', { level: 2 }).innerText(), 'The Numérique en Commun[s] charter');
    const first = page.locator('#en').getByRole('heading', { level: 3 }).first();
    assert.equal(await page.locator('#en').getByRole('heading', { level: 3, name: `Commitment number 1: ${shipped.charter.engagements[0].title.en}` }).count(), 1);
    assert.equal(await first.locator('span[lang="fr"]').count(), 0, 'the translated commitment title is English, not marked French');
    assert.ok(await page.locator('#en').getByRole('link', { name: 'The charter on the Numérique en Commun[s] website' }).isVisible());
    assert.match(await page.locator('#en').getByRole('link', { name: 'The charter on the Numérique en Commun[s] website' }).getAttribute('href'), /\/en\/charte$/);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('says what is wrong with its attributes, and still shows what it can', async () => {
    host.write('/mal-configure.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Module mal configuré (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Module mal configuré</h1><nec-widget id="faux" view="agenda" heading-level="9" theme="inconnue"></nec-widget></main></body></html>`);
    const page = await openHost('/mal-configure.html', { widgets: ['faux'] });
    const text = await page.locator('#faux .nec-root').innerText();
    assert.match(text, /Ce module est mal configuré ; ces valeurs sont ignorées :/);
    assert.match(text, /view : « agenda » n’est pas une vue ; valeurs possibles : programme, charte, editions\./);
    assert.match(text, /heading-level : « 9 » n’est pas un niveau de titre/);
    assert.match(text, /theme : « inconnue » n’est pas une thématique de ce programme ; valeurs possibles : donnees-territoire,/);
    assert.equal(await page.locator('#faux').getByRole('heading', { level: 2 }).innerText(), 'Programme de Numérique en Commun[s] 2023', 'defaults used');
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('shows the edition its own data-src says is current, and says when that index cannot be read', async () => {
    host.write('/ailleurs.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Autres données (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Autres données</h1><nec-widget id="autre" data-src="/ailleurs/"></nec-widget>
      <nec-widget id="casse" data-src="/casse/"></nec-widget></main></body></html>`);
    const page = await openHost('/ailleurs.html', { widgets: ['autre', 'casse'] });
    assert.equal(await page.locator('#autre').getByRole('heading', { level: 2 }).innerText(), 'Programme de Numérique en Commun[s] 2099');
    const alert = page.locator('#casse').getByRole('alert');
    assert.match(await alert.innerText(), /Impossible d’afficher le programme\.\s+Le fichier de données reçu est illisible\./);
    await alert.getByText('Détails techniques').click();
    assert.match(await alert.locator('li').innerText(), /^\$\.current : valeur inattendue \(une année est attendue\)$/);
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('shows an alert with a retry inside the widget when its data is missing, and recovers', async () => {
    host.write('/panne.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Données absentes (test)</title>
      <script type="module" src="${env.url}/widget.js"></script></head>
      <body><main><h1>Données absentes</h1><p id="reste">Le reste de la page.</p>
      <nec-widget id="panne" data-src="/flaky/"></nec-widget><nec-widget id="charte" view="charte"></nec-widget></main></body></html>`);
    const page = await openHost('/panne.html', { widgets: ['panne', 'charte'] });
    const alert = page.locator('#panne').getByRole('alert');
    assert.match(await alert.innerText(), /Impossible d’afficher le programme\.\s+Le fichier de données est introuvable \(erreur 404\)\./);
    assert.equal(await page.locator('#reste').innerText(), 'Le reste de la page.');
    assert.equal(await page.locator('#charte').getByRole('heading', { level: 3 }).count(), charter.engagements.length, 'the other widget works');
    host.repair();
    await alert.getByRole('button', { name: 'Réessayer' }).click();
    await page.locator('#panne').getByRole('heading', { level: 4 }).first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id === 'panne' && document.getElementById('panne').shadowRoot.activeElement?.className), 'nec-widget', 'focus stays in the widget');
    assert.deepEqual(panics(page), []);
    await page.close();
  });
});

describe('the /integrer builder and the iframe mode', () => {
  async function builder() {
    const page = await openPage(env);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
    await page.goto(env.url + '/integrer');
    await settled(page);
    return page;
  }

  it('writes a snippet that works as pasted on a partner page, and says « Code copié »', async () => {
    const page = await builder();
    assert.equal(await page.locator('h1').innerText(), 'Intégrer NEC sur votre site');
    await page.getByRole('group', { name: 'Thématiques' }).getByLabel('Communs & souveraineté').check();
    await page.getByLabel('Niveau du premier titre du module').selectOption('3');
    const code = page.locator('pre.code code').first();
    const snippet = await code.innerText();
    assert.equal(snippet, `<script type="module" src="${env.url}/widget.js"></script>\n<nec-widget view="programme" theme="communs-souverainete" heading-level="3"></nec-widget>`);
    await page.getByRole('button', { name: 'Copier le code' }).click();
    await page.waitForFunction(() => document.getElementById('annonces').textContent === 'Code copié.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), snippet);

    host.write('/colle.html', `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Code collé (test)</title></head>
      <body><main><h1>Code collé</h1><h2>Communs</h2>${snippet}</main></body></html>`);
    const partner = await openHost('/colle.html');
    await partner.locator('nec-widget').getByRole('heading', { level: 5 }).first().waitFor();
    assert.equal(await partner.locator('nec-widget').getByRole('heading', { level: 5 }).count(), commonsItems.length);
    assert.deepEqual(await partner.evaluate(() => window.cspViolations), []);
    await partner.close();
    await page.close();
  });

  it('previews the widget on demand and follows the options; warns about a low-contrast colour', async () => {
    const page = await builder();
    assert.equal(await page.locator('nec-widget').count(), 0, 'the widget is not loaded before it is asked for');
    await page.getByRole('button', { name: 'Afficher l’aperçu' }).click();
    // The button goes; focus moves to the section's heading on the next frame (focus_if_lost).
    await page.waitForFunction(() => document.activeElement.id === 'apercu', null, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.id), 'apercu', 'focus stays in the section');
    // Under the h2 « Aperçu », the preview's headings start at level 3 (RGAA 9.1), even with level 1 chosen.
    await page.locator('nec-widget').getByRole('heading', { level: 3, name: 'Programme de Numérique en Commun[s] 2023' }).waitFor();
    await page.getByLabel('Niveau du premier titre du module').selectOption('1');
    await page.locator('nec-widget').getByRole('heading', { level: 3, name: 'Programme de Numérique en Commun[s] 2023' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1, 'one h1 on the page');
    assert.match(await page.locator('pre.code code').first().innerText(), / heading-level="1"/, 'the code keeps the level chosen');
    assert.deepEqual(await axeViolations(page), [], 'the builder with its preview shown');
    await page.getByLabel('Niveau du premier titre du module').selectOption('2');
    await page.waitForFunction((n) => document.querySelector('nec-widget')?.shadowRoot?.querySelectorAll('.nec-item').length === n, programme.items.length);
    await page.getByLabel('La charte').check();
    await page.locator('nec-widget').getByRole('heading', { name: /^Engagement numéro 1/ }).waitFor();
    const colour = page.getByLabel('Couleur d’accent (boutons et filet du haut)');
    await colour.fill('#ffcc00');
    assert.match(await page.locator('#couleur-contraste').innerText(), /contraste de 1,[0-9]:1, insuffisant/);
    // A status message (RGAA 7.5): a low contrast is said at once, a sufficient one politely.
    await page.waitForFunction(() => /insuffisant/.test(document.getElementById('annonces-urgentes').textContent));
    assert.equal(await page.evaluate(() => document.getElementById('annonces-urgentes').textContent), await page.locator('#couleur-contraste').innerText());
    assert.match(await page.locator('pre.code code').nth(1).innerText(), /^nec-widget \{ --nec-accent: #ffcc00; \}$/);
    await colour.fill('#000091');
    await page.waitForFunction(() => /contraste de 14,9:1, suffisant/.test(document.getElementById('annonces').textContent));
    assert.deepEqual(panics(page), []);
    await page.close();
  });

  it('gives an iframe that sizes itself through origin-checked height messages', async () => {
    const page = await builder();
    await page.getByRole('group', { name: 'Jours' }).getByLabel(/^Jeudi 19 octobre 2023/).check();
    const blocks = await page.locator('pre.code code').allInnerTexts();
    const iframe = blocks.find((b) => b.startsWith('<iframe'));
    const listener = blocks.find((b) => b.includes('addEventListener'));
    assert.ok(iframe && listener);
    assert.match(iframe, / title="Programme de Numérique en Commun\[s\]"/);
    await page.close();

    host.write('/iframe.html', readFileSync(new URL('iframe.html', FIXTURES), 'utf8').replace('__IFRAME__', iframe));
    // The listener as a file: the host's CSP forbids inline scripts.
    host.write('/host-height.js', listener.replace(/^<script>\n|\n<\/script>$/g, ''));
    const partner = await openPage(env);
    const response = await partner.goto(host.url + '/iframe.html');
    assert.equal(response.status(), 200);
    const frameElement = partner.locator('iframe');
    const frame = partner.frameLocator('iframe');
    await frame.locator('nec-widget').getByRole('heading', { level: 1, name: 'Programme de Numérique en Commun[s] 2023' }).waitFor();
    const thursday = programme.items.filter((i) => i.day === '2023-10-19').length;
    await frame.locator('nec-widget').getByRole('heading', { level: 3 }).first().waitFor();
    assert.equal(await frame.locator('nec-widget').getByRole('heading', { level: 3 }).count(), thursday);
    const content = partner.frames()[1];
    assert.equal(await content.title(), 'Programme de Numérique en Commun[s]', 'the framed page’s title matches the iframe’s (no year: it shows the current edition)');
    await partner.waitForFunction(() => {
      const frame = document.querySelector('iframe');
      return frame.style.height && frame.style.height !== '900px';
    });
    const [styled, inner] = await Promise.all([
      frameElement.evaluate((f) => parseFloat(f.style.height)),
      content.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ]);
    assert.ok(Math.abs(styled - inner) <= 2, `iframe ${styled}px for ${inner}px of content`);

    // A message from any other origin is ignored.
    await partner.evaluate(() => window.postMessage({ type: 'nec-widget:height', height: 150 }, '*'));
    await partner.waitForTimeout(200);
    assert.equal(await frameElement.evaluate((f) => parseFloat(f.style.height)), styled);
    // The framed page answers with frame-ancestors * (the site's own pages with 'none').
    const embedHeaders = (await headersOf(`${env.url}/embed/programme.html`))['content-security-policy'];
    assert.match(embedHeaders, /frame-ancestors \*/);
    assert.match((await headersOf(`${env.url}/programme`))['content-security-policy'], /frame-ancestors 'none'/);
    assert.deepEqual(await axeViolations(partner), []);
    // A link of the framed widget opens the site's page in the whole tab (it refuses framing).
    await frame.locator('nec-widget').getByRole('link', { name: /Plénière/ }).click();
    await partner.waitForURL(`${env.url}/programme/pleniere-jeudi`);
    await partner.locator('main h1').waitFor();
    assert.equal(await partner.locator('main h1').innerText(), 'Plénière');
    await partner.close();
  });
});
