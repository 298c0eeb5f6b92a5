// Every route's first load against budgets.json: brotli bytes (data included), request count,
// DOM elements (SVG internals not counted); and no cookie, no request to another origin, no
// call to the browser APIs fingerprinting scripts read.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { openPage, settled, start } from '../support/browser.mjs';
import { DIST } from '../support/server.mjs';
import { ROUTES } from '../support/routes.mjs';

const budgets = JSON.parse(readFileSync(new URL('../../budgets.json', import.meta.url), 'utf8'));
const brotliSize = new Map();

/** The brotli size of the dist/ file a URL path is served from (the SPA fallback serves index.html). */
function brotliBytes(pathname) {
  const file = extname(pathname) === '' || pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
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
  console.log('\nroute                      premier chargement (brotli)  requêtes  éléments DOM');
  for (const r of report) {
    console.log(`${r.path.padEnd(26)} ${(r.bytes / 1024).toFixed(1).padStart(12)} Kio ${String(r.requests).padStart(18)} ${String(r.elements).padStart(13)}`);
  }
});

describe(`budgets: ≤ ${budgets.first_load_brotli_kib} Kio brotli, ≤ ${budgets.requests} requests, ≤ ${budgets.dom_elements} DOM elements per route`, () => {
  for (const route of ROUTES) {
    it(`${route.path} stays within its budgets, contacts no other origin, reads no fingerprint`, async () => {
      const page = await openPage(env, { viewport: { width: 390, height: 844 } });
      await page.addInitScript(watchFingerprinting);
      const requests = [];
      page.on('request', (request) => requests.push(new URL(request.url())));
      await page.goto(env.url + route.path, { waitUntil: 'networkidle' });
      await settled(page);
      await page.mouse.wheel(0, 4000);
      await page.waitForLoadState('networkidle');

      const origin = new URL(env.url).origin;
      const foreign = requests.filter((u) => u.origin !== origin).map(String);
      assert.deepEqual(foreign, [], 'no request to another origin');
      assert.deepEqual(await page.context().cookies(), [], 'no cookie');
      assert.deepEqual(await page.evaluate(() => window.fingerprintingCalls), [], 'no fingerprinting API used');

      const bytes = requests.reduce((total, u) => total + brotliBytes(u.pathname), 0);
      const elements = await page.evaluate(() => [...document.getElementsByTagName('*')].filter((e) => !e.parentElement?.closest('svg')).length);
      report.push({ path: route.path, bytes, requests: requests.length, elements });
      const list = requests.map((u) => u.pathname).join(', ');
      assert.ok(bytes <= budgets.first_load_brotli_kib * 1024, `${route.path}: ${(bytes / 1024).toFixed(1)} KiB > ${budgets.first_load_brotli_kib} KiB (${list})`);
      assert.ok(requests.length <= budgets.requests, `${route.path}: ${requests.length} requests > ${budgets.requests} (${list})`);
      assert.ok(elements <= budgets.dom_elements, `${route.path}: ${elements} DOM elements > ${budgets.dom_elements}`);
      await page.close();
    });
  }
});
