"""Intake API throughput and latency: single and batch submissions on SQLite and PostgreSQL.

Starts the real server (`python -m api serve`, uvloop + httptools, N workers) on a free loopback port
against a fresh database, fires a bounded number of requests from an asyncio client, and writes
benchmarks/results/api.json. Targets (issue 4, 2-core machine, PostgreSQL): 500 single submissions/s
and 5,000 records/s in batches. The client shares the 2 cores with the server, so numbers are a floor.

    .venv/bin/python benchmarks/api_bench.py [--singles 3000] [--batches 60] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.api.factories import declaration_body, establishment_body  # noqa: E402
from tests.api.server import free_port, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "api.json"
PG_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
CHANNEL_TOKEN = "bench-channel-token"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _run(
    base: str, headers: dict[str, str], path: str, bodies: list[Any], concurrency: int
) -> dict[str, Any]:
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[Any] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, headers=headers, limits=limits, timeout=60) as client:

        async def worker() -> None:
            nonlocal failures
            while not queue.empty():
                body = queue.get_nowait()
                start = time.perf_counter()
                response = await client.post(path, json=body)
                latencies.append(time.perf_counter() - start)
                if response.status_code not in (200, 201):
                    failures += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {
        "requests": len(bodies),
        "failures": failures,
        "seconds": round(elapsed, 3),
        "latencies": latencies,
    }


def _summary(run: dict[str, Any], records_per_request: int) -> dict[str, Any]:
    lat = run.pop("latencies")
    return {
        **run,
        "requests_per_s": round(run["requests"] / run["seconds"], 1),
        "records_per_s": round(run["requests"] * records_per_request / run["seconds"], 1),
        "p50_ms": round(percentile(lat, 0.50) * 1000, 2),
        "p99_ms": round(percentile(lat, 0.99) * 1000, 2),
        "mean_ms": round(statistics.fmean(lat) * 1000, 2),
    }


def bench_database(url: str, args: argparse.Namespace) -> dict[str, Any]:
    port = free_port()
    server = start_server(url, port, CHANNEL_TOKEN, workers=args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        channel = {
            "Authorization": f"Bearer {CHANNEL_TOKEN}",
            "X-Chat-Account": f"bench:{uuid.uuid4().hex[:8]}",
        }
        registered = httpx.post(f"{base}/v1/establishments", json=establishment_body(), headers=channel)
        headers = {"Authorization": f"Bearer {registered.json()['api_key']}"}
        singles = [declaration_body(guest={"document_number": f"S{i:08d}"}) for i in range(args.singles)]
        batch = [declaration_body(guest={"document_number": f"B{i:08d}"}) for i in range(100)]
        asyncio.run(_run(base, headers, "/v1/declarations", singles[:100], args.concurrency))  # warm-up
        single = _summary(asyncio.run(_run(base, headers, "/v1/declarations", singles, args.concurrency)), 1)
        batches = [{"declarations": batch}] * args.batches
        batched = _summary(asyncio.run(_run(base, headers, "/v1/declarations/batch", batches, 4)), 100)
    finally:
        stop_server(server)
    return {"single": single, "batch_of_100": batched}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--singles", type=int, default=3000)
    parser.add_argument("--batches", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()
    results: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "settings": vars(args),
        "targets": {"postgres_single_per_s": 500, "postgres_batch_records_per_s": 5000},
    }
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = bench_database(f"sqlite:///{tmp}/bench.sqlite3", args)
    name = f"api_bench_{os.getpid()}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        results["postgres"] = {"skipped": f"PostgreSQL not reachable: {error.__class__.__name__}"}
    else:
        try:
            results["postgres"] = bench_database(PG_ADMIN_URL.rpartition("/")[0] + f"/{name}", args)
        finally:
            with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    pg = results.get("postgres", {})
    if "single" in pg:
        results["targets_met"] = {
            "single": pg["single"]["requests_per_s"] >= 500,
            "batch": pg["batch_of_100"]["records_per_s"] >= 5000,
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
