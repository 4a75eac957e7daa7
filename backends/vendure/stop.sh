#!/usr/bin/env bash
# Stops Dhow's local Vendure test server started by start.sh (no error if not running).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PID_FILE="${DHOW_VENDURE_DATA_DIR:-.data}/server.pid"
if [[ ! -f "$PID_FILE" ]]; then
    echo "stop: not running (no pid file): skipped"
    exit 0
fi
pid="$(cat "$PID_FILE")"
if ! kill -0 "$pid" 2>/dev/null; then
    echo "stop: pid $pid is not running: removed stale pid file"
    rm -f "$PID_FILE"
    exit 0
fi
kill -TERM "$pid"
for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
done
if kill -0 "$pid" 2>/dev/null; then
    echo "stop: pid $pid ignored SIGTERM for 20 s: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
fi
rm -f "$PID_FILE"
echo "stop: stopped (pid $pid)"
