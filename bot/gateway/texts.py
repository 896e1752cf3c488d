"""Everything the gateway itself says to users: catalogue messages (domain "gateway"), keyed by notice.

Dialogue text comes from Rasa; these are only the gateway's own notices (outages, media, buttons).
"""

from __future__ import annotations

from catalog import N_, normalise_language, translator

Language = str  # one of catalog.LANGUAGES

_t = translator("gateway")

_TEXTS: dict[str, str] = {
    "rasa_retrying": N_("Sorry, the assistant is not answering right now. I'm trying again…"),
    "rasa_kept": N_(
        "The assistant is still unavailable. I kept your message and will answer as soon as it is back."
    ),
    "rasa_back": N_("The assistant is back. Here are the answers to your earlier messages:"),
    "rasa_unsure": N_(
        'Sorry, I restarted while the assistant was handling your message "{quote}", and its answer was lost. Please send it again if you still need it.'
    ),
    "rasa_slow": N_("This is taking longer than usual, please wait a moment…"),
    "rasa_no_answer": N_("Sorry, the assistant did not answer in time. Please send your message again."),
    "queue_full": N_(
        "Sorry, too many of your messages are already waiting, so this one was not kept. Please send it again later."
    ),
    "media_not_read": N_(
        "Thanks, but I don't read photos or files, and I don't keep them. Please type your passport details, or paste the two MRZ lines (the two lines of letters and <<< at the bottom of the passport photo page) as text."
    ),
    "button_expired": N_("This button has expired, please ask again."),
    "choose": N_("Please choose:"),
}


def language_of(language_code: str | None) -> Language:
    """The catalogue language of a Telegram client's language code ("vi-VN" -> "vi"; unknown -> "en")."""
    return normalise_language(language_code)


def text(key: str, language: Language) -> str:
    return _t(_TEXTS[key], language)
