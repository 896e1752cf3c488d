"""Which national clauses answer a (topic, facet) question, most relevant first, in force on the day asked."""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from functools import lru_cache

from knowledge.addressee import person_weight
from knowledge.cues import own_kind_first
from knowledge.facets import FACETS
from knowledge.fit import (
    TOPIC_PAPERS,
    act_phrases,
    act_words,
    delegates_only,
    employer_asked,
    fined_party,
    other_paper,
    other_symbol,
    papers_asked,
    symbols_asked,
    symbols_of,
    titled_for_another_facet,
)
from knowledge.purposes import purpose_symbols
from knowledge.search import expand_query
from knowledge.selection import (
    MIN_TOPIC_SCORE,
    UNASKED_SUB,
    Index,
    Unit,
    candidates,
    in_force,
    index_for,
    is_national,
    relevance_all,
    title_topic,
    topic_score,
    unasked_sub,
)
from knowledge.store import Kb, terms
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold

NEAR_BEST = 0.6  # a second clause joins the answer when it is at least this relevant relative to the best
VALUE_NEAR_BEST = 0.75  # ... stricter when it states a value: a value of a side clause misleads
ROUTE_NEAR_BEST = 0.4  # ... looser for a declaration route (paper / online) not yet said


STRONG_TOPIC_SCORE = 6  # a clause this much about a topic answers for it whatever its article's title

_DECREE_TOPICS: dict[int, frozenset[str]] = {}


def has_decrees(kb: Kb, topic: str) -> bool:
    """Whether some provincial decree speaks of the topic (then a 'where' answer differs by province)."""
    topics = _DECREE_TOPICS.get(id(kb))
    if topics is None:
        topics = _DECREE_TOPICS[id(kb)] = frozenset(
            t
            for u in kb.units
            if not is_national(u)
            for t in (u.get("topics") or {})
            if topic_score(u, t) >= MIN_TOPIC_SCORE
        )
    return topic in topics


def ranked_clauses(
    kb: Kb, topic: str, facet: str, question: str, text: str, on: date
) -> list[tuple[float, Unit]]:
    """National clauses of the topic answering the facet, in force on `on`, most relevant first."""
    positions, bonus = _in_force_national(kb, topic, facet, on)
    scores = relevance_all(kb, positions, question, text)
    # A fine is for an act, whatever papers its clause lists ('sử dụng chứng nhận tạm trú, thẻ tạm trú quá thời
    # hạn' is the visa overstay): papers and symbols narrow the other facets only.
    papers = papers_asked(text) if facet != "penalty" else frozenset()
    symbols = symbols_asked(text) if facet != "penalty" else frozenset()
    if facet == "validity":  # 'an investor visa' is valid for its symbols' terms (Law 47/2014 Art. 8, 9)
        symbols |= purpose_symbols(text, on)
    index = index_for(kb)
    # A sub-procedure the question does not name (an extension, for 'chuyên gia Hàn Quốc') loses its static
    # bonus as its relevance already lost most of its words' weight.
    fits = _fits(kb, topic, facet, on, papers)
    scored = [
        (
            (scores.get(p, 0.0) + bonus[i] * (UNASKED_SUB if unasked_sub(index, p, text, question) else 1.0))
            * fits[i],
            kb.units[p],
        )
        for i, p in enumerate(positions)
    ]
    implied = TOPIC_PAPERS.get(topic, frozenset()) if not papers_asked(text) else frozenset()
    if implied:
        scored = [(score, unit) for score, unit in scored if not other_paper(unit, implied)]
    scored = own_kind_first(scored, facet, text)  # an e-visa question: the e-visa's own route
    if facet == "where" and not symbols_asked(text):
        # An office for some symbols only (NG3 cards go to the Ministry of Foreign Affairs) is no answer to
        # where everyone else applies; a value can say its symbols, an office line cannot.
        scored = [(score, unit) for score, unit in scored if not symbols_of(unit)]
    if symbols:  # a rule set for other visa or card symbols than the one named answers another question
        scored = [(score, unit) for score, unit in scored if not other_symbol(unit, symbols)]
        if any(
            symbols_of(unit) for _score, unit in scored
        ):  # ... and the named symbol's own rule comes first
            scored = [(score, unit) for score, unit in scored if symbols_of(unit)]
    if facet == "penalty" and act_words(text):
        # The question names an act ('đi lại mà không mang theo hộ chiếu'): the points of the same penalty
        # articles that the builder tied to no topic may be the one that fines it.
        extra = _untopical_siblings(kb, positions, on)
        extra_scores = relevance_all(kb, extra, question, text)
        scored += [(extra_scores.get(p, 0.0) * _fit(kb.units[p], papers, facet), kb.units[p]) for p in extra]
        # A clause that names the act in the words of the law ('mà không mang theo hộ chiếu') fines that act,
        # whatever topic bonus another act's clause has (282/2025 Art. 21 k7 b: acting against the visa's purpose).
        phrases = act_phrases(text)
        scored = [
            (score * ACT_NAMED if any(p in folded_text(unit) for p in phrases) else score, unit)
            for score, unit in scored
        ]
    phrases = act_phrases(text) if facet == "penalty" else ()
    naming = {_party(kb, index, u) for _s, u in scored if any(p in folded_text(u) for p in phrases)}
    if facet == "penalty" and (not phrases or {"employer", "worker"} <= naming):
        # An act both can commit (a permit expired: the worker works with it, the employer uses the worker):
        # the employer's fine answers a question about the employer, the worker's one about the worker
        # (283/2026 Art. 13 k3 'đối với người lao động nước ngoài' vs k5 'đối với người sử dụng lao động').
        party = "employer" if employer_asked(text) else "worker"
        scored = [
            (score * OTHER_PARTY if _party(kb, index, unit) not in (None, party) else score, unit)
            for score, unit in scored
        ]
    scored.sort(key=lambda su: (-su[0], su[1].get("seq", 0)))
    return scored


ACT_NAMED = 2.0
OTHER_PARTY = 0.5


def _party(kb: Kb, index: Index, unit: Unit) -> str | None:
    """Whom the clause fines, read from it or, for a point, from its clause's opening words."""
    parent = index.parent_of(kb, unit)
    return fined_party(unit["text"]) or (
        fined_party(kb.units[parent]["text"]) if parent is not None else None
    )


def folded_text(unit: Unit) -> str:
    """The clause's text folded, once per unit (unit ids are unique; the loaded kb does not change)."""
    found = _FOLDED.get(unit["id"])
    if found is None:
        found = _FOLDED[unit["id"]] = fold(unit["text"])
    return found


_FOLDED: dict[str, str] = {}
_SIBLINGS: dict[tuple[int, tuple[int, ...], date], tuple[int, ...]] = {}


def _untopical_siblings(kb: Kb, positions: tuple[int, ...], on: date) -> tuple[int, ...]:
    """Penalty clauses with no topic of their own in the articles of `positions`, in force on `on`."""
    key = (id(kb), positions, on)
    found = _SIBLINGS.get(key)
    if found is None:
        index = index_for(kb)
        taken = set(positions)
        articles = dict.fromkeys((kb.units[p]["doc_id"], kb.units[p]["article"]) for p in positions)
        found = _SIBLINGS[key] = tuple(
            p
            for article in articles
            for p in index.by_article.get(article, [])
            if p not in taken
            and not kb.units[p].get("topics")
            and "penalty" in (kb.units[p].get("facets") or [])
            and in_force(kb, kb.units[p], on)
        )
    return found


_FITS: dict[tuple[int, str, str, date, frozenset[str]], tuple[float, ...]] = {}


def _fits(kb: Kb, topic: str, facet: str, on: date, papers: frozenset[str]) -> tuple[float, ...]:
    """_fit of each clause _in_force_national gives, in its order: the same for every question of this kind
    naming the same papers, so computed once (a question naming no facet ranks every facet's clauses)."""
    key = (id(kb), topic, facet, on, papers)
    found = _FITS.get(key)
    if found is None:
        if len(_FITS) > 4096:
            _FITS.clear()
        positions, _bonus = _in_force_national(kb, topic, facet, on)
        found = _FITS[key] = tuple(_fit(kb.units[p], papers, facet) for p in positions)
    return found


def _fit(unit: Unit, papers: frozenset[str], facet: str) -> float:
    """How much of its relevance a clause keeps as an answer: a clause handing the rule to another text, about
    another paper than the one asked (a visa for a residence-card question) is not the answer (other symbols
    than the one named: ranked_clauses)."""
    factor = 1.0
    if titled_for_another_facet(unit, facet):
        factor *= 0.35  # 'Hồ sơ đề nghị cấp giấy xác nhận ...' lists papers, not who is exempt
    if delegates_only(unit):
        factor *= 0.2
    if other_paper(unit, papers):
        factor *= 0.35
    # The State's criteria for a decision (Law 47/2014 Art. 13) count less, the person's exempt cases more (Art. 12).
    factor *= person_weight(unit, facet)
    return factor


_IN_FORCE: dict[tuple[int, str, str, date], tuple[tuple[int, ...], tuple[float, ...]]] = {}


def _in_force_national(kb: Kb, topic: str, facet: str, on: date) -> tuple[tuple[int, ...], tuple[float, ...]]:
    """The national clauses a (topic, facet) question can be answered from on a day, and each one's score
    before the question's words: the same for every question of that kind, so computed once per knowledge
    base. An article most of whose clauses answer the facet is about it (Labour Code Art. 151 and its
    conditions); a clause strongly about the topic counts a little more."""
    key = (id(kb), topic, facet, on)
    found = _IN_FORCE.get(key)
    if found is None:
        if len(_IN_FORCE) > 4096:
            _IN_FORCE.clear()
        positions = tuple(
            p
            for p in candidates(kb, topic, facet)
            if is_national(kb.units[p]) and in_force(kb, kb.units[p], on) and mainly_about(kb.units[p], topic)
        )
        per_article = Counter((kb.units[p]["doc_id"], kb.units[p]["article"]) for p in positions)
        bonus = tuple(
            0.1 * topic_score(kb.units[p], topic)
            + 0.5 * math.log1p(per_article[(kb.units[p]["doc_id"], kb.units[p]["article"])] - 1)
            for p in positions
        )
        found = _IN_FORCE[key] = (positions, bonus)
    return found


def mainly_about(unit: Unit, topic: str) -> bool:
    """A clause tagged with several topics answers for the one it is most about ('Ủy ban nhân dân cấp tỉnh có
    thẩm quyền cấp ... giấy phép lao động' is a work-permit clause, not an investment one); a clause with no
    topic of its own takes its clause's or article's."""
    own = unit.get("topics") or {}
    # A hint below a topic's threshold ('định kỳ' for reporting) makes no clause about that topic.
    strongest = (
        max((int(v) for v in own.values() if int(v) >= MIN_TOPIC_SCORE), default=0)
        if isinstance(own, dict)
        else 0
    )
    if topic_score(unit, topic) >= max(strongest, STRONG_TOPIC_SCORE):
        return True  # the clause itself is mostly about the topic ('Phiếu lý lịch tư pháp ... không quá 06 tháng')
    titled = title_topic(unit.get("article_title") or "")
    if titled is not None and titled != topic:
        return False  # 'Điều kiện cấp thị thực': a visa article, whatever else its clause mentions
    if titled == topic and topic_score(unit, topic) >= MIN_TOPIC_SCORE:
        # ... and a clause of the topic's own article is of the topic, whatever party it names more often ('Cơ
        # quan, tổ chức, cá nhân mời, bảo lãnh trực tiếp nộp hồ sơ đề nghị cấp thẻ tạm trú ...': the sponsor
        # named three times, in 'Thủ tục cấp thẻ tạm trú').
        return True
    return not strongest or topic_score(unit, topic) >= strongest


@lru_cache(maxsize=4096)
def _own_terms(text: str) -> frozenset[str]:
    return frozenset(terms(f"{expand_query(text)} {act_words(text)}"))


def own_word_evidence(kb: Kb, unit: Unit, text: str, phrases: bool = False) -> float:
    """How much the question's own words (not the topic or facet words added to it) say the clause is the one:
    the rarity of the words they share (with `phrases`, of the word pairs too: 'năm kinh nghiệm'). A question
    none of whose words the clause uses ('베트남 비자런은 무엇입니까?' against any visa clause) has no evidence
    for it."""
    index = index_for(kb)
    return sum(
        kb.idf.get(w, 0.0)
        for w in _own_terms(text) & index.unit_terms[index.by_id[unit["id"]]]
        if phrases or " " not in w
    )


def evidence_beyond_name(kb: Kb, unit: Unit, text: str, topic: str) -> float:
    """own_word_evidence without the words of the topic's own name ('thị thực', 'giấy phép lao động',
    'khám sức khỏe'): every clause of the topic shares those, so they say nothing about which clause is asked
    ('Can you teach English on a tourist visa?' shares only 'du lịch thị thực' with the visa exemptions)."""
    index = index_for(kb)
    shared = _own_terms(text) & index.unit_terms[index.by_id[unit["id"]]]
    return sum(kb.idf.get(w, 0.0) for w in shared - name_terms(topic) - _UNSPECIFIC if " " not in w)


# Words every fine and every rule about foreigners shares ('phạt' is read as 'xử phạt vi phạm hành chính';
# 'người nước ngoài', 'không'), and the asking 'gồm' ('gồm những bước gì', not a file's 'hồ sơ gồm'): they point
# to no act or clause of their own.
_UNSPECIFIC = frozenset(terms("xu phat vi pham hanh chinh nguoi nuoc ngoai khong co bi gom"))


@lru_cache(maxsize=64)
def name_terms(topic: str) -> frozenset[str]:
    label = TOPIC_LABELS[topic]
    return frozenset(terms(f"{fold(label['vi'])} {expand_query(label['en'])}"))


def sets_conditions(kb: Kb, topic: str, on: date) -> bool:
    """Some national article in force titled as conditions ('Điều kiện cấp thị thực') is of the topic."""
    return any(
        is_national(kb.units[p])
        and in_force(kb, kb.units[p], on)
        and fold(str(kb.units[p].get("article_title") or "")).startswith("dieu kien")
        for p in candidates(kb, topic, "eligibility")
    )


def likely_facet(kb: Kb, topic: str, question: str, text: str, on: date) -> str | None:
    """No facet word in the question: the facet of the clause that matches it best."""
    best: tuple[float, str] | None = None
    for facet in FACETS:
        ranked = ranked_clauses(kb, topic, facet, question, text, on)
        if ranked and (best is None or ranked[0][0] > best[0]):
            best = (ranked[0][0], facet)
    return best[1] if best else None
