"""The REST-channel client turns every way Rasa can fail into a RasaError the callers handle."""

from __future__ import annotations

import httpx
import pytest

from bot.rasa_client import RasaBadStatus, RasaClient, RasaError


def client_answering(status: int, body: bytes) -> RasaClient:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=body))
    return RasaClient("http://rasa.test", transport=transport)


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


async def test_error_status_carries_the_code() -> None:
    async with client_answering(503, b"busy") as rasa:
        with pytest.raises(RasaBadStatus) as raised:
            await rasa.send("u", "hi")
    assert raised.value.status_code == 503


async def test_not_ready_when_status_is_not_json() -> None:
    async with client_answering(200, b"ok") as rasa:
        assert await rasa.is_ready() is False
