#!/usr/bin/env bash
# Installs what is missing, builds, and serves the demo news page with the
# widget and the reference review endpoint on http://127.0.0.1:${PORT:-8000}/
set -euo pipefail
cd "$(dirname "$0")"
scripts/build.sh
port=${PORT:-8000}
mkdir -p .data
echo "[serve] http://127.0.0.1:${port}/  (Ctrl+C stops; reviews are kept in .data/reviews.db)"
exec build/native/src/server/review_server --root dist --data-dir .data --host 127.0.0.1 --port "$port"
