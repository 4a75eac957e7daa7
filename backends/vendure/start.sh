#!/usr/bin/env bash
# Starts Dhow's local Vendure test server on 127.0.0.1:3000 in the background,
# seeding the database first when it is missing or was seeded by an older seed
# (the seed version is a hash of src/*.js and public/catalog.json). Running it while the server runs does nothing.
# Environment: DHOW_VENDURE_PORT (3000), DHOW_VENDURE_HOST (127.0.0.1),
# DHOW_VENDURE_DATA_DIR (./.data), DHOW_VENDURE_START_TIMEOUT (120 s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

HOST="${DHOW_VENDURE_HOST:-127.0.0.1}"
PORT="${DHOW_VENDURE_PORT:-3000}"
SHOP_API="http://${HOST}:${PORT}/shop-api"
DATA_DIR="${DHOW_VENDURE_DATA_DIR:-$PWD/.data}"
mkdir -p "$DATA_DIR"
DATA_DIR="$(cd "$DATA_DIR" && pwd)"
export DHOW_VENDURE_DATA_DIR="$DATA_DIR"
PID_FILE="$DATA_DIR/server.pid"
LOG_FILE="$DATA_DIR/server.log"
POPULATE_LOG="$DATA_DIR/populate.log"
SEED_STAMP="$DATA_DIR/seed-version"
CATALOG="${DHOW_CATALOG:-../../public/catalog.json}"
TIMEOUT="${DHOW_VENDURE_START_TIMEOUT:-120}"
export VENDURE_DISABLE_TELEMETRY=true

seed_version() {
    cat src/*.js "$CATALOG" | sha256sum | cut -c1-16
}
SEED_VERSION="$(seed_version)"

shop_api_answers() {
    curl -sf --max-time 3 -H 'content-type: application/json' \
        --data '{"query":"{ activeChannel { code } }"}' "$SHOP_API" 2>/dev/null | grep -q '"activeChannel"'
}

if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && shop_api_answers; then
    echo "start: already running (pid $(cat "$PID_FILE")): skipped"
    if [[ "$(cat "$SEED_STAMP" 2>/dev/null)" != "$SEED_VERSION" ]]; then
        echo "start: note: the seed changed since this database was seeded; ./stop.sh && ./start.sh reseeds"
    fi
    echo "start: shop API at $SHOP_API"
    exit 0
fi
if shop_api_answers || curl -s --max-time 2 -o /dev/null "http://${HOST}:${PORT}/" 2>/dev/null; then
    echo "start: something not started by this script already listens on ${HOST}:${PORT}" >&2
    exit 1
fi

if [[ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]; then
    echo "start: dependencies missing: running install.sh"
    ./install.sh
fi

if [[ -f "$DATA_DIR/vendure.sqlite" && "$(cat "$SEED_STAMP" 2>/dev/null)" == "$SEED_VERSION" ]]; then
    echo "start: database already seeded (seed $SEED_VERSION): populate skipped"
else
    if [[ -f "$DATA_DIR/vendure.sqlite" ]]; then
        echo "start: database seeded by another seed version: removing it to reseed"
    fi
    rm -f "$DATA_DIR"/vendure.sqlite "$DATA_DIR"/vendure.sqlite-* "$SEED_STAMP" "$DATA_DIR/populated"
    rm -rf "$DATA_DIR/assets"
    echo "start: seeding with src/populate.js (seed $SEED_VERSION, about 30 s, log $POPULATE_LOG)"
    t0=$(date +%s)
    if ! node src/populate.js >"$POPULATE_LOG" 2>&1; then
        echo "start: populate failed; last lines of $POPULATE_LOG:" >&2
        tail -n 30 "$POPULATE_LOG" >&2
        exit 1
    fi
    echo "$SEED_VERSION" >"$SEED_STAMP"
    echo "start: database seeded in $(( $(date +%s) - t0 )) s"
fi

t0=$(date +%s)
# setsid: a session of its own, so the server outlives the shell (or tool) that started it.
setsid node src/index.js >>"$LOG_FILE" 2>&1 </dev/null &
echo $! >"$PID_FILE"
echo "start: server started (pid $(cat "$PID_FILE"), log $LOG_FILE)"

while ! shop_api_answers; do
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
        echo "start: server exited; last lines of $LOG_FILE:" >&2
        tail -n 30 "$LOG_FILE" >&2
        rm -f "$PID_FILE"
        exit 1
    fi
    if (( $(date +%s) - t0 >= TIMEOUT )); then
        echo "start: shop API did not answer within ${TIMEOUT} s; last lines of $LOG_FILE:" >&2
        tail -n 30 "$LOG_FILE" >&2
        exit 1
    fi
    sleep 0.5
done
echo "start: shop API answered after $(( $(date +%s) - t0 )) s"
echo "start: shop API at $SHOP_API"
