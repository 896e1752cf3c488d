"""answer(topic, province, role, lang): provincial decree clauses plus curated national rules, with citations."""

from __future__ import annotations

from typing import Any

from knowledge.errors import UnknownRoleError, UnknownTopicError
from knowledge.model import AgencyRef, Answer, Citation
from knowledge.provinces import Province, resolve_area
from knowledge.store import Kb, get_kb
from knowledge.templates import ROLES, TOPIC_LABELS, TOPICS, ZONE_CONDITION, deadline_text, t
from knowledge.text import fold

MIN_TOPIC_SCORE = 2
PER_DOCUMENT = 2
_STATUS_ORDER = {"in_force": 0, "guidance_letter": 1, "draft": 2}


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
        source="decree",
        unit_id=unit["id"],
        status=doc["status"],
    )


def short_cite(c: Citation) -> str:
    prefix = "" if c.source == "national" else ("CV " if "UBND-TH" in c.doc_number else "QĐ ")
    return ", ".join(x for x in (prefix + c.doc_number, c.article, c.clause, c.point) if x)


def _agency(kb: Kb, agency_id: str, lang: str, condition: str | None = None) -> AgencyRef:
    info = kb.agencies[agency_id]
    successor = info.get("successor")
    succ = kb.agencies[successor] if successor else None
    name = info["name_en"] if lang == "en" else info["name_vi"]
    return AgencyRef(
        id=agency_id,
        name=name,
        name_vi=info["name_vi"],
        successor_id=successor,
        successor_name=(succ["name_en"] if lang == "en" else succ["name_vi"]) if succ else None,
        condition=condition,
    )


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


def _select(
    kb: Kb, doc_ids: list[str], topic: str, in_zone: bool | None
) -> tuple[list[dict[str, Any]], bool]:
    """Best units per document for the topic; for zone-split work permits, the in_zone side (or both)."""
    chosen: list[dict[str, Any]] = []
    zone_split = False
    for doc_id in doc_ids:
        units = [
            u
            for u in kb.units
            if u["doc_id"] == doc_id and u["part"] == "body" and u["topics"].get(topic, 0) >= MIN_TOPIC_SCORE
        ]
        scopes = {u["zone_scope"] for u in units if u["zone_scope"]}
        if topic == "work_permit" and scopes == {"inside", "outside"}:
            zone_split = True
            wanted = {"inside", "outside"} if in_zone is None else {"inside" if in_zone else "outside"}
            units = [u for u in units if u["zone_scope"] in wanted]
        units.sort(key=lambda u: (not u["procedure"], -u["topics"][topic] - bool(u["deadlines"]), u["seq"]))
        if zone_split:
            best: dict[str | None, dict[str, Any]] = {}
            for u in units:
                best.setdefault(u["zone_scope"], u)
            chosen.extend(sorted(best.values(), key=lambda u: u["seq"]))
        else:
            chosen.extend(units[:PER_DOCUMENT])
    return chosen, zone_split


def _check(topic: str, role: str | None) -> None:
    if topic not in TOPICS:
        raise UnknownTopicError(topic, TOPICS)
    if role is not None and role not in ROLES:
        raise UnknownRoleError(role, ROLES)


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
    units, zone_split = _select(kb, doc_ids, topic, in_zone)
    ans = Answer(topic=topic, province=prov, area=area, covered=bool(units), summary="", lang=lang, role=role)
    caveats: list[str] = []

    seen_agencies: set[str] = set()
    for unit in sorted(units, key=lambda u: u["zone_scope"] is None):  # zone-specific offices first
        agency_id = unit["responsible"]
        if not agency_id or agency_id in seen_agencies:
            continue
        seen_agencies.add(agency_id)
        condition = ZONE_CONDITION[unit["zone_scope"]][lang] if zone_split and unit["zone_scope"] else None
        ans.agencies.append(_agency(kb, agency_id, lang, condition))
    for unit in units:
        cite = unit_citation(kb, unit)
        ans.citations.append(cite)
        name = _agency_name(kb, unit["responsible"], lang)
        for deadline in unit["deadlines"]:
            ans.steps.append(
                t(
                    "step_deadline",
                    lang,
                    agency=name,
                    when=deadline_text(deadline, lang),
                    cite=short_cite(cite),
                )
            )
        if not unit["deadlines"]:
            ans.steps.append(t("step_handles", lang, agency=name, cite=short_cite(cite)))
    if zone_split and in_zone is None:
        ans.needs.append("in_zone")
        caveats.append(t("needs_zone", lang))

    used_docs = sorted({u["doc_id"] for u in units}, key=doc_ids.index)
    caveats += _document_caveats(kb, used_docs, doc_ids, lang, {a.id for a in ans.agencies})
    caveats += _successor_caveats(kb, units, lang)
    for doc_id in other_docs:
        doc = kb.documents[doc_id]
        unit_name = prov.name_vi if prov else ""
        caveats.append(t("only_area", lang, number=doc_label(doc), area=doc["area"], unit=unit_name))
    caveats += _national(kb, ans, topic, role, lang)
    if not units:
        contacts = _fallback_contacts(kb, topic, lang)
        if doc_ids:
            docs = ", ".join(doc_label(kb.documents[d]) for d in doc_ids)
            caveats.append(t("no_topic_in_decree", lang, docs=docs, place=place, contacts=contacts))
        elif prov is not None or province:
            caveats.append(t("no_decree", lang, place=place, contacts=contacts))
    ans.caveats = list(dict.fromkeys(caveats))
    ans.summary = _summary(kb, ans, place, used_docs, lang)
    return ans


def _agency_name(kb: Kb, agency_id: str | None, lang: str) -> str:
    if not agency_id:
        return "—"
    info = kb.agencies[agency_id]
    return str(info["name_en"] if lang == "en" else info["name_vi"])


def _document_caveats(
    kb: Kb, used: list[str], applicable: list[str], lang: str, agencies: set[str]
) -> list[str]:
    out: list[str] = []
    in_force = [kb.documents[d] for d in applicable if kb.documents[d]["status"] == "in_force"]
    for doc_id in used:
        doc = kb.documents[doc_id]
        if doc["status"] == "draft":
            if in_force:
                out.append(t("draft", lang, number=doc_label(doc), in_force=doc_label(in_force[0])))
            else:
                out.append(t("draft_alone", lang, number=doc_label(doc)))
        if doc["status"] == "guidance_letter":
            out.append(t("letter", lang, number=doc_label(doc), based_on=", ".join(doc["based_on"])))
        for note in doc.get("reorganisation", []):
            if note["kind"] == "merged_province" or (
                note["kind"] == "district_level" and "district_pc" in agencies
            ):
                out.append(note[lang])
    return out


def _successor_caveats(kb: Kb, units: list[dict[str, Any]], lang: str) -> list[str]:
    out: list[str] = []
    for unit in units:
        for agency_id in [unit["responsible"]] if unit["responsible"] else []:
            successor = kb.agencies[agency_id].get("successor")
            if successor:
                number = doc_label(kb.documents[unit["doc_id"]])
                out.append(
                    t(
                        "successor",
                        lang,
                        old=kb.agencies[agency_id]["name_vi"],
                        new=kb.agencies[successor]["name_vi"],
                        number=number,
                    )
                )
    return out


def _national(kb: Kb, ans: Answer, topic: str, role: str | None, lang: str) -> list[str]:
    """Adds the curated national facts of the topic as steps and citations; returns their caveats."""
    caveats: list[str] = []
    mark = t("national_mark", lang)
    for fact in kb.national["facts"]:
        if topic not in fact["topics"] or (role is not None and role not in fact["roles"]):
            continue
        if fact["id"] == "reorg_labour" and not any(a.successor_id == "home_affairs" for a in ans.agencies):
            continue
        c = fact["citation"]
        ans.citations.append(
            Citation(
                doc_id="national:" + fact["id"],
                doc_number=c["doc_number"],
                article=c["article"],
                clause=c["clause"],
                point=c["point"],
                quote_vi=c["quote_vi"],
                source="national",
                status="national",
            )
        )
        ans.steps.append(f"{fact[lang]} [{mark}: {short_cite(ans.citations[-1])}]")
        if fact.get(f"caveat_{lang}"):
            caveats.append(fact[f"caveat_{lang}"])
    return caveats


def _fallback_contacts(kb: Kb, topic: str, lang: str) -> str:
    ids = kb.national["fallback"]["contacts_by_topic"].get(topic, ["provincial_police"])
    names = [
        f"{kb.agencies[i]['name_en']} ({kb.agencies[i]['name_vi']})"
        if lang == "en"
        else kb.agencies[i]["name_vi"]
        for i in ids
    ]
    return t("or", lang).join(names)


def _summary(kb: Kb, ans: Answer, place: str, used_docs: list[str], lang: str) -> str:
    topic = TOPIC_LABELS[ans.topic][lang]
    topic = topic[0].upper() + topic[1:]
    if not place:
        return t("summary_no_place", lang, topic=topic)
    if not ans.covered:
        return t("summary_uncovered", lang, topic=topic, place=place)
    agencies = "; ".join(a.name + (f" ({a.condition})" if a.condition else "") for a in ans.agencies) or "—"
    docs = ", ".join(doc_label(kb.documents[d]) for d in used_docs)
    count = sum(1 for c in ans.citations if c.source == "decree")
    return t("summary_covered", lang, topic=topic, place=place, agencies=agencies, count=count, docs=docs)
