#!/usr/bin/env python3
"""Traffic simulator: checks that a real `regulars serve` reports honest A/B-test statistics.

Starts the demo shop and a server on 127.0.0.1 in a temporary folder, then runs A=default,B=default experiments
(the same list in both arms, so only the behaviour planted here differs). Each simulated day, new customers ask
for recommendations (the server picks their arm) and then order with a probability that depends on the arm, at
the current UTC time; the results are read after every day, as a shop owner peeking daily would.

  planted lift  B converts at conversion × (1 + lift); order values are log-normal (median 25, σ 0.8) in both
                arms, so the true relative lift is `lift` on conversion and on revenue per unit. Checked: the last
                look's always-valid interval covers it (bar: ≥ 93 %); reported: the day the verdict first became
                conclusive.
  A/A           the same without a lift. Checked: a *_conclusive verdict at any daily look is a false positive
                (bar: ≤ 5 % per metric).

Every look is also checked against what was sent: units, orders and revenue per arm, the verdict against the
interval, and the interval against the same mixture-SPRT formula recomputed here.

Timing. The server stamps exposures with its clock in whole seconds; servers before the fix of this script's first
run counted nothing of the second the results are read in (the boundary probe says which behaviour it found), so
each look still waits for a new second (about one second per simulated day). A placement serves only its oldest running experiment, so experiments of one placement run one
after another; by default each of the seven placements runs its own sequence, in parallel (--placements home
runs every experiment on home: about seven times slower).

Usage: scripts/traffic-simulator.py [--binary PATH] [--experiments 200] [--units-per-day 40] [--days 10]
         [--conversion 0.3] [--lift 0.2] [--seed 1] [--port 18291] [--placements LIST] [--quick]
Exit status 1 when a bar is missed, the server's numbers disagree with what was sent, or it answers out of
protocol; --quick (6 + 6 experiments of 4 days) checks the plumbing only and fails on protocol errors alone.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import datetime
import http.client
import json
import math
import os
import queue
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regulars_harness import health_ok, log_tail, resolve_binary, stop  # noqa: E402  (beside this script)

PLACEMENTS = ("home", "product", "cart", "checkout", "email.post_purchase", "email.win_back", "email.loyal")
METRICS = ("conversion_rate", "revenue_per_unit")
CONCLUSIVE = ("ahead_conclusive", "behind_conclusive")
VERDICTS = CONCLUSIVE + ("inconclusive", "not_enough_data")
ARMS = {"A": {"recipe": "default"}, "B": {"recipe": "default"}}  # the same list in both arms
COVERAGE_BAR = 0.93
FALSE_POSITIVE_BAR = 0.05
MAX_REQUESTS = 500_000
# The server's SequentialDesign defaults, for recomputing its intervals: α and τ = log(1 + minimum lift).
ALPHA = 0.05
MINIMUM_LIFT = 0.10
ORDER_MEDIAN = 25.0
ORDER_SIGMA = 0.8
# The server rereads its running experiments at least every 5 s: how long a stale answer may last.
MISROUTE_PATIENCE = 10.0


class ProtocolError(Exception):
    """The server answered outside its contract (a non-200 reply, a missing arm or field)."""


class Stopped(Exception):
    """Another lane failed, or Ctrl-C: finish quietly."""


def planner_days(binary, args):
    """The product's own planner for this scenario (`regulars experiment plan` with the traffic given), in days,
    to set beside the simulated days to a conclusive result."""
    units_per_week = 7 * args.units_per_day
    # Log-normal order values (median 25, σ 0.8) times Bernoulli conversion: mean and SD per unit.
    value_mean = 25 * math.exp(0.8 ** 2 / 2)
    value_second = 25 ** 2 * math.exp(2 * 0.8 ** 2)
    mean = args.conversion * value_mean
    sd = math.sqrt(args.conversion * value_second - mean ** 2)
    try:
        done = subprocess.run(
            [binary, "experiment", "plan", "--placement", "home", "--lift", f"{args.lift * 100:g}%",
             "--units-per-week", str(units_per_week), "--conversion-rate", str(args.conversion),
             "--revenue-per-unit", f"{mean:.4f}", "--revenue-sd", f"{sd:.4f}", "--json"],
            capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        plan = json.loads(done.stdout).get("plan") or {}
    except (OSError, ValueError, subprocess.SubprocessError):
        return {}
    out = {}
    for metric, key in (("conversion_rate", "conversion"), ("revenue_per_unit", "revenue_per_unit")):
        if plan.get(key):
            out[metric] = f"{plan[key]['sequential_weeks'] * 7:.1f} days"
    return out


class Server:
    """The demo shop and `regulars serve` in a temporary folder; both are gone after `close`."""

    def __init__(self, binary, port):
        self.binary = binary
        self.port = port
        self.folder = tempfile.mkdtemp(prefix="regulars-traffic-")
        self.process = None
        self.logs = []
        self.key = None

    def start(self):
        if port_answers(self.port):
            raise SystemExit(f"traffic-simulator: something already listens on 127.0.0.1:{self.port}; pass --port")
        with open(os.path.join(self.folder, "demo.log"), "w") as log:
            subprocess.run([self.binary, "demo"], cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, check=True, timeout=600)
        store = os.path.join(self.folder, "regulars-demo.sqlite")
        created = subprocess.run([self.binary, "--store", store, "keys", "create", "--scope", "secret", "--name",
                                  "traffic-simulator", "--json"], capture_output=True, text=True, check=True,
                                 stdin=subprocess.DEVNULL, timeout=120)
        self.key = json.loads(created.stdout)["key"]
        self.logs = [open(os.path.join(self.folder, name), "w") for name in ("serve.out", "serve.err")]
        # A session of its own: a Ctrl-C in the terminal reaches this script, which then stops the server.
        self.process = subprocess.Popen(
            [self.binary, "--store", store, "--as-of", "2025-06-30", "serve", "--host", "127.0.0.1", "--port",
             str(self.port)], cwd=self.folder, stdin=subprocess.DEVNULL, stdout=self.logs[0], stderr=self.logs[1],
            start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"traffic-simulator: the server exited with status {self.process.returncode}\n"
                                 + self.log_tail())
            if health_ok(self.port):
                return
            time.sleep(0.1)
        raise SystemExit("traffic-simulator: the server did not answer /health within 60 s\n" + self.log_tail())

    def log_tail(self, lines=20):
        return log_tail(os.path.join(self.folder, "serve.err"), lines)

    def close(self):
        stop(self.process)
        for log in self.logs:
            log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def port_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Client:
    """JSON over one keep-alive HTTPConnection per thread, counting every request sent."""

    def __init__(self, port, key, limit):
        self.port = port
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json",
                        "Accept": "application/json"}
        self.limit = limit
        self.local = threading.local()
        self.lock = threading.Lock()
        self.requests = 0

    def call(self, method, path, body=None):
        with self.lock:
            if self.requests >= self.limit:
                raise ProtocolError(f"more than {self.limit:,} requests: stopped (bounded run)")
            self.requests += 1
        data = None if body is None else json.dumps(body).encode()
        for attempt in (1, 2):  # one retry on a dropped keep-alive connection; every call here is idempotent
            connection = getattr(self.local, "connection", None)
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                self.local.connection = connection
            try:
                connection.request(method, path, body=data, headers=self.headers)
                response = connection.getresponse()
                raw = response.read()
                break
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                self.local.connection = None
                if attempt == 2:
                    raise ProtocolError(f"{method} {path}: {error!r}") from error
        if response.status != 200:
            raise ProtocolError(f"{method} {path}: HTTP {response.status}: {raw[:300].decode(errors='replace')}")
        try:
            return json.loads(raw)
        except ValueError as error:
            raise ProtocolError(f"{method} {path}: not JSON: {raw[:200]!r}") from error


def iso(seconds):
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def wait_past(second):
    """Sleeps until the clock's whole second is past `second`."""
    while int(time.time()) <= second:
        time.sleep(1.002 - time.time() % 1)


def reference_interval(n_a, mean_a, var_a, n_b, mean_b, var_b):
    """The server's always-valid interval for B / A − 1 (delta method on the log ratio, normal mixture)."""
    if n_a <= 0 or n_b <= 0 or mean_a <= 0 or mean_b <= 0:
        return None
    v = var_a / (n_a * mean_a ** 2) + var_b / (n_b * mean_b ** 2)
    if not v > 0:
        return None
    tau2 = math.log1p(MINIMUM_LIFT) ** 2
    half = math.sqrt(v * (v + tau2) / tau2 * (math.log1p(tau2 / v) - 2 * math.log(ALPHA)))
    theta = math.log(mean_b / mean_a)
    return math.expm1(theta), math.expm1(theta - half), math.expm1(theta + half)


class Simulation:
    def __init__(self, args, client):
        self.args = args
        self.client = client
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.anomalies = []  # the server's numbers disagree with what was sent, or with its own interval
        self.looks = 0
        self.reference_checked = 0
        self.history = {}  # placement: the experiments it ran, in order
        self.misrouted = 0  # recommendations answered for no experiment or the one stopped before, then retried
        self.misrouted_in = set()
        self.misrouted_for = 0.0

    def previous(self, placement):
        with self.lock:
            return tuple(self.history.get(placement, [])[-2:-1])

    def anomaly(self, text):
        with self.lock:
            self.anomalies.append(text)
            if len(self.anomalies) <= 10:
                print(f"  anomaly: {text}", file=sys.stderr, flush=True)

    def visit(self, placement, name, customer, draw, value, lift):
        """One new customer: recommendations (the arm), then maybe an order at the current time."""
        first_try = time.monotonic()
        while True:
            before = int(time.time())
            answer = self.client.call("GET", f"/v1/recommendations?placement={placement}&customer={customer}")
            after = int(time.time())
            if isinstance(answer, dict) and answer.get("experiment") == name and answer.get("arm") in ("A", "B"):
                break
            got = {k: answer.get(k) for k in ("experiment", "arm")} if isinstance(answer, dict) else answer
            waited = time.monotonic() - first_try
            if not isinstance(answer, dict) or answer.get("experiment") not in (None, *self.previous(placement)) \
                    or waited > MISROUTE_PATIENCE:
                raise ProtocolError(f"recommendations for {customer}: expected experiment {name} arm A/B, got {got} "
                                    f"({waited:.1f} s after the first try)")
            # The server may still route the placement to the experiment stopped before, or to none, for a few
            # seconds after a create or stop. That customer is not counted in either (an exposure after the stop
            # is not); ask again until the new experiment answers.
            with self.lock:
                self.misrouted += 1
                self.misrouted_in.add(name)
                self.misrouted_for = max(self.misrouted_for, waited)
            time.sleep(0.2)
        arm = answer["arm"]
        ordered_at = None
        if draw < self.args.conversion * (1 + lift if arm == "B" else 1):
            ordered_at = int(time.time())  # never before the exposure the server stored before answering
            body = {"id": f"O-{customer}", "customer_id": customer, "created_at": iso(ordered_at),
                    "lines": [{"sku": f"SIM-{int(value) % 7}", "quantity": 1, "unit_price": f"{value:.2f}"}]}
            self.client.call("POST", "/v1/orders", body)
        return {"arm": arm, "exposed": (before, after), "ordered_at": ordered_at, "value": value}

    def look(self, name, units):
        """Reads the results and checks them against what was sent; returns {metric: comparison}."""
        r0 = int(time.time())
        results = self.client.call("GET", f"/v1/experiments/{name}")
        r1 = int(time.time())
        with self.lock:
            self.looks += 1
        arms = {a.get("name"): a for a in (results or {}).get("arms", []) if isinstance(a, dict)}
        if set(arms) != {"A", "B"}:
            raise ProtocolError(f"{name}: expected arms A and B, got {sorted(map(str, arms))}")
        comparisons = {}
        for c in results.get("comparisons", []):
            if isinstance(c, dict) and c.get("arm") == "B" and c.get("control") == "A" and c.get("metric") in METRICS:
                comparisons[c["metric"]] = c
        if set(comparisons) != set(METRICS):
            raise ProtocolError(f"{name}: expected B-vs-A comparisons of {METRICS}, got {sorted(comparisons)}")
        counted = {}
        for arm_name, arm in arms.items():
            mine = [u for u in units if u["arm"] == arm_name]
            # What the server may count, given that a read takes a moment and times are whole seconds (the looks
            # wait for a new second, so both ends are normally all that was sent).
            units_lo = sum(u["exposed"][1] < r0 for u in mine)
            units_hi = sum(u["exposed"][0] <= r1 for u in mine)
            surely = [u["value"] for u in mine if u["ordered_at"] is not None and u["ordered_at"] < r0]
            maybe = [u["value"] for u in mine if u["ordered_at"] is not None and u["ordered_at"] <= r1]
            n, orders, revenue = arm.get("units"), arm.get("orders"), arm.get("revenue")
            if not all(isinstance(x, (int, float)) for x in (n, orders, revenue)):
                raise ProtocolError(f"{name} arm {arm_name}: units, orders or revenue missing")
            if not units_lo <= n <= units_hi:
                self.anomaly(f"{name} arm {arm_name}: {n} units, sent {units_lo}..{units_hi}")
            if not len(surely) <= orders <= len(maybe):
                self.anomaly(f"{name} arm {arm_name}: {orders} orders, sent {len(surely)}..{len(maybe)}")
            values = surely if orders == len(surely) else maybe if orders == len(maybe) else None
            if values is not None and abs(sum(values) - revenue) > 0.005 * (1 + len(values)):
                self.anomaly(f"{name} arm {arm_name}: revenue {revenue}, sent {sum(values):.2f}")
            counted[arm_name] = (n, orders, values)
        for metric, c in comparisons.items():
            self.check_comparison(name, metric, c, counted)
        return comparisons

    def check_comparison(self, name, metric, c, counted):
        verdict, lift, low, high = c.get("verdict"), c.get("lift"), c.get("ci_low"), c.get("ci_high")
        if verdict not in VERDICTS:
            raise ProtocolError(f"{name} {metric}: unknown verdict {verdict!r}")
        # The same formula on the counts the server reported (and, for revenue, the order values sent).
        (n_a, orders_a, values_a), (n_b, orders_b, values_b) = counted["A"], counted["B"]
        ref, checkable = None, True
        if metric == "conversion_rate":  # one order per customer here: orders are converted units
            p_a, p_b = (orders_a / n_a if n_a else 0), (orders_b / n_b if n_b else 0)
            ref = reference_interval(n_a, p_a, p_a * (1 - p_a), n_b, p_b, p_b * (1 - p_b))
        elif values_a is not None and values_b is not None and n_a >= 2 and n_b >= 2:
            def mean_var(values, n):
                total, squares = sum(values), sum(v * v for v in values)
                return total / n, max(0.0, (squares - total * total / n) / (n - 1))
            ref = reference_interval(n_a, *mean_var(values_a, n_a), n_b, *mean_var(values_b, n_b))
        else:
            checkable = False
        if None in (lift, low, high):
            if verdict != "not_enough_data":
                self.anomaly(f"{name} {metric}: verdict {verdict} without an interval")
            if checkable and ref is not None:
                self.anomaly(f"{name} {metric}: no interval, recomputed ({ref[1]:.5f}, {ref[2]:.5f})")
            return
        if not low <= lift <= high:
            self.anomaly(f"{name} {metric}: lift {lift} outside its interval [{low}, {high}]")
        expected = "ahead_conclusive" if low > 0 else "behind_conclusive" if high < 0 else "inconclusive"
        if verdict != expected:
            self.anomaly(f"{name} {metric}: verdict {verdict} for the interval [{low:.4f}, {high:.4f}]")
        if not checkable:
            return
        with self.lock:
            self.reference_checked += 1
        if ref is None or any(abs(x - y) > 1e-6 * (1 + abs(y)) for x, y in zip((lift, low, high), ref)):
            shown = "none" if ref is None else f"({ref[0]:.5f}, {ref[1]:.5f}, {ref[2]:.5f})"
            self.anomaly(f"{name} {metric}: server ({lift:.5f}, {low:.5f}, {high:.5f}), recomputed {shown}")

    def experiment(self, placement, name, lift):
        """One experiment over all days: each metric's verdict at each daily look, and the last look."""
        rng = random.Random(f"{self.args.seed}:{name}")  # the same draws whichever lane runs it
        self.client.call("POST", "/v1/experiments", {"name": name, "placement": placement, "arms": ARMS})
        with self.lock:
            self.history.setdefault(placement, []).append(name)
        units, verdicts, last = [], {m: [] for m in METRICS}, None
        try:
            for day in range(self.args.days):
                if self.stop.is_set():
                    raise Stopped()
                for i in range(self.args.units_per_day):
                    value = max(0.01, round(rng.lognormvariate(math.log(ORDER_MEDIAN), ORDER_SIGMA), 2))
                    customer = f"{name}-{day * self.args.units_per_day + i:04d}"
                    units.append(self.visit(placement, name, customer, rng.random(), value, lift))
                # The server counts nothing of the second it reads in: wait for the next one, so that this look
                # sees every customer and order sent so far (and nothing of the next day, which starts after it).
                wait_past(max(max(u["exposed"][1], u["ordered_at"] or 0) for u in units))
                last = self.look(name, units)
                for metric in METRICS:
                    verdicts[metric].append(last[metric]["verdict"])
        finally:
            try:
                self.client.call("POST", f"/v1/experiments/{name}/stop")
            except ProtocolError:
                pass
        return {"verdicts": verdicts, "last": last, "units": len(units),
                "orders": sum(u["ordered_at"] is not None for u in units)}

    def lane(self, placement, jobs, runs, progress):
        """Runs experiments of `jobs` on one placement, one after the other, until the queue is empty."""
        while not self.stop.is_set():
            try:
                kind, name, lift = jobs.get_nowait()
            except queue.Empty:
                return
            runs[kind][name] = self.experiment(placement, name, lift)
            progress()

    def boundary_probe(self):
        """Are an order and an exposure of the very second of a read counted (documented: "not after the read")?

        Returns (orders counted, exposures counted), or None when no read fell in the same second.
        """
        name = f"sim{self.args.seed}-probe"
        self.client.call("POST", "/v1/experiments", {"name": name, "placement": "home", "arms": ARMS})
        self.history["home"] = [name]
        try:
            first = self.visit("home", name, f"{name}-0000", 0.0, 25.0, 0.0)  # draw 0: it orders
            for attempt in range(3):
                wait_past(int(time.time()))
                second = int(time.time())
                order = {"id": f"O-{name}-{attempt}", "customer_id": f"{name}-0000", "created_at": iso(second),
                         "lines": [{"sku": "SIM-PROBE", "quantity": 1, "unit_price": "10.00"}]}
                self.client.call("POST", "/v1/orders", order)
                newcomer = self.visit("home", name, f"{name}-{attempt + 1:04d}", 1.0, 25.0, 0.0)  # draw 1: no order
                results = self.client.call("GET", f"/v1/experiments/{name}")
                if int(time.time()) != second or newcomer["exposed"][0] != second:
                    continue
                arms = {a["name"]: a for a in results["arms"]}
                # Everything of earlier seconds counts: the first visit and order, earlier attempts.
                orders_counted = arms[first["arm"]]["orders"] == attempt + 2
                exposures_counted = sum(a["units"] for a in arms.values()) == attempt + 2
                return orders_counted, exposures_counted
            return None
        finally:
            self.client.call("POST", f"/v1/experiments/{name}/stop")


def run(args, client, started):
    sim = Simulation(args, client)
    probe = sim.boundary_probe()
    jobs = queue.Queue()
    for index in range(args.experiments):
        for kind, lift in (("lift", args.lift), ("aa", 0.0)):
            jobs.put((kind, f"sim{args.seed}-{kind}-{index + 1:03d}", lift))
    total = jobs.qsize()
    runs = {"lift": {}, "aa": {}}
    done = [0]

    def progress():
        with sim.lock:
            done[0] += 1
            if done[0] % max(1, total // 10) == 0 or done[0] == total:
                print(f"  {done[0]}/{total} experiments, {client.requests:,} requests, "
                      f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    error = None
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(args.placements)) as pool:
        lanes = [pool.submit(sim.lane, p, jobs, runs, progress) for p in args.placements]
        try:
            for lane in concurrent.futures.as_completed(lanes):
                try:
                    lane.result()
                except Stopped:
                    pass
                except ProtocolError as failure:
                    error = error or str(failure)
                    sim.stop.set()
        except BaseException:  # Ctrl-C, SIGTERM or a bug here: the other lanes stop after their current day
            sim.stop.set()
            raise
    return sim, probe, runs, error


def percent(count, total):
    return f"{100 * count / total:.1f}% ({count}/{total})" if total else "n/a"


def nearest_rank(values, q):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def days_text(value, days):
    return f"> {days} (not yet)" if math.isinf(value) else f"{value:g}"


def report(args, sim, probe, runs, requests, wall, error, server):
    lift_runs, aa_runs = list(runs["lift"].values()), list(runs["aa"].values())
    print(f"traffic-simulator: {len(lift_runs)} planted-lift (+{args.lift:.0%}) and {len(aa_runs)} A/A experiments, "
          f"{args.days} days × {args.units_per_day} new customers, conversion {args.conversion:.0%}, "
          f"seed {args.seed}, placements {','.join(args.placements)}")
    units = sum(r["units"] for r in lift_runs + aa_runs)
    orders = sum(r["orders"] for r in lift_runs + aa_runs)
    print(f"requests sent: {requests:,} ({units:,} customers, {orders:,} orders, {sim.looks:,} result reads); "
          f"wall time {wall / 60:.1f} min ({requests / max(wall, 1e-9):.0f} requests/s)")
    failures = []
    if error:
        print(f"PROTOCOL ERROR: {error}")
        tail = server.log_tail()
        if tail:
            print("server log (last lines):\n" + tail.rstrip())
        failures.append("protocol error")
    width = 29
    print(f"{'':{width}} {'conversion_rate':>22} {'revenue_per_unit':>22}   bar")

    def line(title, cells, tail=""):
        print(f"{title:{width}} " + " ".join(f"{cell:>22}" for cell in cells) + tail)

    covered = {m: sum(r["last"][m]["ci_low"] is not None and r["last"][m]["ci_high"] is not None
                      and r["last"][m]["ci_low"] <= args.lift <= r["last"][m]["ci_high"] for r in lift_runs)
               for m in METRICS}
    line("coverage of the true lift", [percent(covered[m], len(lift_runs)) for m in METRICS],
         f"   ≥ {COVERAGE_BAR:.0%}")
    false_positives = {m: sum(any(v in CONCLUSIVE for v in r["verdicts"][m]) for r in aa_runs) for m in METRICS}
    line("A/A false positives", [percent(false_positives[m], len(aa_runs)) for m in METRICS],
         f"   ≤ {FALSE_POSITIVE_BAR:.0%} ({args.days} daily looks)")
    first_day = {m: [next((d + 1 for d, v in enumerate(r["verdicts"][m]) if v in CONCLUSIVE), math.inf)
                     for r in lift_runs] for m in METRICS}
    line("planted: conclusive by end", [percent(sum(not math.isinf(d) for d in first_day[m]), len(lift_runs))
                                        for m in METRICS])
    if lift_runs:
        line("planted: days to conclusive", ["median " + days_text(statistics.median_low(first_day[m]), args.days)
                                             for m in METRICS])
        line("", ["p80 " + days_text(nearest_rank(first_day[m], 0.8), args.days) for m in METRICS])
    planned = planner_days(server.binary, args)
    if planned:
        line("planner: days at 80% power", [planned.get(m, "-") for m in METRICS])
    line("planted: B declared behind", [str(sum("behind_conclusive" in r["verdicts"][m] for r in lift_runs))
                                        for m in METRICS])
    print(f"consistency: {len(sim.anomalies)} anomalies in {sim.looks:,} looks (counts, revenue, verdicts; "
          f"{sim.reference_checked:,} intervals recomputed here)")
    for text in sim.anomalies[:10]:
        print(f"  {text}")
    if sim.misrouted:
        print(f"routing: {sim.misrouted:,} recommendation answers in {len(sim.misrouted_in)} experiments named no "
              f"experiment or the one stopped before, up to {sim.misrouted_for:.1f} s after the first try (a create "
              "or stop racing other requests); those customers were asked again")
    if probe is not None:
        orders_counted, exposures_counted = probe
        missed = [w for w, ok in (("orders", orders_counted), ("exposures", exposures_counted)) if not ok]
        print("boundary probe: " + ("orders and exposures of the second the results are read in are counted"
                                    if not missed else " and ".join(missed) + " of the second the results are read in "
                                    "are NOT counted (only from the next second on)"))
    if not args.quick:
        for metric in METRICS:
            if covered[metric] < COVERAGE_BAR * len(lift_runs):
                failures.append(f"coverage of {metric} below {COVERAGE_BAR:.0%}")
            if false_positives[metric] > FALSE_POSITIVE_BAR * len(aa_runs):
                failures.append(f"A/A false positives of {metric} above {FALSE_POSITIVE_BAR:.0%}")
        if sim.anomalies:
            failures.append(f"{len(sim.anomalies)} anomalies")
    print("RESULT: " + ("FAIL: " + "; ".join(failures) if failures else "pass") + (" (quick)" if args.quick else ""))
    return 1 if failures else 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=None,
                        help="the regulars binary (default .build/release/regulars, else .build/debug/regulars)")
    parser.add_argument("--experiments", type=int, default=None, help="experiments per series (default 200)")
    parser.add_argument("--units-per-day", type=int, default=40, help="new customers per simulated day")
    parser.add_argument("--days", type=int, default=None, help="simulated days, one look each (default 10)")
    parser.add_argument("--conversion", type=float, default=0.3, help="conversion rate of arm A")
    parser.add_argument("--lift", type=float, default=0.2, help="planted relative lift of arm B")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--port", type=int, default=18291)
    parser.add_argument("--placements", default=",".join(PLACEMENTS),
                        help="comma-separated placements, each running its experiments one after another in "
                             "parallel with the others (default: all seven)")
    parser.add_argument("--quick", action="store_true",
                        help="6 + 6 experiments of 4 days: checks the plumbing, not the statistics")
    args = parser.parse_args()
    if args.experiments is None:
        args.experiments = 6 if args.quick else 200
    if args.days is None:
        args.days = 4 if args.quick else 10
    args.placements = [p.strip() for p in args.placements.split(",") if p.strip()]
    distinct = len(set(args.placements)) == len(args.placements)
    if not args.placements or not set(args.placements) <= set(PLACEMENTS) or not distinct:
        parser.error(f"--placements: expected distinct names among {','.join(PLACEMENTS)}")
    if args.experiments < 1 or args.days < 1 or args.units_per_day < 2:
        parser.error("expected --experiments ≥ 1, --days ≥ 1 and --units-per-day ≥ 2")
    if not 0 < args.conversion < 1 or args.lift < 0 or args.conversion * (1 + args.lift) > 1:
        parser.error("expected 0 < conversion < 1 and 0 ≤ lift with conversion × (1 + lift) ≤ 1")
    # Worst case (every customer orders): two requests a customer, a read a day, a create and a stop an experiment.
    planned = 2 * args.experiments * (args.days * (2 * args.units_per_day + 1) + 2) + 20
    if planned > MAX_REQUESTS:
        parser.error(f"up to {planned:,} requests planned, the limit is {MAX_REQUESTS:,}: fewer experiments or units")
    args.binary = resolve_binary(parser, args.binary)
    return args


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` stops the server on kill too
    started = time.monotonic()
    server = Server(args.binary, args.port)
    try:
        server.start()
        client = Client(args.port, server.key, MAX_REQUESTS)
        try:
            sim, probe, runs, error = run(args, client, started)
        except ProtocolError as failure:  # in the boundary probe, before any lane started
            sim, probe, runs, error = Simulation(args, client), None, {"lift": {}, "aa": {}}, str(failure)
        return report(args, sim, probe, runs, client.requests, time.monotonic() - started, error, server)
    except KeyboardInterrupt:
        print("traffic-simulator: interrupted", file=sys.stderr)
        return 130
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as failure:
        print(f"traffic-simulator: setting up the demo shop failed: {failure}", file=sys.stderr)
        return 1
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
