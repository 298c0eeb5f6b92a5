// Prints the release sizes: wasm, JS, CSS, HTML and each data file, raw and brotli (quality 11).
// Usage: node tests/support/sizes.mjs  (after `trunk build --release`)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { DIST } from './server.mjs';

const brotli = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function files(dir, prefix = '') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, `${prefix}${name}/`) : [{ name: `${prefix}${name}`, path }];
  });
}

const KINDS = [['wasm', /\.wasm$/], ['JS', /\.js$/], ['CSS', /\.css$/], ['HTML', /\.html$/], ['données', /\.json$/], ['autre', /./]];
// The .br and .gz beside each file (scripts/precompress.mjs) are the same content again.
const rows = files(DIST).filter(({ name }) => !/\.(br|gz)$/.test(name)).map(({ name, path }) => {
  const bytes = readFileSync(path);
  return { kind: KINDS.find(([, re]) => re.test(name))[0], name, raw: bytes.length, br: brotli(bytes) };
});
rows.sort((a, b) => KINDS.findIndex(([k]) => k === a.kind) - KINDS.findIndex(([k]) => k === b.kind) || b.raw - a.raw);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'type'.padEnd(8)} ${'fichier'.padEnd(40)} ${'brut (Kio)'.padStart(10)} ${'brotli (Kio)'.padStart(12)}`);
for (const r of rows) console.log(`${r.kind.padEnd(8)} ${r.name.padEnd(40)} ${kb(r.raw).padStart(10)} ${kb(r.br).padStart(12)}`);
const app = rows.filter((r) => ['wasm', 'JS', 'CSS', 'HTML'].includes(r.kind));
const sum = (list, key) => list.reduce((total, r) => total + r[key], 0);
console.log(`${'total'.padEnd(8)} ${'application (wasm + JS + CSS + HTML)'.padEnd(40)} ${kb(sum(app, 'raw')).padStart(10)} ${kb(sum(app, 'br')).padStart(12)}`);
