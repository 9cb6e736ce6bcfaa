#!/usr/bin/env python3
"""Scale-out check: two `regulars serve` and two `regulars worker --all-shops` on one PostgreSQL database.

  1. Three shops (a, b, c) are created on the server as schemas of a fresh database, each given the demo shop's
     orders and products; shop a is trained once (model version 1) and gets a secret key.
  2. Two servers serve every shop (`serve --all-shops`) on two ports while 4 client threads (2 per server) ask for
     shop a's recommendations with its key (which routes them to shop a), each for a customer in turn, without the
     answer cache, for --seconds.
  3. A train job is queued for every shop (all three are stale). Two workers start; as soon as the first says it
     took a job it is killed with SIGKILL (its lease, --lease seconds, runs out and the other worker takes the job
     again). At a third of the load server A is killed with SIGKILL too, and started again 2 s later.
  4. Checked: every shop's train job is done exactly once (one done job each, no job parked or pending, one new
     model version file each); the surviving server B answered every request with 200; both servers serve shop a's
     new version within 5 s of its job finishing.
  With --replica (run as root, PostgreSQL's binaries on the machine) a streaming replica of the server is made with
  `pg_basebackup -R` on the next port and server B reads from it (`serve --read-store`); checked: B holds
  connections on the replica, and answers as above.

PostgreSQL: REGULARS_TEST_POSTGRES_URL names the server (.ci/run starts one); the script makes and drops its own
database there. Usage: scripts/scale-out.py [--binary PATH] [--seconds 20] [--lease 3] [--port 18411]
Exit status 1 when a check fails. Python 3 standard library and psql.
"""

import argparse
import glob
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from regulars_harness import health_ok, log_tail, resolve_binary, stop

AS_OF = "2025-06-30"


def psql(url, sql):
    subprocess.run(["psql", url, "-qAtc", sql], check=True, stdin=subprocess.DEVNULL, capture_output=True)


def postgres_bin():
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in re.findall(r"\d+", p)])
    return versions[-1] if versions else None


def start_replica(server_url, work):
    """A streaming replica of the server at `server_url`, made with pg_basebackup -R on the next port."""
    parts = urllib.parse.urlsplit(server_url)
    binaries = postgres_bin()
    if os.geteuid() != 0 or binaries is None:
        raise SystemExit("--replica: run as root on a machine with PostgreSQL's binaries")
    port = (parts.port or 5432) + 1
    root = tempfile.mkdtemp(prefix="regulars-replica-")
    shutil.chown(root, "postgres", "postgres")
    data = os.path.join(root, "data")
    as_postgres = ["runuser", "-u", "postgres", "--"]
    # A fast checkpoint: the default spreads it over minutes. A standby needs max_connections at least the primary's,
    # which a primary started with -c max_connections=… does not write into the configuration that is copied.
    subprocess.run(as_postgres + [f"{binaries}/pg_basebackup", "-h", parts.hostname or "127.0.0.1", "-p",
                                  str(parts.port or 5432), "-U", parts.username or "postgres", "-D", data, "-R",
                                  "-X", "stream", "-c", "fast"], check=True, stdin=subprocess.DEVNULL,
                   capture_output=True)
    connections = subprocess.run(["psql", server_url, "-qAtc", "SHOW max_connections"], check=True, text=True,
                                 capture_output=True, stdin=subprocess.DEVNULL).stdout.strip()
    log = os.path.join(root, "server.log")
    started = subprocess.run(
        as_postgres + [f"{binaries}/pg_ctl", "-D", data, "-l", log, "-w", "-t", "30", "-o",
                       f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections={connections}",
                       "start"], stdin=subprocess.DEVNULL, capture_output=True)
    if started.returncode != 0:
        raise SystemExit(f"the replica did not start:\n{log_tail(log)}")
    print(f"replica: a streaming replica on port {port}")
    return {"port": port, "root": root, "data": data, "bin": binaries}


def stop_replica(replica):
    subprocess.run(["runuser", "-u", "postgres", "--", f"{replica['bin']}/pg_ctl", "-D", replica["data"], "-m",
                    "fast", "-w", "stop"], stdin=subprocess.DEVNULL, capture_output=True)
    shutil.rmtree(replica["root"], ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--lease", type=int, default=3)
    parser.add_argument("--port", type=int, default=18411)
    parser.add_argument("--replica", action="store_true", help="server B reads from a streaming replica")
    args = parser.parse_args()
    binary = resolve_binary(parser, args.binary)
    server_url = os.environ.get("REGULARS_TEST_POSTGRES_URL")
    if not server_url:
        print("scale-out: REGULARS_TEST_POSTGRES_URL is unset: skipped (.ci/run starts a server and sets it)")
        return 0
    database = f"scaleout_{os.getpid()}"
    psql(server_url, f"CREATE DATABASE {database}")
    parts = urllib.parse.urlsplit(server_url)
    store = urllib.parse.urlunsplit(parts._replace(path="/" + database))
    work = tempfile.mkdtemp(prefix="regulars-scale-out-")
    env = dict(os.environ, REGULARS_HOME=work, REGULARS_STORE=store)
    processes = []
    failures = []
    replica = start_replica(server_url, work) if args.replica else None
    replica_store = None
    if replica:
        replica_store = urllib.parse.urlunsplit(
            parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{replica['port']}", path="/" + database))

    def run(*arguments):
        return subprocess.run([binary, *arguments], cwd=work, env=env, check=True, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL).stdout

    def start(name, *arguments):
        log = open(os.path.join(work, name + ".log"), "w")
        process = subprocess.Popen([binary, *arguments], cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
        processes.append(process)
        return process

    try:
        run("demo", "--store", os.path.join(work, "demo.sqlite"))
        exports = os.path.join(work, "regulars-demo")
        for shop in "abc":
            run("shops", "create", shop)
            run("--shop", shop, "import", "orders", os.path.join(exports, "orders_export.csv"))
            run("--shop", shop, "import", "products", os.path.join(exports, "products_export.csv"))
        run("--shop", "a", "--as-of", AS_OF, "train")
        secret = json.loads(run("--shop", "a", "keys", "create", "--scope", "secret", "--json"))["key"]
        customers = subprocess.run(
            ["psql", store, "-qAtc",
             "SELECT customerId FROM shop_a.shopOrder GROUP BY 1 HAVING count(*) >= 2 ORDER BY 1 LIMIT 500"],
            check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout.split()

        ports = {"A": args.port, "B": args.port + 1}
        servers = {}

        def serve(name):
            extra = ["--read-store", replica_store] if name == "B" and replica_store else []
            servers[name] = start(f"serve-{name}", "--as-of", AS_OF, "serve", "--all-shops", "--port",
                                  str(ports[name]), *extra)

        for name in ports:
            serve(name)
        for name, port in ports.items():
            deadline = time.time() + 60
            while not health_ok(port):
                if time.time() > deadline:
                    raise SystemExit(f"server {name} did not start:\n{log_tail(os.path.join(work, f'serve-{name}.log'))}")
                time.sleep(0.1)

        counts = {name: {"ok": 0, "failed": 0} for name in ports}
        lock = threading.Lock()
        stop_load = threading.Event()

        def load(name, offset):
            i = offset
            while not stop_load.is_set():
                i += 1
                customer = customers[i % len(customers)]
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", ports[name], timeout=5)
                    connection.request("GET", f"/v1/recommendations?placement=home&n=4&customer={customer}",
                                       headers={"Authorization": f"Bearer {secret}", "Cache-Control": "no-cache"})
                    status = connection.getresponse().status
                    connection.close()
                    ok = status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    time.sleep(0.05)  # a server that is down refuses at once: count, do not spin
                with lock:
                    counts[name]["ok" if ok else "failed"] += 1

        # Daemons: a check that fails half-way must not leave the script waiting for them at exit.
        threads = [threading.Thread(target=load, args=(name, k * 1000), daemon=True) for name in ports
                   for k in range(2)]
        for thread in threads:
            thread.start()
        started = time.time()

        for shop in "abc":
            run("--shop", shop, "jobs", "enqueue", "train")
        worker_args = ["worker", "--all-shops", "--lease", str(args.lease), "--poll", "0.2"]
        first = start("worker-1", *worker_args, "--name", "worker-1")
        start("worker-2", *worker_args, "--name", "worker-2")
        first_log = os.path.join(work, "worker-1.log")
        deadline = time.time() + 60
        while "took job" not in open(first_log).read():
            if time.time() > deadline or first.poll() is not None:
                raise SystemExit(f"worker-1 took no job:\n{log_tail(first_log)}")
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)
        killed_in = open(first_log).read().strip().splitlines()[-1]
        print(f"killed worker-1 in the middle of: {killed_in}")

        # Server A dies a third of the way into the load and comes back 2 s later.
        time.sleep(max(0, started + args.seconds / 3 - time.time()))
        servers["A"].send_signal(signal.SIGKILL)
        servers["A"].wait()
        time.sleep(2)
        serve("A")

        # Every shop's job done; when shop a's was, and when each server first served its new version.
        swapped = {}

        def watch():
            while len(swapped) < len(ports) and not stop_load.is_set():
                for name, port in ports.items():
                    if name in swapped:
                        continue
                    try:
                        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                        connection.request("GET", "/shops/a/health")
                        version = json.loads(connection.getresponse().read()).get("model_version")
                        connection.close()
                    except (OSError, http.client.HTTPException, ValueError):
                        version = None
                    if version == 2:
                        swapped[name] = time.time()
                time.sleep(0.05)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        deadline = time.time() + 120
        done_at = None
        while True:
            jobs = {shop: json.loads(run("--shop", shop, "jobs", "list", "--json")) for shop in "abc"}
            if done_at is None and all(job["state"] == "done" for job in jobs["a"]):
                done_at = time.time()
            if all(job["state"] in ("done", "parked") for shop in "abc" for job in jobs[shop]):
                break
            if time.time() > deadline:
                failures.append(f"jobs not finished in 120 s: {jobs}")
                break
            time.sleep(0.05)
        for shop in "abc":
            states = [(job["state"], job["attempts"], job["worker"]) for job in jobs[shop]]
            print(f"shop {shop}: jobs {states}")
            if [job["state"] for job in jobs[shop]] != ["done"]:
                failures.append(f"shop {shop}: expected one done job, got {states}")
            versions = sorted(os.listdir(os.path.join(work, "shops", f"{shop}.models")))
            expected = ["v0001.models", "v0002.models"] if shop == "a" else ["v0001.models"]
            if versions != expected:
                failures.append(f"shop {shop}: model files {versions}, expected {expected} (trained exactly once)")
        watch_deadline = (done_at or time.time()) + 10
        while len(swapped) < len(ports) and time.time() < watch_deadline:
            time.sleep(0.05)
        for name in ports:
            if name not in swapped or done_at is None:
                failures.append(f"server {name} did not serve version 2 within 10 s of the job finishing")
                continue
            # The job list is read every 50 ms or so: the job finished up to that long before `done_at`.
            delay = swapped[name] - done_at
            print(f"server {name} serves version 2 {delay:.2f} s after the job was seen finished")
            if delay > 5:
                failures.append(f"server {name} took {delay:.2f} s (more than 5) to serve the new version")

        time.sleep(max(0, started + args.seconds - time.time()))
        stop_load.set()
        for thread in threads + [watcher]:
            thread.join()
        for name in ports:
            print(f"server {name}: {counts[name]['ok']} answered 200, {counts[name]['failed']} failed"
                  + (" (killed and restarted)" if name == "A" else " (survivor)"))
        if replica_store:
            readers = subprocess.run(
                ["psql", replica_store, "-qAtc",
                 f"SELECT count(*) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()"],
                check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL).stdout.strip()
            print(f"server B: {readers} connections on the replica")
            if readers in ("", "0"):
                failures.append("server B holds no connection on the replica: its reads did not go there")
        if counts["B"]["failed"] or counts["B"]["ok"] == 0:
            failures.append(f"the surviving server B failed {counts['B']['failed']} requests")
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
            process.wait()
        if replica:
            stop_replica(replica)
        try:
            psql(server_url, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        except subprocess.CalledProcessError:
            pass
    if failures:
        print("scale-out: FAILED")
        for failure in failures:
            print("  " + failure)
        print(f"work folder kept: {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("scale-out: every shop trained exactly once, the survivor answered every request, both servers swapped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
