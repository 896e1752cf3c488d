"""Calling the Bot API while respecting Telegram's flood control (HTTP 429 with retry_after)."""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.gateway.errors import DeliveryError

T = TypeVar("T")
logger = logging.getLogger(__name__)

MAX_FLOOD_WAITS = 5


def retry_after_seconds(error: RetryAfter) -> float:
    """PTB 22 returns int or timedelta depending on PTB_TIMEDELTA; accept both without the warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


async def call_with_flood_control(call: Callable[[], Awaitable[T]], *, what: str) -> T:
    """Run `call`; on RetryAfter wait as long as Telegram asks and try again, a bounded number of times."""
    for _ in range(MAX_FLOOD_WAITS):
        try:
            return await call()
        except RetryAfter as error:
            wait = retry_after_seconds(error)
            logger.warning("Telegram flood control on %s: waiting %.1f s", what, wait)
            await asyncio.sleep(wait)
    raise DeliveryError(f"{what}: Telegram kept answering 429 after {MAX_FLOOD_WAITS} waits")
