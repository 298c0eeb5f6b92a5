// Trunk post-build hook (release only): writes sw.js, the service worker that lets the site open
// without a network after a first visit. It lists this build's actual files, so it is generated
// here, after Trunk hashed them and after externalize-boot-script.mjs wrote boot-<hash>.js (the
// boot script registers /sw.js once the page has loaded).
//
// - what it copies: on install, what the open pages have already loaded, those pages included
//   (from the HTTP cache, no download); once the app has run (its boot module posts
//   'app-started'), or on the install of a new release over a copy that held the app, the shell,
//   the rest of the app and every data file;
// - hashed files (`-<16 hex>`, never change): cache first, each one fetched kept;
// - the data files the app reads (/data/*.json, schemas excepted): network first, the cached copy
//   as fallback, sent with `X-NEC-Hors-Ligne: <RFC 3339 time the copy was made>` so the app can
//   say « Données hors ligne du … » (src/data.rs);
// - routes (navigations to a path without an extension): network first, each page visited kept;
//   offline, the kept page, else shell.html (the empty page the app starts from), made from a kept
//   page until the app has run (shellFrom, checked against shell.html for every page here);
// - the cache is named after this build (`nec-web-<hash of the file list, index.html and this
//   worker>`): a new release installs a new cache and deletes the old ones on activation.
// By hand: `node scripts/service-worker.mjs dist`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('service-worker: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(1);
}
// `trunk serve`: no worker, so development never runs on stale cached files (and the boot script
// registers none, see externalize-boot-script.mjs).
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

const html = readFileSync(join(dir, 'index.html'), 'utf8');
// The site's own hashed files: those index.html and its boot script name, and the wasm its glue loads (same name
// and hash). The partner widget's files (scripts/build-widget.mjs) are not the site's: left out.
const named = [...html.matchAll(/(?:src|href)=["']?(\/[^"' >]+)/g)].map((m) => m[1]).filter((path) => HASHED.test(path));
// The boot script imports the glue and names the wasm (index.html does not preload them).
const fromBoot = named.filter((path) => /^\/boot-/.test(path))
  .flatMap((path) => [...readFileSync(join(dir, path.slice(1)), 'utf8').matchAll(/["'](\/[^"']+)["']/g)].map((m) => m[1]));
const referenced = [...new Set([...named, ...fromBoot.filter((path) => HASHED.test(path))])];
const assets = readdirSync(dir)
  .filter((name) => HASHED.test(name) && (referenced.includes(`/${name}`) || referenced.includes(`/${name.replace(/_bg\.wasm$/, '.js')}`)))
  .sort()
  .map((name) => `/${name}`);
const missing = referenced.filter((path) => !assets.includes(path));
if (!assets.some((path) => path.endsWith('_bg.wasm'))) missing.push('the wasm of the glue');
if (assets.length === 0 || missing.length > 0) {
  console.error(`service-worker: index.html and the hashed files do not match (${missing.join(', ') || 'no hashed file'})`);
  process.exit(1);
}
// Offline, a page not kept is answered with the shell, from which the app shows the route. A visit
// that only read does not download it: the worker makes it from a page it keeps, whose <head> is
// the shell's but for its title and language (scripts/prerender.mjs), and the shell's <body>.
// Checked here for every page of the build, so the made shell is shell.html itself.
const shellText = readFileSync(join(dir, 'shell.html'), 'utf8');
const SHELL_PARTS = { title: shellText.match(/<title>[^<]*<\/title>/)?.[0], body: shellText.slice(shellText.indexOf('<body>')) };
function shellFrom(page, parts) {
  const at = page.indexOf('<body>');
  if (at < 0 || !page.includes('data-prerendered')) return null;
  return page.slice(0, at).replace(/^<!doctype html><html lang="?(en|fr)"?>/i, '<!doctype html><html lang=fr>').replace(/<title>[^<]*<\/title>/, parts.title) + parts.body;
}
const pages = (function list(sub) {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) return list(path);
    return entry.name.endsWith('.html') && entry.name !== 'shell.html' ? [path] : [];
  });
})('');
// (The partner widget's iframe pages, embed/*.html, are not prerendered pages of the site.)
const notShell = pages.filter((path) => !path.startsWith('embed') && shellFrom(readFileSync(join(dir, path), 'utf8'), SHELL_PARTS) !== shellText);
if (!SHELL_PARTS.title || pages.length === 0 || notShell.length > 0) {
  console.error(`service-worker: the shell made from ${notShell.join(', ') || 'the pages'} is not shell.html`);
  process.exit(1);
}

const dataDir = join(dir, 'data');
const data = existsSync(dataDir)
  ? readdirSync(dataDir).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json')).sort().map((name) => `/data/${name}`)
  : [];

// The worker itself: plain JavaScript, no dependency, no inline script anywhere (CSP).
const body = `
const CACHE_PREFIX = 'nec-web-';
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = '/shell.html';
const OFFLINE_HEADER = 'X-NEC-Hors-Ligne';
const SHELL_PARTS = ${JSON.stringify(SHELL_PARTS)};
${shellFrom.toString()}

// The local time as RFC 3339 with its offset, e.g. 2026-12-01T19:53:00+01:00.
function stamp(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const two = (n) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60000).toISOString().slice(0, 19);
  return local + (offset < 0 ? '-' : '+') + two(offset / 60) + ':' + two(offset % 60);
}

// Keeps a copy of a data response, stamped with the time it was made.
async function keep(cache, path, response) {
  if (!response.ok || response.type !== 'basic') return;
  const headers = new Headers(response.headers);
  // The body is stored decoded: its encoding and length headers no longer apply.
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  headers.set(OFFLINE_HEADER, stamp());
  await cache.put(path, new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers }));
}

// A file the page has just loaded is taken from the browser's HTTP cache, so the copy costs no
// request (hashed files are immutable; the data and the page revalidate, but were fetched a
// moment ago); null if it is not there.
async function fromHttpCache(path) {
  try {
    const cached = await fetch(path, { cache: 'only-if-cached', mode: 'same-origin' });
    if (cached.ok) return cached;
  } catch {}
  return null;
}

async function local(path) {
  return (await fromHttpCache(path)) ?? fetch(path);
}

// A data file: the page may still be loading it (its app starts as this worker installs), so
// look again in the HTTP cache 1.5 s later before downloading it; only a page still loading its
// data after that makes the same file come twice.
async function localData(path) {
  const now = await fromHttpCache(path);
  if (now) return now;
  await new Promise((done) => setTimeout(done, 1500));
  return local(path);
}

// On install: the open pages and what they have already loaded (the style sheet, the boot
// module; all of the app if it ran), from the HTTP cache only: a page that is only read costs the
// worker no download. After a release, a copy that held the app is made whole.
async function precache() {
  const cache = await caches.open(CACHE);
  const download = await appKeptBefore();
  for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
    const { pathname } = new URL(client.url);
    if (/\\.[^/]*$/.test(pathname)) continue;
    const page = await fromHttpCache(pathname);
    // Only a page of this build: after a release, the open page is the previous one.
    if (page && ofThisBuild(await page.clone().text())) await cache.put(pathname, page);
  }
  await copyInto(cache, { download });
}

// A page that names only this build's hashed files (its style sheet, its boot module).
function ofThisBuild(page) {
  return [...page.matchAll(/\\/[\\w.-]+-[0-9a-f]{12,16}(?:_bg)?\\.(?:js|css|wasm)/g)].every(([path]) => ASSETS.includes(path));
}

async function appKeptBefore() {
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) continue;
    const keys = await (await caches.open(name)).keys();
    if (keys.some((request) => request.url.endsWith('_bg.wasm'))) return true;
  }
  return false;
}

// The app's files and data files the copy lacks: from the HTTP cache only, or ('download', once
// the app has run: every route then opens offline) from the network when they are not there. What
// is already kept stays. A file of the app that fails to download fails the copy; a data file
// that fails is copied the next time the app reads it.
async function copyInto(cache, { download }) {
  const missing = async (path) => !(await cache.match(path));
  // Revalidated, never as the HTTP cache holds it: after a release, that copy is the previous
  // build's (it names the previous build's files).
  const shell = download && (await missing(SHELL)) && fetch(SHELL, { cache: 'no-cache' }).then((r) => {
    if (!r.ok) throw new Error(SHELL + ': ' + r.status);
    return cache.put(SHELL, r);
  });
  const assets = ASSETS.map(async (path) => {
    if (!(await missing(path))) return;
    const response = download ? await local(path) : await fromHttpCache(path);
    if (response?.ok) await cache.put(path, response);
  });
  const data = Promise.allSettled(DATA.map(async (path) => {
    if (!(await missing(path))) return;
    const response = download ? await localData(path) : await fromHttpCache(path);
    if (response) await keep(cache, path, response);
  }));
  await Promise.all([...assets, data, shell]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'app-started') intoCopy(event, (cache) => copyInto(cache, { download: true }));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    intoCopy(event, (cache) => cache.put(new URL(event.request.url).pathname, copy));
  }
  return response;
}

// Into the existing copy only: once the visitor erased it (/donnees-personnelles), nothing is
// copied again before the next visit registers a new worker.
function intoCopy(event, put) {
  event.waitUntil(caches.has(CACHE).then((kept) => kept && caches.open(CACHE).then(put)).catch(() => {}));
}

async function dataNetworkFirst(event, path) {
  try {
    const response = await fetch(event.request);
    if (response.ok) {
      const copy = response.clone();
      intoCopy(event, (cache) => keep(cache, path, copy));
    }
    return response;
  } catch (error) {
    const cached = await caches.match(path, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}

// A page visited online is kept; offline, the kept page, else the shell, from which the app shows
// the route (or, if the app was not kept either, says that this page was not).
async function routeNetworkFirst(event, path) {
  try {
    const response = await fetch(event.request);
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      intoCopy(event, (cache) => cache.put(path, copy));
    }
    return response;
  } catch (error) {
    const cached = (await caches.match(path, { cacheName: CACHE })) ?? (await shellOffline());
    if (cached) return cached;
    throw error;
  }
}

// shell.html once the app has run here; before, the shell made from a kept page, with its
// headers (the CSP's among them).
async function shellOffline() {
  // (Opening an erased copy would make it again.)
  if (!(await caches.has(CACHE))) return null;
  const cache = await caches.open(CACHE);
  const shell = await cache.match(SHELL);
  if (shell) return shell;
  for (const request of await cache.keys()) {
    if (/\\.[^/]*$/.test(new URL(request.url).pathname)) continue;
    const page = await cache.match(request);
    const body = shellFrom(await page.text(), SHELL_PARTS);
    if (body === null) continue;
    const headers = new Headers(page.headers);
    headers.delete('Content-Encoding');
    headers.delete('Content-Length');
    return new Response(body, { status: 200, headers });
  }
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (DATA.includes(url.pathname)) {
    event.respondWith(dataNetworkFirst(event, url.pathname));
  } else if (ASSETS.includes(url.pathname)) {
    event.respondWith(cacheFirst(event));
  } else if (request.mode === 'navigate' && !/\\.[^/]*$/.test(url.pathname)) {
    event.respondWith(routeNetworkFirst(event, url.pathname));
  }
});
`;

const version = createHash('sha256').update(JSON.stringify({ assets, data, html, body })).digest('hex').slice(0, 16);
const worker = [
  '// Generated by scripts/service-worker.mjs at build time; do not edit.',
  `const VERSION = '${version}';`,
  `const ASSETS = ${JSON.stringify(assets)};`,
  `const DATA = ${JSON.stringify(data)};`,
  body.trimStart(),
].join('\n');
writeFileSync(join(dir, 'sw.js'), worker);
console.log(`service-worker: sw.js, cache nec-web-${version}, ${assets.length} hashed files, ${data.length} data files`);
