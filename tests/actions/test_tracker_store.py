"""The protected SQL tracker store on SQLite and on PostgreSQL: a conversation read back by another store
instance (a restarted or second Rasa process) is the same conversation, mid-form; the raw table holds
no name, date of birth or document number; old events expire; a wrong key reads nothing."""

from __future__ import annotations

import sqlite3
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
from cryptography.fernet import Fernet
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from rasa_addons.tracker_store import REDACTED, MissingKey, ProtectedSQLTrackerStore, UnreadableEvent

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_DSN = "dbname=test user=postgres host=127.0.0.1 port=5432"
NAME, BIRTH, DOCUMENT, PHONE = "KIM MIN JUN", "05/03/1990", "M12345678", "0912 345 678"


@pytest.fixture(scope="module")
def domain() -> Domain:
    with warnings.catch_warnings():  # Rasa warns about slot auto-fill for every domain it loads
        warnings.simplefilter("ignore", UserWarning)
        return Domain.load(str(ROOT / "bot" / "domain"))


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    value = str(Fernet.generate_key().decode())
    monkeypatch.setenv("TRACKER_STORE_KEY", value)
    monkeypatch.delenv("TRACKER_STORE_KEY_FILE", raising=False)
    return value


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    name = f"trackers_{uuid.uuid4().hex[:10]}"
    try:
        admin = psycopg2.connect(PG_ADMIN_DSN, connect_timeout=3)
    except psycopg2.OperationalError as error:
        pytest.skip(f"PostgreSQL not reachable ({error.__class__.__name__})")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'dialogue' / 'trackers.sqlite3'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


def raw_rows(store: ProtectedSQLTrackerStore) -> list[tuple[object, ...]]:
    """Every column of every row, read with the database's own driver (not through the store)."""
    url = str(store.engine.url)
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
            return list(connection.execute("SELECT * FROM events"))
    connection = psycopg2.connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM events")
            return list(cursor.fetchall())
    finally:
        connection.close()


def mid_form_tracker(sender: str, domain: Domain, at: float | None = None) -> DialogueStateTracker:
    """A host halfway through the guest form: name, date of birth and document number answered."""
    stamp = time.time() if at is None else at
    events = [
        ActionExecuted("action_session_start", timestamp=stamp),
        SessionStarted(timestamp=stamp),
        ActionExecuted("action_listen", timestamp=stamp),
        UserUttered("declare a guest", {"name": "declare_guest", "confidence": 1.0}, timestamp=stamp),
        ActionExecuted("guest_declaration_form", timestamp=stamp),
        ActiveLoop("guest_declaration_form", timestamp=stamp),
    ]
    for slot, answer in [
        ("guest_full_name", NAME),
        ("guest_date_of_birth", BIRTH),
        ("guest_document_number", DOCUMENT),
    ]:
        events += [
            SlotSet("requested_slot", slot, timestamp=stamp),
            BotUttered(f"What is the guest's {slot}?", timestamp=stamp),
            ActionExecuted("action_listen", timestamp=stamp),
            UserUttered(answer, {"name": "inform", "confidence": 0.9}, timestamp=stamp),
            SlotSet(slot, answer, timestamp=stamp),
            ActionExecuted("guest_declaration_form", timestamp=stamp),
        ]
    events += [
        SlotSet("requested_slot", "guest_nationality", timestamp=stamp),
        BotUttered(f"Please check: {NAME}, born {BIRTH}, passport {DOCUMENT}", timestamp=stamp),
        ActionExecuted("action_listen", timestamp=stamp),
        UserUttered("which nationalities?", {"name": "ask_help", "confidence": 0.8}, timestamp=stamp),
    ]
    return DialogueStateTracker.from_events(sender, events, domain.slots)


async def test_a_second_store_resumes_the_form_exactly(store_url: str, key: str, domain: Domain) -> None:
    sender = f"host-{uuid.uuid4().hex[:8]}"
    tracker = mid_form_tracker(sender, domain)
    await ProtectedSQLTrackerStore(domain, host=store_url).save(tracker)

    # A new instance is what a restarted Rasa or another replica has: nothing shared but the database.
    restored = await ProtectedSQLTrackerStore(domain, host=store_url).retrieve(sender)
    assert restored is not None
    assert restored.active_loop_name == "guest_declaration_form"
    assert restored.get_slot("requested_slot") == "guest_nationality"
    assert restored.get_slot("guest_full_name") == NAME
    assert restored.get_slot("guest_date_of_birth") == BIRTH
    assert restored.get_slot("guest_document_number") == DOCUMENT
    assert len(restored.events) == len(tracker.events)
    assert restored.latest_message is not None and restored.latest_message.intent["name"] == "ask_help"
    # Whatever was typed while a personal question was open is kept as the slot only, not as text.
    typed = [e.text for e in restored.events if isinstance(e, UserUttered)]
    assert typed == ["declare a guest", REDACTED, REDACTED, REDACTED, REDACTED]


async def test_the_raw_table_holds_no_personal_data_in_clear(
    store_url: str, key: str, domain: Domain
) -> None:
    sender = f"host-{uuid.uuid4().hex[:8]}"
    store = ProtectedSQLTrackerStore(domain, host=store_url)
    await store.save(mid_form_tracker(sender, domain))
    rows = [row for row in raw_rows(store) if sender in row]
    assert len(rows) > 20
    dump = repr(rows)
    for secret in (NAME, BIRTH, DOCUMENT, "1990", "MIN JUN"):
        assert secret not in dump
    # Monitoring still sees what happened, without the content.
    assert "guest_declaration_form" in dump and "declare_guest" in dump


async def test_saving_twice_appends_only_new_events(store_url: str, key: str, domain: Domain) -> None:
    sender = f"host-{uuid.uuid4().hex[:8]}"
    store = ProtectedSQLTrackerStore(domain, host=store_url)
    tracker = mid_form_tracker(sender, domain)
    await store.save(tracker)
    tracker.update(SlotSet("requested_slot", "est_phone"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered(PHONE, {"name": "inform", "confidence": 0.9}))
    tracker.update(SlotSet("est_phone", PHONE))
    await store.save(tracker)
    await store.save(tracker)
    restored = await store.retrieve(sender)
    assert restored is not None and len(restored.events) == len(tracker.events)
    assert restored.get_slot("est_phone") == PHONE
    assert PHONE not in repr(raw_rows(store))


async def test_events_older_than_the_retention_are_deleted(store_url: str, key: str, domain: Domain) -> None:
    old, recent = f"old-{uuid.uuid4().hex[:8]}", f"recent-{uuid.uuid4().hex[:8]}"
    store = ProtectedSQLTrackerStore(domain, host=store_url, retention_days="30")
    await store.save(mid_form_tracker(old, domain, at=time.time() - 31 * 86400))
    await store.save(mid_form_tracker(recent, domain, at=time.time() - 29 * 86400))
    assert store.purge_expired() > 20
    assert await store.retrieve(old) is None
    assert await store.retrieve(recent) is not None
    # A new process purges at start-up too.
    await store.save(mid_form_tracker(old, domain, at=time.time() - 40 * 86400))
    ProtectedSQLTrackerStore(domain, host=store_url, retention_days=30)
    assert await store.retrieve(old) is None


async def test_a_wrong_key_reads_nothing_and_rotation_keeps_old_events(
    store_url: str, key: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    sender = f"host-{uuid.uuid4().hex[:8]}"
    await ProtectedSQLTrackerStore(domain, host=store_url).save(mid_form_tracker(sender, domain))

    monkeypatch.setenv("TRACKER_STORE_KEY", Fernet.generate_key().decode())
    with pytest.raises(UnreadableEvent):
        await ProtectedSQLTrackerStore(domain, host=store_url).retrieve(sender)

    monkeypatch.setenv("TRACKER_STORE_KEY", f"{Fernet.generate_key().decode()},{key}")
    rotated = await ProtectedSQLTrackerStore(domain, host=store_url).retrieve(sender)
    assert rotated is not None and rotated.get_slot("guest_full_name") == NAME


def test_no_key_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, domain: Domain) -> None:
    monkeypatch.delenv("TRACKER_STORE_KEY", raising=False)
    monkeypatch.delenv("TRACKER_STORE_KEY_FILE", raising=False)
    with pytest.raises(MissingKey):
        ProtectedSQLTrackerStore(domain, host=f"sqlite:///{tmp_path / 't.sqlite3'}")


async def test_the_key_can_come_from_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, domain: Domain
) -> None:
    key_file = tmp_path / "tracker-store.key"
    key_file.write_text(Fernet.generate_key().decode() + "\n")
    monkeypatch.delenv("TRACKER_STORE_KEY", raising=False)
    monkeypatch.setenv("TRACKER_STORE_KEY_FILE", str(key_file))
    store = ProtectedSQLTrackerStore(domain, host=f"sqlite:///{tmp_path / 't.sqlite3'}")
    await store.save(mid_form_tracker("file-key", domain))
    assert (await store.retrieve("file-key")) is not None
