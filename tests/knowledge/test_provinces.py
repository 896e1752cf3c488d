"""Province names in every common spelling resolve to the 34 units of Resolution 202/2025/QH15."""

from __future__ import annotations

import pytest

from knowledge.provinces import (
    all_provinces,
    find_province_in_text,
    province_by_code,
    resolve_area,
    resolve_province,
)
from knowledge.text import fold
from tests.tables import cases


def test_there_are_34_units_with_unique_codes_and_names() -> None:
    provinces = all_provinces()
    assert len(provinces) == 34
    assert len({p.code for p in provinces}) == 34
    assert len({fold(p.name_vi) for p in provinces}) == 34
    assert sum(1 for p in provinces if not p.former) == 10  # Huế was renamed: its old name is "former"


def test_every_old_province_belongs_to_exactly_one_unit() -> None:
    owners: dict[str, str] = {}
    for province in all_provinces():
        for old in province.former:
            assert old not in owners, old
            owners[old] = province.code
    assert len(owners) == 30  # 63 old provinces - 34 units kept their name = 29, plus Thừa Thiên Huế renamed


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hà Nội", "ha_noi"),
        ("ha noi", "ha_noi"),
        ("Hanoi", "ha_noi"),
        ("HANOI", "ha_noi"),
        ("HN", "ha_noi"),
        ("thành phố Hà Nội", "ha_noi"),
        ("TP Hà Nội", "ha_noi"),
        ("city of Hanoi", "ha_noi"),
        ("Hanoi city", "ha_noi"),
        ("HCMC", "ho_chi_minh"),
        ("Saigon", "ho_chi_minh"),
        ("Sài Gòn", "ho_chi_minh"),
        ("Ho Chi Minh City", "ho_chi_minh"),
        ("TP.HCM", "ho_chi_minh"),
        ("tp. Hồ Chí Minh", "ho_chi_minh"),
        ("Bac Ninh", "bac_ninh"),
        ("tỉnh Bắc Ninh", "bac_ninh"),
        ("Bac Ninh province", "bac_ninh"),
        ("Hue", "hue"),
        ("Huế", "hue"),
        ("Ha Tinh", "ha_tinh"),  # ends in "tinh" but is not the word "tỉnh"
        ("Hà Tĩnh province", "ha_tinh"),
        ("Thanh Hoá", "thanh_hoa"),  # old-style tone placement
        ("Thanh Hóa", "thanh_hoa"),
        ("ĐÀ NẴNG", "da_nang"),
        ("Danang", "da_nang"),
        ("Đắk Lắk", "dak_lak"),
        ("Daklak", "dak_lak"),
        ("Lai Chau", "lai_chau"),
    ],
)
def test_current_unit_spellings(text: str, code: str) -> None:
    hit = resolve_area(text)
    assert hit is not None, text
    assert hit[0].code == code
    assert hit[1] is None


@cases("text, code, old")
def test_old_province_names_resolve_to_their_unit_and_keep_the_area(text: str, code: str, old: str) -> None:
    assert resolve_area(text) == (province_by_code(code), old)
    province = resolve_province(text)
    assert province is not None and province.code == code


@pytest.mark.parametrize("text", ["", "   ", "Atlantis", "Nam", "tỉnh", "Paris"])
def test_unknown_names_resolve_to_none(text: str) -> None:
    assert resolve_area(text) is None
    assert resolve_province(text) is None


@pytest.mark.parametrize(
    ("text", "code", "old"),
    [
        ("I host a guest in Ba Ria - Vung Tau next week", "ho_chi_minh", "Bà Rịa - Vũng Tàu"),
        ("Tôi ở TP.HCM, cần khai báo tạm trú", "ho_chi_minh", None),
        ("toi o tinh ha nam", "ninh_binh", "Hà Nam"),
        ("DN ở Hà Nội cần xin giấy phép lao động", "ha_noi", None),  # "DN" = doanh nghiệp
        ("Work permit office in HN?", "ha_noi", None),
        ("Thừa Thiên Huế hay Hà Nội?", "hue", "Thừa Thiên Huế"),  # first mention, longest name
        ("moving from Hanoi to Bac Giang", "ha_noi", None),
    ],
)
def test_find_province_in_free_text(text: str, code: str, old: str | None) -> None:
    assert find_province_in_text(text) == (province_by_code(code), old)


@pytest.mark.parametrize("text", ["No province here", "we live in hn", "Nam and Ninh are friends"])
def test_free_text_without_a_province(text: str) -> None:
    assert find_province_in_text(text) is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [("Đà Nẵng", "da nang"), ("đường", "duong"), ("TP. Hồ Chí Minh", "tp ho chi minh"), ("Hoà", "hoa")],
)
def test_fold_handles_d_stroke_and_marks(text: str, folded: str) -> None:
    assert fold(text) == folded
