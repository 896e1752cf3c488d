"""Intake API throughput and latency: single and batch submissions on SQLite and PostgreSQL.

Starts the real server (`python -m api serve`, uvloop + httptools, N workers) on a free loopback port
against a fresh database, registers an establishment, then loads two routes for a fixed time each:
`POST /v1/declarations` (one record) and `POST /v1/declarations/batch` (100 records), every request with
its own Idempotency-Key, so every request files. Writes benchmarks/results/api.json.

Targets (issue 4, 2-core machine, PostgreSQL): 500 single submissions/s and 5,000 records/s in batches.

The load generator is `wrk` (C, one thread, a Lua script for the keys) when installed
(`apt-get install wrk`), else a lean asyncio client (raw HTTP/1.1 on keep-alive sockets); the results
name the one used. The machine is shared (other engineers train Rasa models on it), so the results also
record the load average, and the CPU time each request cost the API workers, PostgreSQL and the client:
`ceiling_*_per_s` is what those CPU costs allow on 2 otherwise idle cores (an estimate, not a
measurement; it ignores disk waits and PostgreSQL's background processes).

    .venv/bin/python -m benchmarks.api_bench [--seconds 10] [--workers 2] [--databases postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.api.factories import declaration_body, establishment_body  # noqa: E402
from tests.api.server import free_port, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "api.json"
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CHANNEL_TOKEN = "bench-channel-token"
TARGET_SINGLE_PER_S = 500
TARGET_BATCH_RECORDS_PER_S = 5000
CORES = os.cpu_count() or 1

# wrk script. args: <key prefix> <body file> <path> <api key> <max requests per thread>
WRK_SCRIPT = r"""
local next_id = 1
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end
function init(args)
  prefix = args[1] .. "-" .. id .. "-"
  local f = assert(io.open(args[2], "rb"))
  body = f:read("*a")
  f:close()
  path = args[3]
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. args[4]}
  limit = tonumber(args[5])
  sent = 0
  answered = 0
end
function request()
  sent = sent + 1
  headers["Idempotency-Key"] = prefix .. sent
  return wrk.format("POST", path, headers, body)
end
function response(status, headers, body)
  answered = answered + 1
  if answered >= limit then wrk.thread:stop() end
end
function done(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "status_errors": %d, "socket_errors": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean))
end
"""


@dataclass(frozen=True)
class Load:
    """One measured phase: a route, a body, how many connections, for how long, at most how many."""

    path: str
    body: bytes
    connections: int
    seconds: float
    max_requests: int


# --- CPU accounting from /proc ---------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float:
    """utime + stime of one process (0 if it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rpartition(")")[2].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree += frontier
    return tree


def _backend_pids(database: str | None) -> list[int]:
    if database is None:
        return []
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        rows = admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)).fetchall()
    return [int(row[0]) for row in rows]


class CpuMeter:
    """CPU seconds spent by the server's processes and by PostgreSQL's backends for one database."""

    def __init__(self, server_pid: int, database: str | None) -> None:
        self.server_pid = server_pid
        self.database = database

    def sample(self) -> dict[str, dict[int, float]]:
        return {
            "server": {pid: _cpu_seconds(pid) for pid in _process_tree(self.server_pid)},
            "postgres": {pid: _cpu_seconds(pid) for pid in _backend_pids(self.database)},
        }

    @staticmethod
    def spent(before: dict[str, dict[int, float]], after: dict[str, dict[int, float]]) -> dict[str, float]:
        """Per part: CPU seconds between the samples (a process born in between counts whole)."""
        return {
            part: sum(cpu - before[part].get(pid, 0.0) for pid, cpu in after[part].items()) for part in after
        }


def _client_cpu() -> float:
    """This process (the asyncio client, or waiting for wrk) plus its finished children (wrk)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + usage.ru_utime + usage.ru_stime


# --- load generators -------------------------------------------------------------------------------


def run_wrk(wrk: str, base: str, api_key: str, load: Load) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "submit.lua"
        script.write_text(WRK_SCRIPT)
        body = Path(tmp) / "body.json"
        body.write_bytes(load.body)
        command = [
            wrk, "-t1", f"-c{load.connections}", f"-d{max(1, round(load.seconds))}s", "--timeout", "30s",
            "-s", str(script), base, "--", uuid.uuid4().hex[:10], str(body), load.path, api_key,
            str(load.max_requests),
        ]  # fmt: skip
        out = subprocess.run(command, capture_output=True, text=True, timeout=load.seconds + 60)
    line = next((x for x in out.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary: {out.stdout[-500:]} {out.stderr[-500:]}")
    raw = json.loads(line.removeprefix("WRKJSON "))
    return {
        "requests": raw["requests"],
        "failures": raw["status_errors"] + raw["socket_errors"],
        "seconds": raw["duration_us"] / 1e6,
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "mean_ms": raw["mean_us"] / 1000,
    }


_STATUS = re.compile(rb"^HTTP/1\.1 (\d{3})")
_LENGTH = re.compile(rb"\r\ncontent-length: *(\d+)", re.IGNORECASE)


async def _lean_load(port: int, api_key: str, load: Load) -> dict[str, Any]:
    """Raw HTTP/1.1 keep-alive connections, requests pre-encoded: far less CPU than an HTTP library."""
    prefix = uuid.uuid4().hex[:10]
    head = (
        f"POST {load.path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {api_key}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(load.body)}\r\n"
    ).encode()
    latencies: list[float] = []
    failures = 0
    counter = 0
    deadline = time.perf_counter() + load.seconds

    async def connection() -> None:
        nonlocal failures, counter
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline and counter < load.max_requests:
                counter += 1
                key = f"Idempotency-Key: {prefix}-{counter}\r\n\r\n".encode()
                started = time.perf_counter()
                writer.write(head + key + load.body)
                header = await reader.readuntil(b"\r\n\r\n")
                length = _LENGTH.search(header)
                await reader.readexactly(int(length.group(1)) if length else 0)
                latencies.append(time.perf_counter() - started)
                status = _STATUS.match(header)
                if status is None or status.group(1) not in (b"200", b"201"):
                    failures += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(load.connections)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies) or [0.0]

    def pct(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {
        "requests": len(latencies),
        "failures": failures,
        "seconds": elapsed,
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "mean_ms": sum(ordered) / len(ordered) * 1000,
    }


def run_lean(port: int, api_key: str, load: Load) -> dict[str, Any]:
    return asyncio.run(_lean_load(port, api_key, load))


# --- one database ----------------------------------------------------------------------------------


def _phase(
    generate: Callable[[Load], dict[str, Any]], meter: CpuMeter, load: Load, records_per_request: int
) -> dict[str, Any]:
    before = meter.sample()
    client_before = _client_cpu()
    result = generate(load)
    client_cpu = _client_cpu() - client_before
    spent = CpuMeter.spent(before, meter.sample())
    requests = max(result["requests"], 1)
    cpu_ms = {
        "api_workers": spent["server"] / requests * 1000,
        "postgres_backends": spent["postgres"] / requests * 1000 if meter.database else None,
        "client": client_cpu / requests * 1000,
    }
    # The ceiling leaves the client out: in production it is on other machines.
    per_request = cpu_ms["api_workers"] + (cpu_ms["postgres_backends"] or 0.0)
    out: dict[str, Any] = {
        **{k: round(v, 2) if isinstance(v, float) else v for k, v in result.items()},
        # wrk stops at the cap but reports the whole duration: a capped rate is too low.
        "capped": result["requests"] >= load.max_requests,
        "requests_per_s": round(result["requests"] / result["seconds"], 1),
        "records_per_s": round(result["requests"] * records_per_request / result["seconds"], 1),
        "cpu_ms_per_request": {k: round(v, 3) if v is not None else None for k, v in cpu_ms.items()},
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    if per_request > 0:
        out["ceiling_records_per_s_on_idle_cores"] = round(
            CORES * 1000 / per_request * records_per_request, 0
        )
    return out


def bench_database(
    url: str, database: str | None, args: argparse.Namespace, wrk: str | None
) -> dict[str, Any]:
    port = free_port()
    server = start_server(url, port, CHANNEL_TOKEN, workers=args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        channel = {"Authorization": f"Bearer {CHANNEL_TOKEN}", "X-Chat-Account": "bench:1"}
        registered = httpx.post(f"{base}/v1/establishments", json=establishment_body(), headers=channel)
        registered.raise_for_status()
        api_key = registered.json()["api_key"]
        single = json.dumps(declaration_body(guest={"document_number": "S12345678"})).encode()
        records = [declaration_body(guest={"document_number": f"B{i:08d}"}) for i in range(100)]
        batch = json.dumps({"declarations": records}).encode()

        def generate(load: Load) -> dict[str, Any]:
            return run_wrk(wrk, base, api_key, load) if wrk else run_lean(port, api_key, load)

        meter = CpuMeter(server.pid, database)
        warm = args.seconds / 5
        generate(Load("/v1/declarations", single, args.connections, warm, 100_000))
        generate(Load("/v1/declarations/batch", batch, args.batch_connections, warm, 1_000))
        return {
            "single": _phase(
                generate,
                meter,
                Load("/v1/declarations", single, args.connections, args.seconds, args.max_requests),
                1,
            ),
            "batch_of_100": _phase(
                generate,
                meter,
                Load(
                    "/v1/declarations/batch",
                    batch,
                    args.batch_connections,
                    args.seconds,
                    args.max_batches,
                ),
                100,
            ),
        }
    finally:
        stop_server(server)


def _bench_postgres(args: argparse.Namespace, wrk: str | None) -> dict[str, Any]:
    name = f"api_bench_{os.getpid()}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        return {"skipped": f"PostgreSQL not reachable: {error.__class__.__name__}"}
    try:
        return bench_database(PG_ADMIN_URL.rpartition("/")[0] + f"/{name}", name, args, wrk)
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _client_name(wrk: str | None) -> str:
    if wrk is None:
        return "lean asyncio client in the benchmark process (raw HTTP/1.1, keep-alive)"
    version = subprocess.run([wrk, "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return f"{version.strip() or 'wrk'}: 1 thread, Lua script (a unique Idempotency-Key per request)"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="benchmarks.api_bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="per measured phase (warm-up: 1/5)")
    parser.add_argument("--max-requests", type=int, default=50_000, help="singles per phase")
    parser.add_argument("--max-batches", type=int, default=5_000, help="batches per phase")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument("--connections", type=int, default=32, help="concurrent single submitters")
    parser.add_argument("--batch-connections", type=int, default=8, help="concurrent batch submitters")
    parser.add_argument("--databases", default="sqlite,postgres", help="comma-separated")
    parser.add_argument("--client", choices=("auto", "wrk", "asyncio"), default="auto")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    wrk = shutil.which("wrk") if args.client != "asyncio" else None
    if args.client == "wrk" and wrk is None:
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    results: dict[str, Any] = {
        "machine": {
            "cpus": CORES,
            "python": platform.python_version(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
        },
        "client": _client_name(wrk),
        "settings": settings,
        "targets": {
            "postgres_single_per_s": TARGET_SINGLE_PER_S,
            "postgres_batch_records_per_s": TARGET_BATCH_RECORDS_PER_S,
        },
    }
    databases = {d.strip() for d in args.databases.split(",")}
    if "sqlite" in databases:
        with tempfile.TemporaryDirectory() as tmp:
            results["sqlite"] = bench_database(f"sqlite:///{tmp}/bench.sqlite3", None, args, wrk)
    if "postgres" in databases:
        results["postgres"] = _bench_postgres(args, wrk)
    results["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    pg = results.get("postgres", {})
    if "single" in pg:
        results["targets_met"] = {
            "single": pg["single"]["requests_per_s"] >= TARGET_SINGLE_PER_S,
            "batch": pg["batch_of_100"]["records_per_s"] >= TARGET_BATCH_RECORDS_PER_S,
        }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
