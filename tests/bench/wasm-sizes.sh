#!/usr/bin/env bash
# The site's wasm and each widget view's, as the release build makes them (release, wasm-bindgen,
# wasm-opt -Oz with index.html's features), brotli 11, for the source as it is: to weigh a change
# to the code without a whole release build. Run by hand: bash tests/bench/wasm-sizes.sh [site]
# [programme] [charte] [editions] (no argument: all four).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
params=$(grep -o 'data-wasm-opt-params="[^"]*"' index.html | sed 's/.*="\(.*\)"/\1/')
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
build() { cargo build -q --offline --locked --target wasm32-unknown-unknown --release "$@"; }
[ $# -gt 0 ] || set -- site programme charte editions
for what in "$@"; do
  if [ "$what" = site ]; then
    build -p nec-web --bin nec-web
    wasm=nec-web
  else
    build -p nec-widget --bin nec-widget --no-default-features --features "widget-$what,widget-only"
    wasm=nec-widget
  fi
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name w "target/wasm32-unknown-unknown/release/$wasm.wasm"
  # shellcheck disable=SC2086
  wasm-opt -Oz $params "$out/w_bg.wasm" -o "$out/w_bg.wasm"
  node -e "
const { readFileSync } = require('node:fs');
const { brotliCompressSync, constants } = require('node:zlib');
const wasm = readFileSync('$out/w_bg.wasm');
const br = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log('$what: wasm ' + wasm.length + ' bytes, ' + (br / 1024).toFixed(1) + ' KiB brotli');
"
done
