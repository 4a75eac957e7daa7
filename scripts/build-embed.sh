#!/usr/bin/env bash
# Builds the embed — Dhow's components as custom elements for a brand's own pages — into
# <dist>/embed/. Trunk runs it after every build (a post_build hook in Trunk.toml, into its
# staging directory, in Trunk's profile); by hand: `scripts/build-embed.sh [dist]` after
# `trunk build`, which empties dist/.
#   dhow-embed.js              the one script a brand's page loads (hand-written ES module)
#   dhow-embed-core.js, _bg.wasm  the `dhow-embed` binary: components, no router, no pages
#   dhow-chunks-*.js, *.wasm   its checkout and account element, fetched when first shown
#   dhow-embed.css             the component stylesheets, linked inside every shadow root
#   theme.css                  default --dhow-* tokens, linked first in the page's <head>
# The entry files carry no hash: brands reference a stable URL; serve them with revalidation.
# The chunks and their loader do: each fits one build of dhow-embed-core only.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
out="${1:-${TRUNK_STAGING_DIR:-dist}}/embed"
profile="${TRUNK_PROFILE:-release}"
# Cargo calls the debug profile `dev` but puts its output in `debug/`.
[ "$profile" = debug ] && cargo_profile=dev || cargo_profile="$profile"

# The same backends as the storefront: Trunk reads TRUNK_BUILD_FEATURES too (`--features`).
features=()
[ -n "${TRUNK_BUILD_FEATURES:-}" ] && features=(--features "$TRUNK_BUILD_FEATURES")
cargo build --profile "$cargo_profile" --target wasm32-unknown-unknown -p dhow-app --bin dhow-embed "${features[@]}"
rm -rf "$out"
mkdir -p "$out"
# Split like the storefront (scripts/split-wasm.mjs): the checkout and the account element are
# chunks fetched when first shown (app/src/embed/parts.rs), named by content hash like the
# loader that fetches them; wasm-chunks.json says which files each needs. The async hydration
# Leptos keeps reachable is emptied (release), then wasm-bindgen and wasm-opt run per module.
release=()
[ "$profile" = release ] && release=(--release)
node scripts/split-wasm.mjs "target/wasm32-unknown-unknown/$profile/dhow-embed.wasm" "$out" \
  dhow-embed-core "${release[@]}"
# The storefront's component sheets, in the order it links them (scripts/merge-css.mjs), then the
# embed's own.
sheets="$(node scripts/merge-css.mjs --sources)"
# shellcheck disable=SC2086 # a list of paths without spaces
cat $sheets app/embed/embed.css > "$out/dhow-embed.css"
cp public/theme/default.css "$out/theme.css"
cp app/embed/dhow-embed.js "$out/dhow-embed.js"
echo "embed built into $out/"
