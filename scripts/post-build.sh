#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): the steps after Trunk's own, in order, on its staging
# directory. Trunk runs the hooks of one stage side by side, so they are one hook here: each step
# reads what the one before wrote.
#   1. split-wasm.mjs  the first page's module and the chunks loaded when first needed
#   2. csp-loader.mjs  Trunk's inline wasm loader into a file (a strict CSP forbids inline script)
#   3. merge-css.mjs   the component stylesheets into one file (the theme stays its own)
#   4. build-embed.sh  the embed, a second binary, into embed/
#   5. prerender.sh    every catalog page of every market, written with the final file names
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/split-wasm.mjs
node scripts/csp-loader.mjs
node scripts/merge-css.mjs
bash scripts/build-embed.sh
bash scripts/prerender.sh
