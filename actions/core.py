"""Core actions: per-turn language tracking and the help menu."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import SUPPORTED, detect_language, reply_language
from actions.safety import SafeAction


class ActionDetectLanguage(SafeAction):
    """Fills `language` every user turn: an explicit choice wins, else the message's own language."""

    def name(self) -> str:
        return "action_detect_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        latest = tracker.latest_message or {}
        intent = (latest.get("intent") or {}).get("name")
        current = tracker.get_slot("language")
        preferred = tracker.get_slot("language_pref")
        if intent == "set_language":
            chosen = next(tracker.get_latest_entity_values("language"), None)
            if chosen in SUPPORTED:
                return [*_set(current, chosen), SlotSet("language_pref", chosen)]
            return []
        if preferred in SUPPORTED:
            return _set(current, preferred)
        detected = detect_language(latest.get("text") or "")
        return _set(current, detected) if detected else []


def _set(current: str | None, new: str | None) -> list[EventType]:
    return [SlotSet("language", new)] if new and new != current else []


HELP_TEXT = {
    "en": (
        "I can help with:\n"
        "• temporary-residence declaration: how it works, and filing one for your guest (hosts)\n"
        "• work permits, criminal-record certificates and health checks\n"
        "• which office does what in your province, and the reporting dates\n"
        "Every answer names its source: decree, article, clause. Ask me in your own words, "
        "or pick a topic:"
    ),
    "vi": (
        "Tôi có thể giúp về:\n"
        "• khai báo tạm trú: thủ tục, và khai báo hộ khách của bạn (chủ cơ sở lưu trú)\n"
        "• giấy phép lao động, phiếu lý lịch tư pháp và khám sức khỏe\n"
        "• cơ quan nào phụ trách việc gì ở tỉnh của bạn, và thời hạn báo cáo\n"
        "Mỗi câu trả lời đều ghi nguồn: văn bản, điều, khoản. Hãy hỏi bằng lời của bạn, "
        "hoặc chọn một chủ đề:"
    ),
}

HELP_BUTTONS = {
    "en": [
        ("Temporary residence", "/ask_temporary_residence"),
        ("Work permit", "/ask_work_permit"),
        ("Criminal record", "/ask_criminal_record"),
        ("Health check", "/ask_health_check"),
        ("Declare a guest", "/declare_guest"),
        ("Language", "/choose_language"),
    ],
    "vi": [
        ("Khai báo tạm trú", "/ask_temporary_residence"),
        ("Giấy phép lao động", "/ask_work_permit"),
        ("Lý lịch tư pháp", "/ask_criminal_record"),
        ("Khám sức khỏe", "/ask_health_check"),
        ("Khai báo khách", "/declare_guest"),
        ("Ngôn ngữ", "/choose_language"),
    ],
}


class ActionShowHelp(SafeAction):
    """The help menu, built here (not in the domain) so it can follow what the assistant offers."""

    def name(self) -> str:
        return "action_show_help"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = reply_language(tracker.get_slot("language"))
        buttons = [{"title": title, "payload": payload} for title, payload in HELP_BUTTONS[lang]]
        dispatcher.utter_message(text=HELP_TEXT[lang], buttons=buttons)
        return []


LANGUAGE_QUESTION = {
    "en": "Which language should I reply in?",
    "vi": "Bạn muốn tôi trả lời bằng ngôn ngữ nào?",
}
LANGUAGE_BUTTONS = [
    {"title": "English", "payload": '/set_language{"language":"en"}'},
    {"title": "Tiếng Việt", "payload": '/set_language{"language":"vi"}'},
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
        dispatcher.utter_message(text=LANGUAGE_QUESTION[lang], buttons=LANGUAGE_BUTTONS)
        return []
