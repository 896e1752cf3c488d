"""'What visa do I need to invest?': the visa symbols the law sets by purpose (Law 47/2014 Art. 8 as amended,
'ĐT1 - Cấp cho nhà đầu tư nước ngoài …'), picked by the question's own words, said before whatever else the
question asks, with the paper that proves that purpose (Art. 10 k4: an investor proves the investment; a worker
has a work permit). Standard library only; worded like a symbol's definition (knowledge/definitions.py)."""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from itertools import pairwise

from catalog import translator
from knowledge.cues import folded_question
from knowledge.definitions import asks_what, defining_clauses, names_card, say_symbol, visa_term
from knowledge.draft import Draft
from knowledge.fit import papers_asked, symbols_of, symbols_text
from knowledge.search import expand_query
from knowledge.selection import Unit, in_force, is_national
from knowledge.store import Kb, get_kb, terms
from knowledge.text import fold
from knowledge.wording import facet_sentence, listed, show_value

_t = translator("knowledge")

# 'what/which visa', 'loại thị thực nào', 'thị thực ký hiệu gì', '什么签证', '어떤 비자': which visa is asked. A
# visa named by its purpose ('an investor visa') asks something else about it (its term, its papers).
_ASKS_WHICH = re.compile(
    r"\b((what|which) (kind |type |sort )?(of )?visas?|visa (type|category|symbol)s?|"
    r"(loai|ky hieu) thi thuc (nao|gi)|thi thuc (loai )?(gi|nao)|thi thuc ky hieu (gi|nao)|visa (gi|nao|loai nao))\b"
)
_ASKS_WHICH_RAW = re.compile(
    r"什么签证|哪种签证|哪类签证|什麼簽證|哪種簽證|签证类型|어떤\s*비자|무슨\s*비자|어느\s*비자|비자\s*종류"
)
# A visa named by its purpose ('an investor visa', 'work visa', 'thị thực đầu tư'): its symbols are the ones asked.
_NAMES_PURPOSE = re.compile(
    r"\b((investor|investment|work|working|business|student|study|family|spouse|marriage|teaching|journalist|"
    r"lawyer|volunteer|intern\w*|tourist|tourism) visas?|"
    r"(thi thuc|visa) (dau tu|lao dong|hoc tap|du hoc|tham than|du lich|kinh doanh|thuong mai|doanh nghiep)|"
    # or by whom it is for ('the longest visa a lawyer can get', 'visa cho nhà đầu tư')
    r"(visas?|thi thuc) [^?]{0,25}\b(lawyers?|investors?|students?|journalists?|luat su|nha dau tu|sinh vien|phong vien)|"
    r"(lawyers?|investors?|students?|journalists?|luat su|nha dau tu|sinh vien|phong vien)\b[^?]{0,30}\b(visas?|thi thuc))\b"
)
# The same in Chinese and Korean ('投资签证', '투자 비자'), with the law's words for each purpose, since a question
# in these languages shares no word with the clauses that tell the symbols apart.
_PURPOSES_RAW: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(投资|投資)(签证|簽證)|투자\s*비자"), "nhà đầu tư đầu tư"),
    (re.compile(r"(工作|劳务|勞務|劳动|勞動)(签证|簽證)|(취업|노동|근로|워크)\s*비자"), "lao động làm việc"),
    (re.compile(r"(商务|商務)(签证|簽證)|(비즈니스|상용|사업)\s*비자"), "doanh nghiệp"),
    (re.compile(r"(留学|留學|学生|學生)(签证|簽證)|(유학|학생)\s*비자"), "học tập"),
    (
        re.compile(r"(探亲|探親|家属|家屬|配偶|结婚|結婚)(签证|簽證)|(가족|배우자|결혼)\s*비자"),
        "vợ chồng con",
    ),
    (re.compile(r"(律师|律師)(签证|簽證)|변호사\s*비자"), "luật sư"),
    # ... a trip's visa too ('여행 시 비자', '관광 갈 때 비자')
    (
        re.compile(
            r"(旅游|旅遊|观光|觀光).{0,6}(签证|簽證)|(관광|여행)\s*(시|할\s*때|갈\s*때|가는데|목적의?)?\s*비자"
        ),
        "du lịch",
    ),
    # a visa asked by a family tie ('제 남편이 베트남 사람인데 어떤 비자', '我老婆是越南人，办什么签证')
    (
        re.compile(
            r"(丈夫|妻子|老婆|老公|配偶|父母|子女).{0,20}(签证|簽證)|(남편|아내|부인|배우자|부모|자녀).{0,30}(비자|사증)"
        ),
        "vợ chồng con công dân Việt Nam",
    ),
)
# Two purposes named as a choice ('business visa or work visa, which one?', 'visa doanh nghiệp hay visa lao động',
# '商务签证还是工作签证', '비즈니스 비자랑 취업 비자 중 어떤 것'): what each is answers it, as for a difference. The
# choice word stands between two named purposes, or a 'which one' after the last.
_CHOICE = re.compile(r"\b(or|vs|versus|hay|hoac)\b")
_CHOICE_RAW = re.compile(r"还是|還是|或者|或是|아니면|또는|\bvs\b", re.IGNORECASE)
_CHOICE_AFTER = re.compile(r"^\W*(\w+\W+){0,6}?(which (one|do|should)|nen chon|chon (loai )?nao|loai nao)\b")
_CHOICE_AFTER_RAW = re.compile(r"选哪|選哪|哪个|哪個|哪一个|중\s*(어떤|어느|무엇|뭐)|어느\s*(것|쪽)")
_EXTENSION = re.compile(r"\b(extend\w*|extension|renew\w*|gia han)\b")
_EXTENSION_RAW = re.compile(r"延期|延长|延長|延签|续签|續簽|연장|갱신")
# A residence card named by its purpose ('investor residence card', 'thẻ tạm trú đầu tư / diện kết hôn', '投资居留卡',
# '투자 거주증'): the purpose in Vietnamese, Chinese or Korean, with the law's words for it.
_CARD_PURPOSES: tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...] = (
    (re.compile(r"\bdau tu\b"), re.compile(r"投资|投資|투자"), "nhà đầu tư đầu tư"),
    (re.compile(r"\blao dong\b"), re.compile(r"工作|劳务|勞務|취업|노동|근로"), "lao động làm việc"),
    (re.compile(r"\b(hoc tap|du hoc)\b"), re.compile(r"留学|留學|学生|學生|유학|학생"), "học tập"),
    (
        re.compile(r"\bket hon\b"),
        re.compile(r"配偶|结婚|結婚|婚姻|丈夫|妻子|배우자|결혼|남편|아내"),
        "vợ chồng",
    ),
)
# ... and the purpose's own words in English and Vietnamese, alone: a card question's other words ('là gì', 'thẻ
# tạm trú') would match the symbols' clauses by chance ('là thành viên' in LĐ1's).
_CARD_PURPOSE_WORDS = re.compile(
    r"\b(invest\w*|dau tu|work\w*|lao dong|stud\w*|hoc tap|du hoc|spouses?|wife|husband|marri\w*|family|"
    r"tham than|lawyers?|luat su|journalists?|phong vien)\b"
)
_CARD_TERM_TITLE = "thoi han the tam tru"  # Law 47/2014 Art. 38's title, folded
_GETTING_FACETS = frozenset({"documents", "procedure", "eligibility"})
# The words for the paper itself, which name no purpose ('được cấp thị thực ký hiệu ...' in TT's clause).
_PAPER_WORDS = frozenset(terms("visa thị thực ký hiệu cấp"))
# ... nor does the country ('investor card in Vietnam': 'tại Việt Nam' is in LĐ1's clause as in ĐT1's).
_PLACE_WORDS = frozenset(terms("Việt Nam"))
NEAR = 0.8  # symbols of one purpose graded by another measure (ĐT1-ĐT4 by capital) match about as well
MAX_SYMBOLS = 3
# The clause listing the papers that prove a purpose ('Các trường hợp sau đây đề nghị cấp thị thực phải có giấy
# tờ chứng minh mục đích nhập cảnh:'): an investor proves the investment, a worker has a work permit.
_PROOF_LEAD = re.compile(r"phải có giấy tờ chứng minh mục đích nhập cảnh")
MIN_EVIDENCE = 2.0  # at least one word few symbols' clauses use (log of about 7 clauses to 1)
# A proof (one of a few points) is said when its words match and clearly better than the next point's.
MIN_PROOF = 1.0
PROOF_LEAD = 2.0


def names_purpose(text: str) -> bool:
    """The question names a visa by its purpose ('an investor visa', '投资签证', '투자 비자')."""
    return bool(_NAMES_PURPOSE.search(folded_question(text))) or any(p.search(text) for p, _ in _PURPOSES_RAW)


def _purpose_words(text: str) -> str:
    """The question's words, with the law's words for a purpose it names in Chinese or Korean."""
    return " ".join([text, *(words for pattern, words in _PURPOSES_RAW if pattern.search(text))])


def asks_which_visa(text: str) -> bool:
    return bool(_ASKS_WHICH.search(folded_question(text)) or _ASKS_WHICH_RAW.search(text))


def asks_choice(text: str) -> bool:
    """'Business visa vs work visa: which one do I need?': two purposes named, one to be chosen."""
    folded = folded_question(text)
    spans = [m.span() for m in _NAMES_PURPOSE.finditer(folded)]
    if len(spans) > 1 and (
        any(_CHOICE.search(folded[a[1] : b[0]]) for a, b in pairwise(spans))
        or _CHOICE_AFTER.search(folded[spans[-1][1] :])
    ):
        return True
    raw = sorted(m.span() for pattern, _words in _PURPOSES_RAW for m in pattern.finditer(text))
    return len(raw) > 1 and (
        any(_CHOICE_RAW.search(text[a[1] : b[0]]) for a, b in pairwise(raw))
        or bool(_CHOICE_AFTER_RAW.search(text[raw[-1][1] :]))
    )


def _in_force_symbols(kb: Kb, on: date) -> list[tuple[str, Unit]]:
    """Each symbol with its national clause in force on `on` (the amended wording, not the 2014 one)."""
    found = []
    for symbol, units in sorted(defining_clauses(kb).items()):
        unit = next((u for u in units if is_national(u) and in_force(kb, u, on)), None)
        if unit is not None:
            found.append((symbol, unit))
    return found


def _lapsed_symbols(kb: Kb, text: str, on: date) -> list[tuple[str, Unit]]:
    """'What is a tourist visa?': the symbols of a purpose named whose only defining clauses on file are out of
    force (DL: the 2014 Art. 8 k17, which the amended extracts omit), each with its visa term in force (Art. 9
    k2: 90 days); said as having no defining clause in force, with that term. None without a term."""
    lapsed = [
        (symbol, unit)
        for symbol, units in sorted(defining_clauses(kb).items())
        for unit in [next((u for u in units if is_national(u)), None)]
        if unit is not None and not any(is_national(u) and in_force(kb, u, on) for u in units)
    ]
    symbols = {id(unit): symbol for symbol, unit in lapsed}
    found: list[tuple[str, Unit]] = []
    for mention in _mentions(text):
        for symbol in _best_symbols(_by_rare_words([unit for _symbol, unit in lapsed], mention), symbols):
            term = visa_term(kb, symbol, on)
            if term is not None and symbol not in dict(found):
                found.append((symbol, term))
    return found


def _mentions(text: str) -> list[str]:
    """Each purpose the question names a visa by, in its own words ('business visa', 'work visa') or, in Chinese
    and Korean, the law's words for it; the whole question when it names none ('what visa to invest')."""
    named = [m.group() for m in _NAMES_PURPOSE.finditer(folded_question(text))]
    named += [words for pattern, words in _PURPOSES_RAW if pattern.search(text)]
    return named or [text]


def _best_symbols(scored: list[tuple[float, Unit]], symbols: dict[int, str]) -> list[str]:
    """The symbols that match a purpose about as well as the best one, best first; none below MIN_EVIDENCE."""
    if not scored or scored[0][0] < MIN_EVIDENCE:
        return []
    best = scored[0][0]
    return [symbols[id(unit)] for evidence, unit in scored if evidence >= best * NEAR]


def _symbols_for(kb: Kb, text: str, on: date) -> list[tuple[str, Unit]]:
    """The symbols of each purpose named, best first for each, then the others of their families (DN2 with DN1:
    'a business visa' is both)."""
    current = _in_force_symbols(kb, on)
    symbols = {id(unit): symbol for symbol, unit in current}
    chosen: list[str] = []
    for mention in _mentions(text):
        found = _best_symbols(_by_rare_words([unit for _symbol, unit in current], mention), symbols)
        chosen += [symbol for symbol in found if symbol not in chosen]
    family = [
        symbol
        for symbol, _unit in current
        for named in chosen
        if symbol not in chosen and named[-1].isdigit() and symbol[:-1] == named[:-1] and symbol[-1].isdigit()
    ]
    units = dict(current)
    return [(symbol, units[symbol]) for symbol in dict.fromkeys(chosen + family)]


def _by_rare_words(units: list[Unit], text: str) -> list[tuple[float, Unit]]:
    """Units scored by the question's words they share, each weighed by how few of `units` use it: 'nhà đầu tư'
    tells ĐT1 from LĐ1, 'người nước ngoài' (in every clause) tells nothing. Best first."""
    words = [frozenset(w for w in terms(unit["text"]) if " " not in w) for unit in units]
    df: dict[str, int] = {}
    for unit_words in words:
        for word in unit_words:
            df[word] = df.get(word, 0) + 1
    asked = (
        frozenset(w for w in terms(expand_query(_purpose_words(text))) if " " not in w)
        - _PAPER_WORDS
        - _PLACE_WORDS
    )
    scored = [
        (sum(math.log(len(units) / df[w]) for w in asked & unit_words), unit)
        for unit, unit_words in zip(units, words, strict=True)
    ]
    return sorted(scored, key=lambda item: -item[0])


def _purpose_proofs(kb: Kb, on: date) -> list[Unit]:
    """The points of the clause listing the papers that prove a purpose of entry (Law 47/2014 Art. 10 k4)."""
    leads = [u for u in kb.units if is_national(u) and in_force(kb, u, on) and _PROOF_LEAD.search(u["text"])]
    return [
        u for lead in leads for u in kb.units if u["id"].startswith(lead["id"] + "/") and in_force(kb, u, on)
    ]


def _clear_lead(scored: list[tuple[float, Unit]]) -> bool:
    if not scored or scored[0][0] < MIN_PROOF:
        return False
    return len(scored) == 1 or scored[0][0] >= PROOF_LEAD * scored[1][0]


def compose_purpose_symbols(kb: Kb, draft: Draft, text: str, on: date, facet: str | None = None) -> bool:
    """Say the symbols whose purpose the question's own words name, then the paper that proves that purpose;
    True when something was said. Asked outright ('which visa'), or for a visa named by its purpose when the
    question asks how to get it ('investor visa: documents and process')."""
    # ... or what such a visa is ('什么是投资签证?'): its symbols are what it is.
    getting = (
        facet in _GETTING_FACETS or (facet is None and (asks_what(text) or asks_choice(text)))
    ) and names_purpose(text)
    if not (asks_which_visa(text) or getting):
        return False
    if facet == "validity" and names_purpose(text):
        return False  # 'investor visa types and terms': the terms are said with their symbols (ranking narrows to them)
    if _EXTENSION.search(folded_question(text)) or _EXTENSION_RAW.search(text):
        return False  # 'can a business visa be extended, on what conditions': the extension is asked, not the visa
    # The proof of the purpose named, read from the purpose's words alone: the question's other words ('applying'
    # read as 'nộp hồ sơ') would match a proof by chance ('cơ sở giáo dục' for a business visa).
    proofs = _by_rare_words(_purpose_proofs(kb, on), " ".join(_mentions(text)))
    proof = proofs[0][1] if _clear_lead(proofs) else None
    # What such a visa is: with the visa's term (Art. 9), unless a card is asked.
    with_term = facet is None and not names_card(text)
    said = False
    symbols = _symbols_for(kb, text, on)
    if len(_mentions(text)) > 1:
        proof = None  # 'business or work visa': each purpose's symbol before one purpose's proof
    room = MAX_SYMBOLS - (proof is not None)  # room left for the proof
    for symbol, unit in symbols[:room]:
        term = visa_term(kb, symbol, on) if with_term else None
        said = say_symbol(draft, symbol, unit, term) or said
    if with_term and not symbols:
        for symbol, term in _lapsed_symbols(kb, text, on)[:room]:
            said = say_symbol(draft, symbol, None, term) or said
    for _symbol, unit in symbols[room:]:
        draft.cite(unit)  # no room to say it: quoted below
    if proof is not None:
        cite = draft.cite(proof)[1]
        sentence = _t(
            "The case asked is listed: “{quote}” ({cite}).", draft.lang, quote=proof["text"], cite=cite
        )
        said = draft.say(sentence) or said
    return said


@lru_cache(maxsize=4096)
def purpose_symbols(text: str, on: date) -> frozenset[str]:
    """'How long is an investor visa valid?' -> {'DT1', 'DT2', 'DT3'}: the symbols of the purpose the question
    names a visa by (read with Đ as D, as knowledge.fit.symbols_asked reads them); empty when none is named."""
    if not names_purpose(text):
        return frozenset()
    kb = get_kb()
    named = _in_force_symbols(kb, on)
    symbols = {id(unit): symbol for symbol, unit in named}
    scored = _by_rare_words([unit for _symbol, unit in named], text)
    if not scored or scored[0][0] < MIN_EVIDENCE:
        return frozenset()
    best = scored[0][0]
    return frozenset(symbols[id(unit)] for evidence, unit in scored if evidence >= best * NEAR)


def compose_card_terms(kb: Kb, draft: Draft, text: str, on: date) -> bool:
    """'What is an investor residence card?': the card's term (Law 47/2014 Art. 38 as amended) for the symbols of
    the purpose the question names ('up to 10 years (symbols ĐT1); …'), in one sentence; True when said."""
    if "residence_card" not in papers_asked(text) or not asks_what(text):
        return False  # only what such a card is: 'can my wife get a card' asks whether, not its term
    folded = folded_question(text)
    words = " ".join(
        [
            *(m.group() for m in _CARD_PURPOSE_WORDS.finditer(folded)),
            *(
                w
                for on_folded, on_raw, w in _CARD_PURPOSES
                if on_folded.search(folded) or on_raw.search(text)
            ),
        ]
    )
    if not words:
        return False
    current = _in_force_symbols(kb, on)
    chosen = _best_symbols(_by_rare_words([u for _s, u in current], words), {id(u): s for s, u in current})
    terms = [
        unit
        for unit in kb.units
        if is_national(unit)
        and fold(str(unit.get("article_title") or "")) == _CARD_TERM_TITLE
        and in_force(kb, unit, on)
        and symbols_of(unit) & set(chosen)
    ]
    shown = []
    for unit in terms:
        value = next((v for v in unit.get("values") or [] if v.get("kind") == "duration"), None)
        listed_symbols = symbols_text(unit, value) if value is not None else None
        if value is None or not listed_symbols:
            continue
        listed_symbols = listed_symbols if draft.lang == "vi" else listed_symbols.replace(" và ", ", ")
        span = show_value(value, draft.lang)
        shown.append(_t("{span} (symbols {symbols})", draft.lang, span=span, symbols=listed_symbols))
    if not shown:
        return False
    for unit in terms:
        draft.cite(unit)
    cite = draft.label(terms[0]).split(", khoản")[0]
    return draft.say(facet_sentence("validity", draft.lang, values=listed(shown), cite=cite))
