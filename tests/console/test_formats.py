"""The console's Viet Nam formats agree with Babel's vi_VN locale (CLDR) for the values pages show."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

from api.console import i18n
from api.timeutil import VIETNAM


@pytest.mark.parametrize("value", [0, 7, 999, 1000, 12345, 1234567, 100000000, 0.5, 2.25, 1234.5, 98765.4])
def test_numbers_are_written_as_in_viet_nam(value: float) -> None:
    assert i18n.number(value) == format_decimal(value, locale="vi_VN")


@pytest.mark.parametrize("share", [0.0, 0.1, 0.256, 0.5, 1 / 3, 0.999, 1.0])
def test_shares_are_written_as_in_viet_nam(share: float) -> None:
    assert i18n.percent(share) == format_percent(share, format="#,##0.#%", locale="vi_VN")


def test_dates_and_times_are_day_first_in_viet_nam_time() -> None:
    assert (
        i18n.day(date(2026, 1, 2))
        == format_date(date(2026, 1, 2), "dd/MM/yyyy", locale="vi_VN")
        == "02/01/2026"
    )
    stored = datetime(2026, 1, 1, 20, 30, tzinfo=UTC)  # 03:30 the next day in Viet Nam
    assert i18n.moment(stored) == "02/01/2026 03:30"
    assert i18n.moment(stored) == format_datetime(stored, "dd/MM/yyyy HH:mm", tzinfo=VIETNAM, locale="vi_VN")
