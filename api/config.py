"""The API's view of the 3.11 settings (deployment.app_settings), read once through `get_settings()`."""

from __future__ import annotations

from functools import lru_cache

from api.errors import ConfigurationError
from deployment.app_settings import AppSettings
from deployment.errors import InsecureSettings


class Settings(AppSettings):
    def effective_channel_token(self) -> str:
        """The chat channel's credential: the development default only when API_ENV=development,
        otherwise set and strong (ConfigurationError says which variable and how to generate it)."""
        try:
            return self.require("intake API", "CHANNEL_TOKEN")["CHANNEL_TOKEN"]
        except InsecureSettings as error:
            raise ConfigurationError(str(error)) from error


@lru_cache
def get_settings() -> Settings:
    return Settings()
