"""`make run`: start the intake API, action server and Rasa, then the Telegram gateway or a terminal chat.

The gateway runs when TELEGRAM_BOT_TOKEN is set; otherwise the chat happens here in the terminal,
through the same REST channel. Ctrl-C stops everything in reverse order.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from dotenv import load_dotenv

from bot.chat_cli import chat, default_sender
from bot.stack import ROOT, StackConfig, StackError, running_stack


def main() -> int:
    load_dotenv(ROOT / ".env")
    config = StackConfig.from_env()
    try:
        with running_stack(config, announce=True):
            if os.environ.get("TELEGRAM_BOT_TOKEN"):
                print("✓ TELEGRAM_BOT_TOKEN is set: starting the Telegram gateway (Ctrl-C stops everything)")
                gateway = subprocess.Popen(
                    [sys.executable, "-m", "bot.gateway"],
                    cwd=ROOT,
                    env={**os.environ, "RASA_URL": config.rasa_url},
                )
                try:
                    return gateway.wait()
                except KeyboardInterrupt:
                    gateway.terminate()
                    gateway.wait(timeout=15)
                    return 0
            print("No TELEGRAM_BOT_TOKEN: chatting here in the terminal.")
            asyncio.run(chat(config.rasa_url, os.environ.get("CHAT_SENDER_ID", default_sender())))
    except StackError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    print("All services stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
