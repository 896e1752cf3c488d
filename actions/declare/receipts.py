"""How a filed declaration is reported back: receipt code and deadline status."""

from __future__ import annotations

from typing import Any

from catalog import translator

_t = translator("declare")


def hours(value: Any) -> str:
    """2.0 -> '2', 2.25 -> '2.3' (Vietnamese writes the decimal with a comma only in prose; keep '.')."""
    number = round(float(value or 0), 1)
    return str(int(number)) if number == int(number) else f"{number:.1f}"


def deadline_status(answer: dict[str, Any], language: str | None) -> str:
    limit = int(answer.get("deadline_hours") or 12)
    after = hours(answer.get("hours_after_arrival"))
    if answer.get("late"):
        return _t(
            "⚠ LATE: filed {hours} h after arrival, past the {limit}-hour limit (Law 47/2014/QH13, Art. 33). Keep this receipt; the ward police may ask why.",
            language,
            hours=after,
            limit=limit,
        )
    return _t(
        "Filed {hours} h after arrival, within the {limit}-hour limit.", language, hours=after, limit=limit
    )


def receipt_summary(answer: dict[str, Any]) -> dict[str, Any]:
    """What the outbox keeps of a 201 answer: no personal data beyond the name the host typed."""
    guest = answer.get("guest") or {}
    return {
        "receipt_code": answer.get("receipt_code"),
        "deadline_at": answer.get("deadline_at"),
        "deadline_hours": answer.get("deadline_hours"),
        "late": bool(answer.get("late")),
        "hours_after_arrival": answer.get("hours_after_arrival"),
        "full_name": guest.get("full_name"),
    }


def filed_message(answer: dict[str, Any], language: str | None) -> str:
    return _t(
        "Filed ✓ Receipt code: {receipt}\n{deadline}",
        language,
        receipt=answer.get("receipt_code"),
        deadline=deadline_status(answer, language),
    )
