#!/usr/bin/env bash
# The site's wasm and each widget view's, as the release build makes them (release, wasm-bindgen,
# wasm-opt -Oz with index.html's features), brotli 11, for the source as it is: to weigh a change
# to the code without a whole release build. Run by hand: bash tests/bench/wasm-sizes.sh [site]
# [programme] [charte] [editions] (no argument: all four).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# shellcheck source=tests/bench/weigh-wasm.sh
. tests/bench/weigh-wasm.sh
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
  weigh "target/wasm32-unknown-unknown/release/$wasm.wasm" "$what"
done
