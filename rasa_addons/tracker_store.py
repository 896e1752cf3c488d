"""Rasa's SQL tracker store with no personal data in clear at rest, and conversations that expire.

Endpoints (bot/endpoints.yml): ``type: rasa_addons.tracker_store.ProtectedSQLTrackerStore`` with
``url`` a SQLAlchemy URL (``sqlite:///var/dialogue/trackers.sqlite3`` by default,
``postgresql://...`` in production). Same table and columns as Rasa's ``SQLTrackerStore``, so Rasa's
tooling still reads ``type_name``, ``timestamp``, ``intent_name`` and ``action_name``. What differs:

- ``data`` (the event as JSON: user text, parse data, slot values, bot texts, channel metadata) is
  Fernet-encrypted (AES-128-CBC + HMAC-SHA256). A user's answer reaches the tracker in half a dozen
  places (text, parse data, entities, the slot, the bot's summary, a correction); encrypting the
  whole payload closes them all, where redacting field by field leaks at the first place forgotten.
  Keys come from TRACKER_STORE_KEY (comma-separated: the first encrypts, all decrypt, for rotation)
  or the file named by TRACKER_STORE_KEY_FILE.
- The text of a user message that answered a personal-data question (name, date of birth, document
  number, phone, ...) is replaced by ``REDACTED`` before encryption: the form keeps the slot value
  it extracted (encrypted), nothing needs the typed text afterwards.
- Events older than the retention (``retention_days``, default 30) are deleted at start-up and then
  at most once per ``purge_interval_seconds``. Sessions start again after 120 min of silence and
  carry their slots over, so a conversation active within the retention keeps its state.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from actions.declare.declaration import PERSONAL_SLOTS

logger = logging.getLogger(__name__)

REDACTED = "[redacted]"
REQUESTED_SLOT = "requested_slot"
# Questions whose typed answer is personal data: the guest's details and the establishment's phone.
PERSONAL_ANSWER_SLOTS = frozenset((*PERSONAL_SLOTS, "est_phone"))
DEFAULT_RETENTION_DAYS = 30.0
DEFAULT_PURGE_INTERVAL_SECONDS = 3600.0


class TrackerStoreError(Exception):
    """The tracker store is misconfigured (no key) or met data it cannot read."""


class MissingKey(TrackerStoreError):
    """Neither TRACKER_STORE_KEY nor TRACKER_STORE_KEY_FILE names a key."""


class UnreadableEvent(TrackerStoreError):
    """A stored event does not decrypt with any configured key (wrong or rotated-out key)."""


def load_cipher(environ: dict[str, str] | None = None) -> MultiFernet:
    """The keys from TRACKER_STORE_KEY, or else from the file TRACKER_STORE_KEY_FILE."""
    env = os.environ if environ is None else environ
    raw = env.get("TRACKER_STORE_KEY", "")
    if not raw and env.get("TRACKER_STORE_KEY_FILE"):
        raw = Path(env["TRACKER_STORE_KEY_FILE"]).read_text().strip()
    keys = [key.strip() for key in raw.replace("\n", ",").split(",") if key.strip()]
    if not keys:
        raise MissingKey("set TRACKER_STORE_KEY (Fernet keys, comma-separated) or TRACKER_STORE_KEY_FILE")
    return MultiFernet([Fernet(key.encode()) for key in keys])


def redact_answer(data: dict[str, Any]) -> dict[str, Any]:
    """A user event with the typed text (and anything the NLU read from it) removed."""
    redacted = {**data, "text": REDACTED}
    parse_data = data.get("parse_data")
    if isinstance(parse_data, dict):
        redacted["parse_data"] = {**parse_data, "text": REDACTED, "entities": []}
    return redacted


def events_to_store(events: Iterable[Event], already_stored: int) -> Iterator[dict[str, Any]]:
    """The events after the first `already_stored`, as dicts, personal answers redacted.

    The whole session is replayed to know which question each user message answered.
    """
    requested: str | None = None
    for index, event in enumerate(events):
        data = event.as_dict()
        if index >= already_stored:
            answered_personal = isinstance(event, UserUttered) and requested in PERSONAL_ANSWER_SLOTS
            yield redact_answer(data) if answered_personal else data
        if isinstance(event, SlotSet) and event.key == REQUESTED_SLOT:
            requested = event.value if isinstance(event.value, str) else None


class ProtectedSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose event payloads are encrypted, personal answers redacted, old events purged."""

    def __init__(
        self,
        domain: Domain | None = None,
        host: str | None = None,
        event_broker: EventBroker | None = None,
        retention_days: float | str = DEFAULT_RETENTION_DAYS,
        purge_interval_seconds: float | str = DEFAULT_PURGE_INTERVAL_SECONDS,
        **kwargs: Any,
    ) -> None:
        self._cipher = load_cipher()
        self.retention_seconds = float(retention_days) * 86400.0
        self._purge_interval = float(purge_interval_seconds)
        if host and host.startswith("sqlite:///"):
            Path(host.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(domain=domain, host=host, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_for_several_processes)
            self.engine.dispose()  # connections opened by create_all did not get the pragmas
        self._next_purge = 0.0
        self.purge_expired()

    # -- encryption at rest ----------------------------------------------------------------------

    def seal(self, data: dict[str, Any]) -> str:
        return self._cipher.encrypt(json.dumps(data).encode()).decode()

    def unseal(self, stored: str) -> dict[str, Any]:
        try:
            loaded = json.loads(self._cipher.decrypt(stored.encode()))
        except InvalidToken as error:
            raise UnreadableEvent("a stored event does not decrypt with the configured keys") from error
        if not isinstance(loaded, dict):
            raise UnreadableEvent("a stored event is not a JSON object")
        return loaded

    # -- SQLTrackerStore's reading and writing, through seal/unseal ------------------------------

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = self._event_query(
                session, tracker.sender_id, fetch_events_from_all_sessions=False
            ).count()
            for data in events_to_store(tracker.events, stored):
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=data.get("event"),
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=self.seal(data),
                    )
                )
            session.commit()
        if time.monotonic() >= self._next_purge:
            self.purge_expired()

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            events = [self.unseal(row.data) for row in rows]
        if not self.domain or not events:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        # Kept for callers of the parent's API; `save` above does its own counting.
        stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    # -- retention -------------------------------------------------------------------------------

    def purge_expired(self, now: float | None = None) -> int:
        """Delete every event older than the retention; returns how many were deleted."""
        cutoff = (time.time() if now is None else now) - self.retention_seconds
        with self.session_scope() as session:
            deleted = session.query(self.SQLEvent).filter(self.SQLEvent.timestamp < cutoff).delete()
            session.commit()
        self._next_purge = time.monotonic() + self._purge_interval
        if deleted:
            logger.info("tracker store: deleted %d events older than the retention", deleted)
        return int(deleted)


def _sqlite_for_several_processes(connection: Any, _record: Any) -> None:
    """WAL lets several Rasa replicas on one machine read while one writes; wait for the writer.
    synchronous=NORMAL: a commit survives a crash of Rasa (the OS has the WAL) without an fsync on
    every turn; only a power cut can lose the last turns, as the gateway's button tokens."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
