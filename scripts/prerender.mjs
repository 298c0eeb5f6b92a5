// Trunk post-build hook (release only): writes each route's page with its content already in
// the HTML, so it is readable without JavaScript and paints before the wasm arrives.
//
// The pages come from the app itself, with the bundled data: Debian's Chromium (playwright-core,
// installed by scripts/setup.sh) opens each route of this build at the site's public address
// (NEC_SITE_ORIGIN, answered from the build, nothing leaves the machine), waits until the app
// runs (`<html data-app="ready">`, src/takeover/) and no view is still loading (`.loading`),
// and its `<div id="app">` is written into a copy of index.html, marked `data-prerendered`, with
// the page's <title> and <html lang>, its address (`data-path`, none on the not-found page) and
// the data files it read (`data-fetch`). The app, once
// loaded, swaps in its own tree (takeover.rs).
//
// Routes: every internal link of the site, followed from `/` and `/en` (path only: a query or a
// fragment is the same page). A link that leads to « Page introuvable » fails the build.
// Written: `index.html` (the home page), `<route>/index.html` for the others, `404.html` and
// `en/404.html`, and `shell.html`, the empty page the service worker falls back to offline for a
// page it has not kept (the app then shows the route). By hand: `node scripts/prerender.mjs dist`.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { launchBrowser, TYPES } from './tools.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('prerender: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(1);
}
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0); // trunk serve: the app alone

const START = ['/', '/en'];
// An address no page has: its « Page introuvable » is written to 404.html (en/404.html), which the
// host sends with the 404 status for every unknown address.
const MISSING = { '/404': '404.html', '/en/404': 'en/404.html' };
// The address the site is published at: the builder of /integrer and the calendar files write it
// into what they give. The app, once running, uses the address it is actually served from.
const origin = (process.env.NEC_SITE_ORIGIN ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const NOT_FOUND = ['Page introuvable', 'Page not found'];
const NOSCRIPT_EN =
  '<p class="noscript" lang="en">JavaScript is off: the pages can be read and their links lead everywhere, but “My programme”, the filters, the search, the export and the settings need JavaScript.</p>';

// A second run (`node scripts/prerender.mjs dist`) starts again from the shell, not the home page.
const shellPath = join(dir, 'shell.html');
const shell = readFileSync(existsSync(shellPath) ? shellPath : join(dir, 'index.html'), 'utf8');
const root = /<div id="?app"?><\/div>/;
if (!root.test(shell)) {
  console.error('prerender: index.html has no empty <div id="app"></div>');
  process.exit(1);
}

// Chromium as the browser tests launch it, with playwright-core from the tests' tools.
let browser;
try {
  browser = await launchBrowser();
} catch (error) {
  console.error(`prerender: no Chromium to render the pages (${error.message}); run scripts/setup.sh --browser`);
  process.exit(1);
}
const pages = new Map();
let failed = false;
// A page of the build's origin with every view of the widget, for widget.js to paint them.
const WIDGET_PAGE = '/__widget-views__.html';
const WIDGET_VIEWS = ['programme', 'charte', 'editions'].flatMap((view) => ['fr', 'en'].map((lang) => [view, lang]));
const widgetPage = `<!DOCTYPE html><html lang="fr"><title>widget</title><script type="module" src="/widget.js"></script>${
  WIDGET_VIEWS.map(([view, lang]) => `<nec-widget view="${view}" lang="${lang}"></nec-widget>`).join('')}</html>`;
const painted = {};
try {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  // Every request of the pages is answered from this build, under the site's public address.
  await context.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === WIDGET_PAGE) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: widgetPage });
    if (extname(path) === '') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: shell });
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(normalize(dir)) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // The data files each page reads: the boot module fetches them with the wasm (scripts/shipped/boot.js).
  const read = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin && url.pathname.startsWith('/data/')) read.add(url.pathname);
  });
  const queue = [...START, ...Object.keys(MISSING)];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const route = queue.shift();
    read.clear();
    await page.goto(origin + route);
    await page.waitForFunction(() => document.documentElement.dataset.app === 'ready' && !document.querySelector('#app .loading'), null, { timeout: 30000 });
    // What the app set as properties (ticked boxes, typed values, chosen options) becomes
    // attributes, so the written HTML shows the same state.
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('#app input')) {
        if (input.checked) input.setAttribute('checked', '');
        else if (!['checkbox', 'radio'].includes(input.type) && input.value) input.setAttribute('value', input.value);
      }
      for (const option of document.querySelectorAll('#app option')) if (option.selected) option.setAttribute('selected', '');
    });
    const found = await page.evaluate(() => ({
      html: document.getElementById('app').outerHTML,
      title: document.title,
      lang: document.documentElement.lang,
      h1: document.querySelector('main h1')?.textContent.trim(),
      alert: document.querySelector('main [role="alert"]')?.textContent.trim(),
      links: [...document.querySelectorAll('a[href^="/"]')].map((a) => a.getAttribute('href')),
    }));
    found.data = [...read].sort().join(' ');
    if (found.alert || NOT_FOUND.includes(found.h1) !== route in MISSING || errors.length > 0) {
      console.error(`prerender: ${route}: ${found.alert || errors.join('; ') || found.h1}`);
      failed = true;
      errors.length = 0;
      continue;
    }
    pages.set(route, found);
    for (const href of found.links) {
      const path = href.split(/[?#]/)[0];
      if (extname(path) !== '' || path.startsWith('/test/') || seen.has(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  // The partner widget's views, painted by widget.js before its wasm (scripts/shipped/widget/loader.js):
  // each view in each language, at heading level 2, rendered by the widget's own wasm.
  await page.goto(origin + WIDGET_PAGE);
  await page.waitForFunction((n) => {
    const roots = [...document.querySelectorAll('nec-widget')].map((w) => w.shadowRoot?.querySelector('.nec-root'));
    return roots.length === n && roots.every((r) => r?.querySelector('section') && !r.querySelector('.nec-loading, [role="alert"]'));
  }, WIDGET_VIEWS.length, { timeout: 30000 });
  for (const [key, html] of await page.evaluate(() => [...document.querySelectorAll('nec-widget')]
    .map((w) => [`${w.getAttribute('view')}.${w.getAttribute('lang')}`, w.shadowRoot.querySelector('.nec-root').innerHTML]))) {
    painted[key] = html.replace(/<!---->/g, '');
  }
  if (errors.length > 0) {
    console.error(`prerender: widget: ${errors.join('; ')}`);
    failed = true;
  }
} finally {
  await browser.close();
}
if (failed) process.exit(1);

// The programme in French, the default view, inside widget.js; each other view in a module of its
// own, hashed, which widget.js imports only for an element that shows it.
const widgetFile = join(dir, 'widget.js');
const loader = readFileSync(widgetFile, 'utf8');
if (!loader.includes('/*painted*/{}') || !loader.includes('/*paints*/{}')) {
  console.error('prerender: widget.js has no /*painted*/{} and /*paints*/{} to fill in');
  process.exit(1);
}
const { minify } = await import('./minify.mjs');
const inline = {};
const modules = {};
for (const [key, html] of Object.entries(painted)) {
  if (key === 'programme.fr') {
    inline[key] = html;
    continue;
  }
  const code = `export default ${JSON.stringify(html)};\n`;
  modules[key] = `nec-widget-vue-${key.replace('.', '-')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, modules[key]), code);
}
// Minified once filled in (terser drops the marks): the loader and its view.
writeFileSync(widgetFile, await minify(loader.replace('/*painted*/{}', () => JSON.stringify(inline)).replace('/*paints*/{}', () => JSON.stringify(modules))));

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
writeFileSync(shellPath, shell);
for (const [route, { html, title, lang, data }] of pages) {
  // The address the page was written for (`data-path`): on a host that answers an address with
  // another page (index.html for any address), the boot module starts the app at once, whose
  // router shows this address. The not-found page fits every address it is sent for: none.
  const path = route in MISSING ? '' : ` data-path="${route}"`;
  const marks = ` data-prerendered=""${path}${data ? ` data-fetch="${data}"` : ''}`;
  let page = shell
    // Without the empty comments Leptos leaves as markers: the app renders its own tree anyway.
    .replace(root, () => html.replace(/^<div id="app"/, `<div id="app"${marks}`).replace(/<!---->/g, ''))
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`)
    .replace(/<html lang="?fr"?/, `<html lang="${lang}"`);
  if (lang === 'en') page = page.replace(/<p class="?noscript"?[^>]*>[^<]*<\/p>/, NOSCRIPT_EN);
  const file = join(dir, MISSING[route] ?? (route === '/' ? 'index.html' : join(route, 'index.html')));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page);
}
console.log(`prerender: ${pages.size} pages, and shell.html`);
// The accessibility declaration must say how to reach the site's team (src/rgaa.rs): the
// organisers give it when building; until then, every release build says so.
if (pages.get('/accessibilite')?.html.includes('data-missing="contact"')) {
  console.warn('prerender: AVERTISSEMENT : la déclaration d’accessibilité n’a pas de contact. Donnez-le à la construction : '
    + 'NEC_ACCESSIBILITY_CONTACT=adresse@exemple.fr (ou https://…/formulaire) trunk build --release');
}
