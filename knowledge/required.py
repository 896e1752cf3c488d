"""When a paper is needed: the application files on file that ask for it.

A criminal-record or health certificate is asked for by other procedures; its own texts set no time to get it.
'When do I need one?' is answered with the dossier articles of other papers that list it (Decree 219/2025
Art. 18: the work-permit file, a criminal-record certificate issued not more than 6 months before filing),
said as what the texts on file ask, never as the only case.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from catalog import translator
from knowledge.cues import folded_question
from knowledge.draft import Draft
from knowledge.fit import in_first_sentence
from knowledge.model import StatedValue
from knowledge.selection import Unit, in_force, is_national, topic_score
from knowledge.store import Kb
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold

_t = translator("knowledge")

STRONG_TOPIC = 6  # the clause is about the paper itself, not a passing mention
MAX_FILES = 3
_WORDS_BEFORE = 8  # the words before an age limit, whose paper it may be ('của nước ngoài hoặc của Việt Nam cấp không quá')
# and after it, up to 10 words to the next comma ('kể từ ngày cấp đến ngày nộp hồ sơ')
_TAIL = re.compile(r"[ ,]*(?:[^\s,;.]+ ?){1,10}")
_DOSSIERS: dict[tuple[int, str], list[Unit]] = {}


# How old the paper may be ('how recent', 'issued within', 'cấp quá 6 tháng', 'còn dùng được không', '多久以内开具',
# '발급 후 몇 개월'): answered only by a file that sets an age limit for it.
_ASKS_AGE = re.compile(
    r"\b(how (recent|old|new)|not older than|issued within|(cap|ky) [^?]{0,15}qua \d+ (thang|ngay)|"
    r"(con|van) (dung|su dung) duoc)\b"
)
_ASKS_AGE_RAW = re.compile(r"(多久|几个月)(以内|之内)(开具|出具|签发)|(발급|발행)\s*(후|된\s*지)")


def asks_age(text: str) -> bool:
    return bool(_ASKS_AGE.search(fold(text)) or _ASKS_AGE_RAW.search(text))


def compose_required_in(kb: Kb, draft: Draft, topic: str, on: date, text: str = "") -> None:
    """'Among the texts on file, it is asked for in: Hồ sơ đề nghị cấp giấy phép lao động (…, Điều 18,
    khoản 4: “… cấp không quá 6 tháng, kể từ ngày cấp đến ngày nộp hồ sơ”).' Nothing when the question asks how
    old the paper may be and no file on file sets it an age limit (a health certificate issued in Viet Nam):
    the list of files is no answer to that."""
    units = [u for u in _dossier_items(kb, topic) if in_force(kb, u, on)]
    if not units:
        return
    if asks_age(text) and not any(_age_limit(u) for u in units):
        return
    files: list[str] = []
    seen: set[str] = set()
    for unit in units:
        title = str(unit.get("article_title") or "")
        if title in seen:
            continue
        seen.add(title)
        position, label = draft.cite(unit)
        files.append(f"{title} ({label}{_validity_quote(draft, unit, position)})")
        if len(files) >= MAX_FILES:
            break
    draft.say(_t("Among the texts on file, it is asked for in: {files}.", draft.lang, files="; ".join(files)))


def asked_for_elsewhere(kb: Kb, topic: str) -> bool:
    """The paper is one that other application files on file ask for (a criminal-record certificate)."""
    return bool(_dossier_items(kb, topic))


def _dossier_items(kb: Kb, topic: str) -> list[Unit]:
    """_read_dossier_items, once per loaded kb and topic."""
    key = (id(kb), topic)
    found = _DOSSIERS.get(key)
    if found is None:
        found = _DOSSIERS[key] = _read_dossier_items(kb, topic)
    return found


def _read_dossier_items(kb: Kb, topic: str) -> list[Unit]:
    """Clauses of another paper's application file ('Hồ sơ đề nghị cấp ...') that are about this paper."""
    own = fold(TOPIC_LABELS[topic]["vi"])
    found = []
    for unit in kb.units:
        title = folded_question(str(unit.get("article_title") or ""))  # a few hundred titles, folded once
        if (
            title.startswith("ho so")
            and own not in title
            and is_national(unit)
            and "documents" in (unit.get("facets") or [])
            and topic_score(unit, topic) >= STRONG_TOPIC
        ):
            found.append(unit)
    # The first application of a paper before its extension or a certificate of exemption.
    found.sort(
        key=lambda u: [part in fold(str(u.get("article_title"))) for part in ("gia han", "khong thuoc dien")]
    )
    return found


def _age_limit(unit: Unit) -> dict[str, Any] | None:
    """The duration value by which the clause's first sentence sets the paper an age limit (a later sentence,
    'Đối với giấy khám sức khỏe do cơ sở y tế ... của nước ngoài cấp ...', sets it for some papers only)."""
    for value in unit.get("values") or []:
        start = value.get("start")
        if (
            value.get("kind") == "duration"
            and isinstance(start, int)
            and isinstance(value.get("end"), int)
            and in_first_sentence(unit["text"], start)
        ):
            return dict(value)
    return None


def _validity_quote(draft: Draft, unit: Unit, position: int) -> str:
    """The paper's age limit (_age_limit) in the clause's words."""
    value = _age_limit(unit)
    if value is None:
        return ""
    text, start, end = unit["text"], int(value["start"]), int(value["end"])
    words = [m.start() for m in re.finditer(r"\S+", text[:start])]
    first = words[-_WORDS_BEFORE] if len(words) >= _WORDS_BEFORE else 0
    tail = _TAIL.match(text, end)
    quote = text[first : tail.end() if tail else end].strip(" ,")  # the clause's own characters
    draft.values.append(StatedValue("duration", str(value["text"]), quote, position))
    return f": “… {quote} …”"
