"""Slots <-> the API's request bodies, and what is cleared after filing; all derived from the one field
table (declaration_spec.fields)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from declaration_spec.fields import DECLARATION_FIELDS, ESTABLISHMENT_FIELDS, Field, chat_fields

GUEST_FIELDS = chat_fields(DECLARATION_FIELDS)
ESTABLISHMENT_FORM_FIELDS = chat_fields(ESTABLISHMENT_FIELDS)
GUEST_SLOTS = tuple(f.slot for f in GUEST_FIELDS)
ESTABLISHMENT_SLOTS = tuple(f.slot for f in ESTABLISHMENT_FORM_FIELDS)
# Every answer about a guest is cleared after filing (the next guest starts empty), which covers the
# fields the spec marks personal; the document type comes from a pasted MRZ, the attempts name slots.
PERSONAL_SLOTS = (*GUEST_SLOTS, "guest_document_type", "declare_attempts")
SKIPPED = "-"  # what an optional answer holds when the host tapped Skip


def _value(field: Field, tracker: Tracker) -> Any:
    value = tracker.get_slot(field.slot)
    if field.kind == "bool":
        return bool(value)
    if not field.required and value in (None, "", SKIPPED):
        return None
    return value


def declaration_body(tracker: Tracker) -> dict[str, Any] | None:
    """The POST /v1/declarations body, or None while an answer is missing (optional ones hold SKIPPED)."""
    if any(tracker.get_slot(slot) in (None, "") for slot in GUEST_SLOTS):
        return None
    body: dict[str, Any] = {"guest": {"document_type": tracker.get_slot("guest_document_type") or "passport"}}
    for field in GUEST_FIELDS:
        target = body["guest"] if field.group == "guest" else body
        target[field.name] = _value(field, tracker)
    return body


def establishment_body(tracker: Tracker) -> dict[str, Any]:
    return {field.name: _value(field, tracker) for field in ESTABLISHMENT_FORM_FIELDS}


def _slot_at(loc: list[str], fields: tuple[Field, ...]) -> str | None:
    """The field whose path ends latest in `loc` (['body', 'guest', 'sex', 'enum'] -> guest_sex)."""
    for end in range(len(loc), 0, -1):
        for field in fields:
            start = end - len(field.path)
            if start >= 0 and tuple(loc[start:end]) == field.path:
                return field.slot
    return None


def slots_for_errors(detail: list[dict[str, Any]], establishment: bool = False) -> list[str]:
    """The slots named by a 422's `loc` paths, in the order of the errors, without repeats."""
    fields = ESTABLISHMENT_FORM_FIELDS if establishment else GUEST_FIELDS
    found: list[str] = []
    for item in detail:
        slot = _slot_at([str(p) for p in item.get("loc") or []], fields)
        if slot and slot not in found:
            found.append(slot)
    return found


def clear_personal_data() -> list[EventType]:
    return [SlotSet(slot, None) for slot in PERSONAL_SLOTS]
