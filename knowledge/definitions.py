"""'What is the TT visa?': a visa or card symbol named with a 'what is' is answered with the clause that
defines it ('TT - Cấp cho người nước ngoài là vợ, chồng, con dưới 18 tuổi ...', Law 47/2014 Art. 8 as
amended), in force on the day asked, before whatever else the question asks."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from catalog import translator
from knowledge.cues import INSTEAD_OF_VISA, INSTEAD_OF_VISA_RAW
from knowledge.draft import Draft
from knowledge.fit import cases_asked, papers_asked, symbols_asked, symbols_of
from knowledge.search import TERM_PATTERNS, expand_query
from knowledge.selection import Unit, in_force, index_for, is_national
from knowledge.store import Kb, get_kb
from knowledge.text import fold
from knowledge.wording import show_value

_t = translator("knowledge")

# 'là gì', 'là loại ... nào', 'what is', 'what does ... mean', '是什么', '무엇', '뭐'
_ASKS_WHAT = re.compile(
    r"\bla gi\b|\bla loai\b|\bwhat (exactly )?(is|are|does)\b|\bwhat's\b|\bmeaning\b|\bmean\b"
)
_ASKS_WHAT_RAW = re.compile(
    r"是什么|是指|什么是|什麼是|是什麼|무엇|뭐|란\b|이란|算是|算不算|算作|(으)?로\s*(간주|인정)되"
)
# 'What is the difference between A and B?' asks what each is; 'why apply for / why do I need X?' asks what X
# is for, which its definition says ('... có giá trị thay thị thực'). zh/ko on the raw text.
_ASKS_DIFFERENCE = re.compile(r"\bdifferen(ce|t)\b|\bkhac nhau\b|\bphan biet\b")
_ASKS_DIFFERENCE_RAW = re.compile(r"区别|區別|差别|差別|不同|차이|다른\s*점|다른가")
_ASKS_WHY_RAW = re.compile(
    r"(为何|为什么|為何|為什麼)(要|需要|必须|必須|得)|왜\s*(필요|받아야|신청|만들어야|있어야)"
)
_DEFINES = re.compile(r"^([A-ZĐ]{2,3}\d?)\s*[-–]\s")  # 'TT - Cấp cho ...'
QUOTE_CHARS = 260
_DEFINITIONS: dict[int, dict[str, list[Unit]]] = {}


def asks_what(text: str) -> bool:
    return bool(_ASKS_WHAT.search(fold(text)) or _ASKS_WHAT_RAW.search(text) or asks_difference(text))


def asks_difference(text: str) -> bool:
    """'临时居留证和永久居留证有什么区别?', 'Visa LĐ1 và LĐ2 khác nhau thế nào?': what each named thing is."""
    return bool(_ASKS_DIFFERENCE.search(fold(text)) or _ASKS_DIFFERENCE_RAW.search(text))


# What a symbol is, asked with no other facet: its definition and the visa's term (Art. 9).
_TERM_FACETS = frozenset({None})


def compose_definitions(kb: Kb, draft: Draft, text: str, on: date, facet: str | None = None) -> bool:
    """Say the definition of each symbol the question names and asks about, with the visa's term when nothing
    else is asked; True when one was said. A symbol with a term but no definition in force on file is
    said to have none ('LĐ2': only LĐ1's amended clause is on file)."""
    if not asks_what(text):
        return False
    said = False
    for symbol in _with_families(kb, symbols_asked(text), on):
        term = visa_term(kb, symbol, on) if facet in _TERM_FACETS and not names_card(text) else None
        unit = definition(kb, symbol, on)
        if unit is None and term is None:
            continue
        said = say_symbol(draft, symbol, unit, term) or said
    return said


def _with_families(kb: Kb, asked: frozenset[str], on: date) -> list[str]:
    """The symbols asked, a family named without its number ('an LĐ visa', 'visa DN') read as its numbered
    symbols on file (LĐ1, LĐ2; DN1, DN2: the 2014 'LĐ', 'DN' were split by the amendments) when it has no
    definition in force of its own."""
    visa_term(kb, "", on)  # fills the table of symbols with a term
    named = set(_definitions(kb)) | set(_TERMS.get(id(kb), {}))
    found: list[str] = []
    for symbol in sorted(asked):
        family = sorted(
            other
            for other in named
            if other[:-1] == symbol
            and other[-1].isdigit()
            and (definition(kb, other, on) is not None or visa_term(kb, other, on) is not None)
        )
        keep = symbol[-1].isdigit() or definition(kb, symbol, on) is not None or not family
        found += [symbol] if keep else family
    return list(dict.fromkeys(found))


def names_card(text: str) -> bool:
    """A residence card is asked ('thẻ tạm trú LĐ1'): the visa's term (Art. 9) is not the card's (Art. 38)."""
    return bool(papers_asked(text) - {"visa"})


def definition(kb: Kb, symbol: str, on: date) -> Unit | None:
    """The national clause defining a symbol in force on `on`; None when the only one on file is out of force
    ('DL - Cấp cho người vào du lịch', the 2014 Art. 8 k17: the amended Art. 8 on file omits it)."""
    return next((u for u in _definitions(kb).get(symbol, []) if is_national(u) and in_force(kb, u, on)), None)


def visa_term(kb: Kb, symbol: str, on: date) -> Unit | None:
    """The clause in force setting a visa's term for the symbol (Law 47/2014 Art. 9 as amended: 'Thị thực ký
    hiệu LS, ĐT1, ĐT2 có thời hạn không quá 05 năm'), if on file."""
    found = _TERMS.get(id(kb))
    if found is None:
        found = {}
        for unit in kb.units:
            if is_national(unit) and fold(str(unit.get("article_title") or "")) == _VISA_TERM_TITLE:
                for listed in symbols_of(unit):
                    found.setdefault(listed, []).append(unit)
        _TERMS.clear()
        _TERMS[id(kb)] = found
    return next((u for u in found.get(symbol, []) if in_force(kb, u, on)), None)


_VISA_TERM_TITLE = "thoi han thi thuc"  # Law 47/2014 Art. 9's title, folded
_TERMS: dict[int, dict[str, list[Unit]]] = {}


def _shown_symbol(symbol: str, *texts: str) -> str:
    """The symbol as the law writes it ('LĐ1', 'ĐT1'), read from a clause that names it."""
    for text in texts:
        for match in re.finditer(r"[A-ZĐ]{2,3}\d?", text):
            if match.group().replace("Đ", "D") == symbol:
                return match.group()
    return symbol


def say_symbol(draft: Draft, symbol: str, unit: Unit | None, term: Unit | None = None) -> bool:
    """'TT is defined in 47/2014/QH13, Điều 8, khoản 18: “TT - Cấp cho …”' (symbol read with Đ as D), with the
    visa's term when given ('Its visa term: up to 1 year (“không quá 01 năm”, … Điều 9, khoản 4)'); a symbol with
    no defining clause in force on file (LĐ2; DL, whose 2014 clause is out of force) is said to have none."""
    shown = _shown_symbol(symbol, *(str(u["text"]) for u in (unit, term) if u is not None))
    if unit is None:
        sentence = _t("No clause in force on file defines {symbol}.", draft.lang, symbol=shown)
    else:
        _position, label = draft.cite(unit)
        quote = (
            unit["text"]
            if len(unit["text"]) <= QUOTE_CHARS
            else unit["text"][:QUOTE_CHARS].rsplit(" ", 1)[0] + " …"
        )
        sentence = _t(
            "{symbol} is defined in {cite}: “{quote}”", draft.lang, symbol=shown, cite=label, quote=quote
        )
    value = next((v for v in (term or {}).get("values") or [] if v.get("kind") == "duration"), None)
    if term is not None and value is not None:
        sentence += " " + _t(
            "Its visa term: {span} (“{words}”, {cite}).",
            draft.lang,
            span=show_value(value, draft.lang),
            words=value["text"],
            cite=draft.cite(term)[1],
        )
    return draft.say(sentence)


def defining_clauses(kb: Kb) -> dict[str, list[Unit]]:
    """Clauses defining each visa or card symbol, by symbol (Đ read as D)."""
    return _definitions(kb)


def _definitions(kb: Kb) -> dict[str, list[Unit]]:
    """Clauses defining a symbol, by symbol (Đ read as D, as symbols_asked reads it)."""
    found = _DEFINITIONS.get(id(kb))
    if found is None:
        found = {}
        for unit in kb.units:
            match = _DEFINES.match(unit["text"])
            if match:
                found.setdefault(match.group(1).replace("Đ", "D"), []).append(unit)
        _DEFINITIONS.clear()
        _DEFINITIONS[id(kb)] = found
    return found


# 'What is a temporary residence card?': the words people use for a term the law defines (data/defined_terms.tsv).
_TERM_OPENING = re.compile(r"^(\S+(?: \S+){0,7}?) là ")
_DEFINES_TITLE = "giai thich tu ngu"
_TERM_INDEX: dict[int, dict[str, list[Unit]]] = {}


_HANGUL = re.compile(r"[가-힣]")
_PARTICLES = "은는이가란을를의과와도에로만"
_PARTICLES_2 = ("으로", "에서", "에게", "까지", "부터", "보다", "처럼")  # '거주증으로' names the card too


def _whole(match: re.Match[str], text: str) -> bool:
    """The raw (zh/ko) term as a word of its own: '비자는' names the visa, '비자런' (a visa run) does not."""
    after = text[match.end() : match.end() + 2]
    if not after or not _HANGUL.match(after[0]):
        return True
    if text[match.end() : match.end() + 2] in _PARTICLES_2:
        return not _HANGUL.match(text[match.end() + 2 : match.end() + 3])
    return after[0] in _PARTICLES and not _HANGUL.match(after[1:])


def _raw_terms(text: str) -> set[str]:
    """The terms a zh/ko question names, each where it is said: a term inside a longer one said at the same place
    is not named ('永久居留证' names the permanent card, not the '居留证' it ends with)."""
    spans = [
        (match.start(), -(match.end() - match.start()), match.end(), term)
        for _folded, on_raw, term in TERM_PATTERNS
        if on_raw.pattern
        for match in on_raw.finditer(text)
        if _whole(match, text)
    ]
    named: set[str] = set()
    covered_to = -1
    for start, _minus_length, end, term in sorted(spans):
        if start >= covered_to:
            named.add(term)
        covered_to = max(covered_to, end)
    return named


# A law named by its title ('theo Luật Nhập cảnh, xuất cảnh, … 2014'): its words are not the term asked.
_LAW_TITLE = re.compile(r"\b(theo )?luat [^?]*")


def _terms_asked(kb: Kb, text: str) -> list[str]:
    """The law's terms the question names, the one asked about first."""
    folded = f" {_LAW_TITLE.sub(' ', fold(text))} "
    named = {term for on_folded, _on_raw, term in TERM_PATTERNS if on_folded.search(folded)} | _raw_terms(
        text
    )
    in_text = {term for term in _term_index(kb) if f" {term} " in folded}
    # The term asked about is the one the question names first ('Khai báo tạm trú cho người nước ngoài là gì?'),
    # a term said in English, Chinese or Korean before any; the longer on a tie ('thẻ tạm trú', not 'tạm trú').
    return sorted(
        named | in_text, key=lambda term: (folded.find(f" {term} ") if term not in named else -1, -len(term))
    )


def _term_index(kb: Kb) -> dict[str, list[Unit]]:
    """Folded term -> the national clauses defining it ('Thẻ tạm trú là ...' in an article 'Giải thích từ ngữ',
    or an article whose title is the term: 'Điều 32. Cơ sở lưu trú'), and the articles titled by a term."""
    found = _TERM_INDEX.get(id(kb))
    if found is None:
        found = {}
        for unit in kb.units:
            if not is_national(unit):
                continue
            title = fold(str(unit.get("article_title") or ""))
            opening = _TERM_OPENING.match(unit["text"])
            term = fold(opening.group(1)) if opening else ""
            if term and (title == _DEFINES_TITLE or term == title):
                found.setdefault(term, []).append(unit)
            elif title and len(title.split()) <= 4 and title != _DEFINES_TITLE:
                found.setdefault(title, []).append(unit)  # 'Khai báo tạm trú': the article is the term
        _TERM_INDEX.clear()
        _TERM_INDEX[id(kb)] = found
    return found


# 'what is X' / 'X là gì' asks what X is; 'what does the application include' does not.
# 'Is a private home considered an accommodation establishment?', 'Nhà riêng có được xem là cơ sở lưu trú không?':
# whether a thing falls under a term is answered by the term's definition.
_ASKS_MEANING = re.compile(
    r"\bwhat (is|are)\b|\bwhat s\b|\bla gi\b|\bmeaning\b|\bwhat does .* mean\b|"
    r"\b((is|are|does|do) [^?]{1,40} (considered|count(ed)? as|regarded as|classed as)|"
    r"(duoc|bi) (xem|coi) la|(co )?(duoc )?tinh la)\b"
)
_ASKS_WHY = re.compile(r"\bwhy (do|should|would|must) (i|you|we|one|foreigners?) (need|get|apply for|have)\b")


def _asks_instead_of_visa(text: str) -> bool:
    return bool(INSTEAD_OF_VISA.search(fold(text)) or INSTEAD_OF_VISA_RAW.search(text))


def asks_meaning(text: str) -> bool:
    """'What is X?', 'X là gì?', 'X是什么?', 'X란?', 'why apply for X?', 'how do X and Y differ?'."""
    return bool(
        _ASKS_MEANING.search(fold(text))
        or _ASKS_WHAT_RAW.search(text)
        or _ASKS_WHY.search(fold(text))
        or _ASKS_WHY_RAW.search(text)
        or _asks_instead_of_visa(text)
        or asks_difference(text)
    )


# The thing a 'what is' question asks about, up to where it says more ('what is a visa under Vietnamese law').
_SUBJECTS = (
    re.compile(r"\bwhat (?:is|are|s) (?:an? |the )?(?P<subject>[^?]+)"),
    re.compile(r"(?:^|\b(?:hoi|cho) )(?P<subject>[^?]+?) (?:la gi|nghia la gi|la cai gi)\b"),
)
_SUBJECT_ENDS = re.compile(
    r" (?:under|in|for|according|by|when|if|and|or|that|which|theo|o|tai|cho|cua|danh cho|doi voi|khi|va|hay|thi) .*$"
)
# 'The regulations on X', 'the amendments to the rules on X': X is the thing asked.
_SUBJECT_LEADS = re.compile(
    r"^(?:(?:the |new |latest |current )*(?:regulations?|rules?|amendments?|laws?|provisions?|quy dinh|quy che)"
    r"(?: \w+)? (?:covering|on|about|regarding|of|to|for|ve) )+"
)
# Words that say where or whose a thing is, not which thing ('the Vietnamese TRC', 'thẻ tạm trú Việt Nam').
_PLACE_WORDS = frozenset(
    "vietnam vietnamese viet nam vn a an the of foreigners foreigner nguoi nuoc ngoai".split()
)


def _asks_a_kind_of(term: str, text: str) -> bool:
    """'What is a startup visa?', 'What is a visa sponsor letter?', 'Visa công tác là gì?': the thing asked is
    named with words beyond the law's term ('visa'), so the term's definition is not what it is."""
    folded = fold(text)
    for pattern in _SUBJECTS:
        found = pattern.search(folded)
        if found is None:
            continue
        subject = _SUBJECT_LEADS.sub("", found.group("subject").strip())
        rest = f" {_SUBJECT_ENDS.sub('', ' ' + subject)} "
        before = rest
        for on_folded, _on_raw, named in TERM_PATTERNS:
            if named == term:
                rest = on_folded.sub(" ", rest)
        rest = rest.replace(f" {term} ", " ")
        if rest == before:
            return True  # the term is said after the thing asked ('Mục đích của phiếu … đối với người nước ngoài')
        extra = [word for word in rest.split() if len(word) > 1 and word not in _PLACE_WORDS]
        # A kind the law knows (an investor's, a student's: a case of its lists, knowledge.fit.cases_asked; or words
        # a clause names beside the term) is still the term's question; one it does not ('startup visa') is not.
        said = " ".join(extra)
        return bool(extra) and not cases_asked(said) and not _said_with(term, expand_query(said))
    return False


@lru_cache(maxsize=1024)
def _said_with(term: str, words: str) -> bool:
    """Some national clause naming the term also names all the law's words among the question's other words."""
    kb = get_kb()
    asked = [w for w in words.split() if w in kb.idf]
    if not asked:
        return False
    for unit in kb.units:
        text = f" {fold(unit['text'])} "
        if is_national(unit) and f" {term} " in text and all(f" {w} " in text for w in asked):
            return True
    return False


def compose_term(kb: Kb, draft: Draft, text: str, on: date) -> bool:
    """'What is X?': the clause defining X in its own words, or the article titled X (quoted below); a 2014
    definition whose article was amended (the amended wording not on file) is said as the 2014 wording."""
    if not asks_meaning(text):
        return False
    # 'What is the difference between A and B?': the definition of each term named (two at most).
    wanted = 2 if asks_difference(text) else 1
    said = 0
    asked = _terms_asked(kb, text)
    if _asks_instead_of_visa(text) and len(asked) > 1:
        asked = [
            term for term in asked if term != "thi thuc"
        ]  # what stands in for the visa is the paper asked
    for term in asked:
        if said >= wanted:
            break
        if not asks_difference(text) and _asks_a_kind_of(term, text):
            continue  # 'What is a startup visa?': not what a visa is
        units = _term_index(kb).get(term, [])
        defining = [u for u in units if _TERM_OPENING.match(u["text"]) and fold(u["text"]).startswith(term)]
        current = [u for u in defining if in_force(kb, u, on)]
        older = [u for u in defining if u.get("status") == "superseded" and not u.get("superseded_by")]
        unit = next(iter(current or older), None)
        if unit is not None:
            _position, label = draft.cite(unit)
            quote = (
                unit["text"]
                if len(unit["text"]) <= QUOTE_CHARS * 2
                else unit["text"][: QUOTE_CHARS * 2].rsplit(" ", 1)[0] + " …"
            )
            if current:
                said += draft.say(_t("Defined in {cite}: “{quote}”", draft.lang, cite=label, quote=quote))
                continue
            draft.caveats.append(
                _t(
                    "{cite} is the 2014 wording; the article was amended later and the amended wording is not on file.",
                    draft.lang,
                    cite=label,
                )
            )
            said += draft.say(
                _t("Defined in {cite} (2014 wording): “{quote}”", draft.lang, cite=label, quote=quote)
            )
            continue
        titled = [u for u in units if in_force(kb, u, on) and u.get("clause")]
        if titled:
            index = index_for(kb)
            article = [kb.units[p] for p in index.by_article[(titled[0]["doc_id"], titled[0]["article"])]]
            for part in [u for u in article if in_force(kb, u, on)][:3]:
                draft.cite(part)
            cite = draft.label(titled[0]).split(", khoản")[0]
            said += draft.say(_t("This is set out in {cites} (quoted below).", draft.lang, cites=cite))
    return said > 0
