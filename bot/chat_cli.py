"""A chat in the terminal that talks to Rasa through the signed channel, like the Telegram gateway does.

It signs as the "cli" client with CLI_CHANNEL_SECRET, so its sender ids are "cli:<name>": it can never
speak for a Telegram user. Buttons are shown numbered; typing the number sends the button's payload.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import sys
import threading
from typing import TextIO

from bot.rasa_client import BotMessage, Button, ChannelCredentials, RasaClient, RasaError
from deployment.channel_signature import namespaced

CLIENT = "cli"

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


async def chat(
    rasa_url: str,
    channel_secret: str,
    user_id: str,
    stdin: TextIO = sys.stdin,
    out: TextIO = sys.stdout,
    push: tuple[int, str] | None = None,
) -> None:
    """Chat as "cli:<user_id>"; `push` (port, PUSH_TOKEN) also shows receipts filed later."""
    out.write("Type a message (English or Tiếng Việt); /quit to leave.\n")
    server = await serve_push(push[0], push[1], namespaced(CLIENT, user_id), out) if push else None
    try:
        await _chat_loop(
            RasaClient(rasa_url, ChannelCredentials(CLIENT, channel_secret)), user_id, stdin, out
        )
    finally:
        if server is not None:
            server.close()


def read_lines(stdin: TextIO) -> asyncio.Queue[str]:
    """Lines typed, fed from a daemon thread: a blocked read must not keep Ctrl-C from ending the
    program, as it would in asyncio's default executor. "" marks the end of input."""
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str] = asyncio.Queue()

    def pump() -> None:
        for line in iter(stdin.readline, ""):
            loop.call_soon_threadsafe(lines.put_nowait, line)
        loop.call_soon_threadsafe(lines.put_nowait, "")

    threading.Thread(target=pump, name="stdin", daemon=True).start()
    return lines


async def _chat_loop(rasa: RasaClient, user_id: str, stdin: TextIO, out: TextIO) -> None:
    buttons: list[Button] = []
    lines = read_lines(stdin)
    async with rasa:
        while True:
            out.write("you> ")
            out.flush()
            line = await lines.get()
            if not line or line.strip() in EXIT_WORDS:
                out.write("\n")
                return
            text = resolve_input(line, buttons)
            if not text:
                continue
            try:
                replies = await rasa.send(user_id, text)
            except RasaError as error:
                out.write(f"bot> (the assistant is not answering: {error}; try again in a moment)\n")
                continue
            if not replies:
                out.write("bot> …\n")
            buttons = render(replies, out) or buttons


async def serve_push(port: int, push_token: str, sender_id: str, out: TextIO = sys.stdout) -> asyncio.Server:
    """A loopback `POST /push` like the Telegram gateway's, so receipts filed later (the declaration
    outbox) show up in this terminal: {"recipient_id": ..., "messages": [...]} with
    `Authorization: Bearer <PUSH_TOKEN>` -> printed, 202; a wrong token gets 401."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        status = "400 Bad Request"
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                (
                    int(line.split(b":", 1)[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                ),
                0,
            )
            authorization = next(
                (
                    line.split(b":", 1)[1].strip()
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"authorization:")
                ),
                b"",
            )
            body = json.loads(await reader.readexactly(length)) if length else {}
            if not hmac.compare_digest(authorization, b"Bearer " + push_token.encode()):
                status = "401 Unauthorized"
            elif str(body.get("recipient_id")) != sender_id:
                status = "404 Not Found"
            else:
                messages = [
                    BotMessage.from_json(m) for m in body.get("messages") or [] if isinstance(m, dict)
                ]
                out.write("\n")
                render(messages, out)
                out.write("you> ")
                out.flush()
                status = "202 Accepted"
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, AttributeError):
            pass
        writer.write(f"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        writer.close()

    return await asyncio.start_server(handle, "127.0.0.1", port)
