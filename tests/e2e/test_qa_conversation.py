"""Questions a foreigner, host or employer would type, through the REST channel on the running stack
(NLU -> dialogue -> action server -> knowledge base), each with a fact from the decrees (or the curated
national rules) that the reply must contain. 22 English and 22 Vietnamese questions."""

from __future__ import annotations

import itertools

import pytest

from bot.rasa_client import BotMessage
from bot.stack import StackConfig
from tests.e2e.chat import joined, payloads, say

pytestmark = pytest.mark.stack

_senders = itertools.count()

QUESTION_FACTS = [
    ("en", "How do I get a work permit in Bac Ninh?", "1151/QĐ-UBND"),
    ("en", "which office handles work permits in bac ninh", "Home Affairs"),
    ("en", "I run a hotel in Hanoi, how do I declare a foreign guest?", "12 hours"),
    ("en", "do i need to register my foreign guest in Ha Nam", "66/2024/QĐ-UBND"),
    ("en", "I'm a foreigner renting a room in Da Nang, who declares my stay?", "passport"),
    ("en", "criminal record certificate in Hanoi", "Department of Justice"),
    ("en", "where can I get a police check certificate in Ha Nam?", "66/2024/QĐ-UBND"),
    ("en", "health check for a work permit in Ha Nam", "Department of Health"),
    ("en", "medical certificate for foreign workers in Hanoi", "18/2017/QĐ-UBND"),
    ("en", "what reports are due and when in Ha Nam?", "25"),
    ("en", "reporting deadlines for foreign workers in Hanoi", "15/12"),
    ("en", "how do I extend my visa in Bac Ninh", "Police"),
    ("en", "temporary residence card in Ha Nam", "66/2024/QĐ-UBND"),
    ("en", "work permit in Lai Chau", "219/2025/NĐ-CP"),
    ("en", "who inspects companies employing foreigners in Hanoi?", "18/2017/QĐ-UBND"),
    ("en", "how do I file a complaint in Ha Nam", "66/2024/QĐ-UBND"),
    ("en", "foreign investment projects in Bac Ninh", "1151/QĐ-UBND"),
    ("en", "social insurance for foreign employees in Bac Ninh", "1151/QĐ-UBND"),
    ("en", "inviting a foreign delegation to a conference in Ha Nam", "66/2024/QĐ-UBND"),
    ("en", "foreigners selling services in Bac Ninh", "1151/QĐ-UBND"),
    ("en", "temporary residence declaration in Lai Chau", "Lai Chau"),
    ("en", "do I need a work permit in Ho Chi Minh City?", "No provincial decree on file"),
    ("vi", "xin giấy phép lao động ở Bắc Ninh", "1151/QĐ-UBND"),
    ("vi", "gplđ cho người nước ngoài ở bắc ninh nộp ở đâu", "Sở Nội vụ"),
    ("vi", "tôi có khách sạn ở Hà Nội, khai báo tạm trú cho khách nước ngoài thế nào?", "12 giờ"),
    ("vi", "khai bao tam tru cho nguoi nuoc ngoai o ha nam", "66/2024/QĐ-UBND"),
    ("vi", "tôi là người nước ngoài ở Đà Nẵng, ai khai báo tạm trú cho tôi?", "hộ chiếu"),
    ("vi", "lý lịch tư pháp ở Hà Nội làm ở đâu", "Sở Tư pháp"),
    ("vi", "phiếu lý lịch tư pháp tại Hà Nam", "66/2024/QĐ-UBND"),
    ("vi", "khám sức khỏe cho người lao động nước ngoài ở Hà Nam", "Sở Y tế"),
    ("vi", "kham suc khoe xin giay phep lao dong o ha noi", "18/2017/QĐ-UBND"),
    ("vi", "báo cáo định kỳ về người nước ngoài ở Hà Nam hạn khi nào", "25"),
    ("vi", "chế độ báo cáo lao động nước ngoài ở Hà Nội", "15/12"),
    ("vi", "gia hạn thị thực ở Bắc Ninh", "Công an"),
    ("vi", "thẻ tạm trú cho người nước ngoài ở Hà Nam", "66/2024/QĐ-UBND"),
    ("vi", "giấy phép lao động ở Lai Châu", "219/2025/NĐ-CP"),
    ("vi", "thanh tra kiểm tra doanh nghiệp sử dụng lao động nước ngoài ở Hà Nội", "18/2017/QĐ-UBND"),
    ("vi", "khiếu nại tố cáo ở Hà Nam", "66/2024/QĐ-UBND"),
    ("vi", "dự án đầu tư nước ngoài ở Bắc Ninh", "1151/QĐ-UBND"),
    ("vi", "bảo hiểm xã hội cho lao động nước ngoài ở Bắc Ninh", "1151/QĐ-UBND"),
    ("vi", "mời đoàn nước ngoài dự hội nghị ở Hà Nam", "66/2024/QĐ-UBND"),
    ("vi", "người nước ngoài chào bán dịch vụ ở Bắc Ninh", "1151/QĐ-UBND"),
    ("vi", "khai báo tạm trú ở Lai Châu", "Lai Châu"),
    ("vi", "làm giấy phép lao động ở TP.HCM", "chưa có văn bản"),
]


async def ask(config: StackConfig, sender: str, text: str) -> list[BotMessage]:
    replies = await say(config, sender, text)
    assert any(m.text.strip() for m in replies), f"no text in the reply to {text!r}"
    return replies


@pytest.mark.parametrize(("lang", "question", "fact"), QUESTION_FACTS, ids=[q for _, q, _ in QUESTION_FACTS])
async def test_question_gets_the_fact_from_the_decrees(
    stack: StackConfig, lang: str, question: str, fact: str
) -> None:
    reply = joined(await ask(stack, f"qa-{lang}-{next(_senders)}", question))
    assert fact.lower() in reply.lower(), reply
    source_word = "Nguồn" if lang == "vi" else "Source"
    assert source_word in reply, "every answer names its source"


async def test_follow_up_repeats_the_topic_for_another_province(stack: StackConfig) -> None:
    sender = "qa-follow-up"
    first = joined(await ask(stack, sender, "how do I get a work permit in Bac Ninh?"))
    assert "1151/QĐ-UBND" in first
    second = joined(await ask(stack, sender, "and in Lai Châu?"))
    assert "Lai Chau" in second or "Lai Châu" in second
    assert "219/2025/NĐ-CP" in second and "1151/QĐ-UBND" not in second


async def test_missing_province_is_asked_and_remembered(stack: StackConfig) -> None:
    sender = "qa-ask-province"
    question = await ask(stack, sender, "how do I get a criminal record certificate?")
    assert '/inform{"province": "Hà Nội"}' in payloads(question)
    answer = joined(await ask(stack, sender, '/inform{"province": "Hà Nội"}'))
    assert "Department of Justice" in answer
    # The province is remembered for the next question.
    health = joined(await ask(stack, sender, "what about the health check?"))
    assert "Hanoi" in health and "18/2017/QĐ-UBND" in health


async def test_hanoi_work_permit_office_depends_on_the_zone(stack: StackConfig) -> None:
    sender = "qa-zone"
    question = await ask(stack, sender, "which office issues work permits in Hanoi?")
    assert payloads(question) == ['/inform{"zone": "inside"}', '/inform{"zone": "outside"}']
    inside = joined(await ask(stack, sender, '/inform{"zone": "inside"}'))
    assert "Management Board" in inside
    outside = joined(
        await ask(stack, "qa-zone-2", "giấy phép lao động ở Hà Nội, công ty ngoài khu công nghiệp")
    )
    assert "Sở Nội vụ" in outside


async def test_show_decree_text_quotes_the_clause(stack: StackConfig) -> None:
    sender = "qa-quote"
    answer = await ask(stack, sender, "khám sức khỏe ở Hà Nam")
    assert "/show_decree_text" in payloads(answer)
    quote = joined(await ask(stack, sender, "/show_decree_text"))
    assert "Điều 16" in quote and "khám sức khỏe" in quote


async def test_role_changes_what_is_said_first(stack: StackConfig) -> None:
    host = joined(
        await ask(stack, "qa-role-host", "I run a homestay in Hanoi, do I have to declare my foreign guests?")
    )
    foreigner = joined(
        await ask(stack, "qa-role-foreigner", "I'm a foreign student in Hanoi, do I have to declare my stay?")
    )
    assert "/declare" in host
    assert "passport" in foreigner and "/declare" not in foreigner


async def test_unknown_question_searches_the_decrees_or_says_who_to_ask(stack: StackConfig) -> None:
    reply = await ask(stack, "qa-search", "what is the penalty for a hotel that does not declare a foreigner")
    assert joined(reply).strip()
    nonsense = joined(await ask(stack, "qa-nothing", "purple elephants juggling quantum bananas"))
    assert nonsense.strip()
