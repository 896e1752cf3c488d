"""Rasa's Redis lock store, made safe for several Rasa processes at once.

Rasa serialises the messages of one conversation with a ticket lock (rasa.core.lock.TicketLock).
``RedisLockStore`` keeps that lock as one JSON value and changes it read-modify-write: get, change in
Python, set. Two replicas receiving a message of the same chat at the same moment both read "no
lock", both issue ticket 0 and both go ahead; and a replica cleaning up can delete the lock another
one has just queued on, which then fails with LockError. Here every read-modify-write of a
conversation's lock runs under a short Redis mutex (redis-py's Lock, a SET NX PX token), so tickets
are unique and served in the order they were issued.

Endpoints: ``lock_store: {type: rasa_addons.lock_store.AtomicRedisLockStore, url: redis://host:6379/1}``.
The waiting side polls Redis every ``poll_seconds`` (Rasa's default is a whole second).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import urlsplit

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

MUTEX_SECONDS = 5.0  # longest a crashed holder can block a conversation's lock changes
DEFAULT_POLL_SECONDS = 0.05


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket changes are atomic across processes."""

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        settings = dict(endpoint_config.kwargs) if endpoint_config else {}
        settings.update(kwargs)
        self.poll_seconds = float(settings.pop("poll_seconds", DEFAULT_POLL_SECONDS))
        url = (endpoint_config.url if endpoint_config else None) or settings.pop("url", None)
        if url and "://" in url:
            parts = urlsplit(url)
            settings.setdefault("host", parts.hostname or "localhost")
            settings.setdefault("port", parts.port or 6379)
            if parts.path.strip("/"):
                settings.setdefault("db", int(parts.path.strip("/")))
            if parts.password:
                settings.setdefault("password", parts.password)
        elif url:
            settings.setdefault("host", url)
        super().__init__(**settings)

    def _mutex(self, conversation_id: str) -> Any:
        return self.red.lock(
            f"{self.key_prefix}{conversation_id}:mutex", timeout=MUTEX_SECONDS, blocking_timeout=MUTEX_SECONDS
        )

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            with self._mutex(conversation_id):
                lock = self.get_or_create_lock(conversation_id)
                ticket = lock.issue_ticket(lock_lifetime)
                self.save_lock(lock)
                return ticket
        except Exception as error:  # the parent's contract: any failure is a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        with self._mutex(conversation_id):
            super().update_lock(conversation_id)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # Finishing and the "anyone waiting?" check must be one step, or a ticket issued in
        # between loses its lock to the delete.
        with self._mutex(conversation_id):
            lock = self.get_lock(conversation_id)
            if lock is None:
                return
            lock.remove_ticket_for(ticket_number)
            if lock.is_someone_waiting():
                self.save_lock(lock)
            else:
                self.delete_lock(conversation_id)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float | None = None,
    ) -> AsyncIterator[TicketLock]:
        poll = self.poll_seconds if wait_time_in_seconds is None else wait_time_in_seconds
        async with super().lock(conversation_id, lock_lifetime, poll) as ticket_lock:
            yield ticket_lock
