"""Run `python -m api serve` as a real subprocess on a free loopback port (kill test, schemathesis)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(
    database_url: str,
    port: int,
    channel_token: str,
    workers: int = 1,
    *,
    log_path: Path | None = None,
    access_log: bool = False,
    wait_healthy: bool = True,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.Popen[bytes]:
    """`log_path`: the server's log (stderr) goes there instead of a pipe. `wait_healthy=False` waits only
    for an answer from /health (a read-only database answers 503)."""
    env = {**os.environ, "DATABASE_URL": database_url, "API_ENV": "test", "CHANNEL_TOKEN": channel_token}
    command = [sys.executable, "-m", "api", "serve", "--port", str(port), "--workers", str(workers)]
    command.append("--access-log" if access_log else "--no-access-log")
    log = log_path.open("ab") if log_path is not None else None
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log if log is not None else subprocess.DEVNULL,  # uvicorn's access log goes to stdout
        stderr=log if log is not None else subprocess.PIPE,
        preexec_fn=preexec_fn,
    )
    if log is not None:
        log.close()  # the child has its own copy
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode() if process.stderr else str(log_path)
            stop_server(process)
            raise RuntimeError(f"server exited: {error}")
        try:
            status = httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code
            if status == 200 or not wait_healthy:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop_server(process, signal.SIGKILL)
    raise RuntimeError("server did not become healthy in 30 s")


def stop_server(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> None:
    """Signal, wait, and close the stderr pipe (an open pipe is a ResourceWarning, hence an error)."""
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr is not None:
        process.stderr.close()


@contextmanager
def running_server(database_url: str, channel_token: str, workers: int = 1) -> Iterator[str]:
    port = free_port()
    process = start_server(database_url, port, channel_token, workers)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_server(process)
