#!/usr/bin/env bash
# Issue 20: the least any route split of the site's csr app could send. Builds the site's wasm as
# tests/bench/wasm-sizes.sh does, from a copy of HEAD (a git worktree) whose router has pages
# replaced by the not-found page, so their code is left out:
#   - every page but the not-found page, and no banner, footer, live region, agenda, theme or
#     announcer: Leptos, its router and the takeover, the floor of every route;
#   - every page but the not-found page: the shell every route needs;
#   - the shell and /programme: the floor of /programme's first action.
# A split never goes below these (its pieces compress apart: worse). Run by hand (about 4
# minutes): bash tests/bench/route-floors.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
tree=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true; rm -rf "$tree"' EXIT
git worktree add --detach -q "$tree" HEAD
ln -s "$root/tests/node_modules" "$tree/tests/node_modules"
# The build shares the repository's target directory: only the workspace's crates are built again.
ln -s "$root/target" "$tree/target"
pages='Home MyProgramme ProgrammeItem PracticalInfo Charter Editions Edition OpenData EmbedBuilder Accessibility Privacy SiteMap ProgrammeChanges'
stub() { for page in "$@"; do sed -i "s/view=${page}Page \/>/view=NotFoundPage \/>/" "$tree/src/lib.rs"; done; }
measure() { echo "$1: $(bash "$tree/tests/bench/wasm-sizes.sh" site | sed 's/^site: //')"; }
# shellcheck disable=SC2086
stub $pages
measure 'the shell and /programme'
stub Programme
measure 'the shell (banner, footer, theme, agenda, announcer, takeover, router)'
sed -i -e '/crate::storage::provide_agenda();/d' -e '/crate::storage::provide_theme();/d' \
  -e '/crate::components::announcer::provide_announcer();/d' -e '/<SkipLink \/>/d' -e '/<SiteHeader \/>/d' \
  -e '/<SiteFooter \/>/d' -e '/<LiveRegion \/>/d' "$tree/src/lib.rs"
measure 'Leptos, its router and the takeover'
