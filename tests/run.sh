#!/usr/bin/env bash
# The test command: installs what is missing, builds native and wasm, runs the
# doctest unit and UI tests, the sanitizer tests (tests/fuzz/run.sh), the
# server tests and the browser tests, and ends with
# one summary line. CI (.ci/run) runs exactly this.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh || { echo "build failed"; exit 1; }

log=$(mktemp -d)
passed=0
failed=0

# The core's unit tests and the views' native tests (tests/ui): doctest both.
for suite in unit ui; do
echo "== $suite tests (doctest)"
./build/native/tests/${suite}_tests 2>&1 | tee "$log/$suite.txt"
unit=$(grep -E '^\[doctest\] test cases:' "$log/$suite.txt" | tail -1)
if [ -n "$unit" ]; then
  passed=$((passed + $(sed -E 's/.*\| *([0-9]+) passed.*/\1/' <<<"$unit")))
  failed=$((failed + $(sed -E 's/.*\| *([0-9]+) failed.*/\1/' <<<"$unit")))
else
  failed=$((failed + 1)) # the runner did not even report
fi
done

# Sanitizer tests (issue #15): the unit tests under ASan+UBSan and each fuzz
# target for a fixed count; tests/fuzz/run.sh builds them and counts each as one test.
echo "== sanitizer tests (clang-14 ASan+UBSan, libFuzzer)"
tests/fuzz/run.sh 2>&1 | tee "$log/fuzz.txt"
fuzz=$(grep -E '^sanitizer tests: [0-9]+ passed, [0-9]+ failed' "$log/fuzz.txt" | tail -1)
if [ -n "$fuzz" ]; then
  passed=$((passed + $(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$fuzz")))
  failed=$((failed + $(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$fuzz")))
else
  failed=$((failed + 1)) # the script did not even report
fi

# Server and browser tests: node's test runner, one file at a time (one Chromium at a time on small machines).
for suite in server browser; do
  echo "== $suite tests (node --test)"
  node --test --test-concurrency=1 --test-reporter=spec tests/$suite/ 2>&1 | tee "$log/$suite.txt"
  p=$(grep -E '^ℹ pass [0-9]+' "$log/$suite.txt" | awk '{print $3}' | tail -1)
  f=$(grep -E '^ℹ fail [0-9]+' "$log/$suite.txt" | awk '{print $3}' | tail -1)
  [ -n "$p" ] || { p=0; f=$((${f:-0} + 1)); }
  passed=$((passed + p))
  failed=$((failed + ${f:-0}))
done

rm -rf "$log"
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
