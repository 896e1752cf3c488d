"""Facets: each unit is tagged with the questions its text answers (rules, not lists of unit ids)."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.facets import FACETS
from tests.knowledge.units import unit_by_id

CONTRACT_FACETS = set(FACETS)  # the one facet list (knowledge/facets.py)


def _facets(kb: dict[str, Any], unit_id: str) -> list[str]:
    return list(unit_by_id(kb, unit_id)["facets"])


def test_facets_are_the_contract_names(kb: dict[str, Any]) -> None:
    used = {f for u in kb["units"] for f in u["facets"]}
    assert used == CONTRACT_FACETS  # every facet is used somewhere, and nothing else


@pytest.mark.parametrize(
    ("unit_id", "facet"),
    [
        ("nd_282_2025/qc/dieu-21/khoan-3/diem-e", "penalty"),
        ("nd_283_2026/qc/dieu-13/khoan-5/diem-a", "penalty"),
        ("bo_luat_lao_dong_45_2019/qc/dieu-155/_", "validity"),
        ("nd_219_2025/qc/dieu-21/khoan-1", "validity"),
        ("luat_47_2014_amended/qc/dieu-38/khoan-5", "validity"),
        ("nd_219_2025/qc/dieu-18/khoan-2", "documents"),
        ("luat_47_2014_amended/qc/dieu-37/khoan-1/diem-c", "documents"),
        ("nd_219_2025/qc/dieu-7/khoan-1", "exemption"),
        ("luat_47_2014_amended/qc/dieu-33/khoan-2", "deadline"),
        ("tt_53_2016/qc/dieu-5/khoan-1", "deadline"),
        ("nd_219_2025/qc/dieu-22/khoan-3", "processing_time"),
        ("luat_47_2014_amended/qc/dieu-37/khoan-2/diem-c", "processing_time"),
        ("tt_53_2016/qc/dieu-7/khoan-1", "forms"),
        ("nd_216_2026/qc/dieu-22/khoan-8", "fee"),
        ("luat_47_2014_amended/qc/dieu-10/khoan-1", "eligibility"),
        ("nd_216_2026/qc/dieu-22/khoan-1", "procedure"),
        ("nd_216_2026/qc/dieu-22/khoan-6/diem-b", "where"),
        ("luat_47_2014_amended/qc/dieu-33/khoan-1", "who"),
        # the route of a declaration: through the accommodation, presenting the passport
        ("luat_47_2014_amended/qc/dieu-33/khoan-1", "procedure"),
    ],
)
def test_known_clauses_answer_their_facet(kb: dict[str, Any], unit_id: str, facet: str) -> None:
    assert facet in _facets(kb, unit_id)


@pytest.mark.parametrize(
    ("unit_id", "facet"),
    [
        ("luat_47_2014_amended/qc/dieu-37/khoan-2/diem-c", "deadline"),  # the authority's 5 days: processing
        (
            "nd_283_2026/qc/dieu-13/khoan-5/diem-a",
            "exemption",
        ),  # names the exemption certificate, exempts no one
        ("ha_noi_draft_2025/qc/dieu-6/khoan-2", "penalty"),
        ("luat_47_2014_amended/qc/dieu-9/khoan-6", "deadline"),  # 'có thời hạn không quá 05 năm': validity
    ],
)
def test_clauses_do_not_answer_what_they_do_not_say(kb: dict[str, Any], unit_id: str, facet: str) -> None:
    assert facet not in _facets(kb, unit_id)
