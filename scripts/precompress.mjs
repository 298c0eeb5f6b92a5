// Trunk post-build hook (release only): writes `file.br` (brotli, quality 11) and `file.gz`
// (gzip, level 9) beside every compressible file of the build, data files included, each only
// when it is smaller than the original. A static host then sends them as they are (nginx:
// `brotli_static on; gzip_static on;`, see deploy/) and never compresses on the fly.
// By hand: `node scripts/precompress.mjs dist`.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|css|wasm|json|csv|svg|ics|webmanifest|txt|xml|atom)$/;

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('precompress: give a directory, or run as a Trunk hook (TRUNK_STAGING_DIR)');
  process.exit(1);
}
if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') process.exit(0); // trunk serve: not worth it

function files(path) {
  return readdirSync(path).flatMap((name) => {
    const full = join(path, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

let written = 0;
for (const path of files(dir)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const body = readFileSync(path);
  const variants = [
    ['.br', brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    })],
    ['.gz', gzipSync(body, { level: 9 })],
  ];
  for (const [suffix, compressed] of variants) {
    // A stale variant from an earlier run must never outlive its original.
    rmSync(path + suffix, { force: true });
    if (compressed.length < body.length) {
      writeFileSync(path + suffix, compressed);
      written += 1;
    }
  }
}
console.log(`precompress: ${written} .br/.gz files in ${dir}`);
