#!/usr/bin/env bash
# By hand, not in CI: build first with `swift build -c release --scratch-path .build-release --product regulars`.
# One shop served alone (serve --shop a) against the same shop in a server of three (serve --all-shops), same
# binary, same store, one server at a time: what routing by key costs.
set -euo pipefail
ROTATE=$(realpath "$(dirname "$0")/rotate-customers.lua")
BIN=$(realpath "${BIN:-$(dirname "$0")/../.build-release/release/regulars}")
DATA=$(realpath "$(dirname "$0")/../../shared/data/online-retail.csv.gz")
WORK=$(mktemp -d); trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT; PID=; cd "$WORK"
export REGULARS_HOME=$WORK
$BIN demo --store demo.sqlite > /dev/null 2>&1
for s in a b c; do $BIN shops create $s > /dev/null; done
$BIN --shop a import orders $DATA > /dev/null
$BIN --shop a --as-of 2011-12-10 train > /dev/null
for s in b c; do
  $BIN --shop $s import orders regulars-demo/orders_export.csv > /dev/null
  $BIN --shop $s --as-of 2025-06-30 train > /dev/null
  $BIN --shop $s keys create --scope secret > /dev/null
done
SECRET=$($BIN --shop a keys create --scope secret --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
CUSTOMER=$(sqlite3 shops/a.sqlite "SELECT customerId FROM shopOrder GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 2")
sqlite3 shops/a.sqlite "SELECT customerId FROM shopOrder GROUP BY 1 HAVING count(*) >= 2 ORDER BY customerId LIMIT 2000" > customers.txt
export REGULARS_SECRET="$SECRET"   # for rotate-customers.lua
rps() { wrk "$@" 2>&1 | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "NON2XX " $0}'; }
for round in 1 2 3; do
  for mode in single all; do
    if [ $mode = single ]; then $BIN --shop a --as-of 2011-12-10 serve --port 8301 > serve.log 2>&1 &
    else $BIN --as-of 2011-12-10 serve --all-shops --port 8301 > serve.log 2>&1 & fi
    PID=$!
    for i in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:8301/health && break; sleep 0.2; done
    H=$(rps -t2 -c64 -d8s http://127.0.0.1:8301/health)
    C=$(rps -t2 -c64 -d8s -H "Authorization: Bearer $SECRET" "http://127.0.0.1:8301/v1/recommendations?placement=home&customer=$CUSTOMER&n=8")
    U=$(rps -t2 -c8 -d8s -s "$ROTATE" http://127.0.0.1:8301)
    echo "round $round $mode: health $H cached $C uncached $U"
    kill $PID; wait $PID 2>/dev/null || true
  done
done
