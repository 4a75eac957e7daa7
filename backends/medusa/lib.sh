# Shared settings for install.sh, start.sh and stop.sh (sourced, not run).
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB_DIR="$HERE/.db"                 # private PostgreSQL cluster: data, socket and log
PG_DATA="$DB_DIR/data"
PG_PORT="${DHOW_MEDUSA_PG_PORT:-54329}"
PG_DB="dhow_medusa"
HOST=127.0.0.1
PORT="${DHOW_MEDUSA_PORT:-9000}"
PID_FILE="$HERE/.server.pid"
LOG_FILE="$HERE/medusa-server.log"
KEY_FILE="$HERE/.publishable-key"
# TEST-ONLY admin user (the chaos test counts orders through the Admin API); loopback server.
ADMIN_EMAIL="${DHOW_MEDUSA_ADMIN_EMAIL:-admin@dhow.test}"
ADMIN_PASSWORD="${DHOW_MEDUSA_ADMIN_PASSWORD:-dhow-test-only-admin}"
MEDUSA_VERSION="2.21.2"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@$HOST:$PG_PORT/$PG_DB}"
export MEDUSA_DISABLE_TELEMETRY=true
export NO_UPDATE_NOTIFIER=1

# Debian keeps initdb/pg_ctl under /usr/lib/postgresql/<ver>/bin.
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$d/pg_ctl" ] && { PATH="$d:$PATH"; break; }
done
export PATH

step() { printf '[medusa] %s\n' "$*"; }

# PostgreSQL refuses to run as root: run cluster commands as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [ -f "$PG_DATA/PG_VERSION" ] && as_pg pg_ctl -D "$PG_DATA" status >/dev/null 2>&1; }

psql_q() { psql -h "$HOST" -p "$PG_PORT" -U postgres -d "${2:-$PG_DB}" -tAqc "$1"; }

server_running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }
