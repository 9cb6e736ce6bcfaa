#!/usr/bin/env bash
# Load benchmark of `regulars serve` on the online-retail store (not a test; never in CI's path).
#   wrk on GET /v1/recommendations for a known customer beside GET /health of the same binary, at 64 and 8
#   connections; the same without the answer cache (Cache-Control: no-cache, 2,000 customers in turn);
#   POST /v1/events in batches of 100, then the events stored are counted.
# Usage: swift build -c release && scripts/load-bench.sh [.build/release/regulars]   (needs wrk, sqlite3)
set -euo pipefail
ROTATE=$(realpath "$(dirname "$0")/rotate-customers.lua")
BIN=$(realpath "${1:-.build/release/regulars}")
DATA=$(realpath "$(dirname "$0")/../../shared/data/online-retail.csv.gz")
PORT=${PORT:-18090}
SECONDS_LONG=${SECONDS_LONG:-30}
WORK=$(mktemp -d)
trap 'kill $SERVER 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT
cd "$WORK"
"$BIN" --store s.sqlite import orders "$DATA" > /dev/null
"$BIN" --store s.sqlite --as-of 2011-12-10 train > /dev/null
KEY=$("$BIN" --store s.sqlite keys create --scope public --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
SECRET=$("$BIN" --store s.sqlite keys create --scope secret --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
# No limit on the public key or the address: the events run would measure the limiter (500 a second), not the
# ingestion; the recommendations use the secret key, which no limit applies to.
"$BIN" --store s.sqlite --as-of 2011-12-10 serve --port "$PORT" --rate-limit-key 0 --rate-limit-address 0 \
  > /dev/null 2>&1 &
SERVER=$!
sleep 3
BASE="http://127.0.0.1:$PORT"
# The busiest repeat customer, and 2,000 repeat customers for the uncached runs (the secret key needs no token).
CUSTOMER=$(sqlite3 s.sqlite "SELECT customerId FROM shopOrder GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 OFFSET 2")
sqlite3 s.sqlite "SELECT customerId FROM shopOrder GROUP BY 1 HAVING count(*) >= 2 ORDER BY customerId LIMIT 2000" > customers.txt
RECS="$BASE/v1/recommendations?placement=home&customer=$CUSTOMER&n=8"
export REGULARS_SECRET="$SECRET"   # for rotate-customers.lua
cat > events.lua <<LUA
local counter, threadID, n = 0, 0, 0
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args) threadID = tid end
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $KEY"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  -- Events must be stamped within a week of the server's clock (not its as-of): the moment they are sent.
  local now = os.date("!%Y-%m-%dT%H:%M:%SZ")
  local parts = {}
  for k = 1, 100 do
    parts[k] = string.format('{"event_id":"w%d-%d-%d","type":"product_view","at":"%s","session_id":"s%d","sku":"85123A"}', threadID, counter, k, now, counter % 500)
  end
  return wrk.format(nil, "/v1/events", nil, '{"events":[' .. table.concat(parts, ",") .. ']}')
end
LUA
run() { echo "--- $1"; shift; wrk --latency "$@" 2>&1 | grep -E 'Requests/sec|  50%|  99%|Non-2xx|requests in'; }
curl -s -o /dev/null -w "recommendations body: %{size_download} bytes\n" -H "Authorization: Bearer $SECRET" "$RECS"
run "GET /health, 64 connections" -t2 -c64 -d"${SECONDS_LONG}s" "$BASE/health"
run "GET /v1/recommendations (customer $CUSTOMER), 64 connections" -t2 -c64 -d"${SECONDS_LONG}s" -H "Authorization: Bearer $SECRET" "$RECS"
run "GET /health, 8 connections" -t2 -c8 -d20s "$BASE/health"
run "GET /v1/recommendations, 8 connections" -t2 -c8 -d20s -H "Authorization: Bearer $SECRET" "$RECS"
run "uncached: 2,000 customers in turn, 64 connections" -t2 -c64 -d20s -s "$ROTATE" "$BASE"
run "uncached: 2,000 customers in turn, 8 connections" -t2 -c8 -d20s -s "$ROTATE" "$BASE"
run "POST /v1/events, batches of 100, 8 connections" -t2 -c8 -d15s -s events.lua "$BASE"
sleep 1
echo "events stored: $(sqlite3 s.sqlite 'SELECT count(*) FROM event') (every acknowledged batch is 100; batches in flight when wrk stops are stored too)"
