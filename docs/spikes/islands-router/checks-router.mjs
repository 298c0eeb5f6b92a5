// Checks for our router (static/nec-islands-router.js) on out/ours: node checks-router.mjs
// (after scripts/make-static.sh). One line per check, `name: ok` or `name: FAIL (details)`;
// exits non-zero on any FAIL. Chromium only. Ports 8301–8302.
import { createRequire } from 'node:module';
import { start } from './server.mjs';
const require = createRequire(new URL('../../../tests/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const WASM = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'";
let failed = 0;
// server.mjs logs every request with console.log: keep our lines alone on stdout
const print = console.log.bind(console);
console.log = () => {};
const check = (name, ok, details) => {
  if (ok) print(`${name}: ok`);
  else { failed += 1; print(`${name}: FAIL (${typeof details === 'string' ? details : JSON.stringify(details)})`); }
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
// DIR=out/external runs the same checks on Leptos's stock router (a control: most fail)
const server = await start(process.env.DIR ?? 'out/ours', 8301, WASM);
const BASE = 'http://127.0.0.1:8301';

async function newPage() {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await ctx.newPage();
  page.msgs = []; page.docs = []; page.fetches = [];
  page.on('console', (m) => { if ((m.type() === 'error' || m.type() === 'warning') && !m.location()?.url?.endsWith('/favicon.ico')) page.msgs.push(`${m.type()}: ${m.text()} ${m.location()?.url ?? ''}`.slice(0, 240)); });
  // the spike has no favicon: the browser's request for it is not the router's
  page.on('pageerror', (e) => page.msgs.push(`pageerror: ${e.message}`.slice(0, 200)));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (r.resourceType() === 'document') page.docs.push(u.pathname + u.search);
    if (r.headers()['islands-router']) page.fetches.push(u.pathname + u.search);
  });
  return page;
}
const hydrated = (page) => page.waitForFunction(() => { const s = document.querySelector('#theme'); if (!s) return false; s.value = 'dark'; s.dispatchEvent(new Event('change')); return document.documentElement.dataset.theme === 'dark'; }, null, { timeout: 10000 }).then(() => true, () => false);
// waits until the router is done: the URL is the new page's, the live region says something, the
// view transition is over (while it runs, its overlay takes the pointer: Playwright then scrolls
// the target to retry its click, which moved the page in a first run)
const settled = (page, path) => page.waitForFunction((p) => location.pathname === p && document.getElementById('nec-route-announcer')?.textContent
  && !document.getAnimations().some((a) => a.effect?.pseudoElement?.startsWith('::view-transition')), path, { timeout: 8000 }).then(() => true, () => false);
const state = (page) => page.evaluate(() => ({
  url: location.pathname + location.search + location.hash, title: document.title, marker: window.marker ?? null,
  h1: document.querySelector('h1')?.textContent, lang: document.documentElement.lang, theme: document.documentElement.dataset.theme ?? null,
  active: document.activeElement ? document.activeElement.tagName + ' ' + (document.activeElement.textContent || '').slice(0, 30) : null,
  activeIsH1: document.activeElement === document.querySelector('main h1'),
  current: [...document.querySelectorAll('nav a[aria-current]')].map((a) => `${a.getAttribute('href')}=${a.getAttribute('aria-current')}`),
  live: (() => { const l = document.getElementById('nec-route-announcer'); return l && { text: l.textContent, polite: l.getAttribute('aria-live'), hidden: getComputedStyle(l).clip !== 'auto' || l.offsetWidth <= 1 }; })(),
  busy: document.querySelector('main')?.getAttribute('aria-busy') ?? null,
  scrollY: Math.round(scrollY),
}));
// Enter on a link focused without scrolling (a real key press; the page keeps its scroll)
const enterOn = async (page, sel) => { await page.evaluate((s) => document.querySelector(s).focus({ preventScroll: true }), sel); await page.keyboard.press('Enter'); };
const afterNav = (name, s, path, expectedCurrent) => {
  const problems = [];
  if (s.url.split('#')[0] !== path) problems.push(`url ${s.url}`);
  if (s.marker !== 1) problems.push('window marker gone (full load)');
  if (JSON.stringify(s.current) !== JSON.stringify(expectedCurrent === null ? [] : [`${expectedCurrent}=page`])) problems.push(`aria-current ${s.current}`);
  if (!s.activeIsH1) problems.push(`focus on ${s.active}`);
  // the expected title, written out: the spike's <title> also holds branch markers as text
  const title = { '/': 'Accueil – Spike', '/programme/': 'Programme – Spike', '/charte/': 'Charte – Spike' }[path];
  if (!s.live || s.live.text !== title || s.live.polite !== 'polite' || !s.live.hidden) problems.push(`live region ${JSON.stringify(s.live)} expected ${title}`);
  if (s.busy !== null) problems.push(`aria-busy=${s.busy}`);
  check(name, problems.length === 0, problems.join('; '));
};

// ---- main sequence: one document, keyboard and mouse, scroll, back/forward, hash, islands
{
  const page = await newPage();
  await page.goto(BASE + '/');
  check('first load hydrated', await hydrated(page), page.msgs);
  await page.evaluate(() => {
    window.marker = 1;
    // samples of (URL, h1) at every frame: URL and DOM must change together
    window.samples = [];
    const tick = () => { window.samples.push(`${location.pathname}|${document.querySelector('h1')?.textContent}`); if (window.sampling !== false) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });

  // keyboard: Enter on the nav link, with aria-busy observed while the fetch is held
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/programme/', async (route) => { if (route.request().headers()['islands-router']) await held; await route.continue(); });
  await enterOn(page, 'nav a[href="/programme/"]');
  await page.waitForTimeout(300);
  const during = await page.evaluate(() => ({ busy: document.querySelector('main').getAttribute('aria-busy'), live: document.getElementById('nec-route-announcer')?.textContent ?? null, url: location.pathname }));
  check('aria-busy on <main> while fetching', during.busy === 'true' && during.url === '/', during);
  release();
  await settled(page, '/programme/');
  await page.unroute('**/programme/');
  afterNav('Enter on nav link -> /programme/ (marker, aria-current, focus h1, live title)', await state(page), '/programme/', '/programme/');
  check('theme attribute on <html> kept across navigation', (await state(page)).theme === 'dark', (await state(page)).theme);

  // islands of the navigated page
  await page.fill('#q', 'jazz'); await page.waitForTimeout(300);
  const filt = await page.evaluate(() => ({ count: document.querySelector('#count').textContent, visible: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id) }));
  check('programme filter works after navigation', filt.count === '2 éléments' && filt.visible.join() === 'a1,a3', filt);
  await page.selectOption('#theme', 'light');
  check('theme select works after navigation', await page.evaluate(() => document.documentElement.dataset.theme) === 'light', await page.evaluate(() => document.documentElement.dataset.theme));

  // mouse: click to /charte/
  await page.click('nav a[href="/charte/"]');
  await settled(page, '/charte/');
  afterNav('click nav link -> /charte/', await state(page), '/charte/', '/charte/');

  // scroll to the top after a navigation from a scrolled page
  await page.evaluate(() => scrollTo(0, 2500)); await page.waitForTimeout(100);
  await enterOn(page, 'nav a[href="/"]');
  await settled(page, '/');
  const top = await state(page);
  afterNav('Enter from scrolled /charte/ -> /', top, '/', '/');
  check('scroll top after navigation from scrolled page', top.scrollY === 0, top.scrollY);

  // URL and DOM in step on the three push navigations above (on popstate the browser changes
  // the URL before any script runs, so the old page shows under the new URL until the fetch ends)
  const mixed = await page.evaluate(() => { window.sampling = false; return window.samples.filter((s) => {
    const [p, h] = s.split('|');
    return !((p === '/' && h === 'Accueil') || (p === '/programme/' && h === 'Programme') || (p === '/charte/' && h === 'Charte'));
  }); });
  check('URL and h1 change in the same frame on push navigations (rAF samples)', mixed.length === 0 && (await page.evaluate(() => window.samples.length)) > 10, [...new Set(mixed)].slice(0, 6));

  // back: the scroll position of /charte/ restored; forward: the top of /
  await page.goBack();
  await settled(page, '/charte/');
  await page.waitForTimeout(200);
  const back = await state(page);
  afterNav('back -> /charte/', back, '/charte/', '/charte/');
  check('scroll restored on back (was 2500)', Math.abs(back.scrollY - 2500) <= 2, back.scrollY);
  await page.goForward();
  await settled(page, '/');
  await page.waitForTimeout(200);
  const fwd = await state(page);
  afterNav('forward -> /', fwd, '/', '/');
  check('scroll on forward (was 0)', fwd.scrollY === 0, fwd.scrollY);

  // #fin on the same page: no fetch, the browser scrolls to it
  await page.click('nav a[href="/charte/"]');
  await settled(page, '/charte/');
  page.fetches.length = 0;
  const docsBefore = page.docs.length;
  await page.evaluate(() => { window.scrolls = [Math.round(scrollY)]; addEventListener('scroll', () => window.scrolls.push(Math.round(scrollY))); addEventListener('popstate', () => window.scrolls.push('pop ' + JSON.stringify(history.state))); });
  await page.click('#l-hash');
  await page.waitForTimeout(500);
  const hash = await page.evaluate(() => ({ url: location.pathname + location.hash, marker: window.marker ?? null, finTop: Math.round(document.getElementById('fin').getBoundingClientRect().top), scrollY: Math.round(scrollY), maxY: document.documentElement.scrollHeight - innerHeight }));
  check('#fin link scrolls without a fetch', page.fetches.length === 0 && page.docs.length === docsBefore && hash.url === '/charte/#fin' && hash.marker === 1 && hash.scrollY > 1000 && (Math.abs(hash.finTop) <= 2 || hash.scrollY === hash.maxY) && hash.finTop >= 0 && hash.finTop < 700, { ...hash, fetches: page.fetches });
  await page.goBack(); await page.waitForTimeout(400);
  const unhash = await page.evaluate(() => ({ url: location.pathname + location.hash, scrollY: Math.round(scrollY), marker: window.marker ?? null, scrolls: window.scrolls, state: history.state }));
  check('back from #fin: same page, no fetch, scroll restored', unhash.url === '/charte/' && unhash.scrollY === 0 && unhash.marker === 1 && page.fetches.length === 0, { ...unhash, fetches: page.fetches });

  check('one document request across all these navigations', page.docs.length === 1, page.docs);
  check('no console error on the way', page.msgs.length === 0, page.msgs);

  // file link: left to the browser (a full load of the JSON)
  await page.click('#l-file');
  await page.waitForURL('**/data/items.json', { timeout: 8000 }).catch(() => {});
  const file = await page.evaluate(() => ({ url: location.pathname, marker: window.marker ?? null }));
  check('file link left to the browser', file.url === '/data/items.json' && file.marker === null && page.docs.at(-1) === '/data/items.json', { ...file, docs: page.docs });
  await page.context().close();
}

// ---- a 404: the fetch sees the error, then a full load of that URL
{
  const page = await newPage();
  await page.goto(BASE + '/charte/');
  await hydrated(page);
  await page.evaluate(() => { window.marker = 1; });
  await page.click('#l-missing');
  await page.waitForURL('**/absent/', { timeout: 8000 }).catch(() => {});
  await page.waitForLoadState();
  const s = await page.evaluate(() => ({ url: location.pathname, marker: window.marker ?? null, body: document.body?.textContent.slice(0, 40) }));
  check('404 link ends in a full load of that URL', s.url === '/absent/' && s.marker === null && s.body === 'not found' && page.fetches.includes('/absent/') && page.docs.at(-1) === '/absent/', { ...s, fetches: page.fetches, docs: page.docs });
  await page.context().close();
}

// ---- a network failure on the router's fetch: a full load
{
  const page = await newPage();
  await page.goto(BASE + '/');
  await hydrated(page);
  await page.evaluate(() => { window.marker = 1; });
  await page.route('**/charte/', (route) => (route.request().headers()['islands-router'] ? route.abort('internetdisconnected') : route.continue()));
  await page.click('nav a[href="/charte/"]');
  await page.waitForFunction(() => location.pathname === '/charte/' && window.marker === undefined && document.querySelector('h1')?.textContent === 'Charte', null, { timeout: 8000 }).catch(() => {});
  const s = await page.evaluate(() => ({ url: location.pathname, marker: window.marker ?? null, h1: document.querySelector('h1')?.textContent }));
  check('network failure on the fetch ends in a full load', s.url === '/charte/' && s.marker === null && s.h1 === 'Charte' && page.docs.at(-1) === '/charte/', { ...s, docs: page.docs });
  await page.context().close();
}

// ---- the language switch (hreflang="en" from a fr page): a full load, the EN island's props
{
  const page = await newPage();
  await page.goto(BASE + '/programme/');
  await hydrated(page);
  await page.evaluate(() => { window.marker = 1; });
  await page.click('nav a[href="/en/programme/"]');
  await page.waitForURL('**/en/programme/', { timeout: 8000 }).catch(() => {});
  await page.waitForLoadState();
  const s = await page.evaluate(() => ({ url: location.pathname, marker: window.marker ?? null, lang: document.documentElement.lang }));
  check('language link does a full load', s.url === '/en/programme/' && s.marker === null && s.lang === 'en' && page.fetches.length === 0 && page.docs.at(-1) === '/en/programme/', { ...s, fetches: page.fetches, docs: page.docs });
  await hydrated(page);
  await page.fill('#q', 'pottery'); await page.waitForTimeout(300);
  const vis = await page.evaluate(() => [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id));
  check('EN page filters with its own props after the switch', vis.join() === 'a2', vis);
  await page.context().close();
}

// ---- a link to the other language without hreflang (EN -> FR nav link): the fetched page's
// lang differs, so a full load; the FR island then has the FR items
{
  const page = await newPage();
  await page.goto(BASE + '/en/programme/');
  await hydrated(page);
  await page.evaluate(() => { window.marker = 1; });
  await page.click('nav a[href="/programme/"]');
  await page.waitForFunction(() => location.pathname === '/programme/' && window.marker === undefined && document.documentElement.lang === 'fr', null, { timeout: 8000 }).catch(() => {});
  await hydrated(page);
  await page.fill('#q', 'pottery'); await page.waitForTimeout(300);
  const s = await page.evaluate(() => ({ url: location.pathname, marker: window.marker ?? null, lang: document.documentElement.lang, pottery: [...document.querySelectorAll('#items li')].filter((l) => !l.hidden).map((l) => l.dataset.id) }));
  check('other language without hreflang: full load after the fetch, own props', s.url === '/programme/' && s.marker === null && s.lang === 'fr' && s.pottery.length === 0 && page.fetches.includes('/programme/') && page.docs.at(-1) === '/programme/', { ...s, fetches: page.fetches, docs: page.docs });
  await page.context().close();
}

await browser.close();
server.close();
process.exit(failed ? 1 : 0);
