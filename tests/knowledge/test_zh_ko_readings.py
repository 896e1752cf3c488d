"""Chinese and Korean questions read as their English and Vietnamese twins are (issues #11, #13).

Real kb.json, no mocks. Phrasings are how Chinese and Korean speakers ask (simplified and traditional
characters, Korean with and without spaces and particles); each expectation is read from the law texts on file:
Law 47/2014 Art. 3 k13-14 (the temporary residence card is valid 'có thời hạn' and 'thay thị thực', the permanent
one 'không thời hạn').
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from knowledge import Reply, ask, detect_facet, detect_topic

TODAY = date(2026, 12, 1)
TEMPORARY_CARD = ("47/2014/QH13", "Điều 3", "khoản 13")  # 'Thẻ tạm trú là loại giấy tờ ... có thời hạn'
PERMANENT_CARD = ("47/2014/QH13", "Điều 3", "khoản 14")  # 'Thẻ thường trú là ... không thời hạn'


@cache
def _ask(text: str, lang: str) -> Reply:
    return ask(text, lang=lang, on=TODAY)


def _cited(r: Reply) -> set[tuple[str, str | None, str | None]]:
    return {(c.doc_number, c.article, c.clause) for c in r.citations}


# --- 'what is the difference between A and B?' defines both; a term inside a longer one is not named --------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("临时居留卡和永久居留卡有什么区别？", "zh"),
        ("臨時居留證與永久居留證有何不同?", "zh"),
        ("永久居留证跟临时居留证的差别在哪里", "zh"),
        ("거주증과 영주증의 차이가 뭔가요?", "ko"),
        ("What is the difference between a temporary residence card and a permanent residence card?", "en"),
    ],
)
def test_the_difference_of_two_cards_is_both_definitions(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.covered
    assert {TEMPORARY_CARD, PERMANENT_CARD} <= _cited(r)
    assert "không thời hạn" in r.direct and "có thời hạn" in r.direct


@pytest.mark.parametrize(("text", "lang"), [("永久居留证是什么?", "zh"), ("永久居留卡是指什么", "zh")])
def test_the_permanent_card_is_not_read_as_the_card_it_ends_with(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert PERMANENT_CARD in _cited(r)
    assert TEMPORARY_CARD not in _cited(r)


# --- 'why apply for X?' is answered with what X is for: its definition -------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("为什么要办理越南临时居留卡？", "zh"),
        ("為何要申請越南居留證?", "zh"),
        ("外国人为什么需要临时居留卡", "zh"),
        ("베트남 거주증은 왜 신청해야 하나요?", "ko"),
    ],
)
def test_why_apply_for_the_card_is_what_the_card_is_for(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.covered
    assert TEMPORARY_CARD in _cited(r)
    assert "thay thị thực" in r.direct


def test_why_a_visa_was_refused_is_no_definition() -> None:
    r = _ask("为什么我的签证被拒绝了?", "zh")
    assert not r.direct.startswith("定义见")


# --- the facet and topic of a zh/ko question are those of its English twin ----------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "facet"),
    [
        # visa-free entry (Law 47/2014 Art. 12), a visa said short, an overstay said in Korean
        ("무비자 입국이란?", "visa_residence_card", "exemption"),
        ("免签是什么意思?", "visa_residence_card", "exemption"),
        ("오버스테이 하면 벌금이 얼마예요?", "visa_residence_card", "penalty"),
        ("落地签可以停留多久?", "visa_residence_card", "validity"),
        ("이비자로 얼마나 체류할 수 있나요?", "visa_residence_card", "validity"),
        ("居留卡一般能办几年?", "visa_residence_card", "validity"),
        ("거주증은 몇 년짜리인가요?", "visa_residence_card", "validity"),
        # issuing takes (processing time) versus within how many days one must act (deadline)
        ("办工作许可证大概要多久?", "work_permit", "processing_time"),
        ("범죄경력증명서 발급 기간은 어떻게 되나요?", "criminal_record", "processing_time"),
        ("多久之内要给外国客人申报暂住?", "temporary_residence", "deadline"),
        ("입국 후 며칠 안에 거주신고를 해야 하나요?", "temporary_residence", "deadline"),
        # 'do I need to declare' asks whose duty it is, as in English
        ("外国朋友住我家需要办理住宿登记吗?", "temporary_residence", "who"),
        ("집주인이 외국인 거주 신고를 해야 하나요?", "temporary_residence", "who"),
        ("外国人住宿由谁登记?", "temporary_residence", "who"),
        # working without the permit
        ("在越南无证工作罚款多少?", "work_permit", "penalty"),
        # 'must I get one?' asks who is exempt; the issuing office is where
        ("워크퍼밋 꼭 받아야 하나요?", "work_permit", "exemption"),
        ("外国人在越南工作一定要办工作许可证吗?", "work_permit", "exemption"),
        ("노동허가증 발급기관", "work_permit", "where"),
        ("工作许可证的发证机关是哪里?", "work_permit", "where"),
        # 签 in 签发 (issue) or 签合同 (sign a contract) is no visa
        ("工作许可证签发后多久有效?", "work_permit", "validity"),
    ],
)
def test_zh_ko_reading_matches_the_english_twin(text: str, topic: str, facet: str) -> None:
    assert (detect_topic(text), detect_facet(text)) == (topic, facet)


def test_signing_a_labour_contract_is_no_visa() -> None:
    assert detect_topic("续签劳动合同需要什么材料?") != "visa_residence_card"


def test_visa_exemption_in_korean_is_answered_with_the_exempt_cases() -> None:
    r = _ask("베트남 무사증 입국이 무엇인가요?", "ko")
    assert r.covered and r.facet == "exemption"
    assert any((c.doc_number, c.article) == ("47/2014/QH13", "Điều 12") for c in r.citations)


# --- 'how long before it expires must I apply?' is the filing deadline (Decree 219/2025 Art. 28 k1) ----------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("工作许可证到期前多久要申请延期?", "zh"),
        ("劳动许可证需要提前多久办理续签？", "zh"),
        ("노동허가증 만료 전 며칠까지 연장 신청해야 하나요?", "ko"),
        ("How long before the work permit expires must the employer apply to extend it?", "en"),
    ],
)
def test_how_long_before_expiry_is_the_filing_deadline(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.facet == "deadline"
    assert ("219/2025/NĐ-CP", "Điều 28", "khoản 1") in _cited(r)
    assert "45" in r.direct and "10" in r.direct  # 'Trước ít nhất 10 ngày nhưng không quá 45 ngày'


def test_a_visa_extension_has_no_filing_deadline_on_file() -> None:
    r = _ask("越南签证到期前几天必须申请延期？", "zh")  # Law 47/2014 Art. 35 sets none
    assert r.facet == "deadline" and not r.covered
