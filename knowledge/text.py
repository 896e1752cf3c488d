"""Text folding shared by province resolution, search and the builder (standard library only)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

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


def data_rows(name: str) -> list[list[str]]:
    """The rows of the tab-separated table knowledge/data/<name>; lines starting with '#' are comments."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]
