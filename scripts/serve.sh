#!/usr/bin/env bash
# Sets everything up, then serves the app with the bundled data on http://127.0.0.1:8080
# (development build, rebuilt on change; deep links such as /programme fall back to index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve
