#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), unit tests, the contract suite against
# the local engine and real Medusa and Vendure servers (started here on 127.0.0.1, stopped at the
# end), the release build, the prerender from each live backend, and the browser tests against
# dist/ on each backend.
#   scripts/test.sh          everything (what CI runs)
#   scripts/test.sh quick    the quick tier for a developer's loop: no real backends, one debug
#                            build (prerendered), native lints and tests, the local browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
TIER="${1:-full}"
case "$TIER" in full | quick) ;; *) echo "usage: scripts/test.sh [quick]" >&2; exit 2 ;; esac

STARTED=$SECONDS
TIMINGS=()
CURRENT=""
T0=$SECONDS
finish_step() {
  [ -n "$CURRENT" ] && TIMINGS+=("$(printf '%5d s  %s' $((SECONDS - T0)) "$CURRENT")")
  CURRENT=""
}
step() {
  finish_step
  CURRENT="$*"
  T0=$SECONDS
  printf '\n\033[1m== %s\033[0m\n' "$*"
}

# When this run had to start a backend, it stops both at the end; when both were already up
# (a developer's own servers), they are left running.
BACKENDS_PID=""
STOP_BACKENDS=""
BACKENDS_LOG=target/backends.log
on_exit() {
  local status=$?
  finish_step
  [ -n "$BACKENDS_PID" ] && kill "$BACKENDS_PID" 2>/dev/null || true
  if [ -n "$STOP_BACKENDS" ]; then
    scripts/backends.sh stop >/dev/null 2>&1 || true
  fi
  printf '\n\033[1m== timings\033[0m\n'
  printf '%s\n' "${TIMINGS[@]}"
  printf '%5d s  total\n' $((SECONDS - STARTED))
  exit "$status"
}
trap on_exit EXIT

step "setup"
scripts/setup.sh
source scripts/env.sh

# Price, cart button and address form mounted in headless Chromium under the storefront's
# contexts on the embedded backend (app/tests/components.rs); both tiers run them.
component_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --target wasm32-unknown-unknown -p dhow-app --test components
}

# The demo store's recommendation lists are what the builder writes from its orders today, and
# the warehouse query (recommend/sql/) scores every pair as the builder does (DuckDB).
recommendations_check() {
  cargo build -p dhow-recommend
  CARGO_TARGET_DIR=target scripts/recommend-demo.sh --check
  if [ "$TIER" = full ]; then
    target/tools/python/bin/python recommend/tests/duckdb_equivalence.py target/debug/dhow-recommend
  fi
}

if [ "$TIER" = quick ]; then
  step "cargo fmt --check"
  cargo fmt --all --check
  step "clippy (native)"
  cargo clippy --workspace --all-targets -- -D warnings
  step "Rust tests"
  cargo test --workspace
  step "component tests (wasm, headless Chromium)"
  component_tests
  step "recommendations (demo lists current)"
  recommendations_check
  step "build tools (wasm stub self-test)"
  node scripts/wasm-stub.mjs --self-test
  step "trunk build (debug, prerendered)"
  trunk build
  step "browser tests (local)"
  (cd e2e && npx playwright test --project local)
  exit 0
fi

# The backends install, seed and start in the background while the Rust steps run (npm and the
# seeds wait on disk and network more than on the CPU).
mkdir -p target
# (Read the status whole: `grep -q` in a pipe could end it early and fail the pipe.)
BACKENDS_STATUS="$(scripts/backends.sh status)"
[[ "$BACKENDS_STATUS" == *down* ]] && STOP_BACKENDS=1
scripts/backends.sh start >"$BACKENDS_LOG" 2>&1 &
BACKENDS_PID=$!

step "cargo fmt --check"
cargo fmt --all --check
# Lints and tests cover every adapter (the default build has the embedded engine only).
ALL_BACKENDS=(--features dhow-app/medusa,dhow-app/vendure,dhow-sdk/live)
step "clippy (native)"
cargo clippy --workspace --all-targets "${ALL_BACKENDS[@]}" -- -D warnings
step "clippy (wasm32)"
# (The prerender and the recommendation builder are native programs only.)
cargo clippy --workspace --exclude dhow-prerender --exclude dhow-recommend --all-targets "${ALL_BACKENDS[@]}" --target wasm32-unknown-unknown -- -D warnings
step "clippy (wasm32, default build)"
cargo clippy --workspace --exclude dhow-prerender --exclude dhow-recommend --target wasm32-unknown-unknown -- -D warnings
step "Rust tests (unit, decoding, local contract)"
cargo test --workspace --features dhow-app/medusa,dhow-app/vendure
step "prerendered text equals Intl (formats recorded from this Chromium)"
(cd e2e && node tools/intl-data.mjs --check)
step "recommendations (demo lists current, warehouse query equals the builder)"
recommendations_check
step "browser unit tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p dhow-app --test web
step "component tests (wasm, headless Chromium)"
component_tests
step "build tools (wasm stub self-test)"
node scripts/wasm-stub.mjs --self-test
step "trunk build --release"
trunk build --release
step "size report and budgets"
node scripts/size-report.mjs dist --check
# One build with the Medusa and Vendure adapters for the browser tests on those backends: the
# same storefront, configured for each by its dhow.json alone.
step "trunk build --release --features medusa,vendure"
TRUNK_BUILD_FEATURES=medusa,vendure trunk build --release --dist target/dist-backends
node scripts/size-report.mjs target/dist-backends --check --adapters-over dist | sed -n '/^size budgets/,$p'

step "backends (install, seed, start)"
if ! wait "$BACKENDS_PID"; then
  BACKENDS_PID=""
  cat "$BACKENDS_LOG"
  echo "the backends did not start" >&2
  exit 1
fi
BACKENDS_PID=""
cat "$BACKENDS_LOG"
step "contract suite and order reading against Medusa and Vendure"
cargo test -p dhow-sdk --features medusa,vendure,live --test contract_medusa --test contract_vendure
# The recommendation builder reads orders placed on each server back through its admin API.
cargo test -p dhow-recommend --features medusa,vendure,live --test live_orders
# The same prerender, reading the catalog from each live server: the backend browser tests run
# on these pages.
step "recommendations and prerender from Medusa and Vendure"
MEDUSA_PUBLISHABLE_KEY="$(cat backends/medusa/.publishable-key)"
export MEDUSA_PUBLISHABLE_KEY
# Before it, each site's recommendation lists are built from the orders this run placed on that
# server, read through its admin API (the browser tests find them on its product pages).
cargo build -p dhow-recommend --features medusa,vendure
declare -A ADMIN_API=([medusa]=http://127.0.0.1:9000 [vendure]=http://127.0.0.1:3000/admin-api)
for backend in medusa vendure; do
  rm -rf "target/dist-$backend"
  cp -r target/dist-backends "target/dist-$backend"
  DHOW_ADMIN_TOKEN="$(node scripts/admin-token.mjs "$backend")" target/debug/dhow-recommend build \
    "--$backend" "${ADMIN_API[$backend]}" --config "e2e/config/$backend.json" \
    --dist "target/dist-$backend" --no-eval
  scripts/prerender.sh "target/dist-$backend" --config "e2e/config/$backend.json"
done
step "browser tests (local, Medusa, Vendure)"
(cd e2e && DHOW_E2E_BACKENDS=local,medusa,vendure npx playwright test)
