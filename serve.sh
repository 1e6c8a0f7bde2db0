#!/usr/bin/env bash
# Installs what is missing, builds, and serves the demo news page with the
# widget and the reference review endpoint on http://127.0.0.1:${PORT:-8000}/
set -euo pipefail
cd "$(dirname "$0")"
scripts/build.sh
port=${PORT:-8000}
mkdir -p .data
# The moderators' token: made once, readable by this user only.
token=.data/admin-token
if [ ! -s "$token" ]; then
  (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$token" && echo >>"$token")
  echo "[serve] created the moderators' token in $token (mode 0600)"
fi
# DATABASE_URL=postgresql://USER@HOST:PORT/DB keeps the reviews in PostgreSQL instead.
store=(--data-dir .data) where=.data/reviews.db
if [ -n "${DATABASE_URL:-}" ]; then store=(--database "$DATABASE_URL") where=PostgreSQL; fi
echo "[serve] http://127.0.0.1:${port}/  (Ctrl+C stops; reviews are kept in $where)"
echo "[serve] moderation: http://127.0.0.1:${port}/admin/ with the token in $token"
exec build/native/src/server/review_server --root dist "${store[@]}" --host 127.0.0.1 --port "$port" \
  --admin-token-file "$token"
