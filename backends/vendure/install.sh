#!/usr/bin/env bash
# Installs the npm dependencies of Dhow's local Vendure test server.
# better-sqlite3 compiles from source here (about 90 s).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

command -v node >/dev/null || { echo "install: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "install: npm is not installed" >&2; exit 1; }

native=node_modules/better-sqlite3/build/Release/better_sqlite3.node
if [[ -f node_modules/.package-lock.json && -f package-lock.json && -f "$native" \
      && node_modules/.package-lock.json -nt package-lock.json ]]; then
    echo "install: node_modules is up to date with package-lock.json: skipped"
    exit 0
fi

start=$(date +%s)
if [[ -f package-lock.json ]]; then
    echo "install: npm ci (node $(node -v), npm $(npm -v))"
    npm ci --no-audit --no-fund
else
    echo "install: no package-lock.json yet: npm install (node $(node -v), npm $(npm -v))"
    npm install --no-audit --no-fund
fi
[[ -f "$native" ]] || { echo "install: better-sqlite3 native module was not built" >&2; exit 1; }
echo "install: done in $(( $(date +%s) - start )) s"
