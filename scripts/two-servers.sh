#!/usr/bin/env bash
# Two `regulars serve` on one store, as behind a load balancer (not a test; never in CI's path):
#   both start at once; wrk loads both for 20 s (2,000 customers in turn, no answer cache); at 5 s one is killed
#   with SIGKILL and at 8 s started again; then `regulars train` makes a new version, and the script reports how
#   long each server took to serve it, and what wrk saw on each (the survivor should see no error at all).
# Usage: scripts/two-servers.sh [.build/release/regulars]   (needs wrk, sqlite3, curl)
set -euo pipefail
ROTATE=$(realpath "$(dirname "$0")/rotate-customers.lua")
BIN=$(realpath "${1:-.build/release/regulars}")
DATA=$(realpath "$(dirname "$0")/../../shared/data/online-retail.csv.gz")
WORK=$(mktemp -d)
trap 'kill $A $B 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
"$BIN" --store s.sqlite import orders "$DATA" > /dev/null
"$BIN" --store s.sqlite --as-of 2011-12-10 train > /dev/null
SECRET=$("$BIN" --store s.sqlite keys create --scope secret --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
sqlite3 s.sqlite "SELECT customerId FROM shopOrder GROUP BY 1 HAVING count(*) >= 2 ORDER BY customerId LIMIT 2000" \
  > customers.txt
export REGULARS_SECRET="$SECRET"   # for rotate-customers.lua
serve() { "$BIN" --store s.sqlite --as-of 2011-12-10 serve --port "$1" > "serve-$1.log" 2>&1 & }
serve 18201; A=$!
serve 18202; B=$!
for p in 18201 18202; do until curl -sf "http://127.0.0.1:$p/health" > /dev/null; do sleep 0.1; done; done
wrk -t1 -c4 -d20s -s "$ROTATE" http://127.0.0.1:18201 > wrk-18201.txt 2>&1 & W1=$!
wrk -t1 -c4 -d20s -s "$ROTATE" http://127.0.0.1:18202 > wrk-18202.txt 2>&1 & W2=$!
sleep 5; kill -9 $A; sleep 3
serve 18201; A=$!
sleep 3
"$BIN" --store s.sqlite --as-of 2011-12-10 train > /dev/null; T=$(date +%s.%N)
for p in 18201 18202; do
  until curl -s "http://127.0.0.1:$p/health" | grep -q '"model_version":2'; do sleep 0.05; done
  echo "port $p serves version 2 $(echo "$(date +%s.%N) - $T" | bc) s after the training ended"
done
wait $W1 $W2
echo "killed and restarted (18201):"; grep -E "requests in|Non-2xx|Socket errors" wrk-18201.txt
echo "survivor (18202):"; grep -E "requests in|Non-2xx|Socket errors" wrk-18202.txt
