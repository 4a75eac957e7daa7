#!/usr/bin/env bash
# Serves the storefront on the embedded local backend, rebuilding on change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Dhow storefront: http://127.0.0.1:$PORT/ (first build takes a few minutes)"
exec trunk serve --address 127.0.0.1 --port "$PORT" "$@"
