# Python steps shared by scripts/build-python, scripts/test (suites python, spark) and
# scripts/bench-python. Source it after lib.sh. Everything goes into the project's venv .venv/.
# shellcheck shell=bash

VENV="$ROOT/.venv"
PY="$VENV/bin/python"
PY_DIST="$DIST_DIR/python"

# The project's venv; Debian's python3 needs python3-venv for it.
ensure_venv() {
  step "Python venv .venv/"
  command -v python3 >/dev/null || die "python3 not found: apt-get install -y python3 python3-venv"
  if [ ! -x "$PY" ]; then
    if ! python3 -m venv "$VENV"; then
      [ "$(id -u)" = 0 ] || die "python3 -m venv failed: run 'sudo apt-get install -y python3-venv'"
      apt-get update -q && apt-get install -y -q python3-venv
      rm -rf "$VENV" && python3 -m venv "$VENV"
    fi
  fi
  note "$("$PY" --version) in $VENV"
}

# ensure_pip MODULE SPEC...: pip installs SPEC... into the venv unless MODULE imports.
ensure_pip() {
  local module="$1"
  shift
  if ! "$PY" -c "import $module" 2>/dev/null; then
    step "pip install $*"
    "$PY" -m pip install -q --disable-pip-version-check --no-input "$@"
  fi
}

# The abi3 wheel into dist/python/ (profile `python`: release with unwinding panics).
build_python_wheel() {
  step "Build the Python wheel (maturin, python/) into dist/python/"
  rm -f "$PY_DIST"/lede-*.whl &&
    "$VENV/bin/maturin" build --quiet -m python/Cargo.toml --out "$PY_DIST" --interpreter "$PY" &&
    note "$(ls "$PY_DIST"/lede-*.whl)"
}

install_python_wheel() {
  step "Install the wheel into .venv"
  "$PY" -m pip install -q --disable-pip-version-check --no-input --force-reinstall --no-deps \
    "$PY_DIST"/lede-*.whl
}

# The venv with maturin and pytest, the wheel built and installed. Written as one chain: the
# test script calls it under `||`, where `set -e` does not stop at a failing step.
python_setup() {
  ensure_venv &&
    ensure_pip maturin 'maturin>=1.9.4,<2' &&
    ensure_pip pytest pytest &&
    build_python_wheel &&
    install_python_wheel
}

python_tests() {
  "$PY" -m pytest tests/python -q
}
