"""Answer procedural questions from the knowledge base: the topic comes from the intent, the province,
role and zone from entities, slots or the text itself. Wording comes from knowledge's templates."""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

import knowledge
from actions.language import reply_language
from actions.qa_texts import (
    FOREIGN_LANGUAGE_NOTE,
    PROVINCE_BUTTONS,
    ROLE_TITLES,
    TOPIC_TITLES,
    ZONE_TITLES,
    text_for,
)
from actions.safety import SafeAction
from knowledge.text import fold

TOPIC_BY_INTENT = {
    "ask_temporary_residence": "temporary_residence",
    "ask_work_permit": "work_permit",
    "ask_criminal_record": "criminal_record",
    "ask_health_check": "health_check",
    "ask_reporting": "reporting",
    "ask_inspection": "inspection",
    "ask_complaints": "complaints",
    "ask_investment": "investment",
    "ask_visa": "visa_residence_card",
    "ask_social_insurance": "social_insurance",
    "ask_delegations": "delegations",
    "ask_service_sellers": "service_sellers",
}
INTENT_BY_TOPIC = {topic: intent for intent, topic in TOPIC_BY_INTENT.items()}
MAIN_TOPICS = ("temporary_residence", "work_permit", "criminal_record", "health_check")
QUOTES_SHOWN = 3


def payload(intent: str, **entities: str) -> str:
    """A Rasa button payload; entities travel as JSON so the tap fills the same slots typing would."""
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{intent}"


def latest_entity(tracker: Tracker, name: str) -> str | None:
    value = next(tracker.get_latest_entity_values(name), None)
    return str(value) if value else None


# How people say who they are, diacritics folded. Only self-descriptions count: "my employer took my
# passport" says nothing about the user's own role.
_ROLE_PHRASES = {
    "foreigner": re.compile(
        r"\b(i am|i m|im) (a |an )?(foreigner|expat|foreign (student|worker|teacher|national|tourist|citizen)|"
        r"tourist|international student)\b|\b(toi|minh|em) la (nguoi nuoc ngoai|du hoc sinh|khach du lich|"
        r"lao dong nuoc ngoai)\b"
    ),
    "host": re.compile(
        r"\b(i|we) (run|own|manage|have) (a |an |the )?(hotel|homestay|guesthouse|guest house|hostel|motel)\b|"
        r"\bmy (hotel|homestay|guesthouse|hostel)\b|\b(i|we) rent (out )?(a |my )?(room|rooms|apartment|house)\b|"
        r"\b(i am|i m) (a |the )?(landlord|host|hotel owner)\b|\b(toi|minh|em) (la chu|co) "
        r"(nha|khach san|nha nghi|homestay|can ho)\b|\b(khach san|nha nghi|homestay) cua (toi|minh)\b|"
        r"\bcho (nguoi nuoc ngoai|khach nuoc ngoai|nguoi tay) thue\b"
    ),
    "employer": re.compile(
        r"\b(our|my) (company|firm|factory|school|business)\b|\b(i am|i m|we are) (an )?employers?\b|"
        r"\bwe (employ|hire|recruit)\b|\bcong ty (toi|chung toi|minh|em)\b|\bdoanh nghiep (toi|chung toi|minh)\b|"
        r"\b(chung toi|ben toi|ben minh) (tuyen|thue|su dung) (lao dong|nguoi)\b"
    ),
}


def role_in_text(text: str) -> str | None:
    folded = fold(text).lower()
    return next((role for role, phrase in _ROLE_PHRASES.items() if phrase.search(folded)), None)


def role_from(tracker: Tracker) -> str | None:
    """The role just named (entity, else a self-description in the words), else the remembered one.
    Entity values outside the known roles (an unmapped span such as "foreign") are ignored."""
    named = [str(v) for v in tracker.get_latest_entity_values("role") if v in knowledge.ROLES]
    if named:
        return named[0]
    said = role_in_text((tracker.latest_message or {}).get("text") or "")
    if said:
        return said
    remembered = tracker.get_slot("role")
    return remembered if remembered in knowledge.ROLES else None


def province_from(tracker: Tracker) -> str | None:
    """The province the user just named (entity, or found in the text), else the one remembered."""
    named = latest_entity(tracker, "province")
    if named and knowledge.resolve_area(named):
        return named
    found = knowledge.find_province_in_text((tracker.latest_message or {}).get("text") or "")
    if found:
        province, former = found
        return former or province.name_vi
    remembered = tracker.get_slot("province")
    return str(remembered) if remembered else None


_ZONE_WORDS = re.compile(
    r"\b(industrial (zone|park|estate)s?|high[- ]tech (zone|park)s?|export processing zones?|khu cong nghiep|"
    r"khu cong nghe cao|khu che xuat|kcn|kcnc)\b"
)
_OUTSIDE_WORDS = re.compile(r"\b(outside|not in|not inside|ngoai|khong (nam )?(o )?trong|khong thuoc)\b")


def zone_in_text(text: str) -> str | None:
    """ "inside" / "outside" when the message talks about industrial or high-tech zones. A negation
    before the zone words ("ngoài khu công nghiệp", "not in an industrial park") means outside: the
    NLU model tends to tag the zone words alone."""
    folded = fold(text).lower()
    match = _ZONE_WORDS.search(folded)
    if not match:
        return None
    return "outside" if _OUTSIDE_WORDS.search(folded[: match.start()]) else "inside"


def zone_from(tracker: Tracker) -> str | None:
    text = (tracker.latest_message or {}).get("text") or ""
    return zone_in_text(text) or latest_entity(tracker, "zone") or tracker.get_slot("zone")


def zone_flag(zone: str | None) -> bool | None:
    return {"inside": True, "outside": False}.get(zone or "")


def language_of(tracker: Tracker) -> tuple[str, str | None]:
    """(language of the knowledge base's wording, note for Chinese/Korean users answered in English)."""
    language = tracker.get_slot("language")
    return reply_language(language), FOREIGN_LANGUAGE_NOTE.get(language or "")


class ActionAnswerProcedure(SafeAction):
    """Answer "how does X work in province P" — or ask, with buttons, for what is missing."""

    def name(self) -> str:
        return "action_answer_procedure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang, note = language_of(tracker)
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        topic = TOPIC_BY_INTENT.get(intent or "") or tracker.get_slot("topic")
        province = province_from(tracker)
        role = role_from(tracker)
        zone = zone_from(tracker)
        events: list[EventType] = [SlotSet("topic", topic), SlotSet("province", province)]
        if zone != tracker.get_slot("zone"):
            events.append(SlotSet("zone", zone))
        if role != tracker.get_slot("role"):
            events.append(SlotSet("role", role))

        if topic is None:
            ask_topic(dispatcher, lang, province)
            return events
        if province is None:
            ask_province(dispatcher, lang, topic)
            return events

        answer = knowledge.answer(topic, province, role=role, lang=lang, in_zone=zone_flag(zone))
        if "in_zone" in answer.needs:
            ask_zone(dispatcher, lang)
            return events
        text = knowledge.render_answer(answer, lang)
        dispatcher.utter_message(
            text=f"{note}\n{text}" if note else text, buttons=follow_up_buttons(lang, role)
        )
        return events


class ActionShowDecreeText(SafeAction):
    """Quote the clauses behind the last answer, so the user can read the decree's own words."""

    def name(self) -> str:
        return "action_show_decree_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang, _ = language_of(tracker)
        topic, province = tracker.get_slot("topic"), tracker.get_slot("province")
        if not topic or not province:
            dispatcher.utter_message(text=text_for("nothing_to_quote", lang))
            return []
        answer = knowledge.answer(
            topic,
            province,
            role=role_from(tracker),
            lang=lang,
            in_zone=zone_flag(tracker.get_slot("zone")),
        )
        quotes = [knowledge.render_quote(c, lang) for c in answer.citations[:QUOTES_SHOWN]]
        dispatcher.utter_message(text="\n\n".join(quotes) if quotes else text_for("nothing_to_quote", lang))
        return []


class ActionDefaultAskAffirmation(SafeAction):
    """First stage of the fallback: what the decrees say that matches the words, and "did you mean"."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang, _ = language_of(tracker)
        message = tracker.latest_message or {}
        hits = knowledge.search(message.get("text") or "", lang=lang, province=tracker.get_slot("province"))
        guesses = [
            (name, TOPIC_BY_INTENT[name]) for name in ranked_intents(message) if name in TOPIC_BY_INTENT
        ][:2]
        buttons = [
            {"title": TOPIC_TITLES[topic][lang], "payload": payload(intent)} for intent, topic in guesses
        ]
        buttons.append({"title": text_for("none_of_these", lang), "payload": payload("out_of_scope")})
        if hits:
            found = "\n\n".join(knowledge.render_hit(hit, lang) for hit in hits[:2])
            dispatcher.utter_message(text=f"{text_for('search_intro', lang)}\n\n{found}")
            dispatcher.utter_message(text=text_for("did_you_mean", lang), buttons=buttons)
        elif len(buttons) > 1:
            dispatcher.utter_message(text=text_for("did_you_mean", lang), buttons=buttons)
        else:
            dispatcher.utter_message(text=text_for("not_covered", lang), buttons=buttons)
        return []


def ranked_intents(message: dict[str, Any]) -> list[str]:
    return [str(item.get("name")) for item in message.get("intent_ranking") or [] if item.get("name")]


def ask_topic(dispatcher: CollectingDispatcher, lang: str, province: str | None) -> None:
    buttons = [{"title": TOPIC_TITLES[t][lang], "payload": payload(INTENT_BY_TOPIC[t])} for t in MAIN_TOPICS]
    key = "ask_topic_for_province" if province else "ask_topic"
    dispatcher.utter_message(text=text_for(key, lang, province=province or ""), buttons=buttons)


def ask_province(dispatcher: CollectingDispatcher, lang: str, topic: str) -> None:
    buttons = [
        {"title": title, "payload": payload("inform", province=value)} for title, value in PROVINCE_BUTTONS
    ]
    dispatcher.utter_message(
        text=text_for("ask_province", lang, topic=TOPIC_TITLES[topic][lang]), buttons=buttons
    )


def ask_zone(dispatcher: CollectingDispatcher, lang: str) -> None:
    buttons = [
        {"title": ZONE_TITLES[zone][lang], "payload": payload("inform", zone=zone)} for zone in ZONE_TITLES
    ]
    dispatcher.utter_message(text=text_for("ask_zone", lang), buttons=buttons)


def follow_up_buttons(lang: str, role: str | None) -> list[dict[str, str]]:
    buttons = [{"title": text_for("show_text_button", lang), "payload": payload("show_decree_text")}]
    if role is None:
        buttons += [
            {"title": ROLE_TITLES[r][lang], "payload": payload("inform", role=r)}
            for r in ("foreigner", "host", "employer")
        ]
    return buttons
