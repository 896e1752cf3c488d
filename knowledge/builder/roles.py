"""What a clause makes each agency do, read from its verbs (rule data in patterns.ROLE_VERBS / OBJECT_MARKERS).

A clause is read sentence part by sentence part (split at '.', ';' and line breaks):

- an agency named after an object marker gets the marker's role: 'phối hợp với Sở Nội vụ' -> coordinates,
  'báo cáo UBND Thành phố' -> is_reported_to, 'khai báo tạm trú với Công an xã' -> receives;
- any other agency mention is the actor of what follows it; a part without one belongs to the clause's
  heading agency ('Điều 12. Trách nhiệm của Sở Y tế' / '1. Công an tỉnh có trách nhiệm:');
- the actor's roles are the role verbs of its part, except that the work named after 'phối hợp (với X)' is the
  joint task, not the actor's own: 'Phối hợp với Sở Nội vụ tăng cường công tác kiểm tra' is coordinates only,
  never leads / receives / decides. 'Chủ trì, phối hợp với ...' leads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from knowledge.builder.patterns import NOMINAL_BEFORE, NOT_A_VERB_AFTER, OBJECT_MARKERS, ROLE_VERBS

Role = dict[str, Any]

_PART_END = re.compile(r"[.;\n]")
_LIST_GLUE = {",", "và", "hoặc", "các", "cơ", "quan", "("}
_COORDINATION_ROLES = {"coordinates"}
# What only the office in charge does; never read from the joint task named after 'phối hợp (với X)'.
_DECISIVE_ROLES = {"leads", "receives", "decides", "issues"}
_PASSIVE_AGENT = re.compile(r"(?<!\w)(được|do|bởi)\s*$")


@dataclass(frozen=True)
class Mention:
    agency: str
    text: str
    start: int  # character offset in the text it was found in
    where: str  # text | context | title


def _parts(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for match in _PART_END.finditer(text):
        # '3.000.000' and '7a.' are not sentence ends
        if match.group() == "." and match.end() < len(text) and not text[match.end()].isspace():
            continue
        out.append((start, match.start()))
        start = match.end()
    out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


_VERB_RES = [
    (
        re.compile(
            rf"(?<!\w){re.escape(phrase)}(?!\w)(?!\s+({'|'.join(map(re.escape, NOT_A_VERB_AFTER.get(phrase, ('@',))))})(?!\w))"
        ),
        role,
    )
    for phrase, role in ROLE_VERBS
]
_NOMINAL = re.compile(rf"(?<!\w)({'|'.join(map(re.escape, NOMINAL_BEFORE))})\s*$")
# 'Giấy khám sức khỏe do cơ sở y tế ... cấp': the verb of a 'do X' phrase is X's, not the actor's.
# 'tổng hợp tình hình cấp mới, điều chỉnh, thu hồi ...': verbs named as the subject of a report.
# 'đến cơ quan có thẩm quyền cấp ...': the verb of an unnamed competent office, not the actor's.
_DO_PHRASE = re.compile(
    r"(?<!\w)(do|được)\s[^,;:.()]{0,60}$|(?<!\w)tình hình\s[^;:.()]{0,40}$"
    r"|(?<!\w)cơ quan (công an )?có thẩm quyền\s*$"
)
# 'danh sách các cơ sở khám bệnh ..., cấp giấy khám sức khỏe': a decisive verb describing the listed ones is
# theirs, not the actor's (who sends or exchanges the list: 'gửi', 'phối hợp' stay its own).
# A list runs across ';' ('danh sách ... được xác nhận ...; cấp, cấp lại ... giấy phép lao động tới Công an').
# 'chỉ đạo các cơ sở khám, chữa bệnh ..., cấp giấy chứng nhận sức khỏe': the directed ones issue, not the actor.
_LISTED = re.compile(
    r"(?<!\w)danh sách\s(?:(?!đồng thời|\sđể\s)[^:.()]){0,160}$"
    r"|(?<!\w)chỉ đạo\s(các\s)?(cơ sở|đơn vị|cơ quan)[^;:.()]{0,120}$"
)
# 'Thông tư số 53/2016/TT-BCA ... của Bộ trưởng Bộ Công an quy định ...': the author of another text, named
# in its citation, does nothing in this clause.
_AUTHOR = re.compile(r"(?<!\w)của\s+((Bộ trưởng|Thủ trưởng|Chủ tịch|Thủ tướng)\s*)?$", re.IGNORECASE)
# 'Bộ trưởng Bộ Công an quy định biểu mẫu về ... Giấy tiếp nhận hồ sơ': the office sets rules; the verbs after
# are the content of the rules (form names), not what it does.
_SETS_RULES = re.compile(r"\s*(quy định|ban hành|hướng dẫn chi tiết)(?!\w)", re.IGNORECASE)


def _verbs(text: str, context: str = "") -> list[tuple[int, int, str]]:  # (start, end, role) in text
    """(start, end, role) of every role verb phrase in text, longest phrase first at a position; a verb used as a
    noun or in the passive ('hồ sơ đề nghị cấp', 'được cấp', 'Ủy ban nhân dân cấp tỉnh') is not counted.
    `context`: the clause's words before text (a list begun in an earlier part)."""
    found: list[tuple[int, int, str]] = []
    lower = text.lower()
    context = context.lower()
    for regex, role in _VERB_RES:
        for match in regex.finditer(lower):
            before = lower[: match.start()]
            nominal = bool(
                _NOMINAL.search(before)
                or _DO_PHRASE.search(before)
                or (role in _DECISIVE_ROLES and _LISTED.search(context + before))
            )
            found.append((match.start(), match.end(), "" if nominal else role))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    taken: list[tuple[int, int, str]] = []
    for start, end, role in found:
        if not taken or start >= taken[-1][1]:
            taken.append((start, end, role))  # 'cung cấp' holds its 'cấp' even when it is itself a noun
    return [t for t in taken if t[2]]


def _marker_role(
    doc: Doc, ent: Span, part_start: int, previous: tuple[Span, str, str] | None
) -> tuple[str, str] | None:
    """(role, word) given by the words just before the mention; a list 'A, B và C' shares A's role."""
    if previous is not None:
        gap = doc.text[previous[0].end_char : ent.start_char].strip().lower()
        if gap and all(w in _LIST_GLUE for w in gap.replace(",", " , ").split()):
            return previous[1], previous[2]
    before = doc.text[part_start : ent.start_char].lower().rstrip()
    for phrase, role, needs in OBJECT_MARKERS:
        if re.search(rf"(?<!\w){re.escape(phrase)}(\s+(các|cơ quan))*$", before):
            if needs and not any(w in before for w in needs):
                continue
            return role, phrase
    return None


def _actor_roles(text: str, start: int, end: int, first_only: bool = False) -> list[tuple[str, str]]:
    """(role, verb) of the actor of text[start:end] from its verbs, the coordination rule applied."""
    roles: dict[str, str] = {}
    after_coordination = False
    for verb_start, verb_end, role in _verbs(text[start:end], text[max(0, start - 200) : start]):
        verb = text[start + verb_start : start + verb_end].lower()
        if role in _COORDINATION_ROLES:
            after_coordination = True
            if "leads" not in roles:  # 'Chủ trì, phối hợp với ...': the lead, not a helper
                roles.setdefault(role, verb)
            continue
        if after_coordination and role in _DECISIVE_ROLES:
            continue  # the joint task after 'phối hợp với X' is not the actor's own decision
        roles.setdefault(role, verb)
        if first_only:
            break
    return list(roles.items())


def agency_roles(doc: Doc, heading: Mention | None, ents: list[Span]) -> list[Role]:
    """One entry per (mention, role); the heading agency's entries say where its mention was found."""
    agencies = [e for e in ents if e.label_ == "AGENCY"]
    text = _masked(doc.text, agencies)  # 'cơ quan có thẩm quyền cấp ...' is a name, its 'cấp' is not a verb
    out: list[Role] = []
    for part_start, part_end in _parts(text):
        in_part = [e for e in agencies if part_start <= e.start_char < part_end]
        actor_found = False
        previous: tuple[Span, str, str] | None = None
        for ent in in_part:
            marked = _marker_role(doc, ent, part_start, previous)
            if marked is None and _AUTHOR.search(doc.text[part_start : ent.start_char]):
                found = [("other", "")]  # the author of a cited text
            elif marked is None and _SETS_RULES.match(doc.text, ent.end_char):
                actor_found = True
                found = [("other", "")]  # it regulates; what the rules name is not its act
            elif marked is None and _PASSIVE_AGENT.search(doc.text[part_start : ent.start_char].lower()):
                # 'được Công an Thành phố cấp thị thực': the agent of one verb, not the actor of the part
                found = _actor_roles(text, ent.end_char, part_end, first_only=True) or [("other", "")]
            elif marked is None and _verbs(
                text[_clause_start(text, part_start, ent.start_char) : ent.start_char]
            ):
                found = [
                    ("other", "")
                ]  # the object of a verb before it ('Trao đổi ... danh sách cho X'), not an actor
            elif marked is None:
                actor_found = True
                found = _actor_roles(text, ent.end_char, part_end) or [("other", "")]
            else:
                found = [marked]
            for role, word in found:
                out.append(_entry(ent.ent_id_, role, word, ent.text, ent.start_char, "text"))
            previous = (ent, found[0][0], found[0][1])
        if heading is not None and not actor_found:
            # The heading agency's verbs stop where a cited text's author is named: its title follows.
            authors = [e.start_char for e in in_part if _AUTHOR.search(doc.text[part_start : e.start_char])]
            for role, word in _actor_roles(text, part_start, authors[0] if authors else part_end):
                out.append(_entry(heading.agency, role, word, heading.text, heading.start, heading.where))
    return _dedupe(out)


_CLAUSE_BOUNDARY = re.compile(r",\s|(?<!\w)thì\s")


def _clause_start(text: str, part_start: int, at: int) -> int:
    """Start of the comma- or 'thì'-clause that holds position `at`."""
    starts = [m.end() for m in _CLAUSE_BOUNDARY.finditer(text, part_start, at)]
    return starts[-1] if starts else part_start


def _entry(agency: str, role: str, word: str, text: str, start: int, where: str) -> Role:
    """`verb`: the clause's word that gives the role (a verb, or the marker before the mention)."""
    return {
        "agency": agency,
        "role": role,
        "verb": word or None,
        "text": text,
        "start": start,
        "where": where,
    }


def _masked(text: str, ents: list[Span]) -> str:
    chars = list(text)
    for ent in ents:
        chars[ent.start_char : ent.end_char] = " " * (ent.end_char - ent.start_char)
    return "".join(chars)


def _dedupe(roles: list[Role]) -> list[Role]:
    seen: set[tuple[str, str, int, str]] = set()
    out: list[Role] = []
    for r in roles:
        key = (r["agency"], r["role"], r["start"], r["where"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
