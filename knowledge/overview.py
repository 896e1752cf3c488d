"""'What are the rules for work permits?': a question asking a main paper's rules and nothing narrower gets the
main values the national texts state for every asker (the declaration's time limits and the host's fine; the
permit's term and processing time), each with its clause, rather than 'not covered' or the quote of whichever
article shares the most words with it."""

from __future__ import annotations

import re
from datetime import date

from knowledge.draft import Draft
from knowledge.facets import FACET_WORDS
from knowledge.quoted import compose_plain
from knowledge.ranking import name_terms
from knowledge.search import expand_query
from knowledge.stated import compose_values
from knowledge.store import Kb, terms
from knowledge.templates import TOPIC_LABELS
from knowledge.text import fold
from knowledge.wording import FACET_KINDS

# What a question asking a main paper's rules and nothing more is told, most asked first (one sentence each
# within the reply's three): the facets whose values the national texts state for every asker.
# (The criminal record's and the health check's texts on file state no such value for every asker.)
OVERVIEW_FACETS: dict[str, tuple[str, ...]] = {
    "temporary_residence": ("deadline", "penalty"),
    "work_permit": ("validity", "processing_time"),
    "visa_residence_card": ("eligibility", "validity"),  # conditions (Law 47/2014 Art. 10), terms (Art. 9)
}
# The paper a topic's rules are asked of when the topic holds two: the visa's rules are not the card's, and a
# question naming a card ('rules for residence cards') is no visa overview.
_OVERVIEW_PAPER: dict[str, str] = {"visa_residence_card": "thị thực"}
_OTHER_PAPER = re.compile(r"\b(cards?|trc|the tam tru|the thuong tru|thuong tru|permanent)\b")
_OTHER_PAPER_RAW = re.compile(r"卡|居留|거주|카드")
_ASKS_RULES = re.compile(
    r"\b(rules?|regulations?|legal requirements|the law (on|about|for)|quy dinh (ve|cua|doi voi|cho|phap luat)|"
    r"nhung quy dinh|cac quy dinh|luat (ve|quy dinh)|quy dinh (\w+ ){1,8}(nhu the nao|ra sao|gi)|quy dinh$)\b"
)
_ASKS_RULES_RAW = re.compile(r"规定|規定|规则|規則|法规|法規|규정|법규|규칙")

# zh/ko words for a narrower subject of a paper (its extension, change, reissue, revocation).
_NARROWER_RAW = re.compile(
    r"延期|续签|續簽|延长|延長|变更|變更|换发|補發|补发|吊销|撤销|取消|연장|갱신|변경|재발급|취소"
)
_OVERVIEW_FILLER = frozenset(
    terms(
        "viet nam vietnam nguoi nuoc ngoai foreigners foreign lam viec tai cho nhu the nao ra sao la gi "
        "what which are is the a an in on of for to about covering current new latest vietnamese rule regulation "
        "registration registering register declaration declaring declare foreigner worker employee get getting"
    )
)


def asks_rules(text: str, topic: str) -> bool:
    """The rules of a paper with main values on file ('What are the rules for work permits?', 'Quy định về khai
    báo tạm trú?', '有什么规定', '규정은?') and nothing narrower ('quy định về gia hạn giấy phép lao động')."""
    if topic not in OVERVIEW_FACETS or not (_ASKS_RULES.search(fold(text)) or _ASKS_RULES_RAW.search(text)):
        return False
    if _NARROWER_RAW.search(text):
        return False
    if topic in _OVERVIEW_PAPER and (_OTHER_PAPER.search(fold(text)) or _OTHER_PAPER_RAW.search(text)):
        return False
    rest = _ASKS_RULES_RAW.sub(" ", _ASKS_RULES.sub(" ", fold(text)))
    said = {w.removesuffix("s") for w in terms(expand_query(rest)) if " " not in w}
    return not (said - name_terms(topic) - _OVERVIEW_FILLER)


def compose_overview(kb: Kb, draft: Draft, topic: str, on: date) -> bool:
    """Say the paper's main values, one facet after another; True when one was said."""
    # Asked in the paper's own name: the asker's other words ('for foreigners') only blur the ranking.
    named = _OVERVIEW_PAPER.get(topic) or TOPIC_LABELS[topic]["vi"]
    for shown in OVERVIEW_FACETS.get(topic, ()):
        if shown in FACET_KINDS:
            compose_values(kb, draft, topic, shown, f"{named} {FACET_WORDS[shown]}", named, on)
        else:  # conditions have no value to state: the clauses that set them are named and quoted
            compose_plain(kb, draft, topic, shown, f"{FACET_WORDS[shown]} cấp {named}", named, on)
    return bool(draft.sentences)
