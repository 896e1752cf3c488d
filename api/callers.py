"""Who is calling, and a short per-process cache of establishment callers.

Every submission starts by turning its bearer token into an establishment (a SELECT and an ORM row: about
a tenth of a submission's CPU). Hosts and linked chat accounts are cached for a few seconds. Only found
callers are cached (a chat account that registers is linked on its next request), keys are token
digests (never the token), and the cache is bounded. Nothing in the API revokes a key or a link; an
operator who deletes one in the database sees it stop working within `ttl` seconds. Officers are not
cached: their reads are not a hot path, and removing an officer takes effect at once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from api.models import Establishment, Officer


@dataclass(frozen=True)
class Caller:
    """Who is calling. `establishment` is set for hosts and for linked chat accounts.

    `establishment` and `officer` are detached rows, shared between requests through the CallerCache:
    read their attributes, never add them to a session or assign them to a relationship.
    """

    kind: str  # "host" | "channel" | "officer"
    establishment: Establishment | None = None
    officer: Officer | None = None
    chat_account: str | None = None

    @property
    def actor(self) -> str:
        """Stable identity for the audit log and the idempotency scope."""
        if self.officer is not None:
            return f"officer:{self.officer.id}"
        if self.chat_account is not None:
            return f"chat:{self.chat_account}"
        if self.establishment is not None:
            return f"establishment:{self.establishment.id}"
        return "unknown"


class CallerCache:
    """Found callers by key for `ttl` seconds (0 turns caching off), at most `max_entries` of them."""

    def __init__(self, ttl: float, max_entries: int = 10_000) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, Caller]] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Caller | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, caller = entry
        if time.monotonic() >= expires:
            with self._lock:
                self._entries.pop(key, None)
            return None
        return caller

    def put(self, key: str, caller: Caller) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            if len(self._entries) >= self.max_entries:
                self._entries.clear()  # crude but bounded; a full cache only costs look-ups
            self._entries[key] = (time.monotonic() + self.ttl, caller)
