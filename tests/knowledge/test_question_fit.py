"""ask() answers the case, act and term the question names, and nothing beside it.

Real kb.json, no mocks. Each expectation is read from the law texts on file: Labour Code 45/2019 Art. 154 and
Decree 219/2025 Art. 7 (who needs no work permit), Decree 282/2025 Art. 21 (immigration fines, by act), Law
47/2014 Art. 3 and 32 (what the words mean).
"""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest

from knowledge import Reply, ask, not_covered_text, render_reply
from knowledge.store import get_kb
from knowledge.text import fold

TODAY = date(2026, 12, 1)


@cache
def _ask(text: str, lang: str = "en") -> Reply:
    return ask(text, lang=lang, on=TODAY)


def _first(r: Reply) -> tuple[str, str | None, str | None, str | None]:
    c = r.citations[0]
    return (c.doc_number, c.article, c.clause, c.point)


# --- an exemption question that names its case gets that case's clause first ---------------------------------

MARRIED = ("45/2019/QH14", "Điều 154", "khoản 8", None)  # 'kết hôn với người Việt Nam và sinh sống ...'
INVESTOR = ("219/2025/NĐ-CP", "Điều 7", "khoản 2", None)  # 'góp vốn từ 3 tỷ đồng trở lên ... TNHH'
TRANSFER = ("219/2025/NĐ-CP", "Điều 7", "khoản 13", "điểm b")  # 'Di chuyển trong nội bộ doanh nghiệp'
STUDENT = ("219/2025/NĐ-CP", "Điều 7", "khoản 7", None)  # 'Học sinh, sinh viên ... thực tập'


@pytest.mark.parametrize(
    ("text", "lang", "clause"),
    [
        ("Is a foreigner married to a Vietnamese exempt from a work permit?", "en", MARRIED),
        ("与越南人结婚的外国人需要工作许可证吗？", "zh", MARRIED),
        ("베트남인과 결혼한 외국인은 노동허가 면제입니까?", "ko", MARRIED),
        ("Người nước ngoài kết hôn với người Việt Nam có phải xin giấy phép lao động không?", "vi", MARRIED),
        ("Do investors need a work permit in Vietnam?", "en", INVESTOR),
        ("Is an intra-company transferee exempt from a work permit?", "en", TRANSFER),
        ("Do students doing an internship need a work permit?", "en", STUDENT),
    ],
)
def test_an_exemption_question_naming_its_case_gets_that_clause_first(
    text: str, lang: str, clause: tuple[str, str, str, str | None]
) -> None:
    r = _ask(text, lang)
    assert r.covered and r.facet == "exemption"
    assert _first(r) == clause
    # The direct answer opens with that clause's own words (its condition included), not the list's start;
    # each quoted piece is the words of a cited clause.
    opening = r.direct.split(". The exempt cases")[0]
    pieces = [p.split("”")[0].strip("… ") for p in opening.split("“")[1:]]
    assert any(p in r.citations[0].quote_vi for p in pieces)
    assert all(any(p in c.quote_vi for c in r.citations) for p in pieces)


def test_the_named_case_carries_its_condition_and_the_other_cases_numbers_are_left_out() -> None:
    r = _ask("Is an intra-company transferee exempt from a work permit?")
    assert "ít nhất 12 tháng liên tục" in r.direct  # the condition of Art. 7 k13 b is said with the case
    assert "nhà quản lý, giám đốc điều hành, chuyên gia, lao động kỹ thuật" in r.direct  # whom k13 is for
    assert "3 tỷ" not in r.direct  # the investors' threshold is another case
    married = _ask("Is a foreigner married to a Vietnamese exempt from a work permit?")
    assert "3 tỷ" not in married.direct and "90 ngày" not in married.direct


def test_a_visa_exemption_for_a_spouse_quotes_the_sentence_naming_spouses() -> None:
    r = _ask("Are spouses of Vietnamese citizens exempt from visa?")
    assert "vợ, chồng, con của công dân Việt Nam" in r.direct
    assert "(1) Theo điều ước quốc tế" not in r.direct.split("(quoted below)")[0]


# --- a fine is for one act: the act asked, or it says which act it punishes -------------------------------------

OVERSTAY = "quá thời hạn"  # 282/2025 Art. 21: 'sử dụng chứng nhận tạm trú, ..., thẻ tạm trú ... quá thời hạn'


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What happens if my TRC expires and I stay?", "en"),
        ("My residence card expired 3 months ago, what is the fine?", "en"),
        ("Thẻ tạm trú quá hạn bị phạt thế nào?", "vi"),
        ("Phạt bao nhiêu khi thẻ tạm trú hết hạn mà vẫn ở lại?", "vi"),
    ],
)
def test_an_expired_card_kept_is_fined_as_the_overstay_grades_not_another_act(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.facet == "penalty" and r.covered
    fined = [c for c in r.citations if c.point and "trục xuất" not in c.quote_vi]  # expulsion: a caveat
    assert fined and all(OVERSTAY in c.quote_vi for c in fined), [c.quote_vi for c in fined]
    assert ("Điều 21", "khoản 7", "điểm b") not in {(c.article, c.clause, c.point) for c in r.citations}


def test_a_fine_for_an_act_the_question_did_not_name_says_which_act_it_punishes() -> None:
    # No act named: each fine carries its act in the clause's words, quoted from the cited clause.
    r = ask("", topic="temporary_residence", facet="penalty", lang="en", on=TODAY)
    assert r.covered
    for sentence in r.direct.split("). "):
        if sentence.startswith("Fine:"):
            assert " for “" in sentence
            act = sentence.split(" for “", 1)[1].split("”")[0].rstrip(" …")
            assert any(act in c.quote_vi for c in r.citations), act
    # The act asked and matched needs no such words.
    named = _ask("How much is the fine for not declaring a foreign guest?")
    assert " for “" not in named.direct


def test_times_of_several_routes_each_say_their_route() -> None:
    # Law 47/2014 Art. 17 (a visa at a mission abroad) and Art. 19 (at the immigration office) set different times.
    r = _ask("How long does it take to get a visa for Vietnam?")
    assert r.facet == "processing_time"
    articles = {c.article for c in r.citations}
    if len(articles) > 1:
        assert "“Cấp thị thực tại cơ quan có thẩm quyền cấp thị thực của Việt Nam ở nước ngoài”" in r.direct


# --- 'what is X' is answered with the clause defining X -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("What is a temporary residence card?", "en"),
        ("Thẻ tạm trú là gì?", "vi"),
        ("什么是居留卡？", "zh"),
    ],
)
def test_what_a_residence_card_is_is_answered_with_the_clause_defining_it(text: str, lang: str) -> None:
    r = _ask(text, lang)
    assert r.covered
    assert _first(r)[:3] == ("47/2014/QH13", "Điều 3", "khoản 13")
    assert r.citations[0].quote_vi.startswith("Thẻ tạm trú là loại giấy tờ")
    assert "thay thị thực" in r.direct  # the definition itself, in its own words


def test_a_definition_in_force_is_said_without_a_wording_caveat() -> None:
    r = _ask("What is an accommodation establishment?")
    assert r.covered and _first(r)[:2] == ("47/2014/QH13", "Điều 32")
    assert "Cơ sở lưu trú là nơi tạm trú của người nước ngoài" in r.direct
    assert not any("2014 wording" in c for c in r.caveats)


def test_a_compound_naming_a_term_is_not_that_term() -> None:
    assert not _ask("베트남 비자런은 무엇입니까?", "ko").covered  # a visa run is not a visa
    assert not _ask("What is a visa run?").covered


# --- citizens' residence is another law; 'not covered' quotes nothing that does not bear on it --------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Do I need to declare my Vietnamese relatives staying at my house?", "en"),
        ("Khai báo tạm trú cho người Việt Nam đến ở nhà như thế nào?", "vi"),
    ],
)
def test_declaring_vietnamese_guests_is_not_answered_with_the_foreign_guest_rules(
    text: str, lang: str
) -> None:
    r = _ask(text, lang)
    assert not r.covered and r.direct.startswith(not_covered_text(lang))
    assert not r.citations and not r.values  # Law 47/2014 Art. 33 is for foreigners: not quoted


def test_declaring_a_foreign_guest_is_still_answered() -> None:
    r = _ask("Do I need to declare my foreign guest?")
    assert r.covered and _first(r)[:2] == ("47/2014/QH13", "Điều 33")


def test_not_covered_quotes_no_clause_sharing_only_the_topics_name() -> None:
    r = _ask("Is it hot in Hanoi in summer, do I need a visa?")
    assert not r.covered and not r.citations


# --- what the question asks, read from its own words ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "facet"),
    [
        ("Who is eligible for a work permit exemption?", "en", "exemption"),
        ("外国人在哪些情况下无需申请工作许可证?", "zh", "exemption"),
        ("How do I get a certificate of work permit exemption?", "en", "procedure"),
        ("申请司法记录的程序是什么?", "zh", "procedure"),
        ("Công ty không làm giấy phép lao động cho người nước ngoài có bị xử lý không?", "vi", "penalty"),
        ("我的旅游签证过期两个月了?", "zh", "penalty"),  # an act named and nothing else asked: its fine
        ("Who is granted a temporary residence card?", "en", "eligibility"),
        ("Thẩm quyền cấp giấy phép lao động thuộc cơ quan nào?", "vi", "where"),
        ("Is a work permit required for a foreign board member?", "en", "exemption"),
        ("Xin giấy xác nhận không thuộc diện cấp giấy phép lao động cần giấy tờ gì?", "vi", "documents"),
    ],
)
def test_the_facet_is_what_the_question_asks(text: str, lang: str, facet: str) -> None:
    assert _ask(text, lang).facet == facet


def test_a_company_fined_hears_that_an_organisation_pays_twice() -> None:
    # 283/2026 Art. 7 k1: 'Mức phạt tiền đối với tổ chức bằng 02 lần mức phạt tiền đối với cá nhân.'
    r = _ask("Doanh nghiệp sử dụng lao động nước ngoài không có giấy phép lao động bị phạt bao nhiêu?", "vi")
    factor = [c for c in r.citations if c.doc_number == "283/2026/NĐ-CP" and c.article == "Điều 7"]
    assert factor and "bằng 02 lần" in factor[0].quote_vi
    assert any("2 lần" in caveat for caveat in r.caveats)


def test_helping_a_foreigner_stay_illegally_is_fined_as_that_act_not_as_an_overstay() -> None:
    # 282/2025 Art. 21 k9 d: '... tạo điều kiện cho người khác xuất cảnh, nhập cảnh, ở lại Việt Nam trái phép'.
    r = _ask("Cho người nước ngoài ở lại Việt Nam trái phép thì bị phạt bao nhiêu tiền?", "vi")
    assert r.covered and ("Điều 21", "khoản 9", "điểm d") in {
        (c.article, c.clause, c.point) for c in r.citations
    }
    assert "30.000.000–40.000.000" in r.direct


def test_what_an_application_includes_is_no_definition() -> None:
    r = _ask("What does the application for a temporary residence card include?")
    assert not r.direct.startswith("Defined in")
    assert r.facet == "documents"


def test_a_citizens_stay_notice_is_the_law_on_residence() -> None:
    r = _ask("Không khai báo lưu trú cho khách thì bị phạt tối đa bao nhiêu?", "vi")
    assert not r.covered and not r.citations


def test_who_is_granted_a_residence_card_is_answered_with_the_cases_that_get_one() -> None:
    # Law 47/2014 Art. 36 k1 (amended): 'Các trường hợp được cấp thẻ tạm trú bao gồm: ...'
    r = _ask("Who is granted a temporary residence card?")
    assert r.covered and "Điều 36" in {c.article for c in r.citations}


def test_an_exit_ban_question_is_about_entry_and_residence() -> None:
    # Law 47/2014 Art. 28: 'Các trường hợp bị tạm hoãn xuất cảnh và thời hạn tạm hoãn xuất cảnh'.
    r = _ask("Người nước ngoài có thể bị tạm hoãn xuất cảnh trong trường hợp nào?", "vi")
    assert r.topic == "visa_residence_card"
    assert ("47/2014/QH13", "Điều 28") in {(c.doc_number, c.article) for c in r.citations}


# --- the part of a long list that answers survives the cut ------------------------------------------------------


def test_the_listed_clause_the_question_points_to_is_quoted_and_shown() -> None:
    # Labour Code Art. 151 k2 (the contract's term may not exceed the permit's) is the list's last clause.
    r = _ask("Điều kiện về thời hạn hợp đồng lao động của người lao động nước ngoài là gì?", "vi")
    assert ("Điều 151", "khoản 2") in {(c.article, c.clause) for c in r.citations}
    assert "không được vượt quá thời hạn của Giấy phép lao động" in render_reply(r, "vi")


def test_a_list_no_word_points_into_is_quoted_from_its_start() -> None:
    r = _ask("What are the qualifications for a foreigner to work in Vietnam?")
    points = [c.point for c in r.citations if c.article == "Điều 151" and c.clause == "khoản 1"]
    assert points[:5] == [None, "điểm a", "điểm b", "điểm c", "điểm d"]


# --- a paper whose own rules are not on file is not answered with another paper's -------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("How long is a Vietnam e-visa valid?", "en", "thi thuc dien tu"),
        ("Thủ tục cấp thị thực điện tử như thế nào?", "vi", "thi thuc dien tu"),
        ("What documents do I need for a visa exemption certificate?", "en", "giay mien thi thuc"),
    ],
)
def test_a_paper_no_clause_on_file_names_is_not_covered(text: str, lang: str, words: str) -> None:
    named = [u for u in get_kb().units if words in fold(u["text"])]
    r = _ask(text, lang)
    if named:  # once its text is on file (the amended Law 47 names the e-visa), the gate lifts
        assert r.covered
    else:
        assert not r.covered and not r.citations
    assert _ask("How long is a Vietnam visa valid?").covered  # the visa itself still is


def test_a_term_is_a_papers_own_never_another_matters() -> None:
    # Law 47/2014 Art. 28 k3: 'Thời hạn tạm hoãn xuất cảnh không quá 03 năm' is an exit ban's, not a card's.
    r = _ask("Thẻ thường trú đối với người nước ngoài có thời hạn bao lâu?", "vi")
    assert ("Điều 28", "khoản 3") not in {(c.article, c.clause) for c in r.citations}
    assert "3 năm" not in r.direct


def test_a_time_set_in_another_papers_file_is_said_with_that_file() -> None:
    # Decree 219/2025 Art. 18 k4: the certificate is issued not more than 6 months before the work-permit file.
    r = _ask("How long is a criminal record certificate valid?")
    if "6 months" in r.direct:
        assert r.direct.startswith("“Hồ sơ đề nghị cấp giấy phép lao động”:")


def test_a_file_named_first_asks_its_papers_and_a_teaching_job_is_a_work_permit_matter() -> None:
    # Decree 219/2025 Art. 8: the papers of the exemption certificate's file.
    r = _ask("Hồ sơ thủ tục xác nhận không thuộc diện cấp giấy phép lao động gồm những gì?", "vi")
    assert r.facet == "documents" and _first(r)[:2] == ("219/2025/NĐ-CP", "Điều 8")
    # Labour Code Art. 151: the conditions for any foreign worker, a teacher included; no 'case asked' for a
    # condition list (the exemption lists name cases, condition lists do not).
    teacher = _ask("What are the working requirements for English teachers in Vietnam?")
    assert teacher.topic == "work_permit" and teacher.facet == "eligibility"
    assert "Điều 151" in {c.article for c in teacher.citations}
    assert "The case asked is listed" not in teacher.direct


def test_not_covered_names_no_replaced_law_of_another_paper() -> None:
    # Law 28/2009 (criminal records, replaced on 1/7/2026) says nothing on a residence question.
    r = _ask("땀주(Tam Tru)가 뭐예요?", "ko")
    assert not any("28/2009" in c for c in r.caveats)


@pytest.mark.parametrize(
    ("text", "lang", "grade", "amount"),
    [
        # 282/2025 Art. 21 k5 c: 'từ 04 đến 08 người nước ngoài', 10-15 million
        (
            "Khách sạn không khai báo tạm trú cho 5 khách nước ngoài bị phạt bao nhiêu?",
            "vi",
            "5",
            "10.000.000",
        ),
        ("My hotel did not declare 12 foreign guests, what is the fine?", "en", "6", "15,000,000"),
        # Art. 21 k2 đ: overstaying 'dưới 16 ngày', 0.5-2 million
        ("I overstayed my visa by 10 days, what is the fine?", "en", "2", "500,000"),
    ],
)
def test_a_number_in_the_question_picks_its_grade_of_a_graded_fine(
    text: str, lang: str, grade: str, amount: str
) -> None:
    r = _ask(text, lang)
    assert r.direct.count("Fine:") + r.direct.count("Mức phạt:") == 1, r.direct
    assert amount in r.direct
    assert any(c.clause == f"khoản {grade}" and c.point for c in r.citations)


def test_tam_tru_asked_by_a_foreigner_is_the_declaration_article() -> None:
    # Law 47/2014 Art. 33 (amended): 'Khai báo tạm trú'.
    r = _ask("땀주(Tam Tru)가 뭐예요?", "ko")
    assert r.covered and _first(r)[:2] == ("47/2014/QH13", "Điều 33")
