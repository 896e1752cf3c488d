"""National texts in kb.json: every article of the pack as clause units, no compiler notes, dated and superseded."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from knowledge.builder.build import SOURCES
from tests.knowledge.units import unit_at, units_of
from tests.tables import cases

NATIONAL = SOURCES / "national"
_ARTICLE = re.compile(r"^Điều (\d+)\.", re.MULTILINE)


def _articles_in_text(name: str) -> set[str]:
    return {f"Điều {n}" for n in _ARTICLE.findall((NATIONAL / name).read_text(encoding="utf-8"))}


@pytest.mark.parametrize(
    ("doc_id", "file"),
    [
        ("luat_47_2014", "luat-47-2014-nhap-canh-xuat-canh-qua-canh-cu-tru-nguoi-nuoc-ngoai.txt"),
        ("bo_luat_lao_dong_45_2019", "bo-luat-lao-dong-45-2019-dieu-150-157.txt"),
        ("nd_219_2025", "nd-219-2025-lao-dong-nuoc-ngoai.txt"),
        ("luat_28_2009", "luat-ly-lich-tu-phap-28-2009-trich.txt"),
        ("nd_216_2026", "nd-216-2026-ly-lich-tu-phap-trich.txt"),
        ("nd_282_2025", "nd-282-2025-xu-phat-an-ninh-trat-tu-trich.txt"),
        ("nd_283_2026", "nd-283-2026-xu-phat-lao-dong-trich.txt"),
        ("nd_12_2022", "nd-12-2022-xu-phat-lao-dong-trich.txt"),
        ("tt_53_2016", "tt-53-2016-tt-bca-khai-bao-tam-tru.txt"),
    ],
)
def test_every_article_of_the_pack_is_present(kb: dict[str, Any], doc_id: str, file: str) -> None:
    expected = _articles_in_text(file)
    assert expected, file
    units = units_of(kb, doc_id)
    assert {u["article"] for u in units} == expected
    assert all(u["source"] == "national" for u in units)


def test_quoted_amendments_become_the_articles_they_quote(kb: dict[str, Any]) -> None:
    articles = {u["article"] for u in units_of(kb, "luat_47_2014_amended")}
    assert articles == {f"Điều {n}" for n in (8, 9, 10, 12, 20, 31, 33, 34, 36, 37, 38)}
    assert unit_at(kb, "luat_47_2014_amended", "Điều 8", "khoản 7a")["text"].startswith("ĐT1 - Cấp cho")
    assert (
        unit_at(kb, "luat_47_2014_amended", "Điều 10", "khoản 1")["article_title"] == "Điều kiện cấp thị thực"
    )


@pytest.mark.parametrize(
    ("doc_id", "article", "clause", "point", "starts"),
    [
        ("luat_47_2014_amended", "Điều 33", "khoản 2", None, "Việc khai báo tạm trú cho người nước ngoài"),
        ("luat_47_2014_amended", "Điều 38", "khoản 5", None, "Thẻ tạm trú có ký hiệu LĐ1, LĐ2 và PV1"),
        ("nd_219_2025", "Điều 21", "khoản 1", None, "Thời hạn của giấy phép lao động"),
        ("nd_219_2025", "Điều 18", "khoản 2", None, "Giấy khám sức khỏe do cơ sở khám bệnh"),
        (
            "nd_282_2025",
            "Điều 21",
            "khoản 3",
            "điểm e",
            "Cơ sở lưu trú không thực hiện việc khai báo tạm trú",
        ),
        ("nd_283_2026", "Điều 13", "khoản 5", "điểm a", "Từ 30.000.000 đồng đến 45.000.000 đồng"),
        ("tt_53_2016", "Điều 5", "khoản 1", None, "Người khai báo tạm trú truy cập"),
        (
            "bo_luat_lao_dong_45_2019",
            "Điều 155",
            None,
            None,
            "Thời hạn của giấy phép lao động tối đa là 02 năm",
        ),
    ],
)
def test_known_clauses_have_their_numbers(
    kb: dict[str, Any], doc_id: str, article: str, clause: str | None, point: str | None, starts: str
) -> None:
    assert unit_at(kb, doc_id, article, clause, point)["text"].startswith(starts)


def test_compiler_notes_and_source_lines_are_never_text(kb: dict[str, Any]) -> None:
    national = [u for u in kb["units"] if u["source"] == "national"]
    assert len(national) > 600
    for unit in national:
        text = "\n".join((unit["text"], unit["article_title"], unit["context"]))
        assert "[" not in text and "]" not in text, unit["id"]
        assert "GHI CHÚ" not in text and "Ghi chú" not in text, unit["id"]
        assert "Nguồn trích" not in text and "Tệp nguồn" not in text, unit["id"]
        assert not re.search(r"\(Điều \d+ (Luật|Bộ luật|Thông tư) số", text), unit["id"]
        assert "\n...\n" not in f"\n{text}\n", unit["id"]


# Articles whose wording an amendment not on file replaced, while the rest of their text stays in force.
SUPERSEDED_ARTICLES = {"luat_28_2009": ("Điều 44", "Điều 45", "Điều 46", "Điều 47", "Điều 48")}


@pytest.mark.parametrize(
    ("doc_id", "status", "effective_from", "effective_to"),
    [
        ("nd_12_2022", "superseded", "2022-01-17", "2026-09-10"),
        ("nd_283_2026", "in_force", "2026-09-10", None),
        ("nd_282_2025", "in_force", "2025-12-15", None),
        ("nd_219_2025", "in_force", "2025-08-07", None),
        ("nd_216_2026", "in_force", "2026-07-01", None),
        ("luat_28_2009", "in_force", "2010-07-01", None),  # Art. 44-48 superseded: test_builder_corrections
        ("tt_53_2016", "in_force", "2017-02-15", None),
    ],
)
def test_documents_are_dated(
    kb: dict[str, Any], doc_id: str, status: str, effective_from: str, effective_to: str | None
) -> None:
    doc = kb["documents"][doc_id]
    assert (doc["status"], doc["effective_from"], doc["effective_to"]) == (
        status,
        effective_from,
        effective_to,
    )
    kept = [u for u in units_of(kb, doc_id) if u["article"] not in SUPERSEDED_ARTICLES.get(doc_id, ())]
    assert all(u["status"] == status and u["effective_to"] == effective_to for u in kept)
    for field in (
        "number",
        "title_vi",
        "kind",
        "replaces",
        "replaced_by",
        "completeness",
        "confidence",
        "provenance",
    ):
        assert field in doc


@cases("doc_id, article, clause, date")
def test_effective_dates_agree_with_the_text(
    kb: dict[str, Any], doc_id: str, article: str, clause: str, date: str
) -> None:
    unit = unit_at(kb, doc_id, article, clause)
    assert "hiệu lực" in unit["text"] and date in unit["text"]
    day, month, year = (int(x) for x in re.findall(r"\d+", date))
    assert kb["documents"][doc_id]["effective_from"] == f"{year:04d}-{month:02d}-{day:02d}"


@pytest.mark.parametrize(
    ("doc_id", "replaced"),
    [("nd_282_2025", "144/2021/NĐ-CP"), ("nd_283_2026", "12/2022/NĐ-CP"), ("nd_216_2026", "111/2010/NĐ-CP")],
)
def test_replacements_are_what_the_text_says(kb: dict[str, Any], doc_id: str, replaced: str) -> None:
    doc = kb["documents"][doc_id]
    assert doc["replaces"] == [replaced]
    [(article, clause)] = doc["replaces_basis"]
    assert replaced.split("/NĐ")[0] in unit_at(kb, doc_id, article, clause)["text"]
    assert "283/2026/NĐ-CP" in kb["documents"]["nd_12_2022"]["replaced_by"]


def test_amended_articles_of_the_2014_wording_are_superseded(kb: dict[str, Any]) -> None:
    flagged = {"Điều 3", "Điều 7", "Điều 8", "Điều 9", "Điều 10", "Điều 12", "Điều 20", "Điều 27"}
    flagged |= {"Điều 31", "Điều 33", "Điều 34", "Điều 36", "Điều 37", "Điều 38"}
    for unit in units_of(kb, "luat_47_2014"):
        assert (unit["status"] == "superseded") == (unit["article"] in flagged), unit["id"]
    old_33 = unit_at(kb, "luat_47_2014", "Điều 33", "khoản 2")
    assert old_33["superseded_by"] and all(
        i.startswith("luat_47_2014_amended/qc/dieu-33/") for i in old_33["superseded_by"]
    )
    assert unit_at(kb, "luat_47_2014", "Điều 3", "khoản 1")["superseded_by"] == []  # amended text not on file
    assert unit_at(kb, "luat_47_2014", "Điều 35", "khoản 1")["status"] == "in_force"


def test_national_sources_keep_their_provenance() -> None:
    for meta in NATIONAL.glob("*.meta.json"):
        shared = Path("/work/shared/national") / meta.name
        if shared.exists():
            assert meta.read_bytes() == shared.read_bytes(), meta.name
        text = NATIONAL / meta.name.replace(".meta.json", ".txt")
        assert text.exists()


def test_curated_national_quotes_are_in_force_clause_text(kb: dict[str, Any]) -> None:
    """A curated fact that quotes a national text quotes wording that is in force, in the article it cites."""
    numbers = {d["number"]: doc_id for doc_id, d in kb["documents"].items() if d["source"] == "national"}
    checked = 0
    for fact in kb["national"]["facts"]:
        citation = fact["citation"]
        if not citation["quote_vi"] or citation["doc_number"] not in numbers:
            continue
        holders = [
            u
            for u in kb["units"]
            if kb["documents"][u["doc_id"]]["number"] == citation["doc_number"]
            and u["article"] == citation["article"]
            and citation["quote_vi"] in u["text"]
        ]
        assert any(u["status"] == "in_force" for u in holders), fact["id"]
        checked += 1
    assert checked >= 2


def _clauses(kb: dict[str, Any], doc_id: str, article: str) -> set[str | None]:
    return {u["clause"] for u in units_of(kb, doc_id) if u["article"] == article}


def test_a_page_of_the_amending_law_gives_the_new_wording_only(kb: dict[str, Any]) -> None:
    """Công báo page of Law 51/2019: its instructions ('d) Sửa đổi, bổ sung khoản 8 như sau:') and quotation marks
    frame the new wording of Art. 8 and are not text."""
    assert {u["article"] for u in units_of(kb, "luat_51_2019_cong_bao")} == {"Điều 8"}
    assert _clauses(kb, "luat_51_2019_cong_bao", "Điều 8") == {
        f"khoản {n}" for n in ("7b", "7c", "7d", "8", "8a", "16")
    }
    dn1 = unit_at(kb, "luat_51_2019_cong_bao", "Điều 8", "khoản 8")
    assert dn1["text"].startswith("DN1 - Cấp cho người nước ngoài làm việc với doanh nghiệp")
    assert dn1["article_title"] == "Ký hiệu thị thực"
    for unit in units_of(kb, "luat_51_2019_cong_bao"):
        assert not re.search(r"[“”]|Sửa đổi, bổ sung|như sau:", unit["text"]), unit["id"]
    # the same clause quoted by the secondary source reads the same
    for clause in ("khoản 7b", "khoản 7c", "khoản 7d"):
        secondary = unit_at(kb, "luat_47_2014_amended", "Điều 8", clause)["text"]
        assert secondary == unit_at(kb, "luat_51_2019_cong_bao", "Điều 8", clause)["text"], clause


def test_more_quoted_amendments_fill_the_articles_without_repeating_clauses(kb: dict[str, Any]) -> None:
    more = "luat_47_2014_amended_more"
    assert {u["article"] for u in units_of(kb, more)} == {f"Điều {n}" for n in ("7", "9", "10", "11", "16a")}
    assert unit_at(kb, more, "Điều 9", "khoản 2")["text"].startswith("Thị thực ký hiệu HN, DL, EV")
    assert "90 ngày" in unit_at(kb, more, "Điều 9", "khoản 2")["text"]
    e_visa = unit_at(kb, more, "Điều 16a", None)
    assert "03 ngày làm việc" in e_visa["text"] and e_visa["article_title"] == ""
    # Art. 9: clause numbers given by list order fit between the ones the numbered quote gives, none twice
    quoted, listed = _clauses(kb, "luat_47_2014_amended", "Điều 9"), _clauses(kb, more, "Điều 9")
    assert not quoted & listed
    assert quoted | listed == {f"khoản {n}" for n in ("1", "2", "3", "4", "5", "5a", "6", "7", "8", "9")}
    # Art. 7 clause 3 (e-visa entries) was amended again in 2023 and its wording is not on file: not quoted
    assert "khoản 3" not in _clauses(kb, more, "Điều 7")
    # Art. 11 is not amended but supplemented: the 2014 clauses stay in force beside the added clause 5
    assert unit_at(kb, "luat_47_2014", "Điều 11", "khoản 1")["status"] == "in_force"
    assert unit_at(kb, more, "Điều 11", "khoản 5")["status"] == "in_force"


@pytest.mark.parametrize(
    ("doc_id", "article", "clause", "effective_from"),
    [
        ("luat_47_2014_amended", "Điều 38", "khoản 2", "2020-07-01"),  # cites 'sửa đổi 2019'
        ("luat_47_2014_amended", "Điều 33", "khoản 2", "2023-08-15"),  # cites the 2023 law
        ("luat_47_2014_amended", "Điều 9", "khoản 4", "2023-08-15"),  # cites both: the later one
        ("luat_47_2014_amended_more", "Điều 9", "khoản 2", "2023-08-15"),
        ("luat_47_2014_amended_more", "Điều 16a", None, "2020-07-01"),
        ("luat_51_2019_cong_bao", "Điều 8", "khoản 16", "2020-07-01"),  # cites 51/2019/QH14 by number
    ],
)
def test_amended_wording_is_dated_by_the_laws_its_quote_cites(
    kb: dict[str, Any], doc_id: str, article: str, clause: str | None, effective_from: str
) -> None:
    unit = unit_at(kb, doc_id, article, clause)
    assert (unit["status"], unit["effective_from"], unit["effective_to"]) == (
        "in_force",
        effective_from,
        None,
    )


@pytest.mark.parametrize(
    ("article", "clause", "effective_to", "quoted_in"),
    [
        ("Điều 8", "khoản 16", "2020-07-01", {"luat_47_2014_amended", "luat_51_2019_cong_bao"}),
        ("Điều 9", "khoản 5", "2020-07-01", {"luat_47_2014_amended", "luat_47_2014_amended_more"}),
        ("Điều 7", "khoản 3", "2020-07-01", {"luat_47_2014_amended_more"}),
        ("Điều 33", "khoản 2", "2023-08-15", {"luat_47_2014_amended"}),
        ("Điều 3", "khoản 1", None, set()),  # amended, but no quote of it on file: the end date is unknown
    ],
)
def test_the_2014_wording_ends_when_the_first_amendment_applies(
    kb: dict[str, Any], article: str, clause: str, effective_to: str | None, quoted_in: set[str]
) -> None:
    old = unit_at(kb, "luat_47_2014", article, clause)
    assert (old["status"], old["effective_to"]) == ("superseded", effective_to)
    assert {i.split("/")[0] for i in old["superseded_by"]} == quoted_in
    units = {u["id"]: u for u in kb["units"]}
    assert all(
        units[i]["article"] == article and units[i]["status"] == "in_force" for i in old["superseded_by"]
    )


def test_every_amending_law_of_the_index_is_cited_by_a_quote(kb: dict[str, Any]) -> None:
    index = json.loads((NATIONAL / "index.json").read_text(encoding="utf-8"))
    notes = {
        u["status_note"] for u in kb["units"] if u["doc_id"].startswith(("luat_47_2014_", "luat_51_2019"))
    }
    for law in index["amending_laws"]:
        assert any(note and law["number"] in note for note in notes), law["number"]
