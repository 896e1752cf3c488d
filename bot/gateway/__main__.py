"""``python -m bot.gateway``: run the Telegram gateway until SIGINT/SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram.error import InvalidToken

from bot.gateway.errors import SettingsError, StoreError
from bot.gateway.runner import serve
from bot.gateway.settings import load_settings


def main() -> int:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.INFO)
    # httpx logs every request URL at INFO, and Bot API URLs contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        settings = load_settings()
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        asyncio.run(serve(settings))
    except StoreError as error:
        print(error, file=sys.stderr)
        return 2
    except InvalidToken:
        print(
            "Telegram rejected TELEGRAM_BOT_TOKEN: copy the token again from @BotFather. / "
            "Telegram từ chối TELEGRAM_BOT_TOKEN: hãy sao chép lại mã token từ @BotFather.",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
