#!/usr/bin/env bash
# Tests the Spark example (examples/spark/test_spark.py) in local mode. Installs what it needs:
# the venv with the lede wheel, pyspark + pandas + pyarrow from PyPI, a headless Java runtime
# from Debian when `java` is missing, and the `lede` CLI the tables are checked against.
source "$(dirname "$0")/../../scripts/lib.sh"
source "$ROOT/scripts/lib-python.sh"

# Spark 4 runs on Java 17 or later (Debian 12's default-jre-headless).
ensure_java() {
  step "Java runtime"
  if ! command -v java >/dev/null; then
    [ "$(id -u)" = 0 ] || die "java missing: run 'sudo apt-get install -y default-jre-headless'"
    apt-get update -q && apt-get install -y -q default-jre-headless
  fi
  note "$(java -version 2>&1 | head -1)"
}

ensure_venv
"$PY" -c "import lede" 2>/dev/null || python_setup
ensure_pip pytest pytest
ensure_pip "pyspark, pandas, pyarrow" 'pyspark>=4,<5' pandas pyarrow
ensure_java
step "Build the lede CLI (the reference counts)"
cargo build --quiet --bin lede
step "Spark example test: pytest examples/spark/ (spark-submit --master local[2])"
LEDE_BIN="${CARGO_TARGET_DIR:-$ROOT/target}/debug/lede" "$PY" -m pytest examples/spark -q
