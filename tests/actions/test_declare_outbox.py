"""The durable outbox and its worker: the real intake API (stopped, then started), a recording stand-in for
Rasa's trigger_intent endpoint (Rasa itself is exercised in tests/e2e) and a push receiver that fails once."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from actions.declare import parsing
from actions.declare.identity import idempotency_key, mask_document
from actions.declare.intake import IntakeClient
from actions.declare.outbox import Outbox, backoff
from actions.declare.outbox_worker import TRIGGER_INTENT, OutboxWorker
from tests.actions.test_declare_support import CHANNEL_TOKEN, free_port, intake_api

SENDER = "local-outbox-test"


def declaration() -> dict[str, Any]:
    now = parsing.now_vietnam()
    return {
        "guest": {
            "full_name": "KIM MIN JUN",
            "sex": "M",
            "date_of_birth": "1990-03-05",
            "nationality": "KOR",
            "document_type": "passport",
            "document_number": "M12345678",
            "document_expiry": (now.date() + timedelta(days=900)).isoformat(),
        },
        "arrival_at": parsing.iso_moment(now - timedelta(hours=2)),
        "stay_until": (now.date() + timedelta(days=3)).isoformat(),
        "room": "204",
    }


def test_enqueue_is_durable_and_keeps_one_item_per_key(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    first = Outbox(path).enqueue(SENDER, "key-1", declaration(), "vi")
    again = Outbox(path).enqueue(SENDER, "key-1", declaration(), "vi")  # a double tap while the API is down
    assert first == again
    items = Outbox(path).all_items()  # a fresh instance: what a restarted worker would read
    assert [(i.id, i.state, i.language) for i in items] == [(first, "pending", "vi")]
    assert items[0].body["guest"]["document_number"] == "M12345678"


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(n) for n in (1, 2, 3, 4)] == [2.0, 4.0, 8.0, 16.0]
    assert backoff(30) == 300.0


def test_keys_and_masking() -> None:
    assert idempotency_key("123", "form-a") == idempotency_key("123", "form-a")
    assert idempotency_key("123", "form-a") != idempotency_key("123", "form-b")
    assert idempotency_key("123", "form-a") != idempotency_key("124", "form-a")
    assert "123" not in idempotency_key("123", "form-a").split("-")[1]
    assert mask_document("M12345678") == "******678"
    assert mask_document("AB") == "**"


@pytest.fixture
async def receivers() -> AsyncIterator[dict[str, Any]]:
    """A stand-in for Rasa's trigger_intent (answers like Rasa 3.6 with "messages") and a push endpoint
    that answers 503 the first time."""
    seen: dict[str, Any] = {"triggers": [], "pushes": [], "push_failures": 1}

    async def trigger(request: web.Request) -> web.Response:
        body = await request.json()
        seen["triggers"].append((request.match_info["sender"], body))
        outcome = json.loads(body["entities"]["declare_outcome"])
        return web.json_response(
            {
                "tracker": {},
                "messages": [{"recipient_id": "x", "text": f"receipt {outcome.get('receipt_code')}"}],
            }
        )

    async def push(request: web.Request) -> web.Response:
        if seen["push_failures"]:
            seen["push_failures"] -= 1
            return web.json_response({"detail": "busy"}, status=503)
        seen["pushes"].append(await request.json())
        return web.json_response({"status": "delivered"}, status=202)

    app = web.Application()
    app.router.add_post("/conversations/{sender}/trigger_intent", trigger)
    app.router.add_post("/push", push)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    seen["url"] = f"http://127.0.0.1:{port}"
    yield seen
    await runner.cleanup()


async def test_queued_while_down_filed_once_when_back(
    tmp_path: Path, receivers: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    api_port = free_port()
    monkeypatch.setenv("INTAKE_API_URL", f"http://127.0.0.1:{api_port}")
    monkeypatch.setenv("CHANNEL_TOKEN", CHANNEL_TOKEN)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    key = idempotency_key(SENDER, "form-1")
    body = declaration()
    item_id = outbox.enqueue(SENDER, key, body, "en")
    worker = OutboxWorker(outbox, receivers["url"], [f"{receivers['url']}/push"])

    # API down: counted as a failure, retried later, nothing announced.
    assert await worker.run_once() == 1
    item = outbox.get(item_id)
    assert item is not None and item.state == "pending" and item.attempts == 1
    assert await worker.run_once() == 0  # not due yet: backoff
    assert receivers["triggers"] == []

    with intake_api(tmp_path, api_port):
        client = IntakeClient(SENDER)
        await client.register_establishment(
            {
                "name": "Hoa Sen",
                "kind": "guesthouse",
                "address": "12 Hàng Bạc",
                "ward": "Hoàn Kiếm",
                "province": "Hà Nội",
                "remote_area": False,
                "contact_phone": "0912345678",
            }
        )
        for _ in range(
            4
        ):  # each step taken now rather than waiting out the backoff  # file, announce, push (fails once), push again
            item = outbox.get(item_id)
            assert item is not None
            await worker.step(item)
        item = outbox.get(item_id)
        assert item is not None and item.state == "done", item
        assert item.body == {}  # personal data gone from disk once filed
        receipt = item.result["receipt_code"] if item.result else None
        assert receipt and receipt.startswith("HN-")

        filed = await client.list_declarations(limit=50)
        assert [d["receipt_code"] for d in filed] == [receipt]
        # A retry after a lost answer reuses the key: the same receipt, still one declaration.
        again = await client.file_declaration(body, key)
        assert again["receipt_code"] == receipt
        assert len(await client.list_declarations(limit=50)) == 1

    assert len(receivers["triggers"]) == 1  # announced once although the push failed once
    sender, body = receivers["triggers"][0]
    assert sender == SENDER and body["name"] == TRIGGER_INTENT
    assert receivers["pushes"] == [
        {
            "recipient_id": SENDER,
            "messages": [{"recipient_id": "x", "text": f"receipt {receipt}"}],
            "language": "en",
        }
    ]


async def test_refused_declaration_is_not_retried(
    tmp_path: Path, receivers: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    with intake_api(tmp_path) as url:
        monkeypatch.setenv("INTAKE_API_URL", url)
        monkeypatch.setenv("CHANNEL_TOKEN", CHANNEL_TOKEN)
        outbox = Outbox(tmp_path / "outbox.sqlite3")
        # This chat account never registered an establishment: the API answers 403, a 4xx.
        item_id = outbox.enqueue(
            "local-stranger", idempotency_key("local-stranger", "f"), declaration(), "vi"
        )
        worker = OutboxWorker(outbox, receivers["url"], [])
        item = outbox.get(item_id)
        assert item is not None
        await worker.step(item)
        item = outbox.get(item_id)
        assert item is not None and item.state == "rejected" and item.attempts == 0
        assert item.result and item.result["detail"] and item.result["full_name"] == "KIM MIN JUN"
        await worker.step(item)  # announce the refusal; no notify URLs: done
        item = outbox.get(item_id)
        assert item is not None and item.state == "done"
    assert len(receivers["triggers"]) == 1
