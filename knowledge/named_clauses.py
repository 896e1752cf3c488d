"""Questions whose words point to one clause of the law, quoted first, before the facet's own answer.

Standard library only. 'What to do after the work permit is issued?' is answered by the clause saying what
follows the issue ('sau khi người lao động nước ngoài được cấp giấy phép lao động thì … phải ký kết hợp đồng lao
động', Decree 219/2025 Art. 22 k4); 'In what forms can a foreigner work?' by the list the law opens with 'theo
một trong các hình thức sau' (Art. 2 k1: a labour contract, an intra-company transfer, …), with its points;
'a new employer', 'another position', 'after the extension runs out' by the Art. 20 clause for that case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from catalog import translator
from knowledge.cues import (
    CHANGE_OF_EMPLOYER,
    CHANGE_OF_POSITION,
    E_VISA,
    E_VISA_RAW,
    EXIT_BAN,
    LOST_OR_REISSUED,
    ON_BEHALF,
    folded_question,
)
from knowledge.draft import Draft
from knowledge.facets import OVERVIEW
from knowledge.selection import Unit, candidates, in_force, is_national
from knowledge.store import Kb

_t = translator("knowledge")


@dataclass(frozen=True)
class _Named:
    """How people ask (folded en/vi, raw zh/ko), the facets it goes with, the law's words (in the clause, or in
    its article's title when `titled`), points quoted, clauses quoted at most."""

    asked: re.Pattern[str]
    asked_raw: re.Pattern[str]
    facets: frozenset[str]
    law: re.Pattern[str]
    points: int
    titled: bool = False
    most: int = 2


# Decree 219/2025 Art. 20 (the last three below): a permit holder who changes employer (k1) or position (k2), or whose extended permit
# runs out (k3), goes through the permit procedure again.
_AGAIN_FACETS = frozenset({"procedure", "validity", "exemption", "eligibility", "documents"})
_NAMED: tuple[_Named, ...] = (
    _Named(  # what follows the issue of the paper
        re.compile(
            r"\b(after (the )?(issuance|issue|issuing|grant\w*|getting|receiving|obtaining)|"
            r"once (i |we |you )?(get|got|have|receive\w*)|sau khi (duoc )?(cap|nhan|co))\b"
        ),
        re.compile(
            r"(签发|發放|发放|获得|拿到|取得).{0,12}(后|後|之后|之後)|발급\s*(후|이후|받은\s*후|받고)"
        ),
        frozenset({"procedure"}),
        re.compile(r"sau khi [^.;]{0,80}được cấp"),
        0,
    ),
    _Named(  # the forms of work the law lists ('forms' alone asks for templates)
        re.compile(
            r"\b(in (what|which) (forms?|ways?|capacit\w*)|forms? of (work|working|employment)|"
            r"hinh thuc (lam viec|nao|gi)|theo (nhung |cac )?hinh thuc (nao|gi))\b"
        ),
        re.compile(r"什么形式|哪些形式|何种形式|哪种形式|什麼形式|어떤\s*형태|근무\s*형태|어떤\s*형식"),
        frozenset({"eligibility", "who", "procedure"}),
        re.compile(r"theo (một trong )?các hình thức sau"),
        6,  # the list's first points; a short reply keeps what fits
    ),
    _Named(
        re.compile(CHANGE_OF_EMPLOYER[0]),
        re.compile(CHANGE_OF_EMPLOYER[1]),
        _AGAIN_FACETS,
        re.compile(r"có nhu cầu làm việc cho người sử dụng lao động khác"),
        0,
    ),
    _Named(
        re.compile(CHANGE_OF_POSITION[0]),
        re.compile(CHANGE_OF_POSITION[1]),
        _AGAIN_FACETS,
        re.compile(r"có nhu cầu thay đổi vị trí công việc"),
        0,
    ),
    _Named(
        re.compile(
            r"\b((da )?gia han [^?]{0,60}(het han|tiep tuc)|after (the |an |its )?extension|extended [^?]{0,40}expir)"
        ),
        re.compile(r"延期.{0,12}(到期|之后|后)|연장.{0,12}(만료|후)"),
        _AGAIN_FACETS,
        re.compile(r"đã được gia hạn giấy phép lao động có nhu cầu tiếp tục"),
        0,
    ),
    _Named(  # working on when the permit runs out: the extension, filed 10 to 45 days before (Art. 28 k1)
        re.compile(
            r"\b((upon|after|on|at|when|once)\b[^?]{0,30}\bexpir\w*[^?]{0,80}continu\w*|continu\w*[^?]{0,60}(after|beyond|past) "
            r"(the |its |his |her )?(permit s )?expir\w*|het han[^?]{0,60}tiep tuc (lam viec|su dung))"
        ),
        re.compile(r"到期.{0,20}继续|만료.{0,20}계속"),
        frozenset({"validity", "deadline", "procedure", "eligibility"}),
        re.compile(r"trước khi hết hạn giấy phép lao động"),
        0,
    ),
)
_NAMED += (
    _Named(  # a request made for another: the clause saying who needs an authorisation (216/2026 Art. 22 k2 b:
        # 'cho người khác (không phải là cha, mẹ, vợ, chồng, con của mình …)' adds 'văn bản ủy quyền')
        re.compile(ON_BEHALF[0]),
        re.compile(ON_BEHALF[1]),
        frozenset({"procedure", "documents", "who", "eligibility"}),
        re.compile(r"cho người khác \(không phải là cha, mẹ"),
        0,
    ),
    _Named(  # an exit ban's cases and term (Law 47/2014 Art. 28 k1 a-đ: criminal case, judgment, tax, fine,
        # defence; k3: 'không quá 03 năm')
        re.compile(EXIT_BAN[0]),
        re.compile(EXIT_BAN[1]),
        frozenset({OVERVIEW, "eligibility", "who", "procedure"}),
        re.compile(r"có thể bị tạm hoãn xuất cảnh nếu thuộc|^Thời hạn tạm hoãn xuất cảnh"),
        5,
    ),
    _Named(  # a work permit lost or damaged is a case for re-issue (Decree 219/2025 Art. 23 k1)
        re.compile(LOST_OR_REISSUED[0]),
        re.compile(LOST_OR_REISSUED[1]),
        frozenset({OVERVIEW, "eligibility", "procedure", "documents"}),
        re.compile(r"^Giấy phép lao động còn thời hạn bị mất"),
        0,
    ),
    _Named(  # the acts the entry and residence law prohibits (Law 47/2014 Art. 5, its six clauses)
        re.compile(
            r"\b(hanh vi (bi )?(nghiem )?cam|(bi )?nghiem cam|prohibited (acts?|actions?|conduct)|"
            r"forbidden (acts?|actions?)|(acts?|actions?) (are |that are )?(prohibited|forbidden))\b"
        ),
        re.compile(r"禁止(的)?行为|严禁|嚴禁|금지\s*행위|금지되는\s*행위"),
        frozenset({OVERVIEW, "eligibility", "who"}),
        re.compile(r"^Các hành vi bị nghiêm cấm$"),
        0,
        titled=True,
        most=6,
    ),
    _Named(  # the e-visa's own steps (Law 47/2014 Art. 16a as amended: declared and paid on the e-visa site)
        E_VISA,
        E_VISA_RAW,
        frozenset({"procedure"}),
        re.compile(r"Trang thông tin cấp thị thực điện tử"),
        0,
    ),
)


_LEADS: dict[tuple[int, str, str, int, date], list[tuple[Unit, list[Unit]]]] = {}


def _leads(kb: Kb, topic: str, facet: str, named: _Named, on: date) -> list[tuple[Unit, list[Unit]]]:
    """The clauses in force that say what `named` points to, each with its first points; the same for every
    question of this kind on a day, so read once (a walk over every clause)."""
    key = (id(kb), topic, facet, id(named), on)
    found = _LEADS.get(key)
    if found is None:
        if len(_LEADS) > 4096:
            _LEADS.clear()
        docs = {kb.units[p]["doc_id"] for f in ("who", facet) for p in candidates(kb, topic, f)}
        leads = [
            u
            for u in kb.units
            if u["doc_id"] in docs
            and is_national(u)
            and in_force(kb, u, on)
            and named.law.search(str(u.get("article_title") or "") if named.titled else u["text"])
        ][: named.most]
        found = _LEADS[key] = [
            (lead, [u for u in kb.units if u["id"].startswith(lead["id"] + "/")][: named.points])
            for lead in leads
        ]
    return found


def compose_named_clauses(kb: Kb, draft: Draft, topic: str, facet: str, text: str, on: date) -> bool:
    """Quote first the topic's clauses the question's words point to; True when one was quoted."""
    folded = folded_question(text)
    asked = [n for n in _NAMED if facet in n.facets and (n.asked.search(folded) or n.asked_raw.search(text))]
    if not asked:
        return False
    cites: list[str] = []
    for named in asked:
        for lead, points in _leads(kb, topic, facet, named, on):
            label = draft.cite(lead)[1]
            cites.append(
                label.split(", khoản")[0] if named.titled else label
            )  # a titled article is cited whole
            for point in points:
                draft.cite(point)
    return bool(cites) and draft.say(
        _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(dict.fromkeys(cites)))
    )
