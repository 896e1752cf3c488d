"""A chat in the terminal that talks to Rasa through the REST channel, like the Telegram gateway does.

Buttons are shown numbered; typing the number sends the button's payload.
"""

from __future__ import annotations

import asyncio
import getpass
import sys
from typing import TextIO

from bot.rasa_client import BotMessage, Button, RasaClient, RasaError

EXIT_WORDS = {"/quit", "/exit", ":q"}


def render(messages: list[BotMessage], out: TextIO) -> list[Button]:
    """Print Rasa's replies; return the buttons of the last message that had any."""
    buttons: list[Button] = []
    for message in messages:
        if message.text:
            for line in message.text.splitlines():
                out.write(f"bot> {line}\n")
        if message.buttons:
            buttons = list(message.buttons)
            for number, button in enumerate(buttons, start=1):
                out.write(f"     [{number}] {button.title}\n")
    out.flush()
    return buttons


def resolve_input(text: str, buttons: list[Button]) -> str:
    """A bare number picks the matching button of the last reply."""
    stripped = text.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(buttons):
        return buttons[int(stripped) - 1].payload
    return stripped


async def chat(rasa_url: str, sender_id: str, stdin: TextIO = sys.stdin, out: TextIO = sys.stdout) -> None:
    out.write("Type a message (English or Tiếng Việt); /quit to leave.\n")
    buttons: list[Button] = []
    async with RasaClient(rasa_url) as rasa:
        while True:
            out.write("you> ")
            out.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line or line.strip() in EXIT_WORDS:
                out.write("\n")
                return
            text = resolve_input(line, buttons)
            if not text:
                continue
            try:
                replies = await rasa.send(sender_id, text)
            except RasaError as error:
                out.write(f"bot> (the assistant is not answering: {error}; try again in a moment)\n")
                continue
            if not replies:
                out.write("bot> …\n")
            buttons = render(replies, out) or buttons


def default_sender() -> str:
    return f"local-{getpass.getuser()}"
