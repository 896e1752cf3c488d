"""The durable store on a real SQLite file: kept messages and button tokens across reopen (a restart)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.gateway.buttons import ButtonStore
from bot.gateway.errors import ButtonExpiredError, StoreError
from bot.gateway.store import ButtonLimits, GatewayStore

LONG = '/inform{"province":"Thừa Thiên Huế","ward":"Phường Phú Hội"}'  # > 62 bytes: travels as a token


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_kept_messages_survive_a_reopen_in_order_per_chat(tmp_path: Path) -> None:
    store = GatewayStore.in_var_dir(tmp_path)
    for text in ("one", "two", "three"):
        assert store.keep(7, "7", text, "vi", max_per_chat=20)
    assert store.keep(8, "8", "other chat", None, max_per_chat=20)
    store.close()  # nothing below relies on this process's memory

    reopened = GatewayStore.in_var_dir(tmp_path)
    assert reopened.chats_with_kept() == [7, 8]
    texts = []
    while (head := reopened.head(7)) is not None:
        assert head.language_code == "vi" and not head.was_in_flight
        texts.append(head.text)
        reopened.remove(head.id)
    assert texts == ["one", "two", "three"]
    assert reopened.kept_count(7) == 0 and reopened.kept_count(8) == 1
    reopened.close()


def test_the_kept_queue_is_bounded_per_chat(tmp_path: Path) -> None:
    store = GatewayStore.in_var_dir(tmp_path)
    assert store.keep(7, "7", "a", None, max_per_chat=2)
    assert store.keep(7, "7", "b", None, max_per_chat=2)
    assert not store.keep(7, "7", "c", None, max_per_chat=2)
    assert store.keep(8, "8", "d", None, max_per_chat=2)  # the bound is per chat
    assert store.kept_count(7) == 2
    store.close()


def test_a_message_marked_sending_is_seen_as_in_flight_after_a_reopen(tmp_path: Path) -> None:
    store = GatewayStore.in_var_dir(tmp_path)
    store.keep(7, "7", "file it", None, max_per_chat=20)
    store.keep(7, "7", "and this", None, max_per_chat=20)
    head = store.head(7)
    assert head is not None
    store.mark_sending(head.id)
    store.close()  # the process "dies" while the message is with Rasa

    reopened = GatewayStore.in_var_dir(tmp_path)
    head = reopened.head(7)
    assert head is not None and head.text == "file it" and head.was_in_flight
    reopened.unmark_sending(head.id)
    head = reopened.head(7)
    assert head is not None and not head.was_in_flight
    reopened.close()


def test_button_tokens_survive_a_reopen_and_stay_in_their_chat(tmp_path: Path) -> None:
    store = GatewayStore.in_var_dir(tmp_path)
    [direct, token] = ButtonStore(store).encode(1, ["/affirm", LONG])
    store.close()
    assert direct == "p:/affirm" and token.startswith("t:") and len(token.encode()) <= 64

    buttons = ButtonStore(GatewayStore.in_var_dir(tmp_path))
    assert buttons.decode(1, token) == LONG
    assert buttons.decode(9, direct) == "/affirm"  # direct payloads need no store
    with pytest.raises(ButtonExpiredError):
        buttons.decode(2, token)  # another chat cannot use it


def test_button_tokens_are_bounded_per_chat_and_in_total(tmp_path: Path) -> None:
    clock = Clock()
    store = GatewayStore(
        tmp_path / "g.sqlite3", buttons=ButtonLimits(per_chat=2, total=3, prune_every=1), clock=clock
    )
    buttons = ButtonStore(store)
    tokens = []
    for n in range(3):
        clock.now += 1
        tokens.extend(buttons.encode(1, [LONG + str(n)]))
    assert buttons.decode(1, tokens[2]) == LONG + "2"
    with pytest.raises(ButtonExpiredError):
        buttons.decode(1, tokens[0])  # evicted by the per-chat bound
    for chat in (2, 3):
        clock.now += 1
        buttons.encode(chat, [LONG])
    assert store.button_count() == 3  # the total bound drops the oldest, whatever their chat
    with pytest.raises(ButtonExpiredError):
        buttons.decode(1, tokens[1])
    store.close()


def test_button_tokens_expire(tmp_path: Path) -> None:
    clock = Clock()
    store = GatewayStore(tmp_path / "g.sqlite3", buttons=ButtonLimits(ttl_seconds=60), clock=clock)
    buttons = ButtonStore(store)
    [token] = buttons.encode(1, [LONG])
    clock.now += 59
    assert buttons.decode(1, token) == LONG
    clock.now += 2
    with pytest.raises(ButtonExpiredError):
        buttons.decode(1, token)
    store.prune_buttons()
    assert store.button_count() == 0
    store.close()


def test_an_unusable_var_dir_is_explained_in_both_languages(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("")
    with pytest.raises(StoreError) as raised:
        GatewayStore.in_var_dir(not_a_dir)
    assert "Set VAR_DIR to a writable directory" in str(raised.value)
    assert "Hãy đặt VAR_DIR" in str(raised.value)


def test_kept_message_writes_are_fsynced_and_button_writes_are_not(tmp_path: Path) -> None:
    store = GatewayStore.in_var_dir(tmp_path)
    statements: list[str] = []
    store._db.set_trace_callback(statements.append)  # the statements SQLite actually runs

    store.keep(7, "7", "kept", None, max_per_chat=20)
    keep = statements[:]
    statements.clear()
    ButtonStore(store).encode(7, [LONG])

    assert keep[0] == "PRAGMA synchronous=FULL" and "COMMIT" in keep
    assert keep.index("COMMIT") < keep.index("PRAGMA synchronous=NORMAL")
    assert "COMMIT" in statements and not any("synchronous" in s for s in statements)
    store.close()
