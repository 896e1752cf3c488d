"""What a question asks (its facet) and what it is about (its topic), from the question's own words.

Standard library only. The dialogue passes topic and facet when its NLU found them; these rules fill the gap
and serve the question-set scorer. English, Vietnamese (with or without diacritics: matched on folded text),
Chinese and Korean (matched on the raw text). Patterns are about how people ask, never about one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.asked import asking_sentences
from knowledge.cues import (
    EXTRA_FACET_RULES,
    EXTRA_TOPIC_RULES,
    INSTEAD_OF_VISA,
    INSTEAD_OF_VISA_RAW,
    shaped_facet,
)
from knowledge.text import data_rows, fold, simplified, spelled_out

FACETS: tuple[str, ...] = (
    "who",
    "where",
    "deadline",
    "processing_time",
    "validity",
    "documents",
    "fee",
    "penalty",
    "eligibility",
    "exemption",
    "procedure",
    "forms",
)
OVERVIEW = "overview"
# The words the legal texts use for each facet (folded): added to a question so that, among the clauses of a
# facet, those that speak of it ('không thuộc diện cấp giấy phép lao động') rank first.
FACET_WORDS: dict[str, str] = {
    "who": "trach nhiem",
    "where": "tham quyen co quan tiep nhan",
    "deadline": "thoi han",
    "processing_time": "thoi han ngay lam viec ke tu ngay nhan du ho so",
    "validity": "thoi han",
    "documents": "ho so giay to",
    "fee": "phi le phi",
    "penalty": "phat tien",
    "eligibility": "dieu kien",
    "exemption": "khong thuoc dien cap mien",
    "procedure": "trinh tu thu tuc",
    "forms": "mau to khai",
}
# Facets whose answer can name a provincial office; every other facet is national law.
PROVINCIAL_FACETS: frozenset[str] = frozenset({"where"})
MAIN_TOPICS: tuple[str, ...] = ("temporary_residence", "work_permit", "criminal_record", "health_check")

# (pattern on folded text for en/vi, pattern on raw text for zh/ko, weight)
_Rule = tuple[str, str, float]


def _read_rules(name: str) -> dict[str, tuple[_Rule, ...]]:
    """The cues of each facet or topic, in the order knowledge/data/<name> lists them."""
    rules: dict[str, list[_Rule]] = {}
    for key, folded, raw, weight in data_rows(name):
        rules.setdefault(key, []).append((folded, raw, float(weight)))
    return {key: tuple(group) for key, group in rules.items()}


_FACET_RULES = _read_rules("facet_cues.tsv")
_TOPIC_RULES = _read_rules("topic_cues.tsv")


def _compile(
    rules: dict[str, tuple[_Rule, ...]],
) -> dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, float]]]:
    return {
        name: [
            (re.compile(folded) if folded else None, re.compile(raw) if raw else None, weight)
            for folded, raw, weight in group
        ]
        for name, group in rules.items()
    }


def _merged(
    rules: dict[str, tuple[_Rule, ...]], extra: dict[str, tuple[_Rule, ...]]
) -> dict[str, tuple[_Rule, ...]]:
    return {name: (*group, *extra.get(name, ())) for name, group in rules.items()}


_FACET_PATTERNS = _compile(_merged(_FACET_RULES, EXTRA_FACET_RULES))
_TOPIC_PATTERNS = _compile(_merged(_TOPIC_RULES, EXTRA_TOPIC_RULES))
# When two facets score the same, the more specific one wins ('how much is the fine' is a penalty, not a fee).
_FACET_PRIORITY = (
    "penalty",
    "exemption",
    "validity",
    "processing_time",
    "deadline",
    "fee",
    "documents",
    "forms",
    "where",
    "who",
    "eligibility",
    "procedure",
)


@lru_cache(maxsize=4096)
def _folded(text: str) -> str:
    return fold(text)


_Patterns = dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, float]]]
_MATCHED: dict[tuple[int, str], dict[str, list[float]]] = {}


def _matched(text: str, patterns: _Patterns) -> dict[str, list[float]]:
    """The weights of the rules that match, per name (read-only: one ask() reads the same text several times,
    so each text is matched once per rule table)."""
    key = (id(patterns), text)
    found = _MATCHED.get(key)
    if found is None:
        if len(_MATCHED) > 8192:
            _MATCHED.clear()
        found = _MATCHED[key] = _match(text, patterns)
    return found


def _match(text: str, patterns: _Patterns) -> dict[str, list[float]]:
    folded = _folded(text)
    text = simplified(text)
    found: dict[str, list[float]] = {}
    for name, group in patterns.items():
        weights = [
            weight
            for on_folded, on_raw, weight in group
            if (on_folded and on_folded.search(folded)) or (on_raw and on_raw.search(text))
        ]
        if weights:
            found[name] = weights
    return found


def _scores(text: str, patterns: _Patterns) -> dict[str, float]:
    return {name: sum(weights) for name, weights in _matched(text, patterns).items()}


def _best(scores: dict[str, float], order: Iterable[str]) -> str | None:
    ranked = sorted(scores, key=lambda name: (-scores[name], list(order).index(name)))
    return ranked[0] if ranked else None


# Words that name an exemption itself, not merely a need ('miễn', '免', '면제', 'exempt').
_EXEMPTION_WORDS = re.compile(
    r"\b(exempt\w*|visa free|without a (work )?(permit|visa)|mien|khong thuoc dien)\b"
)
_EXEMPTION_WORDS_RAW = re.compile(r"免|豁免|면제|무사증|무비자")


def _conditions_without_exemption(text: str) -> bool:
    """A condition word ('条件', '조건', 'điều kiện') with no exemption word: a 'need' word beside it asks what the
    conditions are ('외국인이 일하려면 어떤 조건이 필요한가요'), not whether the paper is needed."""
    strong = max(_matched(text, _FACET_PATTERNS).get("eligibility", [0.0])) >= _STRONG_ELIGIBILITY
    exempt = _EXEMPTION_WORDS.search(_folded(text)) or _EXEMPTION_WORDS_RAW.search(simplified(text))
    return strong and not exempt


# 'How do A and B differ?': the bare 'how' (its cue weighs 1) asks what differs ('khác nhau thế nào').
_DIFFERENCE = re.compile(r"\b(khac nhau|khac gi|differ|difference)\b")
_BARE_HOW = 1.0
_PERMIT_REQUIRED = re.compile(
    r"\b(is|are) (a |an |the )?(work )?(permit|visa|licen[cs]e)s? (required|needed|necessary)\b"
)
_EXEMPTION_PAPER = re.compile(r"\b(certificat(e|es|ion)|giay xac nhan)\b|证明|證明|확인서|증명서")


def detect_facet(text: str) -> str | None:
    """'How much is the fine for not declaring a guest?' -> 'penalty'; None when no facet word is there. In a
    message of several sentences the asking sentences say the facet, not the context; two questions asking two
    facets ('What documents? What are the procedures?') are weighed together, as one question."""
    text = spelled_out(text)  # read as ask() reads it: 'TTĐT' is 'thị thực điện tử'
    asked = {facet for facet in map(_named_facet, asking_sentences(text)) if facet is not None}
    return asked.pop() if len(asked) == 1 else _facet_of(text)


# A bare 'how' or 'how long' ('어떻게 해야 하나요?', 'bao lâu') weighs 1: an asking sentence saying no more leaves the
# facet to the whole message ('비자가 만료되었어요. 어떻게 해야 하나요?' asks about the overstay told before it).
_NAMING_FACET = 2.0


def _named_facet(sentence: str) -> str | None:
    """The facet an asking sentence names by a facet word of its own, not by a bare 'how'."""
    facet = _facet_of(sentence)
    if facet is None or shaped_facet(sentence) == facet:
        return facet
    return facet if max(_matched(sentence, _FACET_PATTERNS)[facet]) >= _NAMING_FACET else None


def _facet_of(text: str) -> str | None:
    shaped = shaped_facet(text)
    if shaped is not None:
        return shaped
    scores = _scores(text, _FACET_PATTERNS)
    if re.search(r"\bin (what|which) forms?\b|\bhinh thuc\b", _folded(text)):
        scores.pop("forms", None)  # 'in what forms can a foreigner work' asks the ways of working, not a form
    if "procedure" in scores and re.match(
        r"((vay|the|so|then|and|cho( (toi|em|minh))? hoi|xin hoi) )?(thanh phan )?(ho so|giay to)\b|(documents?|paperwork)\b",
        _folded(text),
    ):
        scores.pop("procedure")  # 'Hồ sơ thủ tục ...' opens with the file: its papers are asked
    if _PERMIT_REQUIRED.search(_folded(text)):
        scores.pop("documents", None)  # 'is a work permit required for ...' asks whether one is exempt
    if "documents" in scores and "exemption" in scores:
        scores.pop("exemption")  # the papers for the exemption certificate: a documents question
    if "documents" in scores and "validity" in scores:
        scores.pop("validity")  # the papers for an extension ('hồ sơ gia hạn'): a documents question
    if scores.get("procedure", 0.0) <= _BARE_HOW and _DIFFERENCE.search(_folded(text)):
        scores.pop("procedure", None)  # 'số 1 và số 2 khác nhau như thế nào': what differs, not how to apply
    if "penalty" in scores:
        scores.pop("fee", None)  # 'phạt bao nhiêu tiền' asks a fine's amount, not a fee
    if INSTEAD_OF_VISA.search(_folded(text)) or INSTEAD_OF_VISA_RAW.search(text):
        scores.pop("eligibility", None)  # 'thẻ tạm trú dùng thay thị thực được không': what the card is worth
    if "exemption" in scores and _conditions_without_exemption(text):
        scores.pop("exemption")  # '어떤 조건이 필요한가요': the conditions needed, not whether one is needed
    if "exemption" in scores:
        scores.pop("eligibility", None)  # 'who is eligible for the exemption' asks the exempt cases
        if len(scores) > 1 and _EXEMPTION_PAPER.search(_folded(text) + " " + text):
            scores.pop("exemption")  # the exemption certificate's steps or fee: 'exemption' names the paper
    return _best(scores, _FACET_PRIORITY)


# 'Requirements' alone (no condition, eligibility or criteria word): what one needs, the conditions or the file;
# what meets them ('which clinics meet the requirements') is who qualifies, not a file.
# 'có quyền yêu cầu cấp' (the right to request the paper, Law 28/2009 Art. 7) is a request, not a requirement.
_REQUIREMENTS = re.compile(r"\b(requirements?|(?<!quyen )yeu cau(?! cap))\b")
_REQUIREMENTS_RAW = re.compile(r"要求")
_MEETS = re.compile(r"\b(meets?|meeting|satisf\w*|fulfil\w*|dap ung)( \w+){0,2} (requirements?|yeu cau)\b")
_MEETS_RAW = re.compile(r"(符合|满足|達到|达到).{0,4}要求")


def asks_requirements_only(text: str) -> bool:
    """'What are the Police Check Certificate Requirements?': the eligibility read comes from 'requirements'
    alone, which asks the file where the law sets no conditions for the paper."""
    matched = _matched(text, _FACET_PATTERNS).get("eligibility", [])
    said = _REQUIREMENTS.search(_folded(text)) or _REQUIREMENTS_RAW.search(text)
    meets = _MEETS.search(_folded(text)) or _MEETS_RAW.search(text)
    return bool(said) and not meets and bool(matched) and max(matched) < _STRONG_ELIGIBILITY


_STRONG_ELIGIBILITY = 4.0  # the weight of the condition words ('điều kiện', 'eligible', '条件')


# Two questions in one ('what documents, and how long does it take?', 'hồ sơ gồm gì và mất bao lâu?', '需要什么材料,
# 要多久?', '서류는 뭐가 필요하고 얼마나 걸리나요?'): each part asks its facet; the papers and the times are said together.
_PARTS = re.compile(r"\s+(?:and|also|plus|va|con|roi)\s+|[,;]\s*|\s*[，、；]\s*|(?<=[가-힣])고\s+")
_SECOND_FACETS = ("documents", "processing_time", "validity", "deadline")
_FIRST_FACETS = frozenset({*_SECOND_FACETS, "procedure"})


def second_facet(text: str, facet: str | None) -> str | None:
    """The papers or a time asked in another part of the question than the facet detected ('What documents do I
    need, and how long does it take?': processing_time detected, documents asked too); None otherwise."""
    if facet not in _FIRST_FACETS:
        return None
    asked = asking_sentences(text) or [text]
    parts = [
        p for sentence in asked for p in _PARTS.split(_folded(sentence) if _ascii_ish(sentence) else sentence)
    ]
    named = {_facet_of(p) for p in parts if p and p.strip()}
    if facet not in named:
        return None
    return next((f for f in _SECOND_FACETS if f in named and f != facet), None)


def _ascii_ish(text: str) -> bool:
    """Latin-script text (en/vi) is split on its folded words; Chinese and Korean on their raw text."""
    return not re.search(r"[\u3000-\u9fff\uac00-\ud7af]", text)


def also_asks(text: str, facet: str) -> bool:
    """The question asks this facet too, beside the one detect_facet picked ('... thủ tục gì? Nơi tiếp nhận là
    cơ quan nào?' asks the steps and the office)."""
    return facet in _scores(text, _FACET_PATTERNS)


# On a tie the narrower paper wins: 'health check for a work permit' asks about the health check.
_TOPIC_ORDER = (
    "health_check",
    "criminal_record",
    "temporary_residence",
    "work_permit",
    *(t for t in _TOPIC_PATTERNS if t not in MAIN_TOPICS),
)


# A paper said as one the asker holds ('I'm working here with a work permit, ...', 'tôi đã có giấy phép lao động')
# is the context of a question about another paper named beside it, weighed less than that paper.
_HELD_PAPER = re.compile(
    r"\b(with|have|has|having|holding|holds?|got|da co|dang co) (a |an |my |the |his |her |our |valid )*"
    r"(?P<paper>work permits?|giay phep lao dong|visas?|thi thuc|trcs?|temporary residence cards?|the tam tru)\b"
)
_HELD_PAPER_RAW = re.compile(
    r"(持有|有|拿着|拿到了?)(?P<paper>工作许可|签证|居留卡|居留证)|(?P<ko>노동\s*허가|비자|거주증)(가|를|이)?\s*(있|가지고|받았)"
)
_HELD_DISCOUNT = 1.5


def _held_topics(text: str) -> set[str]:
    """The topics of the papers the asker says they hold."""
    found = [m.group("paper") for m in _HELD_PAPER.finditer(_folded(text))]
    found += [m.group("paper") or m.group("ko") for m in _HELD_PAPER_RAW.finditer(simplified(text))]
    topics = (_best(_scores(paper, _TOPIC_PATTERNS), _TOPIC_ORDER) for paper in found)
    return {topic for topic in topics if topic is not None}


def _topic_scores(text: str) -> dict[str, float]:
    scores = _scores(text, _TOPIC_PATTERNS)
    if len(scores) > 1:
        for held in _held_topics(text) & set(scores):
            scores[held] -= _HELD_DISCOUNT
    declares = re.search(r"\b(declar\w*|khai bao)\b", _folded(text)) or re.search(r"申报|신고", text)
    if "visa_residence_card" in scores and "temporary_residence" in scores and not declares:
        scores.pop("temporary_residence")  # 'temporary residence card' names the card, not the declaration
    if "investment" in scores and "temporary_residence" in scores:
        scores.pop("temporary_residence")  # 'register a company' is not a residence registration
    return scores


def detect_topic(text: str) -> str | None:
    """'Giấy phép lao động có thời hạn bao lâu?' -> 'work_permit'; None when no topic word is there. In a
    message of several sentences the asking sentences name the topic; the context only when they name none."""
    text = spelled_out(text)  # read as ask() reads it: 'TTĐT' is 'thị thực điện tử'
    for sentence in asking_sentences(text):
        topic = _best(_topic_scores(sentence), _TOPIC_ORDER)
        if topic is not None:
            return topic
    return _best(_topic_scores(text), _TOPIC_ORDER)


# A name of this weight is a paper's own ('visa', 'giấy phép lao động', '签证', '비자'), clear on its own.
NAMING_WEIGHT = 3.0
_OWN_NAME = {name: max(weight for _, _, weight in group) for name, group in _TOPIC_PATTERNS.items()}


def named_topics(text: str) -> dict[str, float]:
    """Topics named by their own words (their strongest rule), with that name's weight: 'work permit' names
    work_permit (3), 'declare' temporary_residence (2); context such as 'foreign workers' or 'passport' names
    none, and 'temporary residence card' names the card, not the declaration."""
    text = spelled_out(text)
    matched = _matched(text, _TOPIC_PATTERNS)
    return {
        topic: _OWN_NAME[topic] for topic in _topic_scores(text) if max(matched[topic]) >= _OWN_NAME[topic]
    }
