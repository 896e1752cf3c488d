"""Relaying a chat's messages to Rasa and Rasa's replies back, in order, surviving a Rasa outage.

Policy when Rasa is down or slow (docs/telegram.md explains the reasoning):
- "typing…" is shown while Rasa works; after `slow_notice_after` seconds the user is told it is slow.
- Failures that prove Rasa did not act on the message (connection refused, connect timeout, or an
  HTTP 502/503/504 from Rasa or a proxy in front of it) are retried with exponential backoff; the
  user is told on the first failure. After `attempts` tries the message is kept in the chat's durable
  queue (``GatewayStore``, on disk before the user hears "kept") and delivered, in order and before
  anything newer from that chat, when Rasa answers again: on the chat's next message, the periodic
  redelivery, or right after a restart, whichever comes first. A kept message leaves the queue only
  after Rasa's 200 (or a failure that shows Rasa got it).
- A read timeout or another error status is *not* retried: Rasa may already have acted on the
  message (it might have filed a declaration), so resending could do it twice. The user is asked to
  send it again instead. The same holds for a kept message that was with Rasa when the gateway died.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.gateway.delivery import Delivery
from bot.gateway.errors import DeliveryError
from bot.gateway.sequencer import ChatSequencer, Job
from bot.gateway.store import GatewayStore, KeptMessage
from bot.gateway.texts import Language, language_of, text
from bot.rasa_client import BotMessage, RasaBadStatus, RasaClient, RasaError, RasaUnreachable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RelayPolicy:
    attempts: int = 4
    first_backoff: float = 1.0
    backoff_factor: float = 2.0
    slow_notice_after: float = 8.0
    typing_interval: float = 4.0  # Telegram shows "typing…" for about 5 s per chat action
    redeliver_interval: float = 15.0
    max_pending_per_chat: int = 20
    # Statuses taken to mean "Rasa did not act on it", retried like a refused connection: a proxy
    # could not reach Rasa (502), Rasa or the proxy is not ready (503), a proxy gave up (504). Rasa
    # itself never answers 504; behind a proxy whose read timeout can fire on a slow but working
    # turn, Rasa may have acted, so such a deployment should drop 504 from this set.
    retry_statuses: frozenset[int] = frozenset({502, 503, 504})


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

    @classmethod
    def from_kept(cls, kept: KeptMessage) -> Incoming:
        return cls(kept.chat_id, kept.sender_id, kept.text, kept.language_code)


@dataclass
class _Attempt:
    """State shared by the tries of one message, so the user hears each notice once."""

    slow_notice_sent: bool = False


class ChatRelay:
    """Owns per-chat ordering: every job for a chat goes through `submit*`, never around it."""

    def __init__(
        self, bot: Bot, rasa: RasaClient, delivery: Delivery, policy: RelayPolicy, store: GatewayStore
    ) -> None:
        self._bot = bot
        self._rasa = rasa
        self._delivery = delivery
        self._policy = policy
        self._store = store
        self._sequencer = ChatSequencer()

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
        """Try once more to deliver every kept message (at start-up, then periodically)."""
        return [
            self._sequencer.run(chat_id, partial(self._flush_quietly, chat_id))
            for chat_id in self._store.chats_with_kept()
        ]

    def pending_count(self, chat_id: int) -> int:
        return self._store.kept_count(chat_id)

    async def drain(self) -> None:
        await self._sequencer.drain()

    # -- the work, always run inside the chat's sequence -----------------------------------------

    async def _forward(self, incoming: Incoming) -> None:
        if self._store.has_kept(incoming.chat_id) and not await self._flush(incoming.chat_id):
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
                if not self._never_delivered(error):
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
        # Committed to disk before the user is told it was kept; if it cannot be, they are told so.
        try:
            kept = self._store.keep(
                incoming.chat_id,
                incoming.sender_id,
                incoming.text,
                incoming.language_code,
                max_per_chat=self._policy.max_pending_per_chat,
            )
        except sqlite3.Error as error:  # disk full, file removed under us
            logger.error("could not keep a message of chat %s: %s", incoming.chat_id, error)
            kept = False
        await self._notify(incoming, "rasa_kept" if kept else "queue_full")

    async def _flush(self, chat_id: int) -> bool:
        """Deliver kept messages in order, one try each; True when none is left."""
        announced = False
        while (kept := self._store.head(chat_id)) is not None:
            incoming = Incoming.from_kept(kept)
            if kept.was_in_flight:
                # A previous process died while this was with Rasa (or before deleting it after
                # Rasa's answer): Rasa may have acted on it, so it is not sent a second time.
                self._store.remove(kept.id)
                logger.warning("kept message %d of chat %s was in flight during a crash", kept.id, chat_id)
                await self._notify(incoming, "rasa_unsure", quote=kept.text)
                continue
            self._store.mark_sending(kept.id)
            try:
                replies = await self._ask(incoming, _Attempt(slow_notice_sent=True))
            except RasaError as error:
                if self._never_delivered(error):
                    self._store.unmark_sending(kept.id)
                    return False
                self._store.remove(kept.id)
                logger.warning("Rasa gave no usable answer for a kept message of chat %s: %s", chat_id, error)
                await self._notify(incoming, "rasa_no_answer")
                continue
            self._store.remove(kept.id)
            if not announced:
                announced = True
                await self._notify(incoming, "rasa_back")
            await self._deliver(incoming, replies)
        return True

    async def _flush_quietly(self, chat_id: int) -> None:
        await self._flush(chat_id)

    async def _deliver(self, incoming: Incoming, replies: Sequence[BotMessage]) -> None:
        try:
            await self._delivery.send_messages(incoming.chat_id, replies, incoming.language)
        except DeliveryError as error:
            logger.warning("could not deliver Rasa's reply: %s", error)

    async def _notify(self, incoming: Incoming, key: str, *, quote: str | None = None) -> None:
        notice = text(key, incoming.language)
        if quote is not None:
            notice = notice.format(quote=_shorten(quote))
        try:
            await self._delivery.send_notice(incoming.chat_id, notice)
        except DeliveryError as error:
            logger.warning("could not send the %s notice: %s", key, error)

    def _never_delivered(self, error: RasaError) -> bool:
        """True when the failure proves Rasa did not act on the message, so resending is safe."""
        if isinstance(error, RasaUnreachable):
            return True
        return isinstance(error, RasaBadStatus) and error.status_code in self._policy.retry_statuses


def _shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
