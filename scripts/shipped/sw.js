// The site's service worker, as shipped: plain JavaScript, no dependency, no inline script
// anywhere (CSP). scripts/service-worker.mjs writes dist/sw.js at build time: this file after a
// prelude that defines the build's constants and the one function the build also runs to check
// the shell, from every page, before the worker may use it:
/* global VERSION, ASSETS, DATA, SHELL_PARTS, shellFrom */
//   VERSION      the cache's version (a hash of this build's files and of this worker)
//   ASSETS       the site's hashed files (the app's glue and wasm, the style sheet, the boot module)
//   DATA         the data files (/data/*.json)
//   SHELL_PARTS  the shell's <title> and <body>
//   shellFrom    the shell made from a kept page (its <head>, the shell's title and body)
const CACHE_PREFIX = 'nec-web-';
const CACHE = CACHE_PREFIX + VERSION;
const SHELL = '/shell.html';
const OFFLINE_HEADER = 'X-NEC-Hors-Ligne';

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
    if (/\.[^/]*$/.test(pathname)) continue;
    const page = await fromHttpCache(pathname);
    // Only a page of this build: after a release, the open page is the previous one.
    if (page && ofThisBuild(await page.clone().text())) await cache.put(pathname, page);
  }
  await copyInto(cache, { download });
}

// A page that names only this build's hashed files (its style sheet, its boot module).
function ofThisBuild(page) {
  return [...page.matchAll(/\/[\w.-]+-[0-9a-f]{12,16}(?:_bg)?\.(?:js|css|wasm)/g)].every(([path]) => ASSETS.includes(path));
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
    if (/\.[^/]*$/.test(new URL(request.url).pathname)) continue;
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
  } else if (request.mode === 'navigate' && !/\.[^/]*$/.test(url.pathname)) {
    event.respondWith(routeNetworkFirst(event, url.pathname));
  }
});
