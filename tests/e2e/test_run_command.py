"""`make run`'s entry point as a user meets it: services start in order, the terminal chat answers,
Ctrl-C (or SIGTERM) stops every service and leaves no port open."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.stack import DEFAULT_MODEL, ROOT, free_port

pytestmark = pytest.mark.stack


def read_until(process: subprocess.Popen[str], needle: str, timeout: float) -> str:
    """Read the process's output line by line until `needle` appears (or fail with what was seen)."""
    assert process.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            if process.poll() is not None:
                break
            continue
        seen.append(line)
        if needle in line:
            return "".join(seen)
    pytest.fail(f"{needle!r} not printed within {timeout:.0f} s; output:\n{''.join(seen)}")


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_run_starts_everything_chats_and_stops_cleanly(tmp_path: Path, stop_signal: signal.Signals) -> None:
    if not DEFAULT_MODEL.exists():
        pytest.fail("No trained model: run `make train`.")
    ports = {name: free_port() for name in ("API_PORT", "ACTIONS_PORT", "RASA_PORT", "OUTBOX_WORKER_PORT")}
    env = {
        **os.environ,
        **{name: str(port) for name, port in ports.items()},
        "VAR_DIR": str(tmp_path),
        "CHAT_SENDER_ID": "run-test",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.run"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        started = read_until(process, "chatting here in the terminal", timeout=300)
        for name in ("intake API", "action server", "Rasa server"):
            assert f"✓ {name} listening on http://127.0.0.1:" in started
        assert process.stdin is not None
        process.stdin.write("xin chào\n")
        process.stdin.flush()
        assert "Xin chào" in read_until(process, "Xin chào", timeout=60)
        process.send_signal(stop_signal)
        assert process.wait(timeout=60) == 0
        assert process.stdout is not None
        assert "All services stopped." in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
    assert not [name for name, port in ports.items() if port_open(port)], "a service outlived Ctrl-C"
