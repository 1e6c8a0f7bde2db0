#!/usr/bin/env bash
# Builds everything: the native core, tests and server (build/native), the
# wasm widget (build/wasm), and the static site in dist/. Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NODE_PATH=/usr/share/nodejs # Debian's emscripten with a node that is not Debian's
jobs=$(nproc)

# Shows only warnings and errors; a failed build stops here with its full log.
quiet_build() {
  local log
  log=$(mktemp)
  if ! cmake --build "$1" -j"$jobs" >"$log" 2>&1; then
    cat "$log"; rm -f "$log"; echo "[build] $1 failed" >&2; exit 1
  fi
  grep -E 'warning|error' "$log" || true
  rm -f "$log"
}

[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
quiet_build build/native
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
quiet_build build/wasm
test -f build/wasm/src/platform/aw.wasm

scripts/subset-fonts.sh build/fonts

# dist/ is the whole static site: copy it to any static host as it is.
# build/site is the plain assembly (web/ + assets/ + the wasm build);
# assemble-site.mjs hashes the widget's files, writes the service worker and
# its precache list, the single-file variant and the .gz/.br variants.
rm -rf build/site
mkdir -p build/site/widget/fonts
cp -r web/. build/site/
cp -r assets/. build/site/
cp build/wasm/src/platform/aw.js build/wasm/src/platform/aw.wasm build/site/widget/
cp build/fonts/*.ttf build/site/widget/fonts/
scripts/render-images.sh build/images # the demo articles' pictures, from assets/images/*.svg
mkdir -p build/site/images
cp build/images/*.webp build/site/images/
rm -rf build/site/images/*.svg
cp -r build/fonts/scripts build/site/widget/fonts/ # fetched only for content in those scripts
node scripts/assemble-site.mjs build/site dist.tmp
rm -rf dist && mv dist.tmp dist
echo "[build] site ready in dist/ ($(du -sh dist | cut -f1))"
