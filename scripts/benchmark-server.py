#!/usr/bin/env python3
"""Side-by-side benchmark of `iamsim serve` and moto's server (docs/performance.md, issue 12).

Usage:
    scripts/benchmark-server.py                      # build a release iamsim into .build-bench, measure both
    scripts/benchmark-server.py --iamsim PATH        # an iamsim already built (iamsim-server beside it)
    scripts/benchmark-server.py --no-moto            # iamsim only
    scripts/benchmark-server.py --scale-users 5000   # also: how cost grows with users and keys
    scripts/benchmark-server.py --wrk-seconds 0      # skip wrk
    Other options: --out DIR (figures and logs; default a mktemp folder), --scale-moto (grow moto too).

What it does, for each server (iamsim, then moto's `python -m moto.server` when moto is installed),
in one run:
  1. starts it on a free loopback port with fresh state: iamsim on a new database file seeded from
     the built-in lesson fixture (its clock follows real time), moto with its in-memory state;
  2. runs one workload of 1,003 sequential boto3 calls, in this order: 200 CreateUser,
     200 CreateAccessKey, 200 ListAccessKeys, 100 CreateVirtualMFADevice each followed by its
     EnableMFADevice (200 calls), 200 GetAccountSummary, 2 GenerateCredentialReport,
     1 GetCredentialReport; every call must succeed (boto3 retries are off);
  3. times each call on the client (time.perf_counter around the boto3 call) and on the server:
     iamsim logs the milliseconds it spent on each request (from the request's head to its
     answer, the HTTP parse by NIO excluded); moto is started through `moto.server.main` with
     its WSGI application wrapped in a timer (the same code as `python -m moto.server`, plus
     about 0.02 ms for the wrapper), which writes each request's time to a file. It reports, per
     action, p50 and p99 in ms, the whole workload's throughput (calls per second), and the
     ratios;
  4. with `wrk` installed: replays one signed read (GetAccountSummary, then ListAccessKeys) for N
     seconds at 1 and at 8 connections, and reports requests per second and p99 latency. Each
     request is signed just before its wrk run (iamsim, as AWS, refuses a signature more than 15
     minutes old; the run lasts seconds) and replayed unchanged, which SigV4 allows;
  5. with --scale-users N (at most 5,000, AWS's quota of users per account, which iamsim
     enforces): grows the account to N users, each new one with two access keys (AWS's limit per
     user), so 5,000 users hold 9,801 keys, and at 200 (the workload's end), 1,000 and N users,
     measures GetAccountSummary, ListAccessKeys, ListUsers (the first page and the last of
     MaxItems=100, and every page) and the credential report (generate until COMPLETE, then
     get); moto only with --scale-moto (it takes minutes);
  6. prints both servers' figures and their ratios, the targets of issue 12, the machine (nproc,
     CPU model, the load average before and after each phase), and writes everything as JSON
     (results.json) with the servers' logs into the --out folder.

MFA codes are real (an independent RFC 6238 implementation below, from the Base32StringSeed
CreateVirtualMFADevice returns). iamsim checks them and never accepts a device's code twice, but
each of the 100 devices is new: its pair is the previous and the current 30-second step's codes
on the wall clock, valid at once, so no call waits for a step to pass (iamsim accepts the pair's
second code up to ten steps behind now and one ahead, docs/totp.md).

The signing identity is the built-in fixture's root access key (AKIAIOSFODNN7EXAMPLE); moto
accepts any key. The first call to each server (GetAccountSummary) pays the connection's set-up
and is not counted.

Needs: python3 with boto3 (and moto for the side-by-side figures), wrk for step 4, swift to build.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import platform
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

import boto3
import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKLOAD_CALLS = 1003

# Issue 12's targets.
TARGET_SERVER_P50_MS = 0.3
TARGET_THROUGHPUT_RATIO = 4.0
TARGET_WRK_RATIO = 30.0

# moto's server, as `python -m moto.server` runs it, with its WSGI application wrapped in a timer
# that appends "Action milliseconds" per request to the file argv[1]. The body is read once and
# handed on, so moto sees the request unchanged.
MOTO_LAUNCHER = r"""
import io, sys, time, urllib.parse
import moto.server as server

timings = open(sys.argv[1], "a", buffering=1)

def timed(app):
    def application(environ, start_response):
        started = time.perf_counter()
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length) if length else b""
        environ["wsgi.input"] = io.BytesIO(body)
        fields = urllib.parse.parse_qs(environ.get("QUERY_STRING", "") + "&" + body.decode("latin-1"))
        answer = b"".join(app(environ, start_response))
        timings.write(f"{fields.get('Action', ['-'])[0]} {(time.perf_counter() - started) * 1000:.4f}\n")
        return [answer]
    return application

run_simple = server.run_simple
server.run_simple = lambda host, port, app, **options: run_simple(host, port, timed(app), **options)
server.main(sys.argv[2:])
"""

# iamsim-server's request line: "... ACTION IDENTITY STATUS[ ERROR] MS ms".
IAMSIM_LOG_LINE = re.compile(r"(\S+) (\S+) (\d{3})(?: \S+)? ([0-9.]+) ms\b")


def totp(base32_seed: str, step: int) -> str:
    """RFC 6238 code (SHA-1, 6 digits, 30 s) at time step `step`; an independent implementation."""
    key = base64.b32decode(base32_seed + "=" * (-len(base32_seed) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def load() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"


def note(message: str) -> None:
    print(f"benchmark-server: {message} (load {load()})", file=sys.stderr, flush=True)


def machine() -> dict:
    model = "?"
    if os.path.exists("/proc/cpuinfo"):
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break

    def version(command):
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return None

    try:
        import moto

        moto_version = moto.__version__
    except ImportError:
        moto_version = None
    commit = version(["git", "-C", REPO, "describe", "--always", "--dirty"])
    return {
        "nproc": os.cpu_count(), "cpu": model, "kernel": platform.release(), "python": platform.python_version(),
        "boto3": boto3.__version__, "botocore": botocore.__version__, "moto": moto_version,
        "wrk": version(["wrk", "--version"]) if shutil.which("wrk") else None, "iamsim_commit": commit,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"benchmark-server: the server exited early (status {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"benchmark-server: nothing listens on port {port} after {seconds} s")


class Server:
    """A running server, with where to read its per-request server times."""

    def __init__(self, name: str, process: subprocess.Popen, port: int, timings: str, parse, age_report=None):
        self.name, self.process, self.port, self.timings, self.parse = name, process, port, timings, parse
        # Makes the next GenerateCredentialReport build a new report (None: the server always does).
        self.age_report = age_report

    def mark(self) -> int:
        """Where the timings file ends once it stops growing (the last line of a wrk run may come
        after wrk exits); `since` reads the requests after it."""
        size = -1
        while size != os.path.getsize(self.timings):
            size = os.path.getsize(self.timings)
            time.sleep(0.2)
        return size

    def since(self, mark: int) -> list[tuple[str, float]]:
        """(action, server milliseconds) of each request answered since `mark`, in order."""
        time.sleep(0.05)  # the last line is written after the answer is sent
        with open(self.timings, "rb") as f:
            f.seek(mark)
            text = f.read().decode("utf-8", "replace")
        return [entry for entry in map(self.parse, text.splitlines()) if entry]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def parse_iamsim(line: str):
    match = IAMSIM_LOG_LINE.search(line)
    return (match.group(1), float(match.group(4))) if match else None


def parse_moto(line: str):
    action, _, milliseconds = line.partition(" ")
    return (action, float(milliseconds)) if milliseconds else None


def start_iamsim(binary: str, workdir: str) -> Server:
    port = free_port()
    database = os.path.join(workdir, "iamsim.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    log_path = os.path.join(workdir, "iamsim-serve.log")
    log = open(log_path, "w")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--db", database],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    wait_for_port(port, process)

    def age_report():
        # As AWS, iamsim answers GenerateCredentialReport with the report it has while that is
        # under 4 hours old: its account clock is moved past that (it then stands still).
        subprocess.run([binary, "clock", "advance", "4h1m", "--db", database], check=True, capture_output=True)

    return Server("iamsim", process, port, log_path, parse_iamsim, age_report)


def start_moto(workdir: str) -> Server:
    port = free_port()
    timings = os.path.join(workdir, "moto-timings.log")
    open(timings, "w").close()
    log = open(os.path.join(workdir, "moto.log"), "w")
    process = subprocess.Popen(
        [sys.executable, "-c", MOTO_LAUNCHER, timings, "-H", "127.0.0.1", "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return Server("moto", process, port, timings, parse_moto)


def client(port: int):
    return boto3.client(
        "iam", endpoint_url=f"http://127.0.0.1:{port}", region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


class Recorder:
    """Times boto3 calls on the client, in order."""

    def __init__(self):
        self.calls: list[tuple[str, float]] = []

    def __call__(self, action: str, method, **kwargs):
        start = time.perf_counter()
        result = method(**kwargs)
        self.calls.append((action, (time.perf_counter() - start) * 1000))
        return result


def workload(iam, call: Recorder) -> None:
    """The 1,003 calls. Each server starts with no users, so the names are fixed (wrk lists the first's keys)."""
    users = [f"bench-user-{i:03d}" for i in range(200)]
    for name in users:
        call("CreateUser", iam.create_user, UserName=name)
    for name in users:
        call("CreateAccessKey", iam.create_access_key, UserName=name)
    for name in users:
        call("ListAccessKeys", iam.list_access_keys, UserName=name)
    for i in range(100):
        device = call("CreateVirtualMFADevice", iam.create_virtual_mfa_device, VirtualMFADeviceName=f"bench-mfa-{i:03d}")
        seed = device["VirtualMFADevice"]["Base32StringSeed"]
        seed = seed.decode() if isinstance(seed, bytes) else seed
        step = int(time.time()) // 30
        call(
            "EnableMFADevice", iam.enable_mfa_device, UserName=users[i],
            SerialNumber=device["VirtualMFADevice"]["SerialNumber"],
            AuthenticationCode1=totp(seed, step - 1), AuthenticationCode2=totp(seed, step),
        )
    for _ in range(200):
        call("GetAccountSummary", iam.get_account_summary)
    for _ in range(2):
        call("GenerateCredentialReport", iam.generate_credential_report)
    call("GetCredentialReport", iam.get_credential_report)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def spread(values) -> dict:
    return {"count": len(values), "p50_ms": percentile(values, 0.5), "p99_ms": percentile(values, 0.99)}


def summarize(calls: list[tuple[str, float]], served: list[tuple[str, float]], seconds: float) -> dict:
    """Client and server times per action; `served` is in the same order as `calls`."""
    if len(served) != len(calls) or any(a != b for (a, _), (b, _) in zip(calls, served)):
        print(f"benchmark-server: {len(served)} server times for {len(calls)} calls; server times left out",
              file=sys.stderr)
        served = []
    actions: dict[str, dict] = {}
    for index, (action, milliseconds) in enumerate(calls):
        entry = actions.setdefault(action, {"client": [], "server": []})
        entry["client"].append(milliseconds)
        if served:
            entry["server"].append(served[index][1])
    figures = {
        "calls": len(calls), "seconds": seconds, "calls_per_second": len(calls) / seconds,
        "client_all": spread([m for _, m in calls]),
        "server_all": spread([m for _, m in served]) if served else None,
        "actions": {},
    }
    for action, entry in actions.items():
        figures["actions"][action] = {
            "client": spread(entry["client"]),
            "server": spread(entry["server"]) if entry["server"] else None,
        }
    return figures


def signed_read(port: int, action: str, params: str) -> tuple[dict, str]:
    body = f"Action={action}&Version=2010-05-08{params}"
    request = AWSRequest(
        method="POST", url=f"http://127.0.0.1:{port}/", data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "iam", REGION).add_auth(request)
    return dict(request.headers.items()), body


def run_wrk(server: Server, action: str, params: str, connections: int, seconds: int, workdir: str) -> dict:
    headers, body = signed_read(server.port, action, params)  # signed now: valid for 15 minutes
    script = os.path.join(workdir, f"wrk-{server.name}-{action}.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\n')
        f.write(f"wrk.body = {json.dumps(body)}\n")
        for name, value in headers.items():
            f.write(f"wrk.headers[{json.dumps(name)}] = {json.dumps(value)}\n")
        f.write(
            "done = function(summary, latency, requests)\n"
            '  io.write(string.format("RESULT %d %d %d %d %f %f\\n", summary.requests, summary.errors.status,'
            " summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,"
            " summary.duration, latency:percentile(50), latency:percentile(99)))\n"
            "end\n"
        )
    before = load()
    output = subprocess.run(
        ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "-s", script,
         f"http://127.0.0.1:{server.port}/"],
        capture_output=True, text=True, check=True,
    ).stdout
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) ([0-9.]+) ([0-9.]+)", output)
    requests, bad_status, socket_errors, duration_us, p50_us, p99_us = match.groups()
    result = {
        "action": action, "connections": connections, "requests": int(requests),
        "requests_per_second": int(requests) / (int(duration_us) / 1e6),
        "p50_ms": float(p50_us) / 1000, "p99_ms": float(p99_us) / 1000,
        "non_2xx": int(bad_status), "socket_errors": int(socket_errors), "load_before": before, "load_after": load(),
    }
    if result["non_2xx"]:
        raise SystemExit(f"benchmark-server: {server.name} answered {result['non_2xx']} non-2xx to wrk ({action})")
    return result


def scale(server: Server, iam, target: int) -> list[dict]:
    """Grows the account to `target` users with two keys each; measures reads at 200, 1,000 and `target` users."""
    points = sorted({200, *(n for n in (1000,) if n < target), target})
    results = []
    users = 200  # the workload's
    for point in points:
        grow_started = time.perf_counter()
        grown = point - users
        while users < point:
            name = f"scale-user-{users:05d}"
            iam.create_user(UserName=name)
            iam.create_access_key(UserName=name)
            iam.create_access_key(UserName=name)
            users += 1
        grow_seconds = time.perf_counter() - grow_started
        note(f"{server.name}: {point} users")
        record = Recorder()
        mark = server.mark()
        for _ in range(50):
            record("GetAccountSummary", iam.get_account_summary)
        for i in range(50):
            record("ListAccessKeys", iam.list_access_keys, UserName=f"bench-user-{i * 4:03d}")
        pages = []
        marker = None
        while True:
            started = time.perf_counter()
            page = iam.list_users(MaxItems=100, **({"Marker": marker} if marker else {}))
            pages.append((time.perf_counter() - started) * 1000)
            record.calls.append(("ListUsers", pages[-1]))
            if not page.get("IsTruncated"):
                break
            marker = page["Marker"]
        if server.age_report:
            server.age_report()
        started = time.perf_counter()
        generations = 0
        while True:
            generations += 1
            state = record("GenerateCredentialReport", iam.generate_credential_report)["State"]
            if state == "COMPLETE":
                break
            if generations > 100:
                raise SystemExit(f"benchmark-server: {server.name}'s credential report never completed")
        report = record("GetCredentialReport", iam.get_credential_report)
        report_ms = (time.perf_counter() - started) * 1000
        served = server.since(mark)
        figures = summarize(record.calls, served, 1.0)
        results.append({
            "users": point, "user_keys": 200 + 2 * (point - 200),
            "grow_calls_per_second": (3 * grown / grow_seconds) if grown else None,
            "GetAccountSummary": figures["actions"]["GetAccountSummary"],
            "ListAccessKeys": figures["actions"]["ListAccessKeys"],
            "ListUsers": {
                "pages": len(pages), "first_page_ms": pages[0], "last_page_ms": pages[-1],
                "all_pages_ms": sum(pages), "per_page": figures["actions"]["ListUsers"],
            },
            "credential_report": {
                "generate_calls": generations, "generate_and_get_ms": report_ms,
                "rows": report["Content"].count(b"\n") if isinstance(report["Content"], bytes) else None,
                "bytes": len(report["Content"]),
                "GenerateCredentialReport": figures["actions"]["GenerateCredentialReport"],
                "GetCredentialReport": figures["actions"]["GetCredentialReport"],
            },
            "load": load(),
        })
    return results


def measure(server: Server, wrk_seconds: int, scale_users: int, workdir: str) -> dict:
    try:
        iam = client(server.port)
        iam.get_account_summary()  # the first call pays connection set-up; not counted
        note(f"{server.name}: workload")
        figures = {"load_before": load()}
        record = Recorder()
        mark = server.mark()
        started = time.perf_counter()
        workload(iam, record)
        seconds = time.perf_counter() - started
        assert len(record.calls) == WORKLOAD_CALLS, len(record.calls)
        figures.update(summarize(record.calls, server.since(mark), seconds))
        figures["load_after"] = load()
        figures["wrk"] = []
        if shutil.which("wrk") and wrk_seconds > 0:
            for action, params in (("GetAccountSummary", ""), ("ListAccessKeys", "&UserName=bench-user-000")):
                for connections in (1, 8):
                    note(f"{server.name}: wrk {action} c={connections}")
                    figures["wrk"].append(run_wrk(server, action, params, connections, wrk_seconds, workdir))
        if scale_users > 200:
            figures["scale"] = scale(server, iam, scale_users)
        return figures
    finally:
        server.stop()


def fmt(value, width=8, digits=2):
    return f"{value:>{width}.{digits}f}" if value is not None else f"{'-':>{width}}"


def report(results: dict, info: dict) -> None:
    names = [n for n in ("iamsim", "moto") if n in results]
    print(f"\nMachine: {info['nproc']} CPUs ({info['cpu']}), Linux {info['kernel']}; iamsim {info['iamsim_commit']},"
          f" moto {info['moto']}, boto3 {info['boto3']}, {info['wrk'] or 'no wrk'}")
    for n in names:
        r = results[n]
        print(f"load average ({n}): workload {r['load_before']} -> {r['load_after']}"
              + "".join(f"; wrk {w['action']} c={w['connections']} {w['load_before']}" for w in r["wrk"]))
    print("\nThe boto3 workload, ms per call (client: around the boto3 call; server: its own time)")
    header = f"{'action':25} {'n':>4}"
    for n in names:
        header += f" | {n + ' client p50':>17} {'p99':>7} {'server p50':>10} {'p99':>7}"
    if len(names) == 2:
        header += f" | {'p50 ratio client':>16} {'server':>7}"
    print(header)
    rows = list(results[names[0]]["actions"]) + ["(all calls)"]
    for action in rows:
        def pick(n):
            r = results[n]
            if action == "(all calls)":
                return r["client_all"], r["server_all"]
            return r["actions"][action]["client"], r["actions"][action]["server"]

        client_spread, _ = pick(names[0])
        line = f"{action:25} {client_spread['count']:>4}"
        for n in names:
            c, s = pick(n)
            line += f" | {fmt(c['p50_ms'], 17)} {fmt(c['p99_ms'], 7)} {fmt(s and s['p50_ms'], 10, 3)} {fmt(s and s['p99_ms'], 7)}"
        if len(names) == 2:
            (ca, sa), (cb, sb) = pick(names[0]), pick(names[1])
            line += f" | {fmt(cb['p50_ms'] / ca['p50_ms'], 15, 1)}x"
            line += f" {fmt(sb['p50_ms'] / sa['p50_ms'], 6, 0)}x" if sa and sb else f" {'-':>7}"
        print(line)
    print()
    for n in names:
        r = results[n]
        overhead = (r["client_all"]["p50_ms"] - r["server_all"]["p50_ms"]) if r["server_all"] else None
        print(f"{n}: {r['calls']} calls in {r['seconds']:.2f} s = {r['calls_per_second']:.0f} calls/s"
              + (f"; client p50 minus server p50: {overhead:.2f} ms (boto3, HTTP, loopback)" if overhead else ""))
    if len(names) == 2:
        a, b = (results[n] for n in names)
        print(f"throughput ratio iamsim/moto: {a['calls_per_second'] / b['calls_per_second']:.1f}x")
    wrk_rows = [(n, w) for n in names for w in results[n].get("wrk", [])]
    if wrk_rows:
        print()
        for n, w in wrk_rows:
            print(f"wrk {n:6} {w['action']:18} c={w['connections']}: {w['requests_per_second']:8.0f} req/s,"
                  f" p50 {w['p50_ms']:6.2f} ms, p99 {w['p99_ms']:6.2f} ms, socket errors {w['socket_errors']}")
    if len(names) == 2 and results["iamsim"].get("wrk") and results["moto"].get("wrk"):
        for wa, wb in zip(results["iamsim"]["wrk"], results["moto"]["wrk"]):
            print(f"wrk ratio iamsim/moto {wa['action']:18} c={wa['connections']}:"
                  f" {wa['requests_per_second'] / wb['requests_per_second']:.1f}x")
    for n in names:
        for point in results[n].get("scale", []):
            lu = point["ListUsers"]
            cr = point["credential_report"]
            s = lambda entry: entry["server"] or entry["client"]  # noqa: E731
            print(
                f"scale {n:6} {point['users']:>5} users, {point['user_keys']:>5} keys: GetAccountSummary {s(point['GetAccountSummary'])['p50_ms']:.3f} ms,"
                f" ListAccessKeys {s(point['ListAccessKeys'])['p50_ms']:.3f} ms,"
                f" ListUsers page {s(lu['per_page'])['p50_ms']:.3f} ms ({lu['pages']} pages, client total"
                f" {lu['all_pages_ms']:.0f} ms), credential report: {cr['generate_calls']} generate +"
                f" get {cr['generate_and_get_ms']:.0f} ms on the client, generate"
                f" {s(cr['GenerateCredentialReport'])['p99_ms']:.2f} ms + get {s(cr['GetCredentialReport'])['p50_ms']:.2f} ms"
                f" ({cr['bytes']} bytes)"
                + (f"; grew at {point['grow_calls_per_second']:.0f} calls/s" if point["grow_calls_per_second"] else "")
            )
    print("\nIssue 12's targets:")
    iamsim = results["iamsim"]
    if iamsim["server_all"]:
        p50 = iamsim["server_all"]["p50_ms"]
        print(f"  server time per call, p50 < {TARGET_SERVER_P50_MS} ms: {p50:.3f} ms,"
              f" {'met' if p50 < TARGET_SERVER_P50_MS else 'MISSED'}")
    if "moto" in results:
        ratio = iamsim["calls_per_second"] / results["moto"]["calls_per_second"]
        print(f"  boto3 workload >= {TARGET_THROUGHPUT_RATIO:.0f}x moto's throughput: {ratio:.1f}x,"
              f" {'met' if ratio >= TARGET_THROUGHPUT_RATIO else 'MISSED'}")
        for wa, wb in zip(iamsim.get("wrk", []), results["moto"].get("wrk", [])):
            ratio = wa["requests_per_second"] / wb["requests_per_second"]
            print(f"  wrk {wa['action']} c={wa['connections']} >= {TARGET_WRK_RATIO:.0f}x moto's requests/s:"
                  f" {ratio:.1f}x, {'met' if ratio >= TARGET_WRK_RATIO else 'MISSED'}")


def build() -> str:
    """A release build of this checkout into .build-bench (git-ignored), as scripts/benchmark.sh makes."""
    for product in ("iamsim-server", "iamsim"):
        note(f"building {product} (release, static Swift standard library) into .build-bench")
        subprocess.run(
            ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench",
             "--product", product],
            cwd=REPO, check=True, stdout=sys.stderr,
        )
    return os.path.join(REPO, ".build-bench", "release", "iamsim")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iamsim", default=None, help="the iamsim binary, iamsim-server beside it"
                        " (default: build this checkout into .build-bench)")
    parser.add_argument("--no-moto", action="store_true", help="measure iamsim only")
    parser.add_argument("--wrk-seconds", type=int, default=10, help="seconds per wrk run (default 10); 0 skips wrk")
    parser.add_argument("--scale-users", type=int, default=0,
                        help="also grow to N users (at most 5000) with two keys each and measure reads")
    parser.add_argument("--scale-moto", action="store_true", help="with --scale-users, grow moto too (slow)")
    parser.add_argument("--out", default=None, help="folder for results.json and the servers' logs")
    args = parser.parse_args()

    binary = os.path.abspath(args.iamsim) if args.iamsim else build()
    out = os.path.abspath(args.out or tempfile.mkdtemp(prefix="iamsim-server-bench."))
    os.makedirs(out, exist_ok=True)
    info = machine()
    results = {"iamsim": measure(start_iamsim(binary, out), args.wrk_seconds, args.scale_users, out)}
    if not args.no_moto:
        if info["moto"]:
            scale_users = args.scale_users if args.scale_moto else 0
            results["moto"] = measure(start_moto(out), args.wrk_seconds, scale_users, out)
        else:
            print("benchmark-server: moto is not installed; measuring iamsim only", file=sys.stderr)
    info["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    report(results, info)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"machine": info, "results": results}, f, indent=2)
    print(f"\nFigures and logs: {out}")


if __name__ == "__main__":
    main()
