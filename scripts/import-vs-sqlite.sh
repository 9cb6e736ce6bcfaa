#!/usr/bin/env bash
# Import speed against SQLite's own loader (issue 14): LINES synthetic generic order lines (default a million,
# from the same seeded generator as the benchmarks) imported by `regulars import orders --format generic`
# into a fresh store, against `sqlite3 .import --csv` of the same file into a table of the same eight columns,
# once into a fresh file and once into :memory:. Best of 3 wall-clock times each; prints the ratios and
# regulars' peak resident memory (GNU time's maximum RSS).
# Usage: scripts/import-vs-sqlite.sh [LINES]   (builds the release binaries; needs sqlite3 and /usr/bin/time;
#        RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-1000000}
RUNS=${RUNS:-3}
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install -y sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install -y time)" >&2; exit 1; }
# SWIFT_BUILD_FLAGS="--scratch-path .build-release" keeps the release build beside the debug one.
read -r -a FLAGS <<< "${SWIFT_BUILD_FLAGS:-}"
swift build -c release "${FLAGS[@]}" --product regulars >&2
swift build -c release "${FLAGS[@]}" --product RegularsSyntheticOrders >&2
BIN=$(swift build -c release "${FLAGS[@]}" --show-bin-path)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN/RegularsSyntheticOrders" "$LINES" "$WORK/orders.csv"
echo "$(($(wc -l < "$WORK/orders.csv") - 1)) order lines, $(du -m "$WORK/orders.csv" | cut -f1) MB: $WORK/orders.csv"

# Runs "$@" RUNS times; prints the best wall-clock seconds and the largest maximum RSS in MB.
best_of() {
  local best="" peak=0
  for _ in $(seq "$RUNS"); do
    rm -f "$WORK"/store.sqlite* "$WORK/plain.sqlite"
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > /dev/null 2> "$WORK/stderr" || { cat "$WORK/stderr" >&2; exit 1; }
    read -r seconds kb < <(tail -1 "$WORK/time")
    best=$(python3 -c "print(min($seconds, ${best:-$seconds}))")
    peak=$((kb / 1024 > peak ? kb / 1024 : peak))
  done
  echo "$best $peak"
}

SCHEMA="CREATE TABLE orders (order_id TEXT, customer_id TEXT, ordered_at TEXT, sku TEXT, product_name TEXT,
  category TEXT, quantity INTEGER, unit_price REAL);"
read -r ours ours_mb < <(best_of "$BIN/regulars" --store "$WORK/store.sqlite" import orders "$WORK/orders.csv" --format generic)
read -r file _ < <(best_of sqlite3 "$WORK/plain.sqlite" "$SCHEMA" ".import --csv --skip 1 $WORK/orders.csv orders")
read -r memory _ < <(best_of sqlite3 :memory: "$SCHEMA" ".import --csv --skip 1 $WORK/orders.csv orders")
python3 - "$ours" "$file" "$memory" "$ours_mb" <<'PY'
import sys
ours, file, memory, mb = map(float, sys.argv[1:])
print(f"regulars import orders --format generic: {ours:.2f} s, peak RSS {mb:.0f} MB")
print(f"sqlite3 .import --csv into a file:       {file:.2f} s  -> ratio {ours / file:.2f}x")
print(f"sqlite3 .import --csv into :memory:      {memory:.2f} s  -> ratio {ours / memory:.2f}x")
PY
