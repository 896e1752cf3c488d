"""Throughput and latency of the dialogue tier: a stock `rasa init` bot (one process, the reference) and
our stack with one and with two Rasa replicas, at 1 and 8 concurrent users, in one run.

Every setup gets the same client and the same messages (benchmarks.dialogue_bench.CONVERSATION) over
Rasa's REST channel; each round is a new chat user. Reports messages/s, p50/p95, the ratios to the
stock bot, resident memory per process and CPU milliseconds per message per process (what limits
scaling on this machine). Writes benchmarks/results/replicas.json.

The stock bot is built once under var/bench/stock-bot with `rasa init --no-prompt` (about 90 s).
Our stack: 1 replica with the default SQLite tracker store, and 1 and 2 replicas (with 2 action servers)
on PostgreSQL (127.0.0.1:5432) with the Redis lock store for 2, as in production.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import psycopg

from benchmarks.dialogue_bench import CONVERSATION, percentile
from bot.dialogue_tier import DialogueTier
from bot.stack import (
    ROOT,
    RunningService,
    ServiceSpec,
    StackConfig,
    free_port,
    running_stack,
    service_specs,
    start_service,
)

RESULTS = Path(__file__).parent / "results" / "replicas.json"
STOCK_DIR = ROOT / "var" / "bench" / "stock-bot"
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"
ROUNDS_PER_USER = {1: 12, 8: 4}
STARTUP_TIMEOUT = 600.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
TARGETS = {
    "single_stream_p95_ms_below": 100,
    "two_replicas_over_one_at_8_users_at_least": 1.6,
    "two_replicas_over_stock_at_8_users_at_least": 1.5,
}


# -- measuring -----------------------------------------------------------------------------------


async def user(
    client: httpx.AsyncClient, sender: str, rounds: int, latencies: list[float]
) -> tuple[int, int]:
    """One user's rounds of the conversation; returns (failed: no HTTP 200, answered with no message).

    The stock bot has no answer for some of these messages (its stories end in action_listen), so an
    empty answer is counted apart; for our assistant it is a failure too.
    """
    failed = empty = 0
    for round_number in range(rounds):
        for text in CONVERSATION:
            started = time.perf_counter()
            try:
                response = await client.post(
                    "/webhooks/rest/webhook", json={"sender": f"{sender}-{round_number}", "message": text}
                )
                ok, answered = (
                    response.status_code == 200,
                    response.status_code == 200 and bool(response.json()),
                )
            except httpx.HTTPError:
                ok = answered = False
            latencies.append(time.perf_counter() - started)
            failed += 0 if ok else 1
            empty += 1 if ok and not answered else 0
    return failed, empty


async def measure(url: str, users: int, label: str) -> dict[str, Any]:
    latencies: list[float] = []
    run = uuid.uuid4().hex[:6]
    async with httpx.AsyncClient(base_url=url, timeout=60) as client:
        await user(client, f"warm-{run}", 1, [])
        started = time.perf_counter()
        outcomes = await asyncio.gather(
            *(user(client, f"{label}-{run}-{n}", ROUNDS_PER_USER[users], latencies) for n in range(users))
        )
        elapsed = time.perf_counter() - started
    return {
        "users": users,
        "messages": len(latencies),
        "failed": sum(failed for failed, _ in outcomes),
        "empty_answers": sum(empty for _, empty in outcomes),
        "messages_per_second": round(len(latencies) / elapsed, 2),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1),
    }


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def process_tree(pid: int) -> list[int]:
    """The process and its children (nginx's worker, a sanic worker), for CPU and memory."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    kids = [int(c) for c in children.read_text().split()] if children.exists() else []
    return [pid, *(p for kid in kids for p in process_tree(kid))]


def profile(services: dict[str, int], users: int, url: str, label: str) -> dict[str, Any]:
    """Measure one phase and the CPU each service spent on it."""
    before = {name: sum(cpu_seconds(p) for p in process_tree(pid)) for name, pid in services.items()}
    result = asyncio.run(measure(url, users, label))
    after = {name: sum(cpu_seconds(p) for p in process_tree(pid)) for name, pid in services.items()}
    per_message = {
        name: round((after[name] - before[name]) * 1000 / result["messages"], 1) for name in services
    }
    return {**result, "cpu_ms_per_message": per_message}


def setup_result(label: str, services: dict[str, int], url: str) -> dict[str, Any]:
    runs = [profile(services, users, url, label) for users in (1, 8)]
    memory = {
        name: round(sum(resident_mb(p) for p in process_tree(pid)), 1) for name, pid in services.items()
    }
    # Other work on the machine takes cores from the measured setup: recorded so runs can be compared.
    return {"setup": label, "runs": runs, "resident_mb": memory, "load_average_1min": os.getloadavg()[0]}


# -- the setups ----------------------------------------------------------------------------------


def build_stock_bot() -> Path:
    models = STOCK_DIR / "models"
    if not any(models.glob("*.tar.gz")):
        STOCK_DIR.mkdir(parents=True, exist_ok=True)  # rasa init wants the directory to exist
        subprocess.run(
            [str(ROOT / ".venv-rasa" / "bin" / "rasa"), "init", "--no-prompt", "--init-dir", STOCK_DIR.name],
            cwd=STOCK_DIR.parent,
            check=True,
            env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
        )
    return max(models.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)


@contextmanager
def stock_bot(var_dir: Path) -> Iterator[tuple[str, dict[str, int]]]:
    model, port = build_stock_bot(), free_port()
    spec = ServiceSpec(
        name="stock Rasa",
        argv=[
            str(ROOT / ".venv-rasa" / "bin" / "rasa"),
            *("run", "--enable-api", "--interface", "127.0.0.1", "--port", str(port), "--model", str(model)),
        ],
        health_url=f"http://127.0.0.1:{port}/",
        listen_url=f"http://127.0.0.1:{port}",
        env={"RASA_TELEMETRY_ENABLED": "false"},
        startup_timeout=STARTUP_TIMEOUT,
    )
    running = start_service(spec, var_dir / "log")
    try:
        yield spec.listen_url, {"stock Rasa": running.process.pid}
    finally:
        running.stop()


@contextmanager
def postgres_database() -> Iterator[str]:
    name = f"bench_trackers_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _dialogue_pids(services: list[RunningService]) -> dict[str, int]:
    wanted = ("Rasa server", "action server", "balancer", "intake API")
    return {s.spec.name: s.process.pid for s in services if s.spec.name.startswith(wanted)}


@contextmanager
def our_stack(var_dir: Path, tier: DialogueTier) -> Iterator[tuple[str, dict[str, int]]]:
    config = StackConfig.on_free_ports(var_dir, dialogue=tier)
    # A loaded machine can take minutes to load TensorFlow and the model: wait longer than `make run`.
    specs = [replace(spec, startup_timeout=STARTUP_TIMEOUT) for spec in service_specs(config)]
    with running_stack(config, specs) as services:
        yield config.rasa_url, _dialogue_pids(services)


def replicated(replicas: int, tracker_url: str) -> DialogueTier:
    return DialogueTier(
        rasa_replicas=replicas,
        action_replicas=replicas,
        tracker_store_url=tracker_url,
        rasa_ports=tuple(free_port() for _ in range(replicas)),
        action_ports=tuple(free_port() for _ in range(replicas)),
    )


# -- the report ----------------------------------------------------------------------------------


def ratios(results: list[dict[str, Any]]) -> dict[str, Any]:
    def rate(setup: str, users: int) -> float:
        found = next(r for r in results if r["setup"] == setup)
        return float(next(run for run in found["runs"] if run["users"] == users)["messages_per_second"])

    out: dict[str, Any] = {}
    for result in results[1:]:
        out[result["setup"]] = {
            f"to_stock_at_{users}_users": round(rate(result["setup"], users) / rate("stock", users), 2)
            for users in (1, 8)
        }
    out["two_over_one_replica_at_8_users"] = round(
        rate("ours, 2 replicas, PostgreSQL", 8) / rate("ours, 1 replica, PostgreSQL", 8), 2
    )
    return out


def verdict(results: list[dict[str, Any]], ratio: dict[str, Any]) -> dict[str, bool]:
    ours = [r for r in results if r["setup"] != "stock"]
    return {
        "single_stream_p95_below_100_ms": all(r["runs"][0]["p95_ms"] < 100 for r in ours),
        "two_replicas_at_least_1_6x_one": ratio["two_over_one_replica_at_8_users"] >= 1.6,
        "two_replicas_at_least_1_5x_stock": ratio["ours, 2 replicas, PostgreSQL"]["to_stock_at_8_users"]
        >= 1.5,
        "no_failed_message": all(run["failed"] == 0 for r in results for run in r["runs"])
        and all(run["empty_answers"] == 0 for r in ours for run in r["runs"]),
    }


def _stop_like_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """SIGTERM stops the services this run started, as Ctrl-C does."""
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    build_stock_bot()
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, postgres_database() as tracker_url:
        setups: list[tuple[str, Callable[[Path], Any]]] = [
            ("stock", stock_bot),
            ("ours, 1 replica, SQLite", lambda var: our_stack(var, DialogueTier())),
            ("ours, 1 replica, PostgreSQL", lambda var: our_stack(var, replicated(1, tracker_url))),
            ("ours, 2 replicas, PostgreSQL", lambda var: our_stack(var, replicated(2, tracker_url))),
        ]
        for label, start in setups:
            print(f"== {label}", flush=True)
            with start(Path(tmp) / label.replace(" ", "_").replace(",", "")) as (url, pids):
                results.append(setup_result(label, pids, url))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    ratio = ratios(results)
    report = {
        "benchmark": "dialogue tier: stock rasa init bot vs our stack with 1 and 2 replicas (REST channel)",
        "machine": {"cores": os.cpu_count()},
        "conversation": CONVERSATION,
        "rounds_per_user": ROUNDS_PER_USER,
        "results": results,
        "ratios": ratio,
        "targets": TARGETS,
        "met": verdict(results, ratio),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({"ratios": ratio, "met": report["met"]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
