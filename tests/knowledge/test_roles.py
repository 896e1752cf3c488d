"""Agency roles come from the clause's verbs; coordination clauses never make an agency lead, receive or decide."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from knowledge.builder.build import SOURCES
from knowledge.builder.patterns import OBJECT_MARKERS, ROLE_VERBS
from tests.knowledge.units import unit_by_id
from tests.tables import cases

DECISIVE = {"leads", "receives", "decides", "issues"}


def _roles(unit: dict[str, Any], agency: str) -> set[str]:
    return {r["role"] for r in unit["agency_roles"] if r["agency"] == agency}


def _has_word(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text.lower()) is not None


def test_every_role_is_justified_by_a_word_of_its_clause(kb: dict[str, Any]) -> None:
    words: dict[str, set[str]] = {}
    for phrase, role in ROLE_VERBS:
        words.setdefault(role, set()).add(phrase)
    for phrase, role, _needs in OBJECT_MARKERS:
        words.setdefault(role, set()).add(phrase)
    checked = 0
    for unit in kb["units"]:
        for role in unit["agency_roles"]:
            heading = {"text": unit["text"], "context": unit["context"], "title": unit["article_title"]}
            assert heading[role["where"]][role["start"] :].startswith(role["text"]), (unit["id"], role)
            if role["role"] == "other":
                continue
            assert role["verb"] in words[role["role"]], (unit["id"], role)
            assert _has_word(unit["text"], role["verb"]), (unit["id"], role)
            checked += 1
    assert checked > 300


def test_a_decisive_role_needs_a_decisive_word(kb: dict[str, Any]) -> None:
    """No leads / receives / decides / issues out of 'phối hợp', 'hướng dẫn', 'cung cấp thông tin', 'báo cáo'."""
    weak = {p for p, role in ROLE_VERBS if role not in DECISIVE}
    for unit in kb["units"]:
        for role in unit["agency_roles"]:
            if role["role"] in DECISIVE:
                assert role["verb"] not in weak, (unit["id"], role)


@cases("unit_id, agency, expected")
def test_coordination_clauses_hold_their_role(
    kb: dict[str, Any], unit_id: str, agency: str, expected: str
) -> None:
    roles = _roles(unit_by_id(kb, unit_id), agency)
    assert expected in roles and not roles & DECISIVE, roles


@cases("unit_id, agency, role")
def test_clauses_that_give_an_office_the_file(
    kb: dict[str, Any], unit_id: str, agency: str, role: str
) -> None:
    assert role in _roles(unit_by_id(kb, unit_id), agency)


def test_bac_ninh_sellers_do_not_report_to_industry_and_trade(kb: dict[str, Any]) -> None:
    unit = unit_by_id(kb, "bac_ninh_1151_2023/qc/muc-iii-11/y-4")
    notified = {r["agency"] for r in unit["agency_roles"] if r["role"] == "is_reported_to"}
    assert "labour_dept" in notified and "industry_trade" not in notified
    agencies = {a["id"]: a for a in json.loads((SOURCES / "agencies.json").read_text())["agencies"]}
    assert agencies["labour_dept"]["successor"] == "home_affairs"  # now Sở Nội vụ


def test_successors_not_on_file_are_said_so() -> None:
    agencies = {a["id"]: a for a in json.loads((SOURCES / "agencies.json").read_text())["agencies"]}
    for agency_id in ("foreign_affairs", "transport", "tax", "statistics", "department_inspectorate"):
        agency = agencies[agency_id]
        assert agency["successor"] is None and agency["successor_status"] == "not_on_file"
        assert "not stated in any source on file" in agency["successor_basis"]
    ministry = agencies["ministry_labour"]
    assert ministry["successor"] == "ministry_home_affairs" and "219/2025" in ministry["successor_basis"]


def test_ministry_successor_basis_is_in_the_text(kb: dict[str, Any]) -> None:
    unit = unit_by_id(kb, "nd_219_2025/qc/dieu-36/khoan-1")
    assert unit["text"].startswith("Trách nhiệm của Bộ Nội vụ")
    assert "quản lý nhà nước về tuyển dụng, quản lý người lao động nước ngoài" in " ".join(
        u["text"] for u in kb["units"] if u["id"].startswith("nd_219_2025/qc/dieu-36/khoan-1")
    )


@pytest.mark.parametrize(
    ("unit_id", "agency", "not_roles"),
    [
        # '... Thông tư số 53/2016/TT-BCA ... của Bộ trưởng Bộ Công an quy định cách thức ... tiếp nhận': an author
        ("ha_nam_66_2024/qc/dieu-6/khoan-7", "ministry_public_security", {"receives"}),
        ("ha_nam_66_2024/qc/dieu-6/khoan-7", "provincial_police", {"receives"}),  # nor the heading
        ("bac_ninh_1151_2023/qc/muc-iii-1/y-9", "ministry_labour", {"guides"}),
        # 'Bộ trưởng Bộ Công an quy định biểu mẫu về ... Giấy tiếp nhận hồ sơ và hẹn trả kết quả': form names
        ("nd_216_2026/qc/dieu-23/khoan-3", "ministry_public_security", {"receives", "decides", "issues"}),
        # 'Trao đổi ... danh sách các cơ sở khám bệnh ..., cấp giấy khám sức khỏe': the clinics issue
        ("ha_nam_66_2024/qc/dieu-16/khoan-2", "health", {"issues"}),
        ("ha_nam_66_2024/qc/dieu-11/khoan-3", "education", {"issues"}),
        # a list continued after ';' ('danh sách ...; cấp, cấp lại ... giấy phép lao động tới Công an tỉnh')
        ("ha_nam_66_2024/qc/dieu-7/khoan-2", "labour_dept", {"issues"}),
        # 'chỉ đạo các cơ sở khám, chữa bệnh ..., cấp giấy chứng nhận sức khỏe': the clinics issue
        ("bac_ninh_1151_2023/qc/muc-iii-10/y-2", "health", {"issues"}),
    ],
)
def test_an_author_a_rule_maker_or_a_list_does_not_act(
    kb: dict[str, Any], unit_id: str, agency: str, not_roles: set[str]
) -> None:
    assert not (_roles(unit_by_id(kb, unit_id), agency) & not_roles)


def test_a_list_sent_is_still_sent(kb: dict[str, Any]) -> None:
    # '... danh sách các dự án ... gửi về Sở Lao động': the board sends it (a list's non-decisive verb stays).
    assert "reports_to" in _roles(
        unit_by_id(kb, "bac_ninh_1151_2023/qc/muc-iii-13/y-5"), "industrial_zones_board"
    )
