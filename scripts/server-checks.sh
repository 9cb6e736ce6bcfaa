#!/usr/bin/env bash
# End-to-end checks of a real `regulars serve` on the demo shop, on 127.0.0.1 only:
#   1. the widget, embedded in a page of another origin, renders recommendation cards in headless Chromium
#      and reports its impressions;
#   2. the dashboard renders its SVG charts after a one-time sign-in link;
#   3. schemathesis: every documented operation, fuzzed, answers without a 5xx and as its schema says.
# Usage: scripts/server-checks.sh [path/to/regulars]   (default .build/debug/regulars)
# Needs chromium, python3 and schemathesis (.ci/run installs them). SCREENSHOTS=dir keeps screenshots.
set -euo pipefail

BIN=$(realpath "${1:-.build/debug/regulars}")
PORT=${PORT:-18181}
SITE_PORT=$((PORT + 1))
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "server-checks: $*" >&2; [ -f "$WORK/serve.err" ] && tail -20 "$WORK/serve.err" >&2; exit 1; }
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }
# Through python3, so a fresh pip install needs no shell rehash to be found.
schemathesis() { python3 -c 'import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())' "$@"; }
chrome() { timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>/dev/null; }

echo "== demo shop"
(cd "$WORK" && "$BIN" demo > demo.log)
STORE="$WORK/regulars-demo.sqlite"
SECRET=$("$BIN" --store "$STORE" keys create --scope secret --name checks --json | json_field key)
PUBLIC=$("$BIN" --store "$STORE" keys create --scope public --name widget --json | json_field key)

"$BIN" --store "$STORE" --as-of 2025-06-30 serve --port "$PORT" --allowed-origin "http://127.0.0.1:$SITE_PORT" \
  > "$WORK/serve.out" 2> "$WORK/serve.err" &
PIDS+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/health" > /dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$PORT/health" > /dev/null || fail "the server did not start"

echo "== widget in headless Chromium"
mkdir "$WORK/site"
cat > "$WORK/site/index.html" <<HTML
<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Skillet</title></head>
<body>
<h1>Lodge cast-iron skillet</h1>
<div data-regulars-placement="product" data-product="LODGE-L8SK3"></div>
<div data-regulars-placement="cart" data-cart="LODGE-L8SK3"></div>
<script src="http://127.0.0.1:$PORT/widget.js" data-key="$PUBLIC" data-currency="GBP" async></script>
</body></html>
HTML
(cd "$WORK/site" && exec python3 -m http.server "$SITE_PORT" --bind 127.0.0.1 > /dev/null 2>&1) &
PIDS+=($!)
sleep 1
chrome --virtual-time-budget=10000 --dump-dom "http://127.0.0.1:$SITE_PORT/index.html" > "$WORK/widget.html"
cards=$(grep -o 'class="regulars-reason"' "$WORK/widget.html" | wc -l)
rendered=$(grep -o 'data-regulars-state="rendered"' "$WORK/widget.html" | wc -l)
echo "placements rendered: $rendered, cards with a reason: $cards"
[ "$rendered" -eq 2 ] && [ "$cards" -ge 4 ] || fail "the widget did not render both placements"
impressions=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^regulars_events_ingested_total/ {print $2}')
echo "events stored: ${impressions:-0}"
[ "${impressions:-0}" != "0" ] || fail "the widget's events were not stored"

echo "== dashboard"
LINK=$(curl -sf -X POST -H "Authorization: Bearer $SECRET" "http://127.0.0.1:$PORT/v1/admin/dashboard-link" | json_field url)
chrome --virtual-time-budget=3000 --dump-dom "http://127.0.0.1:$PORT$LINK" > "$WORK/dashboard.html"
charts=$(grep -o '<svg class="chart"' "$WORK/dashboard.html" | wc -l)
echo "charts on the overview: $charts"
[ "$charts" -ge 2 ] && grep -q 'Revenue per month' "$WORK/dashboard.html" || fail "the dashboard did not render its charts"
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/dashboard")
[ "$status" = 303 ] || fail "the dashboard answered $status without signing in; expected a redirect"
if [ -n "${SCREENSHOTS:-}" ]; then
  mkdir -p "$SCREENSHOTS"
  chrome --virtual-time-budget=10000 --window-size=900,700 --screenshot="$SCREENSHOTS/widget.png" \
    "http://127.0.0.1:$SITE_PORT/index.html" > /dev/null
  LINK=$(curl -sf -X POST -H "Authorization: Bearer $SECRET" "http://127.0.0.1:$PORT/v1/admin/dashboard-link" | json_field url)
  chrome --window-size=1100,1900 --screenshot="$SCREENSHOTS/dashboard.png" "http://127.0.0.1:$PORT$LINK" > /dev/null
fi

echo "== schemathesis"
schemathesis run "http://127.0.0.1:$PORT/openapi.json" -H "Authorization: Bearer $SECRET" --checks all \
  --max-examples "${MAX_EXAMPLES:-50}" --seed 1 --no-color
grep -q 'unexpected error' "$WORK/serve.err" && fail "the server logged unexpected errors"
echo "server-checks: all passed"
