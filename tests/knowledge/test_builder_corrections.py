"""Issue #11 corrections on the build side, each checked against the decree or law text on file."""

from __future__ import annotations

from typing import Any

from tests.knowledge.units import unit_by_id, units_of
from tests.tables import cases


def test_bac_ninh_document_is_a_plan_implementing_a_party_directive(kb: dict[str, Any]) -> None:
    doc = kb["documents"]["bac_ninh_1151_2023"]
    assert doc["kind"] == "plan" and doc["based_on"] == ["09-CT/TW"]
    assert doc["title_vi"].startswith("Kế hoạch triển khai thực hiện Chỉ thị 09-CT/TW")
    decision = " ".join(u["text"] for u in units_of(kb, "bac_ninh_1151_2023") if u["part"] == "decision")
    assert "Kế hoạch" in decision and "Quy chế" not in decision


def test_ha_noi_draft_replaces_decision_22_2019_not_18_2017(kb: dict[str, Any]) -> None:
    doc = kb["documents"]["ha_noi_draft_2025"]
    assert doc["replaces"] == ["22/2019/QĐ-UBND"] and doc["status"] == "draft"
    [article_2] = [
        u for u in units_of(kb, "ha_noi_draft_2025") if u["part"] == "decision" and u["article"] == "Điều 2"
    ]
    assert "thay thế Quyết định số 22/2019/QĐ-UBND" in article_2["text"]
    assert "18/2017" not in article_2["text"]
    assert kb["documents"]["ha_noi_18_2017"]["replaced_by"] == []


@cases("unit_id, zone, agency")
def test_investment_and_work_permits_inside_and_outside_the_zones(
    kb: dict[str, Any], unit_id: str, zone: str, agency: str
) -> None:
    unit = unit_by_id(kb, unit_id)
    assert unit["zone_scope"] == zone and unit["responsible"] == agency


def test_paper_route_has_the_12_hour_limit_and_the_electronic_route_is_immediate(kb: dict[str, Any]) -> None:
    clause = unit_by_id(kb, "luat_47_2014_amended/qc/dieu-33/khoan-2")
    [twelve] = [v for v in clause["values"] if v["norm"].get("hours") == 12]
    sentence_start = clause["text"].rfind(".", 0, twelve["start"]) + 1
    assert (
        clause["text"][sentence_start:].lstrip().startswith("Trường hợp khai báo qua phiếu khai báo tạm trú")
    )
    online = unit_by_id(kb, "tt_53_2016/qc/dieu-5/khoan-1")
    assert "ngay khi người nước ngoài đến" in online["text"] and "deadline" in online["facets"]
    [at_once] = [v for v in online["values"] if v["kind"] == "time_limit"]  # no hour count online
    assert at_once["text"] == "ngay khi" and at_once["norm"]["immediately"] is True
    assert at_once["norm"]["route"] == "electronic" and "hours" not in at_once["norm"]
    assert twelve["norm"]["route"] == "paper"


def test_criminal_record_certificates_moved_to_the_police(kb: dict[str, Any]) -> None:
    justice = kb["agencies"]["justice"]
    [moved] = justice["functions_moved"]
    assert moved["to"] == "criminal_record_issuer" and moved["from"] == "2026-07-01"
    assert kb["documents"]["nd_216_2026"]["effective_from"] == moved["from"]
    # Law 107/2025/QH15 (not on file) replaced who issues it, how it is asked for and in what time (Law 28/2009
    # Art. 44-48: the Decree cites their amended wording, 'khoản 2 Điều 45', 'khoản 2 Điều 48'); the right to ask
    # (Art. 7), the two certificates (Art. 41-43) and the refusal (Art. 49, cited by the Decree) stay in force.
    law = kb["documents"]["luat_28_2009"]
    assert law["status"] == "in_force" and law["wording_before"] == {
        "from": "2026-07-01",
        "by": ["107/2025/QH15"],
    }
    status = {u["article"]: u["status"] for u in units_of(kb, "luat_28_2009")}
    assert {a for a, s in status.items() if s == "superseded"} == {f"Điều {n}" for n in range(44, 49)}
    assert status["Điều 7"] == status["Điều 43"] == status["Điều 49"] == "in_force"
    assert unit_by_id(kb, "luat_28_2009/qc/dieu-48/khoan-1")["effective_to"] == moved["from"]
    issuing = unit_by_id(kb, "nd_216_2026/qc/dieu-25/khoan-1")
    assert any(
        r["agency"] == "criminal_record_issuer" and r["role"] == "issues" for r in issuing["agency_roles"]
    )


def test_superseded_texts_are_never_in_force(kb: dict[str, Any]) -> None:
    for unit in kb["units"]:
        if unit["doc_id"] == "nd_12_2022":
            assert unit["status"] == "superseded"
    assert kb["documents"]["nd_12_2022"]["replaced_by"] == ["283/2026/NĐ-CP"]
    assert "144/2021/NĐ-CP" in kb["documents"]["nd_282_2025"]["replaces"]
