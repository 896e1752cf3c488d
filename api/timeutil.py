"""Viet Nam time (UTC+7, no daylight saving since 1975) and UTC storage."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def utcnow() -> datetime:
    return datetime.now(UTC)


def to_utc(moment: datetime) -> datetime:
    """Naive times are Viet Nam local time (Asia/Ho_Chi_Minh); aware ones keep their offset."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    return moment.astimezone(VIETNAM)


def local_date(moment: datetime) -> date:
    return to_local(moment).date()


def local_midnight_utc(day: date) -> datetime:
    """The UTC instant at which `day` starts in Viet Nam."""
    return datetime.combine(day, time(0), tzinfo=VIETNAM).astimezone(UTC)
