"""Questions pointing to one clause (knowledge/named_clauses.py), quoted first: what follows the issue of a work
permit, the forms of work, a change of employer or position, a spent extension, working on past the permit."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang", "article", "clause", "words"),
    [
        # Decree 219/2025 Art. 22 k4: the labour contract is signed after the permit is issued.
        (
            "What should we do after the issuance of a work permit?",
            "en",
            "Điều 22",
            "khoản 4",
            "ký kết hợp đồng",
        ),
        (
            "Sau khi được cấp giấy phép lao động thì phải làm gì?",
            "vi",
            "Điều 22",
            "khoản 4",
            "ký kết hợp đồng",
        ),
        ("获得工作许可证后要做什么？", "zh", "Điều 22", "khoản 4", "ký kết hợp đồng"),
        # Art. 2 k1: 'theo một trong các hình thức sau đây' (a labour contract, an intra-company transfer, ...).
        (
            "In what forms can a foreign employee work in Vietnam?",
            "en",
            "Điều 2",
            "khoản 1",
            "các hình thức sau",
        ),
        (
            "Người lao động nước ngoài làm việc theo những hình thức nào?",
            "vi",
            "Điều 2",
            "khoản 1",
            "các hình thức sau",
        ),
        # Art. 20 k1 / k2 / k3: another employer, another position, a spent extension -> the permit procedure again.
        (
            "Do I need a new work permit if I change my employer?",
            "en",
            "Điều 20",
            "khoản 1",
            "thủ tục cấp giấy phép",
        ),
        ("Do I need a new work permit if I switch employers?", "en", "Điều 20", "khoản 1", "thủ tục cấp"),
        ("Can I change jobs with my work permit?", "en", "Điều 20", "khoản 2", "thủ tục cấp giấy phép"),
        (
            "Thay đổi vị trí công việc có phải xin lại giấy phép lao động?",
            "vi",
            "Điều 20",
            "khoản 2",
            "thủ tục cấp",
        ),
        (
            "Giấy phép lao động đã gia hạn nay hết hạn thì có được tiếp tục cấp?",
            "vi",
            "Điều 20",
            "khoản 3",
            "thủ tục",
        ),
        # Art. 28 k1: working on past the permit means its extension, filed 10 to 45 days before it ends.
        (
            "When the work permit expires, can the employer continue the contract?",
            "en",
            "Điều 28",
            "khoản 1",
            "45 ngày",
        ),
        (
            "Giấy phép lao động hết hạn thì có được tiếp tục làm việc không?",
            "vi",
            "Điều 28",
            "khoản 1",
            "45 ngày",
        ),
    ],
)
def test_the_clause_the_question_points_to_is_quoted_first(
    text: str, lang: str, article: str, clause: str, words: str
) -> None:
    r = ask(text, lang=lang, on=TODAY)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article, first.clause) == (
        "219/2025/NĐ-CP",
        article,
        clause,
    )
    assert words in first.quote_vi


def test_the_forms_of_work_are_quoted_with_their_points_not_the_templates() -> None:
    r = ask("In what forms can a foreign employee work in Vietnam?", on=TODAY)
    points = [c.point for c in r.citations if (c.article, c.clause) == ("Điều 2", "khoản 1")]
    assert points[:3] == [None, "điểm a", "điểm b"] and "Mẫu số" not in r.direct
    assert ask("What forms do I fill for a work permit?", on=TODAY).facet == "forms"


def test_a_plain_procedure_question_starts_with_the_filing() -> None:
    assert ask("How do I get a work permit?", on=TODAY).citations[0].clause != "khoản 4"
