// Every route's first load against budgets.json: brotli bytes (data included), request count,
// DOM elements (SVG internals not counted), EcoIndex; and no cookie, no request to another
// origin, no call to the browser APIs fingerprinting scripts read.
// The service worker is allowed, as for a visitor: what it fetches during the first load (sw.js,
// then its offline copy) counts. What it takes from the browser's HTTP cache (the files the page
// has just loaded) sends nothing over the network and is not counted as a request, but the test
// fails if the worker downloads again a file the page already has.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { openPage, settled, start } from '../support/browser.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST, servedFile } from '../support/server.mjs';
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
  console.log('\nroute                      contenu avant wasm  premier chargement (brotli)  requêtes (page + worker)  éléments DOM  EcoIndex');
  for (const r of report) {
    const twice = r.again.length ? `  (téléchargé deux fois : ${r.again.join(', ')})` : '';
    console.log(`${r.path.padEnd(26)} ${(r.beforeWasm / 1024).toFixed(1).padStart(14)} Kio ${(r.bytes / 1024).toFixed(1).padStart(12)} Kio ${`${r.requests} + ${r.workerRequests}`.padStart(24)} ${String(r.elements).padStart(13)} ${r.ecoindex.toFixed(1).padStart(9)}${twice}`);
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

describe(`budgets: ≤ ${budgets.first_load_brotli_kib} Kio brotli, ≤ ${budgets.requests} + ${budgets.service_worker_requests} requests, ≤ ${budgets.dom_elements} DOM elements, and its EcoIndex floor per route`, () => {
  for (const route of ROUTES) {
    it(`${route.path} stays within its budgets, contacts no other origin, reads no fingerprint`, async () => {
      const page = await openPage(env, { viewport: { width: 390, height: 844 }, serviceWorkers: 'allow' });
      await page.addInitScript(watchFingerprinting);
      const seen = [];
      page.context().on('request', (request) => seen.push(request));
      await page.goto(env.url + route.path, { waitUntil: 'networkidle' });
      await settled(page);
      await page.mouse.wheel(0, 4000);
      await page.waitForLoadState('networkidle');
      // The worker has made its copy once it controls the page (install, then activate).
      await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith('/sw.js'), null, { timeout: 30_000 });
      await page.waitForLoadState('networkidle');

      const requests = seen.filter((r) => !r.serviceWorker()).map((r) => new URL(r.url()));
      const fromPage = new Set(requests.map((u) => (extname(u.pathname) === '' ? '/index.html' : u.pathname)));
      const worker = { network: [], httpCache: [], misses: [] };
      for (const request of seen.filter((r) => r.serviceWorker())) {
        const { pathname } = new URL(request.url());
        if (request.failure()) {
          // `cache: 'only-if-cached'` finding nothing: no request left the browser.
          assert.equal(request.failure().errorText, 'net::ERR_CACHE_MISS', `${route.path}: the worker's ${pathname} failed`);
          worker.misses.push(pathname);
        } else if ((await request.sizes()).responseBodySize < 0) {
          // Chromium reports no byte received: answered by the HTTP cache.
          worker.httpCache.push(pathname);
        } else {
          worker.network.push(pathname);
        }
      }
      // The app's files and the page come from the HTTP cache, never twice over the network. A
      // data file may: when the worker copies it while the page's own request is still running
      // (a race, on some loads), both download it; then both are counted.
      const again = worker.network.filter((p) => fromPage.has(p === '/' || extname(p) === '' ? '/index.html' : p));
      assert.deepEqual(again.filter((p) => !p.startsWith('/data/')), [], `${route.path}: the worker downloads again the app the page has just loaded`);
      const origin = new URL(env.url).origin;
      const foreign = requests.filter((u) => u.origin !== origin).map(String);
      assert.deepEqual(foreign, [], 'no request to another origin');
      assert.deepEqual(await page.context().cookies(), [], 'no cookie');
      assert.deepEqual(await page.evaluate(() => window.fingerprintingCalls), [], 'no fingerprinting API used');

      const bytes = requests.reduce((total, u) => total + brotliBytes(u.pathname), 0)
        + worker.network.reduce((total, p) => total + brotliBytes(p), 0);
      const elements = await page.evaluate(() => [...document.getElementsByTagName('*')].filter((e) => !e.parentElement?.closest('svg')).length);
      // Content before the wasm: the page arrives with its h1 (scripts/prerender.mjs) and paints
      // with its style sheet alone (the scripts are modules, which never block the first paint).
      const html = readFileSync(join(DIST, servedPath(route.path)), 'utf8');
      assert.ok(html.includes('data-prerendered') && html.includes(`>${route.h1}</h1>`), `${route.path}: ${servedPath(route.path)} holds the page`);
      const css = requests.filter((u) => u.pathname.endsWith('.css'));
      const beforeWasm = brotliBytes(route.path) + css.reduce((total, u) => total + brotliBytes(u.pathname), 0);
      const score = ecoIndex({ elements, requests: requests.length + worker.network.length, bytes });
      report.push({ path: route.path, beforeWasm, bytes, requests: requests.length, workerRequests: worker.network.length, elements, ecoindex: score, again });
      const list = [...requests.map((u) => u.pathname), ...worker.network.map((p) => `${p} (worker)`)].join(', ');
      assert.ok(bytes <= budgets.first_load_brotli_kib * 1024, `${route.path}: ${(bytes / 1024).toFixed(1)} KiB > ${budgets.first_load_brotli_kib} KiB (${list})`);
      assert.ok(beforeWasm <= budgets.content_before_wasm_brotli_kib * 1024, `${route.path}: ${(beforeWasm / 1024).toFixed(1)} KiB of page and style sheet before the content paints > ${budgets.content_before_wasm_brotli_kib} KiB`);
      assert.ok(requests.length <= budgets.requests, `${route.path}: ${requests.length} requests by the page > ${budgets.requests} (${list})`);
      assert.ok(worker.network.length <= budgets.service_worker_requests, `${route.path}: ${worker.network.length} requests by the service worker > ${budgets.service_worker_requests} (${list})`);
      assert.ok(elements <= budgets.dom_elements, `${route.path}: ${elements} DOM elements > ${budgets.dom_elements}`);
      const floor = budgets.ecoindex_min[route.path];
      assert.equal(typeof floor, 'number', `${route.path}: no EcoIndex floor in budgets.json`);
      assert.ok(score >= floor, `${route.path}: EcoIndex ${score.toFixed(1)} < ${floor} (${elements} elements, ${requests.length + worker.network.length} requests, ${(bytes / 1000).toFixed(1)} kB)`);
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
