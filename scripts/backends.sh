#!/usr/bin/env bash
# The real commerce backends the tests run against, on 127.0.0.1: Medusa v2 (PostgreSQL, port
# 9000) and Vendure 3 (SQLite, port 3000).
#   scripts/backends.sh start   install what is missing, seed when needed, start both (idempotent)
#   scripts/backends.sh stop    stop both
#   scripts/backends.sh status  say which answer
set -euo pipefail
cd "$(dirname "$0")/.."

medusa_up() { curl -sf --max-time 3 http://127.0.0.1:9000/health >/dev/null 2>&1; }
vendure_up() {
  curl -sf --max-time 3 -H 'content-type: application/json' --data '{"query":"{ activeChannel { code } }"}' \
    http://127.0.0.1:3000/shop-api 2>/dev/null | grep -q activeChannel
}
timed() {
  local t0=$SECONDS
  "$@"
  printf '[backends] %s: %d s\n' "$*" $((SECONDS - t0))
}

case "${1:-}" in
  start)
    timed backends/medusa/install.sh
    timed backends/vendure/install.sh
    timed backends/medusa/start.sh
    timed backends/vendure/start.sh
    medusa_up && vendure_up
    echo "[backends] Medusa on http://127.0.0.1:9000, Vendure on http://127.0.0.1:3000/shop-api"
    ;;
  stop)
    backends/vendure/stop.sh || true
    backends/medusa/stop.sh || true
    ;;
  status)
    medusa_up && echo "medusa: up" || echo "medusa: down"
    vendure_up && echo "vendure: up" || echo "vendure: down"
    ;;
  *)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
