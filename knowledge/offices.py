"""'Where' answers: the competent office by national law, then the offices the province's decree has
take, decide, issue, publish, explain or be notified, each worded by the role its clause gives it."""

from __future__ import annotations

import re
from datetime import date

from catalog import N_, translator
from knowledge.answers import _documents_for
from knowledge.draft import Draft, agency_label
from knowledge.facets import MAIN_TOPICS
from knowledge.model import Reply
from knowledge.provinces import Province
from knowledge.ranking import NEAR_BEST, has_decrees, ranked_clauses
from knowledge.roles import unit_roles
from knowledge.selection import (
    MIN_TOPIC_SCORE,
    Unit,
    in_force,
    index_for,
    relevance,
    topic_score,
)
from knowledge.selection import (
    is_national as is_national_unit,
)
from knowledge.store import Kb
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold
from knowledge.wording import ISSUE_ROLES, role_sentence

_t = translator("knowledge")

# 'leads' (chủ trì) is left out: the lead office of a coordination task is not where a person applies.
_WHERE_ROLES: tuple[str, ...] = ("receives", "decides", "issues", "publishes", "guides", "notified")
_ZONE_CONDITIONS = {
    "inside": N_("Employer inside an industrial or high-tech zone: "),
    "outside": N_("Employer outside industrial and high-tech zones: "),
}


_FOREIGNER_RULE = re.compile(r"(Người|Công dân) nước ngoài")
_SUBMITS = re.compile(r"nộp hồ sơ|nộp trực tiếp|gửi hồ sơ|khai báo tạm trú với", re.IGNORECASE)


def zone_of(zone: str | bool | None) -> str | None:
    if zone is None:
        return None
    if isinstance(zone, bool):
        return "inside" if zone else "outside"
    return zone if zone in ("inside", "outside") else None


def _named_office(kb: Kb, agency: str) -> bool:
    """An office the reply can name: not 'the competent authority' (Decree 219/2025 Art. 22 k3), which would
    take the place of the office a nearby clause names (Art. 4 k1: the provincial People's Committee)."""
    info = kb.agencies.get(agency) or {}
    return bool(info) and not info.get("generic") and not info.get("abolished")


def _role_line(
    kb: Kb,
    draft: Draft,
    unit: Unit,
    agency: str,
    role: str,
    all_roles: list[tuple[str, str]],
    condition: str | None = None,
) -> bool:
    """One sentence saying what the clause has the office do; False when nothing was said."""
    if not _named_office(kb, agency):
        return False  # 'the departments', or district committees that no longer exist
    if (agency, role) in {(a, r) for a, r, _p in draft.roles}:
        return False
    target = next((a for a, r in all_roles if r == "is_reported_to" and a in kb.agencies), None)
    target_name = agency_label(kb, target, draft.lang) if target else None
    sentence = role_sentence(
        role, agency_label(kb, agency, draft.lang), draft.label(unit), draft.lang, target_name
    )
    if sentence and condition:
        sentence = _t(condition, draft.lang) + sentence
    if sentence and draft.say(sentence):
        draft.roles.append((agency, role, draft.cite(unit)[0]))
        return True
    return False


def compose_where(
    kb: Kb,
    draft: Draft,
    reply: Reply,
    topic: str,
    question: str,
    text: str,
    prov: Province | None,
    area: str | None,
    zone: str | None,
    on: date,
) -> None:
    """The competent office by national law, then the offices the province's decree has take, decide, issue,
    lead, publish or explain. An office that only coordinates, informs, inspects or reports is not where a
    person goes, so it is not named here."""
    # National law: where the application goes (receives), then who decides or issues, each the most
    # relevant clause saying so, one office each.
    ranked = ranked_clauses(kb, topic, "where", question, text, on)
    ranked = [(s, u) for s, u in ranked if s >= ranked[0][0] * NEAR_BEST] if ranked else []
    # The clause where the applicant submits ('người sử dụng lao động nộp hồ sơ ... đến X') says where to
    # apply more plainly than one where offices pass the file on.
    # Among them, the rule for a foreigner (the people this assistant serves) before the one for citizens
    # (Decree 216/2026 Art. 22 k6: a) 'Công dân Việt Nam gửi hồ sơ ...', b) 'Người nước ngoài ... gửi hồ sơ').
    ranked.sort(key=lambda su: (not _SUBMITS.search(su[1]["text"]), not _FOREIGNER_RULE.match(su[1]["text"])))
    kinds = (frozenset({"receives"}), frozenset({"decides"}) | ISSUE_ROLES)
    # With a province, its decree names the receiving offices; national law then adds who is competent.
    for wanted in kinds[1:] if prov is not None and has_decrees(kb, topic) else kinds:
        found = next(
            (
                (u, a, r)
                for _s, u in ranked
                for a, r in unit_roles(u)
                if r in wanted and a not in _said(draft) and _named_office(kb, a)
            ),
            None,
        )
        if found:
            _role_line(kb, draft, found[0], found[1], found[2], unit_roles(found[0]))
    if not draft.sentences:
        _issuer_named_in_the_paper(kb, draft, topic, ranked)
    if prov is None:
        return
    doc_ids, _others = _documents_for(kb, prov, area)
    index = index_for(kb)
    units = [
        u
        for u in (kb.units[p] for d in doc_ids for p in index.by_doc.get(d, ()))
        if u.get("part") == "body" and topic_score(u, topic) >= MIN_TOPIC_SCORE and in_force(kb, u, on)
    ]
    scopes = {u.get("zone_scope") for u in units if u.get("zone_scope")}
    zoned = topic == "work_permit" and scopes >= {"inside", "outside"}
    if zoned and zone is None:
        reply.needs = ("zone",)
        draft.caveats.append(
            _t(
                "In {place} the office depends on where the employer is: inside an industrial or high-tech zone, or outside.",
                draft.lang,
                place=prov.name_vi,
            )
        )
    elif zoned:
        units = [u for u in units if u.get("zone_scope") in (None, zone)]
    lines = [
        (
            _WHERE_ROLES.index(role),
            -relevance(kb, index, index.by_id[u["id"]], question, text),
            u,
            agency,
            role,
        )
        for u in units
        for agency, role in unit_roles(u)
        if role in _WHERE_ROLES
    ]
    # Clauses about the question first (a department's unrelated duty is no answer), then by role: where to
    # apply before who guides; each office once, under its most useful role.
    floor = min((line[1] for line in lines), default=0.0) * NEAR_BEST
    lines = [line for line in lines if line[1] <= floor]
    lines.sort(key=lambda line: (line[0], not line[2].get("zone_scope"), line[1], line[2].get("seq", 0)))
    named = {agency for agency, _role, _position in draft.roles}
    issuers = {agency for agency, role, _position in draft.roles if role in ISSUE_ROLES}
    for _order, _rel, unit, agency, role in lines:
        if agency in named:
            continue
        if role in ISSUE_ROLES and issuers and not issuers & _DELEGATES and agency not in issuers:
            # National law in force names another issuer (criminal-record certificates: the police since
            # 01/7/2026); a decree giving the paper to another office predates it and is not repeated as current.
            continue
        moved = _moved_away(kb, agency, topic, on)
        if moved is not None:
            # Hà Nam's 2024 decree has the DoJ guide and issue criminal records: the police's since 01/7/2026.
            note = _t(
                "{office} had this task under {cite}; since {date} it belongs to {new}.",
                draft.lang,
                office=agency_label(kb, agency, draft.lang),
                cite=draft.label(unit),
                date=f"{moved['from'][8:10]}/{moved['from'][5:7]}/{moved['from'][0:4]}",
                new=agency_label(kb, str(moved["to"]), draft.lang),
            )
            if note not in draft.caveats:
                draft.caveats.append(note)
            continue
        if role in ISSUE_ROLES and not _issues_the_paper(unit, agency, topic):
            continue  # 'cấp thị thực, thẻ tạm trú, ..., hướng dẫn khai báo tạm trú': the police issue visas and
            # cards, not declarations; that clause says where declarations are guided, under that role
        condition = _ZONE_CONDITIONS.get(unit.get("zone_scope") or "") if zoned and zone is None else None
        if _role_line(kb, draft, unit, agency, role, unit_roles(unit), condition):
            named.add(agency)
    if not any(role in kinds[0] for _agency, role, _position in draft.roles):
        # The decree names no office that takes the papers: national law's does (a declaration goes to the
        # commune police, Law 47/2014 Art. 33), said after the province's lines.
        found = next(
            (
                (u, a, r)
                for _s, u in ranked
                if _SUBMITS.search(u["text"])  # where the applicant submits, not where offices pass files
                for a, r in unit_roles(u)
                # ... also when that office was named as the issuer (the decree's own office moved away: the
                # criminal-record certificate, the police's since 01/7/2026, asked 'where to apply' in Da Nang)
                if r in kinds[0] and (a, r) not in {(agency, role) for agency, role, _p in draft.roles}
            ),
            None,
        )
        if found:
            _role_line(kb, draft, found[0], found[1], found[2], unit_roles(found[0]))


# National issuers that hand the paper to a provincial department: a decree naming that department agrees.
_DELEGATES = frozenset({"provincial_pc", "work_permit_authority"})


# 'Giấy khám sức khỏe do cơ sở khám bệnh, chữa bệnh có đủ điều kiện cấp': who issues the paper, named with it
# though it is no office of the glossary.
_ISSUED_BY = re.compile(r"(?<!\w)do ((?:cơ sở|cơ quan)[^;.()]{3,80}?) cấp(?!\w)")


def _issuer_named_in_the_paper(kb: Kb, draft: Draft, topic: str, ranked: list[tuple[float, Unit]]) -> None:
    """With no office whose role the clauses give, the issuer the national clause names with the paper."""
    paper = fold(TOPIC_LABELS[topic]["vi"].split(", ")[0])
    for _score, unit in ranked:
        match = _ISSUED_BY.search(unit["text"])
        if match and paper in fold(unit["text"][: match.start()]) and is_national_unit(unit):
            draft.say(
                _t(
                    "Issued by “{issuer}” ({cite}).",
                    draft.lang,
                    issuer=match.group(1),
                    cite=draft.label(unit),
                )
            )
            draft.cite(unit)
            return


def _moved_away(kb: Kb, agency: str, topic: str, on: date) -> dict[str, str] | None:
    """The office's function for this paper that moved to another office by the day asked (agencies.json
    functions_moved: the Department of Justice's criminal-record certificates, to the police from 01/7/2026)."""
    for moved in (kb.agencies.get(agency) or {}).get("functions_moved") or []:
        start = str(moved.get("from") or "")
        if (
            str(moved.get("function", "")).startswith(topic)
            and start
            and date.fromisoformat(start[:10]) <= on
        ):
            return {"from": start[:10], "to": str(moved.get("to"))}
    return None


_OBJECT_CHARS = 80  # how far after the issuing verb the paper is named ('cấp, cấp lại, ... giấy phép')


def _issues_the_paper(unit: Unit, agency: str, topic: str) -> bool:
    """The clause's issuing verb has the topic's paper as its object ('cấp ... giấy phép lao động'); for the
    four papers people ask about (other topics' labels name a field, not a paper)."""
    if topic not in MAIN_TOPICS:
        return True
    papers = [fold(p) for p in TOPIC_LABELS[topic]["vi"].split(", ")]
    text = fold(unit["text"])
    for entry in unit.get("agency_roles") or []:
        if entry.get("agency") != agency or entry.get("role") not in ISSUE_ROLES or not entry.get("verb"):
            continue
        after = text.find(
            fold(str(entry["verb"])), int(entry.get("start") or 0) if entry.get("where") == "text" else 0
        )
        if after >= 0 and any(p in text[after : after + _OBJECT_CHARS] for p in papers):
            return True
    return False


def _said(draft: Draft) -> set[str]:
    return {agency for agency, _role, _position in draft.roles}
