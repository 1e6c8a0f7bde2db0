#!/usr/bin/env bash
# Long fuzzing runs, one target after another on one core (the machine is
# shared): each target runs for --time seconds or --runs inputs, starting
# from its checked-in seeds plus what earlier long runs found interesting
# (build/fuzz/corpus/<target>, kept between runs). Prints, per target, the
# inputs executed, the seconds taken, the corpus size and the findings
# (crash, leak, timeout and out-of-memory files in build/fuzz/findings/<target>).
# Given both, --time and --runs each stop a target, whichever comes first.
#
#   tests/fuzz/long.sh --runs 10000000            # every target, 10 million inputs each
#   tests/fuzz/long.sh --time 600 review outbox   # two targets, 10 minutes each
set -uo pipefail
cd "$(dirname "$0")/../.."
usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

limit=()
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) limit+=(-max_total_time="${2:?}"); shift 2 ;;
    --runs) limit+=(-runs="${2:?}"); shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#limit[@]} -gt 0 ] || usage
[ ${#targets[@]} -gt 0 ] || for d in tests/fuzz/corpus/*/; do targets+=("$(basename "$d")"); done

build=build/fuzz
[ -f $build/CMakeCache.txt ] || cmake -S tests/fuzz -B $build -DCMAKE_CXX_COMPILER=clang++-14 >/dev/null
cmake --build $build -j2 >/dev/null || { echo "build failed: cmake --build $build" >&2; exit 1; }

printf '%-10s %12s %9s %9s %7s  %s\n' target execs seconds exec/s corpus findings
total_findings=0
for target in "${targets[@]}"; do
  [ -x $build/fuzz_$target ] || { echo "no such target: $target" >&2; exit 2; }
  corpus=$build/corpus/$target
  findings=$build/findings/$target
  mkdir -p "$corpus" "$findings"
  before=$(ls "$findings" | wc -l)
  log=$build/long-$target.log
  start=$(date +%s)
  ./$build/fuzz_$target "${limit[@]}" -timeout=25 -print_final_stats=1 -dict=tests/fuzz/json.dict \
    -artifact_prefix="$findings/" "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  seconds=$(( $(date +%s) - start ))
  execs=$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -1)
  rate=$(grep -E '^stat::average_exec_per_sec:' "$log" | awk '{print $2}' | tail -1)
  found=$(( $(ls "$findings" | wc -l) - before ))
  # libFuzzer stops at its first finding; a failed exit without a file still counts as one.
  [ $status -ne 0 ] && [ $found -eq 0 ] && found=1
  total_findings=$((total_findings + found))
  printf '%-10s %12s %9s %9s %7s  %s\n' "$target" "${execs:-?}" "$seconds" "${rate:-?}" "$(ls "$corpus" | wc -l)" \
    "$found$([ $found -gt 0 ] && echo " (see $log and $findings)")"
done
[ $total_findings -eq 0 ]
