# Sourced by the wasm benches (wasm-sizes.sh, islands-floor.sh). `weigh <wasm> <label>` turns a
# wasm cargo built into what the release build ships (wasm-bindgen, then wasm-opt -Oz with
# index.html's parameters) and prints it and its glue, brotli 11.
weigh_params=$(grep -o 'data-wasm-opt-params="[^"]*"' "$(dirname "${BASH_SOURCE[0]}")/../../index.html" | sed 's/.*="\(.*\)"/\1/')
weigh() {
  local out
  out=$(mktemp -d)
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name w "$1"
  # shellcheck disable=SC2086
  wasm-opt -Oz $weigh_params "$out/w_bg.wasm" -o "$out/w_bg.wasm"
  node -e "
const { readFileSync } = require('node:fs');
const { brotliCompressSync, constants } = require('node:zlib');
const kib = (f) => (brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length / 1024).toFixed(1);
console.log(process.argv[1] + ': wasm ' + readFileSync('$out/w_bg.wasm').length + ' bytes, ' + kib('$out/w_bg.wasm') + ' KiB brotli, glue ' + kib('$out/w.js') + ' KiB brotli (not minified)');
" "$2"
  rm -rf "$out"
}
