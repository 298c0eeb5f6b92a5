#!/usr/bin/env bash
# The programme widget's wasm and glue as scripts/build-widget.mjs makes them (release, wasm-bindgen,
# wasm-opt -Oz with index.html's features, terser), brotli 11, for the source as it is: to weigh
# a change to the code the widget shares with the site without a whole release build (3 minutes
# instead of 5 to 8). Run by hand: bash tests/bench/widget-wasm.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
params=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | sed 's/.*="\(.*\)"/\1/')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build -q --offline --locked --target wasm32-unknown-unknown -p nec-widget --bin nec-widget --no-default-features --features widget-programme,widget-only --release
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name w target/wasm32-unknown-unknown/release/nec-widget.wasm
# shellcheck disable=SC2086
wasm-opt -Oz $params "$out/w_bg.wasm" -o "$out/w_bg.wasm"
node --input-type=module -e "
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
const { minify } = await import('$PWD/scripts/minify.mjs');
const glue = Buffer.from(await minify(readFileSync('$out/w.js', 'utf8')));
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const [wasm, js] = [br(readFileSync('$out/w_bg.wasm')), br(glue)];
console.log(\`widget-programme: wasm \${(wasm / 1024).toFixed(1)} KiB + glue \${(js / 1024).toFixed(1)} KiB = \${((wasm + js) / 1024).toFixed(1)} KiB brotli\`);
"
