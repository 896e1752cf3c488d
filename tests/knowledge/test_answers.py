"""Query side: answers with citations checked against the decree text, search, errors, import hygiene."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import knowledge
from knowledge import (
    ROLES,
    TOPICS,
    KnowledgeError,
    answer,
    render_answer,
    render_quote,
    search,
)
from knowledge.docs import PROVINCES, SAMPLES_PATH, render_samples, render_table
from knowledge.store import get_kb
from tests.tables import cases

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "knowledge" / "sources"


def _normalise(text: str) -> str:
    """What the decree says, without conversion noise: bookmark tags, markdown marks, line breaks."""
    text = re.sub(r"\[bookmark:[^\]]*\]", "", text)
    text = re.sub(r"[*#\\]", "", text)
    return " ".join(text.split())


SOURCE_TEXT = {
    meta.name.removesuffix(".meta.json"): _normalise(
        (SOURCES / meta.name.replace(".meta.json", ".txt")).read_text()
    )
    for meta in SOURCES.glob("*.meta.json")
}
DOC_FILE = {d: doc["file"].removesuffix(".txt") for d, doc in get_kb().documents.items()}


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("province", PROVINCES)
def test_every_decree_citation_quotes_the_decree(topic: str, province: str) -> None:
    ans = answer(topic, province)
    for citation in ans.citations:
        if citation.source == "decree":
            assert _normalise(citation.quote_vi) in SOURCE_TEXT[DOC_FILE[citation.doc_id]], citation
            assert citation.article and citation.doc_number
    assert ans.covered == any(c.source == "decree" for c in ans.citations)
    assert ans.to_dict()["topic"] == topic


def test_hanoi_work_permit_depends_on_the_zone() -> None:
    unknown = answer("work_permit", "Hà Nội")
    assert unknown.needs == ["in_zone"]
    inside = answer("work_permit", "Hanoi", in_zone=True)
    outside = answer("work_permit", "Ha Noi", in_zone=False)
    assert inside.needs == [] and outside.needs == []
    assert inside.agencies[0].id == "industrial_zones_board" and inside.agencies[0].condition
    assert outside.agencies[0].id == "home_affairs" and outside.agencies[0].condition
    assert any("DRAFT" in c for c in outside.caveats)
    assert any(c.clause == "khoản 1" and c.article == "Điều 5" for c in outside.citations)


def test_ha_nam_area_gets_the_decree_with_the_merger_caveat() -> None:
    ans = answer("temporary_residence", "Hà Nam", role="host")
    assert ans.covered and ans.area == "Hà Nam" and ans.province is not None
    assert ans.province.code == "ninh_binh"
    assert any(
        c.doc_number == "66/2024/QĐ-UBND" and c.article == "Điều 6" and c.clause == "khoản 7"
        for c in ans.citations
    )
    assert any("Ninh Bình" in c for c in ans.caveats)
    assert any(c.source == "national" and c.article == "Điều 33" for c in ans.citations)


@pytest.mark.parametrize(
    ("province", "number"), [("Ninh Bình", "66/2024"), ("Nam Định", "66/2024"), ("Bắc Giang", "1151")]
)
def test_same_unit_other_area_is_not_told_the_decree_applies(province: str, number: str) -> None:
    ans = answer("temporary_residence", province)
    assert not ans.covered
    assert not any(c.source == "decree" for c in ans.citations)
    assert any(number in c and "only" in c for c in ans.caveats)


def test_uncovered_province_gets_national_rules_and_contacts() -> None:
    ans = answer("temporary_residence", "Đà Nẵng", lang="vi")
    assert not ans.covered
    assert all(c.source == "national" for c in ans.citations) and ans.citations
    assert any("Chưa có văn bản" in c and "Công an" in c for c in ans.caveats)


def test_renamed_department_is_flagged() -> None:
    ans = answer("work_permit", "Bắc Ninh")  # Hà Nam: DOLISA only notifies (Art. 7 k2), issues nothing
    labour = [a for a in ans.agencies if a.id == "labour_dept"]
    assert labour and labour[0].successor_id == "home_affairs"
    assert any("Sở Nội vụ" in c for c in ans.caveats)


def test_render_answer_marks_sources_and_national_facts() -> None:
    ans = answer("temporary_residence", "Hà Nam", role="host")
    text = render_answer(ans, max_chars=5000)
    # The police clause coordinates: it is cited, never turned into "X is in charge of this".
    assert ("66/2024/QĐ-UBND", "Điều 6", "khoản 7") in [
        (c.doc_number, c.article, c.clause) for c in ans.citations
    ]
    assert "in charge of this" not in text
    assert "Source (national rule, curated): 47/2014/QH13, Điều 33" in text
    assert len(render_answer(answer("temporary_residence", "Hà Nam"), max_chars=300)) <= 302


def test_render_quote_shows_the_vietnamese_text() -> None:
    citation = next(c for c in answer("service_sellers", "Bắc Ninh").citations if c.source == "decree")
    quote = render_quote(citation)
    assert quote.startswith("QĐ 1151/QĐ-UBND, Mục III.11, ý 4:") and "ít nhất 07 ngày" in quote


@cases("query, lang, topic")
def test_search_finds_the_topic(query: str, lang: str, topic: str) -> None:
    hits = search(query, lang=lang)
    assert hits and any(h.topic == topic for h in hits[:3]), [(h.topic, h.citation.unit_id) for h in hits]
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_search_province_filter() -> None:
    hits = search("tạm trú", province="Lai Chau", limit=10)
    assert hits and {h.citation.doc_id for h in hits} == {"lai_chau_letter_2023"}


@pytest.mark.parametrize(("topic", "role"), [("tourism", None), ("work_permit", "tourist")])
def test_bad_input_raises_a_knowledge_error(topic: str, role: str | None) -> None:
    with pytest.raises(KnowledgeError, match="/"):
        answer(topic, "Hanoi", role=role)


def test_interface_constants() -> None:
    assert ROLES == ("foreigner", "host", "employer") and len(TOPICS) == 12
    assert knowledge.find_province_in_text("in Hanoi") is not None


def test_docs_table_is_current() -> None:
    assert (REPO / "docs" / "answers.md").read_text(encoding="utf-8") == render_table(), (
        "run `python -m knowledge docs`"
    )
    assert SAMPLES_PATH.read_text(encoding="utf-8") == render_samples(), "run `python -m knowledge docs`"


_QUERY_SIDE_CHECK = (
    "import sys, knowledge; "
    "a = knowledge.answer('work_permit', 'Hanoi'); knowledge.search('tam tru'); "
    "r = knowledge.ask('Mức phạt không khai báo tạm trú?', lang='ko'); knowledge.render_reply(r, 'ko'); "
    "assert r.covered and r.facet == 'penalty', r; "
    "third = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'numpy', 'pydantic', 'thinc')); "
    "assert not third, third; "
    "assert not any(m.startswith('knowledge.builder') for m in sys.modules); print(a.needs)"
)


def test_query_side_pulls_no_third_party_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _QUERY_SIDE_CHECK], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "in_zone" in result.stdout


def test_query_side_runs_on_python_310() -> None:
    python = REPO / ".venv-rasa" / "bin" / "python"
    if not python.exists():
        pytest.skip(f"{python} not found: the Rasa environment (Python 3.10) is not installed")
    result = subprocess.run(
        [str(python), "-c", _QUERY_SIDE_CHECK], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
