// First use on a phone (issue 20): how a phone meets the site, and a partner's page with the
// widget, on a first visit. Lighthouse's mobile profile as DevTools applies it, through CDP, on a
// fresh browser context per run (empty cache, service workers blocked, so nothing is prefetched):
// latency 562.5 ms, 1474.56 kbit/s down, 675 kbit/s up, CPU slowed down 4×, 390 × 844 at 3×, touch.
// Against dist/ served by nginx with deploy/ (tests/support/nginx.mjs), so brotli is what is sent.
//
// Measures, from navigation start (the page's performance.timeOrigin), 3 runs each (median and
// min–max): on /programme, the first item's heading painted, then the first tap on its
// « Mon programme » toggle until the choice is kept in localStorage; the first action on other
// routes until it takes effect (ACTIONS below; each done as soon as its control is visible); on
// a partner page on another origin, the first widget item painted, what is downloaded before any interaction, and a letter typed in its
// search until its count changes. Bytes: encoded sizes as sent (CDP Network.loadingFinished),
// of the requests finished by then, and in all once the network is idle after the action (what
// it set downloading, the app included, may finish later). Prints a Markdown table; with --write, also puts it into
// BENCHMARKS.md between the first-use markers. Not part of scripts/test.sh (minutes, and the
// timings vary on a shared machine).
//
//   trunk build --release && node tests/bench/first-use.mjs [--write] [--verbose]
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { serveWithNginx } from '../support/nginx.mjs';
import { DIST } from '../support/server.mjs';

const RUNS = 3;
const WRITE = process.argv.includes('--write');
const VERBOSE = process.argv.includes('--verbose');
const BENCHMARKS = fileURLToPath(new URL('../../BENCHMARKS.md', import.meta.url));
const START = '<!-- first-use:start (written by tests/bench/first-use.mjs) -->';
const END = '<!-- first-use:end -->';
const STEP_TIMEOUT = 60_000;
const TOTAL_TIMEOUT = 30 * 60_000;
const IDLE = 5_000;
// One letter that narrows the 13 items of 2023 (4 match « v »), so the widget's count changes.
const LETTER = 'v';

const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

// In-page checks, run every frame: each returns the page's clock once its effect holds (its own
// `&& performance.now()`: the site's CSP forbids eval, so a check cannot be wrapped by a string).
const agendaKept = (id) => Object.keys(localStorage).some((k) => k.startsWith('nec-mon-programme-') && localStorage.getItem(k).includes(id)) && performance.now();
// What a person sees and keeps: the page in the dark theme, the choice stored (before the app runs,
// the boot module applies it: scripts/shipped/boot.js).
const darkTheme = () => document.documentElement.dataset.theme === 'dark' && localStorage.getItem('nec-theme') === 'dark' && performance.now();
const firstItemId = async (page) => (await page.locator('main li.item h3 a').first().getAttribute('href')).split('?')[0].split('/').pop();

/** The first action on each route, done as soon as its control is visible, as a person does (a
 * control reached for before the boot module runs is kept by the inline head script);
 * `effect(before)` returns the page's clock once the action has taken effect. The first is also
 * the « first item painted » row. */
const ACTIONS = [
  { path: '/programme', what: 'first tap on the first item’s « Mon programme », choice kept', painted: 'main li.item h3',
    control: (page) => page.locator('main li.item').first().getByRole('button', { name: /Mon programme/ }),
    before: firstItemId, act: (control) => control.tap(), effect: agendaKept },
  { path: '/programme', what: 'a letter typed in the search, results updated',
    control: (page) => page.locator('#recherche'),
    before: (page) => page.locator('main .result-count').textContent(),
    act: async (control, page) => { await control.tap(); await page.keyboard.type(LETTER); },
    effect: (before) => (new URLSearchParams(location.search).has('q') || document.querySelector('main .result-count')?.textContent !== before) && performance.now() },
  // The boxes are behind « Filtrer » (a closed <details>, issue 25): a person opens it first.
  { path: '/programme', what: '« Filtrer » opened, first filter checkbox ticked, address updated',
    control: (page) => page.locator('main form.filters details > summary'),
    act: async (control, page) => { await control.tap(); await page.locator('main form.filters label.check').first().tap(); },
    effect: () => location.search.length > 1 && performance.now() },
  { path: '/programme/grande-soiree', what: '« Mon programme » tapped, choice kept',
    control: (page) => page.locator('main').getByRole('button', { name: /Mon programme/ }).first(),
    before: () => 'grande-soiree', act: (control) => control.tap(), effect: agendaKept },
  { path: '/donnees-personnelles', what: '« Effacer ces données de cet appareil » tapped, the notice and its undo shown',
    control: (page) => page.locator('#effacer-donnees'),
    act: (control) => control.tap(), effect: () => Boolean(document.querySelector('main p.notice button')) && performance.now() },
  ...['/charte', '/editions', '/'].map((path) => ({ path, what: 'theme switch set to « Sombre », theme applied and kept',
    control: (page) => page.locator('#theme'), act: (control) => control.selectOption('dark'), effect: darkTheme })),
];

const HOST_PAGE = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agenda de Testville</title><script type="module" src="__NEC__/widget.js"></script></head>
<body><h1>Agenda numérique de Testville</h1><p>Les rendez-vous de Numérique en Commun[s], sur le site de la ville.</p>
<nec-widget view="programme"></nec-widget></body></html>
`;

/** Init script: the page's clock at the first frame where `selector` (in `host`'s shadow root if
 * given) has a box and is visible, kept in window.necPainted. rAF runs just before that frame's paint. */
function watchPaint({ host, selector }) {
  const tick = () => {
    const root = host ? document.querySelector(host)?.shadowRoot : document;
    const el = root?.querySelector(selector);
    if (el && el.getClientRects().length > 0 && el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) window.necPainted = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const step = (name, promise) => promise.catch((error) => { error.message = `${name}: ${error.message}`; throw error; });

/** A fresh phone context with the throttling applied and its network recorded through CDP. */
async function openRun(browser) {
  const context = await browser.newContext({ ...PHONE, locale: 'fr-FR', serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  const cdp = await context.newCDPSession(page);
  // `offset` turns CDP's monotonic timestamps into epoch ms, the page's timeOrigin's clock.
  const net = { offset: null, urls: new Map(), done: [], inflight: new Set(), last: Date.now() };
  cdp.on('Network.requestWillBeSent', (e) => {
    net.offset ??= e.wallTime * 1000 - e.timestamp * 1000;
    net.urls.set(e.requestId, e.request.url);
    net.inflight.add(e.requestId);
    net.last = Date.now();
  });
  cdp.on('Network.loadingFinished', (e) => {
    net.inflight.delete(e.requestId);
    net.last = Date.now();
    const url = net.urls.get(e.requestId);
    // The favicon is the browser's own request (and the host page's), not the page's.
    if (url && !url.startsWith('data:') && !url.endsWith('/favicon.ico')) net.done.push({ at: e.timestamp * 1000, bytes: e.encodedDataLength, url });
  });
  cdp.on('Network.loadingFailed', (e) => { net.inflight.delete(e.requestId); net.last = Date.now(); });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return {
    page,
    problems,
    /** What had finished downloading at `epoch` (ms); CDP events may trail the page's, hence the wait. */
    async until(epoch = Infinity) {
      await sleep(300);
      const list = net.done.filter((d) => d.at + net.offset <= epoch);
      return { bytes: list.reduce((sum, d) => sum + d.bytes, 0), requests: list.length, urls: list.map((d) => new URL(d.url).pathname) };
    },
    async idle(quiet = IDLE, timeout = STEP_TIMEOUT) {
      for (const deadline = Date.now() + timeout; net.inflight.size > 0 || Date.now() - net.last < quiet;) {
        if (Date.now() > deadline) throw new Error(`the network is still busy after ${timeout} ms`);
        await sleep(100);
      }
    },
    close: () => context.close(),
  };
}

/** The page's clock (ms since navigation start) when `effect(arg)` first holds. */
async function when(page, effect, arg = null) {
  return (await page.waitForFunction(effect, arg, { polling: 'raf', timeout: STEP_TIMEOUT })).jsonValue();
}
const paintedAt = async (page) => (await page.waitForFunction(() => window.necPainted, null, { timeout: STEP_TIMEOUT })).jsonValue();

async function siteRun(browser, origin, action) {
  const run = await openRun(browser);
  const { page } = run;
  try {
    if (action.painted) await page.addInitScript(watchPaint, { host: null, selector: action.painted });
    await page.goto(origin + action.path, { waitUntil: 'commit' });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const control = action.control(page);
    await step('control visible', control.waitFor({ state: 'visible', timeout: STEP_TIMEOUT }));
    const arg = action.before ? await action.before(page) : null;
    await step('action', action.act(control, page));
    const done = await step('effect', when(page, action.effect, arg));
    const result = { done: { time: done, ...(await run.until(timeOrigin + done)) }, problems: run.problems };
    if (action.painted) {
      const painted = await step('item painted', paintedAt(page));
      result.painted = { time: painted, ...(await run.until(timeOrigin + painted)) };
    }
    // What the action costs in all: what it set downloading may finish after its effect (the app
    // started by the control reached, when the page did the action before it).
    await step('network idle', run.idle());
    result.idle = await run.until();
    return result;
  } finally {
    await run.close();
  }
}

async function widgetRun(browser, hostUrl) {
  const run = await openRun(browser);
  const { page } = run;
  try {
    await page.addInitScript(watchPaint, { host: 'nec-widget', selector: '.nec-item' });
    await page.goto(hostUrl, { waitUntil: 'commit' });
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const painted = await step('widget item painted', paintedAt(page));
    const result = { painted: { time: painted, ...(await run.until(timeOrigin + painted)) }, problems: run.problems };
    await page.waitForLoadState('load', { timeout: STEP_TIMEOUT });
    await step('network idle', run.idle());
    result.idle = await run.until();
    const count = page.locator('nec-widget .nec-count').first();
    const before = (await count.count()) > 0 ? await count.textContent() : null;
    const start = await page.evaluate(() => performance.now());
    await page.locator('nec-widget input[type=search]').first().tap({ timeout: STEP_TIMEOUT });
    await page.keyboard.type(LETTER);
    const counted = (b) => { const c = document.querySelector('nec-widget')?.shadowRoot?.querySelector('.nec-count'); return Boolean(c) && c.textContent !== b && performance.now(); };
    const done = await step(`count changed from « ${before} »`, when(page, counted, before));
    result.typed = { time: done - start, ...(await run.until(timeOrigin + done)) };
    return result;
  } finally {
    await run.close();
  }
}

/** The partner's page, on another loopback port (another origin than the site), from a temp dir. */
function serveHost(nec) {
  const dir = mkdtempSync(join(tmpdir(), 'nec-first-use-'));
  writeFileSync(join(dir, 'index.html'), HOST_PAGE.replace('__NEC__', nec));
  const server = createServer((req, res) => {
    if (new URL(req.url, 'http://host').pathname !== '/') { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(join(dir, 'index.html')));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); rmSync(dir, { recursive: true, force: true }); }),
  })));
}

const kib = (bytes) => (bytes / 1024).toFixed(1);
const seconds = (ms) => (ms / 1000).toFixed(1);
/** "median unit (min–max)", the range only when the runs differ as shown. */
const range = (values, show, unit) => {
  const sorted = [...values].sort((a, b) => a - b);
  const [min, median, max] = [sorted[0], sorted[Math.floor(sorted.length / 2)], sorted.at(-1)].map(show);
  return `${median}${unit}${min === max ? '' : ` (${min}–${max})`}`;
};
const timeCell = (runs) => (runs.length === 0 ? 'failed' : runs[0].time === undefined ? '—' : range(runs.map((r) => r.time), seconds, ' s'));
const bytesCell = (runs) => (runs.length === 0 ? 'failed' : `${range(runs.map((r) => r.bytes), kib, ' KiB')} in ${range(runs.map((r) => r.requests), String, ' requests')}`);
const describe = (r) => `${r.time === undefined ? '' : `${seconds(r.time)} s, `}${kib(r.bytes)} KiB in ${r.requests} requests${VERBOSE ? ` (${r.urls.join(', ')})` : ''}`;

if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'programme', 'index.html')) || !existsSync(join(DIST, 'widget.js'))) {
  console.error('dist/ holds no release build (index.html, programme/index.html, widget.js): run `trunk build --release` first.');
  process.exit(1);
}

const results = { actions: ACTIONS.map(() => []), widget: [] };
const failures = [];
let browser;
let host;
let timedOut = false;
const nginx = await serveWithNginx();
// A stuck step must not hang the run: closing the browser makes every pending call fail.
const guard = setTimeout(() => { timedOut = true; browser?.close().catch(() => {}); }, TOTAL_TIMEOUT);
let chromiumVersion;
try {
  if (!nginx.brotli) console.error('warning: nginx has no brotli module here, so gzip is what is sent');
  browser = await launchBrowser();
  chromiumVersion = browser.version();
  host = await serveHost(nginx.url);
  const attempt = async (label, work) => {
    try {
      const result = await work();
      const parts = [result.painted && `painted ${describe(result.painted)}`, result.done && `done ${describe(result.done)}`,
        result.idle && `idle ${describe(result.idle)}`, result.typed && `typed ${describe(result.typed)}`].filter(Boolean);
      console.error(`${label}: ${parts.join('; ')}`);
      for (const problem of result.problems) console.error(`  page error: ${problem}`);
      return result;
    } catch (error) {
      failures.push(`${label}: ${error.message.split('\n')[0]}`);
      console.error(`${label}: FAILED ${error.message}`);
      return null;
    }
  };
  for (let run = 1; run <= RUNS && !timedOut; run += 1) {
    for (const [i, action] of ACTIONS.entries()) {
      const result = await attempt(`run ${run} ${action.path}: ${action.what}`, () => siteRun(browser, nginx.url, action));
      if (result) results.actions[i].push(result);
    }
    const result = await attempt(`run ${run} partner page`, () => widgetRun(browser, host.url));
    if (result) results.widget.push(result);
  }
} finally {
  clearTimeout(guard);
  await browser?.close();
  await host?.close();
  await nginx.close();
}
if (timedOut) failures.push(`the whole run took more than ${TOTAL_TIMEOUT / 60_000} min`);

const pick = (list, key) => list.map((r) => r[key]);
const rows = [
  ['`/programme`: first item’s heading painted', '3.5 s', '1.0 s, 3.6 KiB', pick(results.actions[0], 'painted')],
  [`\`/programme\`: ${ACTIONS[0].what}`, '3.7 s', '5.3 s, 333.7 KiB in 6 requests', pick(results.actions[0], 'done'), pick(results.actions[0], 'idle')],
  ['partner page: first programme item painted in the widget', '3.5 s', '4.4 s, 190 KiB in 6 requests', pick(results.widget, 'painted')],
  [`partner page: downloaded before any interaction (network idle ${IDLE / 1000} s after load)`, '—', '—', pick(results.widget, 'idle')],
  ['partner page: a letter typed in the widget’s search, count updated (time from the keystroke; bytes: all since navigation)', '—', '—', pick(results.widget, 'typed')],
  ...ACTIONS.slice(1).map((a, i) => [`\`${a.path}\`: ${a.what}`, '—', '—', pick(results.actions[i + 1], 'done'), pick(results.actions[i + 1], 'idle')]),
];
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)}, Chromium ${chromiumVersion}, ${RUNS} runs each, each in a fresh context (empty cache, service workers blocked).`,
  'Lighthouse\'s mobile profile as DevTools applies it: 562.5 ms latency, 1474.56 kbit/s down, 675 kbit/s up, CPU 4× slower,',
  `390 × 844 at 3×, touch; dist/ served by nginx with deploy/ (${nginx.brotli ? 'brotli' : 'gzip: no brotli module'}). Times from navigation start: median (min–max);`,
  `bytes as sent, of the requests finished by then, and in all once the network is idle (${IDLE / 1000} s). The first two columns were measured before (issue 20).`,
  '',
  '| first use | pretalx widget (Vue 3) 142 KiB | this site before (issue 20) | now: time | now: downloaded by then | now: downloaded in all |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(([what, pretalx, before, runs, idle]) => `| ${what} | ${pretalx} | ${before} | ${timeCell(runs)} | ${bytesCell(runs)} | ${idle ? bytesCell(idle) : '—'} |`),
].join('\n');
console.log(table);

if (failures.length > 0) {
  console.error(`\n${failures.length} run(s) failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  if (WRITE) console.error('BENCHMARKS.md left unchanged');
  process.exitCode = 1;
} else if (WRITE) {
  const block = `${START}\n${table}\n${END}`;
  const text = readFileSync(BENCHMARKS, 'utf8');
  const begin = text.indexOf(START);
  const end = text.indexOf(END);
  const updated = begin >= 0 && end > begin
    ? text.slice(0, begin) + block + text.slice(end + END.length)
    : `${text.trimEnd()}\n\n## First use on a phone (issue 20)\n\nReproduce: \`trunk build --release && node tests/bench/first-use.mjs --write\`.\n\n${block}\n`;
  writeFileSync(BENCHMARKS, updated);
  console.error('BENCHMARKS.md: first-use section written');
}
