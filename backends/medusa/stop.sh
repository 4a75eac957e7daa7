#!/usr/bin/env bash
# Stops the Medusa server (pid file) and the private PostgreSQL cluster. No error if not running.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$HERE"

if server_running; then
  pid="$(cat "$PID_FILE")"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  step "server: stopped (pid $pid)"
else
  step "server: not running"
fi
rm -f "$PID_FILE"

if pg_running; then
  as_pg pg_ctl -D "$PG_DATA" -m fast -w stop >/dev/null
  step "postgres: stopped"
else
  step "postgres: not running"
fi
