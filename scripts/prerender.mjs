// Trunk post-build hook (release only): writes each route's page with its content already in
// the HTML, so it is readable without JavaScript and paints before the wasm arrives.
//
// The pages come from the app's own components, with the build's data: Leptos renders them
// natively (`nec-render`, src/bin/nec-render.rs, the site built with `--features ssr`) for the
// site's public address (NEC_SITE_ORIGIN), as a first visit sees them. Each page's
// `<div id="app">` is written into a copy of index.html, marked `data-prerendered`, with the
// page's <title> and <html lang>, its address (`data-path`, none on the not-found page) and the
// data files it reads (`data-fetch`). The app, once loaded, swaps in its own tree (takeover.rs).
// Debian's Chromium (playwright-core, installed by scripts/setup.sh) paints the widget's views
// and draws the share image and the icons.
//
// Routes: every internal link of the site, followed from `/` and `/en` (path only: a query or a
// fragment is the same page), by nec-render. A link that leads to « Page introuvable », or a page
// that shows an alert (a data file the app cannot read), fails the build.
// Written: `index.html` (the home page), `<route>/index.html` for the others, `404.html` and
// `en/404.html`, and `shell.html`, the empty page the service worker falls back to offline for a
// page it has not kept (the app then shows the route). By hand: `node scripts/prerender.mjs dist`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { launchBrowser, TYPES } from './tools.mjs';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('prerender: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(1);
}
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0); // trunk serve: the app alone

// An address no page has (nec-render renders it too): its « Page introuvable » is written to
// 404.html (en/404.html), which the host sends with the 404 status for every unknown address.
const MISSING = { '/404': '404.html', '/en/404': 'en/404.html' };
// The address the site is published at (NEC_SITE_ORIGIN, required): the pages are rendered there,
// so what the app writes into them (the builder's snippets, the calendar files) carries it, and
// so do every page's canonical address, alternates, share card and JSON-LD, the sitemap and the
// exports (`nec-data site`, crates/nec-data/src/site/). Never a loopback address: a release is for the open web.
// The app, once running, uses the address it is actually served from.
const origin = (process.env.NEC_SITE_ORIGIN ?? '').trim().replace(/\/$/, '');
if (!/^https:\/\/[^/?#@\s]+$/.test(origin) || /^https:\/\/(localhost|[^/]*\.localhost|127\.|0\.0\.0\.0|\[::1?\])/i.test(origin)) {
  console.error(`prerender: NEC_SITE_ORIGIN ${origin ? `(« ${origin} ») n’est pas une adresse publique https://` : 'manque'} : `
    + 'donnez l’adresse publique du site, NEC_SITE_ORIGIN=https://… trunk build --release (README, « Mettre en ligne »)');
  process.exit(1);
}
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

// The calendars and conference-app schedules (`nec-data exports`, crates/nec-data/src/site/exports.rs), written
// into data/ and added to the built catalogue before /donnees is rendered, which lists them.
process.stdout.write(necData('exports', null));

let failed = false;
const pages = renderPages();
if (failed) process.exit(1);

// Chromium as the browser tests launch it, with playwright-core from the tests' tools.
let browser;
try {
  browser = await launchBrowser();
} catch (error) {
  console.error(`prerender: no Chromium to render the pages (${error.message}); run scripts/setup.sh --browser`);
  process.exit(1);
}
let site;
// A page of the build's origin with every view of the widget, for widget.js to paint them.
const WIDGET_PAGE = '/__widget-views__.html';
const WIDGET_VIEWS = ['programme', 'charte', 'editions'].flatMap((view) => ['fr', 'en'].map((lang) => [view, lang]));
const widgetPage = `<!DOCTYPE html><html lang="fr"><title>widget</title><script type="module" src="/widget.js"></script>${
  WIDGET_VIEWS.map(([view, lang]) => `<nec-widget view="${view}" lang="${lang}"></nec-widget>`).join('')}</html>`;
const painted = {};
try {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  // Every request of the page is answered from this build, under the site's public address.
  await context.route(`${origin}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === WIDGET_PAGE) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: widgetPage });
    const file = normalize(join(dir, decodeURIComponent(path)));
    if (!file.startsWith(normalize(dir)) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
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
  // The open web's part (crates/nec-data/src/site/, by `nec-data site`): each page's head, the sitemap,
  // robots.txt, the manifests; then what it says to draw, drawn here by Chromium.
  site = openWeb([...pages].map(([route, { title }]) => ({ route, title })));
  await draw(context, site);
} finally {
  await browser.close();
}
if (failed) process.exit(1);

// The programme in French, the default view, inside widget.js; each other view in a module of its
// own, hashed, which widget.js imports only for an element that shows it.
const widgetFile = join(dir, 'widget.js');
const loader = readFileSync(widgetFile, 'utf8');
// A copy of a build whose data changed (tests/browser/editions-build.test.mjs) keeps the widget.js
// it was built with: its paint is the build's, the wasm shows the data it fetches.
const keepWidget = process.env.NEC_PRERENDER_KEEP_WIDGET === '1';
if ((!loader.includes('/*painted*/{}') || !loader.includes('/*paints*/{}')) && !keepWidget) {
  console.error('prerender: widget.js has no /*painted*/{} and /*paints*/{} to fill in');
  process.exit(1);
}
const { minify } = await import('./minify.mjs');
const inline = {};
const modules = {};
for (const [key, html] of Object.entries(keepWidget ? {} : painted)) {
  if (key === 'programme.fr') {
    inline[key] = html;
    continue;
  }
  const code = `export default ${JSON.stringify(html)};\n`;
  modules[key] = `nec-widget-vue-${key.replace('.', '-')}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, modules[key]), code);
}
// Minified once filled in (terser drops the marks): the loader and its view.
if (!keepWidget) {
  writeFileSync(widgetFile, await minify(loader.replace('/*painted*/{}', () => JSON.stringify(inline)).replace('/*paints*/{}', () => JSON.stringify(modules))));
}

// The shell's description gives way to the page's head tags (the service worker's shellFrom puts it back).
const DESCRIPTION = /<meta [^>]*name="?description"?[^>]*>/;
if (!DESCRIPTION.test(shell)) {
  console.error('prerender: index.html has no <meta name="description">');
  process.exit(1);
}
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
writeFileSync(shellPath, shell);
for (const [route, { html, title, lang, data }] of pages) {
  // The address the page was written for (`data-path`): on a host that answers an address with
  // another page (index.html for any address), the boot module starts the app at once, whose
  // router shows this address. The not-found page fits every address it is sent for: none.
  const path = route in MISSING ? '' : ` data-path="${route}"`;
  const marks = ` data-prerendered=""${path}${data ? ` data-fetch="${data}"` : ''}`;
  let page = shell
    // Without the comments Leptos writes between texts, for hydration: the app renders its own tree.
    .replace(root, () => html.replace(/^<div id="app"/, `<div id="app"${marks}`).replace(/<!>|<!---->/g, ''))
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escape(title)}</title>`)
    .replace(DESCRIPTION, () => site.heads[route])
    .replace(/<html lang="?fr"?/, `<html lang="${lang}"`);
  if (lang === 'en') page = page.replace(/<p class="?noscript"?[^>]*>[^<]*<\/p>/, NOSCRIPT_EN);
  const file = join(dir, MISSING[route] ?? (route === '/' ? 'index.html' : join(route, 'index.html')));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page);
}
console.log(`prerender: ${pages.size} pages, and shell.html`);
// The accessibility declaration must say how to reach the site's team (crates/nec-core/src/rgaa.rs): the
// organisers give it when building; until then, every release build says so.
if (pages.get('/accessibilite')?.html.includes('data-missing="contact"')) {
  console.warn('prerender: AVERTISSEMENT : la déclaration d’accessibilité n’a pas de contact. Donnez-le à la construction : '
    + 'NEC_ACCESSIBILITY_CONTACT=adresse@exemple.fr (ou https://…/formulaire) trunk build --release');
}

/**
 * Every page, rendered natively by Leptos (`nec-render`, src/bin/nec-render.rs) from the build's
 * data, by route: `{ html, title, lang, data }` (`data`: the data files it reads, space-separated).
 * A page that shows an alert, and a link to « Page introuvable », set `failed`.
 */
function renderPages() {
  const out = join(dir, '.pages.json');
  const run = spawnSync('cargo', ['run', '--quiet', '--offline', '--locked', '--features', 'ssr', '--bin', 'nec-render', '--', join(dir, 'data'), out], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, NEC_SITE_ORIGIN: origin },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0 || !existsSync(out)) {
    console.error('prerender: nec-render failed');
    process.exit(1);
  }
  const rendered = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out);
  const text = (html) => html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, '\u00a0').replace(/&amp;/g, '&').trim();
  const found = new Map();
  for (const [route, page] of Object.entries(rendered)) {
    const main = page.html.match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? '';
    const h1 = text(main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '');
    const at = main.indexOf('role="alert"');
    const alert = at < 0 ? null : text(main.slice(at).replace(/^[^>]*>/, '')).slice(0, 200);
    if (alert !== null || NOT_FOUND.includes(h1) !== route in MISSING) {
      console.error(`prerender: ${route}: ${alert ?? h1}`);
      failed = true;
    }
    found.set(route, { ...page, data: page.data.join(' ') });
  }
  return found;
}

/** Runs `nec-data site` (crates/nec-data/src/bin/nec-data/site.rs) on the pages written: their heads, and files. */
function openWeb(list) {
  return JSON.parse(necData('site', JSON.stringify(list)));
}

/** Runs a `nec-data` command on the data as shipped (the build's copy of public/data, read and
 * validated as the app reads it) and this build; its output. */
function necData(command, input) {
  const run = spawnSync('cargo', ['run', '--quiet', '--offline', '--locked', '--bin', 'nec-data', '--', command, join(dir, 'data'), dir], {
    cwd: new URL('..', import.meta.url),
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NEC_SITE_ORIGIN: origin },
    stdio: ['pipe', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    console.error(`prerender: nec-data ${command} failed`);
    process.exit(1);
  }
  return run.stdout;
}

/**
 * Draws, with the site's colours and the system fonts, the share image (1200 × 630: the event's
 * name, city and days, as `og:image:alt` says them) and the icons (the favicon's mark; the
 * maskable one full bleed with the mark inside the safe zone), as PNG files.
 */
async function draw(context, { share, icons }) {
  const page = await context.newPage();
  const mark = (size, inset) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="${size}" height="${size}">`
    + (inset ? '<rect width="32" height="32" fill="#000091"/>' : '<rect x="2" y="2" width="28" height="28" rx="6" fill="#000091"/>')
    + '<path d="M9 23V9l14 14V9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>';
  const shot = async (html, width, height, file) => {
    await page.setViewportSize({ width, height });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${html}</body></html>`);
    writeFileSync(join(dir, file), await page.screenshot({ type: 'png', omitBackground: true, clip: { x: 0, y: 0, width, height } }));
  };
  for (const { file, size, maskable } of icons) await shot(mark(size, maskable), size, size, file.slice(1));
  const [name, rest] = share[0].split(' — ');
  await shot(`<div style="box-sizing:border-box;width:1200px;height:630px;padding:80px;background:#000091;color:#fff;font-family:system-ui,sans-serif;display:flex;flex-direction:column;justify-content:center;gap:32px">${mark(120, false).replace('fill="#000091"', 'fill="#000091" stroke="#fff" stroke-width="1"')}<div style="font-size:76px;font-weight:700;line-height:1.1">${escapeText(name)}</div><div style="font-size:44px">${escapeText(rest ?? '')}</div></div>`, 1200, 630, 'partage.png');
  await page.close();
}

function escapeText(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
