"""Clause units of a built knowledge base (kb.json's shape), found the way the builder's tests name them."""

from __future__ import annotations

from typing import Any


def units_of(kb: dict[str, Any], doc_id: str) -> list[dict[str, Any]]:
    return [u for u in kb["units"] if u["doc_id"] == doc_id]


def unit_by_id(kb: dict[str, Any], unit_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [u for u in kb["units"] if u["id"] == unit_id]
    assert len(found) == 1, unit_id
    return found[0]


def unit_at(
    kb: dict[str, Any],
    doc_id: str,
    article: str,
    clause: str | None,
    point: str | None = None,
    part: str | None = None,
) -> dict[str, Any]:
    """The one unit at this article, clause and point ('Điều 6', 'khoản 7', None), in `part` when given
    ('body': not the decision that promulgates the regulation)."""
    found = [
        u
        for u in units_of(kb, doc_id)
        if u["article"] == article
        and u["clause"] == clause
        and u["point"] == point
        and part in (None, u["part"])
    ]
    assert len(found) == 1, (doc_id, article, clause, point, len(found))
    return found[0]
