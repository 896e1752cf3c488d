"""Guess the language of a chat message: Vietnamese (with or without diacritics), English, Chinese, Korean.

Users often type Vietnamese without diacritics ("khai bao tam tru o dau"), so beyond the letters only
Vietnamese has, common Vietnamese syllables are counted against common English words.
"""

from __future__ import annotations

import re
import unicodedata

SUPPORTED = ("en", "vi", "zh", "ko")

# Combining marks that Vietnamese uses and English never does: hook above, dot below, horn, breve,
# plus the circumflex/acute/grave/tilde that appear on Vietnamese vowels.
_VI_MARKS = {"\u0309", "\u0323", "\u031b", "\u0306", "\u0302", "\u0301", "\u0300", "\u0303"}

_VI_WORDS = frozenset(
    """
    toi ban khong ko k la gi o dau lam sao nao can giay phep tam tru khai bao nguoi nuoc ngoai cho va cua
    thi duoc nhu xin chao cam on minh em anh chi hoi ve co may lau nhieu tien thu tuc ho so viec lao dong
    suc khoe ly lich tu cong noi vu tinh thanh pho khach san nha nghi phai nop roi nhe vay nay kia muon
    biet giup huong dan lien he quy dinh thong tin kham chieu thuc the bang tieng viet nam cac nhung mot
    hai ba bon nam sau gio ngay thang truoc sau khi nao bi phat cap doanh nghiep ung vien trinh tu hien
    hanh chinh dang ky tai hay hoac con cung de voi mat bao nhieu giup dung huy dung lai thoi cai nay
    """.split()
)
_EN_WORDS = frozenset(
    """
    the is are do does how what where who which i my you your need to for a an of in work permit get can
    should must and with about when please want have has it this that there guest hotel police office
    declare declaration residence temporary criminal record health check visa long much apply hello hi
    thanks thank yes no help me we our they them would could tell show which province city
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _has_vietnamese_marks(text: str) -> bool:
    if "đ" in text or "Đ" in text:
        return True
    decomposed = unicodedata.normalize("NFD", text)
    return any(ch in _VI_MARKS for ch in decomposed)


def detect_language(text: str) -> str | None:
    """Return "vi", "en", "zh" or "ko", or None when the message does not tell (e.g. "ok", "1", "/greet")."""
    stripped = text.strip()
    if not stripped or stripped.startswith("/"):
        return None
    if any("\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" for ch in stripped):
        return "ko"
    if any("\u4e00" <= ch <= "\u9fff" for ch in stripped):
        return "zh"
    if _has_vietnamese_marks(stripped):
        return "vi"
    words = [w.lower() for w in _WORD.findall(stripped)]
    vi_score = sum(1 for w in words if w in _VI_WORDS and w not in _EN_WORDS)
    en_score = sum(1 for w in words if w in _EN_WORDS and w not in _VI_WORDS)
    if vi_score > en_score:
        return "vi"
    if en_score > vi_score:
        return "en"
    return None


def reply_language(language: str | None) -> str:
    """The language our texts exist in: Vietnamese or English (Chinese and Korean users get English
    wherever no text in their language exists)."""
    return "vi" if language == "vi" else "en"
