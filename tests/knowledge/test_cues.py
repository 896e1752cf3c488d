"""Question shapes that name the facet outright (knowledge/cues.py), read before the word scores."""

from __future__ import annotations

import pytest

from knowledge import ask, detect_facet, detect_topic


@pytest.mark.parametrize(
    ("text", "facet"),
    [
        # Decree 219/2025 Art. 8: the dossier for the exemption confirmation, asked as 'hồ sơ thủ tục'.
        ("Hồ sơ thủ tục xác nhận không thuộc diện cấp giấy phép lao động gồm gì?", "documents"),
        # Labour Code Art. 154 / Decree 219/2025 Art. 7: whether a permit is needed at all.
        ("Is a work permit required for a member of the board of a company?", "exemption"),
        ("Who is eligible for a work permit exemption?", "exemption"),
        ("外国人在哪些情况下无需申请工作许可证？", "exemption"),
        # Decree 219/2025 Art. 9: the steps to get the confirmation of exemption.
        ("How do I get a work permit exemption certificate?", "procedure"),
        ("申请工作许可证豁免的程序是什么？", "procedure"),
        # Decree 219/2025 Art. 20: another position or employer means the permit procedure again.
        ("Nếu thay đổi vị trí công việc thì có phải xin lại giấy phép lao động không?", "procedure"),
        ("Do I need a new work permit if I change my employer?", "procedure"),
        # Decree 219/2025 Art. 22(4): what the employer does once the permit is issued.
        ("What should we do after the issuance of a work permit?", "procedure"),
        # Decree 219/2025 Art. 22(1): the file goes in before the planned start of work.
        ("Do I apply for the work permit before or after I arrive?", "deadline"),
        # Decree 219/2025 Art. 4: the provincial People's Committee has the power to issue.
        ("Cơ quan nào có thẩm quyền cấp giấy phép lao động?", "where"),
        ("Thẩm quyền cấp giấy phép lao động?", "where"),
        # Decree 283/2026: a sanction asked as 'bị xử lý'; 'thời gian xử lý' stays a processing time.
        ("Công ty không xin giấy phép lao động cho người nước ngoài có bị xử lý không?", "penalty"),
        # Decree 219/2025 Art. 30: revocation ends the permit; Labour Code Art. 151(2): contract term.
        ("Giấy phép lao động bị thu hồi khi nào?", "validity"),
        ("Can a foreign worker sign an indefinite-term labour contract?", "validity"),
    ],
)
def test_the_question_shape_names_the_facet(text: str, facet: str) -> None:
    assert detect_facet(text) == facet


@pytest.mark.parametrize(
    "text",
    [
        "What documents do I need to work for a company in Vietnam?",
        "Can expat employees sign an indefinite-term contract?",
    ],
)
def test_working_for_a_company_names_the_work_permit(text: str) -> None:
    assert detect_topic(text) == "work_permit"


def test_entering_viet_nam_is_an_entry_matter_unless_a_permit_is_named() -> None:
    # Law 47/2014 Art. 10 (conditions for a visa: passport, an inviting party) answers the first.
    assert (
        detect_topic("What are the conditions for a foreigner to enter Vietnam as an intern?")
        == "visa_residence_card"
    )
    assert detect_topic("Do I need a work permit before I enter Vietnam?") == "work_permit"


def test_documents_asked_beside_a_requirement_stay_documents() -> None:
    assert detect_facet("What documents are required for a work permit?") == "documents"
    assert detect_facet("Xin giấy lý lịch tư pháp thời gian xử lý bao lâu?") == "processing_time"


@pytest.mark.parametrize(
    "text", ["How long is an e-visa valid?", "Thị thực điện tử có thời hạn bao lâu?", "电子签证有效期多长？"]
)
def test_an_e_visa_is_valid_for_its_symbol_ev(text: str) -> None:
    # Law 47/2014 Art. 9 k2 (as amended 2023): 'Thị thực ký hiệu HN, DL, EV có thời hạn không quá 90 ngày'; the
    # 30 days of SQ (k1) is another visa's term.
    r = ask(text, lang="vi" if "Thị" in text else "en")
    assert r.covered and [(c.article, c.clause) for c in r.citations] == [("Điều 9", "khoản 2")]
    assert "EV" in r.citations[0].quote_vi and "90 ngày" in r.citations[0].quote_vi
    assert "SQ" not in r.direct


@pytest.mark.parametrize(
    "text",
    [
        "How long does it take to get an e-visa?",
        "Thị thực điện tử được cấp trong bao lâu?",
        "电子签证需要几天？",
    ],
)
def test_an_e_visa_takes_its_own_three_working_days(text: str) -> None:
    # Law 47/2014 Art. 16a (as amended 2019): answered within 03 working days; Art. 16-17 are other routes.
    r = ask(text, lang="en")
    assert r.covered and {c.article for c in r.citations} == {"Điều 16a"}
    assert any(v.text.startswith("03 ngày làm việc") or "03" in v.text for v in r.values)


def test_the_e_visa_steps_are_its_own_article() -> None:
    # Law 47/2014 Art. 16a (as amended 2019): declared and paid on the e-visa site; not Art. 15-16's inviting
    # agency route.
    r = ask("How do I apply for an e-visa?")
    assert r.covered and [c.article for c in r.citations] == ["Điều 16a"]
    assert "Trang thông tin cấp thị thực điện tử" in r.citations[0].quote_vi


def test_a_change_asked_about_another_paper_is_not_the_permit_procedure() -> None:
    assert detect_facet("换工作需要重新办工作许可证吗？") == "procedure"  # Decree 219/2025 Art. 20
    assert detect_facet("If I change company do I need a new temporary residence card?") != "procedure"
