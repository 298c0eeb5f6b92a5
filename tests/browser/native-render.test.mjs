// The pages the build writes are rendered natively by Leptos (src/bin/nec-render.rs, called by
// scripts/prerender.mjs), from the same components as the app, with none of a browser's
// properties or effects. Every one must be the page the app shows once it runs: the same title,
// language and accessibility tree (roles, names, states, text, in order), or the takeover would
// change what a visitor is reading (ARCHITECTURE.md, « First use », step 1 of the islands
// migration).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { holdWasm, openPage, panics, settled, start } from '../support/browser.mjs';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The build's pages written with their content, by address: `/charte` for dist/charte/index.html
 * (the not-found pages are left out: their address is any other). */
function writtenPages() {
  const pages = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html' && readFileSync(file, 'utf8').includes('data-prerendered')) {
        pages.push(`/${relative(DIST, dir)}`);
      }
    }
  };
  walk(DIST);
  return pages.sort();
}

let env;
before(async () => { env = await start(); });
after(async () => { await env?.stop(); });

describe('pages written natively at build time (nec-render)', () => {
  it('are every page of the site, each the page the app shows once it runs', async () => {
    const pages = writtenPages();
    assert.ok(pages.length > 80, `${pages.length} pages`);
    // The page as written, before any wasm (which never arrives here), and the app's.
    const written = await openPage(env);
    await holdWasm(written);
    const app = await openPage(env);
    const differ = [];
    for (const path of pages) {
      await written.goto(env.url + path, { app: false });
      const before = {
        title: await written.title(),
        lang: await written.locator('html').getAttribute('lang'),
        tree: await written.locator('#app').ariaSnapshot(),
        // Its text as rendered, with the no-break spaces of French typography (the tree has none).
        text: await written.locator('#app').innerText(),
      };
      await app.goto(env.url + path);
      await settled(app);
      // The app writes the address it is served from where the build wrote the public one
      // (the builder's snippet, the calendars' webcal: links): the same words otherwise.
      const origin = new URL(await written.locator('link[rel="canonical"]').getAttribute('href')).origin;
      const served = new URL(env.url);
      const after = {
        title: await app.title(),
        lang: await app.locator('html').getAttribute('lang'),
        tree: (await app.locator('#app').ariaSnapshot()).replaceAll(served.origin, origin).replaceAll(served.host, new URL(origin).host),
        text: (await app.locator('#app').innerText()).replaceAll(served.origin, origin).replaceAll(served.host, new URL(origin).host),
      };
      for (const key of ['title', 'lang']) {
        if (before[key] !== after[key]) differ.push(`${path}: ${key} « ${before[key]} », the app « ${after[key]} »`);
      }
      if (before.tree !== after.tree) differ.push(`${path}: ${firstDifference(before.tree, after.tree)}`);
      else if (before.text !== after.text) differ.push(`${path}: ${firstDifference(before.text, after.text, 'text')}`);
    }
    assert.deepEqual(differ, []);
    assert.deepEqual(panics(app), []);
    await app.close();
    await written.close();
  });
});

/** The first line where two accessibility trees (or texts) part, its spaces named. */
function firstDifference(written, shown, what = 'tree') {
  const a = written.split('\n');
  const b = shown.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const spaces = (line) => line?.trim().replace(/\u00a0/g, '⍽').replace(/\u202f/g, '·');
  return `${what}, line ${at + 1}: written « ${spaces(a[at])} », the app « ${spaces(b[at])} »`;
}
