// Trunk post-build hook: Trunk 0.21 writes the wasm start-up as an inline
// <script type="module"> in index.html, which a strict Content-Security-Policy
// (script-src 'self') blocks. Replace it with the site's boot module (scripts/shipped/boot.js, which
// starts the app only when needed) as a hashed file beside the other assets.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-boot-script: TRUNK_STAGING_DIR is not set (run by Trunk only)');
  process.exit(1);
}
const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const inline = /<script type="?module"?>([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error('externalize-boot-script: no inline module script in index.html');
  process.exit(1);
}
// Run before the first paint, by a small inline script at the top of <head> (the one inline
// script: the CSP allows it by its hash, which deploy/nec-web-headers.conf must name). The page
// arrives with its content (scripts/prerender.mjs) and paints at once, so what must hold from
// the first frame cannot wait for a module:
// - the theme chosen with the switch (crates/nec-views/src/storage.rs, THEME_KEY), so a visitor who chose
//   "Sombre" never sees a light page first;
const applyStoredTheme =
  "try { const t = localStorage.getItem('nec-theme'); if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t; } catch {}\n";
// - the page's language is in its path (/en/… is English, crates/nec-core/src/locale.rs): <html lang> says so
//   (the prerendered page already does). A visitor who chose English with the switch
//   (crates/nec-views/src/storage.rs, LANG_KEY) and comes back to the home page's address gets it in English
//   before the French one paints; every other address keeps the language it was shared in.
const applyLanguage =
  "{ const en = /^\\/en(\\/|$)/.test(location.pathname); document.documentElement.lang = en ? 'en' : 'fr'; " +
  "try { if (location.pathname === '/' && localStorage.getItem('nec-langue') === 'en') location.replace('/en' + location.search + location.hash); } catch {} }\n";
// - a visitor who reaches for a control before the boot module runs (a module runs once the
//   page is parsed and its file is there: a round trip after the content paints, on a phone):
//   the control is marked (`data-reached`), and the boot module starts the app for it unless the
//   page serves it by itself (scripts/shipped/boot.js, servedByPage); a button pressed is marked
//   too (`data-pending-click`, as boot.js marks it once it runs), for the boot module or the app
//   to press. (Only a prerendered page has controls before the boot module runs; the page's
//   text must not name data-prerendered, which tells the service worker a kept page from the shell.)
const keepEarlyReach =
  "for (const type of ['pointerdown', 'touchstart', 'focusin', 'input', 'change', 'click']) addEventListener(type, (event) => { " +
  "const control = !window.necBoot && event.target.closest && event.target.closest('#app :is(button, input, select, textarea, label, summary)'); " +
  "if (!control) return; control.setAttribute('data-reached', ''); " +
  "if (type === 'click' && control.tagName === 'BUTTON') { event.preventDefault(); control.setAttribute('data-pending-click', ''); } }, { capture: true });\n";
const early = applyStoredTheme + applyLanguage + keepEarlyReach;
const earlyHash = `'sha256-${createHash('sha256').update(early).digest('base64')}'`;
const headers = readFileSync(new URL('../deploy/nec-web-headers.conf', import.meta.url), 'utf8');
if (!headers.includes(earlyHash)) {
  console.error(`externalize-boot-script: deploy/nec-web-headers.conf (and tests/support/csp.mjs, README) must allow the early script: ${earlyHash} in script-src`);
  process.exit(1);
}
// The boot module (scripts/shipped/boot.js): when the app starts, and what it needs; Trunk's inline
// start-up names this build's glue and wasm. It imports them only when the app starts, so a page
// that is only read never downloads them (nor does <head> preload them).
const glue = match[1].match(/from ['"](\/[^'"]+\.js)['"]/)?.[1];
const wasm = match[1].match(/module_or_path: ['"](\/[^'"]+\.wasm)['"]/)?.[1];
if (!glue || !wasm) {
  console.error('externalize-boot-script: Trunk\'s start-up script no longer names the glue and the wasm as expected');
  process.exit(1);
}
// The event's dates (first day to last session, a day either side, as epoch milliseconds): the
// programme then shows what is on now, which no page written at build time can.
const moments = [];
const dataDir = join(dir, 'data');
for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
  if (!/^programme-.*\.json$/.test(name)) continue;
  const programme = JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
  for (const day of programme.days ?? []) moments.push(Date.parse(`${day.date}T00:00:00Z`));
  for (const item of programme.items ?? []) for (const at of [item.start, item.end]) if (at) moments.push(Date.parse(at));
}
const DAY = 24 * 3600 * 1000;
// The current edition (editions.json says it): whose « Mon programme » /programme's buttons keep.
const editionsPath = join(dataDir, 'editions.json');
const edition = existsSync(editionsPath) ? (JSON.parse(readFileSync(editionsPath, 'utf8')).current ?? null) : null;
const build = {
  glue,
  wasm,
  edition,
  worker: process.env.TRUNK_PROFILE === 'release',
  event: moments.length ? [Math.min(...moments) - DAY, Math.max(...moments) + DAY] : null,
};
const template = readFileSync(new URL('./shipped/boot.js', import.meta.url), 'utf8');
if (!template.includes('__BUILD__')) {
  console.error('externalize-boot-script: scripts/shipped/boot.js has no __BUILD__ to fill in');
  process.exit(1);
}
// A release build minifies the boot module and the glue Trunk wrote (terser, from the tests'
// tools as wasm-opt is): Trunk's own minifier cannot read the glue. −1.7 KiB brotli of glue.
const release = process.env.TRUNK_PROFILE === 'release';
const minify = release ? (await import('./minify.mjs')).minify : async (text) => text;
const code = await minify(template.replace('__BUILD__', JSON.stringify(build)));
if (release) {
  const gluePath = join(dir, glue.slice(1));
  writeFileSync(gluePath, await minify(readFileSync(gluePath, 'utf8')));
}
const hash = createHash('sha384').update(code).digest();
const name = `boot-${hash.toString('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
const tag = `<script type="module" src="/${name}" integrity="sha384-${hash.toString('base64')}"></script>`;
const charset = /<meta charset="?utf-8"?>/i;
if (!charset.test(html)) {
  console.error('externalize-boot-script: no <meta charset="utf-8"> in index.html');
  process.exit(1);
}
const written = html
  .replace(inline, tag)
  .replace(/<link [^>]*rel="?(modulepreload|preload)"?[^>]*>/g, (link) => (/nec-web-/.test(link) ? '' : link))
  .replace(charset, (meta) => `${meta}<script>${early}</script>`);
writeFileSync(htmlPath, written);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(written.replace(`<script>${early}</script>`, ''))) {
  console.error('externalize-boot-script: an inline script is still in index.html');
  process.exit(1);
}
