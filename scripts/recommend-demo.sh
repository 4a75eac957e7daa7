#!/usr/bin/env bash
# Regenerates the demo store's recommendation files (public/recommendations/v1/) from synthetic
# orders over its catalog, deterministically (fixed seed, bundles and build time).
#   scripts/recommend-demo.sh           rewrite public/recommendations/v1/
#   scripts/recommend-demo.sh --check   build into a temporary folder; fail if public/ differs
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/recs}"

check=false
case "${1:-}" in
  --check) check=true ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

nice cargo build --quiet -p dhow-recommend
bin="$CARGO_TARGET_DIR/debug/dhow-recommend"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Bundles a shopper would recognise, across collections.
"$bin" generate --products-from public/dhow.json --orders 20000 --seed 2026 \
  --out "$tmp/orders.jsonl" \
  --bundle long-down-parka,cashmere-beanie,chunky-knit-scarf \
  --bundle travel-backpack-28l,packing-cube-set,universal-travel-adapter \
  --bundle leather-hiking-boot,merino-hiking-socks,trail-fleece-jacket \
  --bundle stoneware-pour-over-set,enamel-camp-mug \
  --bundle weekender-duffel,leather-luggage-tag,leather-passport-wallet \
  --bundle wool-throw-blanket,linen-cushion-cover,cedar-fig-soy-candle \
  --bundle harbour-rain-jacket,roll-top-dry-bag \
  --bundle rechargeable-camp-lantern,waterproof-picnic-blanket,insulated-water-bottle \
  > /dev/null

if $check; then
  dist="$tmp/site"
  mkdir -p "$dist"
else
  dist=public
fi
"$bin" build --orders "$tmp/orders.jsonl" --config public/dhow.json --dist "$dist" \
  --built-at 2026-12-01T00:00:00Z

if $check; then
  if ! diff -rq public/recommendations "$dist/recommendations" > "$tmp/diff.txt"; then
    echo "recommend-demo: public/recommendations differs from a fresh build:" >&2
    head -n 20 "$tmp/diff.txt" >&2
    echo "($(wc -l < "$tmp/diff.txt") differences; run scripts/recommend-demo.sh to regenerate)" >&2
    exit 1
  fi
  echo "recommend-demo: public/recommendations is up to date"
fi
