"""Every message a client can see, keyed by a stable error code, from the catalogue (domain "api").

Messages say what to fix. Pydantic's own error types are mapped too (see `PYDANTIC`), so a 422 from
request parsing and a 422 from our checks read the same way.
"""

from __future__ import annotations

from typing import Any

from catalog import N_, translator

_t = translator("api")

# Every error code's sentence: the English is the msgid; Vietnamese, Chinese and Korean live in
# catalog/locale/*/LC_MESSAGES/api.po. A code may have a `<code>_with_codes` variant, said when the error
# carries suggested `codes`.
MESSAGES: dict[str, str] = {
    # authentication and roles
    "auth_missing": N_("Send 'Authorization: Bearer <token>'."),
    "auth_invalid": N_("This token is not valid. Check the API key you were given at registration."),
    "chat_account_missing": N_(
        "The chat channel must send 'X-Chat-Account: <channel>:<user id>', e.g. 'telegram:123456'."
    ),
    "chat_account_invalid": N_(
        "X-Chat-Account must look like 'telegram:123456' (letters, a colon, then the user id)."
    ),
    "chat_not_linked": N_(
        "This chat account is not linked to an establishment. Register your establishment first."
    ),
    "chat_already_linked": N_("This chat account is already linked to an establishment."),
    "host_only": N_("Only an establishment (its API key or its linked chat account) can do this."),
    "officer_only": N_("Only a police officer's token can do this."),
    "registrar_only": N_("Register an establishment through the chat channel or with an officer's token."),
    "officer_other_province": N_(
        "An officer can only register establishments in their own province ({province})."
    ),
    # lookups and state
    "declaration_not_found": N_(
        "No declaration with receipt code {receipt_code} is visible to you. Check the code."
    ),
    "receipt_check_failed": N_(
        "Receipt code {receipt_code} is mistyped: its last character does not match. Check each letter."
    ),
    "declaration_cancelled": N_(
        "This declaration was cancelled and can no longer be changed. File a new one instead."
    ),
    "idempotency_conflict": N_(
        "This Idempotency-Key was already used with a different request body. Use a new key."
    ),
    "idempotency_key_invalid": N_("Idempotency-Key must be 1 to 200 visible ASCII characters."),
    "payload_too_large": N_(
        "The request is larger than {limit} bytes. Send at most 100 declarations per batch, and no files."
    ),
    "unsupported_media_type": N_(
        "Send JSON ('Content-Type: application/json'). Document images and files are never accepted."
    ),
    "route_not_found": N_("There is no such address in this API."),
    "method_not_allowed": N_("This address does not accept that HTTP method."),
    "http_error": N_("{text}"),
    "database_unavailable": N_("The database is not answering. Try again shortly."),
    # field checks
    "province_unknown": N_(
        "'{value}' is not a province or city of Viet Nam. Use one of the 34 current units; old names of merged provinces are accepted too."
    ),
    "phone_format": N_(
        "This is not a phone number in use. Give a Vietnamese number (e.g. 0912 345 678) or a foreign one "
        "with its country code (e.g. +82 10 1234 5678)."
    ),
    "nationality_unknown": N_(
        "'{value}' is not a nationality code (ISO 3166-1 alpha-3 or ICAO, e.g. KOR, DEU, D). Look codes up with GET /v1/nationalities?q=<country name>."
    ),
    "nationality_unknown_with_codes": N_(
        "'{value}' is not a nationality code (ISO 3166-1 alpha-3 or ICAO, e.g. KOR, DEU, D). Did you mean {codes}? Look codes up with GET /v1/nationalities?q=<country name>."
    ),
    "name_characters": N_(
        "The name may contain only letters, spaces, hyphens, apostrophes and dots, as in the document."
    ),
    "passport_format": N_(
        "A passport number is 5 to 9 letters or digits (no spaces or symbols), as printed in the MRZ."
    ),
    "document_format": N_("A document number is 4 to 20 letters, digits or hyphens."),
    "visa_format": N_("A visa or residence-card number is 4 to 20 letters, digits or hyphens."),
    "document_expired": N_(
        "The document expired on {expiry}, before the arrival on {arrival}. Declare with a valid document."
    ),
    "dob_future": N_("The date of birth is in the future. Use the format YYYY-MM-DD."),
    "dob_implausible": N_("The date of birth gives an age over {max_age} years. Check the year."),
    "dob_after_arrival": N_("The date of birth is after the arrival. Check both dates."),
    "arrival_future": N_(
        "The arrival time is in the future. Declare after the guest has arrived (times are Viet Nam time)."
    ),
    "arrival_too_old": N_(
        "The arrival is more than {days} days ago. Check the date, or contact the ward police."
    ),
    "stay_before_arrival": N_("The planned stay ends before the arrival date. Check both dates."),
    "stay_too_long": N_("The planned stay is longer than {days} days. Check the date."),
    "entry_after_arrival": N_(
        "The entry date into Viet Nam is after the arrival at the establishment. Check both dates."
    ),
    "entry_before_birth": N_("The entry date is before the date of birth. Check both dates."),
    "month_format": N_("'{value}' is not a month. Use YYYY-MM, e.g. 2025-07."),
    # MRZ
    "mrz_length": N_("Each MRZ line of a passport has exactly 44 characters; this one has {length}."),
    "mrz_characters": N_("MRZ lines contain only A-Z, 0-9 and '<'. Found '{char}'."),
    "mrz_not_passport": N_("The first line of a passport MRZ starts with 'P'."),
    "mrz_bad_date": N_("'{value}' is not a valid date (YYMMDD) for {field}."),
    "mrz_check_failed": N_(
        "The check digit of {field} does not match: a character was probably mistyped. Compare with the passport."
    ),
    "mrz_nationality_unknown": N_(
        "'{value}' in the MRZ is not a known nationality code. Look it up with GET /v1/nationalities?q=<country name>."
    ),
    # Said alike whether the establishment is someone else's or does not exist (existence is not revealed).
    "establishment_not_found": N_(
        "Establishment {establishment_id} is not yours. Use the id your API key was registered with."
    ),
    "channel_only": N_("Only the chat channel, for its own chat account, can ask for a link code."),
    "link_code_invalid": N_(
        "This link code is wrong, used or expired (codes last {minutes} minutes). Ask the chat for a new "
        "code and enter it as shown."
    ),
    "too_many_link_codes": N_(
        "Too many link codes were asked for. Wait {minutes} minutes, then ask for one again."
    ),
    "too_many_link_attempts": N_(
        "Too many wrong link codes were entered for this establishment. Wait {minutes} minutes, then try "
        "again with the code the chat shows."
    ),
    "name_invisible": N_(
        "The name contains invisible characters (such as Hangul fillers or zero-width spaces). Type the "
        "name with the letters printed in the document."
    ),
    "name_start": N_("The name must start with a letter, as printed in the document."),
    "name_marks": N_(
        "The name has more than {max_marks} accent marks on one letter. Type each letter with its own "
        "accents only."
    ),
    "date_format": N_("Give the date as text in the form YYYY-MM-DD (e.g. 1990-03-15), not as a number."),
    "moment_format": N_(
        "Give the time as text in the form YYYY-MM-DDTHH:MM (Viet Nam time, e.g. 2025-07-20T14:30), not as "
        "a number."
    ),
    "database_read_only": N_(
        "The database accepts no writes at the moment (it is read-only). Nothing was stored; try again "
        "shortly."
    ),
    "schema_outdated": N_(
        "The database is not at the schema this version expects. Run `python -m api migrate`, or restart "
        "the API, which migrates at start."
    ),
    "internal_error": N_(
        "Something went wrong on our side. Try again shortly: a retry with the same Idempotency-Key files "
        "nothing twice."
    ),
    "batch_duplicate": N_(
        "This record repeats record {index} of the same batch (same document number and arrival). Send "
        "each guest's stay once."
    ),
}

# Pydantic's error types in our words: the API answers pydantic's own English as `msg` and these, translated,
# as `msg_vi` (and for the other languages of the catalogue).
PYDANTIC: dict[str, str] = {
    "missing": N_("This field is required."),
    "extra_forbidden": N_("This field is not allowed."),
    "string_type": N_("Must be a string."),
    "string_too_short": N_("Too short: at least {min_length} characters."),
    "string_too_long": N_("Too long: at most {max_length} characters."),
    "string_pattern_mismatch": N_("Wrong format."),
    "too_short": N_("Too few items: at least {min_length}."),
    "too_long": N_("Too many items: at most {max_length}."),
    "date_parsing": N_("Invalid date. Use the format YYYY-MM-DD."),
    "date_from_datetime_parsing": N_("Invalid date. Use the format YYYY-MM-DD."),
    "date_from_datetime_inexact": N_("Give the date only, without a time (YYYY-MM-DD)."),
    "date_type": N_("Must be a date in the form YYYY-MM-DD."),
    "datetime_parsing": N_("Invalid time. Use the form YYYY-MM-DDTHH:MM (Viet Nam time)."),
    "datetime_from_date_parsing": N_("Invalid time. Use the form YYYY-MM-DDTHH:MM (Viet Nam time)."),
    "datetime_type": N_("Must be a time in the form YYYY-MM-DDTHH:MM."),
    "enum": N_("The value must be one of: {expected}."),
    "literal_error": N_("The value must be one of: {expected}."),
    "bool_type": N_("Must be true or false."),
    "bool_parsing": N_("Must be true or false."),
    "int_type": N_("Must be a whole number."),
    "int_parsing": N_("Must be a whole number."),
    "greater_than_equal": N_("Must be greater than or equal to {ge}."),
    "less_than_equal": N_("Must be less than or equal to {le}."),
    "json_invalid": N_("The JSON is not valid."),
    "model_type": N_("Must be a JSON object."),
    "model_attributes_type": N_("Must be a JSON object."),
    "dict_type": N_("Must be a JSON object."),
    "list_type": N_("Must be a JSON list."),
    "value_error": N_("Invalid value."),
    "control_characters": N_("Remove control characters (tabs, line breaks)."),
    "date_range": N_("Use a date between 1900 and 2200 (YYYY-MM-DD)."),
    "url_parsing": N_("Invalid address."),
    "uuid_parsing": N_("Invalid id."),
    "float_parsing": N_("Must be a number."),
    "timezone_aware": N_("The time must include a time zone."),
}
INVALID_VALUE = PYDANTIC["value_error"]


def message(code: str, **params: Any) -> tuple[str, str]:
    """(English, Vietnamese) text for `code`, formatted with `params` (the API answers `msg`, `msg_vi`)."""
    english = MESSAGES[code]
    if params.get("codes") and f"{code}_with_codes" in MESSAGES:
        english = MESSAGES[f"{code}_with_codes"]
    return english.format(**params), _t(english, "vi", **params)


def pydantic_vi(error_type: str, ctx: dict[str, Any] | None) -> str:
    """Vietnamese for one pydantic error; a generic sentence when the type is not in the table."""
    if error_type in MESSAGES:
        return _t(MESSAGES[error_type], "vi", **(ctx or {}))
    try:
        return _t(PYDANTIC.get(error_type, INVALID_VALUE), "vi", **(ctx or {}))
    except (KeyError, IndexError):
        return _t(PYDANTIC.get(error_type, INVALID_VALUE), "vi")
