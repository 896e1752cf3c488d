"""Follow-ups on the last topic, in en/vi/zh/ko, over the REST channel of the running stack (NLU, dialogue,
action server, knowledge base): after a question on each main topic, "what documents?", "how long?", "and
the fee?", "what if I'm late?", "how long is it valid?" and "and in Bắc Ninh?" are answered about that
topic, in the question's language, with no topic or province question. The expected answer is knowledge's
own for the same words, topic and facet; the facets are the ones a person reads in each follow-up."""

from __future__ import annotations

import itertools

import pytest

import knowledge
from bot.stack import StackConfig
from tests.e2e.chat import joined, payloads, say
from tests.tables import table

pytestmark = pytest.mark.stack

_senders = itertools.count()
OPENINGS = table(__file__, "OPENINGS")
FOLLOW_UPS = {lang: rows for lang, *rows in table(__file__, "FOLLOW_UPS")}
PROVINCE = "Bắc Ninh"


def first_sentence(text: str) -> str:
    return text.split(". ")[0].split("。")[0]


def topic_or_province_question(buttons: list[str]) -> bool:
    return any(p.startswith(("/ask_", '/inform{"province"')) for p in buttons)


@pytest.mark.parametrize(("lang", "topic", "opening"), OPENINGS, ids=[f"{r[0]}-{r[1]}" for r in OPENINGS])
async def test_follow_ups_stay_on_the_last_topic(
    stack: StackConfig, lang: str, topic: str, opening: str
) -> None:
    sender = f"follow-{lang}-{topic}-{next(_senders)}"
    first = joined(await say(stack, sender, opening))
    assert first_sentence(knowledge.ask(opening, topic=topic, lang=lang).direct) in first, first
    facet: str | None = None
    for follow_up, read_facet in FOLLOW_UPS[lang]:
        replies = await say(stack, sender, follow_up)
        text = joined(replies)
        in_province = knowledge.find_province_in_text(follow_up) is not None
        facet = facet if in_province else read_facet  # a province alone repeats the last facet
        expected = knowledge.ask(
            follow_up, topic=topic, facet=facet, province=PROVINCE if in_province else None, lang=lang
        )
        assert first_sentence(expected.direct) in text, (follow_up, text)
        assert not topic_or_province_question(payloads(replies)), (follow_up, payloads(replies))
