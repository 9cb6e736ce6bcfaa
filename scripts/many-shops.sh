#!/usr/bin/env bash
# By hand, not in CI: build first with `swift build -c release --scratch-path .build-release --product regulars`.
# N demo-sized shops in one folder install, one `serve --all-shops`: its memory after start, after one request to
# every shop (all built), and after --unload-after let them go.
set -euo pipefail
N=${1:-100}
BIN=$(realpath "${BIN:-$(dirname "$0")/../.build-release/release/regulars}")
WORK=$(mktemp -d); trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT; PID=; cd "$WORK"
export REGULARS_HOME=$WORK
$BIN demo --store demo.sqlite > /dev/null 2>&1
echo "demo orders: $(($(wc -l < regulars-demo/orders_export.csv) - 1)) lines"
$BIN shops create s0 > /dev/null
$BIN --shop s0 import orders regulars-demo/orders_export.csv > /dev/null
$BIN --shop s0 --as-of 2025-06-30 train > /dev/null
for i in $(seq 1 $((N - 1))); do
  cp shops/s0.sqlite shops/s$i.sqlite; cp -r shops/s0.models shops/s$i.models
done
: > keys.txt
for i in $(seq 0 $((N - 1))); do
  $BIN --shop s$i keys create --scope secret --name k$i --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])' >> keys.txt
done
du -sh shops/s0.models | cut -f1 | sed 's/^/one model set: /'
MALLOC_ARENA_MAX=${ARENAS:-8} $BIN --as-of 2025-06-30 serve --all-shops --port 8303 --unload-after 0.5 > serve.log 2>&1 &
PID=$!
for i in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:8303/health && break; sleep 0.2; done
rss() { echo "$(($(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024)) MB"; }
echo "after start ($(ls shops/*.sqlite | wc -l) shops, none built but the first): $(rss)"
CUSTOMER=$(sqlite3 shops/s0.sqlite "SELECT customerId FROM shopOrder LIMIT 1")
start=$(date +%s.%N)
while read -r key; do
  curl -sf -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:8303/v1/recommendations?placement=home&customer=$CUSTOMER"
done < keys.txt
end=$(date +%s.%N)
echo "after one request to each (every shop built): $(rss); first requests took $(echo "($end - $start) * 1000 / $N" | bc) ms each on average"
sleep 45
echo "45 s later (unloaded after 30 s idle): $(rss)"
grep -c "unloaded the shop" serve.log | sed 's/^/shops unloaded: /'
for round in 2 3; do
  while read -r key; do
    curl -sf -o /dev/null -H "Authorization: Bearer $key" "http://127.0.0.1:8303/v1/recommendations?placement=home&customer=$CUSTOMER"
  done < keys.txt
  echo "round $round, every shop built again: $(rss)"
  sleep 45
  echo "round $round, unloaded again: $(rss)"
done
kill $PID
