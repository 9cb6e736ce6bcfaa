#!/usr/bin/env python3
"""Crash suite: kill -9 a real `regulars` at random moments and check that nothing committed or acknowledged is lost.

Three kinds, --rounds rounds each; the kill moments are drawn from --seed (the same seed kills at the same offsets).
For import and train, even rounds kill anywhere in the duration of one uncut run, odd rounds in its last 30 %
(nearer to where the import commits and training writes its file); a round whose process exits by itself before its
kill moment shortens that duration to its own:

  import  `regulars import orders` of a 100,000-row generic CSV into a store that already holds a smaller import
          (every fifth round into an empty store instead, where the import also drops and rebuilds the order
          indexes). Checked: PRAGMA integrity_check is ok and foreign_key_check empty; the store is exactly as
          before the import or exactly as after one uncut import (order lines, orders, customers, products,
          Σ quantity × unit price, import log, indexes); the next import of the same file succeeds and gives the
          uncut result.
  train   `regulars train` on the demo shop, which already has model versions. Checked: no earlier version file
          went missing or changed; every new vNNNN.models file is complete (its header parses, its body is as long as it says);
          `regulars recommend --json` still answers with items (the newest version serves); integrity_check ok.
          Every fourth round kills as soon as a new file appears in shop.models/ (the atomic write's temporary
          file, a few milliseconds before its rename). Files other than vNNNN.models left there (an atomic write
          cut short) are reported, not failed.
  events  `regulars serve` on a copy of the demo shop while 4 threads POST batches of 1-10 events with unique ids to
          /v1/events with a secret key, killed at a random moment in the first 1.5 s of the burst. Checked, with
          the sqlite3 shell once the server is dead: every event id of a batch answered 200 is in the `event`
          table; integrity_check ok. Every round restarts the server on the crashed store (it must answer
          /health), and so does a last start after the final round.

Usage: scripts/crash-suite.py [--binary PATH] [--rounds 100] [--seed 1] [--kinds import,train,events]
         [--port 18391] [--workdir DIR] [--keep]
CI runs --rounds 20 (about three minutes with a debug binary on two cores). The work folder (a fresh one under
--workdir, default the system's temporary folder) is removed at the end unless a check failed or --keep is given.
Exit status 1 when a check fails: each failure is listed with its round and kill moment.
Python 3 standard library and the sqlite3 command-line shell.
"""

import argparse
import csv
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regulars_harness import health_ok, resolve_binary  # noqa: E402  (beside this script)

KINDS = ("import", "train", "events")
AS_OF = "2025-06-30"  # the demo shop's last day
IMPORT_ROWS = 100_000
SMALL_OVERLAP_ORDERS = 1_500  # the smaller import repeats these orders of the big file at other prices …
SMALL_OWN_ROWS = 5_000  # … and has rows of its own
DATA_SEED = 1  # the CSV files are the same whatever --seed; --seed only moves the kills
EMPTY_EVERY = 5  # every fifth import round starts from an empty store
WATCH_EVERY = 4  # every fourth train round kills as soon as the model file's temporary file appears
SENDERS = 4
BURST_SECONDS = 1.5  # events: the kill falls in the first BURST_SECONDS of the burst
MODEL_FILE = re.compile(r"^v\d{4,}\.models$")
FINGERPRINT_SQL = """
SELECT (SELECT count(*) FROM orderLine), (SELECT count(*) FROM shopOrder), (SELECT count(*) FROM customer),
       (SELECT count(*) FROM product), (SELECT sum(quantity * unitPrice) FROM orderLine),
       (SELECT count(*) FROM importLog),
       (SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name));
"""
FINGERPRINT_FIELDS = ("lines", "orders", "customers", "products", "Σ quantity × price", "import log", "indexes")


class Failed(Exception):
    """A check of one round failed."""


class Processes:
    """Every process this script starts, so that an interrupted run leaves none behind."""

    def __init__(self):
        self.live = []

    def start(self, argv, log_path, cwd=None):
        log = open(log_path, "a")
        # A session of its own: a Ctrl-C in the terminal reaches this script, which then kills the process.
        process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        log.close()
        self.live.append(process)
        return process

    def kill9(self, process):
        """SIGKILL and reap; True when the signal landed (the process had not exited by itself)."""
        process.send_signal(signal.SIGKILL)  # a no-op once the process has been reaped
        process.wait()
        self.live.remove(process)
        return process.returncode == -signal.SIGKILL

    def finish(self, process, timeout):
        """Waits for a process that should exit by itself; kills it after `timeout` seconds."""
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill9(process)
            raise Failed(f"{' '.join(process.args[1:4])}… did not finish within {timeout:.0f} s")
        self.live.remove(process)
        return process.returncode

    def kill_all(self):
        for process in list(self.live):
            self.kill9(process)


def run(argv, timeout, cwd=None):
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def sqlite(path, sql):
    done = subprocess.run(["sqlite3", "-batch", "-bail", path], input=sql, capture_output=True, text=True,
                          timeout=120)
    if done.returncode != 0:
        raise Failed(f"sqlite3 {os.path.basename(path)}: {done.stderr.strip()}")
    return done.stdout


def check_integrity(path):
    """PRAGMA integrity_check and foreign_key_check, with the sqlite3 shell (after the writer is dead)."""
    result = sqlite(path, "PRAGMA integrity_check;").strip()
    if result != "ok":
        raise Failed(f"integrity_check: {result[:500]}")
    dangling = sqlite(path, "PRAGMA foreign_key_check;").strip()
    if dangling:
        raise Failed(f"foreign_key_check: {len(dangling.splitlines())} rows, e.g. {dangling.splitlines()[0]}")


def fingerprint(path):
    return tuple(sqlite(path, FINGERPRINT_SQL).strip().split("|", len(FINGERPRINT_FIELDS) - 1))


def describe(print_):
    return ", ".join(f"{name} {value}" for name, value in zip(FINGERPRINT_FIELDS[:-1], print_))


def remove_store(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def tail(path, lines=8):
    try:
        with open(path, errors="replace") as log:
            return "".join(log.readlines()[-lines:]).strip()
    except OSError:
        return ""


def sleep_until(process, started, moment):
    """Sleeps until `moment` seconds after `started`; returns early, with the seconds the process took, if it exits
    by itself first (the window then shrinks to that: the uncut run it was measured from may have been slow)."""
    while True:
        elapsed = time.monotonic() - started
        if elapsed >= moment:
            return None
        if process.poll() is not None:
            return elapsed
        time.sleep(min(moment - elapsed, 0.005))


def kill_moment(rng, number, seconds):
    """Even rounds: anywhere in the uncut run. Odd rounds: in its last 30 %, nearer to where the import commits
    and training writes its file."""
    return rng.uniform(0, seconds) if number % 2 == 0 else rng.uniform(0.7 * seconds, seconds)


class Tally:
    def __init__(self, kind):
        self.kind = kind
        self.rounds = 0
        self.landed = 0  # SIGKILL reached a running process
        self.survived = 0  # … and every check passed
        self.finished_first = 0  # the process exited by itself before the kill moment
        self.failures = []
        self.notes = {}
        self.strays = {}  # train: files other than model versions left in the models folder, and their sizes

    def note(self, key, count=1):
        self.notes[key] = self.notes.get(key, 0) + count


# ---------------------------------------------------------------------------------------------------------------
# import


def write_orders_csvs(folder):
    """big.csv: IMPORT_ROWS generic order lines (~33,000 orders, 5,000 customers, 500 SKUs over 2023-2024);
    small.csv: the first SMALL_OVERLAP_ORDERS orders of big.csv at other prices, and SMALL_OWN_ROWS rows of its own."""
    rng = random.Random(DATA_SEED)
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)
    header = ["order_id", "customer_id", "ordered_at", "sku", "product_name", "category", "quantity", "unit_price"]

    def orders(prefix, rows):
        out, number = [], 0
        while len(out) < rows:
            number += 1
            customer = f"C-{rng.randrange(5000):05d}"
            at = (start + datetime.timedelta(seconds=rng.randrange(2 * 365 * 86400))).strftime("%Y-%m-%dT%H:%M:%SZ")
            for _ in range(rng.randint(1, 5)):
                if len(out) == rows:
                    break
                sku = rng.randrange(500)
                out.append([f"{prefix}-{number:06d}", customer, at, f"SKU-{sku:04d}", f"Product {sku}",
                            f"Category {sku % 20}", rng.randint(1, 3), f"{sku % 97 + 1}.{sku % 100:02d}"])
        return out

    big = orders("O", IMPORT_ROWS)
    overlap = [row[:7] + [f"{float(row[7]) + 1:.2f}"] for row in big
               if int(row[0][2:]) <= SMALL_OVERLAP_ORDERS]
    small = overlap + orders("P", SMALL_OWN_ROWS)
    paths = {}
    for name, rows in (("big", big), ("small", small)):
        paths[name] = os.path.join(folder, f"{name}.csv")
        with open(paths[name], "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(header)
            writer.writerows(rows)
    return paths["big"], paths["small"]


class ImportKind:
    def __init__(self, args, procs, folder):
        self.args, self.procs, self.folder = args, procs, folder
        self.big, self.small = write_orders_csvs(folder)
        self.bases, self.before, self.after = {}, {}, {}
        for empty in (False, True):
            base = os.path.join(folder, "empty.sqlite" if empty else "base.sqlite")
            code, _, err = run([args.binary, "--store", base, "stats"], timeout=60)  # creates the schema
            if code == 0 and not empty:
                code, _, err = run([args.binary, "--store", base, "import", "orders", self.small], timeout=300)
            if code != 0:
                raise SystemExit(f"crash-suite: preparing {base} failed: {err.strip()}")
            sqlite(base, "PRAGMA wal_checkpoint(TRUNCATE);")
            self.bases[empty] = base
            self.before[empty] = fingerprint(base)
        # One uncut import from each start: the "after" states, and the duration the kills fall within.
        self.seconds = {}
        for empty in (False, True):
            store = self.fresh_store(empty)
            started = time.monotonic()
            process = procs.start(self.import_argv(store), os.path.join(folder, "uncut.log"))
            if procs.finish(process, timeout=600) != 0:
                raise SystemExit("crash-suite: the uncut import failed:\n" + tail(os.path.join(folder, "uncut.log")))
            self.seconds[empty] = time.monotonic() - started
            check_integrity(store)
            self.after[empty] = fingerprint(store)
            if self.after[empty] == self.before[empty]:
                raise SystemExit("crash-suite: the uncut import changed nothing; the all-or-nothing check needs it to")
        print(f"import: {IMPORT_ROWS:,} rows; uncut import {self.seconds[False]:.2f} s "
              f"({self.seconds[True]:.2f} s into an empty store)")
        print(f"  before: {describe(self.before[False])}\n  after:  {describe(self.after[False])}")
        print(f"  into an empty store, after: {describe(self.after[True])}")

    def import_argv(self, store):
        return [self.args.binary, "--store", store, "import", "orders", self.big]

    def fresh_store(self, empty):
        store = os.path.join(self.folder, "round.sqlite")
        remove_store(store)
        shutil.copyfile(self.bases[empty], store)
        return store

    def round(self, number, rng, tally):
        empty = number % EMPTY_EVERY == EMPTY_EVERY - 1
        store = self.fresh_store(empty)
        moment = kill_moment(rng, number, self.seconds[empty])
        label = f"kill at {moment:.3f} s" + (", empty store" if empty else "")
        log = os.path.join(self.folder, "round.log")
        open(log, "w").close()
        process = self.procs.start(self.import_argv(store), log)
        took = sleep_until(process, time.monotonic(), moment)
        if took is not None:
            self.seconds[empty] = min(self.seconds[empty], took)
        landed = self.procs.kill9(process)
        try:
            if not landed and process.returncode != 0:
                raise Failed(f"the import exited with status {process.returncode} by itself: {tail(log)}")
            check_integrity(store)
            state = fingerprint(store)
            before, after = self.before[empty], self.after[empty]
            if state == before and (landed or process.returncode != 0):
                tally.note("store as before the import")
            elif state == after:
                tally.note("store as after the import (killed after its commit)" if landed else "import finished")
            else:
                raise Failed(f"neither all nor nothing: {describe(state)}; before: {describe(before)}; "
                             f"after: {describe(after)}" + ("" if state[-1] == after[-1] else
                                                            f"; indexes {state[-1]!r}, expected {after[-1]!r}"))
            again = self.procs.start(self.import_argv(store), log)
            if self.procs.finish(again, timeout=600) != 0:
                raise Failed(f"the next import of the same file failed: {tail(log)}")
            check_integrity(store)
            again_state, logged = fingerprint(store), int(state[5]) + 1  # one more import in the log
            if again_state != after[:5] + (str(logged),) + after[6:]:
                raise Failed(f"the next import gave {describe(again_state)}; expected {describe(after[:5])}, "
                             f"import log {logged}")
        except Failed as failure:
            return landed, f"{label}: {failure}"
        return landed, None


# ---------------------------------------------------------------------------------------------------------------
# train


def model_file_problem(path):
    """None when the file is a complete model file: a header line that parses, then as many body bytes as it says.
    (The body is Regulars' binary layout; `regulars recommend` below reads it in full.)"""
    with open(path, "rb") as file:
        data = file.read()
    newline = data.find(b"\n")
    parts = data[:newline].split(b" ", 2) if newline > 0 else []
    if len(parts) != 3 or parts[0] != b"REGULARS-MODELS":
        return "no REGULARS-MODELS header line"
    try:
        expected = json.loads(parts[2])["bodyBytes"]
    except (ValueError, KeyError) as error:
        return f"damaged header ({len(data):,} bytes): {error}"
    body = len(data) - newline - 1
    if body != expected:
        return f"truncated or damaged: {body:,} body bytes where the header says {expected:,}"
    return None


class DemoShop:
    """`regulars demo` once, in its own folder: the store, its model versions and a few ids to ask about."""

    def __init__(self, args, folder):
        self.folder = os.path.join(folder, "demo")
        os.mkdir(self.folder)
        started = time.monotonic()
        code, _, err = run([args.binary, "demo"], timeout=900, cwd=self.folder)
        if code != 0:
            raise SystemExit(f"crash-suite: `regulars demo` failed: {err.strip()[-2000:]}")
        self.store = os.path.join(self.folder, "regulars-demo.sqlite")
        sqlite(self.store, "PRAGMA wal_checkpoint(TRUNCATE);")
        self.customers = sqlite(self.store, "SELECT customerId FROM shopOrder GROUP BY customerId "
                                            "ORDER BY count(*) DESC, customerId LIMIT 20;").split()
        self.skus = sqlite(self.store, "SELECT sku FROM product ORDER BY sku LIMIT 50;").split()
        print(f"demo shop: {time.monotonic() - started:.1f} s")

    def copy(self, folder):
        """The store and its model versions, in `folder`; returns the store's path."""
        os.mkdir(folder)
        shutil.copyfile(self.store, os.path.join(folder, "regulars-demo.sqlite"))
        shutil.copytree(os.path.join(self.folder, "regulars-demo.models"), os.path.join(folder, "regulars-demo.models"))
        return os.path.join(folder, "regulars-demo.sqlite")


class TrainKind:
    def __init__(self, args, procs, folder, demo):
        self.args, self.procs = args, procs
        self.folder = os.path.join(folder, "train")
        self.store = demo.copy(self.folder)
        self.models = os.path.join(self.folder, "regulars-demo.models")
        self.customer = demo.customers[0]
        self.strays = set()
        log = os.path.join(self.folder, "uncut.log")
        started = time.monotonic()
        if procs.finish(procs.start(self.train_argv(), log), timeout=600) != 0:
            raise SystemExit("crash-suite: the uncut training failed:\n" + tail(log))
        self.seconds = time.monotonic() - started
        self.check_serves()
        print(f"train: uncut training {self.seconds:.2f} s; model versions {', '.join(sorted(self.versions()))}; "
              f"recommend asks for {self.customer}")

    def train_argv(self):
        return [self.args.binary, "--store", self.store, "--as-of", AS_OF, "train"]

    def versions(self):
        """{name: (size, mtime)} of the vNNNN.models files; other names go to `strays`."""
        found = {}
        for name in os.listdir(self.models):
            if MODEL_FILE.match(name):
                info = os.stat(os.path.join(self.models, name))
                found[name] = (info.st_size, info.st_mtime_ns)
            else:
                self.strays.add(name)
        return found

    def wait_for_write(self, process, known):
        """Polls the models folder until a file other than the known ones appears (the atomic write's temporary
        file, or a new version); returns the seconds since start, or None when training ended first."""
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < 5 * self.seconds + 30:
            names = set(os.listdir(self.models))
            if any(not MODEL_FILE.match(name) and name not in known for name in names):
                return time.monotonic() - started
            time.sleep(0.0002)
        return None

    def check_serves(self):
        argv = [self.args.binary, "--store", self.store, "--as-of", AS_OF, "recommend", "--placement", "home",
                "--customer", self.customer, "--json"]
        code, out, err = run(argv, timeout=120)
        if code != 0:
            raise Failed(f"recommend exited with status {code}: {err.strip()[-500:]}")
        try:
            items = json.loads(out)["items"]
        except (ValueError, KeyError, TypeError):
            raise Failed(f"recommend printed no JSON with items: {out[:300]!r}")
        if not items:
            raise Failed("recommend answered with no items")

    def round(self, number, rng, tally):
        before = self.versions()
        strays = set(self.strays)
        watch = number % WATCH_EVERY == WATCH_EVERY - 1
        moment = kill_moment(rng, number, self.seconds)
        log = os.path.join(self.folder, "round.log")
        open(log, "w").close()
        process = self.procs.start(self.train_argv(), log)
        if watch:
            moment = self.wait_for_write(process, strays)
            label = (f"kill at {moment:.3f} s, while the model file was being written" if moment is not None
                     else "kill once the models folder changed: it never did")
            if moment is not None:
                tally.note("killed while writing the model file")
        else:
            label = f"kill at {moment:.3f} s"
            took = sleep_until(process, time.monotonic(), moment)
            if took is not None:
                self.seconds = min(self.seconds, took)
        landed = self.procs.kill9(process)
        try:
            if not landed and process.returncode != 0:
                raise Failed(f"train exited with status {process.returncode} by itself: {tail(log)}")
            after = self.versions()
            gone = sorted(name for name in before if after.get(name) != before[name])
            if gone:
                raise Failed(f"earlier model versions missing or rewritten: {', '.join(gone)}")
            for name in sorted(set(after) - set(before)):
                tally.note("new version saved before the kill" if landed else "training finished")
                problem = model_file_problem(os.path.join(self.models, name))
                if problem:
                    raise Failed(f"{name}: {problem}")
            if self.strays - strays:
                tally.note("rounds leaving a stray file in the models folder")
            self.check_serves()
            check_integrity(self.store)
        except Failed as failure:
            return landed, f"{label}: {failure}"
        return landed, None


# ---------------------------------------------------------------------------------------------------------------
# events


class Sender(threading.Thread):
    """POSTs batches of events until the server is gone or `stop` is set; `acked` holds the ids of 200 batches."""

    def __init__(self, port, key, prefix, seed, customers, skus, stop):
        super().__init__(daemon=True)
        self.port, self.key, self.prefix, self.stop = port, key, prefix, stop
        self.rng = random.Random(seed)
        self.customers, self.skus = customers, skus
        self.acked, self.sent = [], 0
        self.unexpected = None  # an answer other than 200 while the server lived

    def run(self):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            while not self.stop.is_set():
                ids = [f"{self.prefix}-{self.sent + k:06d}" for k in range(self.rng.randint(1, 10))]
                self.sent += len(ids)
                events = [{"event_id": id_, "type": "product_view", "at": "2025-06-29T10:00:00Z",
                           "customer_id": self.rng.choice(self.customers), "sku": self.rng.choice(self.skus)}
                          for id_ in ids]
                connection.request("POST", "/v1/events", body=json.dumps({"events": events}),
                                   headers={"Authorization": f"Bearer {self.key}",
                                            "Content-Type": "application/json"})
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    self.unexpected = f"{response.status} {body[:200]!r}"
                    return
                if json.loads(body).get("received") != len(ids):
                    self.unexpected = f"receipt {body[:200]!r} for {len(ids)} events"
                    return
                self.acked.extend(ids)
        except (OSError, http.client.HTTPException, ValueError):
            return  # the server died under the request: its batch was not acknowledged


class EventsKind:
    def __init__(self, args, procs, folder, demo):
        self.args, self.procs, self.port = args, procs, args.port
        self.folder = os.path.join(folder, "events")
        self.store = demo.copy(self.folder)
        self.customers, self.skus = demo.customers, demo.skus
        code, out, err = run([args.binary, "--store", self.store, "keys", "create", "--scope", "secret", "--name",
                              "crash-suite", "--json"], timeout=60)
        if code != 0:
            raise SystemExit(f"crash-suite: creating a secret key failed: {err.strip()}")
        self.key = json.loads(out)["key"]
        self.log = os.path.join(self.folder, "serve.log")
        self.acked = self.in_flight = 0
        print(f"events: {SENDERS} senders, kill within the first {BURST_SECONDS} s of each burst")

    def start_server(self):
        """Starts the server on the store as the last round left it; raises Failed unless /health answers."""
        process = self.procs.start([self.args.binary, "--store", self.store, "--as-of", AS_OF, "serve", "--host",
                                    "127.0.0.1", "--port", str(self.port)], self.log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.procs.kill9(process)
                raise Failed(f"the server exited with status {process.returncode} on start: {tail(self.log)}")
            if health_ok(self.port):
                return process
            time.sleep(0.05)
        self.procs.kill9(process)
        raise Failed(f"the server did not answer /health within 60 s: {tail(self.log)}")

    def round(self, number, rng, tally):
        moment = rng.uniform(0.05, BURST_SECONDS)
        label = f"kill at {moment:.3f} s of the burst"
        prefix = f"crash-r{number:04d}"
        try:
            server = self.start_server()
        except Failed as failure:
            return False, f"restart before the burst: {failure}"
        stop = threading.Event()
        senders = [Sender(self.port, self.key, f"{prefix}-t{t}", rng.randrange(2**32), self.customers, self.skus,
                          stop) for t in range(SENDERS)]
        for sender in senders:
            sender.start()
        time.sleep(moment)
        landed = self.procs.kill9(server)
        stop.set()
        for sender in senders:
            sender.join(timeout=30)
        try:
            if not landed:
                raise Failed(f"the server exited with status {server.returncode} by itself: {tail(self.log)}")
            if any(sender.is_alive() for sender in senders):
                raise Failed("a sender still waits for an answer 30 s after the kill")
            unexpected = [sender.unexpected for sender in senders if sender.unexpected]
            if unexpected:
                raise Failed(f"the live server answered a batch with {unexpected[0]}")
            acked = {id_ for sender in senders for id_ in sender.acked}
            if not acked:
                tally.note("rounds killed before any batch was acknowledged")
            check_integrity(self.store)
            stored = set(sqlite(self.store, f"SELECT eventId FROM event WHERE eventId LIKE '{prefix}-%';").split())
            lost = sorted(acked - stored)
            if lost:
                raise Failed(f"{len(lost)} of {len(acked)} acknowledged events are not stored, e.g. {lost[:3]}")
            tally.note("events acknowledged", len(acked))
            tally.note("events stored without an answer (in flight at the kill)", len(stored - acked))
        except Failed as failure:
            return landed, f"{label}: {failure}"
        return landed, None

    def last_restart(self, tally):
        try:
            server = self.start_server()
            self.procs.kill9(server)
        except Failed as failure:
            tally.failures.append(f"the last restart: {failure}")


# ---------------------------------------------------------------------------------------------------------------


def report(tallies, seconds, folder, kept):
    print("\n== summary")
    print(f"{'kind':8} {'rounds':>6} {'kills':>6} {'survived':>8} {'exited first':>12} {'failures':>8}")
    for tally in tallies:
        print(f"{tally.kind:8} {tally.rounds:6} {tally.landed:6} {tally.survived:8} {tally.finished_first:12} "
              f"{len(tally.failures):8}")
        for key, count in sorted(tally.notes.items()):
            print(f"           {key}: {count:,}")
    for tally in (tally for tally in tallies if tally.strays):
        names = sorted(tally.strays)
        print(f"  {tally.kind}: {len(names)} files ({sum(tally.strays.values()) / 2**20:.1f} MB) left in the models "
              f"folder that are not model versions: {', '.join(names[:3])}" + (" …" if len(names) > 3 else ""))
    failures = [(tally.kind, failure) for tally in tallies for failure in tally.failures]
    for kind, failure in failures:
        print(f"FAIL {kind}: {failure}")
    print(f"{seconds:.0f} s in all" + (f"; the work folder is kept: {folder}" if kept else ""))
    print("RESULT: " + (f"FAIL ({len(failures)} failures)" if failures else "pass"))
    return 1 if failures else 0


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=None,
                        help="the regulars binary (default .build/release/regulars, else .build/debug/regulars)")
    parser.add_argument("--rounds", type=int, default=100, help="kills per kind (default 100; CI 20)")
    parser.add_argument("--seed", type=int, default=1, help="draws the kill moments")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated, among import,train,events")
    parser.add_argument("--port", type=int, default=18391, help="the events kind's server port on 127.0.0.1")
    parser.add_argument("--workdir", default=tempfile.gettempdir(), help="where the work folder is made")
    parser.add_argument("--keep", action="store_true", help="keep the work folder even when every check passes")
    args = parser.parse_args()
    args.kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    if not args.kinds or not set(args.kinds) <= set(KINDS):
        parser.error(f"--kinds: expected names among {','.join(KINDS)}")
    if args.rounds < 1:
        parser.error("expected --rounds ≥ 1")
    args.binary = resolve_binary(parser, args.binary)
    if shutil.which("sqlite3") is None:
        parser.error("the sqlite3 shell is missing (apt-get install sqlite3)")
    return args


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` kills what runs on kill too
    if "events" in args.kinds and health_ok(args.port):
        raise SystemExit(f"crash-suite: something already answers on 127.0.0.1:{args.port}; pass --port")
    started = time.monotonic()
    folder = tempfile.mkdtemp(prefix="regulars-crash-", dir=args.workdir)
    procs = Processes()
    tallies = []
    try:
        print(f"crash-suite: {args.rounds} rounds of {', '.join(args.kinds)}, seed {args.seed}, in {folder}")
        demo = DemoShop(args, folder) if {"train", "events"} & set(args.kinds) else None
        for kind in args.kinds:
            runner = {"import": lambda: ImportKind(args, procs, folder),
                      "train": lambda: TrainKind(args, procs, folder, demo),
                      "events": lambda: EventsKind(args, procs, folder, demo)}[kind]()
            tally = Tally(kind)
            tallies.append(tally)
            rng = random.Random(f"{args.seed}-{kind}")  # each kind's moments do not depend on the others
            kind_started = time.monotonic()
            for number in range(args.rounds):
                landed, failure = runner.round(number, rng, tally)
                tally.rounds += 1
                tally.landed += landed
                tally.finished_first += not landed
                if failure:
                    tally.failures.append(f"round {number}: {failure}")
                    print(f"  {kind} round {number}: FAIL {failure}", flush=True)
                elif landed:
                    tally.survived += 1
            if kind == "events":
                runner.last_restart(tally)
            if kind == "train":
                tally.strays = {name: os.path.getsize(os.path.join(runner.models, name)) for name in runner.strays
                                 if os.path.exists(os.path.join(runner.models, name))}
            print(f"{kind}: {tally.rounds} rounds in {time.monotonic() - kind_started:.0f} s, "
                  f"{len(tally.failures)} failures", flush=True)
    except KeyboardInterrupt:
        print("crash-suite: interrupted", file=sys.stderr)
        return 130
    except (Failed, subprocess.TimeoutExpired) as failure:  # while preparing a kind, before its rounds
        print(f"crash-suite: setting up failed: {failure}; the work folder is kept: {folder}", file=sys.stderr)
        return 1
    finally:
        procs.kill_all()
    failed = any(tally.failures for tally in tallies)
    code = report(tallies, time.monotonic() - started, folder, kept=failed or args.keep)
    if not (failed or args.keep):
        shutil.rmtree(folder, ignore_errors=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
