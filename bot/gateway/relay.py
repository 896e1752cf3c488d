"""Relaying a chat's messages to Rasa and Rasa's replies back, in order, surviving a Rasa outage.

Policy when Rasa is down or slow (docs/telegram.md explains the reasoning):
- "typing…" is shown while Rasa works; after `slow_notice_after` seconds the user is told it is slow.
- Connection failures (Rasa never received the message) are retried with exponential backoff; the
  user is told on the first failure. After `attempts` tries the message is kept in a per-chat queue
  and delivered, in order and before anything newer from that chat, when Rasa answers again (on the
  chat's next message or the periodic redelivery, whichever comes first).
- A read timeout is *not* retried: Rasa may already have acted on the message (it might have filed
  a declaration), so resending could do it twice. The user is asked to send it again instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import httpx
from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.gateway.delivery import Delivery
from bot.gateway.errors import DeliveryError
from bot.gateway.sequencer import ChatSequencer, Job
from bot.gateway.texts import Language, language_of, text
from bot.rasa_client import BotMessage, RasaClient, RasaError

logger = logging.getLogger(__name__)

# Failures that prove the request never reached Rasa, so sending it again cannot duplicate anything.
_NEVER_DELIVERED = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RelayPolicy:
    attempts: int = 4
    first_backoff: float = 1.0
    backoff_factor: float = 2.0
    slow_notice_after: float = 8.0
    typing_interval: float = 4.0  # Telegram shows "typing…" for about 5 s per chat action
    redeliver_interval: float = 15.0
    max_pending_per_chat: int = 20


@dataclass(frozen=True)
class Incoming:
    """One user message (typed text, a command's intent, or a tapped button's payload)."""

    chat_id: int
    sender_id: str
    text: str
    language_code: str | None = None

    @property
    def language(self) -> Language:
        return language_of(self.language_code)

    def metadata(self) -> dict[str, Any]:
        return {"channel": "telegram", "chat_id": self.chat_id, "language_code": self.language_code}


@dataclass
class _Attempt:
    """State shared by the tries of one message, so the user hears each notice once."""

    slow_notice_sent: bool = False


class ChatRelay:
    """Owns per-chat ordering: every job for a chat goes through `submit*`, never around it."""

    def __init__(self, bot: Bot, rasa: RasaClient, delivery: Delivery, policy: RelayPolicy) -> None:
        self._bot = bot
        self._rasa = rasa
        self._delivery = delivery
        self._policy = policy
        self._sequencer = ChatSequencer()
        self._pending: dict[int, deque[Incoming]] = {}

    # -- entry points (synchronous scheduling keeps arrival order) --------------------------------

    def submit(self, incoming: Incoming, *, before: Job | None = None) -> asyncio.Task[None]:
        """Queue a user message; `before` runs first in the same slot (e.g. marking a tapped button)."""

        async def job() -> None:
            if before is not None:
                await before()
            await self._forward(incoming)

        return self._sequencer.run(incoming.chat_id, job)

    def submit_notice(self, chat_id: int, key: str, language: Language) -> asyncio.Task[None]:
        """Queue one of the gateway's own notices (e.g. the reply to a photo) in the chat's order."""
        return self._sequencer.run(chat_id, lambda: self._delivery.send_notice(chat_id, text(key, language)))

    def submit_push(
        self, chat_id: int, messages: Sequence[BotMessage], language: Language
    ) -> asyncio.Task[None]:
        """Proactive messages join the chat's queue so they never overtake a reply in progress."""
        return self._sequencer.run(chat_id, lambda: self._delivery.send_messages(chat_id, messages, language))

    def redeliver_pending(self) -> list[asyncio.Task[None]]:
        """Try once more to deliver every kept message (called periodically by the runner)."""
        return [
            self._sequencer.run(chat_id, partial(self._flush_quietly, chat_id))
            for chat_id in list(self._pending)
        ]

    def pending_count(self, chat_id: int) -> int:
        return len(self._pending.get(chat_id, ()))

    async def drain(self) -> None:
        await self._sequencer.drain()

    # -- the work, always run inside the chat's sequence -----------------------------------------

    async def _forward(self, incoming: Incoming) -> None:
        if incoming.chat_id in self._pending and not await self._flush(incoming.chat_id):
            await self._keep(incoming)  # older messages still wait: this one queues behind them
            return
        replies = await self._ask_with_retries(incoming)
        if replies is not None:
            await self._deliver(incoming, replies)

    async def _ask_with_retries(self, incoming: Incoming) -> list[BotMessage] | None:
        attempt = _Attempt()
        delay = self._policy.first_backoff
        for number in range(1, self._policy.attempts + 1):
            try:
                return await self._ask(incoming, attempt)
            except RasaError as error:
                if not _never_delivered(error):
                    logger.warning("Rasa gave no usable answer for chat %s: %s", incoming.chat_id, error)
                    await self._notify(incoming, "rasa_no_answer")
                    return None
                logger.warning("Rasa unreachable (try %d/%d): %s", number, self._policy.attempts, error)
                if number == 1:
                    await self._notify(incoming, "rasa_retrying")
                if number < self._policy.attempts:
                    await asyncio.sleep(delay)
                    delay *= self._policy.backoff_factor
        await self._keep(incoming)
        return None

    async def _ask(self, incoming: Incoming, attempt: _Attempt) -> list[BotMessage]:
        """One request to Rasa with "typing…" shown, and a notice if it takes long."""
        typing = asyncio.create_task(self._keep_typing(incoming.chat_id))
        request = asyncio.create_task(self._rasa.send(incoming.sender_id, incoming.text, incoming.metadata()))
        try:
            done, _ = await asyncio.wait({request}, timeout=self._policy.slow_notice_after)
            if not done and not attempt.slow_notice_sent:
                attempt.slow_notice_sent = True
                await self._notify(incoming, "rasa_slow")
            return await request
        finally:
            request.cancel()
            typing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await typing

    async def _keep_typing(self, chat_id: int) -> None:
        while True:
            with contextlib.suppress(TelegramError):  # a missing "typing…" is not worth failing over
                await self._bot.send_chat_action(chat_id, ChatAction.TYPING)
            await asyncio.sleep(self._policy.typing_interval)

    async def _keep(self, incoming: Incoming) -> None:
        queue = self._pending.setdefault(incoming.chat_id, deque())
        if len(queue) >= self._policy.max_pending_per_chat:
            await self._notify(incoming, "queue_full")
            return
        queue.append(incoming)
        await self._notify(incoming, "rasa_kept")

    async def _flush(self, chat_id: int) -> bool:
        """Deliver kept messages in order, one try each; True when none is left."""
        queue = self._pending.get(chat_id)
        announced = False
        while queue:
            incoming = queue[0]
            try:
                replies = await self._ask(incoming, _Attempt(slow_notice_sent=True))
            except RasaError as error:
                if _never_delivered(error):
                    return False
                queue.popleft()
                await self._notify(incoming, "rasa_no_answer")
                continue
            queue.popleft()
            if not announced:
                announced = True
                await self._notify(incoming, "rasa_back")
            await self._deliver(incoming, replies)
        self._pending.pop(chat_id, None)
        return True

    async def _flush_quietly(self, chat_id: int) -> None:
        await self._flush(chat_id)

    async def _deliver(self, incoming: Incoming, replies: Sequence[BotMessage]) -> None:
        try:
            await self._delivery.send_messages(incoming.chat_id, replies, incoming.language)
        except DeliveryError as error:
            logger.warning("could not deliver Rasa's reply: %s", error)

    async def _notify(self, incoming: Incoming, key: str) -> None:
        try:
            await self._delivery.send_notice(incoming.chat_id, text(key, incoming.language))
        except DeliveryError as error:
            logger.warning("could not send the %s notice: %s", key, error)


def _never_delivered(error: RasaError) -> bool:
    return isinstance(error.__cause__, _NEVER_DELIVERED)
