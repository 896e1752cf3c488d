"""Deadlines and periods in structured form; each rule is a regex with the phrase it matches in its docstring.

'Định kỳ trước ngày 25 hàng tháng'                        -> {"kind": "monthly_before_day", "day": 25}
'mốc số liệu từ ngày 11 tháng trước đến ngày 10 tháng tiếp theo' -> {"kind": "window", "from_day": 11, "to_day": 10}
'trước ngày 15/12 hàng năm'                                -> {"kind": "yearly_before", "day": 15, "month": 12}
'ít nhất 07 ngày'                                          -> {"kind": "at_least_days", "days": 7}
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Deadline = dict[str, Any]
_EVERY = r"(?:hàng|hằng)"

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], list[Deadline]]]


def _yearly(match: re.Match[str]) -> list[Deadline]:
    """'trước ngày 30/6 và 31/12 hằng năm' -> two yearly_before deadlines."""
    dates = re.findall(r"(\d{1,2})/(\d{1,2})", match.group(0))
    return [{"kind": "yearly_before", "day": int(d), "month": int(m)} for d, m in dates]


RULES: tuple[_Rule, ...] = (
    (
        re.compile(r"từ ngày (\d{1,2}) tháng trước đến ngày (\d{1,2}) tháng tiếp theo"),
        lambda m: [{"kind": "window", "from_day": int(m.group(1)), "to_day": int(m.group(2))}],
    ),
    (
        re.compile(rf"trước ngày (\d{{1,2}}) {_EVERY} tháng"),
        lambda m: [{"kind": "monthly_before_day", "day": int(m.group(1))}],
    ),
    (
        re.compile(r"trước ngày (\d{1,2}) tháng cuối quý"),
        lambda m: [{"kind": "quarterly_before_day", "day": int(m.group(1))}],
    ),
    (
        re.compile(r"(?<!trước )ngày (\d{1,2}) tháng cuối quý"),
        lambda m: [{"kind": "quarterly_on_day", "day": int(m.group(1))}],
    ),
    (
        re.compile(rf"(?<!trước )ngày (\d{{1,2}}) {_EVERY} tháng"),
        lambda m: [{"kind": "monthly_on_day", "day": int(m.group(1))}],
    ),
    (re.compile(r"trước ngày \d{1,2}/\d{1,2}(?: và \d{1,2}/\d{1,2})?"), _yearly),
    (
        re.compile(r"ít nhất (\d+) ngày"),
        lambda m: [{"kind": "at_least_days", "days": int(m.group(1))}],
    ),
    (
        re.compile(r"trong thời hạn (\d+) giờ"),
        lambda m: [{"kind": "within_hours", "hours": int(m.group(1))}],
    ),
    (re.compile(r"[Đđ]ịnh kỳ 6 tháng"), lambda m: [{"kind": "every_months", "months": 6}]),
    (re.compile(rf"[Đđ]ịnh kỳ {_EVERY} quý"), lambda m: [{"kind": "quarterly"}]),
    (re.compile(rf"(?:[Đđ]ịnh kỳ )?{_EVERY} tháng"), lambda m: [{"kind": "monthly"}]),
    (re.compile(rf"(?:[Đđ]ịnh kỳ )?{_EVERY} năm"), lambda m: [{"kind": "yearly"}]),
    (re.compile(r"[Nn]gay sau khi"), lambda m: [{"kind": "immediately_after"}]),
)

# A generic period is dropped when a precise one covers it ("trước ngày 25 hàng tháng" is not also "monthly").
_GENERIC = {"monthly": ("monthly_before_day", "monthly_on_day", "window"), "yearly": ("yearly_before",)}


def parse_deadlines(text: str) -> list[Deadline]:
    """All deadlines in a clause, in text order, each with the Vietnamese phrase it came from."""
    found: list[tuple[int, Deadline]] = []
    taken: list[tuple[int, int]] = []
    for pattern, build in RULES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            for item in build(match):
                found.append((start, {**item, "text": match.group(0)}))
    kinds = {d["kind"] for _, d in found}
    kept = [
        d for _, d in sorted(found, key=lambda pair: pair[0]) if not set(_GENERIC.get(d["kind"], ())) & kinds
    ]
    return kept
