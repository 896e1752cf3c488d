"""Provinces through the shared `knowledge.provinces` module (the 34 units since 1 July 2025)."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.provinces import province_by_code, resolve_area


@dataclass(frozen=True)
class ResolvedProvince:
    code: str
    name_vi: str
    former: str | None  # the old province name the caller used, when it was merged under another name


def resolve(text: str) -> ResolvedProvince | None:
    hit = resolve_area(text)
    if hit is None:
        return None
    province, former = hit
    return ResolvedProvince(code=province.code, name_vi=province.name_vi, former=former)


def province_name(code: str) -> str:
    province = province_by_code(code)
    return province.name_vi if province else code
