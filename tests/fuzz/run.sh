#!/usr/bin/env bash
# The sanitizer tests that tests/run.sh runs: builds tests/fuzz (clang-14,
# AddressSanitizer + UndefinedBehaviorSanitizer) in build/fuzz, runs the unit
# tests built that way, then each fuzz target on its checked-in seeds for a
# fixed number of inputs (FUZZ_RUNS, default 20000). The seed of the input
# generator is fixed, so every run tries the same inputs: a failure here is
# reproducible, never a flake. Each of them is one test; the last line is
# "sanitizer tests: N passed, M failed". A finding is kept in build/fuzz/findings/.
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${FUZZ_RUNS:-20000}
build=build/fuzz
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0
result() { # name, exit status
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); tail -40 "$log"; echo "FAIL $1"; fi
}

if ! { [ -f $build/CMakeCache.txt ] || cmake -S tests/fuzz -B $build -DCMAKE_CXX_COMPILER=clang++-14 >"$log" 2>&1; } ||
   ! cmake --build $build -j2 >"$log" 2>&1; then
  cat "$log"
  echo "sanitizer tests: 0 passed, 1 failed"
  exit 1
fi

./$build/unit_tests_sanitized >"$log" 2>&1
result "unit tests under ASan+UBSan" $?

for seeds in tests/fuzz/corpus/*/; do
  target=$(basename "$seeds")
  work=$(mktemp -d)
  findings=$build/findings/$target
  mkdir -p "$findings"
  # New inputs go to the scratch corpus (first), never into the checked-in seeds.
  ./$build/fuzz_$target -runs="$runs" -seed=1 -timeout=25 -dict=tests/fuzz/json.dict \
    -artifact_prefix="$findings/" "$work" "$seeds" >"$log" 2>&1
  status=$?
  [ $status -eq 0 ] || echo "reproduce: ./$build/fuzz_$target $findings/<crash file>"
  result "fuzz $target ($runs inputs)" $status
  rm -rf "$work"
done

echo "sanitizer tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
