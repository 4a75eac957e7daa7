#!/usr/bin/env bash
# Benchmarks with printed figures: the SDK's hot paths, the recommendation builder, the first
# page's size, and the storefront in headless Chromium with 4× CPU throttling.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

echo "== SDK"
cargo bench -p dhow-sdk
echo "== fuzzing: 100,000 mutated answers per network adapter, 100,000 mutated stored records (no panic)"
DHOW_FUZZ_CASES=100000 cargo test --release -p dhow-sdk --features medusa,vendure \
  --test fuzz_medusa --test fuzz_vendure --test fuzz_local -- --nocapture
echo "== recommendations: 1,000,000 orders over 10,000 products (time, peak memory, precision@5 and recall@5 against popularity)"
cargo run --release -p dhow-recommend -- bench
echo "== size of the first page (release build)"
trunk build --release
node scripts/size-report.mjs dist
echo "== storefront in the browser"
trunk build --release --features bench --dist target/dist-bench
echo "== prerender (every catalog page of every market, embedded backend)"
scripts/prerender.sh target/dist-bench
(cd e2e && node tools/perf.mjs ../target/dist-bench)
