#!/usr/bin/env bash
# Performance bench of the widget (issue 6), in one run:
#   1. builds the widget (scripts/build.sh), Dear ImGui's bare GLFW + OpenGL 3
#      loop from the same pinned sources (bench/baseline) and the native
#      micro-benchmarks (bench/native);
#   2. runs the native micro-benchmarks: parsing and layout, 1x and 100x article;
#   3. runs the browser bench (bench/browser.mjs): the widget against the
#      baseline and a plain HTML page of the same article, headless Chromium
#      with SwiftShader, and prints one row per goal with PASS/FAIL;
#   4. measures when the pixels settle for a new and a returning reader
#      (bench/settled.mjs), the same three pages side by side.
# Takes about four minutes on two cores. Prints only; writes nothing in the repo
# outside build/ (build/bench/).
#
#   bench/run.sh               everything
#   BENCH_SKIP_BUILD=1 bench/run.sh   measure dist/ as it is (no scripts/build.sh)
#   BENCH_SETTLED_ONLY=1 bench/run.sh  only step 4 (after the builds)
#   BENCH_SETTLED_RUNS=7 BENCH_RUNS=15 BENCH_IDLE_RUNS=3 BENCH_SCROLL_RUNS=5 BENCH_IDLE_SECONDS=5 BENCH_SCROLL_SECONDS=5  (defaults)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs # Debian's emscripten with a node that is not Debian's
jobs=$(nproc)
step() { printf '[bench] %s\n' "$*" >&2; }

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  step "building the widget (scripts/build.sh)"
  scripts/build.sh >&2
fi
test -x build/native/src/server/review_server || { echo "build/native/src/server/review_server missing: run scripts/build.sh" >&2; exit 1; }
test -f dist/index.html || { echo "dist/ missing: run scripts/build.sh" >&2; exit 1; }

step "building the baseline (bench/baseline, Dear ImGui 1.90.1 GLFW + OpenGL 3 example set-up)"
log=$(mktemp)
if ! make -C bench/baseline -j"$jobs" OUT="$PWD/build/bench/baseline" >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; exit 1
fi
rm -f "$log"

step "building the native micro-benchmarks (bench/native)"
dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q 'install ok installed' ||
  { echo "Google Benchmark missing: apt-get install libbenchmark-dev" >&2; exit 1; }
[ -f build/bench/native/CMakeCache.txt ] || cmake -S bench/native -B build/bench/native -DCMAKE_BUILD_TYPE=Release >/dev/null
log=$(mktemp)
if ! cmake --build build/bench/native -j"$jobs" >"$log" 2>&1; then
  cat "$log" >&2; rm -f "$log"; exit 1
fi
rm -f "$log"

if [ "${BENCH_SETTLED_ONLY:-0}" = 1 ]; then
  echo "== browser: pixels settled, new and returning reader (headless Chromium, SwiftShader)"
  exec node bench/settled.mjs
fi

echo "== native micro-benchmarks: parsing and layout (Google Benchmark; 1 = seed article, 100 = its body 100 times)"
# Debian's libbenchmark is a debug build: its warning about that concerns the library, not the code measured.
build/bench/native/core_bench --benchmark_min_time=0.2 2> >(grep -v 'built as DEBUG' >&2) | grep -v '^\*\*\*WARNING'

echo
echo "== browser: widget vs Dear ImGui baseline vs plain HTML (headless Chromium, SwiftShader)"
node bench/browser.mjs

echo
echo "== browser: pixels settled, new and returning reader (headless Chromium, SwiftShader)"
node bench/settled.mjs
