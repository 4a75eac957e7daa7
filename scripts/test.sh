#!/usr/bin/env bash
# Runs every test: formatting, lints (native and wasm32), unit and contract tests, the release
# build, and the browser tests against dist/ served on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check
step "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32)"
cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step "Rust tests"
cargo test --workspace
step "browser unit tests (wasm-bindgen-test in headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown -p dhow-app --test web
step "trunk build --release"
trunk build --release
step "size report"
node scripts/size-report.mjs
step "browser tests"
(cd e2e && npx playwright test)
