"""Terms bounded by another paper's term (knowledge/bounds.py) and lists quoted whole (knowledge/listed.py),
held to the clauses of the national texts on file."""

from __future__ import annotations

from datetime import date

from knowledge import ask

TODAY = date(2026, 12, 1)


def test_a_labour_contract_term_is_bounded_by_the_permit() -> None:
    # Labour Code 45/2019 Art. 151 k2: the contract may not outlast the permit; fixed-term contracts, several.
    r = ask("Can a foreign employee sign an indefinite-term labour contract?", on=TODAY)
    assert r.covered and r.citations[0].doc_number == "45/2019/QH14"
    assert (r.citations[0].article, r.citations[0].clause) == ("Điều 151", "khoản 2")
    assert "không được vượt quá thời hạn của Giấy phép lao động" in r.direct
    assert "xác định thời hạn" in r.direct
    for value in r.values:
        assert value.text in r.citations[value.citation].quote_vi


def test_a_card_term_depends_on_the_passport() -> None:
    # Law 47/2014 Art. 38 k1 (as amended): the card runs at least 30 days shorter than the passport.
    r = ask("Thời hạn thẻ tạm trú có phụ thuộc vào hộ chiếu không?", lang="vi", on=TODAY)
    assert r.covered and "ngắn hơn thời hạn còn lại của hộ chiếu ít nhất 30 ngày" in r.direct
    assert r.citations[0].article == "Điều 38" and r.citations[0].clause == "khoản 1"


def test_a_bound_is_said_only_when_the_question_names_its_paper() -> None:
    r = ask("How long is a work permit valid?", on=TODAY)
    assert "vượt quá" not in r.direct and "02" in " ".join(c.quote_vi for c in r.citations)


def test_every_case_of_a_listed_article_is_quoted() -> None:
    # Decree 219/2025 Art. 30 'Trường hợp bị thu hồi giấy phép lao động': k3 (criminal prosecution) is a case
    # too, though it uses no validity word of its own.
    r = ask("Giấy phép lao động bị thu hồi trong trường hợp nào?", lang="vi", on=TODAY)
    art30 = [c for c in r.citations if c.doc_number == "219/2025/NĐ-CP" and c.article == "Điều 30"]
    assert {c.clause for c in art30} >= {"khoản 1", "khoản 2", "khoản 3"}
    assert any("truy cứu trách nhiệm hình sự" in c.quote_vi for c in art30)


def test_a_visa_term_is_bounded_by_the_passport_too() -> None:
    # Law 47/2014 Art. 9 k8 (as amended): 'Thời hạn thị thực ngắn hơn thời hạn hộ chiếu ... ít nhất 30 ngày';
    # the card's own bound (Art. 38 k1) answers another paper's question.
    r = ask("Does my visa depend on my passport validity?", on=TODAY)
    assert (r.citations[0].article, r.citations[0].clause) == ("Điều 9", "khoản 8")
    assert "ngắn hơn thời hạn hộ chiếu" in r.direct


def test_a_reissued_permit_runs_for_what_is_left() -> None:
    # Decree 219/2025 Art. 26: the original term minus the time already worked, asked in English and Vietnamese.
    for text, lang in (
        ("How long is a re-issued work permit valid?", "en"),
        ("Giấy phép lao động được cấp lại có thời hạn bao lâu?", "vi"),
    ):
        r = ask(text, lang=lang, on=TODAY)
        assert (r.citations[0].doc_number, r.citations[0].article) == ("219/2025/NĐ-CP", "Điều 26")
        assert "trừ đi thời gian" in r.direct


def test_a_contract_s_end_is_not_its_term() -> None:
    # Labour Code Art. 156 k2: the permit ceases when the labour contract ends; the term bound (Art. 151 k2) is
    # no answer to that.
    r = ask("Hợp đồng lao động chấm dứt thì giấy phép lao động còn hiệu lực không?", lang="vi", on=TODAY)
    assert "vượt quá" not in r.direct
    assert any((c.article, c.clause) == ("Điều 156", "khoản 2") for c in r.citations)
