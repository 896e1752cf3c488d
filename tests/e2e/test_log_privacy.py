"""Issue #10 item 5 (the Rasa side): no guest's name, date of birth or full document number in any
service log, even when things fail.

A host declares a guest over the signed channel on a stack of its own; on the way the action server is
stopped while Rasa runs the confirm action (an action failing), the declaration is then filed, the intake
API refuses a cancellation and a declaration posted with the same personal data, and an unsigned call
carrying the data is refused. Rasa runs at DEBUG. Then every log under the stack's var/log is read for
the guest's data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.rasa_client import RasaError
from bot.stack import StackConfig, running_stack, start_service
from tests.e2e.chat import api_headers, call_api, cli_client, joined, register_establishment, say
from tests.e2e.test_declare import fill_guest

pytestmark = [pytest.mark.stack, pytest.mark.slow]

NAME, BIRTH, DOCUMENT = "KIM MIN JUN", "05/03/1990", "M12345678"  # as tests.e2e.test_declare types them
FORBIDDEN = [NAME, BIRTH, "1990-03-05", DOCUMENT, "KIM<<MIN<JUN"]


@pytest.fixture
def own_stack(tmp_path: Path) -> Iterator[tuple[StackConfig, list[Any]]]:
    # Rasa at DEBUG, the worst case: it then quotes every user message, slot and tracker state.
    config = StackConfig.on_free_ports(tmp_path, extra_env={"LOG_LEVEL": "DEBUG"})
    with running_stack(config) as services:
        yield config, services


async def send_quietly(config: StackConfig, sender: str, text: str) -> str:
    """A message whose turn may fail: whatever came back (possibly nothing)."""
    async with cli_client(config) as rasa:
        try:
            return joined(await rasa.send(sender, text))
        except RasaError as error:
            return str(error)


async def test_no_personal_data_in_any_log_after_failures(own_stack: tuple[StackConfig, list[Any]]) -> None:
    config, services = own_stack
    sender = f"e2e-logs-{uuid.uuid4().hex[:8]}"
    channel = api_headers(config, f"cli:{sender}")
    await register_establishment(
        config, f"cli:{sender}", name="Binh An Hostel", kind="guesthouse", address="5 Le Loi", ward="Ben Nghe",
        province="Hồ Chí Minh", contact_phone="0903123456",
    )  # fmt: skip
    assert "Binh An Hostel" in joined(await say(config, sender, "declare a guest"))
    assert "Please check the declaration" in joined(await fill_guest(config, sender))

    # An action failing: the action server is gone while Rasa runs the confirm action.
    actions = services[1]
    assert actions.spec.name == "action server"
    actions.stop()
    await send_quietly(config, sender, "/confirm_declaration")
    services[1] = start_service(actions.spec, config.var_dir / "log")
    filed = joined(await say(config, sender, "/confirm_declaration"))
    assert "Receipt code:" in filed, filed

    # The intake API refusing: a cancellation of an unknown receipt with the name in the reason, and a
    # declaration carrying the guest's data whose stay ends before it starts.
    await send_quietly(config, sender, '/cancel_declaration{"cancel_receipt":"HN-ZZZZZZZZ"}')
    await send_quietly(config, sender, f"{NAME} {DOCUMENT} did not come")
    refused = await call_api(
        "POST",
        f"{config.api_url}/v1/declarations",
        headers={**channel, "Idempotency-Key": uuid.uuid4().hex},
        json={
            "guest": {"full_name": NAME, "date_of_birth": "1990-03-05", "document_number": DOCUMENT},
            "arrival": "2026-01-10T10:00:00+07:00",
            "departure": "2026-01-01",
        },
    )
    assert 400 <= refused.status_code < 500, refused.text

    # An unsigned call carrying the data: refused, and not logged with it.
    async with httpx.AsyncClient(base_url=config.rasa_url, timeout=30) as rasa:
        body = json.dumps({"sender": f"telegram:{sender}", "message": f"{NAME} {BIRTH} {DOCUMENT}"})
        unsigned = await rasa.post("/webhooks/rest/webhook", content=body)
    assert unsigned.status_code == 401

    logs = sorted((config.var_dir / "log").glob("*.log"))
    assert {path.name for path in logs} >= {
        "intake-API.log",
        "action-server.log",
        "Rasa-server.log",
        "outbox-worker.log",
    }
    rasa_log = (config.var_dir / "log" / "Rasa-server.log").read_text(errors="replace")
    assert "Failed to run custom action 'action_file_declaration'" in rasa_log  # the failure happened
    assert '"slot_values": "[redacted]"' in rasa_log  # DEBUG did log the slots, and they were redacted
    leaks = [
        f"{path.name}:{number}: {line.strip()[:200]}"
        for path in logs
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), start=1)
        if any(value.lower() in line.lower() for value in FORBIDDEN)
    ]
    assert not leaks, "\n".join(leaks)
