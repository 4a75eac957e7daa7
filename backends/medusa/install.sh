#!/usr/bin/env bash
# Installs what the Medusa test backend needs: PostgreSQL 15 (Debian) and the npm packages.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$HERE"

if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
  step "postgresql: $(pg_ctl --version) already installed"
else
  step "postgresql: installing postgresql-15"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql-15 >/dev/null
  . "$HERE/lib.sh"
  step "postgresql: $(pg_ctl --version) installed"
fi

LOCK_SUM="$(sha256sum package-lock.json 2>/dev/null | cut -d' ' -f1 || true)"
STAMP=node_modules/.dhow-lock.sha256
if [ -n "$LOCK_SUM" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ] &&
   [ -f node_modules/@medusajs/medusa/package.json ]; then
  step "npm: node_modules match package-lock.json, skipped"
elif [ -n "$LOCK_SUM" ]; then
  step "npm: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" >"$STAMP"
  step "npm: installed @medusajs/medusa $(node -p 'require("./node_modules/@medusajs/medusa/package.json").version')"
else
  step "npm: npm install (no package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json | cut -d' ' -f1 >"$STAMP"
  step "npm: installed"
fi
