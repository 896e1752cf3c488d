"""Form validators, field by field, in English and Vietnamese; nationality and MRZ read locally with the
spec (declaration_spec), so they work with the intake API down."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.declare import parsing
from actions.declare.forms import (
    ValidateGuestDeclarationForm,
    ValidateRegisterEstablishmentForm,
    pick_nationality,
)
from declaration_spec import rules
from declaration_spec.fields import by_slot
from declaration_spec.nationality import by_code
from tests.actions.conftest import make_tracker
from tests.actions.test_declare_support import free_port
from tests.tables import table

GUEST = ValidateGuestDeclarationForm()
REGISTER = ValidateRegisterEstablishmentForm()
TODAY = parsing.now_vietnam().date()


@pytest.fixture
def api_down(monkeypatch: pytest.MonkeyPatch) -> str:
    """Nothing listens at the intake API's address: the checks below must not need it."""
    url = f"http://127.0.0.1:{free_port()}"
    monkeypatch.setenv("INTAKE_API_URL", url)
    return url


async def validate(
    slot: str, value: Any, language: str = "en", slots: dict[str, Any] | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    form = REGISTER if slot.startswith("est_") else GUEST
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(str(value), slots={"language": language, **(slots or {})})
    result = await getattr(form, f"validate_{slot}")(value, dispatcher, tracker, {})
    return result, dispatcher.messages


@pytest.mark.parametrize("language", ["en", "vi"])
@pytest.mark.parametrize(
    ("slot", "typed", "expected"),
    [
        *table(__file__, "test_answers_accepted"),
        (
            "guest_document_expiry",
            (TODAY + timedelta(days=900)).strftime("%d/%m/%Y"),
            (TODAY + timedelta(days=900)).isoformat(),
        ),
    ],
)
async def test_answers_accepted(slot: str, typed: str, expected: str, language: str) -> None:
    result, messages = await validate(slot, typed, language)
    assert result[slot] == expected
    assert messages == []


@pytest.mark.parametrize(
    ("slot", "typed", "en_part", "vi_part"),
    [
        *table(__file__, "test_answers_refused_with_reason"),
        ("guest_date_of_birth", (TODAY + timedelta(days=2)).strftime("%d/%m/%Y"), "future", "tương lai"),
        ("guest_document_expiry", (TODAY - timedelta(days=1)).strftime("%d/%m/%Y"), "expired", "hết hạn"),
        (
            "guest_arrival_at",
            (parsing.now_vietnam() + timedelta(hours=3)).strftime("%d/%m/%Y %H:%M"),
            "future",
            "tương lai",
        ),
        ("guest_room", "x" * 21, "20 characters", "20 ký tự"),
    ],
)
@pytest.mark.parametrize("language", ["en", "vi"])
async def test_answers_refused_with_reason(
    slot: str, typed: str, en_part: str, vi_part: str, language: str
) -> None:
    result, messages = await validate(slot, typed, language)
    assert result[slot] is None
    assert result["declare_attempts"] == {slot: 1}
    assert len(messages) == 1
    assert (en_part if language == "en" else vi_part) in messages[0]["text"]


@pytest.mark.parametrize("typed", ["C1234567", "m 1234 5678", "AB12", "AB12#", "1234567890", "X1-23456"])
async def test_document_numbers_follow_the_spec(typed: str) -> None:
    """The chat accepts exactly the passport numbers the API accepts: both call the spec's rule."""
    result, _ = await validate("guest_document_number", typed)
    accepted = rules.document_number_problem(typed, "passport") is None
    assert (result["guest_document_number"] is not None) == accepted
    if accepted:
        assert result["guest_document_number"] == rules.normalise_document_number(typed)


async def test_other_documents_take_their_own_rule() -> None:
    result, _ = await validate(
        "guest_document_number", "LP-2024-0001", slots={"guest_document_type": "laissez_passer"}
    )
    assert result["guest_document_number"] == "LP-2024-0001"


@pytest.mark.parametrize("language", ["en", "vi"])
async def test_second_wrong_answer_explains_and_offers_stop(language: str) -> None:
    result, messages = await validate(
        "guest_date_of_birth",
        "yesterday",
        language,
        slots={"declare_attempts": {"guest_date_of_birth": 1}},
    )
    assert result["declare_attempts"] == {"guest_date_of_birth": 2}
    assert len(messages) == 2
    explanation = messages[1]
    assert ("photo page" if language == "en" else "trang ảnh") in explanation["text"]
    assert explanation["buttons"] == [{"title": "Stop" if language == "en" else "Dừng", "payload": "/stop"}]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh", "男、女或未指定"), ("ko", "남성, 여성 또는 미지정"), ("vi", "Nam, Nữ")],
)
async def test_refusals_come_in_the_hosts_language(language: str, expected: str) -> None:
    result, messages = await validate("guest_sex", "maybe", language)
    assert result["guest_sex"] is None and expected in messages[0]["text"]


async def test_length_limits_in_the_reason_are_the_specs() -> None:
    field = by_slot()["est_name"]
    _, messages = await validate("est_name", "x" * ((field.max_length or 0) + 1), "ko")
    assert f"{field.min_length}~{field.max_length}자" in messages[0]["text"]


async def test_right_answer_resets_the_count() -> None:
    result, _ = await validate(
        "guest_sex", "F", slots={"declare_attempts": {"guest_sex": 1, "guest_room": 1}}
    )
    assert result["declare_attempts"] == {"guest_room": 1}


async def test_arrival_now_and_time_today() -> None:
    now = parsing.now_vietnam()
    result, _ = await validate("guest_arrival_at", "bây giờ", "vi")
    assert result["guest_arrival_at"] == parsing.iso_moment(now)
    earlier = now - timedelta(hours=2)
    if earlier.date() == now.date():
        result, _ = await validate("guest_arrival_at", earlier.strftime("%Hh%M"))
        assert result["guest_arrival_at"] == parsing.iso_moment(earlier)


async def test_stay_cannot_end_before_arrival() -> None:
    result, messages = await validate(
        "guest_stay_until", "01/01/2025", slots={"guest_arrival_at": "2025-07-20T14:30"}
    )
    assert result["guest_stay_until"] is None
    assert "before the arrival" in messages[0]["text"]
    result, _ = await validate(
        "guest_stay_until", "25-7-2025", slots={"guest_arrival_at": "2025-07-20T14:30"}
    )
    assert result["guest_stay_until"] == "2025-07-25"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Korea", "KOR"),
        ("Hàn Quốc", "KOR"),
        ("kor", "KOR"),
        ("Đức", "DEU"),
        ("German", "DEU"),
        ("Japan", "JPN"),
    ],
)
async def test_nationality_by_name_or_code(api_down: str, typed: str, expected: str) -> None:
    result, messages = await validate("guest_nationality", typed, "vi")
    assert result["guest_nationality"] == expected, messages


async def test_unknown_nationality_is_refused(api_down: str) -> None:
    result, messages = await validate("guest_nationality", "Narnia", "en")
    assert result["guest_nationality"] is None
    assert "KOR" in messages[0]["text"]


async def test_several_matching_countries_become_buttons(api_down: str) -> None:
    result, messages = await validate("guest_nationality", "Guinea", "en")
    assert result["guest_nationality"] == "GIN"
    result, messages = await validate("guest_nationality", "Korean", "vi")
    buttons = messages[0]["buttons"]
    assert result["guest_nationality"] is None
    assert [b["payload"] for b in buttons] == ["KOR", "PRK"] and "Hàn Quốc" in buttons[0]["title"]


def test_pick_nationality_leaves_loose_matches_to_the_host() -> None:
    found = [n for n in (by_code("KOR"), by_code("PRK")) if n is not None]
    assert len(found) == 2
    assert pick_nationality("Korean", found) is None
    assert pick_nationality("prk", found) == "PRK"
    assert pick_nationality("triều tiên", found) == "PRK"


# ICAO Doc 9303 part 4 specimen (Utopia), with the document expiry moved into the future for today's checks.
MRZ_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"


def _mrz_line2(expiry: str) -> str:
    from itertools import cycle

    def digit(field: str) -> str:
        values = [int(c) if c.isdigit() else (ord(c) - 55 if c.isalpha() else 0) for c in field]
        return str(sum(v * w for v, w in zip(values, cycle((7, 3, 1)))) % 10)

    number, nationality, dob, sex, personal = "L898902C3", "UTO", "740812", "F", "ZE184226B<<<<<"
    line = f"{number}{digit(number)}{nationality}{dob}{digit(dob)}{sex}{expiry}{digit(expiry)}{personal}{digit(personal)}"
    composite = line[0:10] + line[13:20] + line[21:43]
    return line + digit(composite)


async def test_mrz_prefills_the_form(api_down: str) -> None:
    expiry = f"{(TODAY.year + 5) % 100:02d}0415"
    result, messages = await validate("guest_full_name", f"{MRZ_1}\n{_mrz_line2(expiry)}")
    assert result["guest_full_name"] == "ERIKSSON ANNA MARIA"
    assert result["guest_sex"] == "F"
    assert result["guest_date_of_birth"] == "1974-08-12"
    assert result["guest_document_number"] == "L898902C3"
    assert result["guest_document_expiry"] == f"{TODAY.year + 5}-04-15"
    assert "all check digits match" in messages[0]["text"]
    assert "L898902C3" not in messages[0]["text"]  # the chat shows it masked too


async def test_mrz_with_a_wrong_check_digit_leaves_that_field_empty(api_down: str) -> None:
    expiry = f"{(TODAY.year + 5) % 100:02d}0415"
    line2 = _mrz_line2(expiry)
    broken = line2[:9] + str((int(line2[9]) + 1) % 10) + line2[10:]  # document number check digit
    result, messages = await validate("guest_full_name", f"{MRZ_1} {broken}", "vi")
    assert "guest_document_number" not in result
    assert result["guest_full_name"] == "ERIKSSON ANNA MARIA"
    assert "KHÔNG khớp" in messages[0]["text"]


async def test_mrz_lines_that_are_not_an_mrz_are_refused_with_the_reason(api_down: str) -> None:
    line2 = _mrz_line2("3O0415")  # a letter O in the expiry date
    result, messages = await validate("guest_full_name", f"{MRZ_1}\n{line2}")
    assert result["guest_full_name"] is None
    assert "not a real date" in messages[0]["text"]


async def test_slots_cleared_for_a_new_guest_are_not_validated() -> None:
    """A new guest clears every slot; the form validates those None values silently, no error messages."""
    dispatcher = CollectingDispatcher()
    tracker = make_tracker("", slots={"language": "en"})
    assert await GUEST.validate_guest_full_name(None, dispatcher, tracker, {}) == {}
    assert await REGISTER.validate_est_phone(None, dispatcher, tracker, {}) == {}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("typed", "english", "vietnamese"),
    [
        *table(__file__, "test_names_no_passport_prints_are_refused_with_the_reason"),
        ("Z" + "\u0301\u0302\u0303\u0308" * 8, "too many accent marks", "quá nhiều dấu"),
    ],
)
async def test_names_no_passport_prints_are_refused_with_the_reason(
    typed: str, english: str, vietnamese: str
) -> None:
    """Issue 10 item 8: the chat took a name of Hangul fillers, a flood of marks, and '-A'."""
    for language, expected in (("en", english), ("vi", vietnamese)):
        result, messages = await validate("guest_full_name", typed, language)
        assert result["guest_full_name"] is None
        assert expected in messages[0]["text"], messages


async def test_decomposed_vietnamese_is_an_ordinary_name() -> None:
    result, _ = await validate("guest_full_name", "NGUYE\u0323\u0302N THI\u0323")
    assert result["guest_full_name"] == "NGUYE\u0323\u0302N THI\u0323"
