"""ask(text, topic=, facet=, province=, ...) -> Reply: the specific thing asked, from the clauses that say it.

The direct answer is one to three sentences built from the values of the clause units that answer the facet
(in force on the day asked), each sentence naming its clause; then the clauses themselves; then caveats
(draft, changed recently, partial text on file; a renamed office is named with its successor). Nothing here
is written per question: the sentences are facet templates (knowledge/wording.py) filled with kb.json
values. Value facets: knowledge/stated.py; quoted facets: knowledge/quoted.py; 'where': knowledge/offices.py.
"""

from __future__ import annotations

import re
from datetime import date

from catalog import N_, normalise_language, translator
from knowledge.bounds import compose_bound
from knowledge.cues import CHANGE_OF_EMPLOYER, asks_why_duty
from knowledge.definitions import asks_what, compose_definitions, compose_term
from knowledge.draft import Draft, agency_label
from knowledge.errors import UnknownFacetError, UnknownTopicError
from knowledge.facets import (
    FACET_WORDS,
    FACETS,
    OVERVIEW,
    PROVINCIAL_FACETS,
    also_asks,
    asks_requirements_only,
    detect_facet,
    detect_topic,
    named_topics,
    second_facet,
)
from knowledge.fit import (
    ACT_TOPICS,
    about_citizens_only,
    act_phrases,
    act_words,
    asks_length,
    asks_minimum,
    asks_other_deed,
    names_penalty,
    papers_with_own_rules,
)
from knowledge.model import Reply
from knowledge.named_clauses import compose_named_clauses
from knowledge.offices import compose_where, zone_of
from knowledge.overview import asks_rules, compose_overview
from knowledge.provinces import find_province_in_text, resolve_area
from knowledge.purposes import compose_card_terms, compose_purpose_symbols, names_purpose
from knowledge.quote_focus import focus_quotes
from knowledge.quoted import compose_plain
from knowledge.ranking import (
    evidence_beyond_name,
    folded_text,
    has_decrees,
    likely_facet,
    own_word_evidence,
    ranked_clauses,
    sets_conditions,
)
from knowledge.required import asked_for_elsewhere, compose_required_in
from knowledge.search import expand_query
from knowledge.selection import Unit, candidates, in_force, index_for, is_national, title_topic
from knowledge.stated import compose_values, names_form_code, procedure_times
from knowledge.store import Kb, get_kb
from knowledge.templates import TOPIC_LABELS, TOPICS
from knowledge.text import fold, simplified, spelled_out
from knowledge.wording import FACET_KINDS

_t = translator("knowledge")

# Facets answered by quoting a clause: with none tagged, the topic's best-matching clause is quoted instead.
_QUOTE_FALLBACK = frozenset({"who", "procedure", "eligibility"})
_FORM_AND_TIME = ("forms", "deadline")  # a form named by its code: what it is and when it is due
_UPPER_BOUND = re.compile(r"tối đa|không quá")  # how a clause writes a maximum ('tối đa là 02 năm')
# What quotes for a question naming no facet are: the closest clauses, not a claim that they answer it.
_CLOSEST = N_("The clauses on file closest to this question are {cites} (quoted below).")
RECENT_DAYS = 550
MIN_EVIDENCE = 3.0  # rarity of the question's own words a clause shares, to be quoted as the closest on file  # a replacement this recent is worth saying ("changed recently")


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
    on = on or date.today()
    text = spelled_out(simplified(text))  # '簽證過期' is read as '签证过期', 'HĐLĐ' as 'hợp đồng lao động'
    if topic is not None and topic not in TOPICS:
        raise UnknownTopicError(topic, TOPICS)
    if facet is not None and facet not in (*FACETS, OVERVIEW):
        raise UnknownFacetError(facet, FACETS)
    topic = topic or detect_topic(text) or _act_topic(text)
    # A question naming a fined act and nothing else it asks ('旅游簽證過期1年?') asks what that act costs.
    if facet is None:
        facet = detect_facet(text) or ("penalty" if act_phrases(text) and not asks_other_deed(text) else None)
        if facet == "fee" and act_phrases(text):
            facet = "penalty"  # what one pays for a fined act ('I stayed 35 days too long, how much?') is its fine
        if (
            facet in ("penalty", "validity")
            and act_phrases(text)
            and asks_other_deed(text)
            and not names_penalty(text)
            and not asks_length(text)
        ):
            # 'Quá hạn visa có được mua vé máy bay không?': the act's words ('quá hạn', 'expired') read as a fine or
            # a term, but the question asks whether one may do another deed, which no fine or term answers.
            facet = None
    kb = get_kb()
    if (
        facet == "eligibility"
        and topic
        and asks_requirements_only(text)
        and not sets_conditions(kb, topic, on)
    ):
        # 'Requirements' of a paper the law sets no conditions for (the criminal-record certificate): its file
        # (Decree 216/2026 Art. 22), not a clause that only mentions 'điều kiện' (the refusal, Art. 23 k2 b).
        facet = "documents"
    where = resolve_area(province) if province else find_province_in_text(text)
    prov, area = where if where else (None, None)
    reply = Reply(topic=topic, facet=facet, covered=False, direct="", lang=lang, province=prov, area=area)
    if topic is None:
        ask_whom = _t("Ask the provincial police or the Department of Home Affairs.", lang)
        reply.direct = not_covered_text(lang) + " " + ask_whom
        return reply
    if any(not _on_file(get_kb(), words, on) for words in papers_with_own_rules(text, facet)):
        # 'e-visa', 'visa exemption certificate': no clause in force names the paper asked, so the rules of
        # the other visas are no answer.
        kb = get_kb()
        reply.direct = " ".join(
            [not_covered_text(lang), _t("Ask {contacts}.", lang, contacts=_contacts(kb, topic, lang))]
        )
        return reply
    if topic == "temporary_residence" and about_citizens_only(text):
        # The declaration rules on file are for foreign guests; citizens' residence is another law.
        kb = get_kb()
        reply.direct = " ".join(
            [
                not_covered_text(lang),
                _t(
                    "Residence of Vietnamese citizens is governed by the Law on Residence, not on file.", lang
                ),
                _t("Ask {contacts}.", lang, contacts=agency_label(kb, "commune_police", lang)),
            ]
        )
        return reply
    replaced = _fined_only_before(kb, text, on) if facet == "penalty" else []
    if replaced:
        # 'Is a late report on the foreign workers fined?': the act asked is fined only by a replaced clause
        # (Decree 12/2022 Art. 32 k1 a) and no clause in force on file names it, so the fines of the other acts
        # of its successor are no answer; the replaced clause is said as replaced, never as current.
        draft = Draft(kb, lang)
        _superseded_note(kb, draft, topic, "penalty", on, units=replaced)
        reply.direct = " ".join(
            [not_covered_text(lang), _t("Ask {contacts}.", lang, contacts=_contacts(kb, topic, lang))]
        )
        reply.caveats = draft.caveats
        return reply
    draft = Draft(kb, lang)
    # The law's words for a fined act help find its fine, not a validity ('hết hiệu lực khi nào?').
    acts = act_words(text) if facet in (None, "penalty") else ""
    question = f"{expand_query(text)} {acts} {TOPIC_LABELS[topic]['vi']}"
    used = facet if facet in FACETS else likely_facet(kb, topic, question, text, on)
    question += f" {FACET_WORDS[used]}" if used else ""
    reply.province_matters = used in PROVINCIAL_FACETS and has_decrees(kb, topic)
    defined = False
    if facet is None and asks_rules(text, topic):
        defined = compose_overview(kb, draft, topic, on)  # 'What are the rules for work permits?'
    # 'Thị thực TT là gì?': the symbol's own clause first
    defined = defined or compose_definitions(kb, draft, text, on, facet)
    if not defined and facet is None and not names_purpose(text):
        # 'Thẻ tạm trú là gì?': the clause defining the term ('what is an investor visa' is its symbols, below)
        defined = compose_term(kb, draft, text, on)
    if facet is None:
        # 'What is an investor residence card?': after what a card is, its term for that purpose (Art. 38).
        defined = compose_card_terms(kb, draft, text, on) or defined
    defined = defined or compose_purpose_symbols(
        kb, draft, text, on, facet
    )  # 'what visa to invest?': ĐT1-ĐT4
    if not defined and facet is None:
        # 'What is the rule on exit bans?': nothing asked but a subject whose clause the question's words name.
        defined = compose_named_clauses(kb, draft, topic, OVERVIEW, text, on)
    if defined and facet is None:
        used = None  # nothing else asked: the definition is the answer
    if (
        used == "validity"
        and used == facet
        and _for_another_file(text, topic)  # 'the criminal record for the work permit'
        and asked_for_elsewhere(kb, topic)
    ):
        # 'How recent must the criminal record be for the work permit?': the age the other paper's file accepts
        # (Decree 219/2025 Art. 18 k4: issued not more than 6 months before filing), before any term of its own.
        compose_required_in(kb, draft, topic, on, text)
    if used is not None and used == facet:
        # A clause the question's words point to ('what to do after it is issued', 'in what forms can one work',
        # 'a new employer'): quoted first, before the facet's own answer.
        compose_named_clauses(kb, draft, topic, used, text, on)
    if used is not None and used != facet:
        reply.province_matters = False  # a clause quoted for a question naming no facet: no office to find
        # The question names no facet: its best-matching clause is quoted as what it is, never as the answer
        # to a facet it did not ask (no 'who must do it', no values), and only when the question's own words
        # point to it; otherwise the texts on file are not said to answer it.
        _compose_unasked(kb, draft, topic, used, question, text, on)
    elif used == "where":
        compose_where(kb, draft, reply, topic, question, text, prov, area, zone_of(zone), on)
    elif used in FACET_KINDS:
        if used == "validity":
            compose_bound(
                kb, draft, topic, question, text, on
            )  # a term bounded by a paper the question names
        compose_values(kb, draft, topic, used, question, text, on)
        if used in _FORM_AND_TIME and used == facet and names_form_code(kb, text):
            # 'What is form NA17, when is it due?': the form (Circular 53/2016 Art. 7 k1) and the time limits of
            # the declaration it is filed for (Law 47/2014 Art. 33 k2: on paper 12 hours), whichever is asked first.
            other = next(f for f in _FORM_AND_TIME if f != used)
            compose_values(kb, draft, topic, other, f"{question} {FACET_WORDS[other]}", text, on)
    elif used is not None:
        compose_plain(kb, draft, topic, used, question, text, on)
        if used == "procedure" and facet == used and also_asks(text, "where"):
            # 'What are the steps? Which office receives it?': the office is said before the times.
            where_question = question.replace(FACET_WORDS[used], FACET_WORDS["where"])
            compose_where(kb, draft, reply, topic, where_question, text, prov, area, zone_of(zone), on)
        if used == "procedure":
            procedure_times(kb, draft)
            if draft.paper_route_said:
                # The paper form's 12 hours is not the online route's limit: the other routes are said too.
                compose_values(
                    kb, draft, topic, "deadline", f"{question} {FACET_WORDS['deadline']}", text, on
                )
        if not draft.sentences and used in _QUOTE_FALLBACK:
            # No clause of the topic is tagged with this facet: quote the clause that matches the question
            # best, said as what it is ("this is set out in"), never as the asked facet's answer.
            nearest = likely_facet(kb, topic, question, text, on)
            if nearest is not None and nearest not in FACET_KINDS:
                compose_plain(kb, draft, topic, nearest, question, text, on, generic=True)
    if (
        used == "documents"
        and used == facet
        and draft.sentences  # a file on file answers; 'why was my paper refused' is no file question
        and _for_another_file(text, topic)
        and asked_for_elsewhere(kb, topic)
    ):
        # 'For the work permit file, a Vietnamese record or my home country's?': after the paper's own file, the
        # other file's clause that says which and how recent (Decree 219/2025 Art. 18 k4: foreign or Vietnamese,
        # issued not more than 6 months before filing).
        compose_required_in(kb, draft, topic, on, text)
    if used == "who" and used == facet and draft.sentences and asks_why_duty(text):
        # 'Why must the landlord declare a foreign tenant?': whose duty it is, then the fine for not doing it.
        compose_values(kb, draft, topic, "penalty", f"{question} {FACET_WORDS['penalty']}", text, on)
    second = second_facet(text, used) if used is not None and used == facet and draft.sentences else None
    if used is not None and second is not None and not (used == "procedure" and second != "documents"):
        # 'What documents, and how long does it take?': the other part's facet is answered too (a procedure
        # answer says its times already).
        compose_values(
            kb, draft, topic, second, question.replace(FACET_WORDS[used], FACET_WORDS[second]), text, on
        )
    if not draft.sentences and used == "deadline" and used == facet:
        # 'When do I need a criminal-record certificate?': no time limit of its own; the files that ask for it.
        compose_required_in(kb, draft, topic, on, text)
    if not draft.sentences and used is not None:
        _superseded_note(kb, draft, topic, used, on)
    if reply.province_matters and prov is None:
        reply.needs = ("province",)
    if used in ("validity", "deadline", "processing_time") and _only_maxima_for_a_minimum(draft, text):
        # 'What is the minimum term?' answered with 'up to 2 years' would mislead: the texts set no minimum.
        draft.caveats.insert(
            0, _t("The texts on file set only a maximum: {answer}", lang, answer=" ".join(draft.sentences))
        )
        draft.sentences.clear()
        draft.values.clear()
    unasked = used is not None and used != facet and not defined
    # Clauses quoted for a question naming no facet are the closest on file, not its answer: said after the
    # not-covered sentence, so the reader sees both.
    reply.covered = bool(draft.sentences) and not unasked
    if reply.covered:
        reply.direct = " ".join(draft.sentences)
    else:
        ask_whom = _t("Ask {contacts}.", lang, contacts=_contacts(kb, topic, lang))
        reply.direct = " ".join([not_covered_text(lang), *draft.sentences, ask_whom])
    reply.citations = focus_quotes(draft.citations, expand_query(text))  # the asker's own words
    reply.values = draft.values
    reply.roles = draft.roles
    reply.caveats = _caveats(kb, draft, lang, on)
    return reply


_ON_FILE: dict[tuple[int, tuple[str, ...], date], bool] = {}


_NEW_EMPLOYER = (re.compile(CHANGE_OF_EMPLOYER[0]), re.compile(CHANGE_OF_EMPLOYER[1]))


def _for_another_file(text: str, topic: str) -> bool:
    """The paper is asked for another paper's file: that paper named ('for the work permit'), or a move to a new
    employer, which calls for a new work permit (Decree 219/2025 Art. 20) and so its file (Art. 18)."""
    if set(named_topics(text)) - {topic}:
        return True
    return topic != "work_permit" and bool(
        _NEW_EMPLOYER[0].search(fold(text)) or _NEW_EMPLOYER[1].search(simplified(text))
    )


def _on_file(kb: Kb, words: tuple[str, ...], on: date) -> bool:
    """Some national clause in force on `on` names the paper in these words."""
    key = (id(kb), words, on)
    found = _ON_FILE.get(key)
    if found is None:
        found = _ON_FILE[key] = any(
            is_national(u) and in_force(kb, u, on) and any(w in folded_text(u) for w in words)
            for u in kb.units
        )
    return found


def _act_topic(text: str) -> str | None:
    """A question naming a fined act but no paper ('ở quá hạn 20 ngày bị phạt bao nhiêu?') is about the topic
    whose fines list that act."""
    acts = act_phrases(text)
    return ACT_TOPICS.get(acts[0]) if acts else None


def _only_maxima_for_a_minimum(draft: Draft, text: str) -> bool:
    """The question asks for the least time and every time the draft states is an upper bound."""
    if not draft.values or not asks_minimum(text):
        return False
    times = [v for v in draft.values if v.kind in ("duration", "time_limit")]
    return bool(times) and all(_UPPER_BOUND.search(v.text) for v in times)


def _compose_unasked(
    kb: Kb, draft: Draft, topic: str, facet: str, question: str, text: str, on: date
) -> None:
    ranked = ranked_clauses(kb, topic, facet, question, text, on)
    # Quoted after 'not covered' only when the question's own words, beyond the paper's name ('... on a tourist
    # visa?'), point to the clause: otherwise the quotes are noise beside 'not covered'. 'What is a health
    # certificate?' asks about the paper itself: there its name is the evidence.
    if not ranked:
        return
    best = ranked[0][1]
    evidence = (
        own_word_evidence(kb, best, text) if asks_what(text) else evidence_beyond_name(kb, best, text, topic)
    )
    if evidence >= MIN_EVIDENCE:
        compose_plain(kb, draft, topic, facet, question, text, on, lead=_CLOSEST)


def _fined_only_before(kb: Kb, text: str, on: date) -> list[Unit]:
    """The replaced penalty clauses naming an act the question names (all the words of the law's phrase for it,
    fit.act_phrases) when no penalty clause in force names it."""
    found: list[Unit] = []
    for phrase in act_phrases(text):
        words = set(phrase.split())
        naming = [
            kb.units[p]
            for p in index_for(kb).by_facet.get("penalty", [])
            if words <= set(re.findall(r"\w+", folded_text(kb.units[p])))
        ]
        if naming and not any(in_force(kb, u, on) for u in naming):
            found += naming
    return found


def _superseded_note(
    kb: Kb, draft: Draft, topic: str, facet: str, on: date, units: list[Unit] | None = None
) -> None:
    """Only a replaced rule on file says this (the topic's clauses for the facet, or the units given): never
    given as current, named as replaced."""
    for unit in units if units is not None else [kb.units[p] for p in candidates(kb, topic, facet)]:
        doc = kb.documents.get(unit["doc_id"], {})
        end = unit.get("effective_to") or doc.get(
            "effective_to"
        )  # an article's wording may end before its law
        if (
            is_national(unit)
            and not in_force(kb, unit, on)
            and doc.get("replaced_by")
            and isinstance(end, str)
            # a replaced text about another paper (the criminal-records law for a residence question) is noise
            and _about_topic(str(doc.get("title_vi") or ""), topic)
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


def _about_topic(title: str, topic: str) -> bool:
    """A text's title names the topic, or no topic, or it is a penalty decree (fines of many papers)."""
    return title_topic(title) in (None, topic) or "xu phat" in fold(title)


def _contacts(kb: Kb, topic: str, lang: str) -> str:
    ids = kb.national.get("fallback", {}).get("contacts_by_topic", {}).get(topic, ["provincial_police"])
    return _t(" or ", lang).join(agency_label(kb, i, lang) for i in ids if i in kb.agencies)


def _caveats(kb: Kb, draft: Draft, lang: str, on: date) -> list[str]:
    """Most important first, since a short reply keeps the first ones: drafts, guidance letters and recent
    replacements of the cited documents; then the composition's own notes (zone, organisation fines); then
    which texts are on file only in part."""
    status: list[str] = []
    partial: list[str] = []
    for doc_id in dict.fromkeys(c.doc_id for c in draft.citations):
        doc = kb.documents.get(doc_id, {})
        number = doc.get("number", doc_id)
        if doc.get("status") == "draft":
            status.append(_t("{number} is a draft, not in force.", lang, number=number))
        elif doc.get("status") == "guidance_letter":
            status.append(_t("{number} is a guidance letter, not a regulation.", lang, number=number))
        start = doc.get("effective_from")
        recent = isinstance(start, str) and (on - date.fromisoformat(start[:10])).days <= RECENT_DAYS
        for old in doc.get("replaces") or [] if recent else []:
            old_number = kb.documents.get(old, {}).get("number", old)
            status.append(
                _t(
                    "Changed recently: {new} replaced {old} from {date}.",
                    lang,
                    new=number,
                    old=old_number,
                    date=_dmy(str(start)),
                )
            )
        before = doc.get("wording_before")
        if before:
            partial.append(
                _t(
                    "{number} is quoted in its wording before {date}; it was amended by {laws}, whose text is not on file.",
                    lang,
                    number=number,
                    date=_dmy(before["from"]),
                    laws=", ".join(before["by"]),
                )
            )
        completeness = str(doc.get("completeness") or "").lower()
        if doc.get("source") == "national" and re.search(r"\bonly\b|^partial|^fragmentary", completeness):
            partial.append(_t("Only extracts of {number} are on file.", lang, number=number))
    return list(dict.fromkeys([*status, *draft.caveats, *partial]))


def _dmy(iso: str) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
