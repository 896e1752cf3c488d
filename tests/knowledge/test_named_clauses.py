"""Questions pointing to one clause (knowledge/named_clauses.py): what follows the issue of a work permit
(Decree 219/2025 Art. 22 k4, the labour contract) and the forms of work the law lists (Art. 2 k1), quoted first."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge import ask

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What should we do after the issuance of a work permit?", "en"),
        ("Sau khi được cấp giấy phép lao động thì phải làm gì?", "vi"),
        ("获得工作许可证后要做什么？", "zh"),
    ],
)
def test_the_contract_after_the_permit_is_quoted_first(text: str, lang: str) -> None:
    r = ask(text, lang=lang, on=TODAY)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article, first.clause) == (
        "219/2025/NĐ-CP",
        "Điều 22",
        "khoản 4",
    )
    assert "phải ký kết hợp đồng lao động" in first.quote_vi


def test_a_plain_procedure_question_starts_with_the_filing() -> None:
    r = ask("How do I get a work permit?", on=TODAY)
    assert r.citations[0].clause != "khoản 4"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In what forms can a foreign employee work in Vietnam?", "en"),
        ("Người lao động nước ngoài làm việc tại Việt Nam theo những hình thức nào?", "vi"),
    ],
)
def test_the_forms_of_work_are_the_law_s_list(text: str, lang: str) -> None:
    # Decree 219/2025 Art. 2 k1: 'theo một trong các hình thức sau đây: a) Thực hiện hợp đồng lao động; b) Di
    # chuyển trong nội bộ doanh nghiệp; …' , not the templates 'Mẫu số 03'.
    r = ask(text, lang=lang, on=TODAY)
    cited = [(c.article, c.clause, c.point) for c in r.citations]
    assert cited[:3] == [
        ("Điều 2", "khoản 1", None),
        ("Điều 2", "khoản 1", "điểm a"),
        ("Điều 2", "khoản 1", "điểm b"),
    ]
    assert "Mẫu số" not in r.direct


def test_templates_asked_stay_templates() -> None:
    assert ask("What forms do I fill for a work permit?", on=TODAY).facet == "forms"


@pytest.mark.parametrize(
    ("text", "lang", "clause"),
    [
        # Decree 219/2025 Art. 20 k1: another employer, same position -> the permit procedure again.
        ("Do I need a new work permit if I change my employer?", "en", "khoản 1"),
        # Art. 20 k2: another position with the same employer -> a new permit.
        (
            "Nếu thay đổi vị trí công việc trong cùng công ty thì có phải xin lại giấy phép lao động không?",
            "vi",
            "khoản 2",
        ),
        # Art. 20 k3: once the extended permit runs out -> the permit procedure again.
        (
            "Giấy phép lao động đã gia hạn một lần nay hết hạn thì có được tiếp tục cấp không?",
            "vi",
            "khoản 3",
        ),
    ],
)
def test_a_change_or_a_spent_extension_means_the_permit_procedure_again(
    text: str, lang: str, clause: str
) -> None:
    r = ask(text, lang=lang, on=TODAY)
    first = r.citations[0]
    assert r.covered and (first.doc_number, first.article, first.clause) == (
        "219/2025/NĐ-CP",
        "Điều 20",
        clause,
    )
    assert "thủ tục cấp giấy phép lao động" in first.quote_vi
