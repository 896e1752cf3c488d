"""Shared by the declare action tests: the real intake API (Python 3.11 env) on a free loopback port."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_PYTHON = ROOT / ".venv" / "bin" / "python"
CHANNEL_TOKEN = secrets.token_urlsafe(32)  # API_ENV=test requires a strong one


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def intake_api(var_dir: Path, port: int | None = None) -> Iterator[str]:
    """Start `python -m api serve` on SQLite under var_dir; yields its base URL; stops it on exit."""
    port = port or free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{var_dir / 'intake.sqlite3'}",
        "API_ENV": "test",
        "CHANNEL_TOKEN": CHANNEL_TOKEN,
    }
    log = (var_dir / f"api-{port}.log").open("ab")
    process = subprocess.Popen(
        [str(APP_PYTHON), "-m", "api", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"intake API exited with {process.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("intake API did not become healthy in 60 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()
