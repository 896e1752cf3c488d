"""Async client for Rasa's REST channel, shared by the terminal chat and the Telegram gateway.

HTTP is the only path between the Python 3.11 side and Rasa (Python 3.10), so this module is the
one place that knows the channel's wire format. Every call is signed with the client's own secret
(deployment.channel_signature) and carries the sender id in that client's namespace
("telegram:<user id>", "cli:<name>"); Rasa's channel (rasa_addons.channel) answers 401 to anything else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from deployment.channel_signature import namespaced, sign


class RasaError(Exception):
    """Rasa could not be reached or answered with something other than a list of bot messages.

    The subclasses tell callers whether Rasa may have acted on the message, which decides whether
    sending it again is safe; ``status_code`` is Rasa's HTTP status when it answered at all.
    """

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class RasaUnreachable(RasaError):
    """The request never reached Rasa (connection refused, connect or pool timeout): safe to resend."""


class RasaTimeout(RasaError):
    """The request was sent but no answer came in time: Rasa may have acted on it."""


class RasaBadStatus(RasaError):
    """Rasa (or a proxy in front of it) answered with an HTTP status other than 200."""


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class BotMessage:
    text: str = ""
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    custom: dict[str, Any] | None = None

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> BotMessage:
        buttons = tuple(
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", "")))
            for b in raw.get("buttons") or []
        )
        custom = raw.get("custom")
        return cls(
            text=str(raw.get("text") or ""),
            buttons=buttons,
            custom=custom if isinstance(custom, dict) else None,
        )


@dataclass(frozen=True)
class ChannelCredentials:
    """Who this client is to Rasa's channel: "telegram" (the gateway) or "cli" (the terminal chat)."""

    client: str
    secret: str = field(repr=False)


class RasaClient:
    """Sends one user message, signed, and returns Rasa's replies, in order."""

    def __init__(
        self,
        base_url: str,
        credentials: ChannelCredentials,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ):
        self._credentials = credentials
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout, transport=transport)

    def sender(self, user_id: str) -> str:
        """The sender id Rasa's tracker (and the intake API) know this user by."""
        return namespaced(self._credentials.client, user_id)

    async def send(self, user_id: str, text: str, metadata: dict[str, Any] | None = None) -> list[BotMessage]:
        body: dict[str, Any] = {"sender": self.sender(user_id), "message": text}
        if metadata:
            body["metadata"] = metadata
        content = json.dumps(body).encode()
        headers = {
            "Content-Type": "application/json",
            **sign(self._credentials.client, self._credentials.secret, content),
        }
        try:
            response = await self._http.post("/webhooks/rest/webhook", content=content, headers=headers)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            raise RasaUnreachable(f"Rasa is unreachable: {error!r}") from error
        except httpx.TimeoutException as error:
            raise RasaTimeout(f"Rasa did not answer in time: {error!r}") from error
        except httpx.HTTPError as error:  # e.g. the connection dropped mid-answer
            raise RasaError(f"Rasa's answer was cut off: {error!r}") from error
        if response.status_code != 200:
            raise RasaBadStatus(
                f"Rasa answered HTTP {response.status_code}", status_code=response.status_code
            )
        try:
            payload = response.json()
        except ValueError as error:  # a 200 whose body is not JSON must not leave the user without a reply
            raise RasaError("Rasa's answer is not JSON") from error
        if not isinstance(payload, list):
            raise RasaError("Rasa's answer is not a list of messages")
        return [BotMessage.from_json(item) for item in payload if isinstance(item, dict)]

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> RasaClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
