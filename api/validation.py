"""Checks that compare fields or need the clock: dates in order and plausible, document valid on arrival,
nationality code, name characters, document number format. Each returns FieldErrors, never raises."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from api.errors import FieldError
from api.schemas import DeclarationCreate, DocumentType
from api.timeutil import local_date, to_utc
from declaration_spec import phone, rules
from declaration_spec.nationality import by_code, search_nationalities


@dataclass(frozen=True)
class Timing:
    """Deadline and lateness of a declaration (Law 47/2014/QH13 Art. 33: 12 hours, 24 in remote areas)."""

    arrival_at: datetime
    deadline_at: datetime
    deadline_hours: int
    late: bool
    hours_after_arrival: float


def timing(arrival_at: datetime, declared_at: datetime, remote_area: bool) -> Timing:
    hours = rules.deadline_hours(remote_area)
    arrival = to_utc(arrival_at)
    deadline = arrival + timedelta(hours=hours)
    return Timing(
        arrival_at=arrival,
        deadline_at=deadline,
        deadline_hours=hours,
        late=declared_at > deadline,
        hours_after_arrival=round((declared_at - arrival).total_seconds() / 3600, 2),
    )


normalise_document_number = rules.normalise_document_number
normalise_phone = phone.normalise_phone


def phone_errors(number: str, loc: tuple[str | int, ...]) -> list[FieldError]:
    problem = phone.phone_problem(number)
    return [FieldError(loc, problem)] if problem else []


def nationality_error(value: str, loc: tuple[str | int, ...]) -> FieldError | None:
    if by_code(value) is not None:
        return None
    guesses = search_nationalities(value, limit=3)
    codes = ", ".join(n.code for n in guesses)
    return FieldError(
        loc,
        "nationality_unknown",
        {"value": value, "codes": codes},
    )


def declaration_errors(
    data: DeclarationCreate, now: datetime, loc: tuple[str | int, ...]
) -> list[FieldError]:
    """All problems of one record, each with its field path under `loc` (e.g. ("body",))."""
    guest_loc = (*loc, "guest")
    errors: list[FieldError] = []
    guest = data.guest
    today = local_date(now)
    arrival = to_utc(data.arrival_at)
    arrival_day = local_date(arrival)

    problem = rules.name_problem(guest.full_name)
    if problem:
        errors.append(
            FieldError((*guest_loc, "full_name"), problem, {"max_marks": rules.MAX_MARKS_PER_LETTER})
        )
    nationality = nationality_error(guest.nationality, (*guest_loc, "nationality"))
    if nationality:
        errors.append(nationality)
    errors += _document_errors(guest.document_type, guest.document_number, guest.visa_number, guest_loc)

    if arrival > now + rules.ARRIVAL_CLOCK_SKEW:
        errors.append(FieldError((*loc, "arrival_at"), "arrival_future"))
    elif arrival < now - rules.MAX_ARRIVAL_AGE:
        errors.append(
            FieldError((*loc, "arrival_at"), "arrival_too_old", {"days": rules.MAX_ARRIVAL_AGE.days})
        )

    dob = guest.date_of_birth
    dob_problem = rules.date_of_birth_problem(dob, today)
    if dob_problem:
        errors.append(
            FieldError((*guest_loc, "date_of_birth"), dob_problem, {"max_age": rules.MAX_AGE_YEARS})
        )
    elif dob > arrival_day:
        errors.append(FieldError((*guest_loc, "date_of_birth"), "dob_after_arrival"))

    if guest.document_expiry < arrival_day:
        errors.append(
            FieldError(
                (*guest_loc, "document_expiry"),
                "document_expired",
                {"expiry": guest.document_expiry.isoformat(), "arrival": arrival_day.isoformat()},
            )
        )
    if data.stay_until < arrival_day:
        errors.append(FieldError((*loc, "stay_until"), "stay_before_arrival"))
    elif (data.stay_until - arrival_day).days > rules.MAX_STAY_DAYS:
        errors.append(FieldError((*loc, "stay_until"), "stay_too_long", {"days": rules.MAX_STAY_DAYS}))

    if guest.entry_date is not None:
        if guest.entry_date > arrival_day:
            errors.append(FieldError((*guest_loc, "entry_date"), "entry_after_arrival"))
        elif guest.entry_date < dob:
            errors.append(FieldError((*guest_loc, "entry_date"), "entry_before_birth"))
    return errors


def _document_errors(
    document_type: DocumentType, number: str, visa: str | None, guest_loc: tuple[str | int, ...]
) -> list[FieldError]:
    errors: list[FieldError] = []
    problem = rules.document_number_problem(number, document_type.value)
    if problem:
        errors.append(FieldError((*guest_loc, "document_number"), problem))
    visa_problem = rules.visa_number_problem(visa) if visa else None
    if visa_problem:
        errors.append(FieldError((*guest_loc, "visa_number"), visa_problem))
    return errors
