# Sourced by the scripts: puts the pinned tools first in PATH.
export PATH="$PWD/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
