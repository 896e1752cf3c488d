"""The gateway benchmark still runs end to end (tiny sizes; the numbers themselves are not checked)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from benchmarks import gateway_bench
from bot.gateway.http_server import EmbeddedHttpServer

from .fake_rasa import FakeRasa


def test_the_benchmark_writes_one_run_per_scenario_and_chat_count(tmp_path: Path) -> None:
    out = tmp_path / "gateway.json"
    argv = ["--chats", "1", "3", "--messages", "4", "--timeout", "60", "--out", str(out)]

    assert gateway_bench.main(argv) == 0

    report = json.loads(out.read_text())
    runs = {(run["scenario"], run["chats"]): run for run in report["runs"]}
    assert set(runs) == {("text", 1), ("text", 3), ("buttons", 1), ("buttons", 3)}
    assert [run["updates"] for run in report["runs"]] == [4, 12, 4, 12]
    assert all(0 < run["p50_ms"] <= run["p95_ms"] <= run["max_ms"] for run in report["runs"])
    assert isinstance(report["meets_target"], bool)


def test_the_benchmark_refuses_unbounded_sizes() -> None:
    with pytest.raises(SystemExit):
        gateway_bench.parse_args(["--chats", "1000", "--messages", "1000"])


async def test_embedded_servers_answer_without_nagle_delays() -> None:
    server = EmbeddedHttpServer(FakeRasa().asgi_app(), "127.0.0.1", 0, name="probe")
    await server.start()
    try:
        # asyncio sets TCP_NODELAY on accepted connections only when the listening socket says TCP.
        assert server._socket is not None and server._socket.proto == socket.IPPROTO_TCP
    finally:
        await server.stop()
