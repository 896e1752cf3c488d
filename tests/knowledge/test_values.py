"""Values extracted at build time: traceable to the clause text, with the right numbers on the real decrees."""

from __future__ import annotations

import json
from typing import Any

import pytest
from spacy.language import Language

from knowledge.builder.build import SOURCES
from knowledge.builder.nlp import build_pipeline
from knowledge.builder.values import extract_values
from tests.knowledge.units import unit_by_id


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline(json.loads((SOURCES / "agencies.json").read_text(encoding="utf-8"))["agencies"])


def _of(unit: dict[str, Any], kind: str, key: str = "values") -> list[dict[str, Any]]:
    return [v for v in unit[key] if v["kind"] == kind]


def test_every_value_is_the_text_at_its_offsets(kb: dict[str, Any]) -> None:
    checked = 0
    for unit in kb["units"]:
        for value in unit["values"]:
            assert unit["text"][value["start"] : value["end"]] == value["text"], (unit["id"], value)
            checked += 1
        for value in unit["context_values"]:
            assert unit["context"][value["start"] : value["end"]] == value["text"], (unit["id"], value)
    assert checked > 800


@pytest.mark.parametrize(
    ("point_id", "low", "high", "count_min", "count_max"),
    [
        ("nd_282_2025/qc/dieu-21/khoan-3/diem-e", 3_000_000, 5_000_000, 1, 3),
        ("nd_282_2025/qc/dieu-21/khoan-5/diem-c", 10_000_000, 15_000_000, 4, 8),
        ("nd_282_2025/qc/dieu-21/khoan-6/diem-dd", 15_000_000, 20_000_000, 9, None),
    ],
)
def test_foreign_guest_declaration_fines_of_decree_282(
    kb: dict[str, Any], point_id: str, low: int, high: int, count_min: int, count_max: int | None
) -> None:
    point = unit_by_id(kb, point_id)
    assert point["text"].startswith("Cơ sở lưu trú không thực hiện việc khai báo tạm trú")
    [band] = _of(point, "money_range", "context_values")  # the fine sits in the clause's lead-in
    assert (band["norm"]["min_vnd"], band["norm"]["max_vnd"]) == (low, high)
    [count] = _of(point, "count")
    assert (count["norm"]["min"], count["norm"]["max"]) == (count_min, count_max)
    assert "penalty" in point["facets"] and point["status"] == "in_force"


@pytest.mark.parametrize(
    ("doc_id", "clause", "status"),
    [("nd_283_2026", "dieu-13/khoan-5", "in_force"), ("nd_12_2022", "dieu-32/khoan-4", "superseded")],
)
def test_work_permit_fines_for_employers(kb: dict[str, Any], doc_id: str, clause: str, status: str) -> None:
    expected = {
        "a": (30_000_000, 45_000_000, 1, 10),
        "b": (45_000_000, 60_000_000, 11, 20),
        "c": (60_000_000, 75_000_000, 21, None),
    }
    for letter, (low, high, count_min, count_max) in expected.items():
        point = unit_by_id(kb, f"{doc_id}/qc/{clause}/diem-{letter}")
        [band] = _of(point, "money_range")
        assert (band["norm"]["min_vnd"], band["norm"]["max_vnd"]) == (low, high)
        [count] = _of(point, "count")
        assert (count["norm"]["min"], count["norm"]["max"]) == (count_min, count_max)
        assert point["status"] == status


def test_worker_without_permit_fine_of_decree_283(kb: dict[str, Any]) -> None:
    clause = unit_by_id(kb, "nd_283_2026/qc/dieu-13/khoan-3")
    [band] = _of(clause, "money_range")
    assert (band["norm"]["min_vnd"], band["norm"]["max_vnd"]) == (15_000_000, 25_000_000)
    assert "người lao động nước ngoài" in clause["text"]


@pytest.mark.parametrize(
    ("unit_id", "kind", "norm"),
    [
        ("bo_luat_lao_dong_45_2019/qc/dieu-155/_", "duration", {"amount": 2, "unit": "year", "bound": "max"}),
        ("nd_219_2025/qc/dieu-21/khoan-1", "duration", {"amount": 2, "unit": "year", "bound": "max"}),
        (
            "luat_47_2014_amended/qc/dieu-38/khoan-5",
            "duration",
            {"amount": 2, "unit": "year", "bound": "max"},
        ),
        ("luat_47_2014_amended/qc/dieu-9/khoan-6", "duration", {"amount": 5, "unit": "year", "bound": "max"}),
        (
            "luat_47_2014_amended/qc/dieu-33/khoan-2",
            "time_limit",
            {"amount": 12, "unit": "hour", "hours": 12},
        ),
        ("tt_53_2016/qc/dieu-7/khoan-2", "time_limit", {"amount": 12, "unit": "hour"}),
        ("nd_219_2025/qc/dieu-22/khoan-3", "time_limit", {"amount": 10, "unit": "day", "working": True}),
        ("luat_47_2014_amended/qc/dieu-37/khoan-2/diem-c", "time_limit", {"amount": 5, "working": True}),
        ("luat_28_2009/qc/dieu-48/khoan-1", "time_limit", {"amount": 10, "unit": "day", "bound": "max"}),
        ("tt_53_2016/qc/dieu-7/khoan-1", "form", {"code": "NA17"}),
        # how long a paper stays usable: counted from its issue or up to the filing, a validity
        ("nd_219_2025/qc/dieu-18/khoan-2", "duration", {"amount": 12, "unit": "month", "bound": "max"}),
        ("nd_219_2025/qc/dieu-18/khoan-4", "duration", {"amount": 6, "unit": "month", "bound": "max"}),
        ("bo_luat_lao_dong_45_2019/qc/dieu-151/khoan-1/diem-a", "age", {"years": 18, "bound": "min"}),
    ],
)
def test_periods_forms_and_ages(kb: dict[str, Any], unit_id: str, kind: str, norm: dict[str, Any]) -> None:
    found = _of(unit_by_id(kb, unit_id), kind)
    assert any(all(v["norm"].get(k) == x for k, x in norm.items()) for v in found), found


def test_remote_area_limit_is_kept_too(kb: dict[str, Any]) -> None:
    limits = _of(unit_by_id(kb, "luat_47_2014_amended/qc/dieu-33/khoan-2"), "time_limit")
    assert [(v["norm"]["hours"], v["norm"].get("remote_areas", False)) for v in limits] == [
        (12, False),
        (24, True),
    ]


def test_extension_once_is_read_from_the_words_before(kb: dict[str, Any]) -> None:
    first, extension = _of(unit_by_id(kb, "bo_luat_lao_dong_45_2019/qc/dieu-155/_"), "duration")
    assert "extension" not in first["norm"]
    assert extension["norm"]["extension"] is True and extension["norm"]["once"] is True
    assert extension["norm"]["years"] == 2


def test_refusal_answer_time_is_marked(kb: dict[str, Any]) -> None:
    decided, refusal = _of(unit_by_id(kb, "nd_219_2025/qc/dieu-22/khoan-3"), "time_limit")
    assert decided["norm"]["days"] == 10 and "refusal" not in decided["norm"]
    assert refusal["norm"]["days"] == 3 and refusal["norm"]["refusal"] is True


def test_document_lists_become_document_values(kb: dict[str, Any]) -> None:
    names = [
        _of(unit_by_id(kb, f"luat_47_2014_amended/qc/dieu-37/khoan-1/diem-{p}"), "document")[0]["text"]
        for p in "abcd"
    ]
    assert names[1:3] == ["Tờ khai đề nghị cấp thẻ tạm trú có dán ảnh", "Hộ chiếu"]
    lead = unit_by_id(kb, "luat_47_2014_amended/qc/dieu-37/khoan-1")
    assert not _of(lead, "document")  # 'Hồ sơ đề nghị cấp thẻ tạm trú bao gồm:' announces the list
    health = _of(unit_by_id(kb, "nd_219_2025/qc/dieu-18/khoan-2"), "document")
    assert health and health[0]["text"].startswith("Giấy khám sức khỏe")
    # Art. 18 k6 is an item whose points are alternatives ('là một trong các giấy tờ sau:')
    [proof] = _of(unit_by_id(kb, "nd_219_2025/qc/dieu-18/khoan-6"), "document")
    assert proof["text"].startswith("Giấy tờ chứng minh hình thức làm việc") and "one_of" not in proof["norm"]
    [option] = _of(unit_by_id(kb, "nd_219_2025/qc/dieu-18/khoan-6/diem-a"), "document")
    assert option["norm"]["one_of"] is True


def test_parts_of_dates_are_not_periods(kb: dict[str, Any]) -> None:
    # '... Nghị định số 219/2025/NĐ-CP ngày 07 tháng 8 năm 2025 ...'
    unit = unit_by_id(kb, "nd_283_2026/qc/dieu-13/khoan-1/diem-a")
    assert "ngày 07 tháng 8 năm 2025" in unit["text"]
    assert not _of(unit, "duration") and not _of(unit, "time_limit")


@pytest.mark.parametrize(
    ("text", "kind", "norm"),
    [
        (
            "Phạt tiền từ 3.000.000 đồng đến 5.000.000 đồng đối với",
            "money_range",
            {"min_vnd": 3_000_000, "max_vnd": 5_000_000, "max_exclusive": False},
        ),
        (
            "có vốn góp giá trị từ 50 tỷ đồng đến dưới 100 tỷ đồng",
            "money_range",
            {"min_vnd": 50_000_000_000, "max_vnd": 100_000_000_000, "max_exclusive": True},
        ),
        ("tối đa không quá 75.000.000 đồng", "money", {"vnd": 75_000_000, "bound": "max"}),
        ("có thời hạn không quá 05 năm", "duration", {"amount": 5, "unit": "year", "bound": "max"}),
        ("trong thời hạn 12 giờ, đối với", "time_limit", {"hours": 12, "bound": "within"}),
        ("ít nhất 15 ngày trước khi hết hạn", "time_limit", {"days": 15, "bound": "min"}),
        ("từ 01 đến 03 người nước ngoài", "count", {"min": 1, "max": 3, "unit": "person"}),
        ("quá thời hạn từ 16 ngày đến dưới 30 ngày", "duration", {"min": 16, "max": 30, "unit": "day"}),
        ("con dưới 18 tuổi", "age", {"years": 18, "bound": "below"}),
        ("theo Mẫu số 03 Phụ lục", "form", {"code": "Mẫu số 03"}),
    ],
)
def test_value_rules(nlp: Language, text: str, kind: str, norm: dict[str, Any]) -> None:
    doc = nlp(text)
    values = [v for v in extract_values(doc, list(doc.ents)) if v["kind"] != "office"]
    assert len(values) == 1, values
    [value] = values
    assert value["kind"] == kind and text[value["start"] : value["end"]] == value["text"]
    assert {k: value["norm"].get(k) for k in norm} == norm


@pytest.mark.parametrize(
    "text",
    [
        "ngày 07 tháng 8 năm 2025",
        "Phối hợp tuyên truyền",
        "mốc số liệu ngày 10 tháng",
        "Định kỳ báo cáo 6 tháng (trước ngày 30/6)",  # a reporting cycle (builder.deadlines reads it)
        "tiếp nhận thông tin 24 giờ/07 ngày",  # opening hours
    ],
)
def test_no_values_where_there_are_none(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [v for v in extract_values(doc, list(doc.ents)) if v["kind"] != "office"] == []


def test_a_range_across_units_keeps_each_bound_in_itsunit_by_id(kb: dict[str, Any]) -> None:
    # Decree 282/2025 Art. 21 k8: 'từ 180 ngày đến dưới 01 năm' is 180 days to under 1 year, not 180 to 1 day;
    # 'không cấp đổi thẻ thường trú' in the act is no refusal to answer.
    [band] = _of(unit_by_id(kb, "nd_282_2025/qc/dieu-21/khoan-8"), "duration")
    assert band["norm"] == {"min": 180, "min_unit": "day", "max": 1, "max_unit": "year"}
    [days] = _of(unit_by_id(kb, "nd_282_2025/qc/dieu-21/khoan-4/diem-b"), "duration")
    assert days["norm"] == {"min": 16, "max": 30, "unit": "day"}
