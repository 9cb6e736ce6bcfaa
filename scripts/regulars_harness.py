"""What the scripts that run a real `regulars serve` share (traffic-simulator.py, crash-suite.py, soak.py)."""

import http.client
import os
import subprocess


def health_ok(port):
    """Whether a server on 127.0.0.1:port answers GET /health with 200."""
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/health")
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except (OSError, http.client.HTTPException):
        return False


def stop(process):
    """SIGTERM, then SIGKILL after 10 s: a server that hangs on shutdown still ends."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def log_tail(path, lines=20):
    """The last lines of a log file, for a failure message; empty when it cannot be read."""
    try:
        with open(path, errors="replace") as log:
            return "".join(log.readlines()[-lines:])
    except OSError:
        return ""


def resolve_binary(parser, binary):
    """The regulars binary: the one given, else .build/release/regulars, else .build/debug/regulars; a parser
    error when it is not there."""
    if binary is None:
        here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        candidates = [os.path.join(here, ".build", kind, "regulars") for kind in ("release", "debug")]
        binary = next((c for c in candidates if os.path.exists(c)), candidates[0])
    binary = os.path.abspath(binary)
    if not os.access(binary, os.X_OK):
        parser.error(f"no regulars binary at {binary}: build it or pass --binary")
    return binary
