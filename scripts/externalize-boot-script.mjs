// Trunk post-build hook: Trunk 0.21 writes the wasm start-up as an inline
// <script type="module"> in index.html, which a strict Content-Security-Policy
// (script-src 'self') blocks. Move it to a hashed file beside the other assets.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
// - the theme chosen with the switch (src/storage.rs, THEME_KEY), so a visitor who chose
//   "Sombre" never sees a light page first;
const applyStoredTheme =
  "try { const t = localStorage.getItem('nec-theme'); if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t; } catch {}\n";
// - the page's language is in its path (/en/… is English, src/locale.rs): <html lang> says so
//   (the prerendered page already does). A visitor who chose English with the switch
//   (src/storage.rs, LANG_KEY) and comes back to the home page's address gets it in English
//   before the French one paints; every other address keeps the language it was shared in.
const applyLanguage =
  "{ const en = /^\\/en(\\/|$)/.test(location.pathname); document.documentElement.lang = en ? 'en' : 'fr'; " +
  "try { if (location.pathname === '/' && localStorage.getItem('nec-langue') === 'en') location.replace('/en' + location.search + location.hash); } catch {} }\n";
// Release builds only (scripts/service-worker.mjs writes /sw.js then): once the page has loaded,
// register the service worker that keeps the site and its data for offline use. A browser
// without service workers, or one that refuses them, simply stays online-only.
const registerWorker = process.env.TRUNK_PROFILE === 'release'
  ? "if ('serviceWorker' in navigator) { const register = () => navigator.serviceWorker.register('/sw.js').catch(() => {}); if (document.readyState === 'complete') register(); else addEventListener('load', register); }\n"
  : '';
// What /donnees-personnelles shows and erases of the service worker's offline copy (its caches
// are named nec-web-<version>, see scripts/service-worker.mjs): here in JavaScript, a few lines
// that would cost the wasm 3 KiB of bindings and futures.
const offlineCopy =
  "window.necOfflineCopy = { async files() { let n = 0; if (!self.caches) return n; for (const c of await caches.keys()) if (c.startsWith('nec-web-')) n += (await (await caches.open(c)).keys()).length; return n; }, " +
  "async erase() { const r = await navigator.serviceWorker?.getRegistration(); await r?.unregister(); if (self.caches) for (const c of await caches.keys()) if (c.startsWith('nec-web-')) await caches.delete(c); } };\n";
const early = applyStoredTheme + applyLanguage;
const earlyHash = `'sha256-${createHash('sha256').update(early).digest('base64')}'`;
const headers = readFileSync(new URL('../deploy/nec-web-headers.conf', import.meta.url), 'utf8');
if (!headers.includes(earlyHash)) {
  console.error(`externalize-boot-script: deploy/nec-web-headers.conf (and tests/support/csp.mjs, README) must allow the early script: ${earlyHash} in script-src`);
  process.exit(1);
}
// The app starts once the page has painted (a frame, then a task): its content is already there,
// and the wasm's download and compile never hold back the first paint. For the same reason the
// page does not preload the wasm and its glue: they come after the page, the style sheet and
// this script (Lighthouse counts a preload before the first paint as part of it).
const afterFirstPaint = 'await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n';
const code = offlineCopy + registerWorker + afterFirstPaint + match[1].trim() + '\n';
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
