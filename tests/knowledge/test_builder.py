"""Builder: per-seed structure, numbering quirks, deadline and agency rules, artifact freshness."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.builder.build import DATA, SOURCES, build, dump
from knowledge.builder.clean import clean_lines, strip_markup
from knowledge.builder.deadlines import parse_deadlines
from tests.knowledge.units import unit_at, units_of


def test_committed_artifact_is_what_the_builder_produces(
    built: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    kb, report = built
    assert (DATA / "kb.json").read_text(encoding="utf-8") == dump(kb), "run `python -m knowledge build`"
    assert (DATA / "build_report.json").read_text(encoding="utf-8") == dump(report)


def test_build_is_deterministic_in_a_temp_copy(
    tmp_path: Path, built: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    for path in SOURCES.rglob("*"):
        if path.is_file():
            target = tmp_path / path.relative_to(SOURCES)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    kb, _ = build(tmp_path, progress=lambda _line: None)
    assert dump(kb) == dump(built[0])


@pytest.mark.parametrize(
    ("doc_id", "articles"),
    [
        ("ha_nam_66_2024", [f"Điều {n}" for n in range(1, 22)]),
        ("ha_noi_18_2017", [f"Điều {n}" for n in range(1, 14)]),
        ("ha_noi_draft_2025", [f"Điều {n}" for n in range(1, 22)]),
    ],
)
def test_regulations_have_every_article(
    built: tuple[dict[str, Any], dict[str, Any]], doc_id: str, articles: list[str]
) -> None:
    found = {u["article"] for u in units_of(built[0], doc_id) if u["part"] == "body"}
    assert found == set(articles)


def test_ha_nam_known_clause_and_bookmarks_removed(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    unit = unit_at(built[0], "ha_nam_66_2024", "Điều 6", "khoản 7", part="body")
    assert "Thông tư số 53/2016/TT-BCA" in unit["text"]
    assert unit["responsible"] == "provincial_police"
    assert "temporary_residence" in unit["topics"]
    assert not any("[bookmark" in u["text"] for u in built[0]["units"])


def test_ha_noi_2017_points_and_lead_in(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    unit = unit_at(built[0], "ha_noi_18_2017", "Điều 8", "khoản 1", "điểm c", part="body")
    assert unit["text"].startswith("Thực hiện công tác quản lý khai báo tạm trú")
    assert (
        unit["responsible"] == "provincial_police"
    )  # from the lead-in "1. Công an Thành phố có trách nhiệm:"
    point_dd = unit_at(built[0], "ha_noi_18_2017", "Điều 8", "khoản 1", "điểm đ", part="body")
    assert "- Cung cấp cho Sở Du lịch" in point_dd["text"]  # dash lines stay with their point


def test_draft_has_two_clauses_numbered_2_in_article_5(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    twos = [
        u
        for u in units_of(built[0], "ha_noi_draft_2025")
        if u["article"] == "Điều 5" and u["clause"] == "khoản 2"
    ]
    assert [u["duplicate_number"] for u in twos] == [False, True]
    assert twos[1]["text"].startswith("Nhận thông báo của người sử dụng lao động")
    assert twos[0]["id"] != twos[1]["id"]


def test_draft_zone_scopes_and_blank_dates(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    kb = built[0]
    assert unit_at(kb, "ha_noi_draft_2025", "Điều 5", "khoản 1", part="body")["zone_scope"] == "outside"
    assert unit_at(kb, "ha_noi_draft_2025", "Điều 6", "khoản 1", part="body")["zone_scope"] == "inside"
    doc = kb["documents"]["ha_noi_draft_2025"]
    assert doc["status"] == "draft" and doc["in_force"] is None and doc["number_known"] is False
    decision = [
        u for u in units_of(kb, "ha_noi_draft_2025") if u["part"] == "decision" and u["article"] == "Điều 2"
    ]
    assert "từ ngày tháng năm 2025" in decision[0]["text"]  # the blank stays blank, nothing invented


def test_lai_chau_hard_wraps_are_joined(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    units = units_of(built[0], "lai_chau_letter_2023")
    police = [u for u in units if u["article"] == "Mục 1"]
    assert len(police) == 3 and all(u["responsible"] == "provincial_police" for u in police)
    assert "khai báo tạm trú cho người nước ngoài qua trang thông tin điện tử" in police[1]["text"]
    assert any(r["number"] == "09/2019/QĐ-UBND" for u in units for r in u["legal_refs"])


def test_bac_ninh_sections_bullets_and_star_item(built: tuple[dict[str, Any], dict[str, Any]]) -> None:
    units = units_of(built[0], "bac_ninh_1151_2023")
    sellers = next(u for u in units if u["article"] == "Mục III.11" and u["clause"] == "ý 4")
    first = sellers["deadlines"][0]
    assert {k: first[k] for k in ("kind", "days", "text")} == {
        "kind": "at_least_days",
        "days": 7,
        "text": "ít nhất 07 ngày",
    }
    # The date sits in the service-seller sentence, so it is not read as a work-permit date.
    assert first["topics"] == ["service_sellers"] and "chào bán dịch vụ" in first["segment"]
    assert sellers["responsible"] == "industry_trade"
    assert any(u["article"] == "Mục III.*" for u in units)  # '\\* Đề nghị Liên đoàn Lao động tỉnh'
    bullet = next(u for u in units if u["article"] == "Mục II.5" and u["clause"] == "ý 2")
    assert "Văn phòng UBND tỉnh; Lao động - Thương binh" in bullet["text"]  # joined across the page break
    assert not any("**" in u["text"] or "#" in u["text"] for u in units)


def test_deadline_phrase_is_the_whole_matched_span() -> None:
    [deadline] = parse_deadlines("Tổng hợp báo cáo định kỳ trước ngày 15/12 hàng năm, đột xuất")
    assert deadline["text"] == "trước ngày 15/12 hàng năm"  # the Matcher keeps 'hàng năm' with the date
    assert [d["text"] for d in parse_deadlines("Định kỳ hằng tháng gửi")] == ["Định kỳ hằng tháng"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Định kỳ trước ngày 25 hàng tháng, thông báo", [{"kind": "monthly_before_day", "day": 25}]),
        (
            "mốc số liệu từ ngày 11 tháng trước đến ngày 10 tháng tiếp theo",
            [{"kind": "window", "from_day": 11, "to_day": 10}],
        ),
        (
            "mốc số liệu từ ngày 16 tháng trước đến ngày 15 tháng tiếp theo",
            [{"kind": "window", "from_day": 16, "to_day": 15}],
        ),
        ("báo cáo định kỳ trước ngày 15/12 hàng năm", [{"kind": "yearly_before", "day": 15, "month": 12}]),
        ("trước ít nhất 07 ngày khi người nước ngoài đến", [{"kind": "at_least_days", "days": 7}]),
        (
            "Định kỳ trước ngày 30/6 và 31/12 hằng năm",
            [
                {"kind": "yearly_before", "day": 30, "month": 6},
                {"kind": "yearly_before", "day": 31, "month": 12},
            ],
        ),
        ("Định kỳ trước ngày 25 tháng cuối quý", [{"kind": "quarterly_before_day", "day": 25}]),
        ("Định kỳ ngày 25 tháng cuối quý", [{"kind": "quarterly_on_day", "day": 25}]),
        ("Định kỳ ngày 20 hằng tháng", [{"kind": "monthly_on_day", "day": 20}]),
        ("Định kỳ hằng tháng gửi danh sách", [{"kind": "monthly"}]),
        ("Định kỳ hằng quý, thông tin", [{"kind": "quarterly"}]),
        ("trong thời hạn 12 giờ", [{"kind": "within_hours", "hours": 12}]),
        ("Hằng năm báo cáo UBND Thành phố", [{"kind": "yearly"}]),
        ("Định kỳ 6 tháng, hằng năm tổng hợp", [{"kind": "every_months", "months": 6}, {"kind": "yearly"}]),
        ("Ngay sau khi cấp giấy phép", [{"kind": "immediately_after"}]),
        ("Phối hợp tuyên truyền", []),
    ],
)
def test_deadline_rules(text: str, expected: list[dict[str, Any]]) -> None:
    got = [{k: v for k, v in d.items() if k != "text"} for d in parse_deadlines(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("doc_id", "article", "clause", "point", "agency"),
    [
        ("ha_nam_66_2024", "Điều 7", "khoản 2", None, "labour_dept"),
        ("ha_nam_66_2024", "Điều 13", "khoản 4", None, "justice"),
        ("ha_nam_66_2024", "Điều 16", "khoản 1", None, "health"),
        ("ha_noi_18_2017", "Điều 8", "khoản 2", "điểm a", "planning_investment"),
        ("ha_noi_18_2017", "Điều 8", "khoản 2", "điểm g", "tax"),
        ("ha_noi_draft_2025", "Điều 5", "khoản 8", None, "home_affairs"),
        ("ha_noi_draft_2025", "Điều 6", "khoản 1", None, "industrial_zones_board"),
        ("ha_noi_draft_2025", "Điều 17", "đoạn 1", None, "science_technology"),
        ("bac_ninh_1151_2023", "Mục III.7", "ý 1", None, "social_insurance"),
    ],
)
def test_responsible_agency_rules(
    built: tuple[dict[str, Any], dict[str, Any]],
    doc_id: str,
    article: str,
    clause: str,
    point: str | None,
    agency: str,
) -> None:
    if clause.startswith("đoạn"):
        units = [u for u in units_of(built[0], doc_id) if u["article"] == article]
        assert units and units[0]["responsible"] == agency
        return
    assert unit_at(built[0], doc_id, article, clause, point, part="body")["responsible"] == agency


def test_successors_from_the_2025_reorganisation() -> None:
    agencies = {a["id"]: a for a in json.loads((SOURCES / "agencies.json").read_text())["agencies"]}
    assert agencies["labour_dept"]["successor"] == "home_affairs"
    assert agencies["planning_investment"]["successor"] == "finance"
    assert agencies["information_communications"]["successor"] == "science_technology"


@pytest.mark.parametrize(
    ("raw", "text", "heading"),
    [
        ("[bookmark: dieu_6]Điều 6. Công an tỉnh", "Điều 6. Công an tỉnh", False),
        ("### **1. Sở Lao động - Thương binh và Xã hội**", "1. Sở Lao động - Thương binh và Xã hội", True),
        ("**Điều 1.** Ban hành", "Điều 1. Ban hành", False),
    ],
)
def test_markup_is_stripped(raw: str, text: str, heading: bool) -> None:
    assert strip_markup(raw) == (text, heading)


def test_hard_wrapped_lines_join() -> None:
    lines = clean_lines(
        "hiệu quả công tác quản lý nhà nước về an \n\nninh, đảm bảo.\n\n1. Công an tỉnh\n\nChủ động."
    )
    assert [ln.text for ln in lines] == [
        "hiệu quả công tác quản lý nhà nước về an ninh, đảm bảo.",
        "1. Công an tỉnh",
        "Chủ động.",
    ]
