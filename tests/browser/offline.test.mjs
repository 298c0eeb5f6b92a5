// The site without a network (issue 8), through its service worker (scripts/service-worker.mjs):
// after a first visit, with the browser offline and the server stopped, the routes and their
// data still open, each view that shows the offline copy says « Données hors ligne du … », and
// a new release's worker replaces the old cache. Each test serves its own copy of dist/ with the
// suite's nginx (deploy/ unchanged), so stopping that server is a real loss of the network and a
// new build can be simulated in the copy.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, launchBrowser, offlineCopyMade, panics, plain, settled } from '../support/browser.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST, workerOf } from '../support/server.mjs';
import { ROUTES } from '../support/routes.mjs';

const SCRIPTS = fileURLToPath(new URL('../../scripts/', import.meta.url));
const route = (path) => ROUTES.find((r) => r.path === path);
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 1er décembre 2026 à 19 h 05 » for an RFC 3339 time with its offset, as crates/nec-core/src/format.rs writes it. */
function frenchDateTime(rfc3339) {
  const m = rfc3339.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  const day = Number(m[3]) === 1 ? '1er' : String(Number(m[3]));
  // The app always writes the minutes: « 2 h 00 » (crates/nec-core/src/format.rs).
  return `${day} ${MONTHS[Number(m[2]) - 1]} ${m[1]} à ${Number(m[4])} h ${m[5]}`;
}

/** What this origin's Cache Storage holds: { cache name: [paths] }. */
const cacheContents = (page) => page.evaluate(async () => {
  const out = {};
  for (const name of await caches.keys()) {
    out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
  }
  return out;
});

/** Polls `check` (in node) until it holds, or fails with `what` after `ms`. */
async function until(check, what, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

let browser;
const dirs = [];
/** A copy of dist/ served by nginx with deploy/, to stop or rebuild at will. */
async function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'nec-offline-'));
  dirs.push(dir);
  cpSync(DIST, dir, { recursive: true });
  return { dir, server: await serveWithNginx(dir) };
}

async function firstVisit(url, path = '/') {
  const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') page.problems.push(msg.text()); });
  await page.goto(url + path);
  await settled(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), null, { timeout: 30_000 });
  // The app has run (settled starts it): the worker keeps all of it and the data (the served
  // copy of dist/ is dist/'s until a test rebuilds it).
  await offlineCopyMade(page, workerOf(DIST));
  return { context, page };
}

async function assertRoute(page, path, { offline }) {
  const expected = route(path);
  await settled(page);
  assert.equal(await page.locator('main h1').innerText(), expected.h1, `${path}: h1`);
  const main = plain(await page.locator('main').innerText());
  for (const text of expected.content) assert.ok(main.includes(plain(text)), `${path}: shows « ${text} »`);
  const notice = page.getByRole('status').filter({ hasText: 'Données hors ligne' });
  if (offline) {
    assert.equal(await notice.count(), 1, `${path}: one offline notice`);
    // French typography: no-break spaces in « 13 h 38 » and before « : ».
    assert.match(plain(await notice.innerText()), new RegExp(`^Données hors ligne du ${offline} : le serveur n’a pas pu être joint`));
  } else {
    assert.equal(await notice.count(), 0, `${path}: no offline notice while online`);
  }
}

before(async () => { browser = await launchBrowser(); });
after(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

// A hung evaluate or navigation fails the test by name instead of stalling the suite.
const LIMIT = { timeout: 120_000 };

describe('offline, through the service worker', () => {
  it('after a first visit, /, /programme and /programme/grande-soiree open with the network off, and say the data is the offline copy', LIMIT, async () => {
    const { dir, server } = await serveCopy();
    const worker = workerOf(dir);
    const visited = Date.now();
    const { context, page } = await firstVisit(server.url);
    await assertRoute(page, '/', { offline: null });

    // The worker's cache is this build's, and holds the page it was installed from, the shell,
    // every hashed file and the data.
    const contents = await cacheContents(page);
    assert.deepEqual(Object.keys(contents), [worker.cache]);
    assert.deepEqual(contents[worker.cache], ['/', '/shell.html', ...worker.assets, ...worker.data].sort());
    assert.ok(worker.assets.some((p) => p.endsWith('_bg.wasm')) && worker.data.includes('/data/programme-2023.json'));
    const stamp = await page.evaluate(async () => (await caches.match('/data/programme-2023.json')).headers.get('X-NEC-Hors-Ligne'));
    assert.match(stamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const copied = Date.parse(stamp);
    assert.ok(copied >= Math.floor(visited / 1000) * 1000 && copied <= Date.now(), `the copy is stamped with the time it was made (${stamp})`);
    const when = frenchDateTime(stamp);

    // The network goes: the browser is offline and the server is stopped.
    await context.setOffline(true);
    await server.close();

    await page.reload();
    await assertRoute(page, '/', { offline: when });
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programme', exact: true }).click();
    await page.waitForURL(/\/programme$/);
    await assertRoute(page, '/programme', { offline: when });
    assert.deepEqual(await axeViolations(page), [], 'the offline notice passes axe-core');
    // A full navigation (typed address, bookmark) to an item page not visited online: the cached
    // shell, from which the app shows the page, then the data.
    await page.goto(`${server.url}/programme/grande-soiree`);
    await assertRoute(page, '/programme/grande-soiree', { offline: when });
    assert.equal(await page.title(), route('/programme/grande-soiree').title);
    // A route that needs no data file shows no notice.
    await page.goto(`${server.url}/plan-du-site`);
    await settled(page);
    assert.equal(await page.locator('main h1').innerText(), 'Plan du site');
    assert.equal(await page.getByText('Données hors ligne').count(), 0);
    assert.deepEqual(panics(page), []);
    await context.close();
  });

  it('a new build’s worker replaces the old cache, and the new files then work offline', LIMIT, async () => {
    const { dir, server } = await serveCopy();
    const before = workerOf(dir);
    const { context, page } = await firstVisit(server.url, '/charte');

    // A new release: the style sheet changes, so Trunk would give it a new hash, index.html points
    // to it (with its integrity), and the same post-build steps run again.
    const oldCss = readdirSync(dir).find((name) => /^main-[0-9a-f]{12,16}\.css$/.test(name));
    const css = readFileSync(join(dir, oldCss), 'utf8') + '\n/* nouvelle version */\n';
    const newCss = `main-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
    writeFileSync(join(dir, newCss), css);
    rmSync(join(dir, oldCss));
    for (const suffix of ['.br', '.gz']) rmSync(join(dir, oldCss + suffix), { force: true });
    const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
    // Every page of the build names it (index.html, shell.html, the prerendered pages).
    const pages = readdirSync(dir, { recursive: true }).filter((name) => name.endsWith('.html') && !name.startsWith('embed'));
    assert.ok(pages.includes('shell.html') && pages.includes(join('charte', 'index.html')));
    for (const name of pages) {
      const html = readFileSync(join(dir, name), 'utf8');
      const rewritten = html.replace(new RegExp(`href="?/${oldCss}"?( integrity="?[^" >]*"?)?`), `href="/${newCss}" integrity="${integrity}"`);
      assert.notEqual(rewritten, html, `${name} referenced the style sheet`);
      writeFileSync(join(dir, name), rewritten);
    }
    renameSync(join(dir, 'sw.js'), join(dir, 'sw.old.js'));
    execFileSync('node', [join(SCRIPTS, 'service-worker.mjs'), dir]);
    execFileSync('node', [join(SCRIPTS, 'precompress.mjs'), dir]);
    const next = workerOf(dir);
    assert.notEqual(next.cache, before.cache, 'a new build names a new cache');
    assert.ok(next.assets.includes(`/${newCss}`) && !next.assets.includes(`/${oldCss}`));

    // The browser checks for a new worker (it does so on navigations; here, at once).
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await until(async () => Object.keys(await cacheContents(page)).join() === next.cache, 'only the new cache is left');
    const contents = await cacheContents(page);
    assert.deepEqual(Object.keys(contents), [next.cache], 'the old cache is deleted');
    // (Not the open page, which the HTTP cache holds as the previous build wrote it.)
    assert.deepEqual(contents[next.cache], ['/shell.html', ...next.assets, ...next.data].sort());

    await context.setOffline(true);
    await server.close();
    await page.reload();
    await assertRoute(page, '/charte', { offline: frenchDateTime(await page.evaluate(async () => (await caches.match('/data/charter.json')).headers.get('X-NEC-Hors-Ligne'))) });
    assert.deepEqual(await page.evaluate(() => [...document.styleSheets].map((s) => new URL(s.href).pathname)), [`/${newCss}`], 'the new style sheet, from the new cache');
    assert.deepEqual(panics(page), []);
    await context.close();
  });

  it('offline, a page visited online opens as it was prerendered, any other from the shell, and the app runs in both', LIMIT, async () => {
    const { server } = await serveCopy();
    const { context, page } = await firstVisit(server.url, '/');
    // A full navigation, now through the worker: it keeps the page.
    await page.goto(`${server.url}/charte`);
    await settled(page);
    await until(async () => Object.values(await cacheContents(page)).flat().includes('/charte'), 'the worker keeps /charte');

    await context.setOffline(true);
    await server.close();
    const kept = await page.goto(`${server.url}/charte`);
    const html = await kept.text();
    assert.match(html, /data-prerendered/, 'the kept page is the prerendered one');
    assert.ok(html.includes('>La charte de NEC</h1>'), 'with its content');
    const stamp = await page.evaluate(async () => (await caches.match('/data/charter.json')).headers.get('X-NEC-Hors-Ligne'));
    await assertRoute(page, '/charte', { offline: frenchDateTime(stamp) });
    const shell = await page.goto(`${server.url}/plan-du-site`);
    assert.doesNotMatch(await shell.text(), /data-prerendered/, 'a page never visited: the shell');
    await settled(page);
    assert.equal(await page.locator('main h1').innerText(), 'Plan du site');
    assert.deepEqual(page.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(p)), []);
    await context.close();
  });

  it('after a visit that only read, the pages read open offline as they were, and any other says it was not kept', LIMIT, async () => {
    const { dir, server } = await serveCopy();
    const context = await browser.newContext({ serviceWorkers: 'allow', locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    // Downloaded, not asked for: offline, the shell's start asks for the glue and the wasm at
    // once, and both fail.
    const wasm = [];
    page.on('requestfinished', (r) => { if (r.url().endsWith('.wasm')) wasm.push(r.url()); });
    // The worker's own requests: the shell is not downloaded for a visit that only reads.
    const shellDownloads = [];
    context.on('request', (r) => { if (new URL(r.url()).pathname === '/shell.html') shellDownloads.push(r.url()); });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), null, { timeout: 30_000 });
    // A page load through the worker, which keeps it; nothing here starts the app.
    await page.goto(`${server.url}/charte`);
    await until(async () => Object.values(await cacheContents(page)).flat().includes('/charte'), 'the worker keeps /charte');

    await context.setOffline(true);
    await server.close();
    await page.goto(`${server.url}/charte`);
    assert.equal(await page.locator('main h1').innerText(), 'La charte de NEC');
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('alert').count(), 0, 'a page read needs nothing more');
    // The first page read too, which the worker took from the HTTP cache as it installed.
    const home = await page.goto(`${server.url}/`);
    assert.match(await home.text(), /data-prerendered/);
    assert.equal(await page.locator('main h1').innerText(), route('/').h1);
    await page.waitForTimeout(500);
    assert.equal(await page.getByRole('alert').count(), 0);
    const other = await page.goto(`${server.url}/plan-du-site`);
    // Made by the worker from a page it keeps, it is shell.html itself.
    assert.equal(await other.text(), readFileSync(join(dir, 'shell.html'), 'utf8'), 'a page never visited: the shell');
    assert.match(await other.headerValue('content-security-policy'), /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/, 'with the CSP of the page it is made from');
    assert.deepEqual(shellDownloads, [], 'the shell was not downloaded');
    assert.equal(await page.title(), 'Numérique en Commun[s]');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /^L’application n’a pas pu démarrer\.\s+Cette page n’a pas été gardée sur cet appareil pour une lecture hors ligne/);
    assert.ok(await alert.getByRole('button', { name: 'Réessayer' }).isVisible());
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(wasm.filter((url) => !url.includes('/widget')), [], 'the app was never downloaded');
    await context.close();
  });

  it('/donnees-personnelles lists the offline copy, and erasing removes it until the next visit', LIMIT, async () => {
    const { dir, server } = await serveCopy();
    const worker = workerOf(dir);
    // The page it was installed from (/), the shell, the app and the data.
    const files = 2 + worker.assets.length + worker.data.length;
    const { context, page } = await firstVisit(server.url, '/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Données personnelles' }).click();
    await settled(page);
    const table = page.getByRole('table', { name: 'Ce que ce site garde sur votre appareil' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'nec-web-…' }) });
    await row.getByRole('cell', { name: `${files} fichiers` }).waitFor();
    assert.match(await row.innerText(), /Ouvrir le site sans connexion/);

    await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
    await row.getByRole('cell', { name: 'rien', exact: true }).waitFor();
    assert.deepEqual(await cacheContents(page), {}, 'no cache left');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) ?? null), null, 'no worker registered');
    assert.match(await page.locator('.notice').innerText(), /la copie hors ligne, elle, sera refaite à votre prochaine visite/);
    // Moving around the site copies nothing back into the erased cache.
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Programme', exact: true }).click();
    await settled(page);
    assert.deepEqual(await cacheContents(page), {});

    // The next visit registers the worker again, which makes a new copy.
    await page.goto(`${server.url}/donnees-personnelles`);
    await settled(page);
    await until(async () => Object.keys(await cacheContents(page)).join() === worker.cache, 'a new copy is made');
    assert.deepEqual(panics(page), []);
    await context.close();
    await server.close();
  });
});
