#!/usr/bin/env bash
# Sets everything up, then runs every test: native (model, validation, nec-data), the data
# check, the release build, the real-browser and accessibility suite, what the Orca screen reader
# says on five journeys, the journeys in three browser engines, and prints the sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

step "Formatting (cargo fmt --check, rustfmt.toml; leptosfmt --check, leptosfmt.toml)"
cargo fmt --check
# The view! macros of the browser crates, which rustfmt does not enter (on failure: the diff).
if ! out=$(leptosfmt --check --config-file leptosfmt.toml src crates/nec-views/src crates/nec-widget/src 2>&1); then
  grep -v '^✅' <<<"$out"
  exit 1
fi

step "Lint (cargo clippy -D warnings: native, the native renderer, and the wasm32 the browsers run)"
cargo clippy --locked --all-targets -- -D warnings
# The site's pages rendered natively at build time (`ssr`, src/bin/nec-render.rs).
cargo clippy --locked --features ssr --lib --bins -p nec-web -- -D warnings
# nec-data is native only: the wasm32 lint covers the crates the browsers run.
cargo clippy --locked --lib --bins --target wasm32-unknown-unknown -p nec-web -p nec-views -p nec-widget -p nec-core -- -D warnings

step "Lint JavaScript (ESLint: what ships to browsers, the build's scripts, the tests)"
eslint --config tests/eslint.config.mjs .

step "Native tests (cargo test)"
cargo test --locked
# The widget's own build reads only what it shows (Cargo feature `widget-only`).
cargo test --locked -p nec-core --features widget-only --lib widget_only

step "Shipped data (nec-data check public/data)"
cargo run --locked --quiet --bin nec-data -- check public/data

step "Release build (trunk build --release)"
# A release carries the site's public address (README, « Mettre en ligne »). The tests serve it
# on loopback but build it for an address that cannot exist (.invalid, RFC 2606): a page that
# leaked the address it was served from would show, and no test reaches the network.
NEC_SITE_ORIGIN="${NEC_SITE_ORIGIN:-https://nec-web.invalid}" trunk build --release

step "Browser, accessibility and fault tests (headless Chromium)"
(cd tests && node --test --test-concurrency=1 browser/)

step "Screen reader (Orca over Chromium, headless: tests/screen-reader/)"
(cd tests && node --test --test-concurrency=1 screen-reader/)

step "Cross-engine journeys (Chromium, Firefox ESR's Gecko, WebKitGTK's WebKit)"
(cd tests && node --test --test-concurrency=1 engines/)

step "Release sizes"
node tests/support/sizes.mjs
