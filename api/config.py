"""Settings from the environment (pydantic-settings), read through `get_settings()` so tests can override."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.errors import ConfigurationError

# Only ever accepted when API_ENV=development, so a developer can run the chat against a local API.
DEVELOPMENT_CHANNEL_TOKEN = "dev-channel-token-not-for-production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(default="sqlite:///var/intake.sqlite3", alias="DATABASE_URL")
    api_env: Literal["development", "test", "production"] = Field(default="development", alias="API_ENV")
    channel_token: str | None = Field(default=None, alias="CHANNEL_TOKEN")
    retention_days: int = Field(default=365, ge=1, alias="RETENTION_DAYS")
    # Database connections per worker process; PostgreSQL only. The threadpool that runs the database
    # work is sized to match (more threads would only wait for a connection while holding memory).
    db_pool_size: int = Field(default=10, ge=1, alias="DB_POOL_SIZE")
    # How long an establishment's key (or linked chat account) is trusted without a database look-up.
    caller_cache_seconds: float = Field(default=5.0, ge=0, le=300, alias="CALLER_CACHE_SECONDS")

    def effective_channel_token(self) -> str:
        """The chat channel's credential; the fixed default exists only in development."""
        if self.channel_token:
            return self.channel_token
        if self.api_env == "development":
            return DEVELOPMENT_CHANNEL_TOKEN
        raise ConfigurationError(f"CHANNEL_TOKEN must be set when API_ENV={self.api_env}")


@lru_cache
def get_settings() -> Settings:
    return Settings()
