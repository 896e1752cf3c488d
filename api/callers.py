"""Who is calling, and a short per-process cache of establishment callers.

Every submission starts by turning its bearer token into an establishment (a SELECT and an ORM row: about
a tenth of a submission's CPU). Hosts and linked chat accounts are cached for a few seconds. Only found
callers are cached (a chat account that registers is linked on its next request), keys are token
digests (never the token), and the cache is bounded. Nothing in the API revokes a key or a link; an
operator who deletes one in the database sees it stop working within `ttl` seconds. Officers are not
cached: their reads are not a hot path, and removing an officer takes effect at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from cachetools import TTLCache

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
    """Found callers by key for `ttl` seconds (0 turns caching off), at most `max_entries` of them (the
    least recently used goes first). cachetools' TTLCache is not thread-safe: it is only touched from
    the event loop (`api.deps.get_caller` is async)."""

    def __init__(self, ttl: float, max_entries: int = 10_000) -> None:
        self._entries: TTLCache[str, Caller] | None = TTLCache(max_entries, ttl) if ttl > 0 else None

    def get(self, key: str) -> Caller | None:
        return self._entries.get(key) if self._entries is not None else None

    def put(self, key: str, caller: Caller) -> None:
        if self._entries is not None:
            self._entries[key] = caller
