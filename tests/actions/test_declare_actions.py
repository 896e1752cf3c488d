"""Declare actions against the real intake API: start, register, summary, file, double tap, queue, list."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from actions.declare import intake
from actions.declare.actions import (
    ActionFileDeclaration,
    ActionListDeclarations,
    ActionRegisterEstablishment,
    ActionShowDeclarationSummary,
    ActionStartDeclaration,
)
from actions.declare.declaration import PERSONAL_SLOTS, slots_for_errors
from actions.declare.identity import idempotency_key
from actions.declare.outbox import Outbox
from actions.safety import SafeAction, apology
from declaration_spec.receipts import find_in_text
from tests.actions.conftest import make_tracker
from tests.actions.test_declare_outbox import declaration
from tests.actions.test_declare_support import CHANNEL_TOKEN, free_port, intake_api

ESTABLISHMENT = {
    "est_name": "Hoa Sen",
    "est_kind": "guesthouse",
    "est_address": "12 Hàng Bạc",
    "est_ward": "Hoàn Kiếm",
    "est_province": "Hà Nội",
    "est_remote": False,
    "est_phone": "0912345678",
}


def guest_slots() -> dict[str, Any]:
    body = declaration()
    guest = body["guest"]
    return {
        "guest_full_name": guest["full_name"],
        "guest_sex": guest["sex"],
        "guest_date_of_birth": guest["date_of_birth"],
        "guest_nationality": guest["nationality"],
        "guest_document_number": guest["document_number"],
        "guest_document_expiry": guest["document_expiry"],
        "guest_arrival_at": body["arrival_at"],
        "guest_stay_until": body["stay_until"],
        "guest_room": body["room"],
        "declare_form_id": "form-1",
    }


@pytest.fixture(scope="module")
def api_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with intake_api(Path(tmp_path_factory.mktemp("intake"))) as url:
        yield url


@pytest.fixture
def env(api_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTAKE_API_URL", api_url)
    monkeypatch.setenv("CHANNEL_TOKEN", CHANNEL_TOKEN)
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    return tmp_path


def slot_values(events: list[Any]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def run(action: Any, sender: str, slots: dict[str, Any] | None = None, language: str = "en"):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("", slots={"language": language, **(slots or {})}, sender_id=sender)
    events = await action.run(dispatcher, tracker, {})
    return events, dispatcher.messages


async def test_first_time_registers_then_files_once(env: Path) -> None:
    sender = "local-actions-1"
    events, messages = await run(ActionStartDeclaration(), sender)
    assert slot_values(events)["declare_route"] == "register"
    assert slot_values(events)["declare_form_id"]

    events, messages = await run(ActionRegisterEstablishment(), sender, ESTABLISHMENT, "vi")
    assert slot_values(events)["declare_route"] == "guest"
    assert "Đã đăng ký: Hoa Sen" in messages[0]["text"]

    events, _ = await run(ActionStartDeclaration(), sender)
    assert slot_values(events)["declare_route"] == "guest"

    events, messages = await run(ActionShowDeclarationSummary(), sender, guest_slots())
    assert slot_values(events)["declare_route"] == "summary"
    assert "within the 12-hour limit" in messages[0]["text"]
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/confirm_declaration",
        "/correct_declaration",
        "/stop",
    ]

    events, messages = await run(ActionFileDeclaration(), sender, guest_slots())
    values = slot_values(events)
    receipt = values["declare_last_receipt"]
    assert receipt and receipt in messages[0]["text"]
    assert "Filed 2 h after arrival, within the 12-hour limit." in messages[0]["text"]
    assert all(values[slot] is None for slot in PERSONAL_SLOTS)
    assert values["declare_filed_form_id"] == "form-1"

    # The same form confirmed again with the slots still there (a retry): same key, same receipt.
    events, messages = await run(ActionFileDeclaration(), sender, guest_slots())
    assert slot_values(events)["declare_last_receipt"] == receipt
    # A double tap after filing: answered from the slots, nothing sent.
    events, messages = await run(
        ActionFileDeclaration(),
        sender,
        {"declare_form_id": "form-1", "declare_filed_form_id": "form-1", "declare_last_receipt": receipt},
    )
    assert events == [] and receipt in messages[0]["text"]

    _, messages = await run(ActionListDeclarations(), sender)
    assert messages[0]["text"].count(receipt) == 1


async def test_api_refusal_sends_the_field_back_to_the_form(env: Path) -> None:
    sender = "local-actions-2"
    await run(ActionRegisterEstablishment(), sender, ESTABLISHMENT)
    slots = {**guest_slots(), "guest_nationality": "XYZ"}
    events, messages = await run(ActionShowDeclarationSummary(), sender, slots, "vi")
    assert slot_values(events) == {"guest_nationality": None, "declare_route": "guest"}
    assert "XYZ" in messages[0]["text"]


async def test_unreachable_api_queues_and_clears(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_API_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    events, messages = await run(ActionFileDeclaration(), "local-actions-3", guest_slots())
    values = slot_values(events)
    assert "queued" in messages[0]["text"]
    assert all(values[slot] is None for slot in PERSONAL_SLOTS)
    items = Outbox(tmp_path / "outbox" / "outbox.sqlite3").all_items()
    assert len(items) == 1 and items[0].body["guest"]["full_name"] == "KIM MIN JUN"
    assert SlotSet("declare_route", "done") in events


def test_receipt_codes_and_error_locations() -> None:
    assert find_in_text("please cancel hn 7k3q 9xmd r") == "HN-7K3Q-9XMD-R"
    assert find_in_text("HUE-2345-6789-A") == "HUE-2345-6789-A"
    assert find_in_text("no code here") is None
    detail = [
        {"loc": ["body", "guest", "date_of_birth"]},
        {"loc": ["body", "stay_until"]},
        {"loc": ["header", "x"]},
    ]
    assert slots_for_errors(detail) == ["guest_date_of_birth", "guest_stay_until"]


async def test_hung_api_queues_the_declaration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10 item 6: an API that accepts the connection and never answers (SIGSTOP) made aiohttp raise
    asyncio.TimeoutError, which on Python 3.10 is not a TimeoutError: the action failed with a 500."""
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)  # connections complete in the kernel's backlog; nothing ever reads or answers
    monkeypatch.setattr(intake, "TIMEOUT_SECONDS", 1.0)
    monkeypatch.setenv("INTAKE_API_URL", f"http://127.0.0.1:{hung.getsockname()[1]}")
    monkeypatch.setenv("VAR_DIR", str(tmp_path))
    try:
        events, messages = await run(ActionFileDeclaration(), "local-actions-hung", guest_slots())
    finally:
        hung.close()
    assert "queued" in messages[0]["text"]
    assert SlotSet("declare_route", "done") in events
    [item] = Outbox(tmp_path / "outbox" / "outbox.sqlite3").all_items()
    assert item.idempotency_key == idempotency_key("local-actions-hung", "form-1")


class _Broken(SafeAction):
    def name(self) -> str:
        return "action_broken_for_test"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Any, domain: Any) -> list[Any]:
        raise RuntimeError(
            f"{tracker.get_slot('guest_document_number')} {tracker.get_slot('guest_full_name')}"
        )


async def test_a_failing_action_apologises_and_logs_no_personal_data(
    caplog: pytest.LogCaptureFixture,
) -> None:
    events, messages = await run(_Broken(), "local-actions-broken", guest_slots(), language="vi")
    assert events == []
    assert [m["text"] for m in messages] == [apology("vi")] and apology("vi") != apology("en")
    assert "action_broken_for_test failed: RuntimeError" in caplog.text
    assert "M12345678" not in caplog.text and "KIM MIN JUN" not in caplog.text


def test_every_registered_action_has_the_safety_net() -> None:
    executor = ActionExecutor()
    executor.register_package("actions")
    assert len(executor.actions) > 15
    unguarded = [name for name, run in executor.actions.items() if not getattr(run, "never_silent", False)]
    assert unguarded == []
