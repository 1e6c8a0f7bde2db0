#!/usr/bin/env bash
# The test command: installs what is missing, builds native and wasm, runs the
# doctest unit and UI tests, the sanitizer tests (tests/fuzz/run.sh), the
# server tests (on SQLite, then on a throwaway PostgreSQL) and the browser
# tests, and ends with one summary line. CI (.ci/run) runs exactly this.
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

# Node's test runner, one file at a time (one Chromium at a time on small machines): adds to the totals.
node_suite() {
  local name=$1 dir=$2
  node --test --test-concurrency=1 --test-reporter=spec "$dir" 2>&1 | tee "$log/$name.txt"
  p=$(grep -E '^ℹ pass [0-9]+' "$log/$name.txt" | awk '{print $3}' | tail -1)
  f=$(grep -E '^ℹ fail [0-9]+' "$log/$name.txt" | awk '{print $3}' | tail -1)
  [ -n "$p" ] || { p=0; f=$((${f:-0} + 1)); }
  passed=$((passed + p))
  failed=$((failed + ${f:-0}))
}

echo "== server tests on SQLite (node --test)"
node_suite server tests/server/

# The same server suite again on a throwaway PostgreSQL, plus the several-instances tests.
echo "== server tests on PostgreSQL (node --test)"
if pg=$(tests/server/postgres.sh start); then
  read -r pg_dir pg_port <<<"$pg"
  trap 'tests/server/postgres.sh stop "$pg_dir"' EXIT
  REVIEW_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$pg_port" REVIEW_TEST_POSTGRES_DIR="$pg_dir" \
    node_suite server-postgres tests/server/
  tests/server/postgres.sh stop "$pg_dir"
  trap - EXIT
else
  echo "could not start PostgreSQL"
  failed=$((failed + 1))
fi

echo "== browser tests (node --test)"
node_suite browser tests/browser/

rm -rf "$log"
echo "tests: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
