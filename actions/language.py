"""Which language a chat message is written in, and whether it asks to switch the reply language.

Only the words a person writes count. A place name ("Hà Nội" typed by an English speaker), a name in
capitals ("PARK SO YEON"), a passport's machine-readable zone, a code or a button payload say nothing about
the language the user reads, so they are left out before counting. Users often type Vietnamese without
diacritics ("khai bao tam tru o dau"), so beyond the letters only Vietnamese has, common Vietnamese
syllables are counted against common English words.
"""

from __future__ import annotations

import re
import unicodedata

from catalog import LANGUAGES, normalise_language
from knowledge.provinces import strip_places
from knowledge.text import fold

SUPPORTED = LANGUAGES

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
    thanks thank yes no help me we our they them would could tell show which province city fine fee
    documents late valid take if from what's whats
    """.split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# A passport's machine-readable zone: long runs of capitals, digits and '<' fillers.
_MRZ = re.compile(r"[A-Z0-9<]{20,}")

# Names of the languages, as people write them when they ask to switch (folded, lower case).
_LANGUAGE_NAMES = {
    "english": "en",
    "tieng anh": "en",
    "vietnamese": "vi",
    "tieng viet": "vi",
    "chinese": "zh",
    "tieng trung": "zh",
    "tieng hoa": "zh",
    "中文": "zh",
    "汉语": "zh",
    "korean": "ko",
    "tieng han": "ko",
    "한국어": "ko",
    "한국말": "ko",
}
_NAMED_LANGUAGE = re.compile("|".join(sorted(map(re.escape, _LANGUAGE_NAMES), key=len, reverse=True)))
# Words that ask for a reply language ("reply in", "switch to", "trả lời bằng", "请用", "...로 답해").
_SWITCH_WORDS = re.compile(
    r"\b(reply|answer|respond|speak|talk|write|switch|change|use|continue|only read|in)\b|"
    r"\b(tra loi|noi|dung|chuyen|viet|doc|qua|bang)\b|请用|说|用|로|으로|please|pls|nha|nhe|di|duoc khong"
)
_MAX_SWITCH_WORDS = 7


def _has_vietnamese_marks(word: str) -> bool:
    if "đ" in word or "Đ" in word:
        return True
    return any(ch in _VI_MARKS for ch in unicodedata.normalize("NFD", word))


def _written_words(text: str) -> list[str]:
    """The words that tell a language: no MRZ, no words in capitals (names, codes), no place names."""
    without_mrz = _MRZ.sub(" ", text)
    words = [w for w in _WORD.findall(without_mrz) if not (len(w) > 1 and w.isupper())]
    # strip_places works on folded text; keep the original spelling of the words it leaves.
    kept_folded = strip_places(" ".join(fold(w) for w in words)).split()
    kept: list[str] = []
    position = 0
    for word in words:
        if position < len(kept_folded) and fold(word) == kept_folded[position]:
            kept.append(word)
            position += 1
    return kept


def detect_language(text: str) -> str | None:
    """ "vi", "en", "zh" or "ko", or None when the message does not tell ("ok", "1", "/greet", "Hà Nội",
    "PARK SO YEON", a passport line)."""
    stripped = text.strip()
    if not stripped or stripped.startswith("/"):
        return None
    if _HANGUL.search(stripped):
        return "ko"
    if _HAN.search(stripped):
        return "zh"
    words = _written_words(stripped)
    vi_score = en_score = 0
    for word in words:
        bare = fold(word)
        if _has_vietnamese_marks(word) or (bare in _VI_WORDS and bare not in _EN_WORDS):
            vi_score += 1
        elif bare in _EN_WORDS and bare not in _VI_WORDS:
            en_score += 1
    if vi_score > en_score:
        return "vi"
    if en_score > vi_score:
        return "en"
    return None


def requested_language(text: str) -> str | None:
    """The language a message asks to switch to ("English please", "trả lời bằng tiếng Việt", "请用中文"),
    or None when it only mentions one ("do I need an English translation of my degree?"): a switch request
    is short and names the language with a word for replying, or names nothing else."""
    folded = fold(text).lower() if not (_HAN.search(text) or _HANGUL.search(text)) else text.lower()
    match = _NAMED_LANGUAGE.search(folded)
    if match is None:
        return None
    words = _WORD.findall(folded)
    rest = (folded[: match.start()] + " " + folded[match.end() :]).strip(" ?!.,")
    if len(words) > _MAX_SWITCH_WORDS:
        return None
    if not rest or _SWITCH_WORDS.search(rest):
        return _LANGUAGE_NAMES[match.group()]
    return None


def reply_language(language: str | None) -> str:
    """The language to reply in: one of en, vi, zh, ko (the catalogue and knowledge speak all four)."""
    return normalise_language(language)
