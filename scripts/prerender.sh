#!/usr/bin/env bash
# Prerenders every catalog page of every market into a built site (dhow-prerender): Trunk runs it
# after every build (a post_build hook in Trunk.toml, on its staging directory); by hand, after
# `trunk build` or to refresh the pages from a live backend:
#   scripts/prerender.sh [dist] [--config store.json] [--site-url https://goods.example]
# The prerender binary is native and always carries every adapter (it never ships to browsers),
# so one build reads the catalog from the embedded engine, Medusa or Vendure alike.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
dist="${TRUNK_STAGING_DIR:-dist}"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then
  dist="$1"
  shift
fi
cargo run --quiet -p dhow-prerender --features medusa,vendure -- --dist "$dist" "$@"
