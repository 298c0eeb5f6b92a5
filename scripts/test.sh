#!/usr/bin/env bash
# Sets everything up, then runs every test: native (model, validation, nec-data), the data
# check, the release build, the real-browser and accessibility suite, the journeys in three browser
# engines, and prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting (cargo fmt --check, rustfmt.toml)"
cargo fmt --check

step "Native tests (cargo test)"
cargo test --locked

step "Shipped data (nec-data check public/data)"
cargo run --locked --quiet --bin nec-data -- check public/data

step "Release build (trunk build --release)"
trunk build --release

step "Browser, accessibility and fault tests (headless Chromium)"
(cd tests && node --test --test-concurrency=1 browser/)

step "Cross-engine journeys (Chromium, Firefox ESR's Gecko, WebKitGTK's WebKit)"
(cd tests && node --test --test-concurrency=1 engines/)

step "Release sizes"
node tests/support/sizes.mjs
