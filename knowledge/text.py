"""Text folding shared by province resolution, search and the builder (standard library only)."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ are letters of their own in Unicode: NFD does not split them into d + a mark.
_D_STROKE = str.maketrans({"đ": "d", "Đ": "D"})
_NON_WORD = re.compile(r"[^0-9a-z]+")


def strip_marks(text: str) -> str:
    """'Hà Nội, Đà Nẵng' -> 'Ha Noi, Da Nang' (case kept)."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_STROKE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """'TP. Hồ Chí Minh' -> 'tp ho chi minh': no marks, lower case, words split by single spaces."""
    return _NON_WORD.sub(" ", strip_marks(text).lower()).strip()


def nfc(text: str) -> str:
    """Canonical composition, so that 'Hoà' typed two ways compares equal."""
    return unicodedata.normalize("NFC", text)
