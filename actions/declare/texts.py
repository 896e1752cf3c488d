"""The declare flow's tables of sentences, keyed by what went wrong or by slot, and the one way to read
them: every sentence is a catalogue message (domain "declare"; translations in
catalog/locale/*/LC_MESSAGES/declare.po). Field labels are the spec's (declaration_spec.fields)."""

from __future__ import annotations

from typing import Any

from catalog import N_, normalise_language, translator
from declaration_spec.fields import by_slot

_t = translator("declare")

# Why an answer was refused, with an example: per slot (its own format) or per problem code (the codes
# of declaration_spec.rules and .mrz, and a few of the chat's own readings).
INVALID: dict[str, str] = {
    # declaration_spec.rules.name_problem codes (the API refuses the same names with its own wording)
    "name_invisible": N_(
        "The name contains invisible characters (such as Hangul fillers or zero-width spaces). Please type "
        "it with the letters printed in the passport."
    ),
    "name_start": N_("The name must start with a letter, as printed in the passport."),
    "name_marks": N_(
        "The name has too many accent marks on one letter. Please type each letter with its own accents."
    ),
    "est_name": N_('The name needs {min} to {max} characters, e.g. "Hoa Sen Guesthouse".'),
    "est_kind": N_(
        "Please pick one of the buttons: hotel, guesthouse, homestay, private home, dormitory or other."
    ),
    "est_address": N_('The address needs {min} to {max} characters, e.g. "12 Hang Bac street".'),
    "est_ward": N_('The ward or commune needs {min} to {max} characters, e.g. "Hoan Kiem ward".'),
    "est_province": N_(
        'I don\'t know that province. Write one of the 34 provinces or cities, e.g. "Hà Nội", "Đà Nẵng", "Ninh Bình" (old names like "Hà Nam" work too).'
    ),
    "est_remote": N_("Please answer yes or no (tap a button)."),
    "est_phone": N_(
        'That is not a phone number in use. Write a Vietnamese number, e.g. "0912 345 678", or a foreign one with its country code, e.g. "+82 10 1234 5678".'
    ),
    "guest_full_name": N_(
        'Write the name as in the passport, letters only, e.g. "KIM MIN JUN" — or paste the two lines at the bottom of the passport page (they start with P<).'
    ),
    "guest_sex": N_("Please tap Male, Female or Unspecified (X), or type M, F or X."),
    "date": N_("I could not read that date. Write day/month/year, e.g. 05/03/1990, 5-3-1990 or 1990-03-05."),
    "dob_future": N_("The date of birth cannot be in the future. Example: 05/03/1990."),
    "dob_implausible": N_("That would make the guest older than 120. Check the year, e.g. 05/03/1990."),
    "guest_nationality": N_(
        'I don\'t know that nationality. Write the country in English or Vietnamese, or its 3-letter code, e.g. "Korea", "Hàn Quốc" or "KOR".'
    ),
    "nationality_ambiguous": N_("Several countries match. Tap the right one, or type its 3-letter code."),
    "guest_document_number": N_(
        'A passport number has 5 to 9 letters and digits, no spaces needed, e.g. "M12345678".'
    ),
    "expired": N_(
        "This passport has already expired; a guest needs a valid passport. Check the expiry date, e.g. 20/11/2030."
    ),
    "arrival": N_(
        'I could not read that. Tap "Now", or write a time today (14:30) or a date and time (20/07/2025 14:30).'
    ),
    "arrival_future": N_(
        'The arrival cannot be in the future: declare once the guest has arrived. Example: 14:30 or "now".'
    ),
    "arrival_too_old": N_("That is more than a year ago. Check the date, e.g. 20/07/2025 14:30."),
    "stay_before_arrival": N_("The last day of the stay cannot be before the arrival. Example: 25/07/2025."),
    "mrz_characters": N_("The lines may hold only capital letters, digits and <."),
    "mrz_bad_date": N_("A date in the second line is not a real date."),
    "mrz_length": N_("A line does not have 44 characters."),
    "mrz_not_passport": N_("These are not passport lines."),
    "guest_room": N_('A room number has at most {max} characters, e.g. "204", or tap Skip.'),
}

# What a field is, for the host who got it wrong twice.
EXPLAIN: dict[str, str] = {
    "est_province": N_(
        "The province decides which police office receives your declarations. Since 1 July 2025 Viet Nam has 34 provinces and cities."
    ),
    "est_phone": N_(
        "The police may call this number about a declaration. Any Vietnamese mobile or landline works."
    ),
    "guest_full_name": N_(
        "The full name is printed on the passport's photo page, surname first. Copy it letter by letter; accents are not needed."
    ),
    "guest_date_of_birth": N_(
        "The date of birth is on the passport's photo page. Write it day first: 05/03/1990 means 5 March 1990."
    ),
    "guest_nationality": N_(
        'The nationality is on the passport\'s photo page (e.g. "REPUBLIC OF KOREA" or the code KOR). The country name is enough.'
    ),
    "guest_document_number": N_(
        "The passport number is at the top right of the photo page, usually one letter and 7 or 8 digits."
    ),
    "guest_document_expiry": N_(
        'The expiry date ("Date of expiry") is on the photo page. Write it day first, e.g. 20/11/2030.'
    ),
    "guest_arrival_at": N_(
        "The arrival is when the guest checked in here: the declaration deadline counts from it."
    ),
    "guest_stay_until": N_("The last day the guest plans to stay. An estimate is fine."),
}
DEFAULT_EXPLAIN = N_("This information is part of the declaration the police require.")


def label(slot: str, language: str | None) -> str:
    return _t(by_slot()[slot].label, language)


def invalid(key: str, language: str | None, **values: object) -> str:
    """`values` fill the sentence's placeholders (a field's {min} and {max} lengths from the spec)."""
    return _t(INVALID[key], language, **values)


def explain(slot: str, language: str | None) -> str:
    return _t(EXPLAIN.get(slot, DEFAULT_EXPLAIN), language)


def api_message(item: dict[str, Any], language: str | None) -> str:
    """One error of the API's `detail` list in the host's language (the API sends English and Vietnamese)."""
    if normalise_language(language) == "vi" and item.get("msg_vi"):
        return str(item["msg_vi"])
    return str(item.get("msg") or item.get("code") or "")
