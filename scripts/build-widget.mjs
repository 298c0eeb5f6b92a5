// Trunk post-build step: the partner widget, a wasm of its own (crates/nec-widget/src/main.rs) per view,
// that holds only that view, never the site's pages. Writes into the staging dir:
//   nec-widget-<view>-<hash>.js,                      the wasm-bindgen glue and the wasm (-Oz) of
//   nec-widget-<view>-<hash>_bg.wasm                  each view: programme, charte, editions
//   widget-<hash>.css                                 the iframe pages' style sheet (widget.js
//                                                     carries the same text for shadow roots)
//   embed-<hash>.js, embed/<view>.html                the iframe pages, for sites that strip scripts
//   widget.js                                         the loader partners include: its URL never
//                                                     changes, so it is not hashed (revalidated);
//                                                     it names the current programme file
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error('build-widget: TRUNK_STAGING_DIR is not set (run by Trunk only)');
  process.exit(1);
}
const release = process.env.TRUNK_PROFILE === 'release';
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');

/**
 * The titles of the iframe pages, French and English: the same as the `title` of the iframe
 * snippets (crates/nec-core/src/widget_options/, frame_title). embed.js takes the English one with ?lang=en.
 */
const VIEWS = {
  programme: ['Programme de Numérique en Commun[s]', 'Numérique en Commun[s] programme'],
  charte: ['Charte de Numérique en Commun[s]', 'Numérique en Commun[s] charter'],
  editions: ['Éditions de Numérique en Commun[s] depuis 2018', 'Numérique en Commun[s] editions since 2018'],
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: source, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build-widget: ${command} ${args.join(' ')} failed`);
    process.exit(1);
  }
}

// The glue minified in a release build (terser, from the tests' tools, as wasm-opt is).
const { minify } = release ? await import('./minify.mjs') : {};

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// One wasm per view, each with only its view's feature (crates/nec-widget/Cargo.toml): a partner's page downloads
// the code of the views it shows, and no other.
const html = readFileSync(join(source, 'index.html'), 'utf8');
const params = html.match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/).filter(Boolean) ?? [];
// Without its comments and spaces (every partner page downloads it): only around `{`, `}`, `;`
// and `,`, never around `:` or `>`, whose spaces may be combinators.
const css = Buffer.from(readFileSync(join(source, 'style', 'widget.css'), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/;}/g, '}').trim());
const cssName = `widget-${hashOf(css)}.css`;
writeFileSync(join(staging, cssName), css);
const files = {};
const built = [];
const out = mkdtempSync(join(tmpdir(), 'nec-widget-'));
try {
  for (const view of Object.keys(VIEWS)) {
    run('cargo', ['build', '--offline', '--locked', '--target', 'wasm32-unknown-unknown', '-p', 'nec-widget', '--bin', 'nec-widget',
      '--no-default-features', '--features', `widget-${view},widget-only`, ...(release ? ['--release'] : [])]);
    const wasmIn = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'nec-widget.wasm');
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', `nec-widget-${view}`, wasmIn]);
    const wasmPath = join(out, `nec-widget-${view}_bg.wasm`);
    // The same wasm-opt features as the app's (index.html, data-wasm-opt-params).
    if (release) run('wasm-opt', ['-Oz', ...params, wasmPath, '-o', wasmPath]);
    const wasm = readFileSync(wasmPath);
    const glue = release ? Buffer.from(await minify(readFileSync(join(out, `nec-widget-${view}.js`), 'utf8'))) : readFileSync(join(out, `nec-widget-${view}.js`));
    files[view] = { glue: `nec-widget-${view}-${hashOf(glue)}.js`, wasm: `nec-widget-${view}-${hashOf(wasm)}_bg.wasm` };
    writeFileSync(join(staging, files[view].wasm), wasm);
    writeFileSync(join(staging, files[view].glue), glue);
    built.push(wasm, glue);
    console.log(`build-widget: ${view}: ${files[view].glue}, ${files[view].wasm} (${(wasm.length / 1024).toFixed(1)} KiB)`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

// The current edition's programme file, as the bundled editions.json names it (null: the wasm
// reads the index and says what is missing).
const editions = JSON.parse(readFileSync(join(source, 'public', 'data', 'editions.json'), 'utf8'));
const programme = editions.editions?.find((edition) => edition.year === editions.current)?.programme ?? null;
const loader = readFileSync(join(source, 'scripts', 'shipped', 'widget', 'loader.js'), 'utf8')
  .replace('__PROGRAMME__', () => JSON.stringify(programme))
  .replace('__FILES__', () => JSON.stringify(files))
  .replace('__CSS__', cssName)
  // The style sheet travels inside widget.js, so a painted view needs no second request;
  // scripts/prerender.mjs fills in the painted views.
  .replace('__CSS_TEXT__', () => JSON.stringify(css.toString('utf8')))
  .replace('__PAINTED__', '/*painted*/{}')
  .replace('__PAINTS__', '/*paints*/{}')
  .replace('__VERSION__', hashOf(Buffer.concat([...built, css])));
writeFileSync(join(staging, 'widget.js'), loader);

const embed = readFileSync(join(source, 'scripts', 'shipped', 'widget', 'embed.js'));
const embedName = `embed-${hashOf(embed)}.js`;
writeFileSync(join(staging, embedName), embed);
const page = readFileSync(join(source, 'scripts', 'shipped', 'widget', 'embed.html'), 'utf8');
mkdirSync(join(staging, 'embed'), { recursive: true });
for (const [view, [title, englishTitle]] of Object.entries(VIEWS)) {
  const html = page.replace('__TITLE__', title).replace('__TITLE_EN__', englishTitle).replace('__VIEW__', view).replace('__CSS__', cssName).replace('__EMBED__', embedName);
  writeFileSync(join(staging, 'embed', `${view}.html`), html);
}
console.log(`build-widget: ${cssName}, widget.js, embed/*.html`);
