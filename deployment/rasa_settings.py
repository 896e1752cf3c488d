"""Settings of the Python 3.10 side (Rasa server through rasa_addons, action server, outbox worker).

One pydantic 1.10 ``BaseSettings`` class (Rasa brings pydantic 1.10) read from the environment, which
the run command (bot/stack.py) hands over; defaults, ports and secret names come from
``deployment.table``. Read through ``current()`` each time, so a changed environment (tests) counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from deployment import table
from deployment.secret_strength import require_secrets

if TYPE_CHECKING:  # mypy runs in the 3.11 environment, where pydantic 1's API is pydantic.v1
    from pydantic.v1 import BaseSettings, SecretStr, validator
else:
    from pydantic import BaseSettings, SecretStr, validator


class RasaSideSettings(BaseSettings):
    api_env: str = table.DEVELOPMENT
    intake_api_url: str = table.loopback_url(table.API_PORT)
    rasa_url: str = table.loopback_url(table.RASA_PORT)
    outbox_worker_port: int = table.OUTBOX_WORKER_PORT
    var_dir: Path = table.DEFAULT_VAR_DIR
    # Where the outbox worker pushes receipts filed later (comma-separated; gateway and/or terminal chat).
    notify_urls: str = ""

    channel_token: SecretStr | None = None
    rasa_token: SecretStr | None = None
    push_token: SecretStr | None = None
    gateway_channel_secret: SecretStr | None = None
    cli_channel_secret: SecretStr | None = None

    @validator("api_env")
    def _known_environment(cls, value: str) -> str:
        if value not in table.ENVIRONMENTS:
            raise ValueError(f"API_ENV must be one of {', '.join(table.ENVIRONMENTS)}")
        return value

    @validator("intake_api_url", "rasa_url")
    def _no_trailing_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def notify_url_list(self) -> list[str]:
        return [url.strip() for url in self.notify_urls.split(",") if url.strip()]

    @property
    def outbox_path(self) -> Path:
        return self.var_dir / "outbox" / "outbox.sqlite3"

    def require(self, service: str, *variables: str) -> dict[str, str]:
        """The named secrets; InsecureSettings outside development when one is missing or weak."""
        values: dict[str, str | None] = {}
        for variable in variables:
            secret = getattr(self, variable.lower())
            values[variable] = secret.get_secret_value() if secret is not None else None
        return require_secrets(self.api_env, values, service)


def current() -> RasaSideSettings:
    return RasaSideSettings()
