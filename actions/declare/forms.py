"""Form validators: each answer is checked as it comes; a wrong answer gets a reason and an example,
and after two wrong answers to one question the bot explains the field and offers to stop."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from abc import abstractmethod
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.declare import parsing, texts
from actions.declare.errors import IntakeRejected, IntakeUnavailable
from actions.declare.identity import mask_document
from actions.declare.intake import IntakeClient
from actions.safety import SafeFormValidation
from catalog import N_, translator
from knowledge.provinces import resolve_area
from knowledge.text import fold

logger = logging.getLogger(__name__)
_t = translator("declare")

ATTEMPTS_SLOT = "declare_attempts"
STRIKES_BEFORE_HELP = 2
MAX_AGE_YEARS = 120
ARRIVAL_CLOCK_SKEW = timedelta(minutes=15)
MAX_ARRIVAL_AGE = timedelta(days=365)
_NAME_PUNCTUATION = frozenset(" '-.,’")

Result = dict[str, Any]


def _language(tracker: Tracker) -> str | None:
    return tracker.get_slot("language")


def _attempts(tracker: Tracker) -> dict[str, int]:
    value = tracker.get_slot(ATTEMPTS_SLOT)
    return dict(value) if isinstance(value, dict) else {}


def reject(
    slot: str,
    reason: str,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    *,
    buttons: list[Any] | None = None,
) -> Result:
    """Refuse an answer: say why with an example; on the second miss, explain the field and offer to stop."""
    lang = _language(tracker)
    attempts = _attempts(tracker)
    attempts[slot] = attempts.get(slot, 0) + 1
    dispatcher.utter_message(text=reason, buttons=buttons or [])
    if attempts[slot] >= STRIKES_BEFORE_HELP:
        dispatcher.utter_message(
            text=f"{texts.explain(slot, lang)}\n{texts.text('offer_stop', lang)}",
            buttons=[{"title": texts.text("stop_button", lang), "payload": "/stop"}],
        )
    return {slot: None, ATTEMPTS_SLOT: attempts}


def accept(slot: str, value: Any, tracker: Tracker, **more: Any) -> Result:
    attempts = _attempts(tracker)
    attempts.pop(slot, None)
    return {slot: value, ATTEMPTS_SLOT: attempts, **more}


# The same rule as the intake API's api.validation.name_problem (this Python 3.10 environment cannot
# import the API): letters of any script with at most MAX_MARKS_PER_LETTER combining marks each, the
# punctuation of names after the first letter, and nothing invisible.
_INVISIBLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
MAX_MARKS_PER_LETTER = 3
NAME_PROBLEMS = {
    "invisible": N_(
        "The name contains invisible characters (such as Hangul fillers or zero-width spaces). Please type "
        "it with the letters printed in the passport."
    ),
    "start": N_("The name must start with a letter, as printed in the passport."),
    "marks": N_(
        "The name has too many accent marks on one letter. Please type each letter with its own accents."
    ),
}


def name_problem(name: str) -> str | None:
    """'invisible', 'start', 'marks' or 'characters' for a name no passport could print; None if fine."""
    if _INVISIBLE.search(name) or any(unicodedata.category(ch) == "Cf" for ch in name):
        return "invisible"
    decomposed = unicodedata.normalize("NFD", name)
    if not decomposed or not unicodedata.category(decomposed[0]).startswith("L"):
        return "start"
    marks, after_letter = 0, False
    for ch in decomposed:
        category = unicodedata.category(ch)
        if category.startswith("M"):
            marks += 1
            if not after_letter:
                return "characters"
            if marks > MAX_MARKS_PER_LETTER:
                return "marks"
            continue
        marks, after_letter = 0, category.startswith("L")
        if not (after_letter or ch in _NAME_PUNCTUATION):
            return "characters"
    return None


def name_is_valid(name: str) -> bool:
    return name_problem(name) is None


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _years_between(earlier: date, later: date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


Validator = Callable[..., Awaitable[Result]]


def _skip_cleared(method: Validator) -> Validator:
    """Slots cleared by an action (a new guest, a correction) reach the validators as None: nothing to check."""

    @functools.wraps(method)
    async def wrapper(self: Any, value: Any, *args: Any) -> Result:
        if value is None:
            return {}
        return await method(self, value, *args)

    return wrapper


class DeclareFormValidation(SafeFormValidation):
    """Base of the declare validators: every `validate_<slot>` skips slots that were just cleared."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for attribute, method in list(vars(cls).items()):
            if attribute.startswith("validate_") and callable(method):
                setattr(cls, attribute, _skip_cleared(method))

    @abstractmethod
    def name(self) -> str:
        """Abstract, so rasa_sdk registers only the concrete validators."""


class ValidateRegisterEstablishmentForm(DeclareFormValidation):
    def name(self) -> str:
        return "validate_register_establishment_form"

    async def validate_est_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        name = _text(value)
        if not 2 <= len(name) <= 200:
            return reject("est_name", texts.invalid("est_name", _language(tracker)), dispatcher, tracker)
        return accept("est_name", name, tracker)

    async def validate_est_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        kind = parsing.parse_kind(_text(value))
        if kind is None:
            return reject("est_kind", texts.invalid("est_kind", _language(tracker)), dispatcher, tracker)
        return accept("est_kind", kind, tracker)

    async def validate_est_address(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        address = _text(value)
        if not 3 <= len(address) <= 300:
            return reject(
                "est_address", texts.invalid("est_address", _language(tracker)), dispatcher, tracker
            )
        return accept("est_address", address, tracker)

    async def validate_est_ward(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        ward = _text(value)
        if not 2 <= len(ward) <= 120:
            return reject("est_ward", texts.invalid("est_ward", _language(tracker)), dispatcher, tracker)
        return accept("est_ward", ward, tracker)

    async def validate_est_province(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        typed = _text(value)
        area = resolve_area(typed)
        if area is None:
            return reject(
                "est_province", texts.invalid("est_province", _language(tracker)), dispatcher, tracker
            )
        province, former = area
        # An old province's name is kept (the API records the former province); otherwise the official name.
        return accept("est_province", former or province.name_vi, tracker)

    async def validate_est_remote(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        answer = value if isinstance(value, bool) else parsing.parse_yes_no(_text(value))
        if answer is None:
            return reject("est_remote", texts.invalid("est_remote", _language(tracker)), dispatcher, tracker)
        return accept("est_remote", answer, tracker)

    async def validate_est_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        phone = parsing.normalise_phone(_text(value))
        if phone is None:
            return reject("est_phone", texts.invalid("est_phone", _language(tracker)), dispatcher, tracker)
        return accept("est_phone", phone, tracker)


class ValidateGuestDeclarationForm(DeclareFormValidation):
    def name(self) -> str:
        return "validate_guest_declaration_form"

    async def validate_guest_full_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        raw = str(value or "")
        lines = parsing.split_mrz(raw)
        if lines is not None:
            return await self._from_mrz(lines, dispatcher, tracker)
        lang = _language(tracker)
        if parsing.looks_like_mrz(raw):
            reason = texts.text("mrz_invalid", lang, reason="")
            return reject("guest_full_name", reason, dispatcher, tracker)
        name = _text(raw)
        problem = name_problem(name)
        if problem in NAME_PROBLEMS:
            return reject("guest_full_name", _t(NAME_PROBLEMS[problem], lang), dispatcher, tracker)
        if problem or not 2 <= len(name) <= 120:
            return reject("guest_full_name", texts.invalid("guest_full_name", lang), dispatcher, tracker)
        return accept("guest_full_name", name, tracker)

    async def _from_mrz(
        self, lines: tuple[str, str], dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Result:
        """Pre-fill from the API's MRZ parser; a field whose check digit fails is left for the host to type."""
        lang = _language(tracker)
        try:
            parsed = await IntakeClient(tracker.sender_id).parse_mrz(*lines)
        except IntakeRejected as error:
            reason = " ".join(texts.api_message(item, lang) for item in error.detail)
            return reject(
                "guest_full_name", texts.text("mrz_invalid", lang, reason=reason), dispatcher, tracker
            )
        except IntakeUnavailable:
            return reject("guest_full_name", texts.text("api_down", lang), dispatcher, tracker)
        guest = parsed.get("guest") or {}
        checks = parsed.get("checks") or {}
        filled: Result = {}
        if guest.get("full_name") and name_is_valid(guest["full_name"]):
            filled["guest_full_name"] = " ".join(guest["full_name"].split())
        if guest.get("sex") in ("M", "F", "X"):
            filled["guest_sex"] = guest["sex"]
        if guest.get("date_of_birth") and checks.get("date_of_birth"):
            filled["guest_date_of_birth"] = guest["date_of_birth"]
        if guest.get("nationality") and guest.get("nationality_known"):
            filled["guest_nationality"] = guest["nationality"]
        if guest.get("document_number") and checks.get("document_number"):
            filled["guest_document_number"] = guest["document_number"]
        if guest.get("document_expiry") and checks.get("document_expiry"):
            expiry = date.fromisoformat(guest["document_expiry"])
            if expiry >= parsing.now_vietnam().date():
                filled["guest_document_expiry"] = guest["document_expiry"]
        if guest.get("document_type"):
            filled["guest_document_type"] = guest["document_type"]
        failed = [
            texts.label(f"guest_{name}", lang)
            for name, ok in checks.items()
            if not ok and f"guest_{name}" in texts.LABELS
        ]
        status = (
            texts.text("mrz_checks_bad", lang, fields=", ".join(failed))
            if failed
            else texts.text("mrz_checks_ok", lang)
        )
        shown = [
            f"{texts.label(slot, lang)}: {mask_document(v) if slot == 'guest_document_number' else parsing.format_date(v) if 'date' in slot or 'expiry' in slot else v}"
            for slot, v in filled.items()
            if slot in texts.LABELS
        ]
        dispatcher.utter_message(text=texts.text("mrz_filled", lang, checks=status, fields="; ".join(shown)))
        logger.info(
            "MRZ pre-filled %d fields (document %s)", len(filled), mask_document(guest.get("document_number"))
        )
        if "guest_full_name" not in filled:
            return reject("guest_full_name", texts.invalid("guest_full_name", lang), dispatcher, tracker)
        return accept("guest_full_name", filled.pop("guest_full_name"), tracker, **filled)

    async def validate_guest_sex(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        sex = parsing.parse_sex(_text(value))
        if sex is None:
            return reject("guest_sex", texts.invalid("guest_sex", _language(tracker)), dispatcher, tracker)
        return accept("guest_sex", sex, tracker)

    async def validate_guest_date_of_birth(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        lang = _language(tracker)
        day = parsing.parse_date(_text(value))
        today = parsing.now_vietnam().date()
        if day is None:
            return reject("guest_date_of_birth", texts.invalid("date", lang), dispatcher, tracker)
        if day > today:
            return reject("guest_date_of_birth", texts.invalid("dob_future", lang), dispatcher, tracker)
        if _years_between(day, today) > MAX_AGE_YEARS:
            return reject("guest_date_of_birth", texts.invalid("dob_implausible", lang), dispatcher, tracker)
        return accept("guest_date_of_birth", day.isoformat(), tracker)

    async def validate_guest_nationality(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        lang = _language(tracker)
        typed = _text(value)
        if not typed:
            return reject("guest_nationality", texts.invalid("guest_nationality", lang), dispatcher, tracker)
        try:
            found = await IntakeClient(tracker.sender_id).nationalities(typed[:60])
        except IntakeUnavailable:
            # Offline: a 3-letter code is taken as typed; the API checks it when the declaration is filed.
            if typed.isalpha() and len(typed) == 3:
                return accept("guest_nationality", typed.upper(), tracker)
            return reject("guest_nationality", texts.invalid("guest_nationality", lang), dispatcher, tracker)
        except IntakeRejected:
            found = []
        chosen = pick_nationality(typed, found)
        if chosen is not None:
            return accept("guest_nationality", chosen, tracker)
        if not found:
            return reject("guest_nationality", texts.invalid("guest_nationality", lang), dispatcher, tracker)
        key = "name_vi" if lang == "vi" else "name_en"
        buttons = [
            {"title": f"{n.get(key)} ({n.get('code')})", "payload": str(n.get("code"))} for n in found[:5]
        ]
        return reject(
            "guest_nationality",
            texts.invalid("nationality_ambiguous", lang),
            dispatcher,
            tracker,
            buttons=buttons,
        )

    async def validate_guest_document_number(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        number = parsing.normalise_document_number(_text(value))
        if number is None:
            return reject(
                "guest_document_number",
                texts.invalid("guest_document_number", _language(tracker)),
                dispatcher,
                tracker,
            )
        return accept("guest_document_number", number, tracker)

    async def validate_guest_document_expiry(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        lang = _language(tracker)
        day = parsing.parse_date(_text(value))
        if day is None:
            return reject("guest_document_expiry", texts.invalid("date", lang), dispatcher, tracker)
        if day < parsing.now_vietnam().date():
            return reject("guest_document_expiry", texts.invalid("expired", lang), dispatcher, tracker)
        return accept("guest_document_expiry", day.isoformat(), tracker)

    async def validate_guest_arrival_at(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        lang = _language(tracker)
        typed = _text(value)
        now = parsing.now_vietnam()
        try:
            # Already normalised (kept from the previous guest of a group): accept as is.
            moment = datetime.fromisoformat(typed).replace(tzinfo=parsing.VIETNAM)
        except ValueError:
            parsed = parsing.parse_arrival(typed, now)
            if parsed is None:
                return reject("guest_arrival_at", texts.invalid("arrival", lang), dispatcher, tracker)
            moment = parsed
        if moment > now + ARRIVAL_CLOCK_SKEW:
            return reject("guest_arrival_at", texts.invalid("arrival_future", lang), dispatcher, tracker)
        if moment < now - MAX_ARRIVAL_AGE:
            return reject("guest_arrival_at", texts.invalid("arrival_too_old", lang), dispatcher, tracker)
        return accept("guest_arrival_at", parsing.iso_moment(moment), tracker)

    async def validate_guest_stay_until(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        lang = _language(tracker)
        day = parsing.parse_date(_text(value))
        if day is None:
            return reject("guest_stay_until", texts.invalid("date", lang), dispatcher, tracker)
        arrival = tracker.get_slot("guest_arrival_at")
        if arrival and day < datetime.fromisoformat(arrival).date():
            return reject("guest_stay_until", texts.invalid("stay_before_arrival", lang), dispatcher, tracker)
        return accept("guest_stay_until", day.isoformat(), tracker)

    async def validate_guest_room(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        typed = _text(value)
        if parsing.is_skip(typed):
            return accept("guest_room", "-", tracker)
        if not 1 <= len(typed) <= 20:
            return reject("guest_room", texts.invalid("guest_room", _language(tracker)), dispatcher, tracker)
        return accept("guest_room", typed, tracker)


def pick_nationality(typed: str, found: list[dict[str, Any]]) -> str | None:
    """The API lists best matches first. Take the first when the answer is its code, its name, or the
    start of its name ('German' -> Germany); with several loose matches the host chooses."""
    if not found:
        return None
    query = fold(typed)
    for item in found:
        if typed.strip().upper() == str(item.get("code", "")).upper():
            return str(item["code"])
        if query in (fold(str(item.get("name_en", ""))), fold(str(item.get("name_vi", "")))):
            return str(item["code"])
    first = found[0]
    names = (fold(str(first.get("name_en", ""))), fold(str(first.get("name_vi", ""))))
    if len(found) == 1 or (len(query) >= 4 and any(name.startswith(query) for name in names)):
        return str(first["code"])
    return None
