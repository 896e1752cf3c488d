"""Slots <-> the API's request bodies, and what is personal data (cleared after filing)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

GUEST_SLOTS = (
    "guest_full_name",
    "guest_sex",
    "guest_date_of_birth",
    "guest_nationality",
    "guest_document_number",
    "guest_document_expiry",
    "guest_arrival_at",
    "guest_stay_until",
    "guest_room",
)
PERSONAL_SLOTS = (*GUEST_SLOTS, "guest_document_type", "declare_attempts")
ESTABLISHMENT_SLOTS = (
    "est_name",
    "est_kind",
    "est_address",
    "est_ward",
    "est_province",
    "est_remote",
    "est_phone",
)

# Where the API reports a problem (`loc`) -> the slot the host must answer again.
_GUEST_LOC = {
    "full_name": "guest_full_name",
    "sex": "guest_sex",
    "date_of_birth": "guest_date_of_birth",
    "nationality": "guest_nationality",
    "document_number": "guest_document_number",
    "document_expiry": "guest_document_expiry",
    "arrival_at": "guest_arrival_at",
    "stay_until": "guest_stay_until",
    "room": "guest_room",
}
_ESTABLISHMENT_LOC = {
    "name": "est_name",
    "kind": "est_kind",
    "address": "est_address",
    "ward": "est_ward",
    "province": "est_province",
    "remote_area": "est_remote",
    "contact_phone": "est_phone",
}


def declaration_body(tracker: Tracker) -> dict[str, Any] | None:
    """The POST /v1/declarations body, or None while a required answer is missing."""
    values = {slot: tracker.get_slot(slot) for slot in GUEST_SLOTS}
    if any(values[slot] in (None, "") for slot in GUEST_SLOTS):
        return None
    room = values["guest_room"]
    return {
        "guest": {
            "full_name": values["guest_full_name"],
            "sex": values["guest_sex"],
            "date_of_birth": values["guest_date_of_birth"],
            "nationality": values["guest_nationality"],
            "document_type": tracker.get_slot("guest_document_type") or "passport",
            "document_number": values["guest_document_number"],
            "document_expiry": values["guest_document_expiry"],
        },
        "arrival_at": values["guest_arrival_at"],
        "stay_until": values["guest_stay_until"],
        "room": None if room in (None, "", "-") else room,
    }


def establishment_body(tracker: Tracker) -> dict[str, Any]:
    return {
        "name": tracker.get_slot("est_name"),
        "kind": tracker.get_slot("est_kind"),
        "address": tracker.get_slot("est_address"),
        "ward": tracker.get_slot("est_ward"),
        "province": tracker.get_slot("est_province"),
        "remote_area": bool(tracker.get_slot("est_remote")),
        "contact_phone": tracker.get_slot("est_phone"),
    }


def slots_for_errors(detail: list[dict[str, Any]], establishment: bool = False) -> list[str]:
    """The slots named by a 422's `loc` paths, in form order, without repeats."""
    table = _ESTABLISHMENT_LOC if establishment else _GUEST_LOC
    found: list[str] = []
    for item in detail:
        for part in reversed([str(p) for p in item.get("loc") or []]):
            slot = table.get(part)
            if slot:
                if slot not in found:
                    found.append(slot)
                break
    return found


def clear_personal_data() -> list[EventType]:
    return [SlotSet(slot, None) for slot in PERSONAL_SLOTS]
