// Trunk post-build hook (release only): writes sw.js, the service worker that lets the site open
// without a network after a first visit. It lists this build's actual files, so it is generated
// here, after Trunk hashed them and after externalize-boot-script.mjs wrote boot-<hash>.js (the
// boot script registers /sw.js once the page has loaded).
//
// - what it copies: on install, what the open pages have already loaded, those pages included
//   (from the HTTP cache, no download); once the app has run (its boot module posts
//   'app-started'), or on the install of a new release over a copy that held the app, the shell,
//   the rest of the app and every data file;
// - hashed files (`-<16 hex>`, never change): cache first, each one fetched kept;
// - the data files the app reads (/data/*.json, schemas excepted): network first, the cached copy
//   as fallback, sent with `X-NEC-Hors-Ligne: <RFC 3339 time the copy was made>` so the app can
//   say « Données hors ligne du … » (crates/nec-views/src/data.rs);
// - routes (navigations to a path without an extension): network first, each page visited kept;
//   offline, the kept page, else shell.html (the empty page the app starts from), made from a kept
//   page until the app has run (shellFrom, checked against shell.html for every page here);
// - the cache is named after this build (`nec-web-<hash of the file list, index.html and this
//   worker>`): a new release installs a new cache and deletes the old ones on activation.
// By hand: `node scripts/service-worker.mjs dist`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('service-worker: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(1);
}
// `trunk serve`: no worker, so development never runs on stale cached files (and the boot script
// registers none, see externalize-boot-script.mjs).
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/;

const html = readFileSync(join(dir, 'index.html'), 'utf8');
// The site's own hashed files: those index.html and its boot script name, and the wasm its glue loads (same name
// and hash). The partner widget's files (scripts/build-widget.mjs) are not the site's: left out.
const named = [...html.matchAll(/(?:src|href)=["']?(\/[^"' >]+)/g)].map((m) => m[1]).filter((path) => HASHED.test(path));
// The boot script imports the glue and names the wasm (index.html does not preload them).
const fromBoot = named.filter((path) => /^\/boot-/.test(path))
  .flatMap((path) => [...readFileSync(join(dir, path.slice(1)), 'utf8').matchAll(/["'](\/[^"']+)["']/g)].map((m) => m[1]));
const referenced = [...new Set([...named, ...fromBoot.filter((path) => HASHED.test(path))])];
const assets = readdirSync(dir)
  .filter((name) => HASHED.test(name) && (referenced.includes(`/${name}`) || referenced.includes(`/${name.replace(/_bg\.wasm$/, '.js')}`)))
  .sort()
  .map((name) => `/${name}`);
const missing = referenced.filter((path) => !assets.includes(path));
if (!assets.some((path) => path.endsWith('_bg.wasm'))) missing.push('the wasm of the glue');
if (assets.length === 0 || missing.length > 0) {
  console.error(`service-worker: index.html and the hashed files do not match (${missing.join(', ') || 'no hashed file'})`);
  process.exit(1);
}
// Offline, a page not kept is answered with the shell, from which the app shows the route. A visit
// that only read does not download it: the worker makes it from a page it keeps, whose <head> is
// the shell's but for its title and language (scripts/prerender.mjs), and the shell's <body>.
// Checked here for every page of the build, so the made shell is shell.html itself.
const shellText = readFileSync(join(dir, 'shell.html'), 'utf8');
// A page's own head tags (description, canonical, alternates, share card, manifest, JSON-LD:
// crates/nec-data/src/site/, between <!--page--> and <!--/page-->) give way to the shell's description.
const SHELL_PARTS = {
  title: shellText.match(/<title>[^<]*<\/title>/)?.[0],
  description: shellText.match(/<meta [^>]*name="?description"?[^>]*>/)?.[0],
  body: shellText.slice(shellText.indexOf('<body>')),
};
function shellFrom(page, parts) {
  const at = page.indexOf('<body>');
  if (at < 0 || !page.includes('data-prerendered')) return null;
  return page.slice(0, at).replace(/^<!doctype html><html lang="?(en|fr)"?>/i, '<!doctype html><html lang=fr>').replace(/<title>[^<]*<\/title>/, parts.title)
    .replace(/<!--page-->[\s\S]*?<!--\/page-->/, parts.description) + parts.body;
}
const pages = (function list(sub) {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) return list(path);
    return entry.name.endsWith('.html') && entry.name !== 'shell.html' ? [path] : [];
  });
})('');
// (The partner widget's iframe pages, embed/*.html, are not prerendered pages of the site.)
const notShell = pages.filter((path) => !path.startsWith('embed') && shellFrom(readFileSync(join(dir, path), 'utf8'), SHELL_PARTS) !== shellText);
if (!SHELL_PARTS.title || !SHELL_PARTS.description || pages.length === 0 || notShell.length > 0) {
  console.error(`service-worker: the shell made from ${notShell.join(', ') || 'the pages'} is not shell.html`);
  process.exit(1);
}

const dataDir = join(dir, 'data');
const data = existsSync(dataDir)
  // (Not the exports for other apps, crates/nec-data/src/site/exports.rs, nor the calendars' revisions: the app reads neither.)
  ? readdirSync(dataDir).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json') && !['schedule.json', 'calendriers.json'].includes(name))
    .sort().map((name) => `/data/${name}`)
  : [];

// The worker itself (scripts/shipped/sw.js), after what this build defines for it. shellFrom is
// this file's own, so the worker makes the shell exactly as checked above.
const body = [
  `const SHELL_PARTS = ${JSON.stringify(SHELL_PARTS)};`,
  shellFrom.toString(),
  readFileSync(new URL('./shipped/sw.js', import.meta.url), 'utf8'),
].join('\n');

const version = createHash('sha256').update(JSON.stringify({ assets, data, html, body })).digest('hex').slice(0, 16);
const worker = [
  '// Generated by scripts/service-worker.mjs at build time; do not edit.',
  `const VERSION = '${version}';`,
  `const ASSETS = ${JSON.stringify(assets)};`,
  `const DATA = ${JSON.stringify(data)};`,
  body.trimStart(),
].join('\n');
writeFileSync(join(dir, 'sw.js'), worker);
// A worker that does not parse would fail silently in browsers: fail the build instead.
const parsed = spawnSync(process.execPath, ['--check', join(dir, 'sw.js')], { encoding: 'utf8' });
if (parsed.status !== 0) {
  console.error(`service-worker: sw.js does not parse\n${parsed.stderr}`);
  process.exit(1);
}
console.log(`service-worker: sw.js, cache nec-web-${version}, ${assets.length} hashed files, ${data.length} data files`);
