"""The declare actions' settings: the Python 3.10 side's one definition (deployment.rasa_settings),
read when used so tests can change the environment."""

from __future__ import annotations

from pathlib import Path

from deployment.rasa_settings import current
from deployment.table import CHANNEL_TOKEN, PUSH_TOKEN, RASA_TOKEN


def intake_api_url() -> str:
    return current().intake_api_url


def channel_token() -> str:
    """The development default only when API_ENV=development; InsecureSettings otherwise if weak."""
    return current().require("action server", CHANNEL_TOKEN.variable)[CHANNEL_TOKEN.variable]


def outbox_path() -> Path:
    return current().outbox_path


def rasa_url() -> str:
    return current().rasa_url


def rasa_token() -> str:
    """Rasa's HTTP API (trigger_intent) is protected by its auth token."""
    return current().require("outbox worker", RASA_TOKEN.variable)[RASA_TOKEN.variable]


def notify_urls() -> list[str]:
    return current().notify_url_list


def push_token() -> str:
    return current().require("outbox worker", PUSH_TOKEN.variable)[PUSH_TOKEN.variable]
