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
// The theme chosen with the switch (src/storage.rs, THEME_KEY) is applied before the wasm
// downloads, so a visitor who chose "Sombre" never sees a light page first.
const applyStoredTheme =
  "try { const t = localStorage.getItem('nec-theme'); if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t; } catch {}\n";
// The page's language is in its path (/en/… is English, src/locale.rs): <html lang> says so before
// anything is read out. A visitor who chose English with the switch (src/storage.rs, LANG_KEY) and
// comes back to the home page's address gets it in English; every other address keeps the
// language it was shared in.
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
const code = applyStoredTheme + applyLanguage + offlineCopy + registerWorker + match[1].trim() + '\n';
const hash = createHash('sha384').update(code).digest();
const name = `boot-${hash.toString('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
const tag = `<script type="module" src="/${name}" integrity="sha384-${hash.toString('base64')}"></script>`;
writeFileSync(htmlPath, html.replace(inline, tag));
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html.replace(inline, tag))) {
  console.error('externalize-boot-script: an inline script is still in index.html');
  process.exit(1);
}
