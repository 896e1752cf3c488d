"""Receipt codes a person can read out over the phone: 'HN-7K3Q-9XMD-R'.

Alphabet (32 symbols): the digits 2-9 and the letters A-Z without I and O, so 0/O and 1/I can never be
confused (neither 0, 1, I nor O ever appears). Layout: a province prefix (letters), 8 random symbols (40
bits) in two groups of four, and one check symbol computed with Damm's algorithm over those 8 (see
check_symbol), which catches every single wrong symbol and every swap of two neighbouring symbols,
the check symbol included. (Luhn mod N, tried first, misses swaps of the first and last symbol of the
alphabet: "2Z" and "Z2".) Lower case, spaces
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


# GF(32) as polynomials over GF(2) modulo x^5 + x^2 + 1; symbols are their 5-bit index in ALPHABET.
_GF32_MODULUS = 0b100101


def _times_x(value: int) -> int:
    """Multiply by x (the element 2) in GF(32)."""
    value <<= 1
    return value ^ _GF32_MODULUS if value & 0b100000 else value


def _damm_interim(symbols: str) -> int:
    """Fold the symbols with the quasigroup a*b = x·a + b over GF(32). Since x != 1, the quasigroup is
    totally anti-symmetric (x·(x·c + a) + b == x·(x·c + b) + a only when a == b), which is what makes
    every neighbour swap change the result (Damm, 2004)."""
    interim = 0
    for ch in symbols:
        interim = _times_x(interim) ^ _INDEX[ch]
    return interim


def check_symbol(body: str) -> str:
    """The symbol that brings the Damm fold of body + symbol back to zero."""
    return ALPHABET[_times_x(_damm_interim(body))]


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


# A code written in a sentence: any case, dashes or spaces optional ('cancel hn 7k3q 9xmd r').
_IN_TEXT = re.compile(
    r"\b([A-Z]{2,3})[\s-]?([2-9A-HJ-NP-Z]{4})[\s-]?([2-9A-HJ-NP-Z]{4})[\s-]?([2-9A-HJ-NP-Z])\b", re.IGNORECASE
)


def find_in_text(text: str) -> str | None:
    """The first receipt code in a message, normalised ('HN-7K3Q-9XMD-R'), or None."""
    match = _IN_TEXT.search(text or "")
    return "-".join(group.upper() for group in match.groups()) if match else None


def is_well_formed(code: str) -> bool:
    return _PATTERN.match(code) is not None


def has_valid_check(code: str) -> bool:
    match = _PATTERN.match(code)
    if not match:
        return False
    return _damm_interim(match.group(2) + match.group(3) + match.group(4)) == 0
