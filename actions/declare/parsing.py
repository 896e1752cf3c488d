"""Reading answers as hosts in Viet Nam type them: day-first dates, 24-hour times, Vietnamese words.

Each parser returns a normalised value or None; the form validators turn None into a reason + example.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from knowledge.text import fold

VIETNAM = timezone(timedelta(hours=7), "ICT")  # Viet Nam keeps UTC+7 all year, no daylight saving

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$")
_ISO = re.compile(r"^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})\s*(?::|h|g|giờ|gio)\s*(\d{0,2})\s*(?:p|phút|phut)?$", re.IGNORECASE)
_NOW_WORDS = frozenset(
    {"now", "just now", "right now", "today now", "bay gio", "ngay bay gio", "vua xong", "vua den"}
)
_SKIP_WORDS = frozenset(
    {"-", "skip", "none", "no", "no room", "n a", "na", "khong", "ko", "k", "bo qua", "khong co"}
)


def now_vietnam() -> datetime:
    return datetime.now(VIETNAM).replace(second=0, microsecond=0)


def parse_date(text: str) -> date | None:
    """'05/03/1990', '5-3-1990', '5.3.1990', '05 03 1990' (day first) or '1990-03-05' -> 5 March 1990."""
    cleaned = " ".join(text.strip().split())
    match = _DAY_FIRST.match(cleaned)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(cleaned)
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_time(text: str) -> tuple[int, int] | None:
    """'14:30', '14h30', '14h', '9 giờ 15' -> (hour, minute)."""
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def parse_arrival(text: str, now: datetime) -> datetime | None:
    """'now' / 'bây giờ', a time today ('14:30'), or a date and a time ('20/07/2025 14:30').
    Returns Viet Nam local time, no seconds."""
    folded = fold(text)
    if folded in _NOW_WORDS:
        return now
    cleaned = " ".join(text.strip().replace(",", " ").split())
    only_time = parse_time(cleaned)
    if only_time:
        return now.replace(hour=only_time[0], minute=only_time[1])
    for split_at in range(len(cleaned) - 1, 0, -1):
        if cleaned[split_at] != " ":
            continue
        day, clock = parse_date(cleaned[:split_at]), parse_time(cleaned[split_at + 1 :])
        if day and clock:
            return datetime(day.year, day.month, day.day, clock[0], clock[1], tzinfo=VIETNAM)
        day, clock = parse_date(cleaned[split_at + 1 :]), parse_time(cleaned[:split_at])
        if day and clock:
            return datetime(day.year, day.month, day.day, clock[0], clock[1], tzinfo=VIETNAM)
    return None


def parse_sex(text: str) -> str | None:
    """The API's codes: M, F, X (unspecified, as printed in some passports)."""
    folded = fold(text)
    table = {
        "m": "M", "male": "M", "man": "M", "nam": "M", "trai": "M", "dan ong": "M", "gioi tinh nam": "M",
        "f": "F", "female": "F", "woman": "F", "nu": "F", "gai": "F", "dan ba": "F", "gioi tinh nu": "F",
        "x": "X", "unspecified": "X", "other": "X", "khac": "X", "khong xac dinh": "X",
    }  # fmt: skip
    return table.get(folded)


def parse_kind(text: str) -> str | None:
    """Establishment kinds of the API, named in English or Vietnamese."""
    folded = fold(text)
    table = {
        "hotel": "hotel", "khach san": "hotel", "ks": "hotel",
        "guesthouse": "guesthouse", "guest house": "guesthouse", "motel": "guesthouse", "nha nghi": "guesthouse",
        "homestay": "homestay", "home stay": "homestay",
        "private home": "private_home", "private_home": "private_home", "home": "private_home",
        "house": "private_home", "nha rieng": "private_home", "nha o": "private_home", "nha dan": "private_home",
        "dormitory": "dormitory", "dorm": "dormitory", "ky tuc xa": "dormitory", "ktx": "dormitory",
        "other": "other", "khac": "other",
    }  # fmt: skip
    return table.get(folded) or table.get(folded.replace("_", " "))


def parse_yes_no(text: str) -> bool | None:
    folded = fold(text)
    yes = {"yes", "y", "yeah", "yep", "true", "remote", "co", "dung", "vang", "phai", "vung sau vung xa"}
    no = {"no", "n", "nope", "false", "not remote", "khong", "ko", "k", "khong phai", "sai"}
    if folded in yes:
        return True
    if folded in no:
        return False
    return None


def is_skip(text: str) -> bool:
    return text.strip() == "-" or fold(text) in _SKIP_WORDS


def split_mrz(text: str) -> tuple[str, str] | None:
    """Two passport MRZ lines (44 characters each) pasted on two lines or run together; None otherwise."""
    lines = [re.sub(r"\s+", "", line).upper() for line in text.strip().splitlines() if line.strip()]
    if len(lines) == 1 and len(lines[0]) == 88:
        lines = [lines[0][:44], lines[0][44:]]
    if len(lines) != 2 or not all(len(line) == 44 and "<" in line for line in lines):
        return None
    if not lines[0].startswith("P"):
        return None
    return lines[0], lines[1]


def looks_like_mrz(text: str) -> bool:
    """A paste that tries to be an MRZ (lots of '<') even if it has the wrong length."""
    return text.count("<") >= 5


def format_date(value: str | None) -> str:
    """ISO date -> '05/03/1990' as read in Viet Nam; passes other text through."""
    if not value:
        return ""
    try:
        return date.fromisoformat(value[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return value


def format_moment(value: str | None) -> str:
    """ISO local date-time -> '20/07/2025 14:30'."""
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return value


def iso_moment(value: datetime) -> str:
    """Local Viet Nam time without offset, which the API reads as UTC+7."""
    return value.astimezone(VIETNAM).replace(tzinfo=None).isoformat(timespec="minutes")
