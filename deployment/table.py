"""The one table of environments, loopback ports, development defaults and secrets (standard library).

Both settings modules (3.11 and 3.10) read their defaults from here; nothing else writes a port or a
development secret.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VAR_DIR = ROOT / "var"
DEFAULT_MODEL = ROOT / "models" / "assistant.tar.gz"

DEVELOPMENT = "development"
ENVIRONMENTS = (DEVELOPMENT, "test", "production")
ENVIRONMENT_VARIABLE = "API_ENV"

LOOPBACK = "127.0.0.1"
API_PORT = 8000
RASA_PORT = 5005
ACTIONS_PORT = 5055
OUTBOX_WORKER_PORT = 5056
GATEWAY_PUSH_PORT = 5080
TELEGRAM_WEBHOOK_PORT = 8443
# Dialogue tier (bot/dialogue_tier.py): replica i listens on the public port + REPLICA_PORT_OFFSET + i.
REPLICA_PORT_OFFSET = 100
LOCK_STORE_URL = "redis://127.0.0.1:6379/1"
TRACKER_RETENTION_DAYS = 30


def loopback_url(port: int) -> str:
    return f"http://{LOOPBACK}:{port}"


def sqlite_url(var_dir: Path) -> str:
    return f"sqlite:///{var_dir / 'intake.sqlite3'}"


@dataclass(frozen=True)
class Secret:
    variable: str
    purpose: str
    # Used only when API_ENV=development; outside it, this exact value is refused as a known default.
    development_default: str


CHANNEL_TOKEN = Secret(
    "CHANNEL_TOKEN",
    "the chat channel's credential at the intake API (action server and outbox worker -> API)",
    "development-only-channel-token-never-in-production",
)
RASA_TOKEN = Secret(
    "RASA_TOKEN",
    "Rasa's HTTP API token (trackers hold personal data; the outbox worker uses trigger_intent)",
    "development-only-rasa-token-never-in-production",
)
PUSH_TOKEN = Secret(
    "PUSH_TOKEN",
    "bearer token of the proactive-message endpoints (outbox worker -> gateway or terminal chat)",
    "development-only-push-token-never-in-production",
)
GATEWAY_CHANNEL_SECRET = Secret(
    "GATEWAY_CHANNEL_SECRET",
    "signs the Telegram gateway's calls to Rasa's channel (the only holder of 'telegram:' ids)",
    "development-only-gateway-channel-secret-never-in-production",
)
CLI_CHANNEL_SECRET = Secret(
    "CLI_CHANNEL_SECRET",
    "signs the terminal chat's calls to Rasa's channel ('cli:' ids)",
    "development-only-cli-channel-secret-never-in-production",
)
TELEGRAM_WEBHOOK_SECRET = Secret(
    "TELEGRAM_WEBHOOK_SECRET",
    "checked on every update Telegram posts to the gateway's webhook (webhook mode only)",
    "development-only-telegram-webhook-secret",
)

SECRETS: dict[str, Secret] = {
    s.variable: s
    for s in (
        CHANNEL_TOKEN,
        RASA_TOKEN,
        PUSH_TOKEN,
        GATEWAY_CHANNEL_SECRET,
        CLI_CHANNEL_SECRET,
        TELEGRAM_WEBHOOK_SECRET,
    )
}

# Chat clients of Rasa's channel: the sender-id namespace each may assert, and the secret it signs with.
CHANNEL_CLIENTS: dict[str, Secret] = {"telegram": GATEWAY_CHANNEL_SECRET, "cli": CLI_CHANNEL_SECRET}
