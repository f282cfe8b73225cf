#!/usr/bin/env python3
"""Side-by-side benchmark of `iamsim serve` and moto's server (docs/performance.md, "The Query API").

Usage:
    scripts/benchmark-server.py [--iamsim PATH] [--no-moto] [--wrk-seconds N] [--out DIR]

What it does, for each server (iamsim, then moto's `python -m moto.server` when installed):
  1. starts it on a free loopback port, on a fresh database (iamsim: a new file from the built-in
     lesson fixture; moto: its in-memory state);
  2. runs one workload of 1,003 sequential boto3 calls, in this order: 200 CreateUser,
     200 CreateAccessKey, 200 ListAccessKeys, 100 CreateVirtualMFADevice each followed by its
     EnableMFADevice with two real consecutive TOTP codes (200 calls), 200 GetAccountSummary,
     2 GenerateCredentialReport, 1 GetCredentialReport; every call must succeed;
  3. times each call on the client (time.perf_counter around the boto3 call) and reports, per
     action, p50 and p99 in ms, and the whole workload's throughput (calls per second);
  4. with `wrk` installed: replays one signed read (GetAccountSummary, then ListAccessKeys) for
     N seconds at 1 and at 8 connections, and reports requests per second and p99 latency
     (the signature stays valid: AWS, and iamsim, accept a request up to 15 minutes old);
  5. prints both servers' figures and their ratios, and writes them as JSON into DIR.

The signing identity: iamsim's built-in fixture's root access key (AKIAIOSFODNN7EXAMPLE); moto
accepts any key. The client is boto3 with retries off, so a failed call stops the run.

Needs: python3 with boto3 (and moto for the side-by-side figures), wrk for step 4.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
REGION = "us-east-1"
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def totp(base32_seed: str, step: int) -> str:
    """RFC 6238 code (SHA-1, 6 digits, 30 s) at time step `step`; an independent implementation."""
    key = base64.b32decode(base32_seed + "=" * (-len(base32_seed) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
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


def start_iamsim(binary: str, workdir: str):
    port = free_port()
    database = os.path.join(workdir, "iamsim.sqlite")
    log = open(os.path.join(workdir, "iamsim-serve.log"), "w")
    process = subprocess.Popen(
        [binary, "serve", "--port", str(port), "--db", database],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    wait_for_port(port, process)
    return process, port


def start_moto(workdir: str):
    port = free_port()
    log = open(os.path.join(workdir, "moto.log"), "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
    )
    wait_for_port(port, process, seconds=60)
    return process, port


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def client(port: int):
    return boto3.client(
        "iam", endpoint_url=f"http://127.0.0.1:{port}", region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def workload(iam) -> dict:
    """Runs the 1,003 calls; returns {action: [seconds, …]} and the total wall time."""
    times: dict[str, list[float]] = {}

    def call(action: str, method, **kwargs):
        start = time.perf_counter()
        result = method(**kwargs)
        times.setdefault(action, []).append(time.perf_counter() - start)
        return result

    run = "bench"  # each server starts empty of users, so the names are fixed (wrk lists the first's keys)
    started = time.perf_counter()
    users = [f"{run}-user-{i:03d}" for i in range(200)]
    for name in users:
        call("CreateUser", iam.create_user, UserName=name)
    for name in users:
        call("CreateAccessKey", iam.create_access_key, UserName=name)
    for name in users:
        call("ListAccessKeys", iam.list_access_keys, UserName=name)
    for i in range(100):
        device = call("CreateVirtualMFADevice", iam.create_virtual_mfa_device, VirtualMFADeviceName=f"{run}-mfa-{i:03d}")
        seed = device["VirtualMFADevice"]["Base32StringSeed"]
        if isinstance(seed, bytes):
            seed = seed.decode()
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
    total = time.perf_counter() - started
    return {"times": times, "total": total}


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summarize(result: dict) -> dict:
    calls = sum(len(v) for v in result["times"].values())
    return {
        "calls": calls,
        "seconds": result["total"],
        "calls_per_second": calls / result["total"],
        "actions": {
            action: {
                "count": len(values),
                "p50_ms": percentile(values, 0.50) * 1000,
                "p99_ms": percentile(values, 0.99) * 1000,
            }
            for action, values in result["times"].items()
        },
    }


def signed_read(port: int, action: str, params: str) -> tuple[dict, str]:
    body = f"Action={action}&Version=2010-05-08{params}"
    request = AWSRequest(
        method="POST", url=f"http://127.0.0.1:{port}/", data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
    )
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "iam", REGION).add_auth(request)
    return dict(request.headers.items()), body


def run_wrk(port: int, action: str, params: str, connections: int, seconds: int, workdir: str) -> dict:
    headers, body = signed_read(port, action, params)
    script = os.path.join(workdir, f"wrk-{action}.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\n')
        f.write(f"wrk.body = {json.dumps(body)}\n")
        for name, value in headers.items():
            f.write(f"wrk.headers[{json.dumps(name)}] = {json.dumps(value)}\n")
        f.write(
            "done = function(summary, latency, requests)\n"
            '  io.write(string.format("RESULT %d %d %d %d %f\\n", summary.requests, summary.errors.status,'
            " summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,"
            " summary.duration, latency:percentile(99)))\n"
            "end\n"
        )
    output = subprocess.run(
        ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "-s", script,
         f"http://127.0.0.1:{port}/"],
        capture_output=True, text=True, check=True,
    ).stdout
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) ([0-9.]+)", output)
    requests, bad_status, socket_errors, duration_us, p99_us = match.groups()
    return {
        "action": action, "connections": connections,
        "requests_per_second": int(requests) / (int(duration_us) / 1e6),
        "p99_ms": float(p99_us) / 1000, "non_2xx": int(bad_status), "socket_errors": int(socket_errors),
    }


def measure(name: str, start, workdir: str, wrk_seconds: int) -> dict:
    process, port = start(workdir)
    try:
        iam = client(port)
        iam.get_account_summary()  # the first call pays connection set-up; not counted
        figures = summarize(workload(iam))
        figures["wrk"] = []
        if shutil.which("wrk") and wrk_seconds > 0:
            for action, params in (("GetAccountSummary", ""), ("ListAccessKeys", "&UserName=bench-user-000")):
                for connections in (1, 8):
                    figures["wrk"].append(run_wrk(port, action, params, connections, wrk_seconds, workdir))
        return figures
    finally:
        stop(process)


def report(results: dict) -> None:
    names = list(results)
    print(f"\n{'action':26}" + "".join(f"{n + ' p50/p99 ms':>26}" for n in names))
    actions = list(next(iter(results.values()))["actions"])
    for action in actions:
        row = f"{action:26}"
        for n in names:
            a = results[n]["actions"][action]
            row += f"{a['p50_ms']:>15.2f} / {a['p99_ms']:<8.2f}"
        print(row)
    print()
    for n in names:
        r = results[n]
        print(f"{n}: {r['calls']} calls in {r['seconds']:.2f} s = {r['calls_per_second']:.0f} calls/s")
    if len(names) == 2:
        a, b = (results[n] for n in names)
        print(f"throughput ratio {names[0]}/{names[1]}: {a['calls_per_second'] / b['calls_per_second']:.1f}x")
    print()
    for n in names:
        for w in results[n].get("wrk", []):
            print(
                f"wrk {n:7} {w['action']:18} c={w['connections']}: {w['requests_per_second']:9.0f} req/s,"
                f" p99 {w['p99_ms']:.2f} ms, non-2xx {w['non_2xx']}, socket errors {w['socket_errors']}"
            )
    if len(names) == 2 and results[names[0]].get("wrk") and results[names[1]].get("wrk"):
        for wa, wb in zip(results[names[0]]["wrk"], results[names[1]]["wrk"]):
            print(
                f"wrk ratio {wa['action']:18} c={wa['connections']}:"
                f" {wa['requests_per_second'] / wb['requests_per_second']:.1f}x"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iamsim", default=None, help="the iamsim binary (default: a release build of this checkout)")
    parser.add_argument("--no-moto", action="store_true", help="measure iamsim only")
    parser.add_argument("--wrk-seconds", type=int, default=10, help="seconds per wrk run; 0 skips wrk")
    parser.add_argument("--out", default=None, help="folder for the JSON figures and the servers' logs")
    args = parser.parse_args()

    binary = args.iamsim
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--package-path", REPO], check=True,
                       stdout=sys.stderr)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--package-path", REPO, "--show-bin-path"],
                                  check=True, capture_output=True, text=True).stdout.strip()
        binary = os.path.join(bin_path, "iamsim")
    out = args.out or tempfile.mkdtemp(prefix="iamsim-server-bench.")
    os.makedirs(out, exist_ok=True)

    results = {"iamsim": measure("iamsim", lambda w: start_iamsim(binary, w), out, args.wrk_seconds)}
    if not args.no_moto:
        try:
            import moto  # noqa: F401

            results["moto"] = measure("moto", start_moto, out, args.wrk_seconds)
        except ImportError:
            print("benchmark-server: moto is not installed; measuring iamsim only", file=sys.stderr)
    report(results)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    print(f"\nFigures and logs: {out}")


if __name__ == "__main__":
    main()
