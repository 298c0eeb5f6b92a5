#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already at the right version.
# Usage: scripts/setup.sh [--browser | --bench]   (--browser also installs Debian's Chromium,
# ChromeDriver, nginx and its brotli module, and the Orca screen reader with what it needs to run
# headless; --bench does too, and wrk, the load generator of tests/bench/load.mjs)
# Needs: rustup's Rust, Node 20 with npm, apt (as root or with sudo). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The project's pinned nightly (rust-toolchain.toml), with its rust-src (std is rebuilt for the
# wasm) and the wasm32 target.
TOOLCHAIN=$(awk -F'"' '/^channel/ { print $2 }' rust-toolchain.toml)
toolchain_ready() {
  local installed
  installed=$(rustup component list --toolchain "$TOOLCHAIN" --installed 2>/dev/null) || return 1
  for component in rust-src rustfmt clippy rust-std-wasm32-unknown-unknown; do
    grep -q "^$component" <<<"$installed" || return 1
  done
}
if ! toolchain_ready; then
  say "rustup toolchain install $TOOLCHAIN (rust-src, wasm32)"
  rustup toolchain install "$TOOLCHAIN" --profile minimal -c rust-src -c rustfmt -c clippy -t wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "cargo install trunk $TRUNK_VERSION (about 15 minutes, once)"
  # From / with the default (stable) toolchain: the project's nightly and build-std are for the app.
  (cd / && cargo install trunk --version "$TRUNK_VERSION" --locked)
fi

# Trunk requires the wasm-bindgen CLI of the exact version in Cargo.lock. Not --locked: one of
# its locked dependencies is no longer on the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  (cd / && cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION")
fi

# leptosfmt formats what rustfmt leaves alone, the view! macros (scripts/test.sh checks both).
# Only for the tests: serving the app does not need it.
LEPTOSFMT_VERSION=0.1.33
if { [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--bench" ]; } && ! leptosfmt --version 2>/dev/null | grep -qx "leptosfmt $LEPTOSFMT_VERSION"; then
  say "cargo install leptosfmt $LEPTOSFMT_VERSION (about 5 minutes, once)"
  (cd / && cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked)
fi

# npm packages pinned by tests/package-lock.json: playwright-core, axe-core, and binaryen,
# whose wasm-opt the release build uses (Debian's binaryen is too old).
if [ ! -f tests/node_modules/.setup-stamp ] || ! cmp -s tests/package-lock.json tests/node_modules/.setup-stamp; then
  say "npm ci (tests/)"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
  cp tests/package-lock.json tests/node_modules/.setup-stamp
fi

# The browser tests drive Debian's Chromium, against Debian's nginx serving dist/ with deploy/
# (the configuration users deploy) and its brotli module. The tests start their own nginx on a
# loopback port; the system service apt may start is not used.
if [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--bench" ]; then
  missing=()
  { command -v chromium && command -v chromedriver; } >/dev/null || missing+=(chromium chromium-driver)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  # The throwaway certificate of the HTTPS tests (tests/support/nginx.mjs).
  command -v openssl >/dev/null || missing+=(openssl)
  # xmllint: the sitemap and the conference-app export checked against their XML schemas
  # (tests/browser/open-web.test.mjs).
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi

  # --- Screen reader (issue 26): tests/screen-reader/ has Debian's Orca read the site in
  # Chromium through AT-SPI, headless: Orca and its AT-SPI Python bindings, speech-dispatcher
  # with espeak-ng (its audio goes to ALSA's null device), an X server without a screen (Xvfb)
  # and xdotool for real key presses. D-Bus and at-spi2-core come with them.
  speech=()
  command -v orca >/dev/null || speech+=(orca)
  command -v xdotool >/dev/null || speech+=(xdotool)
  command -v Xvfb >/dev/null || speech+=(xvfb)
  command -v speech-dispatcher >/dev/null || speech+=(speech-dispatcher)
  [ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || speech+=(speech-dispatcher-espeak-ng)
  /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || speech+=(python3-pyatspi)   # Orca's Python, not a pyenv one
  if [ ${#speech[@]} -gt 0 ]; then
    say "apt-get install ${speech[*]} (screen reader)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${speech[@]}"
  fi
  # --- end of the screen reader's packages.
fi

# Cross-engine suite (tests/engines/, issue 27): Gecko and WebKit beside Chromium. Debian's
# Firefox ESR (driven over WebDriver BiDi by npm puppeteer-core, no geckodriver), WebKitGTK's
# WebKitWebDriver and MiniBrowser (driven by npm selenium-webdriver), and Xvfb, the display
# MiniBrowser needs (WebKitGTK's headless mode opens none). The npm drivers are pinned in
# tests/package-lock.json (npm ci above).
if [ "${1:-}" = "--browser" ] || [ "${1:-}" = "--bench" ]; then
  missing=()
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  { command -v WebKitWebDriver && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; } >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

# The load benchmark (tests/bench/load.mjs, run by hand): Debian's wrk 4.1. Not oha: wrk's Lua
# script asks for a visit's four files in turn and closes the connection after them.
if [ "${1:-}" = "--bench" ] && ! command -v wrk >/dev/null; then
  say "apt-get install wrk"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi

# Trunk builds offline: every crate must already be on disk.
cargo fetch --locked --quiet
