#!/usr/bin/env bash
# By hand, not in CI: build first with `swift build -c release --scratch-path .build-release --product regulars`.
# Events POSTed to a server of three PostgreSQL shops: all with one shop's key, then rotating the three shops' keys
# (every lending of the shared pool then switches search_path).
set -euo pipefail
# The PostgreSQL server: REGULARS_TEST_POSTGRES_URL (a database is made there and left for inspection).
SERVER=${REGULARS_TEST_POSTGRES_URL:?set REGULARS_TEST_POSTGRES_URL=postgres://user@host:port/postgres}
BIN=$(realpath "${BIN:-$(dirname "$0")/../.build-release/release/regulars}")
WORK=$(mktemp -d); trap 'kill $PID 2>/dev/null || true; rm -rf "$WORK"' EXIT; PID=; cd "$WORK"
DB=poolbench_$$
psql "$SERVER" -qAtc "CREATE DATABASE $DB"
export REGULARS_HOME=$WORK REGULARS_STORE="${SERVER%/*}/$DB"
for s in a b c; do $BIN shops create $s > /dev/null; done
K=()
for s in a b c; do K+=($($BIN --shop $s keys create --scope public --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')); done
write_lua() {
cat > $1 <<LUA
local keys = {$2}
local counter, threadID, n = 0, 0, 0
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args) threadID = tid end
request = function()
  counter = counter + 1
  local parts = {}
  for k = 1, 10 do
    parts[k] = string.format('{"event_id":"w%d-%d-%d","type":"product_view","at":"%s","session_id":"s%d","sku":"SKU-1"}', threadID, counter, k, os.date("!%Y-%m-%dT%H:%M:%SZ"), counter % 500)
  end
  local headers = {["Authorization"] = "Bearer " .. keys[(counter % #keys) + 1], ["Content-Type"] = "application/json"}
  return wrk.format("POST", "/v1/events", headers, '{"events":[' .. table.concat(parts, ",") .. ']}')
end
LUA
}
write_lua one.lua "\"${K[0]}\""
write_lua three.lua "\"${K[0]}\", \"${K[1]}\", \"${K[2]}\""
$BIN serve --all-shops --port 8302 --rate-limit-key 0 --rate-limit-address 0 > serve.log 2>&1 &
PID=$!
for i in $(seq 50); do curl -sf -o /dev/null http://127.0.0.1:8302/health && break; sleep 0.2; done
K0=${K[0]}; curl -s -X POST -H "Authorization: Bearer $K0" -H "Content-Type: application/json" -d "{\"events\":[{\"event_id\":\"x1\",\"type\":\"product_view\",\"at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"session_id\":\"s1\",\"sku\":\"SKU-1\"}]}" http://127.0.0.1:8302/v1/events; echo
for round in 1 2 3; do
  for f in one three; do
    echo "round $round $f: $(wrk -t2 -c8 -d8s -s $f.lua http://127.0.0.1:8302 2>&1 | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print}')"
  done
done
echo "connections: $(psql "$SERVER" -qAtc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB'")"
kill $PID; wait $PID 2>/dev/null || true
