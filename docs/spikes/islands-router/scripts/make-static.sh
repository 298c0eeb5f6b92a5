#!/usr/bin/env bash
# Builds everything: renders pages (4 modes), builds the wasm, writes the external loader files.
set -euo pipefail
cd "$(dirname "$0")/.."
L=$(ls -d ~/.cargo/registry/src/*/leptos-0.8.23)
PROFILE=${PROFILE:-debug}
# The repository's .cargo/config.toml gives the wasm target `--cfg erase_components`, which changes
# the markup views write: the native renderer must have it too, or every page mismatches (a panic
# at hydration, seen when this spike first ran inside the repository).
RUSTFLAGS="--cfg erase_components" cargo build -q --features ssr --bin render
if [ "$PROFILE" = release ]; then rel=--release; else rel=; fi
rustup run nightly-2026-05-20 cargo build -q --target wasm32-unknown-unknown --lib --features hydrate $rel
rm -rf out
for mode in inline external deferred ours; do
  ./target/debug/render out/$mode $mode
  wasm-bindgen --target web --no-typescript --out-dir out/$mode/pkg --out-name spike target/wasm32-unknown-unknown/$PROFILE/islands_spike.wasm
  # the island loader as a file: Leptos's own island_script.js, called with the same arguments
  { cat "$L/src/hydration/island_script.js"; echo '("", "pkg", "spike", "spike_bg", false);'; } > out/$mode/islands-loader.js
  cp "$L/src/hydration/islands_routing.js" out/$mode/islands-routing.js
  cp static/deferred-loader.js out/$mode/deferred-loader.js
  # ours: like external, with our router (static/nec-islands-router.js) in place of Leptos's
  if [ "$mode" = ours ]; then cp static/nec-islands-router.js out/$mode/nec-islands-router.js; fi
done
