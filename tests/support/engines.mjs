// The three browser engines of the cross-engine suite (tests/engines/, issue 27), behind one small
// interface, so that each journey is written once and run in each:
// - Chromium (Blink): Debian's chromium, driven by puppeteer-core over the DevTools protocol;
// - Gecko: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi (no geckodriver);
// - WebKit: WebKitGTK's MiniBrowser (`--automation`), driven by selenium-webdriver through
//   Debian's WebKitWebDriver, on an Xvfb display (WebKitGTK's headless mode opens none).
//
// A journey acts as a visitor does, with the engine's own input (clicks, keys, pointer), on
// elements found by role and accessible name in the page (`pageLib` below, a small stand-in for
// Playwright's getByRole that runs in any engine). A found element is a native handle: the app
// replaces the prerendered page when it takes over, so a journey finds elements again after it
// (every helper here finds the element it acts on at the moment it acts).
//
// Every process started here (browser, driver, Xvfb) is stopped by `close()`, and killed if the
// test process exits without it.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { AXE_TAGS } from './browser.mjs';
import { freePort } from './nginx.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/tools.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

export const VIEWPORT = { width: 1280, height: 900 };

/**
 * Runs in the page (serialized with its caller): finds elements as a person names them. `spec`:
 * { role, name (a string, exact once spaces are collapsed, or { re, flags }), level (headings),
 * css (a selector to start from), within (a spec: search inside the element it finds), shadow
 * (the id of a shadow host: search in its shadow root), nth, hidden (true: include hidden ones) }.
 */
function pageLib() {
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const text = (el) => {
    const copy = el.cloneNode(true);
    for (const hidden of copy.querySelectorAll?.('[aria-hidden="true"]') ?? []) hidden.remove();
    return norm(copy.textContent);
  };
  const rootOf = (el) => el.getRootNode();
  const byId = (root, id) => (root.getElementById ? root.getElementById(id) : root.querySelector(`#${CSS.escape(id)}`));
  const LANDMARK_PARENTS = 'article, aside, main, nav, section';
  const role = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(/\s+/)[0];
    const tag = el.tagName.toLowerCase();
    if (/^h[1-6]$/.test(tag)) return 'heading';
    switch (tag) {
      case 'a': return el.hasAttribute('href') ? 'link' : null;
      case 'button': case 'summary': return 'button';
      case 'input': {
        const type = el.type;
        if (type === 'search') return 'searchbox';
        if (type === 'checkbox' || type === 'radio') return type;
        if (['button', 'submit', 'reset'].includes(type)) return 'button';
        return ['text', 'url', 'email', 'tel'].includes(type) ? 'textbox' : null;
      }
      case 'textarea': return 'textbox';
      case 'select': return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
      case 'nav': return 'navigation';
      case 'main': return 'main';
      case 'header': return el.parentElement?.closest(LANDMARK_PARENTS) ? null : 'banner';
      case 'footer': return el.parentElement?.closest(LANDMARK_PARENTS) ? null : 'contentinfo';
      case 'section': return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
      case 'form': return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'form' : null;
      case 'article': return 'article';
      case 'aside': return 'complementary';
      case 'fieldset': case 'details': return 'group';
      case 'ul': case 'ol': return 'list';
      case 'li': return 'listitem';
      case 'output': return 'status';
      default: return null;
    }
  };
  const name = (el) => {
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) return norm(labelledBy.split(/\s+/).map((id) => byId(rootOf(el), id)).filter(Boolean).map(text).join(' '));
    const label = el.getAttribute('aria-label');
    if (label) return norm(label);
    if (el.labels?.length) return norm([...el.labels].map(text).join(' '));
    if (el.tagName === 'FIELDSET') return text(el.querySelector(':scope > legend') ?? document.createElement('i'));
    if (el.tagName === 'IMG') return norm(el.alt);
    if (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)) return norm(el.getAttribute('title') ?? '');
    if (['SECTION', 'NAV', 'MAIN', 'HEADER', 'FOOTER', 'FORM', 'ARTICLE', 'ASIDE', 'UL', 'OL', 'DETAILS'].includes(el.tagName)) return '';
    return text(el);
  };
  const hidden = (el) => {
    for (let e = el; e; e = e.parentElement ?? e.getRootNode().host) {
      if (e.hidden || e.getAttribute('aria-hidden') === 'true' || getComputedStyle(e).display === 'none') return true;
    }
    return getComputedStyle(el).visibility === 'hidden';
  };
  const matches = (value, want) => want == null || (typeof want === 'string' ? value === want : new RegExp(want.re, want.flags).test(value));
  const all = (spec, scope = document) => {
    if (spec.shadow) scope = document.getElementById(spec.shadow)?.shadowRoot;
    if (scope && spec.within) scope = all(spec.within, scope)[0];
    if (!scope) return [];
    return [...scope.querySelectorAll(spec.css ?? '*')].filter((el) => (!spec.role || role(el) === spec.role)
      && (spec.level == null || el.tagName === `H${spec.level}`)
      && matches(name(el), spec.name)
      && (spec.hidden || !hidden(el)));
  };
  const find = (spec) => all(spec)[spec.nth ?? 0] ?? null;
  /** What has the focus, as a person would say it: role and name (inside a shadow root too). */
  const focused = () => {
    let e = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    return e && e !== document.body ? `${role(e) ?? e.tagName.toLowerCase()} ${name(e)}` : 'body';
  };
  return { norm, text, role, name, hidden, all, find, focused };
}
const PAGE_LIB = `(${pageLib})()`;

/** A spec with its regular expressions made serializable. */
function serial(spec) {
  if (spec instanceof RegExp) return { re: spec.source, flags: spec.flags };
  if (Array.isArray(spec) || spec === null || typeof spec !== 'object') return spec;
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, serial(v)]));
}

/** `fn(X, arg)` as an expression to evaluate in the page, X being pageLib's helpers. */
const source = (fn, arg) => `(${fn})(${PAGE_LIB}, ${JSON.stringify(serial(arg) ?? null)})`;

const describe = (spec) => (typeof spec === 'string' ? spec : JSON.stringify(serial(spec)));


/**
 * What must go when the test process ends, on its `exit` event. A signal (SIGINT, SIGTERM,
 * SIGHUP) would end node without that event: it exits instead, with the signal's status, so that
 * these run, and so do the other `exit` handlers (tests/support/nginx.mjs stops nginx in one).
 */
const cleanups = new Set();
process.once('exit', () => { for (const cleanup of cleanups) cleanup(); });
for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => process.exit(status));
}

/** Spawns a helper process in its own process group, which dies with the test process, even one
 * that ends without `after`: the whole group, so that a browser the driver started goes too. */
function spawnOwned(command, args, options) {
  const child = spawn(command, args, { ...options, detached: true });
  const exited = new Promise((done) => child.once('exit', done));
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {}
  };
  const orphan = () => signal('SIGKILL');
  cleanups.add(orphan);
  return {
    child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      // What the group still holds (a browser left by its driver) goes with it.
      signal('SIGKILL');
      cleanups.delete(orphan);
    },
  };
}

const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** What every session offers, on top of each engine's few primitives. */
class Session {
  constructor(engine, base) {
    this.engine = engine;
    this.base = base;
  }

  /** `path` on the site (or a whole URL). */
  href(path) {
    return /^https?:/.test(path) ? path : this.base + path;
  }

  /** Runs `fn(X, arg)` in the page and returns its (awaited, JSON) result. */
  run(fn, arg) {
    return this.evaluate(source(fn, arg));
  }

  /** Polls `fn(X, arg)` in the page until it returns a true value, which it returns; fails with
   * `what` (and the last value) after `timeout` ms. */
  async until(fn, arg, what, timeout = 20_000) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        // An element or another object the protocol cannot send back counts as true.
        last = await this.evaluate(`Promise.resolve(${source(fn, arg)}).then((v) => (v && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype ? true : v))`);
        if (last) return last;
      } catch (error) {
        // A navigation under way destroys the page the script ran in: try again.
        last = error.message.replace(/\s+/g, ' ').slice(0, 400);
      }
      if (Date.now() > end) throw new Error(`${this.engine.name}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
      await pause(100);
    }
  }

  /** Waits for the element `spec` and returns its native handle. */
  async find(spec, timeout = 15_000) {
    const end = Date.now() + timeout;
    for (;;) {
      const handle = await this.element(source((X, s) => X.find(s), spec)).catch(() => null);
      if (handle) return handle;
      if (Date.now() > end) throw new Error(`${this.engine.name}: no element ${describe(spec)} after ${timeout} ms`);
      await pause(100);
    }
  }

  /** Text of each element `spec`, as a person reads it (spaces collapsed). */
  texts(spec) {
    return this.run((X, s) => X.all(s).map((e) => X.norm(e.innerText)), spec);
  }

  count(spec) {
    return this.run((X, s) => X.all(s).length, spec);
  }

  attribute(spec, attribute) {
    return this.run((X, [s, a]) => X.find(s)?.getAttribute(a) ?? null, [spec, attribute]);
  }

  focused() {
    return this.run((X) => X.focused());
  }

  async click(spec) {
    await this.acting(`click ${describe(spec)}`, async () => this.clickHandle(await this.find(spec)));
  }

  /** Chooses the option whose value is `value` in the select `spec`. */
  async select(spec, value) {
    await this.acting(`select « ${value} » in ${describe(spec)}`, async () => this.selectHandle(await this.find(spec), value));
  }

  async acting(what, act) {
    try {
      await act();
    } catch (error) {
      error.message = `${what}: ${error.message}`;
      throw error;
    }
  }

  /** Waits until the app runs: `<html data-app="ready">`, or `"waiting"` for the visitor's next
   * move to take the page over (crates/nec-views/src/takeover/); fails at once if it
   * stopped (`data-app="failed"`, scripts/shipped/boot.js) or could not be downloaded (an alert). */
  async appRunning(timeout = 20_000) {
    const state = await this.until(() => {
      const app = document.documentElement.dataset.app;
      if (app === 'ready' || app === 'waiting' || (!document.getElementById('app') && document.readyState === 'complete')) return 'ready';
      if (app === 'failed' || document.querySelector('.alert--fatal, .start-failed')) return `failed: ${document.querySelector('[role="alert"]')?.textContent.trim() ?? app}`;
      return false;
    }, null, 'the app to run', timeout);
    if (state !== 'ready') throw new Error(`${this.engine.name}: the app did not start (${state})`);
  }

  /** Starts the app as tests/support/browser.mjs does (scripts/shipped/boot.js, `necBoot.startApp`:
   * as in-app navigation finds it running), then waits for it and its content. */
  async startApp(timeout = 20_000) {
    await this.until(() => {
      const html = document.documentElement;
      if (html.dataset.app || !document.getElementById('app')) return true;
      window.necBoot?.startApp?.();
      return Boolean(html.dataset.app);
    }, null, 'the app to start', timeout);
    await this.appRunning(timeout);
    await this.until(() => document.querySelector('main h1') && !document.querySelector('main .loading'), null, 'the page’s content', timeout);
  }

  /** Loads `path` and, unless `app: false`, starts the app and waits for its content. If the
   * engine's driver stops answering scripts (WebKitWebDriver does, rarely, on this 2-core machine
   * under load), it loads the page once more and says so; an app that failed fails at once. */
  async open(path, { app = true } = {}) {
    await this.goto(this.href(path));
    if (!app) return;
    try {
      await this.startApp();
    } catch (error) {
      if (!/timed out after .* \(last: "[^"]*: evaluate\(/.test(error.message)) throw error;
      console.error(`# ${this.engine.name}: ${path} loaded again after the driver stopped answering: ${error.message}`);
      await this.goto(this.href(path));
      await this.startApp();
    }
  }

  /** axe-core with the suite's tags (tests/browser/a11y.test.mjs): one line per violation. */
  async axe(tags = AXE_TAGS) {
    await this.inject(AXE_SOURCE);
    const violations = await this.evaluate(`window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(tags)} } })
      .then((r) => r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`);
    return violations;
  }

  /** Empties the engine's download folder (before a download a test checks). */
  clearDownloads() {
    for (const name of readdirSync(this.engine.downloads)) rmSync(join(this.engine.downloads, name), { recursive: true, force: true });
  }

  /** Waits for the file `name` in the download folder, complete, and returns its text. */
  async downloaded(name, complete = () => true, timeout = 15_000) {
    const end = Date.now() + timeout;
    for (;;) {
      const files = readdirSync(this.engine.downloads);
      if (files.includes(name) && !files.some((f) => /\.(part|crdownload)$|^\.com\.google/.test(f))) {
        const text = readFileSync(join(this.engine.downloads, name), 'utf8');
        if (complete(text)) return text;
      }
      if (Date.now() > end) throw new Error(`${this.engine.name}: no complete download « ${name} » after ${timeout} ms (folder: ${JSON.stringify(files)})`);
      await pause(100);
    }
  }
}

/** Chromium and Gecko, through puppeteer-core. */
class PuppeteerSession extends Session {
  constructor(engine, base, context, page) {
    super(engine, base);
    this.context = context;
    this.page = page;
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load', timeout: 30_000 });
  }

  url() {
    return this.page.url();
  }

  title() {
    return this.page.title();
  }

  evaluate(expression) {
    return this.page.evaluate(expression);
  }

  /** Runs a whole script (statements) in the page. */
  async inject(script) {
    await this.page.evaluate(`${script};0`);
  }

  async element(expression) {
    const handle = await this.page.evaluateHandle(expression);
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element;
  }

  async clickHandle(handle) {
    await handle.click();
  }

  async selectHandle(handle, value) {
    await handle.select(value);
  }

  /** Types into whatever has the focus. */
  async keys(text) {
    await this.page.keyboard.type(text);
  }

  async press(key) {
    await this.page.keyboard.press(key === 'Space' ? ' ' : key);
  }


  async close() {
    await within(this.context.close(), 20_000, `${this.engine.name}: closing a session`).catch(() => {});
  }
}

/** WebKit, through WebKitWebDriver (W3C WebDriver classic). */
class SeleniumSession extends Session {
  constructor(engine, base, driver) {
    super(engine, base);
    this.driver = driver;
  }

  async goto(url) {
    await this.driver.get(url);
  }

  async reload() {
    await this.driver.navigate().refresh();
  }


  url() {
    return this.driver.getCurrentUrl();
  }

  title() {
    return this.driver.getTitle();
  }

  evaluate(expression) {
    return this.driver.executeScript(`return (\n${expression}\n);`);
  }

  async inject(script) {
    await this.driver.executeScript(script);
  }

  async element(expression) {
    return (await this.driver.executeScript(`return (\n${expression}\n);`)) ?? null;
  }

  async clickHandle(handle) {
    try {
      await handle.click();
    } catch (error) {
      // WebKitWebDriver's element click checks that the element is what is hit at its centre,
      // and a hit inside a shadow root is reported as its host: an element of a shadow root (the
      // widget) is said to be covered. For those only, click with the pointer at its centre.
      const inShadow = await this.driver.executeScript('return arguments[0].getRootNode() instanceof ShadowRoot', handle);
      if (error.name !== 'ElementClickInterceptedError' || !inShadow) throw error;
      await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', handle);
      await this.driver.actions().move({ origin: handle }).click().perform();
    }
  }

  async selectHandle(handle, value) {
    const option = await this.driver.executeScript('return [...arguments[0].options].find((o) => o.value === arguments[1]) ?? null', handle, value);
    if (!option) throw new Error(`no option « ${value} »`);
    await option.click();
  }

  async keys(text) {
    await this.driver.actions().sendKeys(text).perform();
  }

  async press(key) {
    const keys = { Tab: Key.TAB, Enter: Key.ENTER, Space: Key.SPACE, Backspace: Key.BACK_SPACE };
    await this.driver.actions().sendKeys(keys[key] ?? key).perform();
  }


  async close() {
    await within(this.driver.quit(), 20_000, 'webkit: closing a session').catch(() => {});
  }
}

/** `promise`, or an error naming `what` if it has not settled after `ms` (a driver that stops
 * answering fails the step by name, not the whole test by its time limit). */
export function within(promise, ms, what) {
  let timer;
  const limit = new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`${what}: no answer after ${ms} ms`)), ms); });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

// A driver's error says which engine and which step (some drivers' own messages are empty), and a
// step that gets no answer fails after STEP_LIMIT.
const STEP_LIMIT = 40_000;
for (const Class of [PuppeteerSession, SeleniumSession]) {
  for (const method of ['goto', 'reload', 'evaluate', 'element', 'clickHandle', 'selectHandle', 'keys', 'press', 'inject']) {
    const original = Class.prototype[method];
    Class.prototype[method] = async function step(...args) {
      // One line, so that a step's error keeps the driver's reason after the script's start.
      const what = args.filter((a) => typeof a === 'string').map((a) => a.replace(/\s+/g, ' ').slice(0, 80)).join(', ');
      try {
        return await within(original.apply(this, args), STEP_LIMIT, `${this.engine.name}: ${method}(${what})`);
      } catch (error) {
        if (!error.message.startsWith(`${this.engine.name}: `)) error.message = `${this.engine.name}: ${method}(${what}): ${error.name}${error.message ? ` — ${error.message}` : ''}`;
        throw error;
      }
    };
  }
}


async function launchPuppeteer(name) {
  const downloads = mkdtempSync(join(tmpdir(), `nec-${name}-downloads-`));
  let browser;
  try {
    browser = name === 'chromium'
      ? await puppeteer.launch({ browser: 'chrome', executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, defaultViewport: VIEWPORT, timeout: 60_000 })
      : await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        protocol: 'webDriverBiDi',
        headless: true,
        defaultViewport: VIEWPORT,
        timeout: 60_000,
        extraPrefsFirefox: {
          // Downloads go to this folder without asking, as a visitor's browser usually does.
          'browser.download.dir': downloads,
          'browser.download.folderList': 2,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.download.start_downloads_in_tmp_dir': false,
          // The site's French text, and a light system theme, as for Chromium.
          'intl.accept_languages': 'fr-FR, fr',
          'layout.css.prefers-color-scheme.content-override': 1,
        },
      });
  } catch (error) {
    rmSync(downloads, { recursive: true, force: true });
    throw error;
  }
  const version = await browser.version();
  const engine = {
    name,
    version,
    downloads,
    async session(base) {
      const context = await browser.createBrowserContext(name === 'chromium' ? { downloadBehavior: { policy: 'allow', downloadPath: downloads } } : {});
      const page = await context.newPage();
      await page.setViewport(VIEWPORT);
      return new PuppeteerSession(engine, base, context, page);
    },
    async close() {
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
      rmSync(downloads, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
  return engine;
}

/** Xvfb on a display it picks itself (-displayfd: no guessing, no clash with another one). */
async function startXvfb() {
  const xvfb = spawnOwned(XVFB, ['-displayfd', '3', '-screen', '0', '1400x1050x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let errors = '';
  xvfb.child.stdio[2].on('data', (chunk) => { errors += chunk; });
  const display = await new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`Xvfb gave no display in 10 s: ${errors}`)), 10_000);
    xvfb.child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) { clearTimeout(timer); done(`:${out.trim()}`); }
    });
    xvfb.child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`Xvfb exited (${code}): ${errors}`)); });
  });
  return { ...xvfb, display };
}

async function driverReady(url, driver, timeout = 15_000) {
  const end = Date.now() + timeout;
  while (Date.now() < end && driver.child.exitCode === null) {
    try {
      const status = await (await fetch(`${url}/status`)).json();
      if (status.value?.ready) return;
    } catch {}
    await pause(100);
  }
  throw new Error(`WebKitWebDriver did not answer on ${url}`);
}

async function launchWebKit() {
  const home = mkdtempSync(join(tmpdir(), 'nec-webkit-home-'));
  const downloads = join(home, 'Téléchargements');
  mkdirSync(downloads);
  // MiniBrowser saves a download in the user's download folder (GLib's XDG user directory).
  mkdirSync(join(home, '.config'));
  writeFileSync(join(home, '.config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  const removeHome = () => rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  cleanups.add(removeHome);
  const stops = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
    // A web process of the last session may still be writing its caches as it exits.
    removeHome();
    cleanups.delete(removeHome);
  };
  try {
    const xvfb = await startXvfb();
    stops.push(() => xvfb.stop());
    const env = {
      ...process.env, DISPLAY: xvfb.display, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local', 'share'), LANG: 'fr_FR.UTF-8', LANGUAGE: 'fr', WAYLAND_DISPLAY: '', GDK_BACKEND: 'x11',
      // No accessibility bus is wanted under Xvfb: GTK would wait for one. No shader cache on disk.
      NO_AT_BRIDGE: '1', MESA_SHADER_CACHE_DISABLE: 'true',
    };
    let port;
    let driver;
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      driver = spawnOwned(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
      try {
        await driverReady(`http://127.0.0.1:${port}`, driver);
        break;
      } catch (error) {
        await driver.stop();
        if (attempt >= 3) throw error;
      }
    }
    stops.push(() => driver.stop());
    const server = `http://127.0.0.1:${port}`;
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    };
    const sessions = new Set();
    const engine = {
      name: 'webkit',
      version: '',
      downloads,
      async session(base) {
        // On a loaded machine a MiniBrowser now and then never answers the new session (one
        // journey in 141, once in a clean-clone rehearsal): a second one is asked for, and a late
        // answer to the first is closed rather than left running.
        let webdriver;
        for (let attempt = 1; !webdriver; attempt += 1) {
          const starting = new Builder().usingServer(server).withCapabilities(capabilities).build();
          try {
            webdriver = await within(starting, 30_000, 'webkit: a new MiniBrowser session');
          } catch (error) {
            starting.then((late) => late.quit(), () => {}).catch(() => {});
            if (attempt >= 2) throw error;
          }
        }
        await webdriver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
        await webdriver.manage().window().setRect({ ...VIEWPORT, x: 0, y: 0 }).catch(() => {});
        engine.version ||= (await webdriver.getCapabilities()).get('browserVersion');
        const session = new SeleniumSession(engine, base, webdriver);
        sessions.add(session);
        const close = session.close.bind(session);
        session.close = async () => { sessions.delete(session); await close(); };
        return session;
      },
      async close() {
        for (const session of [...sessions]) await session.close();
        await stopAll();
      },
    };
    // One session first: the engine's version, and a failure to start said here, not in a journey.
    await (await engine.session('about:blank')).close();
    return engine;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Starts the engine `name` ('chromium', 'gecko' or 'webkit'). */
export function launchEngine(name) {
  if (name === 'chromium' || name === 'gecko') return launchPuppeteer(name);
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${name}`);
}

/** How each engine is named in test titles. */
export const ENGINE_LABELS = {
  chromium: 'Chromium (Blink)',
  gecko: 'Firefox ESR (Gecko)',
  webkit: 'WebKitGTK MiniBrowser (WebKit)',
};
