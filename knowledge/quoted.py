"""Facets with no number to state (who, conditions, exemptions, steps): name the articles that set them
and quote them, the best article from its start."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from catalog import translator
from knowledge.draft import Draft
from knowledge.fit import cases_asked, in_first_sentence, other_paper, papers_asked
from knowledge.listed import in_answer
from knowledge.model import StatedValue
from knowledge.ranking import NEAR_BEST, evidence_beyond_name, own_word_evidence, ranked_clauses
from knowledge.selection import (
    Unit,
    candidates,
    in_force,
    index_for,
    is_national,
    off_the_asked_sub,
    unasked_sub,
)
from knowledge.store import Kb
from knowledge.text import fold

_t = translator("knowledge")

PLAIN_QUOTES = 5  # clauses quoted from the article that answers a facet with no value to state
# A list of cases or conditions is quoted from its start and a short reply cuts the rest: the cases that turn
# on a number (an amount, a length of stay, an age) are named in the direct answer, each in its clause's words.
_LISTED_FACETS = frozenset({"exemption", "eligibility"})
# Facets whose word lifts a general article ('điều kiện', 'trách nhiệm': Labour Code Art. 151, 153) over the
# clause the question's own words name; steps are not among them (their articles follow the asked sub-procedure).
_POINTED_FACETS = frozenset({"exemption", "eligibility", "who"})
_KEY_KINDS = frozenset({"money", "money_range", "duration", "count", "age"})
MAX_KEY_CASES = 6
NAMED_CHARS = 200
CLEAR_LEAD = 1.25  # a listed case the question names matches this much better than any other clause
_LEAD_WORDS = 4  # a point's clause's first words ('Lao động kỹ thuật thuộc')
_WORDS_BEFORE = 4  # the clause's words before the value that say what it is ('có giá trị góp vốn từ')
_PHRASE_WORDS = 12  # a phrase this short before the value is quoted whole ('Có bằng đại học … và có ít nhất')
_TAIL = re.compile(
    r"(?:\s+[^\s,;.:]+){0,3}"
)  # and up to 3 after it, within its phrase ('kinh nghiệm làm việc')
_DATE_AFTER = re.compile(r"^\s+\d")  # '01 tháng 01': a date, not a length


def compose_plain(
    kb: Kb,
    draft: Draft,
    topic: str,
    facet: str,
    question: str,
    text: str,
    on: date,
    generic: bool = False,
    lead: str | None = None,
) -> None:
    """Facets with no number to state (who, conditions, exemptions, steps): name the clauses that set them."""
    ranked = ranked_clauses(kb, topic, facet, question, text, on)
    if facet == "forms":
        # A form is one paper's and one procedure's: the visa's sponsorship letter (Law 47/2014 Art. 17) or the
        # permanent card's exchange form (Art. 43) is no answer to the form for a first permanent card.
        index, papers = index_for(kb), papers_asked(text)
        ranked = [
            (s, u)
            for s, u in ranked
            if not other_paper(u, papers) and not unasked_sub(index, index.by_id[u["id"]], text, question)
        ]
    if not ranked:
        return
    # The case the question names ('married to a Vietnamese': Labour Code Art. 154 k8) is said first, in its
    # clause's words; the list's other cases are then no part of the answer.
    case_named = (
        facet == "exemption"  # the lists of who needs no permit or visa; a condition list names no cases
        and not generic
        and lead is None
        and _say_named_cases(draft, topic, facet, ranked, text, on)
    )
    best = ranked[0][0]
    if facet in _POINTED_FACETS:
        ranked = _pointed_second(draft.kb, ranked, text)
    cites: list[str] = []
    articles: set[tuple[str, str]] = set()
    listed: list[Unit] = []  # the cited articles' clauses answering the facet, in order
    named: Unit | None = None  # the listed case the question names, when one clearly matches best
    for score, unit in ranked:
        if score < best * NEAR_BEST or len(cites) >= 2:
            break
        if (unit["doc_id"], unit["article"]) in articles:
            continue  # the article is named already; its best clause is quoted
        if cites and off_the_asked_sub(kb, ranked[0][1], unit, text, question):
            continue  # 'how to extend my visa': the extension's article, not the visa's first issue
        articles.add((unit["doc_id"], unit["article"]))
        label = draft.label(unit)
        siblings = [
            p
            for p in index_for(kb).by_article[(unit["doc_id"], unit["article"])]
            if kb.units[p].get("clause")
        ]
        if not cites:
            # The best article is quoted from its start: its clauses that answer the facet, in order (the
            # conditions of Art. 151 are its khoản 1 with points a-d, not the clause that matched best).
            in_order = [
                kb.units[p]
                for p in siblings
                if in_answer(kb.units[p], facet, [kb.units[q] for q in siblings])
                and in_force(kb, kb.units[p], on)
            ]
            if (
                facet in _LISTED_FACETS
                and not case_named
                and len(ranked) > 1
                and score >= ranked[1][0] * CLEAR_LEAD
                and unit not in (in_order[:PLAIN_QUOTES] or [unit])  # an article of one unit is quoted whole
            ):
                # The one case the question names ('kết hôn với người Việt Nam': Labour Code Art. 154 k8) is
                # quoted first; the list's start follows.
                draft.cite(unit)
                named = unit
            for part in _answering_part(kb, in_order, text, topic) or [unit]:
                draft.cite(part)
            listed += in_order
        else:
            draft.cite(unit)
            listed += [
                kb.units[p]
                for p in siblings
                if in_answer(kb.units[p], facet, [kb.units[q] for q in siblings])
                and in_force(kb, kb.units[p], on)
            ]
        cites.append(label.split(", khoản")[0] if len(siblings) > 1 else label)
    labels = {
        "who": _t("Who must do it is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)),
        "eligibility": _t(
            "The conditions are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "exemption": _t(
            "The exempt cases are listed in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
        "documents": _t(
            "The documents required are set out in {cites} (quoted below).",
            draft.lang,
            cites="; ".join(cites),
        ),
        "procedure": _t(
            "The steps are set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites)
        ),
    }
    if lead is not None:  # the caller's own words for what the quotes are
        draft.say(_t(lead, draft.lang, cites="; ".join(cites)))
        return
    draft.say(
        (None if generic else labels.get(facet))
        or _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(cites))
    )
    if named is not None and lead is None and not generic:
        said = (
            named["text"]
            if len(named["text"]) <= NAMED_CHARS
            else named["text"][:NAMED_CHARS].rsplit(" ", 1)[0] + " …"
        )
        draft.say(
            _t(
                "The case asked is listed: “{quote}” ({cite}).",
                draft.lang,
                quote=said,
                cite=draft.label(named),
            )
        )
    if facet in _LISTED_FACETS and not generic and not case_named:
        referred = _say_referred_cases(draft, topic, facet, listed, on) if facet == "exemption" else []
        _say_key_cases(draft, facet, [u for u in listed if u not in referred])


LIST_EVIDENCE = 6.0  # rarity of the question's own words a listed clause shares, to be quoted out of turn


def _pointed_second(kb: Kb, ranked: list[tuple[float, Unit]], text: str) -> list[tuple[float, Unit]]:
    """The near-best clause the question's own words point to most ('years of experience', 'expert': Decree
    219/2025 Art. 3 k3) moved up to be the second article named, when the best is another article: the facet's
    word ('điều kiện') lifts the general article, which alone would not state what was asked."""
    near = [(s, u) for s, u in ranked[1:] if s >= ranked[0][0] * NEAR_BEST]
    if not near:
        return ranked
    evidence = {u["id"]: own_word_evidence(kb, u, text, phrases=True) for _s, u in [ranked[0], *near]}
    pointed = max(near, key=lambda su: evidence[su[1]["id"]])
    first = ranked[0][1]
    if (
        evidence[pointed[1]["id"]] < LIST_EVIDENCE
        or evidence[pointed[1]["id"]] <= evidence[first["id"]]
        or (pointed[1]["doc_id"], pointed[1]["article"]) == (first["doc_id"], first["article"])
    ):
        return ranked
    return [ranked[0], pointed, *(su for su in ranked[1:] if su is not pointed)]


def _answering_part(kb: Kb, in_order: list[Unit], text: str, topic: str) -> list[Unit]:
    """The clauses of a long list quoted: its opening, then those the question's own words point to (the point
    naming 'LĐ1' among a card's cases), the rest in order up to PLAIN_QUOTES; shown in the article's order.
    The paper's own name ('lý lịch tư pháp', said in every clause of Decree 216/2026 Art. 22) points to none:
    'how to apply for the judicial record' quotes the opening's ways of filing (k1 a-c: online on the national
    identity app, by post, in person), not the proxies' clauses that happen to repeat the name more."""
    if len(in_order) <= PLAIN_QUOTES:
        return in_order
    scores = {u["id"]: evidence_beyond_name(kb, u, text, topic) for u in in_order[1:]}
    best = sorted(in_order[1:], key=lambda u: -scores.get(u["id"], 0.0))
    matched = [u for u in best if scores.get(u["id"], 0.0) >= LIST_EVIDENCE][: PLAIN_QUOTES - 1]
    # A list's opening ('… thực hiện như sau:') says nothing without its points: not quoted to fill the reply.
    rest = [u for u in in_order[1:] if u not in matched and not u["text"].rstrip().endswith(":")]
    rest = rest[: PLAIN_QUOTES - 1 - len(matched)]
    keep = {u["id"] for u in [in_order[0], *matched, *rest]}
    return [u for u in in_order if u["id"] in keep]


NAMED_CASES = 3
_SENTENCES = re.compile(r"(?<=[.;])\s+")


def _sentence_naming(text: str, wanted: tuple[str, ...]) -> str:
    """The clause's sentence that names the case ('… (6) … người nước ngoài là vợ, chồng, con của công dân Việt
    Nam …'), '… ' before it when it is not the first."""
    sentences = _SENTENCES.split(text)
    for i, sentence in enumerate(sentences):
        if any(words in fold(sentence) for words in wanted):
            return ("… " if i else "") + sentence
    return sentences[0]


def _say_named_cases(
    draft: Draft, topic: str, facet: str, ranked: list[tuple[float, Unit]], text: str, on: date
) -> bool:
    """The listed clauses naming the case the question names, most relevant first, each quoted whole up to its
    first sentence's end (its condition: 'đã được ... tuyển dụng trước đó ít nhất 12 tháng liên tục'), a point
    with its clause's first words. For an exemption whose case the lists do not name, say so. True when said."""
    wanted = cases_asked(text)
    if not wanted:
        return False
    # Any listed clause of the topic in force, the most relevant first (a point whose own words are about
    # another topic, 'hiện diện thương mại', is still a case of its article's list).
    order = {u["id"]: i for i, (_s, u) in enumerate(ranked)}
    listed = [draft.kb.units[p] for p in candidates(draft.kb, topic, facet)]
    found = sorted(
        (
            u
            for u in listed
            if is_national(u)
            and in_force(draft.kb, u, on)
            and any(words in fold(u["text"]) for words in wanted)
        ),
        key=lambda u: (order.get(u["id"], len(order)), u.get("seq", 0)),
    )[:NAMED_CASES]
    if not found:
        if facet != "exemption":
            return False
        return draft.say(_t("None of the exempt cases listed on file is the case asked.", draft.lang))
    quotes = []
    for unit in found:
        draft.cite(unit)
        said = _sentence_naming(unit["text"], wanted)
        if len(said) > NAMED_CASE_CHARS:
            said = said[:NAMED_CASE_CHARS].rsplit(" ", 1)[0] + " …"
        whose = _whose(draft, unit, NAMED_LEAD_WORDS)
        parent_at = index_for(draft.kb).parent_of(draft.kb, unit) if whose else None
        if parent_at is not None:
            draft.cite(draft.kb.units[parent_at])  # whom the point is for is quoted from its clause
        quotes.append(f"{whose + ': ' if whose else ''}“{said}” ({draft.label(unit)})")
    return draft.say(_t("The case asked is listed: {cases}.", draft.lang, cases="; ".join(quotes)))


# A listed case that is another article's clauses ('Thuộc một trong các trường hợp quy định tại các khoản 3, 4, 5, 6,
# 7 và 8 Điều 154 của Bộ luật Lao động'): the reply names them, or the cases it stands for are never seen.
_REFERENCE = re.compile(r"các khoản ((?:\d+(?:, | và ))*\d+) Điều (\d+)")
REFERRED_WORDS = 12  # a referred case's opening words ('Người nước ngoài kết hôn với người Việt Nam và …')


def _say_referred_cases(draft: Draft, topic: str, facet: str, listed: list[Unit], on: date) -> list[Unit]:
    """The clauses of another article that a listed case refers to, each by its opening words and clause number
    (Decree 219/2025 Art. 7 k1 -> Labour Code Art. 154 k3-k8); the clauses said."""
    units = [draft.kb.units[p] for p in candidates(draft.kb, topic, facet)]
    for unit in listed:
        found = _REFERENCE.search(unit["text"])
        if found is None:
            continue
        clauses = {f"khoản {n}" for n in re.findall(r"\d+", found.group(1))}
        referred = [
            u
            for u in units
            if u["doc_id"] != unit["doc_id"]
            and u["article"] == f"Điều {found.group(2)}"
            and u.get("clause") in clauses
            and not u.get("point")
            and in_force(draft.kb, u, on)
        ]
        if not referred:
            continue
        parts = []
        for case in sorted(referred, key=lambda u: u.get("seq", 0)):
            draft.cite(case)
            words = case["text"].split()
            head = " ".join(words[:REFERRED_WORDS]).rstrip(",;.:") + (
                " …" if len(words) > REFERRED_WORDS else ""
            )
            parts.append(f"“{head}” ({case['clause']})")
        article = draft.label(referred[0]).rsplit(", khoản", 1)[0]
        draft.say(
            _t(
                "{cite} refers to {article}: {cases}.",
                draft.lang,
                cite=draft.label(unit),
                article=article,
                cases="; ".join(parts),
            )
        )
        return referred
    return []


NAMED_CASE_CHARS = 400
NAMED_LEAD_WORDS = 20  # whom a listed point is for ('... là nhà quản lý, giám đốc điều hành, chuyên gia ...')


def _say_key_cases(draft: Draft, facet: str, listed: list[Unit]) -> None:
    """The listed cases that turn on a number, each in its clause's words with its clauses ('“… góp vốn từ 3
    tỷ đồng trở lên” (…, Điều 7, khoản 2, khoản 3)'); one quote for the same words."""
    quotes: dict[str, list[Unit]] = {}
    for unit in listed:
        value = _key_value(unit)
        if value is None:
            continue
        start, end = int(value["start"]), int(value["end"])
        first = _phrase_start(unit["text"], start)
        tail = _TAIL.match(unit["text"], end)
        last = tail.end() if tail else end
        quote = (
            ("… " if first else "")
            + unit["text"][first:last]
            + (" …" if last < len(unit["text"]) - 1 else "")
        )
        quotes.setdefault(quote, []).append(unit)
        if len(quotes) >= MAX_KEY_CASES:
            break
    if not quotes:
        return
    parts: list[str] = []
    leads: list[str] = []
    for quote, units in quotes.items():
        for unit in units:
            position, _ = draft.cite(unit)
            value = _key_value(unit)
            if value is not None:
                draft.values.append(StatedValue(str(value["kind"]), str(value["text"]), quote, position))
        head = draft.label(units[0])
        same = head.rsplit(", khoản", 1)[0] + ", "  # further clauses of the same article: 'khoản 3'
        others = [draft.label(u) for u in units[1:]]
        joined = (
            ", ".join([head, *(o.removeprefix(same) for o in others)])
            if all(o.startswith(same) for o in others)
            else "; ".join([head, *others])
        )
        item = f"“{quote.strip(' ,;:')}” ({joined})"
        lead = _whose(draft, units[0])
        if parts and lead and leads[-1] == lead:
            parts[-1] += f", {item}"  # points of one clause under its first words once
        else:
            parts.append(f"{lead}: {item}" if lead else item)
        leads.append(lead)
    lead = (
        _t("Cases that turn on a number: {cases}.", draft.lang, cases="; ".join(parts))
        if facet == "exemption"
        else _t("Conditions that turn on a number: {cases}.", draft.lang, cases="; ".join(parts))
    )
    draft.say(lead)


def _phrase_start(text: str, start: int) -> int:
    """Where a key case's quote starts: its phrase's start (after the last ',;:' before the value) when the phrase
    is short, since a condition joined to the number ('Có bằng đại học trở lên ... và có ít nhất 2 năm kinh
    nghiệm') is part of it; otherwise the _WORDS_BEFORE words before the value."""
    words = [m.start() for m in re.finditer(r"\S+", text[:start])]
    phrase = [w for w in words if w > max(text.rfind(mark, 0, start) for mark in ",;:")]
    if len(phrase) <= _PHRASE_WORDS:
        return phrase[0] if phrase else start
    return words[-_WORDS_BEFORE] if len(words) >= _WORDS_BEFORE else 0


def _whose(draft: Draft, unit: Unit, length: int = _LEAD_WORDS) -> str:
    """A point's case is its clause's ('Lao động kỹ thuật thuộc một trong các trường hợp sau đây: ... b) Có
    ít nhất 3 năm kinh nghiệm'): the clause's first words say whom the number is for."""
    parent_at = index_for(draft.kb).parent_of(draft.kb, unit) if unit.get("point") else None
    if parent_at is None:
        return ""
    words = draft.kb.units[parent_at]["text"].split()
    if len(words) <= 2:
        return ""
    return "“" + " ".join(words[:length]).rstrip(",;:") + (" …”" if len(words) > length else "”")


def _key_value(unit: Unit) -> dict[str, Any] | None:
    """The clause's first amount, length or age in its first sentence (a date such as '01 tháng 01' is none;
    a later sentence, 'Đối với giấy khám sức khỏe do ... nước ngoài cấp ...', sets it for some cases only)."""
    for value in unit.get("values") or []:
        end = value.get("end")
        if (
            value.get("kind") not in _KEY_KINDS
            or not isinstance(value.get("start"), int)
            or not isinstance(end, int)
            or not in_first_sentence(unit["text"], int(value["start"]))
        ):
            continue
        if _DATE_AFTER.match(unit["text"][end : end + 4]):
            continue
        return dict(value)
    return None
