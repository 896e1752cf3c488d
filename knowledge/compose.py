"""ask(text, topic=, facet=, province=, ...) -> Reply: the specific thing asked, from the clauses that say it.

The direct answer is one to three sentences built from the values of the clause units that answer the facet
(in force on the day asked), each sentence naming its clause; then the clauses themselves; then caveats
(draft, changed recently, partial text on file, renamed office). Nothing here is written per question: the
sentences are facet templates (knowledge/wording.py) filled with kb.json values.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from catalog import normalise_language, translator
from knowledge.answers import _documents_for, short_cite, unit_citation
from knowledge.errors import UnknownFacetError, UnknownTopicError
from knowledge.facets import FACETS, OVERVIEW, PROVINCIAL_FACETS, detect_facet, detect_topic
from knowledge.model import Citation, Reply, StatedValue
from knowledge.provinces import Province, find_province_in_text, resolve_area
from knowledge.search import expand_query
from knowledge.selection import (
    MIN_TOPIC_SCORE,
    Unit,
    candidates,
    in_force,
    index_for,
    is_national,
    relevance,
    topic_score,
)
from knowledge.store import Kb, get_kb
from knowledge.templates import TOPIC_LABELS, TOPICS
from knowledge.wording import (
    APPLY_ROLES,
    FACET_KINDS,
    ISSUE_ROLES,
    facet_sentence,
    listed,
    role_sentence,
    show_value,
)

_t = translator("knowledge")

MAX_SENTENCES = 3
MAX_DOCUMENTS_SHOWN = 6
NEAR_BEST = 0.6  # a second clause joins the answer when it is at least this relevant relative to the best
RECENT_DAYS = 550  # a replacement this recent is worth saying ("changed recently")
_ROLE_ORDER: tuple[str, ...] = (
    "receives",
    "decides",
    "issues",
    "leads",
    "publishes",
    "guides",
    "coordinates",
    "informs",
    "inspects",
    "reports_to",
    "is_reported_to",
)

# Query-side reading of what the builder's values do not carry: a point's amount is in its clause's lead-in
# ("Phạt tiền từ 3.000.000 đồng đến 5.000.000 đồng đối với ... sau đây:"), and "ngay khi" means at once.
_MONEY_RANGE = re.compile(r"từ (\d{1,3}(?:\.\d{3})+) đồng đến (\d{1,3}(?:\.\d{3})+) đồng")
_IMMEDIATE = re.compile(r"ngay khi [^.;,]*")
_REMOTE = "vùng sâu, vùng xa"
_PAPER = re.compile(r"phiếu khai báo")
_ELECTRONIC = re.compile(r"điện tử|Trang thông tin điện tử|qua mạng")
_ORGANISATION_FACTOR = re.compile(r"tổ chức[^.]*?gấp (\d+) lần")
_PUBLISHES = re.compile(r"công bố công khai", re.IGNORECASE)


def not_covered_text(lang: str) -> str:
    """The fixed opening sentence of every reply whose question the sources on file do not answer."""
    return _t("The legal texts on file do not answer this question.", normalise_language(lang))


def ask(
    text: str,
    *,
    topic: str | None = None,
    facet: str | None = None,
    province: str | None = None,
    role: str | None = None,
    zone: str | bool | None = None,
    lang: str = "en",
    on: date | None = None,
) -> Reply:
    """Answer one question; `on` is the day whose law applies (today by default)."""
    del role  # who asks does not change what the law says; the dialogue words the offer around it
    lang = normalise_language(lang)
    if topic is not None and topic not in TOPICS:
        raise UnknownTopicError(topic, TOPICS)
    if facet is not None and facet not in (*FACETS, OVERVIEW):
        raise UnknownFacetError(facet, FACETS)
    topic = topic or detect_topic(text)
    facet = facet or detect_facet(text)
    kb = get_kb()
    where = resolve_area(province) if province else find_province_in_text(text)
    prov, area = where if where else (None, None)
    reply = Reply(topic=topic, facet=facet, covered=False, direct="", lang=lang, province=prov, area=area)
    if topic is None:
        reply.direct = f"{not_covered_text(lang)} {_t('Ask the provincial police or the Department of Home Affairs.', lang)}"
        return reply
    draft = _Draft(kb, lang)
    question = f"{expand_query(text)} {TOPIC_LABELS[topic]['vi']}"
    used = facet if facet in FACETS else _likely_facet(kb, topic, question, text, on or date.today())
    reply.province_matters = used in PROVINCIAL_FACETS and _has_decrees(kb, topic)
    if used == "where":
        _compose_where(kb, draft, reply, topic, question, text, prov, area, _zone(zone), on or date.today())
    elif used in FACET_KINDS:
        _compose_values(kb, draft, topic, used, question, text, on or date.today())
    elif used is not None:
        _compose_plain(kb, draft, topic, used, question, text, on or date.today())
    if reply.province_matters and prov is None:
        reply.needs = ("province",)
    reply.covered = bool(draft.sentences)
    if reply.covered:
        reply.direct = " ".join(draft.sentences)
    else:
        reply.direct = (
            f"{not_covered_text(lang)} {_t('Ask {contacts}.', lang, contacts=_contacts(kb, topic, lang))}"
        )
    reply.citations = draft.citations
    reply.values = draft.values
    reply.roles = draft.roles
    reply.caveats = _caveats(kb, draft, lang, on or date.today())
    return reply


class _Draft:
    """Sentences with the citations and values they rest on, in order."""

    def __init__(self, kb: Kb, lang: str) -> None:
        self.kb = kb
        self.lang = lang
        self.sentences: list[str] = []
        self.citations: list[Citation] = []
        self.values: list[StatedValue] = []
        self.roles: list[tuple[str, str, int]] = []
        self.caveats: list[str] = []
        self.units: list[Unit] = []

    def cite(self, unit: Unit) -> tuple[int, str]:
        citation = unit_citation(self.kb, unit)
        if citation not in self.citations:
            self.citations.append(citation)
            self.units.append(unit)
        return self.citations.index(citation), short_cite(citation, self.lang)

    def say(self, sentence: str) -> bool:
        if sentence in self.sentences or len(self.sentences) >= MAX_SENTENCES:
            return False
        self.sentences.append(sentence)
        return True


def _zone(zone: str | bool | None) -> str | None:
    if zone is None:
        return None
    if isinstance(zone, bool):
        return "inside" if zone else "outside"
    return zone if zone in ("inside", "outside") else None


def _has_decrees(kb: Kb, topic: str) -> bool:
    return any(not is_national(u) and topic_score(u, topic) >= MIN_TOPIC_SCORE for u in kb.units)


def _ranked(kb: Kb, topic: str, facet: str, question: str, text: str, on: date) -> list[tuple[float, Unit]]:
    """National clauses of the topic answering the facet, in force on `on`, most relevant first."""
    index = index_for(kb)
    scored = [
        (relevance(kb, index, p, question, text) + 0.1 * topic_score(kb.units[p], topic), kb.units[p])
        for p in candidates(kb, topic, facet)
        if is_national(kb.units[p]) and in_force(kb, kb.units[p], on)
    ]
    scored.sort(key=lambda su: (-su[0], su[1].get("seq", 0)))
    return scored


def _likely_facet(kb: Kb, topic: str, question: str, text: str, on: date) -> str | None:
    """No facet word in the question: the facet of the clause that matches it best."""
    best: tuple[float, str] | None = None
    for facet in FACETS:
        ranked = _ranked(kb, topic, facet, question, text, on)
        if ranked and (best is None or ranked[0][0] > best[0]):
            best = (ranked[0][0], facet)
    return best[1] if best else None


def _lead_in_values(unit: Unit, facet: str) -> list[dict[str, Any]]:
    """A point's fine is in its clause's lead-in; 'ngay khi ...' is an immediate time limit."""
    found: list[dict[str, Any]] = []
    if facet == "penalty" and unit.get("point") and unit.get("context"):
        match = _MONEY_RANGE.search(unit["context"])
        if match:
            low, high = (int(g.replace(".", "")) for g in match.groups())
            found.append(
                {
                    "kind": "money_range",
                    "text": match.group(),
                    "norm": {"min_vnd": low, "max_vnd": high},
                    "lead_in": True,
                }
            )
    if facet == "deadline":
        match = _IMMEDIATE.search(unit["text"])
        if match:
            found.append({"kind": "time_limit", "text": match.group(), "norm": {"immediately": True}})
    return found


def _facet_values(unit: Unit, facet: str) -> list[dict[str, Any]]:
    kinds = FACET_KINDS[facet]
    values = [v for v in unit.get("values") or [] if v.get("kind") in kinds]
    return values or _lead_in_values(unit, facet)


def _qualified(unit: Unit, value: dict[str, Any], lang: str) -> str:
    shown = show_value(value, lang)
    start = value.get("start")
    if isinstance(start, int) and _REMOTE in unit["text"][max(0, start - 60) : start]:
        return _t("{span} in remote areas", lang, span=shown)
    return shown


def _count_note(unit: Unit, lang: str) -> str:
    counts = [v for v in unit.get("values") or [] if v.get("kind") == "count"]
    return _t(" ({count} people)", lang, count=show_value(counts[0], lang)) if counts else ""


def _compose_values(
    kb: Kb, draft: _Draft, topic: str, facet: str, question: str, text: str, on: date
) -> None:
    ranked = [(s, u) for s, u in _ranked(kb, topic, facet, question, text, on) if _facet_values(u, facet)]
    if not ranked:
        return
    best = ranked[0][0]
    for score, unit in ranked:
        if score < best * NEAR_BEST or len(draft.sentences) >= MAX_SENTENCES:
            break
        values = _facet_values(unit, facet)
        position, cite = draft.cite(unit)
        if facet == "documents":
            items = [str(v["text"]).rstrip(";.") for v in values]
            shown = items[:MAX_DOCUMENTS_SHOWN]
            more = len(items) - len(shown)
            joined = listed(shown) + (_t(" and {n} more", draft.lang, n=more) if more else "")
            said = draft.say(facet_sentence(facet, draft.lang, values=joined, cite=cite))
        else:
            joined = _t(", ", draft.lang).join(_qualified(unit, v, draft.lang) for v in values)
            joined += _count_note(unit, draft.lang) if facet == "penalty" else ""
            sentence = facet_sentence(facet, draft.lang, values=joined, cite=cite)
            said = draft.say(_route(unit, draft.lang) + sentence)
        if said:
            for value in values:
                draft.values.append(
                    StatedValue(value["kind"], str(value["text"]), show_value(value, draft.lang), position)
                )
    if facet == "penalty":
        _organisation_factor(kb, draft)


def _route(unit: Unit, lang: str) -> str:
    """A declaration time limit differs by route: the law's paper form vs. the electronic declaration."""
    if _PAPER.search(unit["text"]):
        return _t("On paper: ", lang)
    if _ELECTRONIC.search(unit["text"]):
        return _t("Online: ", lang)
    return ""


def _organisation_factor(kb: Kb, draft: _Draft) -> None:
    """'Đối với tổ chức ... gấp 02 lần': the fines stated are an individual's; organisations pay the multiple."""
    docs = {c.doc_id for c in draft.citations}
    for unit in kb.units:
        if unit["doc_id"] in docs and "penalty" in (unit.get("facets") or []):
            match = _ORGANISATION_FACTOR.search(unit["text"])
            if match:
                position, cite = draft.cite(unit)
                factor = int(match.group(1))
                draft.caveats.append(
                    _t(
                        "These amounts are for individuals; an organisation pays {factor} times as much ({cite}).",
                        draft.lang,
                        factor=factor,
                        cite=cite,
                    )
                )
                draft.values.append(StatedValue("count", match.group(1), str(factor), position))
                return


def _compose_plain(kb: Kb, draft: _Draft, topic: str, facet: str, question: str, text: str, on: date) -> None:
    """Facets with no number to state (who, conditions, exemptions, steps): name the clauses that set them."""
    ranked = _ranked(kb, topic, facet, question, text, on)
    if not ranked:
        return
    best = ranked[0][0]
    cites = []
    for score, unit in ranked[:2]:
        if score >= best * NEAR_BEST:
            cites.append(draft.cite(unit)[1])
    labels = {
        "who": _t("Who must do it is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)),
        "eligibility": _t(
            "The conditions are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "exemption": _t(
            "The exempt cases are listed in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "procedure": _t(
            "The steps are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
    }
    draft.say(
        labels.get(facet)
        or _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites))
    )


def agency_label(kb: Kb, agency_id: str, lang: str) -> str:
    info = kb.agencies.get(agency_id) or {}
    name = str(info.get("name_en") if lang == "en" else info.get("name_vi") or agency_id)
    successor = info.get("successor")
    if successor and successor in kb.agencies:
        new = kb.agencies[successor]
        return _t("{old} (now {new})", lang, old=name, new=new["name_en"] if lang == "en" else new["name_vi"])
    return name


def unit_roles(unit: Unit) -> list[tuple[str, str]]:
    """(agency, role) of each office the clause names, as the builder read its verb; 'informs' that is a
    public announcement ('công bố công khai') is worded as publishing."""
    roles: list[tuple[str, str]] = []
    for mention in unit.get("agency_roles") or []:
        role = str(mention.get("role"))
        if role == "informs" and _PUBLISHES.search(unit["text"]):
            role = "publishes"
        if (mention.get("agency"), role) not in roles and mention.get("agency"):
            roles.append((str(mention["agency"]), role))
    return roles


def _role_line(
    kb: Kb, draft: _Draft, unit: Unit, agency: str, role: str, all_roles: list[tuple[str, str]]
) -> None:
    if agency not in kb.agencies or kb.agencies[agency].get("generic"):
        return
    target = next((a for a, r in all_roles if r == "is_reported_to" and a in kb.agencies), None)
    position, cite = draft.cite(unit)
    target_name = agency_label(kb, target, draft.lang) if target else None
    sentence = role_sentence(role, agency_label(kb, agency, draft.lang), cite, draft.lang, target_name)
    if sentence and draft.say(sentence):
        draft.roles.append((agency, role, position))


def _compose_where(
    kb: Kb,
    draft: _Draft,
    reply: Reply,
    topic: str,
    question: str,
    text: str,
    prov: Province | None,
    area: str | None,
    zone: str | None,
    on: date,
) -> None:
    """The competent office by national law, then what the province's decree has each office do."""
    for _score, unit in _ranked(kb, topic, "where", question, text, on)[:2]:
        for agency, role in unit_roles(unit):
            if role in APPLY_ROLES | ISSUE_ROLES:
                _role_line(kb, draft, unit, agency, role, unit_roles(unit))
                break
    if prov is None:
        return
    doc_ids, _others = _documents_for(kb, prov, area)
    units = [
        u
        for u in kb.units
        if u["doc_id"] in doc_ids
        and u.get("part") == "body"
        and topic_score(u, topic) >= MIN_TOPIC_SCORE
        and in_force(kb, u, on)
    ]
    scopes = {u.get("zone_scope") for u in units if u.get("zone_scope")}
    if topic == "work_permit" and scopes >= {"inside", "outside"}:
        if zone is None:
            reply.needs = ("zone",)
            draft.caveats.append(
                _t(
                    "In {place} the office depends on where the employer is: inside an industrial or high-tech zone, or outside.",
                    draft.lang,
                    place=prov.name_vi,
                )
            )
            units = [u for u in units if not u.get("zone_scope")]
        else:
            units = [u for u in units if u.get("zone_scope") in (None, zone)]
    index = index_for(kb)
    lines = [
        (
            _ROLE_ORDER.index(role) if role in _ROLE_ORDER else 99,
            -relevance(kb, index, index.by_id[u["id"]], question, text),
            u,
            agency,
            role,
        )
        for u in units
        for agency, role in unit_roles(u)
    ]
    lines.sort(key=lambda line: (line[0], line[1], line[2].get("seq", 0)))
    for _order, _rel, unit, agency, role in lines:
        if len(draft.sentences) >= MAX_SENTENCES:
            break
        _role_line(kb, draft, unit, agency, role, unit_roles(unit))


def _contacts(kb: Kb, topic: str, lang: str) -> str:
    ids = kb.national.get("fallback", {}).get("contacts_by_topic", {}).get(topic, ["provincial_police"])
    return _t(" or ", lang).join(agency_label(kb, i, lang) for i in ids if i in kb.agencies)


def _caveats(kb: Kb, draft: _Draft, lang: str, on: date) -> list[str]:
    """Drafts, guidance letters, recent replacements and partial texts of the cited documents; then the
    composition's own notes (zone, organisation fines)."""
    notes: list[str] = []
    for doc_id in dict.fromkeys(c.doc_id for c in draft.citations):
        doc = kb.documents.get(doc_id, {})
        number = doc.get("number", doc_id)
        if doc.get("status") == "draft":
            notes.append(_t("{number} is a draft, not in force.", lang, number=number))
        elif doc.get("status") == "guidance_letter":
            notes.append(_t("{number} is a guidance letter, not a regulation.", lang, number=number))
        start = doc.get("effective_from")
        for old in doc.get("replaces") or []:
            old_number = kb.documents.get(old, {}).get("number", old)
            if isinstance(start, str) and (on - date.fromisoformat(start[:10])).days <= RECENT_DAYS:
                notes.append(
                    _t(
                        "Changed recently: {new} replaced {old} from {date}.",
                        lang,
                        new=number,
                        old=old_number,
                        date=_dmy(start),
                    )
                )
    return list(dict.fromkeys([*draft.caveats, *notes]))


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
