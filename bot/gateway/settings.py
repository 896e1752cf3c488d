"""Gateway settings, read from the environment (names are the deployment contract, see docs/telegram.md)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.gateway.errors import SettingsError

TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
ROOT = Path(__file__).resolve().parents[2]


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="", case_sensitive=False, extra="ignore")

    telegram_bot_token: SecretStr = Field(min_length=1)
    rasa_url: str = "http://127.0.0.1:5005"
    # Set -> webhook mode (Telegram pushes updates to this public URL); unset -> long polling.
    telegram_webhook_url: str | None = None
    telegram_webhook_listen: str = "127.0.0.1"
    telegram_webhook_port: int = Field(default=8443, ge=0, le=65535)
    telegram_webhook_secret: SecretStr | None = None
    # The bot token is appended to this, as Telegram's own URL scheme does (".../bot<token>/<method>").
    telegram_api_base_url: str = TELEGRAM_API_BASE_URL
    gateway_push_port: int = Field(default=5080, ge=0, le=65535)
    push_token: SecretStr | None = None
    # Durable state (kept messages, button tokens) lives in $VAR_DIR/gateway/.
    var_dir: Path = ROOT / "var"

    @property
    def webhook_mode(self) -> bool:
        return bool(self.telegram_webhook_url)


def load_settings() -> GatewaySettings:
    """Read the environment, turning pydantic's report into one bilingual message that says what to set."""
    try:
        return GatewaySettings()  # type: ignore[call-arg]  # fields come from the environment
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']).upper()}: {item['msg']}" for item in error.errors()
        )
        raise SettingsError(
            f"The Telegram gateway cannot start: {problems}. Set TELEGRAM_BOT_TOKEN to the token "
            "@BotFather gave you (see docs/telegram.md). / Không thể khởi động cổng Telegram: "
            f"{problems}. Hãy đặt TELEGRAM_BOT_TOKEN bằng mã token mà @BotFather cung cấp."
        ) from error
