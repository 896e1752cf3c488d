"""What a chat user gets: role first, short and whole replies, offices one can go to, honest citations,
search hits as two lines, and an empty search when the decrees do not cover the question."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge import ROLES, TOPICS, answer, render_answer, render_hit, search
from knowledge.answers import short_cite
from knowledge.docs import PROVINCES
from knowledge.store import get_kb
from knowledge.templates import deadline_text

# The national rules page the curated facts come from (a copy of shared/legal-context.md).
LEGAL_CONTEXT = Path(__file__).resolve().parents[2] / "knowledge" / "sources" / "legal-context.md"
COMBOS = [
    (topic, province, role, lang)
    for topic in TOPICS
    for province in (*PROVINCES, None)
    for role in (None, *ROLES)
    for lang in ("en", "vi")
]


def test_host_hears_the_12_hour_duty_how_to_declare_and_the_declare_command() -> None:
    ans = answer("temporary_residence", "Ha Nam", role="host")
    assert "12 hours" in ans.steps[0] and "24 hours" in ans.steps[0]
    assert ans.citations[ans.step_sources[0] or 0].article == "Điều 33"
    text = render_answer(ans)
    assert "/declare" in text and "NA17" in text
    assert ans.agencies[0].id == "commune_police"


def test_foreigner_hears_that_the_host_declares_and_what_to_hand_over() -> None:
    ans = answer("temporary_residence", "Ha Nam", role="foreigner")
    assert ans.steps[0].startswith("Your host declares") and "passport" in ans.steps[0]
    assert "private homes" in ans.steps[1]  # Law 47/2014 Art. 3: a private home is an accommodation too
    assert "/declare" not in render_answer(ans)
    vi = answer("temporary_residence", "Ha Nam", role="foreigner", lang="vi")
    assert "hộ chiếu" in vi.steps[0]


def test_without_a_role_the_answer_is_neutral_and_the_police_clause_comes_first() -> None:
    ans = answer("temporary_residence", "Hà Nam")
    assert not any(s.startswith(("Your", "Declare your")) for s in ans.steps)
    decree = [c for c in ans.citations if c.source == "decree"]
    assert (decree[0].article, decree[0].clause) == ("Điều 6", "khoản 7")  # the police, not the districts
    assert all(a.id != "district_pc" for a in ans.agencies)
    assert any("District People's Committees" in c and "72/2025/QH15" in c for c in ans.caveats)


def test_employer_hears_the_office_then_reporting_dates_from_the_decree() -> None:
    ans = answer("work_permit", "Hà Nội", role="employer", in_zone=False)
    assert ans.steps[0].startswith("Apply to Department of Home Affairs")
    cited = {c.unit_id for c in ans.citations if c.unit_id}
    dates = [deadline_text(d, "en") for u in get_kb().units if u["id"] in cited for d in u["deadlines"]]
    assert dates and any(date in step for step in ans.steps for date in dates)
    assert "every year before 15/12" in render_answer(ans)


@pytest.mark.parametrize(("topic", "province", "role", "lang"), COMBOS)
def test_rendered_answer_is_short_whole_and_names_real_offices(
    topic: str, province: str | None, role: str | None, lang: str
) -> None:
    ans = answer(topic, province, role=role, lang=lang)
    text = render_answer(ans, lang)
    assert len(text) <= 900 and "…" not in text
    lines = text.splitlines()
    assert lines[0] == ans.summary
    assert not any(
        re.match(r"^• *[—-]", line) or "— phụ trách" in line or "— handles" in line for line in lines
    )
    assert all(a.name.strip() for a in ans.agencies)
    kb = get_kb()
    assert not any(
        kb.agencies[a.id].get("abolished") or kb.agencies[a.id].get("generic") for a in ans.agencies
    )
    if ans.citations:
        assert any(line.startswith(("Source", "Nguồn")) for line in lines)
    if ans.caveats:
        assert any(line.startswith(("Note", "Lưu ý")) for line in lines)
    assert sum(line.startswith(("Source", "Nguồn")) for line in lines) <= 3


def test_renamed_department_shows_its_successor_on_the_office_line() -> None:
    # Bắc Ninh's plan (Mục III.1 ý 3) has DOLISA issue work permits; Hà Nam's decree only has it notify lists.
    text = render_answer(answer("work_permit", "Bắc Ninh", lang="vi"), "vi")
    assert "Cơ quan: Sở Lao động - Thương binh và Xã hội (nay là Sở Nội vụ)" in text


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_national_citations_name_only_numbers_legal_context_gives(lang: str) -> None:
    page = LEGAL_CONTEXT.read_text(encoding="utf-8")
    for fact in get_kb().national["facts"]:
        number = fact["citation"]["doc_number"]
        if number:
            assert re.fullmatch(r"\d+/\d{4}/[A-ZĐ0-9\-]+", number), number
            assert number in page
        else:
            assert fact["citation"]["doc_title_en"] and fact["citation"]["doc_title_vi"]
    ans = answer("temporary_residence", "Đà Nẵng", role="host", lang=lang)
    fields = next(c for c in ans.citations if c.doc_id == "national:tr_fields")
    assert fields.doc_number == "" and fields.article is None
    assert "public-service listing" in short_cite(fields, "en")
    reorg = next(c for c in answer("work_permit", "Hà Nam").citations if c.doc_id == "national:reorg_labour")
    assert "legal-context" not in short_cite(reorg) and "2025" in short_cite(reorg)


def test_verify_facts_keep_their_caveat() -> None:
    for fact in get_kb().national["facts"]:
        if fact["certainty"] == "verify":
            assert fact["caveat_en"] and "check" in fact["caveat_en"]
    ans = answer("criminal_record", "Lai Châu")
    assert any("Not confirmed" in c for c in ans.caveats)


def test_render_hit_is_a_short_quote_and_its_citation() -> None:
    hits = search("giấy phép lao động", lang="vi", province="Hà Nội")
    assert hits
    for hit in hits:
        quote, cite = render_hit(hit, "en").split("\n")
        assert quote.startswith("“") and quote.endswith("”") and len(quote) <= 200
        assert cite == "— " + short_cite(hit.citation) + (
            " (draft, not in force)" if hit.citation.status == "draft" else ""
        )
    draft = next(h for h in hits if h.citation.status == "draft")
    assert render_hit(draft, "vi").endswith("(dự thảo, chưa có hiệu lực)")
    ha_nam = [render_hit(h) for h in search("khai báo tạm trú", province="Hà Nam")]
    assert any(line.endswith("— QĐ 66/2024/QĐ-UBND, Điều 6, khoản 7") for line in ha_nam)


@pytest.mark.parametrize(
    ("query", "lang"),
    [
        ("what is the fine for not declaring a guest", "en"),
        ("phạt không khai báo tạm trú", "vi"),
        ("phat khong khai bao tam tru", "vi"),
    ],
)
def test_search_ranks_fines_and_declaration_clauses_first(query: str, lang: str) -> None:
    hits = search(query, lang=lang)
    assert hits
    top = hits[0].citation.quote_vi
    assert "xử phạt" in top or "khai báo tạm trú" in top
    assert all(h.topic in (None, "temporary_residence", "inspection") for h in hits[:3])


def test_search_with_and_without_diacritics_agree() -> None:
    with_marks = [h.citation.unit_id for h in search("khám sức khỏe", lang="vi")]
    without = [h.citation.unit_id for h in search("kham suc khoe", lang="vi")]
    assert with_marks and with_marks == without


@pytest.mark.parametrize(
    "query",
    [
        "how is the weather in Hanoi",
        "thoi tiet ha noi hom nay",
        "how to open a bank account",
        "người nước ngoài",
    ],
)
def test_search_returns_nothing_rather_than_noise(query: str) -> None:
    assert search(query) == []


def test_a_named_province_ranks_its_own_decrees_first() -> None:
    hits = search("khai báo tạm trú ở Hà Nội", lang="vi")
    assert hits[0].citation.doc_id.startswith("ha_noi")
