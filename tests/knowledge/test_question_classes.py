"""Classes of real questions on work permits, criminal records, the declaration and exit bans (issue #11).

Real kb.json, no mocks. Each expectation is read from the law texts on file: Decree 219/2025 Art. 9 (the
exemption certificate's steps), Art. 28 k1 (when to file an extension), Decree 283/2026 Art. 13 k3 (working
without a valid permit), Decree 216/2026 Art. 22 (criminal-record requests), Law 47/2014 (entry and residence).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from knowledge import Reply, ask
from tests.tables import cases

TODAY = date(2026, 12, 1)


@cache
def _ask(text: str, lang: str = "en") -> Reply:
    return ask(text, lang=lang, on=TODAY)


def _cited(r: Reply) -> set[tuple[str, str | None]]:
    return {(c.doc_number, c.article) for c in r.citations}


@cases("text, lang, topic, facet")
def test_the_topic_and_facet_are_the_ones_asked(text: str, lang: str, topic: str, facet: str) -> None:
    r = _ask(text, lang)
    assert (r.topic, r.facet) == (topic, facet)


@cases("text, lang, document, article")
def test_the_question_is_answered_from_the_article_on_its_subject(
    text: str, lang: str, document: str, article: str
) -> None:
    # Decree 219/2025 Art. 9: the exemption certificate's steps (k2: 'Trung tâm Phục vụ hành chính công', k3: 05
    # working days); Law 47/2014 Art. 33 'Khai báo tạm trú' (through the accommodation, to the commune police).
    r = _ask(text, lang)
    assert r.covered and (document, article) in _cited(r)


@cases("text, lang")
def test_when_to_file_an_extension_is_the_10_to_45_days_before_expiry(text: str, lang: str) -> None:
    # Decree 219/2025 Art. 28 k1: 'Trước ít nhất 10 ngày nhưng không quá 45 ngày trước khi hết hạn'.
    r = _ask(text, lang)
    assert r.facet == "deadline" and ("219/2025/NĐ-CP", "Điều 28") in _cited(r)
    assert "45" in r.direct and "10" in r.direct


@cases("text, lang")
def test_working_without_a_valid_permit_asked_whether_fined_gets_the_fine(text: str, lang: str) -> None:
    # Decree 283/2026 Art. 13 k3: 15,000,000 to 25,000,000 dong for working without a valid work permit.
    r = _ask(text, lang)
    assert r.facet == "penalty" and ("283/2026/NĐ-CP", "Điều 13") in _cited(r)
    assert "15.000.000" in r.direct or "15,000,000" in r.direct


@cases("text, lang")
def test_asking_another_to_apply_quotes_the_clause_on_authorisation_first(text: str, lang: str) -> None:
    # Decree 216/2026 Art. 22 k2 b: for another person than a parent, spouse or child, 'văn bản ủy quyền'.
    r = _ask(text, lang)
    first = r.citations[0]
    assert r.facet == "procedure" and r.covered
    assert (first.doc_number, first.article, first.clause, first.point) == (
        "216/2026/NĐ-CP",
        "Điều 22",
        "khoản 2",
        "điểm b",
    )
    assert "văn bản ủy quyền" in first.quote_vi


@cases("text, lang, covered")
def test_the_no_2_certificate_is_answered_only_on_the_route_the_texts_on_file_give(
    text: str, lang: str, covered: bool
) -> None:
    # Decree 216/2026 Art. 22 names no certificate type: its route answers a No. 2 question; the No. 2
    # certificate's own papers, term and authorisation (Law 28/2009 Art. 45-46) are not in force on file.
    r = _ask(text, lang)
    assert r.covered is covered
    if not covered:
        assert not r.citations


@cases("text, lang")
def test_how_long_an_exit_ban_lasts_is_its_three_year_term(text: str, lang: str) -> None:
    # Law 47/2014 Art. 28 k3: 'Thời hạn tạm hoãn xuất cảnh không quá 03 năm và có thể gia hạn.'
    r = _ask(text, lang)
    assert r.facet == "validity" and r.covered
    assert (r.citations[0].article, r.citations[0].clause) == ("Điều 28", "khoản 3")
    assert "3" in r.direct


@cases("text, lang")
def test_the_rules_on_exit_bans_are_quoted_with_their_cases(text: str, lang: str) -> None:
    # Law 47/2014 Art. 28 k1: the cases (a criminal case, a judgment, unpaid tax, a fine, defence) and k3.
    r = _ask(text, lang)
    cited = {(c.doc_number, c.article, c.clause, c.point) for c in r.citations}
    assert r.covered and r.topic == "visa_residence_card"
    assert ("47/2014/QH13", "Điều 28", "khoản 1", "điểm c") in cited  # 'Chưa hoàn thành nghĩa vụ nộp thuế'


@cases("text, lang")
def test_a_lost_or_damaged_permit_is_a_case_for_reissue_with_its_own_steps(text: str, lang: str) -> None:
    # Decree 219/2025 Art. 23 k1: 'Giấy phép lao động còn thời hạn bị mất hoặc bị hư hỏng không sử dụng được.'
    # is a case for re-issue; Art. 25: the re-issue's steps (not Art. 22, the first issue's).
    r = _ask(text, lang)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article, first.clause) == (
        "219/2025/NĐ-CP",
        "Điều 23",
        "khoản 1",
    )
    if r.facet == "procedure":
        assert ("219/2025/NĐ-CP", "Điều 25") in _cited(r)
        assert ("219/2025/NĐ-CP", "Điều 22") not in _cited(r)


@cases("text, lang")
def test_a_change_asked_with_reissue_words_is_not_the_lost_permit_case(text: str, lang: str) -> None:
    # Decree 219/2025 Art. 20: a new employer or position goes through the permit procedure again; 'cung cấp lại'
    # (provide again) names no re-issue.
    r = _ask(text, lang)
    assert ("219/2025/NĐ-CP", "Điều 23") not in _cited(r)


@cases("text, lang")
def test_whether_a_thing_counts_as_a_term_is_answered_with_its_definition(text: str, lang: str) -> None:
    # Law 47/2014 Art. 32: 'Cơ sở lưu trú là nơi tạm trú ... bao gồm ... nhà riêng hoặc cơ sở lưu trú khác'.
    r = _ask(text, lang)
    assert r.covered and ("47/2014/QH13", "Điều 32") in _cited(r)
    assert "nhà riêng" in r.direct


@cases("text, lang")
def test_crossing_the_border_without_the_checks_is_fined_as_that_act(text: str, lang: str) -> None:
    # Decree 282/2025 Art. 21 k4 a: 5,000,000 to 10,000,000 dong for 'Qua lại biên giới quốc gia mà không làm thủ
    # tục xuất cảnh, nhập cảnh'.
    r = _ask(text, lang)
    first = r.citations[0]
    assert r.facet == "penalty" and (first.doc_number, first.article, first.clause, first.point) == (
        "282/2025/NĐ-CP",
        "Điều 21",
        "khoản 4",
        "điểm a",
    )


@cases("text, lang")
def test_the_prohibited_acts_are_the_articles_six_clauses(text: str, lang: str) -> None:
    # Law 47/2014 Art. 5 'Các hành vi bị nghiêm cấm', k3: 'cư trú trái phép …; làm giả, sử dụng giấy tờ giả'.
    r = _ask(text, lang)
    assert r.covered and ("47/2014/QH13", "Điều 5") in _cited(r)
    assert len([c for c in r.citations if c.article == "Điều 5"]) == 6


@cases("text, lang")
def test_working_on_a_revoked_permit_is_fined_as_using_one_no_longer_valid(text: str, lang: str) -> None:
    # Decree 283/2026 Art. 13 k3 b: 'Sử dụng giấy phép lao động … đã hết hiệu lực' (15-25 million dong); k6 b:
    # expulsion of a foreign worker working without a valid permit.
    r = _ask(text, lang)
    first = r.citations[0]
    assert r.facet == "penalty" and (first.article, first.clause, first.point) == (
        "Điều 13",
        "khoản 3",
        "điểm b",
    )
