#!/usr/bin/env bash
# Load bench of the review endpoint (issue 17): one review_server on SQLite
# against three on one PostgreSQL, side by side, with wrk on loopback. Each
# row is a bounded run (BENCH_SECONDS each, default 5) of one kind of request:
# the list and the summary, with and without If-None-Match (ETag hits), durable
# POSTs (SQLite synchronous=FULL; PostgreSQL fsync and synchronous_commit on),
# and a mix of all. The three instances get one wrk each, started together:
# requests/s are summed, p50 and p99 are the worst of the three.
# Prints only; everything it starts lives in temporary directories and is stopped.
#
#   bench/reviews/run.sh
#   BENCH_SECONDS=10 BENCH_CONNECTIONS=48 bench/reviews/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${BENCH_SECONDS:-5}
connections=${BENCH_CONNECTIONS:-30}
server=build/native/src/server/review_server
lua=bench/reviews/load.lua
step() { printf '[bench] %s\n' "$*" >&2; }
test -x "$server" || { echo "$server missing: run scripts/build.sh" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk missing: run scripts/setup.sh" >&2; exit 1; }

work=$(mktemp -d)
pids=()
pg_dir=
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pg_dir" ]; then tests/server/postgres.sh stop "$pg_dir"; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# Starts review_server with the given store arguments; sets $port once it listens.
start() {
  port=$(free_port)
  local log="$work/server-$port.log"
  "$server" --port "$port" --rate-limit 0 "$@" 2>"$log" &
  pids+=($!)
  for _ in $(seq 100); do grep -q 'listening on' "$log" && return; sleep 0.05; done
  cat "$log" >&2; exit 1
}

# Runs one mode against the given ports at once; prints "req/s p50_ms p99_ms errors".
measure() {
  local mode=$1; shift
  local per=$(( connections / $# )) outs=()
  for port in "$@"; do
    local out="$work/wrk-$mode-$port.txt"
    outs+=("$out")
    BENCH_MODE=$mode wrk -t1 -c"$per" -d"${seconds}s" -s "$lua" "http://127.0.0.1:$port" >"$out" 2>&1 &
  done
  wait
  cat "${outs[@]}" | awk '/^RESULT/ { req += $2; if ($3 > dur) dur = $3; if ($4 > p50) p50 = $4; if ($5 > p99) p99 = $5; bad += $6; n++ }
    END { if (n == 0) { print "- - - -"; exit } printf "%.0f %.2f %.2f %d\n", req / (dur / 1e6), p50 / 1000, p99 / 1000, bad }'
}

# The ETags of the list and the summary now, for the revalidation rows.
etags() {
  export BENCH_LIST_ETAG BENCH_SUMMARY_ETAG
  BENCH_LIST_ETAG=$(curl -sI "http://127.0.0.1:$1/api/reviews?item=bench" | awk -F': ' 'tolower($1)=="etag" { sub(/\r/, "", $2); print $2 }')
  BENCH_SUMMARY_ETAG=$(curl -sI "http://127.0.0.1:$1/api/reviews/summary?item=bench" | awk -F': ' 'tolower($1)=="etag" { sub(/\r/, "", $2); print $2 }')
}

modes=(post list list-etag summary summary-etag mixed)
declare -A sqlite postgres

step "one instance on SQLite"
start --data-dir "$work/sqlite"
for mode in "${modes[@]}"; do
  [ "$mode" = list ] && etags "$port"
  sqlite[$mode]=$(measure "$mode" "$port")
  step "  $mode: ${sqlite[$mode]}"
done
kill "${pids[@]}"; pids=()

step "three instances on one PostgreSQL"
read -r pg_dir pg_port < <(tests/server/postgres.sh start)
psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE bench"
url="postgresql://postgres@127.0.0.1:$pg_port/bench"
ports=()
for _ in 1 2 3; do start --database "$url"; ports+=("$port"); done
for mode in "${modes[@]}"; do
  [ "$mode" = list ] && etags "${ports[0]}"
  postgres[$mode]=$(measure "$mode" "${ports[@]}")
  step "  $mode: ${postgres[$mode]}"
done

label() {
  case $1 in
  post) echo "POST (durable)";; list) echo "GET list";; list-etag) echo "GET list, ETag hit (304)";;
  summary) echo "GET summary";; summary-etag) echo "GET summary, ETag hit (304)";; mixed) echo "mixed (10% POST)";;
  esac
}
echo
echo "review endpoint load: wrk, ${connections} connections, ${seconds} s a row, loopback, $(nproc) cores"
printf '%-28s | %28s | %28s\n' "" "SQLite, 1 instance" "PostgreSQL, 3 instances"
printf '%-28s | %10s %8s %8s | %10s %8s %8s\n' "request" "req/s" "p50 ms" "p99 ms" "req/s" "p50 ms" "p99 ms"
for mode in "${modes[@]}"; do
  read -r s_rps s_p50 s_p99 s_bad <<<"${sqlite[$mode]}"
  read -r p_rps p_p50 p_p99 p_bad <<<"${postgres[$mode]}"
  printf '%-28s | %10s %8s %8s | %10s %8s %8s\n' "$(label "$mode")" "$s_rps" "$s_p50" "$s_p99" "$p_rps" "$p_p50" "$p_p99"
  [ "$s_bad" = 0 ] && [ "$p_bad" = 0 ] || echo "  (non-2xx/3xx or socket errors: SQLite $s_bad, PostgreSQL $p_bad)"
done
