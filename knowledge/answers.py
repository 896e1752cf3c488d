"""answer(topic, province, role, lang): provincial decree clauses plus curated national rules, with citations.

Who asks changes what comes first: a host or a foreigner asking about temporary residence hears the national
declaration duty phrased for them; an employer hears the office, then the reporting duties and their dates.
Everything said is a template filled with extracted facts (knowledge/templates.py); nothing is written per question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from knowledge.errors import UnknownRoleError, UnknownTopicError
from knowledge.model import AgencyRef, Answer, Citation
from knowledge.provinces import Province, resolve_area
from knowledge.roles import unit_roles
from knowledge.store import Kb, get_kb
from knowledge.templates import (
    DOCUMENT_NAMES,
    ROLES,
    TOPIC_LABELS,
    TOPICS,
    ZONE_CONDITION,
    deadline_text,
    t,
)
from knowledge.text import fold

MIN_TOPIC_SCORE = 2
PER_DOCUMENT = 2
MAX_OFFICES = 3
_STATUS_ORDER = {"in_force": 0, "guidance_letter": 1, "draft": 2}
# Deadlines counted from an event ("at least 7 days before ...") rather than a calendar period.
_EVENT_DEADLINES = frozenset({"at_least_days", "within_hours", "immediately_after"})


def doc_label(doc: dict[str, Any]) -> str:
    """'QĐ 66/2024/QĐ-UBND', 'CV .../UBND-TH', 'QĐ .../2025/QĐ-UBND (dự thảo)'."""
    prefix = "CV" if doc["kind"] == "guidance_letter" else "QĐ"
    draft = " (dự thảo)" if doc["status"] == "draft" else ""
    return f"{prefix} {doc['number']}{draft}"


def unit_citation(kb: Kb, unit: dict[str, Any]) -> Citation:
    doc = kb.documents[unit["doc_id"]]
    clause = unit["clause"]
    if clause and unit["duplicate_number"]:
        clause += " (thứ hai)"
    return Citation(
        doc_id=unit["doc_id"],
        doc_number=doc["number"],
        article=unit["article"] + (" (Quyết định)" if unit["part"] == "decision" else ""),
        clause=clause,
        point=unit["point"],
        quote_vi=unit["text"],
        source=unit.get("source", "decree"),
        unit_id=unit["id"],
        status=unit.get("status") or doc["status"],
        lead_in=(unit.get("context") or None) if unit["point"] else None,
    )


def short_cite(c: Citation, lang: str = "en") -> str:
    """'QĐ 66/2024/QĐ-UBND, Điều 6, khoản 7'; a national source without a legal number is named by its title."""
    if c.source == "national" and not c.doc_number:
        title = c.title_vi if lang == "vi" and c.title_vi else c.title
        return ", ".join(x for x in (title, c.article, c.clause) if x)
    prefix = "" if c.source == "national" else ("CV " if "UBND-TH" in c.doc_number else "QĐ ")
    return ", ".join(x for x in (prefix + c.doc_number, c.article, c.clause, c.point) if x)


def local_name(info: dict[str, Any], lang: str) -> str:
    """An office's glossary name in the reader's language. A Chinese or Korean reader also gets the Vietnamese
    name: it is what the office's sign and forms say."""
    if lang == "en":
        return str(info["name_en"])
    own = info.get(f"name_{lang}") if lang in ("zh", "ko") else None
    return f"{own} ({info['name_vi']})" if own else str(info["name_vi"])


def agency_name(kb: Kb, agency_id: str, lang: str, short: bool = False) -> str:
    """The glossary name; `short` ('DOLISA', 'Sở LĐ-TB&XH') inside steps, where the office line gave the full one."""
    info = kb.agencies[agency_id]
    if short and info.get(f"short_{lang}"):
        return str(info[f"short_{lang}"])
    return local_name(info, lang)


def _agency(kb: Kb, agency_id: str, lang: str, condition: str | None = None) -> AgencyRef:
    info = kb.agencies[agency_id]
    successor = info.get("successor")
    return AgencyRef(
        id=agency_id,
        name=agency_name(kb, agency_id, lang),
        name_vi=info["name_vi"],
        successor_id=successor,
        successor_name=agency_name(kb, successor, lang) if successor else None,
        condition=condition,
    )


def _is_office(kb: Kb, agency_id: str | None) -> bool:
    """An agency a person can go to: named, not a catch-all ('the departments'), not abolished."""
    if not agency_id:
        return False
    info = kb.agencies[agency_id]
    return not info.get("generic") and not info.get("abolished")


def _documents_for(kb: Kb, province: Province | None, area: str | None) -> tuple[list[str], list[str]]:
    """(decrees that apply to the area, decrees of the same unit that cover another old area)."""
    if province is None:
        return [], []
    place = fold(area or province.name_vi)
    applies = [d for d, doc in kb.documents.items() if fold(doc["area"]) == place]
    others = [
        d for d, doc in kb.documents.items() if doc["province_code"] == province.code and d not in applies
    ]
    applies.sort(key=lambda d: (_STATUS_ORDER.get(kb.documents[d]["status"], 9), d))
    return applies, others


def _rank(kb: Kb, unit: dict[str, Any], topic: str) -> tuple[bool, int, int, int]:
    """Clauses whose agency one can go to first, then those that decide files, then the most on-topic."""
    procedure = {"decides": 0, "guides": 1}.get(unit["procedure"] or "", 2)
    score = unit["topics"].get(topic, 0) + bool(unit["deadlines"])
    return (not _is_office(kb, unit["responsible"]), procedure, -score, unit["seq"])


def _select(
    kb: Kb, doc_ids: list[str], topic: str, in_zone: bool | None, role: str | None
) -> tuple[list[dict[str, Any]], bool]:
    """Best units per document; for zone-split work permits the in_zone side (or both). An employer also gets
    the clauses with reporting dates and those that receive the employer's notices."""
    chosen: list[dict[str, Any]] = []
    zone_split = False
    for doc_id in doc_ids:
        body = [u for u in kb.units if u["doc_id"] == doc_id and u["part"] == "body"]
        units = [u for u in body if u["topics"].get(topic, 0) >= MIN_TOPIC_SCORE]
        scopes = {u["zone_scope"] for u in units if u["zone_scope"]}
        if topic == "work_permit" and scopes == {"inside", "outside"}:
            zone_split = True
            wanted = {"inside", "outside"} if in_zone is None else {"inside" if in_zone else "outside"}
            units = [u for u in units if u["zone_scope"] in wanted]
        units.sort(key=lambda u: _rank(kb, u, topic))
        if zone_split:
            picked: list[dict[str, Any]] = []
            for scope in sorted({u["zone_scope"] for u in units}):
                picked.append(next(u for u in units if u["zone_scope"] == scope))
        else:
            picked = units[:PER_DOCUMENT]
        if role == "employer":
            picked += _employer_extras(kb, body, units, picked, topic)
        chosen.extend(picked)
    return chosen, zone_split


def _employer_extras(
    kb: Kb,
    body: list[dict[str, Any]],
    units: list[dict[str, Any]],
    picked: list[dict[str, Any]],
    topic: str,
) -> list[dict[str, Any]]:
    """Per picked scope: the best clause with a reporting date, and notices received in the picked articles."""
    extras: list[dict[str, Any]] = []
    ids = {u["id"] for u in picked}
    for scope in {u["zone_scope"] for u in picked}:
        dated = [u for u in units if u["deadlines"] and u["zone_scope"] == scope and u["id"] not in ids]
        if dated and not any(u["deadlines"] for u in picked if u["zone_scope"] == scope):
            extras.append(dated[0])
    articles = {(u["article"]) for u in picked}
    extras += [u for u in body if u["employer_notice"] and u["article"] in articles and u["id"] not in ids]
    return extras


def _check(topic: str, role: str | None) -> None:
    if topic not in TOPICS:
        raise UnknownTopicError(topic, TOPICS)
    if role is not None and role not in ROLES:
        raise UnknownRoleError(role, ROLES)


@dataclass
class _Draft:
    """Steps with the citation each rests on, kept in order; caveats by kind, rendered most important first."""

    steps: list[tuple[str, Citation | None]] = field(default_factory=list)
    extra_citations: list[Citation] = field(default_factory=list)
    caveats: dict[str, list[str]] = field(default_factory=dict)

    def step(self, text: str, citation: Citation | None) -> None:
        if all(text != s for s, _ in self.steps):
            self.steps.append((text, citation))

    def caveat(self, kind: str, text: str) -> None:
        self.caveats.setdefault(kind, []).append(text)


# Which caveat a reader must see first when the reply is short.
_CAVEAT_ORDER = (
    "zone",
    "draft",
    "letter",
    "abolished",
    "successor",
    "merged",
    "only_area",
    "no_decree",
    "national",
)


def answer(
    topic: str,
    province: str | None,
    role: str | None = None,
    lang: str = "en",
    *,
    in_zone: bool | None = None,
) -> Answer:
    """Structured answer for a topic in a province (any spelling; old provinces resolve to their area)."""
    _check(topic, role)
    lang = "vi" if lang == "vi" else "en"
    kb = get_kb()
    hit = resolve_area(province) if province else None
    prov, area = hit if hit else (None, None)
    place = (area or (prov.name_vi if lang == "vi" else prov.name_en)) if prov else (province or "")
    doc_ids, other_docs = _documents_for(kb, prov, area)
    units, zone_split = _select(kb, doc_ids, topic, in_zone, role)
    ans = Answer(topic=topic, province=prov, area=area, covered=bool(units), summary="", lang=lang, role=role)
    draft = _Draft()
    facts = _national_facts(kb, topic, role)
    leads = [f for f in facts if role in f.get("lead_for", [])]
    rest = [f for f in facts if f not in leads]

    for fact in leads:
        _fact_step(kb, draft, fact, role, lang)
    decree_first = len(draft.steps)
    for unit in sorted(units, key=lambda u: _step_order(kb, u, topic, role)):
        _unit_steps(kb, draft, unit, topic, lang)
    for fact in rest:
        _fact_step(kb, draft, fact, role, lang)
    if role is None and not leads:
        # Neutral answer: the provincial office first, then the national rule, then the dates.
        decree = draft.steps[decree_first : decree_first + 1]
        draft.steps = (
            draft.steps[:decree_first] + decree + [s for s in draft.steps[decree_first:] if s not in decree]
        )

    ans.agencies = _offices(kb, units, zone_split, leads, lang)
    if zone_split and in_zone is None:
        ans.needs.append("in_zone")
        draft.caveat("zone", t("needs_zone", lang))
    used_docs = sorted({u["doc_id"] for u in units}, key=doc_ids.index)
    _document_caveats(kb, draft, units, used_docs, doc_ids, lang)
    for doc_id in other_docs:
        doc = kb.documents[doc_id]
        unit_name = prov.name_vi if prov else ""
        draft.caveat(
            "only_area", t("only_area", lang, number=doc_label(doc), area=doc["area"], unit=unit_name)
        )
    if not units:
        contacts = _fallback_contacts(kb, topic, lang)
        if doc_ids:
            docs = ", ".join(doc_label(kb.documents[d]) for d in doc_ids)
            draft.caveat(
                "no_decree", t("no_topic_in_decree", lang, docs=docs, place=place, contacts=contacts)
            )
        elif prov is not None or province:
            draft.caveat("no_decree", t("no_decree", lang, place=place, contacts=contacts))

    ans.steps = [text for text, _ in draft.steps]
    cited = [c for _, c in draft.steps if c is not None] + draft.extra_citations
    ans.citations = list(dict.fromkeys(cited))
    ans.step_sources = [ans.citations.index(c) if c is not None else None for _, c in draft.steps]
    ans.caveats = list(dict.fromkeys(c for kind in _CAVEAT_ORDER for c in draft.caveats.get(kind, [])))
    ans.summary = _summary(
        kb, ans, place, used_docs, any(c.source == "national" for c in ans.citations), lang
    )
    return ans


def _step_order(kb: Kb, unit: dict[str, Any], topic: str, role: str | None) -> tuple[Any, ...]:
    """Offices that decide files first, whichever document they are in; for an employer then what to send."""
    office, procedure, score, seq = _rank(kb, unit, topic)
    employer = role == "employer"
    status = _STATUS_ORDER.get(kb.documents[unit["doc_id"]]["status"], 9)
    return (
        office,
        procedure,
        employer and not unit["employer_notice"],
        employer and not unit["deadlines"],
        status,
        score,
        seq,
    )


def _on_topic(deadline: dict[str, Any], topic: str) -> bool:
    """A date belongs to the answer when its own sentence names the topic, or names no topic but reporting."""
    named = set(deadline.get("topics", [])) - {"reporting"}
    return topic == "reporting" or not named or topic in named


def _unit_steps(kb: Kb, draft: _Draft, unit: dict[str, Any], topic: str, lang: str) -> None:
    """What the clause's agency does (decides, guides, receives notices, reports by a date), with its citation."""
    cite = unit_citation(kb, unit)
    agency_id = unit["responsible"]
    if agency_id and kb.agencies[agency_id].get("abolished"):
        why = kb.agencies[agency_id]["abolished"][lang]
        draft.caveat(
            "abolished",
            t("abolished", lang, cite=short_cite(cite), agency=agency_name(kb, agency_id, lang), why=why),
        )
        draft.extra_citations.append(cite)
        return
    name = agency_name(kb, agency_id, lang, short=True) if agency_id else None
    before = len(draft.steps)
    role = clause_role(unit, agency_id)
    if name and role in ROLE_STEPS:
        draft.step(t(ROLE_STEPS[role], lang, agency=name), cite)
    for notified, notified_role in unit_roles(unit):
        if notified_role == "notified" and _is_office(kb, notified):
            draft.step(t("step_notified", lang, agency=agency_name(kb, notified, lang, short=True)), cite)
    if role == "publishes":
        return  # its monthly date is for passing the list to other offices, not for the person asking
    if name and unit["employer_notice"]:
        draft.step(t("step_notice", lang, agency=name), cite)
    for deadline in [d for d in unit["deadlines"] if _on_topic(d, topic)]:
        when = deadline_text(deadline, lang)
        if deadline["kind"] in _EVENT_DEADLINES or not name:
            # In Vietnamese the decree's own words say who must do what by then; in English, the date.
            segment = deadline.get("segment") if lang == "vi" else None
            draft.step(t("step_event", lang, when=segment or when), cite)
        elif unit["topics"].get("reporting", 0) >= MIN_TOPIC_SCORE:
            draft.step(t("step_reports", lang, agency=name, when=when), cite)
        else:
            draft.step(t("step_periodic", lang, agency=name, when=when), cite)
    if len(draft.steps) == before:
        # A clause whose office has no role a person can act on: cited, never "X is in charge of this".
        draft.extra_citations.append(cite)


# The step each clause role allows; "Apply to X" only where the clause has X receive or decide applications.
ROLE_STEPS = {
    "receives": "step_decides",
    "decides": "step_decides",
    "issues": "step_issues",
    "publishes": "step_publishes",
    "leads": "step_leads",
    "guides": "step_guides",
    "coordinates": "step_coordinates",
    "inspects": "step_inspects",
    "informs": "step_informs",
}


# Roles under which an office is one a person can go to (apply, be decided, be issued, be guided).
OFFICE_ROLES = ("receives", "decides", "issues", "leads", "guides", "publishes")


def clause_role(unit: dict[str, Any], agency_id: str | None) -> str | None:
    """The role the clause's verb gives the agency (builder's agency_roles); before those existed, the
    clause-level procedure ('decides'/'guides')."""
    if not agency_id:
        return None
    if unit.get("agency_roles"):
        roles = [role for agency, role in unit_roles(unit) if agency == agency_id]
        return (
            min(roles, key=lambda r: list(ROLE_STEPS).index(r) if r in ROLE_STEPS else 99) if roles else None
        )
    return unit.get("procedure")


def _offices(
    kb: Kb,
    units: list[dict[str, Any]],
    zone_split: bool,
    leads: list[dict[str, Any]],
    lang: str,
) -> list[AgencyRef]:
    """Offices to go to: the national rule's office when it leads, then the decree clauses' own agencies."""
    out: list[AgencyRef] = []
    for fact in leads:
        if fact.get("agency"):
            out.append(_agency(kb, fact["agency"], lang, t("national_office", lang)))
    for unit in sorted(units, key=lambda u: u["zone_scope"] is None):  # zone-specific offices first
        for notified, role in unit_roles(unit):  # where a person sends the notice the clause asks for
            if role == "notified" and _is_office(kb, notified) and all(a.id != notified for a in out):
                out.append(_agency(kb, notified, lang))
        agency_id = unit["responsible"]
        if not _is_office(kb, agency_id) or any(a.id == agency_id for a in out):
            continue
        if unit.get("agency_roles") and clause_role(unit, agency_id) not in OFFICE_ROLES:
            continue  # an office that only coordinates, informs, inspects or reports is not one to go to
        condition = ZONE_CONDITION[unit["zone_scope"]][lang] if zone_split and unit["zone_scope"] else None
        out.append(_agency(kb, agency_id, lang, condition))
    return out[:MAX_OFFICES]


def _document_caveats(
    kb: Kb, draft: _Draft, units: list[dict[str, Any]], used: list[str], applicable: list[str], lang: str
) -> None:
    in_force = [kb.documents[d] for d in applicable if kb.documents[d]["status"] == "in_force"]
    for doc_id in used:
        doc = kb.documents[doc_id]
        if doc["status"] == "draft":
            if in_force:
                draft.caveat(
                    "draft", t("draft", lang, number=doc_label(doc), in_force=doc_label(in_force[0]))
                )
            else:
                draft.caveat("draft", t("draft_alone", lang, number=doc_label(doc)))
        if doc["status"] == "guidance_letter":
            draft.caveat(
                "letter", t("letter", lang, number=doc_label(doc), based_on=", ".join(doc["based_on"]))
            )
        for note in doc.get("reorganisation", []):
            if note["kind"] == "merged_province":
                draft.caveat("merged", note[lang])
    for unit in units:
        agency_id = unit["responsible"]
        successor = kb.agencies[agency_id].get("successor") if agency_id else None
        if agency_id and successor:
            old = kb.agencies[agency_id]["name_vi"]
            new = kb.agencies[successor]["name_vi"]
            number = doc_label(kb.documents[unit["doc_id"]])
            draft.caveat("successor", t("successor", lang, old=old, new=new, number=number))


def _national_facts(kb: Kb, topic: str, role: str | None) -> list[dict[str, Any]]:
    """Curated national facts of the topic that concern who asks (all of them when the role is unknown)."""
    facts = kb.national["facts"]
    return [f for f in facts if topic in f["topics"] and (role is None or role in f["roles"])]


def _national_citation(fact: dict[str, Any]) -> Citation:
    c = fact["citation"]
    return Citation(
        doc_id="national:" + fact["id"],
        doc_number=c["doc_number"],
        article=c["article"],
        clause=c["clause"],
        point=c["point"],
        quote_vi=c["quote_vi"],
        source="national",
        status="national",
        title=c.get("doc_title_en"),
        title_vi=c.get("doc_title_vi"),
    )


def _fact_step(kb: Kb, draft: _Draft, fact: dict[str, Any], role: str | None, lang: str) -> None:
    """A national fact as one step, phrased for the role where its kind has a template; with its caveat."""
    if fact["id"] == "reorg_labour" and not draft_names_successor(kb, draft):
        return
    draft.step(_fact_text(kb, fact, role, lang), _national_citation(fact))
    if fact.get(f"caveat_{lang}"):
        draft.caveat("national", fact[f"caveat_{lang}"])


def draft_names_successor(kb: Kb, draft: _Draft) -> bool:
    """The labour reorganisation fact matters only when a cited clause names the old labour department."""
    return any(
        c is not None and c.unit_id and _unit_agency(kb, c.unit_id) == "labour_dept" for _, c in draft.steps
    ) or any(c.unit_id and _unit_agency(kb, c.unit_id) == "labour_dept" for c in draft.extra_citations)


def _unit_agency(kb: Kb, unit_id: str) -> str | None:
    unit = kb.unit_by_id.get(unit_id)
    return unit["responsible"] if unit else None


def _fact_text(kb: Kb, fact: dict[str, Any], role: str | None, lang: str) -> str:
    kind = fact.get("kind")
    if kind == "declaration_duty":
        deadline = fact["deadline"]
        values = {
            "agency": agency_name(kb, fact["agency"], lang),
            "hours": deadline["hours"],
            "remote": deadline["remote_hours"],
            "documents": t("and", lang).join(DOCUMENT_NAMES[d][lang] for d in fact["documents"]),
        }
        key = {"host": "duty_host", "foreigner": "duty_foreigner"}.get(role or "", "duty_neutral")
        return t(key, lang, **values)
    if kind == "how_to_declare" and role == "host":
        return f"{fact[lang]} {t('declare_offer', lang)}"  # the assistant files declarations itself
    if kind == "establishment_definition" and role == "foreigner":
        places = fact["establishments"][lang]
        listed = ", ".join(places[:-1]) + t("and", lang) + places[-1]
        return t("establishments_foreigner", lang, places=listed[0].upper() + listed[1:])
    return str(fact[lang])


def _fallback_contacts(kb: Kb, topic: str, lang: str) -> str:
    ids = kb.national["fallback"]["contacts_by_topic"].get(topic, ["provincial_police"])
    names = [
        f"{kb.agencies[i]['name_en']} ({kb.agencies[i]['name_vi']})"
        if lang == "en"
        else local_name(kb.agencies[i], lang)
        for i in ids
    ]
    return t("or", lang).join(names)


def _summary(kb: Kb, ans: Answer, place: str, used_docs: list[str], national: bool, lang: str) -> str:
    topic = TOPIC_LABELS[ans.topic][lang]
    topic = topic[0].upper() + topic[1:]
    for_role = t(f"for_{ans.role}", lang) if ans.role else ""
    if not place:
        return t("summary_no_place", lang, topic=topic, for_role=for_role)
    if not ans.covered:
        return t("summary_uncovered", lang, topic=topic, place=place, for_role=for_role)
    docs = ", ".join(doc_label(kb.documents[d]) for d in used_docs)
    also = t("summary_national_too", lang) if national else ""
    return t("summary_covered", lang, topic=topic, place=place, for_role=for_role, docs=docs, national=also)
