// The pages Leptos writes natively (src/bin/nec-render.rs, `--features ssr`) say what the pages
// of the build say (scripts/prerender.mjs, the app in Chromium): the same pages, and for each
// its title, language, data files and accessibility tree (roles, names, states, text, in
// order). Step 1 of the islands migration (ARCHITECTURE.md, « First use »): the native pages
// can replace Chromium's only while this holds.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const RENDERER = join(ROOT, 'target/debug/nec-render');

/** The build's pages written with their content, by path: `/charte` for dist/charte/index.html. */
function builtPages() {
  const pages = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(file, 'utf8');
        if (!html.includes('data-prerendered')) continue;
        const path = `/${relative(DIST, file)}`.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
        pages.set(path === '' ? '/' : path, html);
      }
    }
  };
  walk(DIST);
  return pages;
}

let browser;
let context;
let native;
let built;
before(async () => {
  assert.ok(existsSync(RENDERER), `${RENDERER} is missing: cargo build --features ssr --bin nec-render`);
  built = builtPages();
  const origin = [...built.values()].map((html) => html.match(/<link rel="canonical" href="(https:\/\/[^/"]+)/)?.[1]).find(Boolean);
  assert.ok(origin, 'the build names its origin in its canonical links');
  const out = mkdtempSync(join(tmpdir(), 'nec-render-'));
  const run = spawnSync(RENDERER, [join(DIST, 'data'), join(out, 'pages.json')], { env: { ...process.env, NEC_SITE_ORIGIN: origin }, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  native = JSON.parse(readFileSync(join(out, 'pages.json'), 'utf8'));
  rmSync(out, { recursive: true });
  browser = await launchBrowser();
  // The pages' own scripts stay off: what is compared is the HTML as written.
  context = await browser.newContext({ javaScriptEnabled: false });
});
after(async () => { await browser?.close(); });

/** The accessibility tree of `#app` in this document. */
async function treeOf(page, html) {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return page.locator('#app').ariaSnapshot();
}

describe('pages rendered natively (nec-render)', () => {
  it('renders the same pages as the build', () => {
    assert.deepEqual(Object.keys(native).sort(), [...built.keys()].sort());
    assert.ok(built.size > 80, `${built.size} pages`);
  });

  it('gives each page the title, language, data files and accessibility tree of the build', async () => {
    const page = await context.newPage();
    const differ = [];
    for (const [path, html] of built) {
      const mine = native[path];
      if (!mine) continue;
      const title = html.match(/<title>([^<]*)<\/title>/)[1].replaceAll('&amp;', '&');
      const lang = html.match(/<html lang="([^"]+)"/)[1];
      const data = html.match(/ data-fetch="([^"]*)"/)?.[1] ?? '';
      const written = await treeOf(page, html);
      const rendered = await treeOf(page, `<!DOCTYPE html><html lang="${mine.lang}"><title>t</title><body>${mine.html}</body></html>`);
      const problems = [
        title !== mine.title && `title « ${mine.title} », the build « ${title} »`,
        lang !== mine.lang && `lang ${mine.lang}, the build ${lang}`,
        data !== mine.data.join(' ') && `data « ${mine.data.join(' ')} », the build « ${data} »`,
        written !== rendered && firstDifference(written, rendered),
      ].filter(Boolean);
      if (problems.length > 0) differ.push(`${path}: ${problems.join('; ')}`);
    }
    assert.deepEqual(differ, []);
    await page.close();
  });
});

/** The first line where two accessibility trees part. */
function firstDifference(written, rendered) {
  const a = written.split('\n');
  const b = rendered.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  return `tree, line ${at + 1}: build « ${a[at]?.trim()} », native « ${b[at]?.trim()} »`;
}
