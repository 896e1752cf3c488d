"""`make run`: start the intake API, action server and Rasa, then the Telegram gateway or a terminal chat.

The gateway runs when TELEGRAM_BOT_TOKEN is set; otherwise the chat happens here in the terminal,
through the same signed channel. Ctrl-C stops everything in reverse order. Outside development
(API_ENV) nothing starts unless every secret is set and strong (docs/production.md).
"""

from __future__ import annotations

import asyncio
import dataclasses
import getpass
import os
import signal
import subprocess
import sys
from types import FrameType

from pydantic import ValidationError

from bot.chat_cli import chat
from bot.gateway.settings import gateway_secrets
from bot.stack import ROOT, StackConfig, StackError, free_port, running_stack
from deployment import table
from deployment.app_settings import AppSettings
from deployment.errors import InsecureSettings


def _stop_like_ctrl_c(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (e.g. from a process manager) stops the services in order, as Ctrl-C does."""
    raise KeyboardInterrupt


def main() -> int:
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    try:
        settings = AppSettings()
        config = StackConfig.from_settings(settings)
        telegram = settings.telegram_bot_token is not None
        if telegram:
            gateway_secrets(settings)  # refuse before starting anything, not after Rasa has loaded
    except (InsecureSettings, ValidationError) as error:
        print(f"✗ {error}", file=sys.stderr)
        return 2
    # Where the declaration outbox worker pushes receipts filed later: the gateway, or this terminal.
    chat_push_port = free_port()
    push_port = settings.gateway_push_port if telegram else chat_push_port
    notify = f"{table.loopback_url(push_port)}/push"
    config = dataclasses.replace(config, extra_env={**config.extra_env, "NOTIFY_URLS": notify})
    try:
        with running_stack(config, announce=True):
            if telegram:
                print("✓ TELEGRAM_BOT_TOKEN is set: starting the Telegram gateway (Ctrl-C stops everything)")
                gateway = subprocess.Popen(
                    [sys.executable, "-m", "bot.gateway"],
                    cwd=ROOT,
                    env={
                        **os.environ,
                        "API_ENV": config.api_env,
                        "RASA_URL": config.rasa_url,
                        **{
                            s.variable: config.secret(s)
                            for s in (table.GATEWAY_CHANNEL_SECRET, table.PUSH_TOKEN)
                        },
                    },
                )
                try:
                    return gateway.wait()
                except KeyboardInterrupt:
                    gateway.terminate()
                    gateway.wait(timeout=15)
                    return 0
            print("No TELEGRAM_BOT_TOKEN: chatting here in the terminal.")
            user = settings.chat_sender_id or f"local-{getpass.getuser()}"
            secret = config.secret(table.CLI_CHANNEL_SECRET)
            asyncio.run(
                chat(config.rasa_url, secret, user, push=(chat_push_port, config.secret(table.PUSH_TOKEN)))
            )
    except StackError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    print("All services stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
