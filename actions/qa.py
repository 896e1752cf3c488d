"""Answer the question asked: the topic comes from the intent, the facet (what is asked: documents, fee,
penalty...) from the `facet` entity, the province, role and zone from entities, slots or the words. The
answer is knowledge.ask's, rendered by knowledge.render_reply; the dialogue only asks what the reply says it
needs (`reply.needs`) and remembers topic and facet so that follow-ups ("and the fee?", "and in Bắc Ninh?")
apply to the last question."""

from __future__ import annotations

import json
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

import knowledge
from actions.language import reply_language
from actions.qa_texts import PROVINCE_BUTTONS, TOPIC_TITLES, ZONE_TITLES
from actions.safety import SafeAction
from catalog import translator
from knowledge.text import fold

_t = translator("dialogue")

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
# The papers knowledge reads best from a sentence's words; the other topics (reporting, inspection...) it
# knows by fewer, weaker words.
PAPERS = (*MAIN_TOPICS, "visa_residence_card")
# Below this intent confidence the model's topic gives way to knowledge's reading of the whole sentence.
SURE_OF_TOPIC = 0.8
QUOTES_SHOWN = 3


def payload(intent: str, **entities: str) -> str:
    """A Rasa button payload; entities travel as JSON so the tap fills the same slots typing would."""
    return f"/{intent}{json.dumps(entities, ensure_ascii=False)}" if entities else f"/{intent}"


def message_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def is_button(text: str) -> bool:
    return text.startswith("/")


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
    said = role_in_text(message_text(tracker))
    if said:
        return said
    remembered = tracker.get_slot("role")
    return remembered if remembered in knowledge.ROLES else None


def province_named(tracker: Tracker) -> str | None:
    """The province this message names, checked against the words: a button's entity, else a place name
    found in the text (longest name first, so "an ninh trật tự", "Việt Nam" or "If You Do" name none),
    else a span the model tagged only if it is itself a place name ("Hanoi city")."""
    text = message_text(tracker)
    named = latest_entity(tracker, "province")
    if is_button(text):
        return named if named and knowledge.resolve_area(named) else None
    found = knowledge.find_province_in_text(text)
    if found:
        province, former = found
        return former or province.name_vi
    tagged = named and knowledge.find_province_in_text(named)
    if tagged:
        province, former = tagged
        return former or province.name_vi
    return None


def province_from(tracker: Tracker) -> str | None:
    """The province just named, else the one remembered (if it still resolves)."""
    remembered = tracker.get_slot("province")
    if remembered and not knowledge.resolve_area(str(remembered)):
        remembered = None
    return province_named(tracker) or remembered


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
    """The zone just said, else the remembered one, unless the user moved to another province (the zone
    was about an employer there)."""
    said = zone_in_text(message_text(tracker)) or latest_entity(tracker, "zone")
    named = province_named(tracker)
    moved = named is not None and named != tracker.get_slot("province")
    zone = said or (None if moved else tracker.get_slot("zone"))
    return zone if zone in ZONE_TITLES else None


def facet_named(tracker: Tracker, *, new_question: bool) -> str | None:
    """What the sentence asks. On a new question knowledge's reading of the whole sentence comes first: it
    weighs the question's shape ("how to get an exemption certificate" asks the procedure, not the exempt
    cases), where the NLU's facet entity only sees a phrase. A follow-up ("what if I'm late?") is a short
    phrase the entity was trained on: the entity comes first, knowledge picking when it found several."""
    text = message_text(tracker)
    detected = None if is_button(text) else knowledge.detect_facet(text)
    named = [str(v) for v in tracker.get_latest_entity_values("facet") if v in knowledge.FACETS]
    if new_question and detected is not None:
        return detected
    if not named:
        return None
    return detected if detected in named else named[0]


def facet_from(tracker: Tracker, *, new_question: bool, gave_detail: bool) -> str | None:
    """What this turn asks. A new question asks what it names (None: knowledge reads the words, else
    overview); a follow-up that only gives a detail (a province, the zone, a button) asks the last facet
    again; a follow-up naming a facet ("and the fee?") asks that one about the last topic."""
    named = facet_named(tracker, new_question=new_question)
    if named:
        return named
    remembered = tracker.get_slot("facet")
    if is_button(message_text(tracker)) or (gave_detail and not new_question):
        return remembered if remembered in knowledge.FACETS else None
    return None


def language_of(tracker: Tracker) -> str:
    return reply_language(tracker.get_slot("language"))


class ActionAnswerProcedure(SafeAction):
    """Answer the question (knowledge.ask); ask only what the reply says it needs, with buttons."""

    def name(self) -> str:
        return "action_answer_procedure"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message or {}).get("intent") or {}
        intent_topic = TOPIC_BY_INTENT.get(str(intent.get("name") or ""))
        topic = intent_topic or tracker.get_slot("topic")
        named = topic_in_words(message_text(tracker), topic)
        if intent_topic is not None and named is None:
            sure = float(intent.get("confidence") or 0.0) >= SURE_OF_TOPIC
            named = topic_read_from_context(message_text(tracker), intent_topic, model_sure=sure)
        new_question = intent_topic is not None or named is not None
        return answer_question(dispatcher, tracker, named or topic, new_question=new_question)


def topic_in_words(text: str, topic: str | None) -> str | None:
    """The topic the words clearly name instead of `topic` (the intent's, or the remembered one), else None.
    A paper's own name ('visa', 'thị thực', '签证', '비자', 'work permit', 'lý lịch tư pháp') wins over a
    model that read the context ('foreign workers' -> work permit) unless the words name `topic` too."""
    if is_button(text):
        return None
    named = knowledge.named_topics(text)
    found = knowledge.detect_topic(text)
    if found is None or found == topic or topic in named:
        return None
    return found if named.get(found, 0.0) >= knowledge.NAMING_WEIGHT else None


def topic_read_from_context(text: str, intent_topic: str, *, model_sure: bool) -> str | None:
    """On a new question whose words name no paper: the topic knowledge reads from the whole sentence
    ('hợp pháp hoá giấy tờ của lao động nước ngoài' -> work permit) instead of the intent's, when the two
    disagree and either both are papers (knowledge weighs every word for the papers; the model learnt
    phrasings) or the model is not sure of its intent. A minor topic the model is sure of ('report our
    foreign workers' -> reporting) stands: knowledge's words for those are weak."""
    if is_button(text) or knowledge.named_topics(text):
        return None  # a paper named in the words: topic_in_words decided
    found = knowledge.detect_topic(text)
    if found is None or found == intent_topic:
        return None
    return found if not model_sure or (found in PAPERS and intent_topic in PAPERS) else None


def answer_question(
    dispatcher: CollectingDispatcher, tracker: Tracker, topic: str | None, *, new_question: bool
) -> list[EventType]:
    """Ask knowledge what this turn asks about `topic` and say its reply (or ask the topic)."""
    lang = language_of(tracker)
    text = message_text(tracker)
    named_province = province_named(tracker)
    province = province_from(tracker)
    role = role_from(tracker)
    zone = zone_from(tracker)
    gave_detail = bool(
        named_province
        or zone_in_text(text)
        or latest_entity(tracker, "zone")
        or latest_entity(tracker, "role")
    )
    facet = facet_from(tracker, new_question=new_question, gave_detail=gave_detail)
    question = "" if is_button(text) else text
    if topic is None:
        topic = knowledge.detect_topic(question) if question else None
    events: list[EventType] = [
        SlotSet("province", province),
        SlotSet("zone", zone),
        SlotSet("role", role),
    ]
    if topic is None:
        if facet is None and province is None:
            # Nothing to answer and nothing asked ("what can you do?" read as a detail): what I can do.
            from actions.core import show_help  # core imports this module

            show_help(dispatcher, lang)
            return events
        ask_topic(dispatcher, lang, province)
        return [*events, SlotSet("topic", None), SlotSet("facet", facet)]

    reply = knowledge.ask(
        question, topic=topic, facet=facet, province=province, role=role, zone=zone, lang=lang
    )
    events += [SlotSet("topic", reply.topic or topic), SlotSet("facet", facet or reply.facet)]
    text_out = knowledge.render_reply(reply, lang)
    dispatcher.utter_message(text=text_out, buttons=reply_buttons(reply, lang, province, zone))
    return events


def reply_buttons(reply: Any, lang: str, province: str | None, zone: str | None) -> list[dict[str, str]]:
    """Buttons for what the reply needs (province, zone), else the way on: the clauses' own words, and
    for a national answer the office in the user's province."""
    if "zone" in reply.needs and zone is None:
        return [
            {"title": _t(title, lang), "payload": payload("inform", zone=z)}
            for z, title in ZONE_TITLES.items()
        ]
    if "province" in reply.needs and province is None:
        return [{"title": name, "payload": payload("inform", province=name)} for name in PROVINCE_BUTTONS]
    buttons = []
    if reply.citations:
        buttons.append({"title": _t("Show the legal text", lang), "payload": payload("show_decree_text")})
    if reply.covered and province is None and reply.facet != "where" and reply.topic in MAIN_TOPICS:
        buttons.append(
            {
                "title": _t("In your province, the office is …", lang),
                "payload": payload("inform", facet="where"),
            }
        )
    return buttons


class ActionShowDecreeText(SafeAction):
    """Quote the clauses behind the last answer, so the user can read the law's own words."""

    def name(self) -> str:
        return "action_show_decree_text"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        topic = tracker.get_slot("topic")
        if not topic:
            dispatcher.utter_message(
                text=_t("Ask me a question first; then I can show the legal text behind the answer.", lang)
            )
            return []
        facet = tracker.get_slot("facet")
        reply = knowledge.ask(
            last_question(tracker),
            topic=topic,
            facet=facet if facet in knowledge.FACETS else None,
            province=tracker.get_slot("province"),
            zone=zone_from(tracker),
            lang=lang,
        )
        quotes = [knowledge.render_quote(c, lang) for c in reply.citations[:QUOTES_SHOWN]]
        dispatcher.utter_message(
            text="\n\n".join(quotes)
            if quotes
            else _t("Ask me a question first; then I can show the legal text behind the answer.", lang)
        )
        return []


def last_question(tracker: Tracker) -> str:
    """The words of the last question before this turn (not a button), so that the quoted clauses are the
    ones its answer cited."""
    users = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return next((str(e.get("text")) for e in reversed(users) if not is_button(str(e.get("text") or ""))), "")


def follow_up_topic(tracker: Tracker) -> str | None:
    """The last topic, when the words the model was unsure of ask a facet of it and name no paper ('giấy đó có
    giá trị trong bao lâu?' after a work-permit answer): a follow-up on that topic, not a new question."""
    text = message_text(tracker)
    remembered = tracker.get_slot("topic")
    if is_button(text) or remembered not in knowledge.TOPICS or knowledge.detect_topic(text) is not None:
        return None
    return str(remembered) if knowledge.detect_facet(text) is not None else None


def covered_topic(text: str, lang: str) -> tuple[str | None, str]:
    """The topic whose clauses answer the words, and the decline to say when none does. A topic the words
    name comes first; else knowledge reads the words (a fined act names its topic too); when the texts do
    not answer them, the decline is knowledge's own 'not covered' reply, naming who to ask for this
    question. A button carries no words: no topic, the dialogue's general decline."""
    if is_button(text):
        return None, not_covered_reply(lang)
    topic = knowledge.detect_topic(text)
    if topic is not None:
        return topic, not_covered_reply(lang)
    found = knowledge.ask(text, lang=lang)
    if found.covered:
        return found.topic, not_covered_reply(lang)
    return None, knowledge.render_reply(found, lang)


class ActionDefaultAskAffirmation(SafeAction):
    """First stage of the fallback: the answer when the texts hold one, else "not covered" and "did you mean"."""

    def name(self) -> str:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        # Answered, the turn is over: the two-stage fallback loop ends here, or the next message would be taken for
        # a rephrasing and this answer's topic and facet reverted with it.
        last = follow_up_topic(tracker)
        if last is not None:
            return [*answer_question(dispatcher, tracker, last, new_question=False), ActiveLoop(None)]
        # The model was unsure, but the texts may hold the answer: answer rather than guess.
        topic, declined = covered_topic(message_text(tracker), lang)
        if topic is not None:
            return [*answer_question(dispatcher, tracker, topic, new_question=True), ActiveLoop(None)]
        guesses = [
            (name, TOPIC_BY_INTENT[name])
            for name in ranked_intents(tracker.latest_message or {})
            if name in TOPIC_BY_INTENT
        ][:2]
        buttons = [
            {"title": _t(TOPIC_TITLES[topic], lang), "payload": payload(intent)} for intent, topic in guesses
        ]
        buttons.append({"title": _t("None of these", lang), "payload": payload("out_of_scope")})
        # No clause answers the words: one honest reply naming who to ask, never clauses that only share
        # words with the question; the likely topics are offered as buttons.
        if len(buttons) > 1:
            dispatcher.utter_message(text=declined)
            dispatcher.utter_message(text=_t("Did you mean one of these?", lang), buttons=buttons)
        else:
            dispatcher.utter_message(text=declined, buttons=buttons)
        return []


class ActionDefaultFallback(SafeAction):
    """The core fallback (no policy is sure what comes next; also the last stage of the two-stage fallback),
    replacing Rasa's "I did not understand": the answer when the texts hold one, else knowledge's 'not
    covered' naming who to ask. Like Rasa's own fallback it reverts the user's turn, so the policies go on
    from where the conversation was; what this turn learnt (topic, facet, language) is set after that."""

    def name(self) -> str:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        lang = language_of(tracker)
        kept: list[EventType] = [UserUtteranceReverted(), SlotSet("language", tracker.get_slot("language"))]
        last = follow_up_topic(tracker)
        if last is not None:
            return [*kept, *answer_question(dispatcher, tracker, last, new_question=False)]
        topic, declined = covered_topic(message_text(tracker), lang)
        if topic is not None:
            return [*kept, *answer_question(dispatcher, tracker, topic, new_question=True)]
        dispatcher.utter_message(text=declined)
        return kept


class ActionOutOfScope(SafeAction):
    """Out of scope, unless the texts answer the words (a visa, residence card or work question, or a fined
    act such as an overstay, that the model took for chit-chat): then it is answered."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        topic, _ = covered_topic(message_text(tracker), language_of(tracker))
        if topic is not None:
            return answer_question(dispatcher, tracker, topic, new_question=True)
        dispatcher.utter_message(response="utter_out_of_scope")
        return []


def not_covered_reply(lang: str) -> str:
    return _t(
        "The texts I know do not cover that. For residence matters ask the ward or commune police; for work "
        "permits, the provincial Department of Home Affairs (Sở Nội vụ).",
        lang,
    )


def ranked_intents(message: dict[str, Any]) -> list[str]:
    return [str(item.get("name")) for item in message.get("intent_ranking") or [] if item.get("name")]


def ask_topic(dispatcher: CollectingDispatcher, lang: str, province: str | None) -> None:
    buttons = [
        {"title": _t(TOPIC_TITLES[t], lang), "payload": payload(INTENT_BY_TOPIC[t])} for t in MAIN_TOPICS
    ]
    question = (
        _t(
            "What would you like to know about {province}? Pick a topic or ask in your own words.",
            lang,
            province=province,
        )
        if province
        else _t("What would you like to know? Pick a topic or ask in your own words.", lang)
    )
    dispatcher.utter_message(text=question, buttons=buttons)
