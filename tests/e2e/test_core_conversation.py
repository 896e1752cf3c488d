"""A short conversation over the signed channel with the real API, action server and Rasa running."""

from __future__ import annotations

import io

import httpx
import pytest

from bot.chat_cli import chat
from bot.stack import StackConfig
from deployment.table import CLI_CHANNEL_SECRET, RASA_TOKEN
from tests.e2e.chat import joined, say

pytestmark = pytest.mark.stack


async def test_greeting_help_and_goodbye_in_english(stack: StackConfig) -> None:
    assert "Hello" in joined(await say(stack, "e2e-en", "hello"))
    help_reply = await say(stack, "e2e-en", "what can you do?")
    assert "I can help with" in joined(help_reply)
    assert any(b.payload == "/declare_guest" for m in help_reply for b in m.buttons)
    assert "Goodbye" in joined(await say(stack, "e2e-en", "bye"))


async def test_vietnamese_user_is_answered_in_vietnamese(stack: StackConfig) -> None:
    assert "Xin chào" in joined(await say(stack, "e2e-vi", "xin chào"))
    assert "Tôi có thể giúp" in joined(await say(stack, "e2e-vi", "bạn làm được gì?"))
    assert "Tạm biệt" in joined(await say(stack, "e2e-vi", "tạm biệt"))


async def test_language_choice_sticks(stack: StackConfig) -> None:
    offer = await say(stack, "e2e-lang", "/choose_language")
    [vietnamese] = [b for m in offer for b in m.buttons if b.title == "Tiếng Việt"]
    assert "tiếng Việt" in joined(await say(stack, "e2e-lang", vietnamese.payload))
    # An English message no longer switches the reply language back.
    assert "Xin chào" in joined(await say(stack, "e2e-lang", "hello"))


async def test_out_of_scope_and_gibberish_never_get_silence(stack: StackConfig) -> None:
    assert "outside what I can help with" in joined(
        await say(stack, "e2e-oos", "what's the weather like today")
    )
    assert joined(await say(stack, "e2e-oos", "qwxz plorf")).strip()


async def test_terminal_chat_speaks_the_signed_channel(stack: StackConfig) -> None:
    stdin = io.StringIO("hello\nhelp\n1\n/quit\n")
    out = io.StringIO()
    await chat(stack.rasa_url, stack.secret(CLI_CHANNEL_SECRET), "e2e-cli", stdin=stdin, out=out)
    transcript = out.getvalue()
    assert "bot> Hello!" in transcript
    assert "[1] Temporary residence" in transcript
    # "1" picked the first help button, so the next reply answers that topic instead of a fallback.
    assert transcript.count("bot> ") >= 3


async def test_rasa_http_api_needs_the_token(stack: StackConfig) -> None:
    await say(stack, "e2e-private", "hello")
    async with httpx.AsyncClient(base_url=stack.rasa_url) as client:
        anonymous = await client.get("/conversations/cli:e2e-private/tracker")
        with_token = await client.get(
            "/conversations/cli:e2e-private/tracker", params={"token": stack.secret(RASA_TOKEN)}
        )
    assert anonymous.status_code == 401, "conversations hold personal data"
    assert with_token.status_code == 200
