"""`make run`: start the intake API, action server and Rasa, then the Telegram gateway or a terminal chat.

The gateway runs when TELEGRAM_BOT_TOKEN is set; otherwise the chat happens here in the terminal,
through the same REST channel. Ctrl-C stops everything in reverse order.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import subprocess
import sys
from types import FrameType

from dotenv import load_dotenv

from bot.chat_cli import chat, default_sender
from bot.stack import ROOT, StackConfig, StackError, free_port, running_stack


def _stop_like_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (e.g. from a process manager) stops the services in order, as Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    load_dotenv(ROOT / ".env")
    config = StackConfig.from_env()
    # Where the declaration outbox worker pushes receipts filed later: the gateway, or this terminal.
    chat_push_port = free_port()
    gateway_push = f"http://127.0.0.1:{os.environ.get('GATEWAY_PUSH_PORT', '5080')}/push"
    notify = (
        gateway_push if os.environ.get("TELEGRAM_BOT_TOKEN") else f"http://127.0.0.1:{chat_push_port}/push"
    )
    config = dataclasses.replace(config, extra_env={**config.extra_env, "NOTIFY_URLS": notify})
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
            sender = os.environ.get("CHAT_SENDER_ID", default_sender())
            asyncio.run(chat(config.rasa_url, sender, push_port=chat_push_port))
    except StackError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    print("All services stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
