"""ask(): every answer walked over topic x facet x province x language, held to the clauses it cites.

Real kb.json, no mocks: a value stated must be written in the clause cited for it, an office's role word must
be the role its clause gives it, a national facet needs no province, and a reply that does not answer says so
first and summarises nothing.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

import pytest

from knowledge import FACETS, TOPICS, Reply, answer, ask, not_covered_text, render_answer, render_reply
from knowledge.answers import short_cite
from knowledge.docs import PROVINCES
from knowledge.draft import agency_label
from knowledge.facets import MAIN_TOPICS, PROVINCIAL_FACETS
from knowledge.roles import unit_roles
from knowledge.store import get_kb
from knowledge.templates import TOPIC_LABELS
from knowledge.wording import APPLY_ROLES, ISSUE_ROLES

LANGS = ("en", "vi", "zh", "ko")
TODAY = date(2026, 12, 1)
TOPIC_FACETS = [(topic, facet) for topic in TOPICS for facet in (*FACETS, None)]
PLACES_LANGS = [(province, lang) for province in (None, *PROVINCES) for lang in LANGS]
COMBOS = [(t, f, p, lang) for t, f in TOPIC_FACETS for p, lang in PLACES_LANGS]
# Verbs by which a clause makes an office take, decide or issue: what "Apply to X" / "X issues" rests on.
_APPLY_VERBS = re.compile(
    r"tiếp nhận|giải quyết|quyết định|thẩm quyền|chấp thuận|cấp (giấy|phiếu|thẻ|thị thực|mới|lại)|cấp,|chủ trì|"
    r"nộp hồ sơ|nơi nộp|gửi hồ sơ|nhận (hồ sơ|thông báo|báo cáo)|do [^.]{0,80} cấp\b|cấp đổi",
    re.IGNORECASE,
)


@cache
def reply(topic: str, facet: str | None, province: str | None, lang: str) -> Reply:
    return ask("", topic=topic, facet=facet, province=province, lang=lang, on=TODAY)


def _numbers(text: str) -> set[int]:
    """'3.000.000 đồng', '3,000,000', '02 năm', '24 giờ' -> {3000000, 2, 24}."""
    return {int(n.replace(".", "").replace(",", "")) for n in re.findall(r"\d+(?:[.,]\d{3})*", text)}


def _cited_text(r: Reply) -> str:
    return " ".join(f"{c.lead_in or ''} {c.quote_vi}" for c in r.citations)


@pytest.mark.parametrize(("topic", "facet"), TOPIC_FACETS)
def test_every_stated_value_is_written_in_the_clause_it_cites(topic: str, facet: str | None) -> None:
    for province, lang in PLACES_LANGS:
        r = reply(topic, facet, province, lang)
        for value in r.values:
            citation = r.citations[value.citation]
            assert value.text in f"{citation.lead_in or ''} {citation.quote_vi}", (value, citation)
            assert value.shown in r.direct or value.shown.rstrip(" …") in r.direct, value
        # Every number the direct answer states (outside its citations) is a number of a cited clause.
        direct = r.direct
        kb = get_kb()
        labels = [short_cite(c, lang) for c in r.citations] + [
            agency_label(kb, a, lang) for a, _r, _p in r.roles
        ]
        labels += [label.split(", khoản")[0] for label in labels]  # a document list cites its article
        for label in sorted(set(labels), key=len, reverse=True):
            direct = direct.replace(label, "")
        assert _numbers(direct) <= _numbers(_cited_text(r)), (direct, r.citations)


@pytest.mark.parametrize(("topic", "facet"), TOPIC_FACETS)
def test_every_office_is_worded_by_the_role_its_clause_gives_it(topic: str, facet: str | None) -> None:
    for province, lang in PLACES_LANGS:
        r = reply(topic, facet, province, lang)
        kb = get_kb()
        for agency, role, position in r.roles:
            unit = kb.unit_by_id[r.citations[position].unit_id or ""]
            assert (agency, role) in unit_roles(unit), (agency, role, unit["id"])
            if role in APPLY_ROLES | ISSUE_ROLES:
                assert _APPLY_VERBS.search(unit["text"]), unit["text"]
        if lang == "en" and not any(role in APPLY_ROLES for _a, role, _p in r.roles):
            assert "Apply to" not in r.direct
        assert "in charge of this" not in r.direct


def test_coordination_clauses_are_never_where_one_applies() -> None:
    """Issue #11: a clause whose office is told only to coordinate, guide, inform or report ('Phối hợp với
    ...', 'Hướng dẫn ...') never sends a person to that office, in the kb and in any answer."""
    kb = get_kb()
    coordinating = [
        u
        for u in kb.units
        if u.get("responsible")
        and re.match(r"(Phối hợp|Hướng dẫn|Cung cấp thông tin|Báo cáo)\b", u["text"])
        and not _APPLY_VERBS.search(u["text"])
    ]
    assert len(coordinating) >= 10
    for unit in coordinating:
        roles = {role for agency, role in unit_roles(unit) if agency == unit["responsible"]}
        assert not roles & (APPLY_ROLES | ISSUE_ROLES | {"leads"}), (unit["id"], roles)
    said = {
        (r.citations[p].unit_id, agency, role)
        for t, f in TOPIC_FACETS
        for province, lang in PLACES_LANGS[::4]
        for r in [reply(t, f, province, lang)]
        for agency, role, p in r.roles
    }
    ids = {u["id"]: u["responsible"] for u in coordinating}
    assert not {(i, a, r) for i, a, r in said if ids.get(i or "") == a and r in APPLY_ROLES | ISSUE_ROLES}


@pytest.mark.parametrize("facet", [f for f in FACETS if f not in PROVINCIAL_FACETS])
@pytest.mark.parametrize("topic", MAIN_TOPICS)
def test_national_questions_never_need_a_province(topic: str, facet: str) -> None:
    r = reply(topic, facet, None, "en")
    assert r.needs == () and not r.province_matters


@pytest.mark.parametrize(("topic", "facet"), TOPIC_FACETS)
def test_a_reply_that_does_not_answer_says_so_first_and_summarises_nothing(
    topic: str, facet: str | None
) -> None:
    for province, lang in PLACES_LANGS:
        r = reply(topic, facet, province, lang)
        text = render_reply(r, lang)
        assert text.startswith(r.direct) and len(text) <= 1200
        if r.covered:
            assert r.citations and not r.direct.startswith(not_covered_text(lang))
        else:
            assert r.direct.startswith(not_covered_text(lang))
            assert TOPIC_LABELS[topic]["en"] not in r.direct and " — " not in r.direct


def _cites(r: Reply, number: str, article: str) -> bool:
    return any(c.doc_number == number and c.article == article for c in r.citations)


def test_fine_for_not_declaring_a_foreign_guest() -> None:
    r = ask("How much is the fine for not declaring a foreign guest?", on=TODAY)
    assert (r.topic, r.facet, r.covered) == ("temporary_residence", "penalty", True)
    assert "3,000,000–5,000,000 VND" in r.direct and _cites(r, "282/2025/NĐ-CP", "Điều 21")
    assert not any(c.doc_number == "144/2021/NĐ-CP" for c in r.citations)
    assert any("282/2025/NĐ-CP" in c and "144/2021" in c for c in r.caveats)  # changed recently


def test_declaration_deadline_by_route() -> None:
    r = ask("Within how many hours must a host declare a foreign guest?", on=TODAY)
    assert r.facet == "deadline" and "12 hours" in r.direct and "24 hours in remote areas" in r.direct
    assert _cites(r, "47/2014/QH13", "Điều 33")
    vi = ask("Thời hạn khai báo tạm trú cho người nước ngoài là bao lâu?", lang="vi", on=TODAY)
    assert "12 giờ" in vi.direct


def test_work_permit_validity_and_documents() -> None:
    r = ask("How long is a work permit valid?", on=TODAY)
    assert r.facet == "validity" and "up to 2 years" in r.direct
    docs = ask("What documents are needed for a work permit?", on=TODAY)
    assert docs.facet == "documents" and _cites(docs, "219/2025/NĐ-CP", "Điều 18")


def test_hanoi_work_permit_office_depends_on_the_zone_but_the_national_part_is_said() -> None:
    r = ask("Where do I apply for a work permit?", province="Hà Nội", on=TODAY)
    assert r.needs == ("zone",) and r.covered and r.province_matters
    outside = ask("Where do I apply for a work permit?", province="Hà Nội", zone="outside", on=TODAY)
    assert outside.needs == ()
    national = ask("Where do I apply for a work permit?", on=TODAY)
    assert national.needs == ("province",) and national.covered


def test_superseded_rules_are_never_current() -> None:
    kb = get_kb()
    superseded = {
        d["number"]
        for d in kb.documents.values()
        if d.get("effective_to") and (d.get("replaced_by") or d.get("amended_by"))
    }
    for topic, facet, province, lang in COMBOS[::7]:
        r = reply(topic, facet, province, lang)
        assert not {c.doc_number for c in r.citations} & superseded, (topic, facet)


def test_a_fee_not_on_file_is_not_covered_and_names_who_to_ask() -> None:
    r = ask("How much is the fee for a work permit?", on=TODAY)
    assert r.facet == "fee" and not r.covered and not r.citations
    assert r.direct.startswith(not_covered_text("en")) and "Ask " in r.direct


def test_hanoi_health_check_says_the_approved_clinics_are_published() -> None:
    """Issue #11: draft Art. 12 has the health department publish the clinic list, not 'report monthly'."""
    r = ask("Where do foreign workers get the health check?", province="Hà Nội", on=TODAY)
    assert ("health", "publishes") in [(a, role) for a, role, _p in r.roles]
    assert "publishes the list" in r.direct and _cites(r, ".../2025/QĐ-UBND", "Điều 12")
    old = render_answer(answer("health_check", "Hà Nội"))
    assert "publishes the list" in old and "reports every month" not in old


def test_bac_ninh_service_sellers_notify_the_labour_department() -> None:
    """Issue #11: in Bắc Ninh service sellers notify Sở LĐ-TB&XH (now Sở Nội vụ), not Sở Công Thương."""
    r = ask("Where do foreign service sellers send their notice?", province="Bắc Ninh", on=TODAY)
    notified = [a for a, role, _p in r.roles if role == "notified"]
    assert notified == ["labour_dept"] and "now Department of Home Affairs" in r.direct
    old = answer("service_sellers", "Bắc Ninh")
    assert old.agencies[0].id == "labour_dept" and old.agencies[0].successor_id == "home_affairs"


@pytest.mark.parametrize("topic", TOPICS)
def test_a_fee_or_a_fine_is_an_amount_or_not_covered(topic: str) -> None:
    for facet in ("fee", "penalty"):
        r = reply(topic, facet, None, "en")
        assert not r.covered or any(v.kind in ("money", "money_range") for v in r.values), (topic, r.direct)


def test_the_law_in_force_on_the_day_asked_is_the_one_stated() -> None:
    """283/2026 replaced 12/2022 on 10/9/2026: asked on 1/6/2026 the fine is 12/2022's, today 283/2026's."""
    question = "What is the fine for a foreigner working without a work permit?"
    before = ask(question, on=date(2026, 6, 1))
    now = ask(question, on=TODAY)
    assert {c.doc_number for c in before.citations} == {"12/2022/NĐ-CP"}
    assert "283/2026/NĐ-CP" in {c.doc_number for c in now.citations}
    assert "12/2022/NĐ-CP" not in {c.doc_number for c in now.citations}
    assert any("12/2022" in c for c in now.caveats)  # changed recently


@pytest.mark.parametrize("lang", LANGS)
def test_the_chat_text_is_the_direct_answer_then_quoted_clauses(lang: str) -> None:
    r = ask("How long is a work permit valid?", lang=lang, on=TODAY)
    lines = render_reply(r, lang).splitlines()
    assert lines[0] == r.direct and any(line.startswith("• 45/2019/QH14, Điều 155") for line in lines)
    assert any(
        "“Thời hạn của giấy phép lao động tối đa là 02 năm" in line for line in lines
    )  # quotes stay vi
