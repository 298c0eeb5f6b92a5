// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the release
// build served by nginx (plain HTTP, or HTTPS: NEC_TEST_HTTPS), and helpers that read what a person sees.
import { readFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createRequire } from 'node:module';
import { serveWithNginx, testCertificate } from './nginx.mjs';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export { CHROMIUM } from '../../scripts/tools.mjs';
import { launchBrowser as launchChromium } from '../../scripts/tools.mjs';

/**
 * Which server the suite runs against: Debian's nginx with deploy/ (the configuration users
 * deploy), unless NEC_TEST_SERVER=node asks for the small node server of server.mjs.
 */
export const SERVER = process.env.NEC_TEST_SERVER === 'node' ? 'node' : 'nginx';

/**
 * Over which scheme the Chromium suite opens the site: plain HTTP on the loopback address by
 * default (a secure context: service workers run), or, with NEC_TEST_HTTPS=1, HTTPS with HTTP/2
 * and the test certificate (nginx only). Either way the same server block of deploy/nginx.conf
 * answers; tests/browser/https.test.mjs always runs over HTTPS.
 */
export const HTTPS = SERVER === 'nginx' && process.env.NEC_TEST_HTTPS === '1';

/**
 * Chromium for the tests: it trusts the test certificate (tests/support/nginx.mjs), and only it,
 * by its public key (`--ignore-certificate-errors-spki-list`): the HTTPS origin is then a secure
 * context where the service worker registers, which `ignoreHTTPSErrors` alone does not allow,
 * and any other certificate error still fails.
 */
export function launchBrowser() {
  return launchChromium({ args: [`--ignore-certificate-errors-spki-list=${testCertificate().spki}`] });
}

/** The response headers of a GET of `url` read by node (lower-case names), over HTTP or over
 * HTTPS trusting the test certificate (node's fetch trusts only the system's authorities). */
export function headersOf(url) {
  const secure = url.startsWith('https:');
  return new Promise((done, fail) => {
    (secure ? httpsGet : httpGet)(url, secure ? { ca: testCertificate().pem } : {}, (res) => { res.resume(); done(res.headers); }).on('error', fail);
  });
}

/** Starts the server and the browser, once per test file (`https`: over HTTPS, see HTTPS). */
export async function start({ https = HTTPS } = {}) {
  const server = SERVER === 'node' ? await serve() : await serveWithNginx();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    url: https && server.https ? server.https : server.url,
    https: server.https,
    redirect: server.redirect,
    acme: server.acme,
    server: SERVER,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new page that records console errors and uncaught exceptions, so a test can assert
 * that nothing panicked. `bypassCSP`: for a test that stands in for a user style sheet, which
 * the site's Content-Security-Policy does not apply to. `serviceWorkers`: 'block' by default, so
 * that a test's `page.route` sees every request (a request the site's service worker answers
 * would bypass it) and each test starts from a first visit; 'allow' where the worker is what is
 * tested or measured (offline, budgets, CSP).
 */
export async function openPage(env, { colorScheme = 'light', viewport = { width: 1280, height: 900 }, bypassCSP = false, serviceWorkers = 'block' } = {}) {
  const context = await env.browser.newContext({ colorScheme, viewport, locale: 'fr-FR', bypassCSP, serviceWorkers });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    // An unknown address is « Page introuvable » with the 404 status, which Chromium logs.
    const notFoundPage = /status of 404/.test(msg.text()) && msg.location()?.url === page.url();
    if (msg.type() === 'error' && !notFoundPage) page.problems.push(msg.text());
  });
  page.on('pageerror', (error) => page.problems.push(String(error)));
  page.close = ((close) => async () => { await close(); await context.close(); })(page.close.bind(page));
  // A page loads with its prerendered content, which the app replaces once it runs: a test acts on
  // the app's page, so `goto` and `reload` start it and wait for it (`app: false` to leave the
  // page as a visitor who only reads has it, or when the app is held back).
  for (const name of ['goto', 'reload']) {
    const load = page[name].bind(page);
    page[name] = async (...args) => {
      const options = args.at(-1) !== null && typeof args.at(-1) === 'object' ? args.at(-1) : {};
      const { app = true, ...rest } = options;
      if (args.at(-1) === options) args[args.length - 1] = rest;
      const response = await load(...args);
      if (app) await startApp(page);
      return response;
    };
  }
  return page;
}

/** Starts the app as in-app navigation from another page finds it running (scripts/shipped/boot.js,
 * `necBoot.startApp`: the page serves its theme switch and « Mon programme » by itself, so no
 * control starts it on every page); again until the boot module listens (a page still loading),
 * and never once the app is starting. True once the app runs or is starting. */
function bootStartsApp() {
  const html = document.documentElement;
  if (html.dataset.app || !document.getElementById('app')) return true;
  window.necBoot?.startApp?.();
  return Boolean(html.dataset.app);
}

/** Starts the app, without waiting for it to run (its data may be held back). */
export async function startAppOnly(page, timeout = 30000) {
  await page.waitForFunction(bootStartsApp, null, { timeout, polling: 100 });
}

/** Starts the app as a visitor does, unless it started by itself, and waits until it runs. */
export async function startApp(page, timeout = 30000) {
  await startAppOnly(page, timeout);
  await appRunning(page, timeout);
}

/** Opens the programme's « Filtrer » disclosure with a click, if it is closed (issue 25: closed, so
 * the sessions come first on a phone). */
export async function openFilters(page) {
  const details = page.locator('details.filters__more');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Tabs to the first filter check box as a keyboard user does: Enter on « Filtrer » on the way,
 * when it is closed. Fails after `max` keys. */
export async function tabToFirstCheckbox(page, max = 40) {
  for (let i = 0; i < max; i++) {
    const here = await page.evaluate(() => {
      const e = document.activeElement;
      if (e?.type === 'checkbox') return 'checkbox';
      return e?.matches('details.filters__more:not([open]) > summary') ? 'closed' : 'other';
    });
    if (here === 'checkbox') return;
    await page.keyboard.press(here === 'closed' ? 'Enter' : 'Tab');
  }
  throw new Error(`no filter check box reached in ${max} keys`);
}

/** Text with French typography's no-break spaces (crates/nec-views/src/typeset.rs) read as plain spaces, for tests
 * that compare words; typography.test.mjs checks the spaces themselves. */
export const plain = (text) => text.replace(/[\u00a0\u202f]/g, ' ');

/** Waits until the app runs (`<html data-app="ready">`, or `"waiting"` for the visitor's next move
 * to take the page over: crates/nec-views/src/takeover/) on a page of the site (one with `<div id="app">`: not a
 * widget's page, nor a file). */
export async function appRunning(page, timeout = 30000) {
  await page.waitForFunction(() => ['ready', 'waiting'].includes(document.documentElement.dataset.app) || !document.getElementById('app'), null, { timeout });
}

/** Waits until the service worker's cache holds the whole app and every data file (what it
 * copies once the app has run), `worker` being its build's `workerOf` (tests/support/server.mjs). */
export async function offlineCopyMade(page, worker, timeout = 30000) {
  const complete = () => page.evaluate(async ({ cache, files }) => {
    if (!(await caches.has(cache))) return false;
    const kept = await caches.open(cache);
    return (await Promise.all(files.map((p) => kept.match(p)))).every(Boolean);
  }, { cache: worker.cache, files: [...worker.assets, ...worker.data] });
  // (waitForFunction would take the promise itself for a true value.)
  for (const deadline = Date.now() + timeout; !(await complete());) {
    if (Date.now() > deadline) throw new Error(`the worker's offline copy is still incomplete after ${timeout} ms`);
    await page.waitForTimeout(250);
  }
}

/** Holds the wasm back until `release()` is called (set before the page loads). */
export async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  return release;
}

/** Waits until the app has replaced its loading state with content or an alert. */
export async function settled(page) {
  await startApp(page);
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => !document.querySelector('main .loading'));
}

/** The panics and uncaught errors seen so far (a Rust panic shows as "unreachable" under panic=abort). */
export function panics(page) {
  return page.problems.filter((p) => /unreachable|panicked|RuntimeError/i.test(p));
}

/** The axe-core rule sets every page must pass: WCAG 2.0, 2.1 and 2.2 A/AA, and axe's RGAA 4 mapping. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'RGAAv4'];

/** Runs axe-core on the page and returns its violations, one readable line each. */
export async function axeViolations(page, tags = AXE_TAGS) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate((runOnly) => window.axe.run(document, { runOnly: { type: 'tag', values: runOnly } }), tags);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
