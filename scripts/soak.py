#!/usr/bin/env python3
"""Soak test: a real `regulars serve` on the demo shop under steady mixed traffic from wrk, at ~80 % of its capacity.

  1. `regulars demo` and a server on 127.0.0.1 (--as-of 2025-06-30, the demo's last day) in a fresh work folder;
     a secret key (the public key may get rate limits).
  2. Capacity: wrk with the mix below and no delay for --warmup seconds (default 10). This also warms the server up:
     the mix's cacheable questions (about 1,500) are all asked, so the answer cache is as full as it will get.
  3. Pacing: Debian's wrk (4.1, not wrk2) has no -R rate, so each connection waits between its requests, by the
     Lua script's delay() (milliseconds, dithered for fractions). The delay that gives --load (default 0.8) of the
     capacity is found by up to three 5-second runs, each correcting it by the latency it measured. Closed loop: a
     slow answer delays the next request of its connection, so latencies are those of a paced client, not of an
     open-loop arrival schedule (wrk2).
  4. Soak: --seconds (default 600) as --windows wrk runs (default 6), so that latencies can be followed through the
     run (each window's delay corrects the previous window's drift from the target rate); the server's VmRSS
     (/proc/PID/status) is read every second.

The mix, over 2 threads and --connections connections (default 16): 25 % POST /v1/events with 1-5 product_view
events of unique ids; 30 % GET /v1/recommendations for a customer on home or an e-mail placement (300 customers);
20 % a product page (anonymous, any of the catalog's SKUs); 25 % cart or checkout with one or two SKUs in the cart
(never cached), half of them signed in.

Fails (exit status 1) on any non-2xx answer, socket error or timeout (--timeout, default 5 s), an event the server
acknowledged that is not stored, the server exiting, p99 not stable (the median p99 of the later half of the windows
above --p99-limit, default 1.5, times that of the earlier half: medians, because one window's p99 on two shared
cores moves by a third from noise alone), or VmRSS at the end above --rss-limit (default 1.10) times VmRSS after
the warm-up. Prints requests, rate, p50/p99 per window, errors, and VmRSS after warm-up, through the run, and end.
The event table grows all the while (about 6 MB a minute at 750 requests/s): the memory limit holds because SQLite's
page cache is bounded per connection (SQLiteStore.pageCacheKiB), not by discounting the growth.
Usage: scripts/soak.py [--binary PATH] [--seconds 600] [--windows 6] [--load 0.8] [--connections 16] [--warmup 10]
         [--port 18491] [--p99-limit 1.5] [--rss-limit 1.10] [--workdir DIR] [--keep]          (CI: --seconds 60)
Python 3 standard library, wrk and the sqlite3 command-line shell.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regulars_harness import health_ok, log_tail, resolve_binary, stop  # noqa: E402  (beside this script)

AS_OF = "2025-06-30"
CUSTOMERS = 300
THREADS = 2
CALIBRATION_SECONDS = 5
CALIBRATION_RUNS = 3
RATE_TOLERANCE = 0.05  # calibration stops once the paced rate is within 5 % of the target

# One wrk Lua environment per thread; setup() and done() run in another. done() prints one line, "SOAK {json}".
LUA = r"""
local key = "__KEY__"
customers, skus = {}, {}
for line in io.lines("customers.txt") do customers[#customers + 1] = line end
for line in io.lines("skus.txt") do skus[#skus + 1] = line end
local mailing = {"home", "email.post_purchase", "email.win_back", "email.loyal"}
local get_headers = {["Authorization"] = "Bearer " .. key}
local post_headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}

threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

delay_ms, tag, counter = 0, "run", 0
non2xx, acked, empty, first_bad = 0, 0, 0, nil
function init(args)
  delay_ms = tonumber(args[1]) or 0
  tag = args[2] or "run"
  math.randomseed(tid * 7919 + (tonumber(args[3]) or 0))
end

if tonumber(os.getenv("SOAK_PACED") or "0") == 1 then
  function delay()
    local whole = math.floor(delay_ms)
    if math.random() < delay_ms - whole then whole = whole + 1 end
    return whole
  end
end

local function pick(list) return list[math.random(#list)] end

function request()
  counter = counter + 1
  local r = math.random()
  if r < 0.25 then
    local parts = {}
    for k = 1, math.random(1, 5) do
      parts[k] = string.format(
        '{"event_id":"soak-%s-%d-%d-%d","type":"product_view","at":"2025-06-29T10:00:00Z",'
        .. '"customer_id":"%s","sku":"%s"}', tag, tid, counter, k, pick(customers), pick(skus))
    end
    return wrk.format("POST", "/v1/events", post_headers, '{"events":[' .. table.concat(parts, ",") .. ']}')
  end
  local path
  if r < 0.55 then
    path = "/v1/recommendations?placement=" .. pick(mailing) .. "&customer=" .. pick(customers)
  elseif r < 0.75 then
    path = "/v1/recommendations?placement=product&product=" .. pick(skus)
  else
    path = "/v1/recommendations?placement=" .. (math.random() < 0.5 and "cart" or "checkout") .. "&cart=" .. pick(skus)
    if math.random() < 0.5 then path = path .. "," .. pick(skus) end
    if math.random() < 0.5 then path = path .. "&customer=" .. pick(customers) end
  end
  return wrk.format("GET", path, get_headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_bad == nil then first_bad = status .. " " .. string.sub(body, 1, 200) end
    return
  end
  local received = string.match(body, '"received"%s*:%s*(%d+)')
  if received then
    acked = acked + tonumber(received)
  elseif string.find(body, '"items"%s*:%s*%[%s*%]') then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local non2xx, acked, empty, bad = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
    acked = acked + thread:get("acked")
    empty = empty + thread:get("empty")
    if bad == "" and thread:get("first_bad") then bad = thread:get("first_bad") end
  end
  local e = summary.errors
  io.write(string.format(
    'SOAK {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"non2xx":%d,'
    .. '"acked":%d,"empty":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"mean_us":%.1f,"first_bad":"%s"}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, non2xx, acked, empty,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean,
    (string.gsub(bad, '[%c"\\]', " "))))
end
"""


class Failed(Exception):
    pass


class Server:
    """The demo shop and `regulars serve` in the work folder."""

    def __init__(self, args, folder):
        self.args, self.folder, self.process = args, folder, None
        self.log = os.path.join(folder, "serve.log")

    def start(self):
        started = time.monotonic()
        with open(os.path.join(self.folder, "demo.log"), "w") as log:
            subprocess.run([self.args.binary, "demo"], cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, check=True, timeout=900)
        self.store = os.path.join(self.folder, "regulars-demo.sqlite")
        created = subprocess.run([self.args.binary, "--store", self.store, "keys", "create", "--scope", "secret",
                                  "--name", "soak", "--json"], capture_output=True, text=True, check=True,
                                 stdin=subprocess.DEVNULL, timeout=120)
        self.key = json.loads(created.stdout)["key"]
        customers = sqlite(self.store, "SELECT customerId FROM shopOrder GROUP BY customerId HAVING count(*) >= 2 "
                                       f"ORDER BY customerId LIMIT {CUSTOMERS};")
        skus = sqlite(self.store, "SELECT sku FROM product ORDER BY sku;")
        for name, text in (("customers.txt", customers), ("skus.txt", skus)):
            with open(os.path.join(self.folder, name), "w") as out:
                out.write(text)
        with open(os.path.join(self.folder, "soak.lua"), "w") as out:
            out.write(LUA.replace("__KEY__", self.key))
        print(f"demo shop: {time.monotonic() - started:.0f} s; {len(customers.split())} customers, "
              f"{len(skus.split())} SKUs")
        with open(self.log, "w") as log:
            # A session of its own: a Ctrl-C in the terminal reaches this script, which then stops the server.
            self.process = subprocess.Popen(
                [self.args.binary, "--store", self.store, "--as-of", AS_OF, "serve", "--host", "127.0.0.1", "--port",
                 str(self.args.port)], cwd=self.folder, stdin=subprocess.DEVNULL, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise Failed(f"the server exited with status {self.process.returncode}\n{self.log_tail()}")
            if health_ok(self.args.port):
                return
            time.sleep(0.1)
        raise Failed("the server did not answer /health within 60 s\n" + self.log_tail())

    def rss_kb(self):
        try:
            with open(f"/proc/{self.process.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def store_kb(self):
        """The store's pages (those still in the WAL included), in kB."""
        return int(sqlite(self.store, "PRAGMA page_count;")) * int(sqlite(self.store, "PRAGMA page_size;")) / 1024

    def log_tail(self, lines=20):
        return log_tail(self.log, lines)

    def close(self):
        stop(self.process)


class RSSSampler(threading.Thread):
    """VmRSS of the server every second, as (seconds since start, kB)."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.samples, self.stop = server, [], threading.Event()
        self.started = time.monotonic()

    def run(self):
        while not self.stop.is_set():
            rss = self.server.rss_kb()
            if rss is not None:
                self.samples.append((time.monotonic() - self.started, rss))
            self.stop.wait(1.0)


def sqlite(path, sql):
    return subprocess.run(["sqlite3", "-batch", "-bail", path], input=sql, capture_output=True, text=True,
                          check=True, timeout=120).stdout


def wrk(args, folder, seconds, delay_ms, tag, seed):
    """One wrk run of the mix; returns the dict its done() printed, with `rate` added."""
    argv = ["wrk", "-t", str(THREADS), "-c", str(args.connections), "-d", f"{seconds}s", "--timeout",
            f"{args.timeout}s", "-s", "soak.lua", f"http://127.0.0.1:{args.port}", "--", f"{delay_ms:.4f}", tag,
            str(seed)]
    env = dict(os.environ, SOAK_PACED="1" if delay_ms > 0 else "0")
    done = subprocess.run(argv, cwd=folder, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          timeout=seconds + 60)
    line = next((line for line in done.stdout.splitlines() if line.startswith("SOAK ")), None)
    if done.returncode != 0 or line is None:
        raise Failed(f"wrk failed (status {done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    result = json.loads(line[5:])
    result["rate"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "timeout"))
    return result


def describe(result):
    return (f"{result['requests']:,} requests, {result['rate']:.0f}/s, p50 {result['p50_us'] / 1000:.1f} ms, "
            f"p99 {result['p99_us'] / 1000:.1f} ms, non-2xx {result['non2xx']}, socket errors {result['errors']}")


def retune(args, target, delay, result):
    """The delay that would have given `target` in the run `result`: each connection's request cycle is its delay
    plus what the request took, so the delay is the target's cycle less what the requests took."""
    cycle_ms = 1000 * args.connections / target
    took_ms = 1000 * args.connections / result["rate"] - delay
    return max(0.0, cycle_ms - took_ms)


def calibrate(args, folder, capacity):
    """The per-request delay (ms) that paces every connection to `--load` of the capacity."""
    target = args.load * capacity
    delay = 1000 * args.connections / target  # first guess: requests take no time
    for attempt in range(CALIBRATION_RUNS):
        result = wrk(args, folder, CALIBRATION_SECONDS, delay, f"cal{attempt}", 100 + attempt)
        check_clean(result, f"calibration run {attempt + 1}")
        print(f"  pacing {delay:.2f} ms/request/connection: {describe(result)} (target {target:.0f}/s)", flush=True)
        if abs(result["rate"] / target - 1) <= RATE_TOLERANCE:
            break
        delay = retune(args, target, delay, result)
    return delay, target


def check_clean(result, what):
    if result["non2xx"] or result["errors"]:
        raise Failed(f"{what}: {result['non2xx']} non-2xx answers (first: {result['first_bad'] or '-'}), "
                     f"socket errors connect {result['connect']} read {result['read']} write {result['write']} "
                     f"timeout {result['timeout']}")


def run(args, server, folder):
    print(f"== capacity: {args.warmup} s unpaced, {args.connections} connections, {THREADS} threads", flush=True)
    maximum = wrk(args, folder, args.warmup, 0, "max", 1)
    print(f"  {describe(maximum)}", flush=True)
    check_clean(maximum, "the capacity run")
    print(f"== pacing to {args.load:.0%} of {maximum['rate']:.0f}/s", flush=True)
    delay, target = calibrate(args, folder, maximum["rate"])

    sampler = RSSSampler(server)
    sampler.start()
    time.sleep(0.2)
    start_rss = sampler.samples[-1][1] if sampler.samples else server.rss_kb()
    start_store = server.store_kb()
    print(f"== soak: {args.seconds} s in {args.windows} runs, {delay:.2f} ms/request/connection; VmRSS after warm-up "
          f"{start_rss / 1024:.1f} MB", flush=True)
    windows, failures = [], []
    length = max(1, round(args.seconds / args.windows))
    try:
        for n in range(args.windows):
            result = wrk(args, folder, length, delay, f"soak{n}", 200 + n)
            rss = server.rss_kb()
            print(f"  window {n + 1}: {describe(result)}" + (f"; VmRSS {rss / 1024:.1f} MB" if rss else ""),
                  flush=True)
            windows.append(result)
            if server.process.poll() is not None:
                raise Failed(f"the server exited with status {server.process.returncode}\n{server.log_tail()}")
            delay = retune(args, target, delay, result)  # the next window corrects this one's drift
    finally:
        sampler.stop.set()
        sampler.join()
    end_rss = server.rss_kb() or sampler.samples[-1][1]
    store_growth = server.store_kb() - start_store
    peak_rss = max(kb for _, kb in sampler.samples)

    for n, result in enumerate(windows):
        if result["non2xx"] or result["errors"]:
            try:
                check_clean(result, f"window {n + 1}")
            except Failed as failure:
                failures.append(str(failure))
    acked = sum(result["acked"] for result in windows)
    requests = sum(result["requests"] for result in windows)
    rate = requests / sum(result["duration_us"] / 1e6 for result in windows)
    empty = sum(result["empty"] for result in windows)
    half = args.windows // 2
    earlier = statistics.median(result["p99_us"] for result in windows[:half]) / 1000
    later = statistics.median(result["p99_us"] for result in windows[-half:]) / 1000
    if later > args.p99_limit * earlier:
        failures.append(f"p99 is not stable: the median p99 of the last {half} windows is {later:.1f} ms, "
                        f"{later / earlier:.2f} times the first {half} windows' {earlier:.1f} ms (the limit is "
                        f"{args.p99_limit:.2f} times)")

    # Events: the server stops first, so the store holds all it committed.
    server.close()
    stored = int(sqlite(server.store, "SELECT count(*) FROM event WHERE eventId LIKE 'soak-soak%';").strip())
    if stored < acked:
        failures.append(f"{acked - stored} acknowledged events are not stored ({acked:,} acknowledged, "
                        f"{stored:,} stored)")
    growth = end_rss / start_rss
    if growth > args.rss_limit:
        failures.append(f"VmRSS grew from {start_rss / 1024:.1f} MB after warm-up to {end_rss / 1024:.1f} MB "
                        f"({growth - 1:+.1%}; the limit is {args.rss_limit - 1:+.1%})")
    if "unexpected error" in server.log_tail(10_000):
        failures.append("the server logged unexpected errors:\n" + server.log_tail())

    print("\n== summary")
    print(f"capacity {maximum['rate']:.0f}/s unpaced (p50 {maximum['p50_us'] / 1000:.1f} ms, "
          f"p99 {maximum['p99_us'] / 1000:.1f} ms); soak target {target:.0f}/s, achieved {rate:.0f}/s "
          f"({rate / maximum['rate']:.0%} of capacity)")
    if abs(rate / target - 1) > 0.1:
        print(f"note: the soak ran at {rate / target:.0%} of its target; the machine's load changed since the "
              f"capacity run, or the pacing could not follow (the capacity figure may be stale)")
    print(f"soak: {requests:,} requests in {args.seconds} s; non-2xx {sum(r['non2xx'] for r in windows)}, socket "
          f"errors {sum(r['errors'] for r in windows)}; {empty:,} recommendation answers with no items")
    print("p99 per window (ms): " + " ".join(f"{result['p99_us'] / 1000:.1f}" for result in windows)
          + f"; median of the first {half} {earlier:.1f}, of the last {half} {later:.1f} ({later / earlier:.2f}x)")
    print("p50 per window (ms): " + " ".join(f"{result['p50_us'] / 1000:.1f}" for result in windows))
    print(f"events: {acked:,} acknowledged, {stored:,} stored")
    print(f"VmRSS: after warm-up {start_rss / 1024:.1f} MB, end {end_rss / 1024:.1f} MB ({growth - 1:+.1%}), "
          f"peak {peak_rss / 1024:.1f} MB; {len(sampler.samples)} samples")
    print(f"the store grew by {store_growth / 1024:.1f} MB meanwhile (new events)")
    soak_samples = [kb for t, kb in sampler.samples]
    trend = [soak_samples[round(i * (len(soak_samples) - 1) / 10)] for i in range(11)] if soak_samples else []
    print("VmRSS through the soak, every tenth (MB): " + " ".join(f"{kb / 1024:.1f}" for kb in trend))
    for failure in failures:
        print(f"FAIL {failure}")
    print("RESULT: " + ("FAIL" if failures else "pass"))
    return 1 if failures else 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=None,
                        help="the regulars binary (default .build/release/regulars, else .build/debug/regulars)")
    parser.add_argument("--seconds", type=int, default=600, help="the soak's length (default 600; CI 60)")
    parser.add_argument("--load", type=float, default=0.8, help="the fraction of the measured capacity")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=10, help="seconds of the unpaced capacity run")
    parser.add_argument("--timeout", type=int, default=5, help="wrk's per-request timeout in seconds")
    parser.add_argument("--windows", type=int, default=6, help="wrk runs the soak is made of (default 6)")
    parser.add_argument("--p99-limit", type=float, default=1.5,
                        help="median p99 of the later windows / of the earlier windows, at most")
    parser.add_argument("--rss-limit", type=float, default=1.10, help="VmRSS at the end / after warm-up, at most")
    parser.add_argument("--port", type=int, default=18491)
    parser.add_argument("--workdir", default=tempfile.gettempdir(), help="where the work folder is made")
    parser.add_argument("--keep", action="store_true", help="keep the work folder even when every check passes")
    args = parser.parse_args()
    if (args.seconds < 3 or args.warmup < 1 or not 0 < args.load <= 1 or args.connections < THREADS
            or not 2 <= args.windows <= args.seconds):
        parser.error("expected --seconds ≥ 3, --warmup ≥ 1, 0 < --load ≤ 1, --connections ≥ 2 and "
                     "2 ≤ --windows ≤ --seconds")
    args.binary = resolve_binary(parser, args.binary)
    for tool in ("wrk", "sqlite3"):
        if shutil.which(tool) is None:
            parser.error(f"{tool} is missing (apt-get install {tool})")
    return args


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` stops the server on kill too
    if health_ok(args.port):
        raise SystemExit(f"soak: something already answers on 127.0.0.1:{args.port}; pass --port")
    folder = tempfile.mkdtemp(prefix="regulars-soak-", dir=args.workdir)
    server = Server(args, folder)
    code = 1
    try:
        server.start()
        code = run(args, server, folder)
    except KeyboardInterrupt:
        print("soak: interrupted", file=sys.stderr)
        code = 130
    except (Failed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
        print(f"FAIL {failure}\nRESULT: FAIL", file=sys.stderr)
    finally:
        server.close()
        if code == 0 and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            print(f"the work folder is kept: {folder}")
    return code


if __name__ == "__main__":
    sys.exit(main())
