# Shared setup and build steps for scripts/serve, scripts/test and scripts/bench-wasm.
# Source it; every function is idempotent and only installs what is missing.
# shellcheck shell=bash

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DEBIAN_FRONTEND=noninteractive
export PATH="$HOME/.cargo/bin:$PATH"

WASM_TARGET=wasm32-unknown-unknown
WASM_PROFILE=wasm
PKG_DIR="$ROOT/www/pkg"
DIST_DIR="$ROOT/dist"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The Rust toolchain pinned in rust-toolchain.toml, with the wasm target.
# RUSTUP_AUTO_INSTALL=0 on these machines, so cargo will not fetch the target itself.
ensure_rust() {
  step "Rust toolchain and $WASM_TARGET target"
  command -v rustup >/dev/null || die "rustup not found: install Rust from https://rustup.rs first"
  rustup toolchain install --no-self-update >/dev/null 2>&1 || rustup toolchain install
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    rustup target add "$WASM_TARGET"
  fi
  note "$(rustc --version), targets: $(rustup target list --installed | tr '\n' ' ')"
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have runner
  want="$(lock_version wasm-bindgen)"
  [ -n "$want" ] || die "wasm-bindgen not found in Cargo.lock"
  step "wasm-bindgen-cli $want"
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  runner="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" != "$want" ] || [ "$runner" != "$want" ]; then
    note "installing (found '${have:-none}'); takes ~2 min on 2 cores"
    # Not --locked: the CLI's own lockfile pins a crate version the registry lacks.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  note "$(wasm-bindgen --version)"
}

# npm dev packages: binaryen (wasm-opt), playwright-core (drives Debian's Chromium), typescript
# (tsc checks the npm package's types).
ensure_npm() {
  step "npm packages (package-lock.json)"
  command -v npm >/dev/null || die "npm not found: install Node.js 18+ (apt-get install nodejs npm)"
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -x node_modules/.bin/tsc ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    # PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: never let a tool fetch its own browser.
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  note "wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version')"
}

# Debian's Chromium and ChromeDriver (kept in lockstep by Debian).
ensure_chromium() {
  step "Chromium and ChromeDriver"
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    [ "$(id -u)" = 0 ] || die "Chromium missing: run 'sudo apt-get install -y chromium chromium-driver'"
    apt-get update -q
    apt-get install -y -q chromium chromium-driver
  fi
  note "$(/usr/bin/chromium --version 2>/dev/null)"
}

ensure_build_tools() {
  ensure_rust
  ensure_wasm_bindgen
  ensure_npm
}

# The page's label code (www/labels.gen.js, www/labels.gen.css) from the table www/labels.tsv.
gen_labels() {
  step "Generate the entity labels from www/labels.tsv (scripts/labels.mjs)"
  node scripts/labels.mjs
}

# Optimised wasm into www/pkg (ES module glue for the served page) and dist/lede.html.
# The generated label files come first: the served page, the e2e tests and the bundle use them.
# --no-default-features: the runtime only, none of the CLI or the tools (training, evaluation).
build_wasm() {
  gen_labels || return  # (scripts/test calls build_wasm under `if`, where set -e is off)
  step "Build wasm (cargo --profile $WASM_PROFILE --no-default-features, wasm-bindgen --target web, wasm-opt -O3)"
  cargo build --lib --target "$WASM_TARGET" --profile "$WASM_PROFILE" --no-default-features
  local raw="${CARGO_TARGET_DIR:-target}/$WASM_TARGET/$WASM_PROFILE/lede.wasm"
  rm -rf "$PKG_DIR"
  # LEDE_WASM_NAMES=1 keeps function names (for scripts/profile-wasm.mjs), at more bytes.
  local strip=--remove-name-section keep=()
  [ "${LEDE_WASM_NAMES:-0}" = 1 ] && strip=() && keep=(-g)
  wasm-bindgen --target web --no-typescript ${strip[@]+"${strip[@]}"} --out-dir "$PKG_DIR" "$raw"
  node_modules/.bin/wasm-opt -O3 ${keep[@]+"${keep[@]}"} --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue --enable-simd \
    "$PKG_DIR/lede_bg.wasm" -o "$PKG_DIR/lede_bg.opt.wasm"
  mv "$PKG_DIR/lede_bg.opt.wasm" "$PKG_DIR/lede_bg.wasm"
  report_size "$raw" "$PKG_DIR/lede_bg.wasm"
  step "Bundle dist/lede.html (single file, works from file://)"
  node scripts/bundle.mjs
}

# The npm package dist/npm/ from the wasm build_wasm left in www/pkg (scripts/npm-package.mjs).
build_npm() {
  step "Assemble the npm package dist/npm (scripts/npm-package.mjs)"
  node scripts/npm-package.mjs
}

report_size() {
  local raw="$1" opt="$2"
  note "cargo output:       $(stat -c %s "$raw") bytes"
  note "optimised (raw):    $(stat -c %s "$opt") bytes"
  note "optimised (gzip -9): $(gzip -9c "$opt" | wc -c) bytes"
}
