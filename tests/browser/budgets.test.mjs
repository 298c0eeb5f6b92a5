// Every route's first load against budgets.json: brotli bytes (data included), request count,
// DOM elements (SVG internals not counted), EcoIndex; and no cookie, no request to another
// origin, no call to the browser APIs fingerprinting scripts read.
// Each route is first read (the app not started, scripts/shipped/boot.js), then the app is started: both
// are measured, the first against the route budgets, the second against the app's start.
// The service worker is allowed, as for a visitor: what it fetches (sw.js, then its offline
// copy) counts. What it takes from the browser's HTTP cache (the files the page
// has just loaded) sends nothing over the network and is not counted as a request, but the test
// fails if the worker downloads again a file the page already has.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { offlineCopyMade, openPage, settled, start } from '../support/browser.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST, servedFile, workerOf } from '../support/server.mjs';
import { ROUTES, programme } from '../support/routes.mjs';
import { QUANTILES, ecoIndex, grade, quantilePosition } from '../support/ecoindex.mjs';

const budgets = JSON.parse(readFileSync(new URL('../../budgets.json', import.meta.url), 'utf8'));
const brotliSize = new Map();

/** The dist/ file a URL path is served from, relative to dist/ (deploy/'s rules, server.mjs). */
function servedPath(pathname) {
  return relative(DIST, servedFile(DIST, pathname).path);
}

/** The brotli size of the dist/ file a URL path is served from. */
function brotliBytes(pathname) {
  const file = servedPath(pathname);
  if (!brotliSize.has(file)) {
    const body = readFileSync(join(DIST, file));
    brotliSize.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliSize.get(file);
}

/**
 * Wraps the APIs that fingerprinting relies on (canvas, WebGL and audio read-back, device and
 * hardware details, battery, media devices, high-entropy client hints) so that any use is recorded.
 */
function watchFingerprinting() {
  window.fingerprintingCalls = [];
  const watch = (owner, name, label) => {
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (!descriptor) return;
    const record = () => window.fingerprintingCalls.push(label);
    if (typeof descriptor.value === 'function') {
      const original = descriptor.value;
      Object.defineProperty(owner, name, { ...descriptor, value(...args) { record(); return original.apply(this, args); } });
    } else if (descriptor.get) {
      const original = descriptor.get;
      Object.defineProperty(owner, name, { ...descriptor, get() { record(); return original.call(this); } });
    }
  };
  watch(HTMLCanvasElement.prototype, 'getContext', 'canvas.getContext');
  watch(HTMLCanvasElement.prototype, 'toDataURL', 'canvas.toDataURL');
  watch(HTMLCanvasElement.prototype, 'toBlob', 'canvas.toBlob');
  watch(window.WebGLRenderingContext?.prototype, 'getParameter', 'webgl.getParameter');
  watch(window.AudioContext?.prototype, 'createAnalyser', 'audio.createAnalyser');
  watch(window.OfflineAudioContext?.prototype, 'startRendering', 'offlineAudio.startRendering');
  for (const name of ['plugins', 'mimeTypes', 'hardwareConcurrency', 'deviceMemory', 'connection', 'userAgentData', 'getBattery']) {
    watch(Navigator.prototype, name, `navigator.${name}`);
  }
  watch(window.MediaDevices?.prototype, 'enumerateDevices', 'mediaDevices.enumerateDevices');
  for (const name of ['colorDepth', 'pixelDepth', 'availWidth', 'availHeight']) watch(Screen.prototype, name, `screen.${name}`);
  watch(window.FontFaceSet?.prototype, 'check', 'fonts.check');
}

let env;
const report = [];
before(async () => { env = await start(); });
after(async () => {
  await env?.stop();
  console.log('\nroute                      contenu avant wasm  lue (brotli)  requêtes (page + worker)  éléments DOM  EcoIndex  premier geste  démarrage de l’application');
  for (const r of report) {
    const twice = r.again.length ? `  (téléchargé deux fois : ${r.again.join(', ')})` : '';
    console.log(`${r.path.padEnd(26)} ${(r.beforeWasm / 1024).toFixed(1).padStart(14)} Kio ${(r.bytes / 1024).toFixed(1).padStart(8)} Kio ${`${r.requests} + ${r.workerRequests}`.padStart(24)} ${String(r.elements).padStart(13)} ${r.ecoindex.toFixed(1).padStart(9)} ${(r.firstActionBytes / 1024).toFixed(1).padStart(10)} Kio ${(r.appBytes / 1024).toFixed(1).padStart(10)} Kio, ${r.appRequests} requêtes${twice}`);
  }
});

describe('EcoIndex formula (tests/support/ecoindex.mjs)', () => {
  it('places values between the reference quantiles and weighs DOM 3, requests 2, size 1', () => {
    assert.equal(quantilePosition(QUANTILES.dom_size, 0), 0);
    assert.equal(quantilePosition(QUANTILES.dom_size, 47), 1);
    assert.equal(quantilePosition(QUANTILES.dom_size, 61), 1.5);
    assert.equal(quantilePosition(QUANTILES.nb_request, 10_000), 20);
    assert.equal(ecoIndex({ elements: 0, requests: 0, bytes: 0 }), 100);
    assert.equal(ecoIndex({ elements: 10 ** 6, requests: 10 ** 4, bytes: 10 ** 9 }), 0);
    // One quantile step of each measure costs 2.5, 1.67 and 0.83 points.
    assert.equal(ecoIndex({ elements: 47, requests: 0, bytes: 0 }), 97.5);
    assert.ok(Math.abs(ecoIndex({ elements: 0, requests: 2, bytes: 0 }) - (100 - 10 / 6)) < 1e-9);
    assert.ok(Math.abs(ecoIndex({ elements: 0, requests: 0, bytes: 1370 }) - (100 - 5 / 6)) < 1e-9);
    // The reference's medians (693 elements, 78 requests, 2,420 kB) land in grade D.
    assert.equal(grade(ecoIndex({ elements: 693, requests: 78, bytes: 2_420_000 })), 'D');
    assert.equal(grade(95), 'A');
  });
});

/** The network requests among `seen`: the page's (URLs; those the worker answered are not) and
 * the service worker's (paths; what it took from the HTTP cache sent nothing and is not one), and
 * the brotli bytes of both. */
async function measure(seen) {
  const requests = [];
  for (const request of seen.filter((r) => !r.serviceWorker())) {
    // Answered by the worker: its own request, if it made one, is the one on the network.
    if (!(await request.response())?.fromServiceWorker()) requests.push(new URL(request.url()));
  }
  const worker = [];
  for (const request of seen.filter((r) => r.serviceWorker())) {
    const { pathname } = new URL(request.url());
    if (request.failure()) {
      // `cache: 'only-if-cached'` finding nothing: no request left the browser.
      assert.equal(request.failure().errorText, 'net::ERR_CACHE_MISS', `the worker's ${pathname} failed`);
    } else if ((await request.sizes()).responseBodySize >= 0) {
      // (Chromium reports no byte received when the HTTP cache answered.)
      worker.push(pathname);
    }
  }
  const bytes = requests.reduce((total, u) => total + brotliBytes(u.pathname), 0) + worker.reduce((total, p) => total + brotliBytes(p), 0);
  const list = [...requests.map((u) => u.pathname), ...worker.map((p) => `${p} (worker)`)].join(', ');
  return { requests, worker, bytes, list };
}

/** Does a first visitor's first action on `route` (tests/support/routes.mjs, `firstAction`), and
 * waits until the page shows it and its downloads have stopped. */
async function firstActionDone(page, route) {
  if (route.firstAction === 'app') {
    await settled(page);
    return;
  }
  if (route.firstAction === 'theme') {
    await page.locator('#theme').selectOption('dark');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark' && localStorage.getItem('nec-theme') === 'dark');
  } else if (route.firstAction === 'erase') {
    await page.getByRole('button', { name: 'Effacer ces données de cet appareil' }).click();
    await page.getByRole('button', { name: 'Rétablir les données effacées' }).waitFor();
    await page.waitForFunction(async () => localStorage.length === 0 && !(await navigator.serviceWorker.getRegistration()));
  } else {
    assert.equal(route.firstAction, 'agenda', `${route.path}: firstAction`);
    await page.locator('main button.toggle').click();
    await page.waitForFunction(() => document.querySelector('main button.toggle').getAttribute('aria-pressed') === 'true' && localStorage.length > 0);
  }
  await page.waitForLoadState('networkidle');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.app ?? null), null, `${route.path}: the page did it by itself, the app not started`);
}

describe(`budgets: read, ≤ ${budgets.first_load_brotli_kib} Kio brotli, ≤ ${budgets.requests} + ${budgets.service_worker_requests} requests, ≤ ${budgets.dom_elements} DOM elements, its EcoIndex floor; the app's start ≤ ${budgets.app_start_brotli_kib} Kio in ≤ ${budgets.app_start_requests} requests`, () => {
  for (const route of ROUTES) {
    it(`${route.path} stays within its budgets, contacts no other origin, reads no fingerprint`, async () => {
      const page = await openPage(env, { viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
      await page.addInitScript(watchFingerprinting);
      const seen = [];
      page.context().on('request', (request) => seen.push(request));
      // Read: loaded, scrolled, and the worker's copy made once it controls the page (install,
      // then activate). Nothing starts the app (scripts/shipped/boot.js).
      await page.goto(env.url + route.path, { waitUntil: 'networkidle', app: false });
      await page.locator('main h1').waitFor();
      await page.mouse.wheel(0, 4000);
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), null, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const { requests, worker, bytes, list } = await measure(seen);
      const html = readFileSync(join(DIST, servedPath(route.path)), 'utf8');
      const wasm = [...requests.map((u) => u.pathname), ...worker].filter((p) => p.endsWith('.wasm'));
      assert.deepEqual(wasm, [], `${route.path}: read, the wasm is not downloaded (${list})`);

      const origin = new URL(env.url).origin;
      const foreign = requests.filter((u) => u.origin !== origin).map(String);
      assert.deepEqual(foreign, [], 'no request to another origin');
      const elements = await page.evaluate(() => [...document.getElementsByTagName('*')].filter((e) => !e.parentElement?.closest('svg')).length);
      // Content before the wasm: the page arrives with its h1 (scripts/prerender.mjs) and paints
      // with its style sheet alone (the scripts are modules, which never block the first paint).
      assert.ok(html.includes('data-prerendered') && html.includes(`>${route.h1}</h1>`), `${route.path}: ${servedPath(route.path)} holds the page`);
      const css = requests.filter((u) => u.pathname.endsWith('.css'));
      const beforeWasm = brotliBytes(route.path) + css.reduce((total, u) => total + brotliBytes(u.pathname), 0);
      const score = ecoIndex({ elements, requests: requests.length + worker.length, bytes });

      // The first action (issue 20): what the page downloads until the control reached does what
      // it says, not the worker's copy after it. The theme and « Mon programme », which the page
      // serves by itself, download nothing; another control needs the app (the glue, the wasm,
      // the page's data) and takes effect once it has taken over.
      const mark = seen.length;
      await firstActionDone(page, route);
      const firstAction = [...new Set(seen.slice(mark).filter((r) => !r.serviceWorker()).map((r) => new URL(r.url()).pathname))];
      const firstActionBytes = firstAction.reduce((total, p) => total + brotliBytes(p), 0);
      // Then the app starts (a visitor reaches for a control, or in-app navigation brings them
      // here): what that adds, the worker's copy of the rest of the app and data included, until
      // that copy is complete.
      await settled(page);
      // Unless the first action erased the offline copy, and its worker with it.
      if (route.firstAction !== 'erase') await offlineCopyMade(page, workerOf(DIST));
      // The worker's request events reach the test after its cache is written: wait till they stop.
      for (let count = -1; count !== seen.length;) {
        count = seen.length;
        await page.waitForTimeout(1500);
      }
      const app = await measure(seen.slice(mark));
      // The app's files and the page come from the HTTP cache, never twice over the network. A
      // data file may: when the worker copies it while the page's own request is still running
      // (a race, on some loads), both download it; then both are counted.
      const fromPage = new Set([...requests, ...app.requests].map((u) => (extname(u.pathname) === '' ? '/index.html' : u.pathname)));
      const again = [...worker, ...app.worker].filter((p) => fromPage.has(p === '/' || extname(p) === '' ? '/index.html' : p));
      assert.deepEqual(again.filter((p) => !p.startsWith('/data/')), [], `${route.path}: the worker downloads again the app the page has just loaded`);
      assert.deepEqual(app.requests.filter((u) => u.origin !== origin).map(String), [], 'no request to another origin');
      assert.deepEqual(await page.context().cookies(), [], 'no cookie');
      assert.deepEqual(await page.evaluate(() => window.fingerprintingCalls), [], 'no fingerprinting API used');
      const appRequests = app.requests.length + app.worker.length;
      report.push({ path: route.path, beforeWasm, bytes, requests: requests.length, workerRequests: worker.length, elements, ecoindex: score, appBytes: app.bytes, appRequests, firstActionBytes, again });

      assert.ok(bytes <= budgets.first_load_brotli_kib * 1024, `${route.path}: read, ${(bytes / 1024).toFixed(1)} KiB > ${budgets.first_load_brotli_kib} KiB (${list})`);
      assert.ok(beforeWasm <= budgets.content_before_wasm_brotli_kib * 1024, `${route.path}: ${(beforeWasm / 1024).toFixed(1)} KiB of page and style sheet before the content paints > ${budgets.content_before_wasm_brotli_kib} KiB`);
      assert.ok(requests.length <= budgets.requests, `${route.path}: ${requests.length} requests by the page > ${budgets.requests} (${list})`);
      assert.ok(worker.length <= budgets.service_worker_requests, `${route.path}: ${worker.length} requests by the service worker > ${budgets.service_worker_requests} (${list})`);
      assert.ok(elements <= budgets.dom_elements, `${route.path}: ${elements} DOM elements > ${budgets.dom_elements}`);
      assert.ok(app.bytes <= budgets.app_start_brotli_kib * 1024, `${route.path}: the app's start, ${(app.bytes / 1024).toFixed(1)} KiB > ${budgets.app_start_brotli_kib} KiB (${app.list})`);
      assert.ok(appRequests <= budgets.app_start_requests, `${route.path}: the app's start, ${appRequests} requests > ${budgets.app_start_requests} (${app.list})`);
      const actionBudget = budgets.first_action_brotli_kib[route.path];
      assert.equal(typeof actionBudget, 'number', `${route.path}: no first_action_brotli_kib in budgets.json`);
      assert.ok(firstActionBytes <= actionBudget * 1024, `${route.path}: the first action, ${(firstActionBytes / 1024).toFixed(1)} KiB > ${actionBudget} KiB (${firstAction.join(', ')})`);
      const floor = budgets.ecoindex_min[route.path];
      assert.equal(typeof floor, 'number', `${route.path}: no EcoIndex floor in budgets.json`);
      assert.ok(score >= floor, `${route.path}: EcoIndex ${score.toFixed(1)} < ${floor} (${elements} elements, ${requests.length + worker.length} requests, ${(bytes / 1000).toFixed(1)} kB)`);
      await page.close();
    });
  }
});

// The floor (issue 8): the same programme as a hand-written static page (tests/fixtures/floor/,
// its text copied from public/data/programme-2023.json) and a tiny style sheet, served by the same
// nginx configuration and measured the same way: what no app can beat for this content.
const FLOOR = new URL('../fixtures/floor/', import.meta.url).pathname;
describe('the floor: /programme as a static page', () => {
  it('shows the programme’s text, and weighs less than the app in every measure', async () => {
    const server = await serveWithNginx(FLOOR);
    try {
      const page = await openPage(env, { viewport: { width: 390, height: 844 } });
      const requests = [];
      page.context().on('request', (request) => requests.push(new URL(request.url())));
      await page.goto(`${server.url}/programme.html`, { waitUntil: 'networkidle' });
      await page.mouse.wheel(0, 4000);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('h1').innerText(), 'Programme 2023');
      const text = await page.locator('main').innerText();
      for (const item of programme.items) {
        assert.ok(text.includes(item.title) && text.includes(item.description), `the floor page has « ${item.title} » and its description`);
      }
      for (const day of programme.days) assert.ok(text.includes(day.title), `the floor page has « ${day.title} »`);
      assert.deepEqual(requests.map((u) => u.pathname), ['/programme.html', '/floor.css']);
      const bytes = requests.reduce((total, u) => total + brotliCompressSync(readFileSync(join(FLOOR, u.pathname.slice(1))), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
      const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
      const score = ecoIndex({ elements, requests: requests.length, bytes });
      console.log(`\nplancher /programme (page statique) : ${(bytes / 1024).toFixed(1)} Kio brotli, ${requests.length} requêtes, ${elements} éléments DOM, EcoIndex ${score.toFixed(1)} (${grade(score)})`);
      const app = report.find((r) => r.path === '/programme');
      if (app) {
        assert.ok(bytes < app.bytes && requests.length < app.requests + app.workerRequests && score > app.ecoindex, 'the floor is below the app');
        console.log(`application /programme : ${(app.bytes / 1024).toFixed(1)} Kio, ${app.requests} + ${app.workerRequests} requêtes, ${app.elements} éléments, EcoIndex ${app.ecoindex.toFixed(1)}`);
      }
      await page.close();
    } finally {
      await server.close();
    }
  });
});
