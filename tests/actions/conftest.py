"""Helpers for action unit tests: real rasa_sdk Tracker and CollectingDispatcher, no Rasa server."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def make_tracker(
    text: str = "",
    intent: str | None = None,
    entities: list[dict[str, Any]] | None = None,
    slots: dict[str, Any] | None = None,
    sender_id: str = "test-user",
    events: list[dict[str, Any]] | None = None,
    active_loop: dict[str, Any] | None = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "entities": entities or [],
    }
    return Tracker(
        sender_id=sender_id,
        slots={"language": "en", **(slots or {})},
        latest_message=latest,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop=active_loop or {},
        latest_action_name="action_listen",
    )


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()
