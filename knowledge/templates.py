"""English and Vietnamese wording. Answers are these templates filled with extracted facts, never canned answers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

TOPICS: tuple[str, ...] = (
    "temporary_residence",
    "work_permit",
    "criminal_record",
    "health_check",
    "reporting",
    "inspection",
    "complaints",
    "investment",
    "visa_residence_card",
    "social_insurance",
    "delegations",
    "service_sellers",
)
ROLES: tuple[str, ...] = ("foreigner", "host", "employer")

# The wording is data (templates.json next to this module), one table per kind, each entry {"en", "vi"}:
# topic_labels (also search vocabulary: the Vietnamese label is the law's own name for the paper),
# zone_condition, document_names, and templates: summaries, steps built from a decree clause (what its
# agency does there, and when), steps built from a curated national fact (phrased for who is asking),
# caveats and the words of the rendered lines.
_WORDING: dict[str, dict[str, dict[str, str]]] = json.loads(
    Path(__file__).with_name("templates.json").read_text(encoding="utf-8")
)
TOPIC_LABELS = _WORDING["topic_labels"]
ZONE_CONDITION = _WORDING["zone_condition"]
DOCUMENT_NAMES = _WORDING["document_names"]
T = _WORDING["templates"]


def t(key: str, lang: str, **values: Any) -> str:
    return T[key][lang].format(**values)


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def deadline_text(deadline: dict[str, Any], lang: str) -> str:
    """{"kind": "monthly_before_day", "day": 25} -> 'before the 25th of each month' (vi: the decree's phrase)."""
    if lang == "vi":
        return str(deadline["text"])
    kind = deadline["kind"]
    d = deadline
    match kind:
        case "monthly_before_day":
            return f"before the {ordinal(d['day'])} of each month"
        case "monthly_on_day":
            return f"on the {ordinal(d['day'])} of each month"
        case "quarterly_before_day":
            return f"before the {ordinal(d['day'])} of the last month of each quarter"
        case "quarterly_on_day":
            return f"on the {ordinal(d['day'])} of the last month of each quarter"
        case "window":
            return (
                f"monthly, data from the {ordinal(d['from_day'])} of the previous month "
                f"to the {ordinal(d['to_day'])} of the current month"
            )
        case "yearly_before":
            return f"every year before {d['day']:02d}/{d['month']:02d}"
        case "at_least_days":
            return f"at least {d['days']} days in advance"
        case "within_hours":
            return f"within {d['hours']} hours"
        case "every_months":
            return f"every {d['months']} months"
        case "quarterly":
            return "every quarter"
        case "monthly":
            return "every month"
        case "yearly":
            return "every year"
        case "immediately_after":
            return "immediately after"
    return str(d["text"])
