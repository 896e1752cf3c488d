"""Settings of the Python 3.11 side (intake API, run command, Telegram gateway, terminal chat).

One pydantic-settings class read from the environment and the repository's `.env`; defaults, ports
and secret names come from ``deployment.table``. Each entry point calls ``require(...)`` with the
secrets it uses: development fills them from the table, every other environment refuses to start
unless each one is set and strong.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from deployment import table
from deployment.secret_strength import require_secrets


def _upper(name: str) -> str:
    return name.upper()


class AppSettings(BaseSettings):
    # Field names double as the environment variable names (upper case); both spellings are accepted
    # as keyword arguments, e.g. AppSettings(API_ENV="test") or AppSettings(api_env="test").
    model_config = SettingsConfigDict(
        env_file=table.ROOT / ".env", extra="ignore", populate_by_name=True, alias_generator=_upper
    )

    api_env: Literal["development", "test", "production"] = "development"  # table.ENVIRONMENTS
    api_port: int = Field(default=table.API_PORT, ge=0, le=65535)
    rasa_port: int = Field(default=table.RASA_PORT, ge=0, le=65535)
    actions_port: int = Field(default=table.ACTIONS_PORT, ge=0, le=65535)
    outbox_worker_port: int = Field(default=table.OUTBOX_WORKER_PORT, ge=0, le=65535)
    gateway_push_port: int = Field(default=table.GATEWAY_PUSH_PORT, ge=0, le=65535)
    # Clients' view of the services; empty -> the loopback URL of the port above.
    intake_api_url: str = ""
    rasa_url: str = ""
    var_dir: Path = table.DEFAULT_VAR_DIR
    database_url: str = ""  # empty -> SQLite under var_dir
    rasa_model: Path = table.DEFAULT_MODEL

    channel_token: SecretStr | None = None
    rasa_token: SecretStr | None = None
    push_token: SecretStr | None = None
    gateway_channel_secret: SecretStr | None = None
    cli_channel_secret: SecretStr | None = None

    # Intake API
    retention_days: int = Field(default=365, ge=1)
    # Database connections per worker process; PostgreSQL only. The threadpool that runs the database
    # work is sized to match (more threads would only wait for a connection while holding memory).
    db_pool_size: int = Field(default=10, ge=1)
    # How long an establishment's key (or linked chat account) is trusted without a database look-up.
    caller_cache_seconds: float = Field(default=5.0, ge=0, le=300)

    # Telegram gateway (docs/telegram.md)
    telegram_bot_token: SecretStr | None = None
    # Set -> webhook mode (Telegram pushes updates to this public URL); unset -> long polling.
    telegram_webhook_url: str | None = None
    telegram_webhook_listen: str = table.LOOPBACK
    telegram_webhook_port: int = Field(default=table.TELEGRAM_WEBHOOK_PORT, ge=0, le=65535)
    telegram_webhook_secret: SecretStr | None = None
    # The bot token is appended to this, as Telegram's own URL scheme does (".../bot<token>/<method>").
    telegram_api_base_url: str = "https://api.telegram.org/bot"

    # Terminal chat: the user part of its "cli:<id>" sender id (default: local-<login name>).
    chat_sender_id: str | None = None

    # Dialogue tier (bot/dialogue_tier.py, docs/production-dialogue.md)
    rasa_replicas: int = Field(default=1, ge=1, le=32)
    action_replicas: int = Field(default=1, ge=1, le=32)
    rasa_replica_ports: str = ""  # comma-separated; empty -> RASA_PORT + REPLICA_PORT_OFFSET + i
    action_replica_ports: str = ""
    tracker_store_url: str = ""  # empty -> SQLite under var_dir
    # Fernet key(s), comma-separated, newest first; unset -> a key file made once under var_dir.
    tracker_store_key: SecretStr | None = None
    tracker_retention_days: float = Field(default=table.TRACKER_RETENTION_DAYS, gt=0)
    lock_store_url: str = table.LOCK_STORE_URL

    @model_validator(mode="after")
    def _derived_defaults(self) -> AppSettings:
        self.intake_api_url = (self.intake_api_url or table.loopback_url(self.api_port)).rstrip("/")
        self.rasa_url = (self.rasa_url or table.loopback_url(self.rasa_port)).rstrip("/")
        self.database_url = self.database_url or table.sqlite_url(self.var_dir)
        return self

    @property
    def webhook_mode(self) -> bool:
        return bool(self.telegram_webhook_url)

    def require(self, service: str, *variables: str) -> dict[str, str]:
        """The named secrets (e.g. "CHANNEL_TOKEN"); InsecureSettings outside development when one is
        missing or weak, with what to set and how to generate it."""
        values: dict[str, str | None] = {}
        for variable in variables:
            secret = getattr(self, variable.lower())
            values[variable] = secret.get_secret_value() if secret is not None else None
        return require_secrets(self.api_env, values, service)
