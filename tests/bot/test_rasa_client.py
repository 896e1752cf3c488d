"""The channel client signs every call in its namespace, and turns every way Rasa can fail into a
RasaError the callers handle."""

from __future__ import annotations

import json

import httpx
import pytest

from bot.rasa_client import ChannelCredentials, RasaBadStatus, RasaClient, RasaError
from deployment.channel_signature import NonceCache, verify

SECRET = "s" * 8 + "Q7vXk2pL9mZr4tWb6yHc1nJd3fGa5eUo"


def client_answering(status: int, body: bytes, seen: list[httpx.Request] | None = None) -> RasaClient:
    def answer(request: httpx.Request) -> httpx.Response:
        if seen is not None:
            seen.append(request)
        return httpx.Response(status, content=body)

    return RasaClient(
        "http://rasa.test", ChannelCredentials("cli", SECRET), transport=httpx.MockTransport(answer)
    )


async def test_calls_are_signed_and_namespaced() -> None:
    seen: list[httpx.Request] = []
    async with client_answering(200, b"[]", seen) as rasa:
        await rasa.send("alice", "hi", {"k": 1})
    [request] = seen
    body = request.content
    assert json.loads(body) == {"sender": "cli:alice", "message": "hi", "metadata": {"k": 1}}
    assert verify({"cli": SECRET}, request.headers, body, NonceCache()) == "cli"


async def test_replies_are_parsed_in_order() -> None:
    async with client_answering(
        200, b'[{"text": "a"}, {"text": "b", "buttons": [{"title": "T", "payload": "/p"}]}]'
    ) as rasa:
        replies = await rasa.send("u", "hi")
    assert [m.text for m in replies] == ["a", "b"]
    assert replies[1].buttons[0].payload == "/p"


@pytest.mark.parametrize("body", [b"<html>proxy error</html>", b'{"not": "a list"}'])
async def test_a_200_that_is_not_a_message_list_is_an_error(body: bytes) -> None:
    async with client_answering(200, body) as rasa:
        with pytest.raises(RasaError):
            await rasa.send("u", "hi")


@pytest.mark.parametrize("status", [401, 503])
async def test_error_status_carries_the_code(status: int) -> None:
    async with client_answering(status, b"busy") as rasa:
        with pytest.raises(RasaBadStatus) as raised:
            await rasa.send("u", "hi")
    assert raised.value.status_code == status


def test_the_secret_never_shows_in_a_repr() -> None:
    assert SECRET not in repr(ChannelCredentials("cli", SECRET))
