"""Core actions: per-turn language tracking, the help menu and the language buttons."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import SUPPORTED, detect_language, reply_language, requested_language
from actions.qa import answer_question, covered_topic, message_text
from actions.safety import SafeAction
from catalog import N_, translator

_t = translator("dialogue")


class ActionDetectLanguage(SafeAction):
    """Fills `language` every user turn: an explicit choice wins, else the language the message is
    written in; a message that does not tell (a place, a name, a code, a button) keeps the current one."""

    def name(self) -> str:
        return "action_detect_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        latest = tracker.latest_message or {}
        text = latest.get("text") or ""
        intent = (latest.get("intent") or {}).get("name")
        current = tracker.get_slot("language")
        preferred = tracker.get_slot("language_pref")
        if intent == "set_language":
            chosen = chosen_language(tracker, text)
            if chosen is not None:
                return [*_set(current, chosen), SlotSet("language_pref", chosen)]
        if preferred in SUPPORTED:
            return _set(current, preferred)
        detected = detect_language(text)
        return _set(current, detected) if detected else []


def chosen_language(tracker: Tracker, text: str) -> str | None:
    """The language a set_language turn really asks for: a button's entity, or a switch request in the
    words. "Do I need an English translation?" names a language without asking to switch."""
    if text.startswith("/"):
        chosen = next(tracker.get_latest_entity_values("language"), None)
        return chosen if chosen in SUPPORTED else None
    return requested_language(text)


class ActionSetLanguage(SafeAction):
    """Confirms an explicit language choice. The model sometimes reads a question that names a language
    ("do I need an English translation of my degree?") as a choice: that question is answered instead,
    and a message that neither asks a topic nor chooses clearly gets the language buttons."""

    def name(self) -> str:
        return "action_set_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = str((tracker.latest_message or {}).get("text") or "")
        if chosen_language(tracker, text) is not None:
            dispatcher.utter_message(response="utter_language_set")
            return []
        topic, _ = covered_topic(text, reply_language(tracker.get_slot("language")))
        if topic is not None:
            return answer_question(dispatcher, tracker, topic, new_question=True)
        return await ActionOfferLanguages().run(dispatcher, tracker, domain)


def _set(current: str | None, new: str | None) -> list[EventType]:
    return [SlotSet("language", new)] if new and new != current else []


HELP_TEXT = N_(
    "I can help with:\n"
    "• temporary-residence declaration: how it works, and filing one for your guest (hosts)\n"
    "• work permits, criminal-record certificates and health checks\n"
    "• which office does what in your province, and the reporting dates\n"
    "Every answer names its source: document, article, clause. Ask me in your own words, "
    "or pick a topic:"
)

HELP_BUTTONS = [
    (N_("Temporary residence"), "/ask_temporary_residence"),
    (N_("Work permit"), "/ask_work_permit"),
    (N_("Criminal record"), "/ask_criminal_record"),
    (N_("Health check"), "/ask_health_check"),
    (N_("Declare a guest"), "/declare_guest"),
    (N_("Language"), "/choose_language"),
]


class ActionShowHelp(SafeAction):
    """The help menu, built here (not in the domain) so it can follow what the assistant offers."""

    def name(self) -> str:
        return "action_show_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = reply_language(tracker.get_slot("language"))
        # 'TTĐT có thời hạn bao lâu?' read as a request for help: the texts answer it, so it is answered.
        topic, _ = covered_topic(message_text(tracker), lang)
        if topic is not None:
            return answer_question(dispatcher, tracker, topic, new_question=True)
        show_help(dispatcher, lang)
        return []


def show_help(dispatcher: CollectingDispatcher, lang: str) -> None:
    buttons = [{"title": _t(title, lang), "payload": payload} for title, payload in HELP_BUTTONS]
    dispatcher.utter_message(text=_t(HELP_TEXT, lang), buttons=buttons)


# Each language offered in its own name, so that a reader of any of them finds theirs.
LANGUAGE_BUTTONS = [
    {"title": "English", "payload": '/set_language{"language":"en"}'},
    {"title": "Tiếng Việt", "payload": '/set_language{"language":"vi"}'},
    {"title": "中文", "payload": '/set_language{"language":"zh"}'},
    {"title": "한국어", "payload": '/set_language{"language":"ko"}'},
]


class ActionOfferLanguages(SafeAction):
    """Language buttons; sent from an action because Rasa would try to fill the JSON braces of the
    payloads as slot placeholders in a domain response."""

    def name(self) -> str:
        return "action_offer_languages"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = reply_language(tracker.get_slot("language"))
        dispatcher.utter_message(text=_t("Which language should I reply in?", lang), buttons=LANGUAGE_BUTTONS)
        return []
