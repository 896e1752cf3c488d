"""Each failure of issue #13, replayed over the REST channel of the running stack (NLU, dialogue, action server,
knowledge base). The expected answer is always the knowledge base's own for the same question, so these tests
hold the dialogue to asking the right question, in the right language, and only what the answer needs."""

from __future__ import annotations

import pytest

import knowledge
from bot.rasa_client import BotMessage
from bot.stack import StackConfig
from tests.e2e.chat import joined, payloads, say
from tests.tables import cases

pytestmark = pytest.mark.stack

PROVINCE_PROMPTS = ("which province", "tỉnh, thành phố nào", "Which province")
HELP_OPENINGS = ("I can help with", "Tôi có thể giúp")


def asks_for_a_province(replies: list[BotMessage]) -> bool:
    return any(p.startswith('/inform{"province"') for p in payloads(replies))


def direct(text: str, topic: str, lang: str, facet: str | None = None) -> str:
    """The first sentence of knowledge's direct answer, as the chat must show it."""
    reply = knowledge.ask(text, topic=topic, facet=facet, lang=lang)
    return reply.direct.split(". ")[0]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("What's the fine for not declaring a foreign guest?", "temporary_residence"),
        ("How long is a work permit valid?", "work_permit"),
        ("What's the deadline for declaring a guest?", "temporary_residence"),
    ],
)
async def test_national_questions_are_answered_without_a_province_prompt(
    stack: StackConfig, question: str, topic: str
) -> None:
    replies = await say(stack, f"fail-national-{hash(question)}", question)
    text = joined(replies)
    assert not asks_for_a_province(replies), text
    assert direct(question, topic, "en") in text


async def test_follow_up_facet_questions_apply_to_the_last_topic(stack: StackConfig) -> None:
    sender = "fail-follow-ups"
    await say(stack, sender, "How long is a work permit valid?")
    seen = set()
    # Each follow-up with the facet a person reads in it.
    follow_ups = {
        "what documents do I need?": "documents",
        "how long does it take?": "processing_time",
        "and the fee?": "fee",
        "what if I'm late?": "penalty",
    }
    for follow_up, facet in follow_ups.items():
        text = joined(await say(stack, sender, follow_up))
        assert not text.startswith(HELP_OPENINGS), f"{follow_up!r} got the help menu"
        assert direct(follow_up, "work_permit", "en", facet=facet) in text, (follow_up, text)
        seen.add(text)
    assert len(seen) == 4, "each follow-up gets its own answer, not one template"
    other = joined(await say(stack, sender, "and in Bắc Ninh?"))
    assert other.strip() and not other.startswith(HELP_OPENINGS)


async def test_the_zone_question_is_followed_by_the_answer(stack: StackConfig) -> None:
    sender = "fail-zone"
    question = await say(stack, sender, "which office issues work permits in Hà Nội?")
    if '/inform{"zone": "inside"}' in payloads(question):
        answer = await say(stack, sender, '/inform{"zone": "outside"}')
        text = joined(answer)
        expected = knowledge.ask("", topic="work_permit", facet="where", province="Hà Nội", zone="outside")
        assert expected.direct.split(". ")[0] in text
        assert '/inform{"zone": "inside"}' not in payloads(answer), "no second zone question"
    else:
        assert joined(question).strip()


@pytest.mark.parametrize(
    ("question", "not_places"),
    [
        (
            "an ninh trật tự ở đây có phải khai báo tạm trú cho người nước ngoài không?",
            ("Bắc Ninh", "Ninh Bình"),
        ),
        ("người nước ngoài ở Việt Nam có phải khai báo tạm trú không?", ("Hà Nam", "Nam Định", "Quảng Nam")),
        ("If You Do not declare a foreign guest, what happens?", ()),
    ],
)
async def test_ordinary_words_are_not_read_as_provinces(
    stack: StackConfig, question: str, not_places: tuple[str, ...]
) -> None:
    sender = f"fail-place-{hash(question)}"
    text = joined(await say(stack, sender, question))
    for place in not_places:
        assert place not in text, text
    # Nothing was remembered as a province: the office question still asks for one.
    office = await say(stack, sender, '/inform{"facet": "where"}')
    assert (
        asks_for_a_province(office)
        or "province" not in knowledge.ask("", topic="temporary_residence", facet="where").needs
    )


async def test_a_guests_name_does_not_switch_the_language(stack: StackConfig) -> None:
    sender = "fail-guest-name"
    await say(stack, sender, "How long is a work permit valid?")
    await say(stack, sender, "PARK SO YEON")
    assert joined(await say(stack, sender, "/help")).startswith("I can help with")


async def test_a_province_typed_by_an_english_speaker_keeps_english(stack: StackConfig) -> None:
    sender = "fail-hanoi"
    await say(stack, sender, "which office issues work permits?")
    text = joined(await say(stack, sender, "Hà Nội"))
    assert "Which province" not in text
    assert joined(await say(stack, sender, "/help")).startswith("I can help with")


async def test_an_english_question_naming_english_is_answered(stack: StackConfig) -> None:
    sender = "fail-english-word"
    question = "do I need an English translation of my degree for the work permit?"
    text = joined(await say(stack, sender, question))
    assert "English it is" not in text
    assert direct(question, "work_permit", "en") in text


@cases("lang, question, topic, facet")
async def test_chinese_and_korean_questions_get_answers_in_their_language(
    stack: StackConfig, lang: str, question: str, topic: str, facet: str
) -> None:
    text = joined(await say(stack, f"fail-{lang}-{hash(question)}", question))
    assert direct(question, topic, lang, facet=facet) in text
    assert "英文" not in text and "영어로" not in text, "no 'answered in English' note"
