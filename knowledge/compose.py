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

from catalog import N_, normalise_language, translator
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
    title_relevance,
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
_WHERE_ROLES: tuple[str, ...] = ("receives", "decides", "issues", "leads", "publishes", "guides")
_ZONE_CONDITIONS = {
    "inside": N_("Employer inside an industrial or high-tech zone: "),
    "outside": N_("Employer outside industrial and high-tech zones: "),
}

# Query-side reading of what the builder's values do not carry: a point's amount is in its clause's lead-in
# ("Phạt tiền từ 3.000.000 đồng đến 5.000.000 đồng đối với ... sau đây:"), and "ngay khi" means at once.
_MONEY_RANGE = re.compile(r"từ (\d{1,3}(?:\.\d{3})+) đồng đến (\d{1,3}(?:\.\d{3})+) đồng")
_IMMEDIATE = re.compile(r"ngay khi [^.;,]*")
_REMOTE = "vùng sâu, vùng xa"
_PAPER = re.compile(r"phiếu khai báo", re.IGNORECASE)
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
        ask_whom = _t("Ask the provincial police or the Department of Home Affairs.", lang)
        reply.direct = not_covered_text(lang) + " " + ask_whom
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
    if not draft.sentences and used is not None:
        _superseded_note(kb, draft, topic, used, on or date.today())
    if reply.province_matters and prov is None:
        reply.needs = ("province",)
    reply.covered = bool(draft.sentences)
    if reply.covered:
        reply.direct = " ".join(draft.sentences)
    else:
        ask_whom = _t("Ask {contacts}.", lang, contacts=_contacts(kb, topic, lang))
        reply.direct = not_covered_text(lang) + " " + ask_whom
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

    def label(self, unit: Unit) -> str:
        """'282/2025/NĐ-CP, Điều 21, khoản 3, điểm e', without citing it yet."""
        return short_cite(unit_citation(self.kb, unit), self.lang)

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


def _superseded_note(kb: Kb, draft: _Draft, topic: str, facet: str, on: date) -> None:
    """Only a replaced rule on file says this: never given as current, named as replaced."""
    for position in candidates(kb, topic, facet):
        unit = kb.units[position]
        doc = kb.documents.get(unit["doc_id"], {})
        end = doc.get("effective_to")
        if (
            is_national(unit)
            and not in_force(kb, unit, on)
            and doc.get("replaced_by")
            and isinstance(end, str)
        ):
            draft.caveats.append(
                _t(
                    "{old} said this until {date}; it was replaced by {new}, whose text on this point is not on file.",
                    draft.lang,
                    old=doc.get("number", unit["doc_id"]),
                    date=_dmy(end),
                    new=", ".join(doc["replaced_by"]),
                )
            )
            return


def _parent(kb: Kb, unit: Unit) -> Unit | None:
    index = index_for(kb)
    position = index.parent_of(kb, unit)
    return kb.units[position] if position is not None else None


def _facet_values(kb: Kb, unit: Unit, facet: str) -> tuple[list[dict[str, Any]], Unit]:
    """The unit's values that answer the facet, and the unit they are quoted from. What the builder's values
    do not carry is read here: a point's fine is in its clause's opening words ('Phạt tiền từ ... đồng đến ...
    đồng đối với ... sau đây:', the clause's own unit, cited with it); 'ngay khi ...' is an immediate limit."""
    kinds = FACET_KINDS[facet]
    values = [v for v in unit.get("values") or [] if v.get("kind") in kinds]
    if values:
        return values, unit
    parent = _parent(kb, unit)
    if facet == "penalty" and parent is not None:
        money = [v for v in parent.get("values") or [] if v.get("kind") in kinds]
        match = _MONEY_RANGE.search(parent["text"])
        if not money and match:
            low, high = (int(g.replace(".", "")) for g in match.groups())
            norm = {"min_vnd": low, "max_vnd": high}
            money = [{"kind": "money_range", "text": match.group(), "start": match.start(), "norm": norm}]
        return money, parent
    if facet == "deadline":
        match = _IMMEDIATE.search(unit["text"])
        if match:
            value = {
                "kind": "time_limit",
                "text": match.group(),
                "start": match.start(),
                "norm": {"immediately": True},
            }
            return [value], unit
    return [], unit


def _qualified(unit: Unit, value: dict[str, Any], lang: str) -> str:
    """A value with what the words just before it say about it: remote areas, an extension."""
    shown = show_value(value, lang)
    start = value.get("start")
    before = unit["text"][max(0, start - 60) : start] if isinstance(start, int) else ""
    if _REMOTE in before:
        return _t("{span} in remote areas", lang, span=shown)
    if "gia hạn" in before:
        once = "một lần" in before
        return (
            _t("extendable once, for {span}", lang, span=shown)
            if once
            else _t("extension: {span}", lang, span=shown)
        )
    return shown


def _count_note(unit: Unit, lang: str) -> str:
    counts = [v for v in unit.get("values") or [] if v.get("kind") == "count"]
    return _t(" ({count} people)", lang, count=show_value(counts[0], lang)) if counts else ""


def _short(text: str, limit: int = 90) -> str:
    """A document's name as the clause writes it, cut at a word when long (a prefix: still the clause's words)."""
    text = text.strip().rstrip(";.:")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _compose_values(
    kb: Kb, draft: _Draft, topic: str, facet: str, question: str, text: str, on: date
) -> None:
    ranked = [
        (s, u) for s, u in _ranked(kb, topic, facet, question, text, on) if _facet_values(kb, u, facet)[0]
    ]
    if not ranked:
        return
    if facet == "documents":
        _compose_documents(kb, draft, ranked, question, on)
        return
    best = ranked[0][0]
    chosen = [u for s, u in ranked if s >= best * NEAR_BEST][: MAX_SENTENCES + 2]
    docs = list(dict.fromkeys(u["doc_id"] for u in chosen))
    chosen.sort(key=lambda u: (docs.index(u["doc_id"]), u.get("seq", 0)))  # each law's clauses in its order
    stated: set[str] = set()
    for unit in chosen:
        values, source = _facet_values(kb, unit, facet)
        cite = draft.label(unit)
        joined = _t(", ", draft.lang).join(_qualified(source, v, draft.lang) for v in values)
        joined += _count_note(unit, draft.lang) if facet == "penalty" else ""
        route = _route(unit, draft.lang) if facet == "deadline" else ""
        if route + joined in stated:
            continue  # a circular repeating its law's time limit adds nothing
        if draft.say(route + facet_sentence(facet, draft.lang, values=joined, cite=cite)):
            stated.add(route + joined)
            draft.cite(unit)
            position = draft.cite(source)[0]  # a point's fine is quoted from its clause's opening words
            for value in values:
                shown = show_value(value, draft.lang)
                draft.values.append(StatedValue(value["kind"], str(value["text"]), shown, position))
    if facet == "penalty":
        _organisation_factor(kb, draft)


def _compose_documents(
    kb: Kb, draft: _Draft, ranked: list[tuple[float, Unit]], question: str, on: date
) -> None:
    """A document list is an article's clauses or a clause's points: the article whose title matches the
    question best ('Hồ sơ đề nghị cấp giấy phép lao động' before its special cases), listed whole."""
    index = index_for(kb)
    best = max(
        (u for _s, u in ranked),
        key=lambda u: (title_relevance(kb, index, index.by_id[u["id"]], question), -u.get("seq", 0)),
    )
    group = [kb.units[p] for p in index.by_article[(best["doc_id"], best["article"])]]
    group = [u for u in group if u.get("part") == best.get("part") and in_force(kb, u, on)]
    group.sort(key=lambda u: u.get("seq", 0))
    items: list[tuple[dict[str, Any], int]] = []
    for unit in group:
        position = draft.cite(unit)[0]
        items += [(v, position) for v in _facet_values(kb, unit, "documents")[0]]
    shown = items[:MAX_DOCUMENTS_SHOWN]
    more = len(items) - len(shown)
    joined = listed([_short(str(v["text"])) for v, _ in shown])
    joined += _t(" and {n} more", draft.lang, n=more) if more else ""
    label = short_cite(unit_citation(kb, best), draft.lang).split(", khoản")[0]  # the article
    if draft.say(facet_sentence("documents", draft.lang, values=joined, cite=label)):
        for value, position in shown:
            draft.values.append(
                StatedValue("document", str(value["text"]), _short(str(value["text"])), position)
            )


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
    kb: Kb,
    draft: _Draft,
    unit: Unit,
    agency: str,
    role: str,
    all_roles: list[tuple[str, str]],
    condition: str | None = None,
) -> bool:
    """One sentence saying what the clause has the office do; False when nothing was said."""
    if agency not in kb.agencies or kb.agencies[agency].get("generic"):
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
    """The competent office by national law, then the offices the province's decree has take, decide, issue,
    lead, publish or explain. An office that only coordinates, informs, inspects or reports is not where a
    person goes, so it is not named here."""
    national = 0
    for _score, unit in _ranked(kb, topic, "where", question, text, on):
        for agency, role in unit_roles(unit):
            if role in APPLY_ROLES | ISSUE_ROLES and national < 2:
                national += _role_line(kb, draft, unit, agency, role, unit_roles(unit))
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
    index = index_for(kb)
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
    lines.sort(key=lambda line: (line[0], line[1], line[2].get("seq", 0)))
    for _order, _rel, unit, agency, role in lines:
        condition = _ZONE_CONDITIONS.get(unit.get("zone_scope") or "") if zoned and zone is None else None
        _role_line(kb, draft, unit, agency, role, unit_roles(unit), condition)


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
        completeness = str(doc.get("completeness") or "")
        partial = re.search(r"\bonly\b|^partial|^fragmentary", completeness.lower())
        if doc.get("source") == "national" and partial:
            notes.append(_t("Only extracts of {number} are on file.", lang, number=number))
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
