"""Facets answered by values (fines, time limits, validity, documents, forms): the values of the clauses
that answer, as the clause qualifies them (per person, in remote areas, on paper or online, extension)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from catalog import translator
from knowledge.answers import short_cite, unit_citation
from knowledge.asked import asking_sentences, asks_reason
from knowledge.draft import MAX_SENTENCES, Draft
from knowledge.facets import named_topics
from knowledge.fit import (
    act_phrases,
    asks_if_still_valid,
    asks_length,
    ends_a_paper,
    in_first_sentence,
    is_person_deadline,
    names_paper,
    other_paper,
    papers_asked,
    symbols_text,
    value_answers,
)
from knowledge.model import StatedValue
from knowledge.quoted import compose_plain
from knowledge.ranking import (
    NEAR_BEST,
    ROUTE_NEAR_BEST,
    VALUE_NEAR_BEST,
    evidence_beyond_name,
    own_word_evidence,
    ranked_clauses,
)
from knowledge.selection import (
    Unit,
    asked_subs,
    in_force,
    index_for,
    title_relevance,
    title_topic,
)
from knowledge.store import Kb
from knowledge.text import fold
from knowledge.wording import FACET_KINDS, facet_sentence, listed, show_value

_t = translator("knowledge")

MAX_DOCUMENTS_SHOWN = 6
AMOUNT_FACETS = frozenset({"fee", "penalty"})  # answered by an amount, or not at all
# Query-side reading of what the builder's values do not carry: a point's amount is in its clause's lead-in
# ("Phạt tiền từ 3.000.000 đồng đến 5.000.000 đồng đối với ... sau đây:"), and "ngay khi" means at once.
_MONEY_RANGE = re.compile(r"từ (\d{1,3}(?:\.\d{3})+) đồng đến (\d{1,3}(?:\.\d{3})+) đồng")
_IMMEDIATE = re.compile(r"ngay khi [^.;,]*")
_REMOTE = "vùng sâu, vùng xa"
_REFUSAL = re.compile(r"không cấp(?! đổi)|không chấp thuận|từ chối|nêu rõ lý do")
_PAPER = re.compile(r"phiếu khai báo", re.IGNORECASE)
_ELECTRONIC = re.compile(r"điện tử|Trang thông tin điện tử|qua mạng")
_EXPULSION = re.compile(r"xử phạt trục xuất|^Trục xuất")
PENALTY_NEAR_BEST = 0.9  # another act's fine joins only when the question matches it about as well
SAME_ACT = 0.85  # share of words two points must have in common to fine the same act at different grades
_TIME_FACETS = frozenset({"deadline", "processing_time"})
_NARROWING_WORDS = 18  # the opening of a sentence narrowing a clause to some papers
_PAPER_TIMES = frozenset({"validity", *_TIME_FACETS})  # times that belong to one paper
# Counted from a complete file, or from complete information for a request made online (Law 47/2014 Art. 16a:
# 'kể từ ngày nhận đủ thông tin đề nghị cấp thị thực điện tử'), or from the sponsor's written request (Art. 16 k3:
# 'kể từ ngày nhận được văn bản đề nghị cấp thị thực'): the authority's time.
_FULL_FILE = re.compile(r"nhận đủ (hồ sơ|thông tin)|nhận được văn bản đề nghị")
_ORGANISATION_FACTOR = re.compile(r"[Tt]ổ chức[^.]*?(?:gấp|bằng) (\d+) lần")


def _parent(kb: Kb, unit: Unit) -> Unit | None:
    index = index_for(kb)
    position = index.parent_of(kb, unit)
    return kb.units[position] if position is not None else None


_VALUES: dict[tuple[int, str, str], tuple[list[dict[str, Any]], Unit]] = {}


def facet_values(kb: Kb, unit: Unit, facet: str) -> tuple[list[dict[str, Any]], Unit]:
    """_facet_values, once per unit and facet (the kb does not change while loaded)."""
    key = (id(kb), unit["id"], facet)
    found = _VALUES.get(key)
    if found is None:
        if len(_VALUES) > 50_000:
            _VALUES.clear()
        found = _VALUES[key] = _facet_values(kb, unit, facet)
    return found


def _facet_values(kb: Kb, unit: Unit, facet: str) -> tuple[list[dict[str, Any]], Unit]:
    """The unit's values that answer the facet, and the unit they are quoted from. What the builder's values
    do not carry is read here: a point's fine is in its clause's opening words ('Phạt tiền từ ... đồng đến ...
    đồng đối với ... sau đây:', the clause's own unit, cited with it); 'ngay khi ...' is an immediate limit."""
    kinds = FACET_KINDS[facet]
    values = [v for v in unit.get("values") or [] if v.get("kind") in kinds and value_answers(facet, unit, v)]
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
    """A value with what the words just before it say about it: remote areas, an extension, the visa or card
    symbols it is set for ('up to 10 years (symbols ĐT1)': not every card's term)."""
    shown = show_value(value, lang)
    symbols = symbols_text(unit, value)
    if symbols:
        symbols = symbols if lang == "vi" else symbols.replace(" và ", ", ")
        shown = _t("{span} (symbols {symbols})", lang, span=shown, symbols=symbols)
    start = value.get("start")
    before = unit["text"][max(0, start - 60) : start] if isinstance(start, int) else ""
    if (value.get("norm") or {}).get("remote_areas") or _REMOTE in before:
        return _t("{span} in remote areas", lang, span=shown)
    if _REFUSAL.search(before):
        return _t("{span} to answer a refusal", lang, span=shown)
    if value.get("kind") in FACET_KINDS["penalty"] and "cảnh cáo hoặc" in before:
        return _t("a warning or {span}", lang, span=shown)  # 'Phạt cảnh cáo hoặc phạt tiền từ ...
    after = unit["text"][value["end"] : value["end"] + 40] if isinstance(value.get("end"), int) else ""
    if value.get("kind") in FACET_KINDS["penalty"] and re.search(
        r"tối đa|không quá", before[-25:] + str(value.get("text"))
    ):
        return _t("up to {span}", lang, span=shown)
    if value.get("kind") in FACET_KINDS["penalty"] and re.search(
        r"^\s*(khi vi phạm )?(với|đối với) mỗi người", after
    ):
        return _t("{span} per person", lang, span=shown)
    if "gia hạn" in before:
        once = "một lần" in before
        return (
            _t("extendable once, for {span}", lang, span=shown)
            if once
            else _t("extension: {span}", lang, span=shown)
        )
    return shown


def _what_for(unit: Unit, values: list[dict[str, Any]]) -> str:
    """What a processing time is for, in the clause's words after it ('kể từ ngày nhận đủ hồ sơ ...'): a time
    to acknowledge a file is not the time to get the paper."""
    end = values[0].get("end")
    if not isinstance(end, int):
        return ""
    words = unit["text"][end : end + 90].lstrip(" ,:").split()
    if len(words) < 3:
        return ""
    return " “" + " ".join(words[:-1] if len(words) > 12 else words).rstrip(",;.") + " …”"


def _valid_what(unit: Unit, values: list[dict[str, Any]]) -> str:
    """What a validity is of, in the clause's words before it ('… thời hạn sử dụng của giấy khám sức khỏe
    đó'): the 12 months of a foreign health certificate are not those of any certificate."""
    start = values[0].get("start")
    if not isinstance(start, int) or start < 20:
        return ""
    text = unit["text"]
    if not in_first_sentence(text, start):
        # A later sentence narrows the rule ('Đối với giấy khám sức khỏe do cơ sở y tế ... của nước ngoài cấp
        # ...'): its opening words say which papers the value is for, not the words just before it.
        opening = text[len(re.split(r"\.\s", text, maxsplit=1)[0]) + 1 :].split()[:_NARROWING_WORDS]
        return " “" + " ".join(opening).rstrip(",;:") + " …”"
    whole = start <= 80  # from the clause's first word; else from the first whole word of the window
    words = unit["text"][max(0, start - 80) : start].split()[0 if whole else 1 :]
    lead = " “" if whole else " “… "
    return lead + " ".join(words).rstrip(",;:") + "”" if len(words) >= 3 else ""


def _count_note(unit: Unit, lang: str) -> str:
    counts = [v for v in unit.get("values") or [] if v.get("kind") == "count"]
    return _t(" ({count} people)", lang, count=show_value(counts[0], lang)) if counts else ""


def _short(text: str, limit: int = 90) -> str:
    """A document's name as the clause writes it, cut at a word when long (a prefix: still the clause's words)."""
    text = text.strip().rstrip(";.:")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _files_asked(text: str) -> set[str]:
    """The topics whose papers the asking sentences name (not the context: '… để làm work permit. Hồ sơ xin
    lý lịch tư pháp gồm …?' asks the criminal-record file only)."""
    asked = asking_sentences(text)
    return set(named_topics(" ".join(asked) if asked else text))


def compose_values(kb: Kb, draft: Draft, topic: str, facet: str, question: str, text: str, on: date) -> None:
    everything = ranked_clauses(kb, topic, facet, question, text, on)
    if facet == "documents":
        # A list is the papers of what its article's title names: the work-permit dossier is no answer to the
        # papers for a health check or a criminal-record certificate, though it names them ('… để làm work
        # permit. Hồ sơ xin lý lịch tư pháp gồm …?').
        own = [(s, u) for s, u in everything if title_topic(u.get("article_title") or "") in (None, topic)]
        if (
            not own
            and everything
            and title_topic(everything[0][1].get("article_title") or "") in _files_asked(text)
            and not asks_reason(text)
        ):
            # ... but with no list of its own, a paper asked as one of the file the question names ('Do I need a
            # health certificate for the work permit application?') is answered by that file's clause naming it
            # (Decree 219/2025 Art. 18 k2), quoted, not by the whole list; not why an office refused one. A paper's
            # own papers asked with no such file named ('what papers for the health check?') stay not covered.
            compose_plain(kb, draft, topic, facet, question, text, on)
            return
        # ... and of the paper asked within the topic: a permanent card's file (Law 47/2014 Art. 41), not the
        # temporary card's (Art. 37), though both open 'Hồ sơ đề nghị cấp thẻ …'.
        papers = papers_asked(text)
        everything = [(s, u) for s, u in own if not other_paper(u, papers)] or own
    if facet == "validity" and asks_if_still_valid(text) and not asks_length(text):
        # 'Công ty giải thể thì giấy phép lao động còn hiệu lực không?': whether a paper outlives an event is said by
        # the clauses on when it ends (Labour Code Art. 156), never by its term; with none matching best, the texts
        # on file do not say.
        if everything and ends_a_paper(everything[0][1]):
            compose_plain(kb, draft, topic, facet, question, text, on)
        return
    ranked = [(s, u) for s, u in everything if facet_values(kb, u, facet)[0]]
    lead: Unit | None = None
    if (
        facet == "penalty"
        and everything
        and not facet_values(kb, everything[0][1], facet)[0]
        and any(p in fold(everything[0][1]["text"]) for p in act_phrases(text))  # it names the act asked
    ):
        # The clause naming the act best sets its fines in its points ('Phạt tiền đối với người sử dụng lao
        # động có hành vi ...: a) Từ 30.000.000 đồng ... từ 01 người đến 10 người'): its points lead.
        points = [
            kb.units[p]
            for p in index_for(kb).by_article[(everything[0][1]["doc_id"], everything[0][1]["article"])]
            if kb.units[p]["id"].startswith(everything[0][1]["id"] + "/")
            and facet_values(kb, kb.units[p], facet)[0]
        ]
        if points:
            ranked = [(everything[0][0], points[0]), *((s, u) for s, u in ranked if u not in points)]
            lead = everything[0][1]  # the act is named in the clause, the amounts in its points
    papers = papers_asked(text)
    if facet in _PAPER_TIMES and papers and ranked:
        # A residence card's term is no answer for the visa asked (LĐ1 is a symbol of both): with no clause of
        # the paper asked stating it, the question is not answered.
        ranked = [(s, u) for s, u in ranked if not other_paper(u, papers)]
        if facet == "validity":
            # A term is a paper's: the exit ban's 3 years are no answer for the permanent card asked.
            ranked = [(s, u) for s, u in ranked if names_paper(u, papers)]
        if not ranked:
            return
    if not ranked and (facet in _TIME_FACETS or (facet == "validity" and asks_length(text))):
        return  # no clause gives this time: another clause's words are no answer to 'when' or 'how long'
    # 'How long is the permanent card valid?': the term of the paper asked answers it, whatever clause shares
    # more of the question's words (its article's own processing time, Law 47/2014 Art. 41 k2).
    own_term = (
        bool(papers)
        and bool(ranked)
        and names_paper(ranked[0][1], papers)
        and (facet == "deadline" or (facet == "validity" and asks_length(text)))
    )
    weak = bool(ranked) and bool(everything) and ranked[0][0] < everything[0][0] * NEAR_BEST
    if facet in _PAPER_TIMES and papers and weak and not own_term:
        # The paper asked states this time, but the question matches other clauses much better: it asks
        # something else of the paper ('now that we are divorced, will the permanent card expire?'), which
        # neither the paper's term nor those clauses answer.
        return
    if everything and not own_term and (not ranked or weak):
        # The clauses that best match the question state no value of this kind ('Các trường hợp giấy phép
        # lao động hết hiệu lực'; a list the builder could not pick out): quote them rather than state
        # another clause's value. Not for an amount: a fee or fine with no amount on file is not covered.
        if facet not in AMOUNT_FACETS:
            compose_plain(kb, draft, topic, facet, question, text, on)
            return
        ranked = [(s, u) for s, u in ranked if s >= everything[0][0] * NEAR_BEST]
    if not ranked:
        return
    if facet == "documents":
        _compose_documents(kb, draft, topic, ranked, question, on)
        return
    best = ranked[0][0]
    if facet == "penalty":
        # A fine answers for one act: the act the question matches best, with its grades (by number of guests,
        # by days of overstay), or another act only when it matches about as well (the employer's side of
        # working without a permit); never the neighbouring acts of the same article.
        series = graded_series(kb, ranked[0][1], on)
        rivals = [u for s, u in ranked if s >= best * NEAR_BEST and u not in series]
        if rivals and evidence_beyond_name(kb, lead or ranked[0][1], text, topic) == 0:
            # None of the question's words beyond the paper's name ('visa fine') points to an act, and the topic's
            # clauses fine several: the best guess would be one act's fine given for another's (282/2025 Art. 21
            # k7 b, acting against the visa's purpose). Say where the fines are instead. (Requiring as well an act
            # from the list of act phrasings turned common wordings of the host's and the overstay fines into
            # 'not covered'.)
            draft.caveats.append(
                _t(
                    "The fine depends on the exact violation; the violations and fines are listed in {cite}.",
                    draft.lang,
                    cite=draft.label(ranked[0][1]).split(", khoản")[0],
                )
            )
            return
        asked = _grade_asked(series, text)
        if asked is not None:
            series = [asked]  # 'I overstayed 10 days': the grade the question's number falls in
        if len(series) > MAX_SENTENCES or asked is not None:
            _say_grades(kb, draft, series, text)
            _organisation_factor(kb, draft)
            _expulsion(kb, draft)
            return
        if len(series) > 1:
            chosen = series
        else:
            # ... and as well by the question's own words (its act), not by the topic's words alone.
            evidence = own_word_evidence(kb, lead or ranked[0][1], text)
            chosen = [
                u
                for s, u in ranked
                if s >= best * PENALTY_NEAR_BEST
                and own_word_evidence(kb, u, text) >= evidence * PENALTY_NEAR_BEST
            ]
        chosen = chosen[:MAX_SENTENCES]
    else:
        chosen = [u for s, u in ranked if s >= best * VALUE_NEAR_BEST][: MAX_SENTENCES + 2]
    if facet == "deadline":
        # A declaration's time limit depends on the route (paper form or online): say each route on file.
        routes = {_route_of(kb, u) for u in chosen}
        for score, unit in ranked:
            route = _route_of(kb, unit)
            if route and route not in routes and score >= best * ROUTE_NEAR_BEST:
                chosen.append(unit)
                routes.add(route)
    if facet == "validity" and _say_symbol_terms(
        kb, draft, [u for s, u in ranked if s >= best * VALUE_NEAR_BEST]
    ):
        return
    docs = list(dict.fromkeys(u["doc_id"] for u in chosen))
    chosen.sort(key=lambda u: (docs.index(u["doc_id"]), u.get("seq", 0)))  # each law's clauses in its order
    stated: set[str] = set()
    titles = {u.get("article_title") for u in chosen if u.get("article_title")}
    for unit in chosen:
        values, source = facet_values(kb, unit, facet)
        cite = draft.label(unit)
        joined = _t(", ", draft.lang).join(_qualified(source, v, draft.lang) for v in values)
        joined += (
            _count_note(unit, draft.lang) + _act_unasked(kb, unit, text, draft.lang)
            if facet == "penalty"
            else ""
        )
        joined += _what_for(unit, values) if facet == "processing_time" else ""
        joined += _valid_what(source, values) if facet == "validity" else ""
        route = _route(kb, unit, draft.lang) if facet == "deadline" else ""
        renewal = any((v.get("norm") or {}).get("every") for v in values)
        if facet == "deadline" and not route:
            # counted to what: 'tính đến ngày ... dự kiến làm việc'; a renewal interval: of what paper
            joined += _valid_what(source, values) if renewal else _what_for(unit, values)
        if (
            facet in _PAPER_TIMES
            and not route
            and title_topic(str(unit.get("article_title") or ""))
            not in (
                None,
                topic,
            )
        ):
            # A time set in another paper's article ('Hồ sơ đề nghị cấp giấy phép lao động': a criminal-record
            # certificate issued not more than 6 months before filing) holds for that file only: said with it.
            route = f"“{unit.get('article_title')}”: "
        if facet in _TIME_FACETS and not route and len(titles) > 1:
            # Times of several articles are for several routes ('Cấp thị thực tại ... ở nước ngoài', '... tại cửa
            # khẩu quốc tế'): each is said with the route its article's title names.
            route = f"“{unit.get('article_title')}”: "
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
        _expulsion(kb, draft)


_FORM_CODES: dict[int, frozenset[re.Pattern[str]]] = {}


def names_form_code(kb: Kb, text: str) -> bool:
    """The question names a form on file by its lettered code ('NA17', 'na 17', 'mẫu NA17'); a bare number
    ('mẫu số 01') is not read as one: numbers are asked of everything."""
    codes = _FORM_CODES.get(id(kb))
    if codes is None:
        found = set()
        for unit in kb.units:
            for value in unit.get("values") or []:
                code = (
                    re.search(r"\b([a-z]+) ?(\d+)\b", fold(str(value.get("text"))))
                    if value.get("kind") == "form"
                    else None
                )
                if code and code.group(1) not in ("mau", "so"):
                    found.add(re.compile(rf"\b{code.group(1)} ?{code.group(2)}\b"))
        codes = _FORM_CODES[id(kb)] = frozenset(found)
    folded = fold(text)
    return any(code.search(folded) for code in codes)


def _clause_order(unit: Unit) -> tuple[int, str]:
    """'khoản 5a' -> (5, 'a'): the order of an article's clauses, whichever amending text quotes them."""
    found = re.match(r"khoản (\d+)(\w*)", str(unit.get("clause") or ""))
    return (int(found.group(1)), found.group(2)) if found else (0, "")


def _say_symbol_terms(kb: Kb, draft: Draft, near: list[Unit]) -> bool:
    """Terms set per symbol by the clauses of one article (Law 47/2014 Art. 9 for visas, Art. 38 for cards),
    asked of no one symbol and the reply's first answer: with more such clauses than sentences, every symbol's
    term is said in one sentence, in the article's order ('up to 10 years (symbols ĐT1); …; up to 2 years (symbols LĐ1, LĐ2, PV1)'),
    so that the common ones are not cut. True when said."""
    if not near or draft.sentences:
        return False  # a clause the question points to was said first: the terms are not all it asks
    article = draft.label(near[0]).split(", khoản")[0]
    same = [u for u in near if draft.label(u).split(", khoản")[0] == article]
    if len(same) <= MAX_SENTENCES:
        return False
    terms: list[tuple[Unit, Unit, list[dict[str, Any]]]] = []
    for unit in sorted(same, key=_clause_order):
        values, source = facet_values(kb, unit, "validity")
        if not values or not all(symbols_text(source, v) for v in values):
            return (
                False  # a term not set per symbol (a card's 30 days short of the passport): said on its own
            )
        terms.append((unit, source, values))
    joined = listed([_qualified(source, v, draft.lang) for _unit, source, values in terms for v in values])
    if not draft.say(facet_sentence("validity", draft.lang, values=joined, cite=article)):
        return False
    for unit, source, values in terms:
        draft.cite(unit)
        position = draft.cite(source)[0]
        for value in values:
            draft.values.append(
                StatedValue(value["kind"], str(value["text"]), show_value(value, draft.lang), position)
            )
    return True


_GRADE_KINDS = ("count", "duration", "time_limit")
ACT_CHARS = 120
_FINED_FOR = re.compile(r"\bđối với (?:hành vi )?(.+)$")


def _act_unasked(kb: Kb, unit: Unit, text: str, lang: str) -> str:
    """' for “Người nước ngoài nhập cảnh hoạt động không đúng mục đích …”': a fine is for one act, so a fine
    for an act the question did not name (in the law's words, fit.act_phrases) says which act it punishes,
    in its clause's words; a fine for the act asked needs no such words."""
    parent = _parent(kb, unit)
    said = set(fold(unit["text"] + " " + (parent["text"] if parent else "")).split())
    if any(set(phrase.split()) <= said for phrase in act_phrases(text)):
        return ""  # the clause uses every word of the law's phrase for the act asked
    if unit.get("point"):
        act = unit["text"]
    else:
        found = _FINED_FOR.search(unit["text"])
        act = found.group(1) if found else ""
    act = act.strip().rstrip(";.:")
    if not act:
        return ""
    if len(act) > ACT_CHARS:
        act = act[:ACT_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return _t(" for “{act}”", lang, act=act)


_ACT_WORDS: dict[str, frozenset[str]] = {}
_SERIES: dict[tuple[int, str, date], list[Unit]] = {}


def _act_words(unit: Unit) -> frozenset[str]:
    """The words of a clause's act without its grade (the number of guests, the days of overstay); once a unit."""
    found = _ACT_WORDS.get(unit["id"])
    if found is None:
        found = _ACT_WORDS[unit["id"]] = _read_act_words(unit)
    return found


def _read_act_words(unit: Unit) -> frozenset[str]:
    text = unit["text"]
    for value in sorted(unit.get("values") or [], key=lambda v: -int(v.get("start") or 0)):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            text = text[: value["start"]] + " " + text[value["end"] :]
    return frozenset(w for w in fold(text).split() if not w[0].isdigit())


def _grade(unit: Unit) -> dict[str, Any] | None:
    return next((v for v in unit.get("values") or [] if v.get("kind") in _GRADE_KINDS), None)


_DAYS = {"day": 1, "month": 30, "year": 365}
_ASKED_PEOPLE = re.compile(
    r"(\d+) ?(?:foreign |nuoc ngoai )?(?:nguoi|khach|guests?|people|persons?|foreigners?|workers?|employees?|名|人|位|명)"
)
_ASKED_TIME = re.compile(
    r"(\d+) ?(?:(ngay|days?|天|日|일)|(thang|months?|个月|個月|개월)|(nam|years?|年|년))"
)


def _grade_range(value: dict[str, Any]) -> tuple[str, float, float] | None:
    """('person' | 'day', low, high exclusive) of a grade: 'từ 01 đến 03 người' -> ('person', 1, 4), 'từ 16
    ngày đến dưới 30 ngày' -> ('day', 16, 30), 'dưới 16 ngày' -> ('day', 0, 16), 'từ 01 năm' -> ('day', 365, inf)."""
    norm = value.get("norm") or {}
    unit = str(norm.get("unit") or "")
    if unit == "person":
        high = norm.get("max")
        return ("person", float(norm.get("min") or 0), float(high) + 1 if high is not None else float("inf"))
    scale = _DAYS.get(unit)
    if scale is None:
        return None
    if "min" in norm or "max" in norm:
        high = norm.get("max")
        return ("day", float(norm.get("min") or 0) * scale, float(high) * scale if high else float("inf"))
    amount = float(norm.get("amount") or 0) * scale
    return ("day", 0.0, amount) if norm.get("bound") == "below" else ("day", amount, float("inf"))


def _grade_asked(series: list[Unit], text: str) -> Unit | None:
    """The one grade of a graded fine that the question's own number falls in (5 guests, 10 days), if any."""
    if len(series) < 2:
        return None
    folded = fold(text) + " " + text
    people = _ASKED_PEOPLE.search(folded)
    time = _ASKED_TIME.search(folded)
    asked: dict[str, float] = {}
    if people:
        asked["person"] = float(people.group(1))
    if time:
        scale = 1 if time.group(2) else 30 if time.group(3) else 365
        asked["day"] = float(time.group(1)) * scale
    found = []
    for unit in series:
        grade = _grade(unit)
        span = _grade_range(grade) if grade else None
        if span and span[0] in asked and span[1] <= asked[span[0]] < span[2]:
            found.append(unit)
    return found[0] if len(found) == 1 else None


def graded_series(kb: Kb, unit: Unit, on: date) -> list[Unit]:
    """The points of the same article that fine the same act at other grades ('từ 01 đến 03 người nước ngoài',
    '... quá thời hạn dưới 16 ngày'), in the article's order; just the unit when its act has no grades."""
    if _grade(unit) is None:
        return [unit]
    key = (id(kb), unit["id"], on)
    if key not in _SERIES:
        if len(_SERIES) > 4096:
            _SERIES.clear()
        _SERIES[key] = _read_series(kb, unit, on)
    return _SERIES[key]


def _read_series(kb: Kb, unit: Unit, on: date) -> list[Unit]:
    words = _act_words(unit)
    series = []
    for position in index_for(kb).by_article[(unit["doc_id"], unit["article"])]:
        other = kb.units[position]
        shared = words & _act_words(other)
        if (
            _grade(other) is not None
            and in_force(kb, other, on)
            and len(shared) >= SAME_ACT * min(len(words), len(_act_words(other)))
            and facet_values(kb, other, "penalty")[0]
        ):
            series.append(other)
    series.sort(key=lambda u: u.get("seq", 0))
    return series or [unit]


_UNIT_WORDS = {"ngày": "day", "tháng": "month", "năm": "year", "giờ": "hour"}
_GRADE_RANGE = re.compile(r"từ (\d+) (ngày|tháng|năm|giờ) đến dưới (\d+) (ngày|tháng|năm|giờ)")


def _span_of(amount: str, unit: str, lang: str) -> str:
    return show_value({"kind": "duration", "norm": {"amount": int(amount), "unit": _UNIT_WORDS[unit]}}, lang)


def _show_grade(value: dict[str, Any], lang: str) -> str:
    """A grade as the clause bounds it: 'dưới 16 ngày' -> 'under 16 days', 'từ 16 ngày đến dưới 30 ngày' ->
    '16 days to under 30 days', 'từ 01 năm (trở lên)' -> '1 year or more'; counts as the builder read them."""
    text = str(value.get("text", ""))
    span = _GRADE_RANGE.search(text)
    if span:
        low, high = _span_of(span[1], span[2], lang), _span_of(span[3], span[4], lang)
        return _t("{low} to under {high}", lang, low=low, high=high)
    if value.get("kind") == "count":  # 'từ 04 đến 08 người nước ngoài' -> 'people: 4–8'
        return _t(" ({count} people)", lang, count=show_value(value, lang)).strip(" ()（）")
    single = re.search(r"(\d+) (ngày|tháng|năm|giờ)", text)
    if value.get("kind") in ("duration", "time_limit") and single:
        shown = _span_of(single[1], single[2], lang)
        if text.startswith("dưới"):
            return _t("under {span}", lang, span=shown)
        if text.startswith("từ"):
            return _t("{span} or more", lang, span=shown)
        return shown
    return show_value(value, lang)


def _say_grades(kb: Kb, draft: Draft, series: list[Unit], text: str) -> None:
    """One sentence for an act fined by grades: each grade's amount with the grade, citing the article."""
    pieces: list[tuple[str, list[dict[str, Any]], Unit]] = []
    for unit in series:
        values, source = facet_values(kb, unit, "penalty")
        grade = _grade(unit)
        shown = _t(", ", draft.lang).join(_qualified(source, v, draft.lang) for v in values)
        if grade is not None:
            shown = _t("{amount} ({grade})", draft.lang, amount=shown, grade=_show_grade(grade, draft.lang))
        pieces.append((shown, values, source))
    label = draft.label(series[0]) if len(series) == 1 else draft.label(series[0]).split(", khoản")[0]
    act = _act_unasked(kb, series[0], text, draft.lang)
    if draft.say(
        facet_sentence("penalty", draft.lang, values="; ".join(p for p, _v, _s in pieces) + act, cite=label)
    ):
        for unit, (_shown, values, source) in zip(series, pieces, strict=True):
            draft.cite(unit)
            position = draft.cite(source)[0]
            for value in values:
                draft.values.append(
                    StatedValue(value["kind"], str(value["text"]), show_value(value, draft.lang), position)
                )


def _compose_documents(
    kb: Kb, draft: Draft, topic: str, ranked: list[tuple[float, Unit]], question: str, on: date
) -> None:
    """A document list is an article's clauses or a clause's points: the article whose title matches the
    question best ('Hồ sơ đề nghị cấp giấy phép lao động' before its special cases), listed whole."""
    index = index_for(kb)
    first_of_article: dict[tuple[str, str], Unit] = {}
    for _score, unit in ranked:
        first_of_article.setdefault((unit["doc_id"], unit["article"]), unit)
    if not first_of_article:
        return
    asked = asked_subs(question, question)

    def fit(unit: Unit) -> tuple[bool, bool, float, int]:
        # The dossier of the sub-procedure asked ('exemption from work permit': the exemption certificate's,
        # Art. 8) before the first issue's, whose title matches more words; none of one not asked.
        named = set(index.sub_named[index.by_id[unit["id"]]])
        return (
            bool(named & asked),
            not (named - asked),
            title_relevance(kb, index, index.by_id[unit["id"]], question),
            -unit.get("seq", 0),
        )

    best = max(first_of_article.values(), key=fit)
    group = [kb.units[p] for p in index.by_article[(best["doc_id"], best["article"])]]
    group = [u for u in group if u.get("part") == best.get("part") and in_force(kb, u, on)]
    group.sort(key=lambda u: u.get("seq", 0))
    items: list[tuple[dict[str, Any], int]] = []
    for unit in group:
        position = draft.cite(unit)[0]
        items += [(v, position) for v in facet_values(kb, unit, "documents")[0]]
    shown = items[:MAX_DOCUMENTS_SHOWN]
    joined = listed([_short(str(v["text"])) for v, _ in shown])
    joined += _t("; and more: see the article", draft.lang) if len(items) > len(shown) else ""
    label = short_cite(unit_citation(kb, best), draft.lang).split(", khoản")[0]  # the article
    if draft.say(facet_sentence("documents", draft.lang, values=joined, cite=label)):
        for value, position in shown:
            draft.values.append(
                StatedValue("document", str(value["text"]), _short(str(value["text"])), position)
            )


def _route_of(kb: Kb, unit: Unit) -> str | None:
    """'paper' or 'electronic': the builder's reading of the time limit (norm.route), else the clause's words."""
    for value in facet_values(kb, unit, "deadline")[0]:
        route = (value.get("norm") or {}).get("route")
        if route in ("paper", "electronic"):
            return str(route)
    if _PAPER.search(unit["text"]):
        return "paper"
    if _ELECTRONIC.search(unit["text"]):
        return "electronic"
    return None


def _route(kb: Kb, unit: Unit, lang: str) -> str:
    """A declaration time limit differs by route: the law's paper form vs. the electronic declaration."""
    route = _route_of(kb, unit)
    if route == "paper":
        return _t("On paper: ", lang)
    if route == "electronic":
        return _t("Online: ", lang)
    return ""


def _said_route(values: list[dict[str, Any]], lang: str) -> str:
    """'On paper: ' when the builder read the time limit as the paper route's (Art. 33's 12 h / 24 h)."""
    routes = {(v.get("norm") or {}).get("route") for v in values}
    if routes == {"paper"}:
        return _t("On paper: ", lang)
    if routes == {"electronic"}:
        return _t("Online: ", lang)
    return ""


def procedure_times(kb: Kb, draft: Draft) -> None:
    """The time limits written in the articles a procedure answer cites (when to file, how long it takes)."""
    index = index_for(kb)
    said: set[str] = set()  # the same limit from a law and its circular is said once
    for key in [(u["doc_id"], u["article"]) for u in list(draft.units)]:
        for position in index.by_article.get(key, []):
            unit = kb.units[position]
            # When to file, and how long the authority takes once the file is complete; not the times of
            # the steps between (a software's check, the receipt slip).
            values = [
                v
                for v in unit.get("values") or []
                if v.get("kind") == "time_limit"
                and (is_person_deadline(unit, v) or _FULL_FILE.search(unit["text"]))
            ]
            if not values or len(draft.sentences) >= MAX_SENTENCES:
                continue
            joined = _t(", ", draft.lang).join(_qualified(unit, v, draft.lang) for v in values)
            route = _said_route(values, draft.lang)
            if route + joined in said:
                continue
            said.add(route + joined)
            draft.paper_route_said |= {(v.get("norm") or {}).get("route") for v in values} == {"paper"}
            if draft.say(
                route + facet_sentence("deadline", draft.lang, values=joined, cite=draft.label(unit))
            ):
                cited = draft.cite(unit)[0]
                draft.values += [
                    StatedValue("time_limit", str(v["text"]), show_value(v, draft.lang), cited)
                    for v in values
                ]


def _expulsion(kb: Kb, draft: Draft) -> None:
    """Expulsion as an additional sanction ('hình thức xử phạt trục xuất ... quy định tại các khoản 4, 5, 6',
    'Trục xuất người lao động nước ngoài ... khi vi phạm quy định tại khoản 3'), said as a caveat when it
    names a clause the answer cites."""
    index = index_for(kb)
    cited = {(u["doc_id"], u["article"], u.get("clause")) for u in draft.units}
    for doc_id, article in sorted({(d, a) for d, a, _c in cited}):
        for position in index.by_article.get((doc_id, article), []):
            unit = kb.units[position]
            sanction = _EXPULSION.search(unit["text"])
            if sanction is None:
                continue
            named = {f"khoản {n}" for n in re.findall(r"\d+", unit["text"][sanction.end() :])}
            if any((doc_id, article, clause) in cited for clause in named):
                draft.caveats.append(
                    _t(
                        "For a foreigner, expulsion may also apply ({cite}).",
                        draft.lang,
                        cite=draft.cite(unit)[1],
                    )
                )
                return


def _organisation_factor(kb: Kb, draft: Draft) -> None:
    """'Đối với tổ chức ... gấp 02 lần': the fines stated are an individual's; organisations pay the multiple."""
    docs = {c.doc_id for c in draft.citations}
    for position in index_for(kb).by_facet.get("penalty", []):
        unit = kb.units[position]
        if unit["doc_id"] in docs:
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
