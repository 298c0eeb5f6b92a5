// Any static host (issue 23): one that answers an address it has no page for with index.html (a
// single-page app's usual rule, the build's 404.html unused), or every route with index.html. The
// page sent was written for another address (scripts/prerender.mjs, `data-path`): the boot module
// starts the app at once, without waiting for the visitor, `main` busy meanwhile, and the app
// shows this address's page, or « Page introuvable », with its title and h1. A page sent for its
// own address is left as written until the visitor reaches for a control.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appRunning, holdWasm, launchBrowser, openPage, panics } from '../support/browser.mjs';
import { DIST, serve } from '../support/server.mjs';
import { ROUTES } from '../support/routes.mjs';

const route = (path) => ROUTES.find((r) => r.path === path);
const NOT_FOUND = route('/cette-page-n-existe-pas');
const HOME = route('/');

let browser;
let pagesHost; // its page when the build wrote one, else index.html (try_files $uri $uri/index.html /index.html)
let indexHost; // index.html for every address without a file
before(async () => {
  browser = await launchBrowser();
  pagesHost = await serve(DIST, 0, {}, { fallback: 'pages' });
  indexHost = await serve(DIST, 0, {}, { fallback: 'index' });
});
after(async () => {
  await browser?.close();
  await pagesHost?.close();
  await indexHost?.close();
});

const isWasm = (url) => /\/nec-web-[0-9a-f]+_bg\.wasm$/.test(new URL(url).pathname);

/** Opens `path` as a visitor who only reads (no pointer, no key), the wasm held back. */
async function visit(host, path) {
  const page = await openPage({ browser });
  const release = await holdWasm(page);
  const wasm = page.waitForRequest((r) => isWasm(r.url()), { timeout: 15000 });
  const response = await page.goto(host.url + path, { app: false, waitUntil: 'load' });
  return { page, release, wasm, response };
}

describe('a host that sends another page for an address', () => {
  const cases = [
    // [host, address, the page the host sends (its <title>), what the app shows; `said`: the
    // announcement, the page's summary (the count on /programme), else its h1]
    ['pages', '/atelier-qui-n-existe-pas', HOME.title, { h1: NOT_FOUND.h1, title: NOT_FOUND.title, lang: 'fr' }],
    ['pages', '/en/nowhere', HOME.title, { ...NOT_FOUND.en, lang: 'en' }],
    // An unknown item: the item page's own « Élément introuvable » (nginx sends 404.html there).
    ['pages', '/programme/atelier-qui-n-existe-pas', HOME.title, { h1: 'Élément introuvable', title: 'Élément introuvable — Programme 2023 — Numérique en Commun[s]', lang: 'fr' }],
    ['index', '/programme/grande-soiree', HOME.title, { ...route('/programme/grande-soiree'), lang: 'fr' }],
    ['index', '/charte', HOME.title, { ...route('/charte'), lang: 'fr' }],
    ['index', '/en/programme', HOME.title, { ...route('/programme').en, lang: 'en', said: '13 items match.' }],
  ];
  for (const [kind, path, sent, shown] of cases) {
    it(`${path} answered with index.html: the app starts by itself and shows « ${shown.h1} »`, async () => {
      const { page, release, wasm, response } = await visit(kind === 'pages' ? pagesHost : indexHost, path);
      assert.equal(response.status(), 200, 'the host answers 200, not 404');
      assert.ok((await response.text()).includes(`<title>${sent}</title>`), `the host sends the page titled « ${sent} »`);
      await wasm; // no pointer, no key: the boot module asked for the app on its own
      assert.equal(await page.locator('main').getAttribute('aria-busy'), 'true', 'main is busy while the app loads');
      release();
      await appRunning(page);
      assert.equal(await page.locator('main').getAttribute('aria-busy'), null, 'no longer busy');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), shown.h1);
      assert.equal(await page.title(), shown.title);
      assert.equal(await page.evaluate(() => document.documentElement.lang), shown.lang);
      assert.equal(await page.locator('h1').count(), 1, 'one h1: the page sent is gone');
      await page.waitForFunction(() => document.getElementById('annonces').textContent !== '');
      assert.equal((await page.locator('#annonces').textContent()).trim(), shown.said ?? shown.h1, 'the page now shown is said once');
      assert.deepEqual(panics(page), []);
      await page.close();
    });
  }
});

describe('a page sent for its own address', () => {
  // The same page by another spelling: a trailing slash, the file's own name; and the not-found
  // page, which fits any address.
  const cases = [
    ['/', HOME.h1], ['/index.html', HOME.h1], ['/programme/', route('/programme').h1], ['/en/', HOME.en.h1],
    ['/en/charte/', route('/charte').en.h1], ['/404.html', NOT_FOUND.h1],
  ];
  for (const [path, h1] of cases) {
    it(`${path}: read as written, the app not downloaded`, async () => {
      const page = await openPage({ browser });
      const requested = [];
      page.on('request', (r) => { if (isWasm(r.url())) requested.push(r.url()); });
      await page.goto(pagesHost.url + path, { app: false, waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), h1);
      assert.deepEqual(requested, [], 'no wasm');
      assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null, 'the app is not starting');
      assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
      await page.close();
    });
  }
});
