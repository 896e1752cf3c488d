"""Questions a foreigner, host or employer would type, through the REST channel on the running stack
(NLU -> dialogue -> action server -> knowledge base). For each, a person wrote down its topic; the reply must
be the knowledge base's answer to that topic and to what the words ask (knowledge.ask with the same text and
language), name its source, and never ask for a province on a national question. 22 English and 22
Vietnamese questions; the facts themselves are the knowledge base's tests (tests/knowledge/)."""

from __future__ import annotations

import itertools

import pytest

import knowledge
from bot.rasa_client import BotMessage
from bot.stack import StackConfig
from tests.e2e.chat import joined, payloads, say
from tests.tables import table

pytestmark = pytest.mark.stack

_senders = itertools.count()

QUESTION_TOPICS = table(__file__, "QUESTION_TOPICS")


async def ask(config: StackConfig, sender: str, text: str) -> list[BotMessage]:
    replies = await say(config, sender, text)
    assert any(m.text.strip() for m in replies), f"no text in the reply to {text!r}"
    return replies


def first_sentence(text: str) -> str:
    return text.split(". ")[0].split("。")[0]


@pytest.mark.parametrize(
    ("lang", "question", "topic"), QUESTION_TOPICS, ids=[q for _, q, _ in QUESTION_TOPICS]
)
async def test_question_gets_the_knowledge_answer_to_its_topic(
    stack: StackConfig, lang: str, question: str, topic: str
) -> None:
    replies = await ask(stack, f"qa-{lang}-{next(_senders)}", question)
    reply = joined(replies)
    expected = knowledge.ask(question, topic=topic, lang=lang)
    assert first_sentence(expected.direct) in reply, reply
    if expected.covered:
        source_word = "Nguồn" if lang == "vi" else "Source"
        assert source_word in reply, "every answer names its source"
    if "province" not in expected.needs:
        assert not any(p.startswith('/inform{"province"') for p in payloads(replies)), "no needless question"


async def test_follow_up_repeats_the_topic_and_facet_for_another_province(stack: StackConfig) -> None:
    sender = "qa-follow-up"
    first = joined(await ask(stack, sender, "which office issues work permits in Bac Ninh?"))
    expected = knowledge.ask("", topic="work_permit", facet="where", province="Bắc Ninh")
    assert first_sentence(expected.direct) in first
    second = joined(await ask(stack, sender, "and in Lai Châu?"))
    expected = knowledge.ask("and in Lai Châu?", topic="work_permit", facet="where", province="Lai Châu")
    assert first_sentence(expected.direct) in second


async def test_show_decree_text_quotes_the_clauses_of_the_last_answer(stack: StackConfig) -> None:
    sender = "qa-quote"
    answer = await ask(stack, sender, "how long is a work permit valid?")
    assert "/show_decree_text" in payloads(answer)
    quote = joined(await ask(stack, sender, "/show_decree_text"))
    reply = knowledge.ask("how long is a work permit valid?", topic="work_permit", facet="validity")
    assert knowledge.render_quote(reply.citations[0], "en") in quote


async def test_unknown_question_searches_the_texts_or_says_who_to_ask(stack: StackConfig) -> None:
    nonsense = joined(await ask(stack, "qa-nothing", "purple elephants juggling quantum bananas"))
    assert nonsense.strip()
