"""Per-chat ordering with cross-chat concurrency.

PTB runs updates concurrently (``concurrent_updates``); each handler hands its work to
``ChatSequencer.run`` *before its first await*, so jobs of one chat are chained in arrival order
while other chats proceed in parallel. Chaining (rather than an asyncio.Lock taken later) also lets
a handler answer a callback query immediately without losing its place in the queue.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

Job = Callable[[], Awaitable[None]]


class ChatSequencer:
    def __init__(self) -> None:
        self._tails: dict[int, asyncio.Task[None]] = {}

    def run(self, chat_id: int, job: Job) -> asyncio.Task[None]:
        """Schedule `job` after every job already scheduled for this chat; returns its task."""
        previous = self._tails.get(chat_id)
        task = asyncio.ensure_future(self._after(previous, job))
        self._tails[chat_id] = task
        task.add_done_callback(lambda done: self._forget(chat_id, done))
        return task

    @property
    def busy_chats(self) -> int:
        return len(self._tails)

    async def drain(self) -> None:
        """Wait for every scheduled job (used on shutdown)."""
        while self._tails:
            await asyncio.wait(list(self._tails.values()))

    @staticmethod
    async def _after(previous: asyncio.Task[None] | None, job: Job) -> None:
        if previous is not None:
            await asyncio.wait({previous})  # its failure belongs to its own caller, not to us
        await job()

    def _forget(self, chat_id: int, done: asyncio.Task[None]) -> None:
        if self._tails.get(chat_id) is done:
            del self._tails[chat_id]
