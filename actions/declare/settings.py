"""Configuration from the environment (set by bot/stack.py), read when used so tests can change it."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def intake_api_url() -> str:
    return os.environ.get("INTAKE_API_URL", "http://127.0.0.1:8000").rstrip("/")


def channel_token() -> str:
    return os.environ.get("CHANNEL_TOKEN", "dev-channel-token")


def var_dir() -> Path:
    return Path(os.environ.get("VAR_DIR", str(ROOT / "var")))


def outbox_path() -> Path:
    return var_dir() / "outbox" / "outbox.sqlite3"


def rasa_url() -> str:
    return os.environ.get("RASA_URL", "http://127.0.0.1:5005").rstrip("/")


def rasa_token() -> str | None:
    """Rasa's HTTP API (trigger_intent) is protected by --auth-token; bot/stack.py passes it here."""
    return os.environ.get("RASA_TOKEN") or None


def notify_urls() -> list[str]:
    return [url.strip() for url in os.environ.get("NOTIFY_URLS", "").split(",") if url.strip()]


def push_token() -> str | None:
    return os.environ.get("PUSH_TOKEN") or None
