#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and the bench: initdb in a temporary
# directory as the postgres user, listening on a free loopback port.
#   tests/server/postgres.sh start        prints "DIR PORT"
#   tests/server/postgres.sh restart DIR  (the restart-under-load test)
#   tests/server/postgres.sh pause DIR    stops it, keeping DIR; resume DIR starts it again
#   tests/server/postgres.sh stop DIR     stops it and removes DIR
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# initdb refuses to run as root.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Starts the cluster in $1 on the port it was made for. setsid: it outlives the
# process group of whoever asked (a test restarting it), until stop.
launch() {
  as_pg setsid "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 30 \
    -o "-p $(cat "$1/port") -k $1 -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}

case "${1:-}" in
start)
  dir=$(mktemp -d /tmp/aw-pg-XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  launch "$dir"
  echo "$dir $port"
  ;;
restart)
  as_pg "$bin/pg_ctl" -D "$2/data" -m fast -w -t 30 stop >/dev/null
  launch "$2"
  ;;
pause)
  as_pg "$bin/pg_ctl" -D "$2/data" -m fast -w -t 30 stop >/dev/null
  ;;
resume)
  launch "$2"
  ;;
stop)
  as_pg "$bin/pg_ctl" -D "$2/data" -m fast -w -t 30 stop >/dev/null || true
  rm -rf "$2"
  ;;
*)
  echo "usage: $0 start | restart DIR | pause DIR | resume DIR | stop DIR" >&2
  exit 2
  ;;
esac
