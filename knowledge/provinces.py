"""The 34 provincial units since 1 July 2025 (Resolution 202/2025/QH15) and every common way to name them.

Standard library only: the intake API, the action server (Python 3.10) and the knowledge base import it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import fold


@dataclass(frozen=True)
class Province:
    """A current provincial unit; `former` lists the old provinces merged into it under other names."""

    code: str
    name_vi: str
    name_en: str
    former: tuple[str, ...]


# (code, Vietnamese name, English name, old provinces merged in that no longer exist by name, extra aliases)
_TABLE: tuple[tuple[str, str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("ha_noi", "Hà Nội", "Hanoi", (), ("hanoi", "hn", "thu do")),
    ("hue", "Huế", "Hue", ("Thừa Thiên Huế",), ()),
    ("lai_chau", "Lai Châu", "Lai Chau", (), ()),
    ("dien_bien", "Điện Biên", "Dien Bien", (), ("dien bien phu",)),
    ("son_la", "Sơn La", "Son La", (), ()),
    ("lang_son", "Lạng Sơn", "Lang Son", (), ()),
    ("quang_ninh", "Quảng Ninh", "Quang Ninh", (), ("ha long", "halong")),
    ("thanh_hoa", "Thanh Hóa", "Thanh Hoa", (), ()),
    ("nghe_an", "Nghệ An", "Nghe An", (), ()),
    ("ha_tinh", "Hà Tĩnh", "Ha Tinh", (), ()),
    ("cao_bang", "Cao Bằng", "Cao Bang", (), ()),
    ("tuyen_quang", "Tuyên Quang", "Tuyen Quang", ("Hà Giang",), ()),
    ("lao_cai", "Lào Cai", "Lao Cai", ("Yên Bái",), ("sapa", "sa pa")),
    ("thai_nguyen", "Thái Nguyên", "Thai Nguyen", ("Bắc Kạn",), ("bac can",)),
    ("phu_tho", "Phú Thọ", "Phu Tho", ("Vĩnh Phúc", "Hòa Bình"), ()),
    ("bac_ninh", "Bắc Ninh", "Bac Ninh", ("Bắc Giang",), ()),
    ("hung_yen", "Hưng Yên", "Hung Yen", ("Thái Bình",), ()),
    ("hai_phong", "Hải Phòng", "Hai Phong", ("Hải Dương",), ("haiphong",)),
    ("ninh_binh", "Ninh Bình", "Ninh Binh", ("Hà Nam", "Nam Định"), ()),
    ("quang_tri", "Quảng Trị", "Quang Tri", ("Quảng Bình",), ()),
    ("da_nang", "Đà Nẵng", "Da Nang", ("Quảng Nam",), ("danang",)),
    ("quang_ngai", "Quảng Ngãi", "Quang Ngai", ("Kon Tum",), ("kontum",)),
    ("gia_lai", "Gia Lai", "Gia Lai", ("Bình Định",), ()),
    ("khanh_hoa", "Khánh Hòa", "Khanh Hoa", ("Ninh Thuận",), ("nha trang",)),
    ("lam_dong", "Lâm Đồng", "Lam Dong", ("Đắk Nông", "Bình Thuận"), ("da lat", "dalat", "dak nong")),
    ("dak_lak", "Đắk Lắk", "Dak Lak", ("Phú Yên",), ("daklak", "dac lac", "dak lac")),
    (
        "ho_chi_minh",
        "Hồ Chí Minh",
        "Ho Chi Minh City",
        ("Bình Dương", "Bà Rịa - Vũng Tàu"),
        ("hcm", "hcmc", "tphcm", "tp hcm", "saigon", "sai gon", "sg", "ho chi minh city"),
    ),
    ("dong_nai", "Đồng Nai", "Dong Nai", ("Bình Phước",), ()),
    ("tay_ninh", "Tây Ninh", "Tay Ninh", ("Long An",), ()),
    ("can_tho", "Cần Thơ", "Can Tho", ("Sóc Trăng", "Hậu Giang"), ()),
    ("vinh_long", "Vĩnh Long", "Vinh Long", ("Bến Tre", "Trà Vinh"), ()),
    ("dong_thap", "Đồng Tháp", "Dong Thap", ("Tiền Giang",), ()),
    ("ca_mau", "Cà Mau", "Ca Mau", ("Bạc Liêu",), ()),
    ("an_giang", "An Giang", "An Giang", ("Kiên Giang",), ()),
)

# Aliases of old provinces beyond the folded name ("Vũng Tàu" alone, "BRVT"). "DN"/"HP" are left out on
# purpose: in Vietnamese chat "DN" means doanh nghiệp (enterprise).
_FORMER_ALIASES: dict[str, tuple[str, ...]] = {
    "Bà Rịa - Vũng Tàu": ("brvt", "vung tau", "ba ria"),
    "Thừa Thiên Huế": ("tt hue", "thua thien"),
    "Bắc Kạn": ("bac can",),
    "Kon Tum": ("kontum",),
    "Đắk Nông": ("dak nong", "daknong"),
    "Bình Dương": ("binh duong",),
}

# Words people put around a province name; dropped before lookup. Longest first.
_PREFIXES = ("thanh pho", "tinh", "tp", "province of", "city of", "province", "city")
_SUFFIXES = ("province", "city")  # not "tinh": "Hà Tĩnh" ends with it

_PROVINCES: tuple[Province, ...] = tuple(
    Province(code=code, name_vi=vi, name_en=en, former=former) for code, vi, en, former, _ in _TABLE
)


def _build_aliases() -> dict[str, tuple[Province, str | None]]:
    aliases: dict[str, tuple[Province, str | None]] = {}
    for province, (_code, vi, en, former, extra) in zip(_PROVINCES, _TABLE, strict=True):
        for alias in (vi, en, province.code.replace("_", " "), *extra):
            aliases[_core(fold(alias))] = (province, None)
        for old in former:
            for alias in (old, *_FORMER_ALIASES.get(old, ())):
                aliases[_core(fold(alias))] = (province, old)
    # Folded spellings written without spaces ("hanoi", "bacninh", "hochiminh").
    for key, value in list(aliases.items()):
        aliases.setdefault(key.replace(" ", ""), value)
    return aliases


def _core(folded: str) -> str:
    """Drop the 'tỉnh' / 'thành phố' / 'TP' / 'province' / 'city' words around a folded name."""
    text = folded
    for prefix in _PREFIXES:
        if text.startswith(prefix + " "):
            text = text[len(prefix) + 1 :]
            break
        if prefix == "tp" and text.startswith("tp") and len(text) > 2 and text[2:] in ("hcm", "hn"):
            return text[2:]
    for suffix in _SUFFIXES:
        if text.endswith(" " + suffix):
            text = text[: -len(suffix) - 1]
            break
    return text.strip()


_ALIASES = _build_aliases()
_BY_CODE = {p.code: p for p in _PROVINCES}
_MAX_ALIAS_WORDS = max(len(alias.split()) for alias in _ALIASES)
# In free text, two-letter abbreviations are only trusted in upper case ("HN", "SG", "HP", "DN").
_SHORT_ALIASES = frozenset(alias for alias in _ALIASES if len(alias) <= 2)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def all_provinces() -> tuple[Province, ...]:
    """The 34 current provincial units, in the order of Resolution 202/2025/QH15's list above."""
    return _PROVINCES


def province_by_code(code: str) -> Province | None:
    """'ninh_binh' -> Ninh Bình."""
    return _BY_CODE.get(code)


def resolve_area(text: str) -> tuple[Province, str | None] | None:
    """'Hà Nam' -> (Ninh Bình, 'Hà Nam'); 'Hanoi' -> (Hà Nội, None); unknown -> None.

    The second item is the old province's Vietnamese name when the text named a province that was merged
    into another under a different name; it is None when the text named a current unit.
    """
    folded = fold(text)
    if not folded:
        return None
    for candidate in (_core(folded), folded, folded.replace(" ", "")):
        hit = _ALIASES.get(candidate)
        if hit is not None:
            return hit
    return _one_unit_named(text)


def _one_unit_named(text: str) -> tuple[Province, str | None] | None:
    """'Hà Nam, Ninh Bình' or 'Hà Nam (nay là Ninh Bình)': several names of one current unit -> that unit,
    with the old province named first; names of different units are ambiguous -> None."""
    found = _all_in_text(text)
    if not found or len({province.code for province, _ in found}) != 1:
        return None
    return next(((p, old) for p, old in found if old), found[0])


def _all_in_text(text: str) -> list[tuple[Province, str | None]]:
    words = [(m.group(), fold(m.group())) for m in _WORD.finditer(text)]
    folded = [f for _, f in words]
    found: list[tuple[Province, str | None]] = []
    start = 0
    while start < len(words):
        for size in range(min(_MAX_ALIAS_WORDS, len(words) - start), 0, -1):
            key = " ".join(folded[start : start + size])
            hit = _ALIASES.get(key)
            if hit is not None and not (key in _SHORT_ALIASES and not words[start][0].isupper()):
                found.append(hit)
                start += size
                break
        else:
            start += 1
    return found


def resolve_province(text: str) -> Province | None:
    """Any common spelling, old or current name -> the current unit ('Hà Nam' -> Ninh Bình)."""
    hit = resolve_area(text)
    return hit[0] if hit else None


def find_province_in_text(text: str) -> tuple[Province, str | None] | None:
    """First province mentioned in free text, longest name first: 'I host a guest in Ba Ria - Vung Tau'."""
    words = [(m.group(), fold(m.group())) for m in _WORD.finditer(text)]
    folded = [f for _, f in words]
    for start in range(len(words)):
        for size in range(min(_MAX_ALIAS_WORDS, len(words) - start), 0, -1):
            key = " ".join(folded[start : start + size])
            hit = _ALIASES.get(key)
            if hit is None:
                continue
            if key in _SHORT_ALIASES and not words[start][0].isupper():
                continue
            return hit
    return None


def strip_places(folded: str) -> str:
    """'thoi tiet ha noi hom nay' -> 'thoi tiet hom nay': place names out of a folded query, so that search
    scores what is asked, not where (a province is a filter, and every decree names its own)."""
    words = folded.split()
    kept: list[str] = []
    start = 0
    while start < len(words):
        for size in range(min(_MAX_ALIAS_WORDS, len(words) - start), 0, -1):
            key = " ".join(words[start : start + size])
            if key in _ALIASES and key not in _SHORT_ALIASES:
                start += size
                break
        else:
            kept.append(words[start])
            start += 1
    return " ".join(kept)
