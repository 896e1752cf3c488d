"""Receipt codes a person can read out over the phone: 'HN-7K3Q-9XMD-R'.

Alphabet (32 symbols): the digits 2-9 and the letters A-Z without I and O, so 0/O and 1/I can never be
confused (neither 0, 1, I nor O ever appears). Layout: a province prefix (letters), 8 random symbols (40
bits) in two groups of four, and one check symbol computed with the Luhn mod-N algorithm over those 8,
which catches every single wrong symbol and every swap of two neighbouring symbols. Lower case, spaces
and missing dashes are tolerated on input.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
_N = len(ALPHABET)

# Prefix per province code from knowledge.provinces; letters only, unique, read out as letters.
PREFIXES: dict[str, str] = {
    "ha_noi": "HN",
    "hue": "HUE",
    "lai_chau": "LCH",
    "dien_bien": "DB",
    "son_la": "SL",
    "lang_son": "LS",
    "quang_ninh": "QNH",
    "thanh_hoa": "TH",
    "nghe_an": "NA",
    "ha_tinh": "HT",
    "cao_bang": "CB",
    "tuyen_quang": "TQ",
    "lao_cai": "LCA",
    "thai_nguyen": "TN",
    "phu_tho": "PT",
    "bac_ninh": "BN",
    "hung_yen": "HY",
    "hai_phong": "HP",
    "ninh_binh": "NB",
    "quang_tri": "QT",
    "da_nang": "DN",
    "quang_ngai": "QNG",
    "gia_lai": "GL",
    "khanh_hoa": "KH",
    "lam_dong": "LD",
    "dak_lak": "DL",
    "ho_chi_minh": "HCM",
    "dong_nai": "DNA",
    "tay_ninh": "TNI",
    "can_tho": "CT",
    "vinh_long": "VL",
    "dong_thap": "DT",
    "ca_mau": "CM",
    "an_giang": "AG",
}

_PATTERN = re.compile(r"^([A-Z]{2,3})-([2-9A-HJ-NP-Z]{4})-([2-9A-HJ-NP-Z]{4})-([2-9A-HJ-NP-Z])$")


def check_symbol(body: str) -> str:
    """Luhn mod 32 over `body` (symbols of ALPHABET)."""
    factor = 2
    total = 0
    for ch in reversed(body):
        addend = factor * _INDEX[ch]
        factor = 1 if factor == 2 else 2
        total += addend // _N + addend % _N
    return ALPHABET[(_N - total % _N) % _N]


def new_receipt_code(province_code: str) -> str:
    # 40 random bits, 5 per symbol (32 symbols): one call to the OS instead of eight secrets.choice.
    bits = int.from_bytes(secrets.token_bytes(5), "big")
    body = "".join(ALPHABET[(bits >> shift) & 31] for shift in range(35, -1, -5))
    prefix = PREFIXES.get(province_code, "VN")
    return f"{prefix}-{body[:4]}-{body[4:]}-{check_symbol(body)}"


def normalise(code: str) -> str:
    """Upper case, spaces and dashes tolerated: 'hn 7k3q9xmd r' -> 'HN-7K3Q-9XMD-R' when well formed."""
    compact = re.sub(r"[\s-]+", "", code.upper())
    # The 9 symbols after the prefix have a fixed length, so the prefix is whatever comes before them.
    prefix, rest = compact[:-9], compact[-9:]
    if not (2 <= len(prefix) <= 3 and prefix.isalpha()):
        return code.strip().upper()
    return f"{prefix}-{rest[:4]}-{rest[4:8]}-{rest[8]}"


def is_well_formed(code: str) -> bool:
    return _PATTERN.match(code) is not None


def has_valid_check(code: str) -> bool:
    match = _PATTERN.match(code)
    if not match:
        return False
    body = match.group(2) + match.group(3)
    return check_symbol(body) == match.group(4)
