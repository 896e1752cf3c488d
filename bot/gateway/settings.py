"""The gateway's settings: the 3.11 side's one definition (deployment.app_settings), plus what the
gateway checks before it starts (names are the deployment contract, see docs/telegram.md)."""

from __future__ import annotations

from pydantic import ValidationError

from bot.gateway.errors import SettingsError
from deployment.app_settings import AppSettings
from deployment.errors import InsecureSettings
from deployment.table import GATEWAY_CHANNEL_SECRET, PUSH_TOKEN, TELEGRAM_WEBHOOK_SECRET

GatewaySettings = AppSettings
SERVICE = "Telegram gateway"


def gateway_secrets(settings: GatewaySettings) -> dict[str, str]:
    """The secrets the gateway uses: its channel secret for Rasa, the push token, and in webhook mode
    the secret Telegram sends with every update. InsecureSettings outside development if one is weak."""
    names = [GATEWAY_CHANNEL_SECRET.variable, PUSH_TOKEN.variable]
    if settings.webhook_mode:
        names.append(TELEGRAM_WEBHOOK_SECRET.variable)
    return settings.require(SERVICE, *names)


def bot_token(settings: GatewaySettings) -> str:
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token:
        raise SettingsError(
            "The Telegram gateway cannot start: TELEGRAM_BOT_TOKEN is not set. Set TELEGRAM_BOT_TOKEN to "
            "the token @BotFather gave you (see docs/telegram.md). / Không thể khởi động cổng Telegram: "
            "chưa đặt TELEGRAM_BOT_TOKEN. Hãy đặt TELEGRAM_BOT_TOKEN bằng mã token mà @BotFather cung cấp."
        )
    return token


def load_settings() -> GatewaySettings:
    """Read the environment; refuse (SettingsError, saying what to set) without a bot token or, outside
    development, without strong secrets."""
    try:
        settings = GatewaySettings()
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in item['loc']).upper()}: {item['msg']}" for item in error.errors()
        )
        raise SettingsError(
            f"The Telegram gateway cannot start: {problems}. / Không thể khởi động cổng Telegram: {problems}."
        ) from error
    bot_token(settings)
    try:
        gateway_secrets(settings)
    except InsecureSettings as error:
        raise SettingsError(
            f"{error} / Cổng Telegram không khởi động: hãy đặt từng biến bí mật nêu trên bằng một giá trị "
            "ngẫu nhiên mạnh (ít nhất 32 ký tự, xem docs/production.md)."
        ) from error
    return settings
