#!/usr/bin/env bash
# Starts the Medusa test backend on http://127.0.0.1:9000: private PostgreSQL cluster (port 54329),
# database, migrations and seed when needed, then `medusa start` in the background.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$HERE"

[ -d node_modules/@medusajs/medusa ] || { echo "node_modules missing: run $HERE/install.sh" >&2; exit 1; }

# 1. Cluster
if [ -f "$PG_DATA/PG_VERSION" ]; then
  step "postgres: cluster exists in $PG_DATA"
else
  mkdir -p "$DB_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DB_DIR"
  as_pg initdb -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DB_DIR/initdb.log" 2>&1 \
    || { cat "$DB_DIR/initdb.log" >&2; exit 1; }
  step "postgres: cluster created in $PG_DATA"
fi

# 2. Server
if pg_running; then
  step "postgres: running on $HOST:$PG_PORT"
else
  as_pg pg_ctl -D "$PG_DATA" -l "$DB_DIR/postgres.log" -w -t 60 \
    -o "-c listen_addresses=$HOST -p $PG_PORT -k $DB_DIR" start >/dev/null
  step "postgres: started on $HOST:$PG_PORT (socket in $DB_DIR)"
fi

# 3. Database
if [ "$(psql_q "select 1 from pg_database where datname='$PG_DB'" postgres)" = 1 ]; then
  step "database: $PG_DB exists"
else
  psql_q "create database $PG_DB" postgres
  step "database: $PG_DB created"
fi

# 4. Migrations: run when the schema is missing or was migrated by another Medusa version.
STAMP="$(psql_q "select to_regclass('public.dhow_backend_stamp') is not null")"
MIGRATED=""
[ "$STAMP" = t ] && MIGRATED="$(psql_q "select medusa_version from dhow_backend_stamp where what='migrate'")"
if [ "$MIGRATED" = "$MEDUSA_VERSION" ]; then
  step "migrate: schema at $MEDUSA_VERSION, skipped"
else
  t0=$(date +%s)
  npx medusa db:migrate >"$HERE/medusa-migrate.log" 2>&1 || { tail -40 "$HERE/medusa-migrate.log" >&2; exit 1; }
  psql_q "create table if not exists dhow_backend_stamp (what text primary key, medusa_version text, at timestamptz default now())"
  psql_q "insert into dhow_backend_stamp (what, medusa_version) values ('migrate', '$MEDUSA_VERSION') on conflict (what) do update set medusa_version = excluded.medusa_version, at = now()"
  step "migrate: done in $(( $(date +%s) - t0 )) s"
fi

# 5. Seed (the script itself is idempotent; the stamp only saves its ~10 s start-up). The stamp
#    holds a hash of the seed script and the catalog, so a changed seed runs again.
SEED_HASH="$(cat src/scripts/seed.ts "$HERE/../../public/catalog.json" | sha256sum | cut -c1-16)"
SEEDED="$(psql_q "select count(*) from dhow_backend_stamp where what='seed' and medusa_version='$MEDUSA_VERSION+$SEED_HASH'")"
if [ "$SEEDED" = 1 ] && [ -s "$KEY_FILE" ]; then
  step "seed: already seeded ($SEED_HASH), skipped"
else
  t0=$(date +%s)
  npx medusa exec ./src/scripts/seed.ts >"$HERE/medusa-seed.log" 2>&1 || { tail -60 "$HERE/medusa-seed.log" >&2; exit 1; }
  [ -s "$KEY_FILE" ] || { echo "seed did not write $KEY_FILE" >&2; exit 1; }
  psql_q "insert into dhow_backend_stamp (what, medusa_version) values ('seed', '$MEDUSA_VERSION+$SEED_HASH') on conflict (what) do update set medusa_version = excluded.medusa_version, at = now()"
  step "seed: done in $(( $(date +%s) - t0 )) s"
fi

# 6. Admin user for the tests (Admin API); created once, found by its email login afterwards.
#    Only the tests that read orders back need it: a failure here is reported, not fatal.
ADMIN_FOUND="$(psql_q "select count(*) from provider_identity where provider='emailpass' and entity_id='$ADMIN_EMAIL' and deleted_at is null" 2>/dev/null || echo 0)"
if [ "${ADMIN_FOUND:-0}" -ge 1 ]; then
  step "admin user: $ADMIN_EMAIL exists"
else
  t0=$(date +%s)
  if npx medusa user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >"$HERE/medusa-user.log" 2>&1; then
    step "admin user: $ADMIN_EMAIL created in $(( $(date +%s) - t0 )) s"
  else
    tail -20 "$HERE/medusa-user.log" >&2
    step "admin user: WARNING: could not create $ADMIN_EMAIL (log $HERE/medusa-user.log)"
  fi
fi

# 7. Medusa server
if server_running; then
  step "server: already running (pid $(cat "$PID_FILE"))"
else
  t0=$(date +%s)
  # setsid: own process group, so stop.sh can end npx and its node child together.
  setsid npx medusa start -H "$HOST" -p "$PORT" >"$LOG_FILE" 2>&1 < /dev/null &
  echo $! >"$PID_FILE"
  step "server: starting (pid $(cat "$PID_FILE"), log $LOG_FILE)"
  deadline=$(( t0 + ${DHOW_MEDUSA_START_TIMEOUT:-120} ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://$HOST:$PORT/health" || true)" = 200 ]; do
    if ! server_running; then
      tail -40 "$LOG_FILE" >&2; echo "server exited before answering /health" >&2; rm -f "$PID_FILE"; exit 1
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      tail -40 "$LOG_FILE" >&2; echo "timeout: /health did not answer 200 within ${DHOW_MEDUSA_START_TIMEOUT:-120} s" >&2; exit 1
    fi
    sleep 1
  done
  step "server: healthy after $(( $(date +%s) - t0 )) s"
fi
step "url: http://$HOST:$PORT"
step "publishable key: $(cat "$KEY_FILE")"
