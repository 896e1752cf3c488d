"""Issue #10 item 1: outside development no entry point starts without strong secrets.

Each entry point runs as a real process with API_ENV=production and no secrets (or weak ones): it exits
with code 2 before listening, naming each variable to set and how to generate a value. Then the issue's
attack: the well-known development token gets nothing, because nothing runs with it.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from bot.stack import free_port
from deployment.secret_strength import GENERATE
from deployment.table import ROOT

APP_PYTHON = str(ROOT / ".venv" / "bin" / "python")
RASA_PYTHON = str(ROOT / ".venv-rasa" / "bin" / "python")
VICTIM = {"Authorization": "Bearer dev-channel-token", "X-Chat-Account": "telegram:424242"}


def production_env(var_dir: Path, **extra: str) -> dict[str, str]:
    """A clean environment: nothing inherited that could hold a secret."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(var_dir),
        "PYTHONPATH": str(ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'intake.sqlite3'}",
        "API_ENV": "production",
        **extra,
    }


def run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


ENTRY_POINTS = {
    "run command": ([APP_PYTHON, "-m", "bot.run"], {}),
    "intake API": ([APP_PYTHON, "-m", "api", "serve", "--port", "0"], {}),
    "action server": ([RASA_PYTHON, "-m", "rasa_addons.action_server", "--port", "0"], {}),
    "Rasa server": ([RASA_PYTHON, "-m", "rasa_addons", "run", "--enable-api", "--port", "0"], {}),
    "outbox worker": ([RASA_PYTHON, "-m", "actions.declare.outbox_worker"], {}),
    "Telegram gateway": ([APP_PYTHON, "-m", "bot.gateway"], {"TELEGRAM_BOT_TOKEN": "123:abc"}),
    "Telegram gateway (webhook)": (
        [APP_PYTHON, "-m", "bot.gateway"],
        {"TELEGRAM_BOT_TOKEN": "123:abc", "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/hook"},
    ),
}
NEEDS = {
    "run command": [
        "CHANNEL_TOKEN",
        "RASA_TOKEN",
        "PUSH_TOKEN",
        "GATEWAY_CHANNEL_SECRET",
        "CLI_CHANNEL_SECRET",
    ],
    "intake API": ["CHANNEL_TOKEN"],
    "action server": ["CHANNEL_TOKEN"],
    "Rasa server": ["RASA_TOKEN", "GATEWAY_CHANNEL_SECRET", "CLI_CHANNEL_SECRET"],
    "outbox worker": ["CHANNEL_TOKEN", "RASA_TOKEN", "PUSH_TOKEN"],
    "Telegram gateway": ["GATEWAY_CHANNEL_SECRET", "PUSH_TOKEN"],
    "Telegram gateway (webhook)": ["GATEWAY_CHANNEL_SECRET", "PUSH_TOKEN", "TELEGRAM_WEBHOOK_SECRET"],
}


@pytest.mark.parametrize("entry_point", list(ENTRY_POINTS))
def test_no_entry_point_starts_in_production_without_its_secrets(entry_point: str, tmp_path: Path) -> None:
    argv, extra = ENTRY_POINTS[entry_point]
    done = run(argv, production_env(tmp_path, **extra))
    assert done.returncode == 2, done.stdout + done.stderr
    for variable in NEEDS[entry_point]:
        assert f"{variable} is not set" in done.stderr, done.stderr
    assert GENERATE in done.stderr and "docs/production.md" in done.stderr


@pytest.mark.parametrize(
    ("token", "reason"),
    [("a", "too short"), ("dev-channel-token", "known default"), ("x" * 64, "kinds of characters")],
)
def test_weak_tokens_are_refused_too(token: str, reason: str, tmp_path: Path) -> None:
    port = free_port()
    done = run(
        [APP_PYTHON, "-m", "api", "serve", "--port", str(port)],
        production_env(tmp_path, CHANNEL_TOKEN=token),
    )
    assert done.returncode == 2
    assert "CHANNEL_TOKEN " in done.stderr and reason in done.stderr, done.stderr


def test_the_issues_attack_gets_nothing_from_a_production_run(tmp_path: Path) -> None:
    """`make run` with API_ENV=production and no token: nothing listens, so the well-known token is
    worth nothing; then the API started properly refuses that token."""
    api_port = free_port()
    done = run([APP_PYTHON, "-m", "bot.run"], production_env(tmp_path, API_PORT=str(api_port)))
    assert done.returncode == 2
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"http://127.0.0.1:{api_port}/v1/declarations", headers=VICTIM, timeout=5)

    env = production_env(tmp_path, CHANNEL_TOKEN=secrets.token_urlsafe(32))
    api = subprocess.Popen(
        [APP_PYTHON, "-m", "api", "serve", "--port", str(api_port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert api.poll() is None, "the API did not start with a strong token"
            try:
                if httpx.get(f"http://127.0.0.1:{api_port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the API was not healthy within 60 s"
            time.sleep(0.2)
        attack = httpx.get(f"http://127.0.0.1:{api_port}/v1/declarations", headers=VICTIM, timeout=5)
        assert attack.status_code == 401
    finally:
        api.terminate()
        api.wait(timeout=30)
