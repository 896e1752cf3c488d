"""Form validators: each answer is checked as it comes; a wrong answer gets a reason and an example,
and after two wrong answers to one question the bot explains the field and offers to stop.

The checks are the spec's (declaration_spec.rules, .fields, .mrz, .nationality), run here in the action
server without calling the API: the chat refuses what the API would refuse, and pasting passport lines or
naming a country works while the API is down. Each form lists one check per slot (`CHECKS`); the base
class turns them into the `validate_<slot>` methods rasa_sdk looks for.
"""

from __future__ import annotations

import functools
import logging
from abc import abstractmethod
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.declare import parsing, texts
from actions.declare.declaration import GUEST_SLOTS, SKIPPED
from actions.declare.identity import mask_document
from actions.safety import SafeFormValidation
from catalog import translator
from declaration_spec import rules
from declaration_spec.fields import SEXES, by_slot
from declaration_spec.mrz import MrzResult, parse_td3
from declaration_spec.nationality import Nationality, by_code, search_nationalities
from declaration_spec.phone import parse_phone
from knowledge.provinces import resolve_area
from knowledge.text import fold

logger = logging.getLogger(__name__)
_t = translator("declare")

ATTEMPTS_SLOT = "declare_attempts"
STRIKES_BEFORE_HELP = 2

Result = dict[str, Any]


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
    lang = tracker.get_slot("language")
    attempts = _attempts(tracker)
    attempts[slot] = attempts.get(slot, 0) + 1
    dispatcher.utter_message(text=reason, buttons=buttons or [])
    if attempts[slot] >= STRIKES_BEFORE_HELP:
        dispatcher.utter_message(
            text=texts.explain(slot, lang)
            + "\n"
            + _t("You can try again, or stop the declaration for now.", lang),
            buttons=[{"title": _t("Stop", lang), "payload": "/stop"}],
        )
    return {slot: None, ATTEMPTS_SLOT: attempts}


def accept(slot: str, value: Any, tracker: Tracker, **more: Any) -> Result:
    attempts = _attempts(tracker)
    attempts.pop(slot, None)
    return {slot: value, ATTEMPTS_SLOT: attempts, **more}


@dataclass(frozen=True)
class Answer:
    """One answer to one question, with what a check needs to accept or refuse it."""

    slot: str
    value: Any
    dispatcher: CollectingDispatcher
    tracker: Tracker

    @property
    def lang(self) -> str | None:
        return self.tracker.get_slot("language")

    @property
    def typed(self) -> str:
        return " ".join(str(self.value or "").split())

    def accept(self, value: Any, **more: Any) -> Result:
        return accept(self.slot, value, self.tracker, **more)

    def refuse(self, problem: str | None = None, buttons: list[Any] | None = None) -> Result:
        """Refuse with the reason for `problem` (a rules error code), or the field's own reason."""
        field = by_slot()[self.slot]
        reason = texts.invalid(problem or self.slot, self.lang, min=field.min_length, max=field.max_length)
        return self.refuse_with(reason, buttons)

    def refuse_with(self, reason: str, buttons: list[Any] | None = None) -> Result:
        return reject(self.slot, reason, self.dispatcher, self.tracker, buttons=buttons)


Check = Callable[[Answer], Result]


def _within_length(answer: Answer) -> Result:
    """Free text held to the field's lengths in the spec."""
    field, typed = by_slot()[answer.slot], answer.typed
    if not (field.min_length or 0) <= len(typed) <= (field.max_length or len(typed)):
        return answer.refuse()
    return answer.accept(typed)


def _parsed(parse: Callable[[str], Any]) -> Check:
    """A choice read by `parse` (buttons or words in English or Vietnamese); None means not understood."""

    def check(answer: Answer) -> Result:
        value = answer.value if isinstance(answer.value, bool) else parse(answer.typed)
        return answer.refuse() if value is None else answer.accept(value)

    return check


def _province(answer: Answer) -> Result:
    area = resolve_area(answer.typed)
    if area is None:
        return answer.refuse()
    province, former = area
    # An old province's name is kept (the API records the former province); otherwise the official name.
    return answer.accept(former or province.name_vi)


def _phone(answer: Answer) -> Result:
    number = parse_phone(answer.typed)
    return answer.refuse() if number is None else answer.accept(number)


def _full_name(answer: Answer) -> Result:
    raw = str(answer.value or "")
    lines = parsing.split_mrz(raw)
    if lines is not None:
        return _from_mrz(answer, *lines)
    if parsing.looks_like_mrz(raw):
        return _mrz_unreadable(answer)
    name = answer.typed
    problem = rules.name_problem(name)
    if problem in texts.INVALID:  # a reason of its own (invisible characters, leading punctuation, marks)
        return answer.refuse(problem)
    if not _name_fits(name):
        return answer.refuse()
    return answer.accept(name)


def _mrz_unreadable(answer: Answer, reason: str = "") -> Result:
    return answer.refuse_with(
        _t(
            "Those passport lines could not be read: {reason} Each line has 44 characters; the first starts with P<.",
            answer.lang,
            reason=reason,
        )
    )


def _name_fits(name: str) -> bool:
    field = by_slot()["guest_full_name"]
    return (field.min_length or 0) <= len(name) <= (field.max_length or 0) and not rules.name_problem(name)


def _mrz_slots(result: MrzResult, today: date) -> Result:
    """The slots the MRZ fills: a field whose check digit fails is left for the host to type."""
    filled: Result = {}
    full_name = " ".join(f"{result.surname} {result.given_names}".split())
    if _name_fits(full_name):
        filled["guest_full_name"] = full_name
    if result.sex in SEXES:
        filled["guest_sex"] = result.sex
    if result.date_of_birth and result.checks["date_of_birth"]:
        filled["guest_date_of_birth"] = result.date_of_birth.isoformat()
    if by_code(result.nationality) is not None:
        filled["guest_nationality"] = result.nationality
    if result.checks["document_number"] and not rules.document_number_problem(result.document_number):
        filled["guest_document_number"] = result.document_number
    if result.document_expiry and result.checks["document_expiry"] and result.document_expiry >= today:
        filled["guest_document_expiry"] = result.document_expiry.isoformat()
    filled["guest_document_type"] = "passport"  # parse_td3 reads passports (TD3, 'P') only
    return filled


def _shown(slot: str, value: str) -> str:
    field = by_slot().get(slot)
    if field is None:
        return value
    if field.personal and field.kind == "text" and slot != "guest_full_name":
        return mask_document(value)
    return parsing.format_date(value) if field.kind == "date" else value


def _from_mrz(answer: Answer, line1: str, line2: str) -> Result:
    """Pre-fill from the passport's two MRZ lines, read here with the spec's parser (no API call)."""
    lang, today = answer.lang, parsing.now_vietnam().date()
    result, problems = parse_td3(line1, line2, today)
    if result is None or problems:
        reason = " ".join(texts.invalid(problem.code, lang) for problem in problems)
        return _mrz_unreadable(answer, reason)
    filled = _mrz_slots(result, today)
    failed = [
        texts.label(f"guest_{name}", lang)
        for name, ok in result.checks.items()
        if not ok and f"guest_{name}" in by_slot()
    ]
    status = (
        _t(
            "check digits do NOT match for: {fields} — compare with the passport",
            lang,
            fields=", ".join(failed),
        )
        if failed
        else _t("all check digits match", lang)
    )
    shown = [
        f"{texts.label(slot, lang)}: {_shown(slot, v)}" for slot, v in filled.items() if slot in GUEST_SLOTS
    ]
    answer.dispatcher.utter_message(
        text=_t(
            "Read from the passport lines ({checks}): {fields}.", lang, checks=status, fields="; ".join(shown)
        )
    )
    logger.info("MRZ pre-filled %d fields (document %s)", len(filled), mask_document(result.document_number))
    if "guest_full_name" not in filled:
        return answer.refuse()
    return answer.accept(filled.pop("guest_full_name"), **filled)


def _date_of_birth(answer: Answer) -> Result:
    day = parsing.parse_date(answer.typed)
    if day is None:
        return answer.refuse("date")
    problem = rules.date_of_birth_problem(day, parsing.now_vietnam().date())
    return answer.refuse(problem) if problem else answer.accept(day.isoformat())


def _nationality(answer: Answer) -> Result:
    typed = answer.typed
    found = search_nationalities(typed[:60]) if typed else []
    chosen = pick_nationality(typed, found)
    if chosen is not None:
        return answer.accept(chosen)
    if not found:
        return answer.refuse()
    buttons = [{"title": f"{_country_name(n, answer.lang)} ({n.code})", "payload": n.code} for n in found[:5]]
    return answer.refuse("nationality_ambiguous", buttons=buttons)


def _country_name(nationality: Nationality, lang: str | None) -> str:
    return nationality.name_vi if lang == "vi" else nationality.name_en


def _document_number(answer: Answer) -> Result:
    document_type = answer.tracker.get_slot("guest_document_type") or "passport"
    if rules.document_number_problem(answer.typed, document_type):
        return answer.refuse()
    return answer.accept(rules.normalise_document_number(answer.typed))


def _document_expiry(answer: Answer) -> Result:
    day = parsing.parse_date(answer.typed)
    if day is None:
        return answer.refuse("date")
    if day < parsing.now_vietnam().date():
        return answer.refuse("expired")
    return answer.accept(day.isoformat())


def _arrival(answer: Answer) -> Result:
    now = parsing.now_vietnam()
    try:
        # Already normalised (kept from the previous guest of a group): accept as is.
        moment = datetime.fromisoformat(answer.typed).replace(tzinfo=parsing.VIETNAM)
    except ValueError:
        parsed = parsing.parse_arrival(answer.typed, now)
        if parsed is None:
            return answer.refuse("arrival")
        moment = parsed
    if moment > now + rules.ARRIVAL_CLOCK_SKEW:
        return answer.refuse("arrival_future")
    if moment < now - rules.MAX_ARRIVAL_AGE:
        return answer.refuse("arrival_too_old")
    return answer.accept(parsing.iso_moment(moment))


def _stay_until(answer: Answer) -> Result:
    day = parsing.parse_date(answer.typed)
    if day is None:
        return answer.refuse("date")
    arrival = answer.tracker.get_slot("guest_arrival_at")
    if arrival and day < datetime.fromisoformat(arrival).date():
        return answer.refuse("stay_before_arrival")
    return answer.accept(day.isoformat())


def _room(answer: Answer) -> Result:
    if parsing.is_skip(answer.typed):
        return answer.accept(SKIPPED)
    return _within_length(answer) if answer.typed else answer.refuse()


Validator = Callable[..., Awaitable[Result]]


def _skip_cleared(method: Validator) -> Validator:
    """Slots cleared by an action (a new guest, a correction) reach the validators as None: nothing to check."""

    @functools.wraps(method)
    async def wrapper(self: Any, value: Any, *args: Any) -> Result:
        if value is None:
            return {}
        return await method(self, value, *args)

    return wrapper


def _validator(slot: str, check: Check) -> Validator:
    async def validate(
        self: Any, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Result:
        return check(Answer(slot, value, dispatcher, tracker))

    validate.__name__ = f"validate_{slot}"
    return _skip_cleared(validate)


class DeclareFormValidation(SafeFormValidation):
    """Base of the declare validators: a `validate_<slot>` for each entry of CHECKS; those and the
    hand-written `validate_<slot>` methods skip slots that were just cleared."""

    CHECKS: ClassVar[dict[str, Check]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for attribute, method in list(vars(cls).items()):
            if attribute.startswith("validate_") and callable(method):
                setattr(cls, attribute, _skip_cleared(method))
        for slot, check in cls.CHECKS.items():
            setattr(cls, f"validate_{slot}", _validator(slot, check))

    @abstractmethod
    def name(self) -> str:
        """Abstract, so rasa_sdk registers only the concrete validators."""


class ValidateRegisterEstablishmentForm(DeclareFormValidation):
    CHECKS: ClassVar[dict[str, Check]] = {
        "est_name": _within_length,
        "est_kind": _parsed(parsing.parse_kind),
        "est_address": _within_length,
        "est_ward": _within_length,
        "est_province": _province,
        "est_remote": _parsed(parsing.parse_yes_no),
        "est_phone": _phone,
    }

    def name(self) -> str:
        return "validate_register_establishment_form"


class ValidateGuestDeclarationForm(DeclareFormValidation):
    CHECKS: ClassVar[dict[str, Check]] = {
        "guest_full_name": _full_name,
        "guest_sex": _parsed(parsing.parse_sex),
        "guest_date_of_birth": _date_of_birth,
        "guest_nationality": _nationality,
        "guest_document_number": _document_number,
        "guest_document_expiry": _document_expiry,
        "guest_arrival_at": _arrival,
        "guest_stay_until": _stay_until,
        "guest_room": _room,
    }

    def name(self) -> str:
        return "validate_guest_declaration_form"


def pick_nationality(typed: str, found: list[Nationality]) -> str | None:
    """Best matches come first. Take the first when the answer is its code, its name, or the start of its
    name ('German' -> Germany); with several loose matches the host chooses."""
    if not found:
        return None
    query = fold(typed)
    for item in found:
        if typed.strip().upper() == item.code or query in (fold(item.name_en), fold(item.name_vi)):
            return item.code
    first = found[0]
    names = (fold(first.name_en), fold(first.name_vi))
    if len(found) == 1 or (len(query) >= 4 and any(name.startswith(query) for name in names)):
        return first.code
    return None
