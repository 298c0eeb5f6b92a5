#!/usr/bin/env bash
# Issue 20: what a Leptos 0.8 islands build would send, against the site's csr build. Builds the
# crate tests/bench/islands-floor (not shipped, not in the workspace) with the repository's
# toolchain, flags and profile, then wasm-bindgen, wasm-opt -Oz with index.html's parameters, and
# prints wasm and glue in KiB brotli 11: the theme switch alone as an island (every page's
# floor), then with the programme's filters, search and agenda toggle as islands over
# server-rendered items (nec-core decoding the programme, as the site does); last, the same
# search and filters as a wasm without Leptos over the written page (tests/bench/enhancer-floor).
# Run by hand (about 4 minutes): bash tests/bench/islands-floor.sh
set -euo pipefail
cd "$(dirname "$0")/islands-floor"
export PATH="$PWD/../../node_modules/.bin:$HOME/.cargo/bin:$PATH"
# shellcheck source=tests/bench/weigh-wasm.sh
. ../weigh-wasm.sh
# The site's own lock file, so leptos and its dependencies are the versions the site ships.
cp ../../../Cargo.lock Cargo.lock
# The last run without `--cfg erase_components` (.cargo/config.toml): with it, the islands router's
# branch markers land inside <title> (docs/spikes/islands-router/), so an islands build may have to
# do without it. The other flags stay (RUSTFLAGS replaces the whole list; the target's variable would add to it).
flags=$(sed -n 's/^rustflags = \[\(.*\)\]$/\1/p' ../../../.cargo/config.toml | tr -d '",')
for run in "" programme "programme islands-router" "programme islands-router no-erase"; do
  features=${run% no-erase}
  if [ "$run" = "$features" ]; then unset RUSTFLAGS
  else export RUSTFLAGS="${flags/--cfg erase_components /}"; fi
  cargo build -q --offline --target wasm32-unknown-unknown --release --no-default-features --features "$features"
  weigh target/wasm32-unknown-unknown/release/islands_floor.wasm "islands [${run:-theme switch only}]"
done
# The enhancer: no Leptos, the site's flags (erase_components is Leptos's, it changes nothing here).
unset RUSTFLAGS
cd ../enhancer-floor
cp ../../../Cargo.lock Cargo.lock
cargo build -q --offline --target wasm32-unknown-unknown --release
weigh target/wasm32-unknown-unknown/release/enhancer_floor.wasm "enhancer [the programme's search and filters, no Leptos]"
