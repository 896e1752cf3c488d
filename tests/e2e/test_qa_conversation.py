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

pytestmark = pytest.mark.stack

_senders = itertools.count()

QUESTION_TOPICS = [
    ("en", "How do I get a work permit in Bac Ninh?", "work_permit"),
    ("en", "which office handles work permits in bac ninh", "work_permit"),
    ("en", "I run a hotel in Hanoi, how do I declare a foreign guest?", "temporary_residence"),
    ("en", "do i need to register my foreign guest in Ha Nam", "temporary_residence"),
    ("en", "I'm a foreigner renting a room in Da Nang, who declares my stay?", "temporary_residence"),
    ("en", "criminal record certificate in Hanoi", "criminal_record"),
    ("en", "where can I get a police check certificate in Ha Nam?", "criminal_record"),
    ("en", "health check for a work permit in Ha Nam", "health_check"),
    ("en", "medical certificate for foreign workers in Hanoi", "health_check"),
    ("en", "what reports are due and when in Ha Nam?", "reporting"),
    ("en", "reporting deadlines for foreign workers in Hanoi", "reporting"),
    ("en", "how do I extend my visa in Bac Ninh", "visa_residence_card"),
    ("en", "temporary residence card in Ha Nam", "visa_residence_card"),
    ("en", "work permit in Lai Chau", "work_permit"),
    ("en", "who inspects companies employing foreigners in Hanoi?", "inspection"),
    ("en", "how do I file a complaint in Ha Nam", "complaints"),
    ("en", "foreign investment projects in Bac Ninh", "investment"),
    ("en", "social insurance for foreign employees in Bac Ninh", "social_insurance"),
    ("en", "inviting a foreign delegation to a conference in Ha Nam", "delegations"),
    ("en", "foreigners selling services in Bac Ninh", "service_sellers"),
    ("en", "temporary residence declaration in Lai Chau", "temporary_residence"),
    ("en", "do I need a work permit in Ho Chi Minh City?", "work_permit"),
    ("vi", "xin giấy phép lao động ở Bắc Ninh", "work_permit"),
    ("vi", "gplđ cho người nước ngoài ở bắc ninh nộp ở đâu", "work_permit"),
    (
        "vi",
        "tôi có khách sạn ở Hà Nội, khai báo tạm trú cho khách nước ngoài thế nào?",
        "temporary_residence",
    ),
    ("vi", "khai bao tam tru cho nguoi nuoc ngoai o ha nam", "temporary_residence"),
    ("vi", "tôi là người nước ngoài ở Đà Nẵng, ai khai báo tạm trú cho tôi?", "temporary_residence"),
    ("vi", "lý lịch tư pháp ở Hà Nội làm ở đâu", "criminal_record"),
    ("vi", "phiếu lý lịch tư pháp tại Hà Nam", "criminal_record"),
    ("vi", "khám sức khỏe cho người lao động nước ngoài ở Hà Nam", "health_check"),
    ("vi", "kham suc khoe xin giay phep lao dong o ha noi", "health_check"),
    ("vi", "báo cáo định kỳ về người nước ngoài ở Hà Nam hạn khi nào", "reporting"),
    ("vi", "chế độ báo cáo lao động nước ngoài ở Hà Nội", "reporting"),
    ("vi", "gia hạn thị thực ở Bắc Ninh", "visa_residence_card"),
    ("vi", "thẻ tạm trú cho người nước ngoài ở Hà Nam", "visa_residence_card"),
    ("vi", "giấy phép lao động ở Lai Châu", "work_permit"),
    ("vi", "thanh tra kiểm tra doanh nghiệp sử dụng lao động nước ngoài ở Hà Nội", "inspection"),
    ("vi", "khiếu nại tố cáo ở Hà Nam", "complaints"),
    ("vi", "dự án đầu tư nước ngoài ở Bắc Ninh", "investment"),
    ("vi", "bảo hiểm xã hội cho lao động nước ngoài ở Bắc Ninh", "social_insurance"),
    ("vi", "mời đoàn nước ngoài dự hội nghị ở Hà Nam", "delegations"),
    ("vi", "người nước ngoài chào bán dịch vụ ở Bắc Ninh", "service_sellers"),
    ("vi", "khai báo tạm trú ở Lai Châu", "temporary_residence"),
    ("vi", "làm giấy phép lao động ở TP.HCM", "work_permit"),
]


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
