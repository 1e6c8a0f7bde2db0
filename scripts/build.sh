#!/usr/bin/env bash
# Builds everything: the native core, tests and server (build/native), the
# wasm widget (build/wasm), and the static site in dist/. Incremental.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export NODE_PATH=/usr/share/nodejs # Debian's emscripten with a node that is not Debian's
jobs=$(nproc)

[ -f build/native/CMakeCache.txt ] || cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs" | grep -Ev '^\[ *[0-9]+%\] (Building|Linking|Built)' || true
[ -f build/wasm/CMakeCache.txt ] || emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs" | grep -Ev '^\[ *[0-9]+%\] (Building|Linking|Built)' || true
test -f build/wasm/src/platform/aw.wasm

scripts/subset-fonts.sh build/fonts

# dist/ is the whole static site: copy it to any static host as it is.
rm -rf dist.tmp
mkdir -p dist.tmp/widget/fonts
cp -r web/. dist.tmp/
cp -r assets/. dist.tmp/
cp build/wasm/src/platform/aw.js build/wasm/src/platform/aw.wasm dist.tmp/widget/
cp build/fonts/*.ttf dist.tmp/widget/fonts/
rm -rf dist && mv dist.tmp dist
echo "[build] site ready in dist/ ($(du -sh dist | cut -f1))"
