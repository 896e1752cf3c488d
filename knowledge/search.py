"""search(text): BM25 over decree units (folded, unigrams + bigrams), in Vietnamese or English."""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.answers import _documents_for, unit_citation
from knowledge.facets import detect_topic
from knowledge.model import Hit
from knowledge.provinces import find_province_in_text, resolve_area, strip_places
from knowledge.store import get_kb, terms
from knowledge.templates import TOPIC_LABELS
from knowledge.text import data_rows, fold

# English question words -> the Vietnamese terms the decrees use (folded), so English queries find clauses.
_EN_VI: dict[str, str] = {
    "declare": "khai bao tam tru",
    "declaration": "khai bao tam tru",
    "register": "dang ky khai bao",
    "company": "doanh nghiep",
    "business": "doanh nghiep kinh doanh",
    "enterprise": "doanh nghiep",
    "establish": "thanh lap",
    "guest": "co so luu tru tam tru",
    "hotel": "co so luu tru",
    "accommodation": "co so luu tru",
    "residence": "tam tru",
    "permanent": "thuong tru",
    "case": "truong hop",
    "permit": "giay phep lao dong",
    "work": "lao dong",
    "criminal": "ly lich tu phap",
    "record": "ly lich tu phap",
    "health": "kham suc khoe",
    "medical": "kham suc khoe",
    "visa": "thi thuc",
    "card": "the tam tru",
    "trc": "the tam tru",
    "insurance": "bao hiem xa hoi",
    "complaint": "khieu nai to cao",
    "inspection": "thanh tra kiem tra",
    "invest": "dau tu",
    "investment": "von dau tu nuoc ngoai",
    "delegation": "doan khach nuoc ngoai",
    "invite": "moi bao lanh",
    "sponsor": "bao lanh",
    "sponsorship": "bao lanh",
    "sell": "chao ban dich vu",
    "services": "chao ban dich vu",
    "police": "cong an",
    "report": "bao cao",
    "fine": "xu phat vi pham hanh chinh xu ly vi pham",
    "penalty": "xu phat vi pham hanh chinh xu ly vi pham",
    "sanction": "xu phat vi pham hanh chinh",
    "punish": "xu phat xu ly vi pham",
    "violation": "vi pham",
    "foreign": "nuoc ngoai",
    "foreigner": "nguoi nuoc ngoai",
    "worker": "nguoi lao dong nuoc ngoai",
    "employer": "nguoi su dung lao dong",
    "employ": "su dung lao dong",
    "hire": "tuyen dung",
    "degree": "bang dai hoc van bang",
    "diploma": "bang dai hoc van bang",
    "recruit": "tuyen dung",
    "month": "hang thang",
    "monthly": "dinh ky hang thang",
    "quarter": "hang quy",
    "year": "hang nam",
    "yearly": "hang nam",
    "deadline": "dinh ky truoc ngay",
    "stay": "tam tru luu tru",
    "host": "co so luu tru",
    "landlord": "co so luu tru",
    "homestay": "co so luu tru",
    "license": "giay phep",
    "licence": "giay phep",
    "passport": "ho chieu",
    "tax": "thue",
    "school": "co so giao duc",
    "teacher": "co so giao duc lao dong",
    # A foreign worker's labour contract and its term (Labour Code Art. 151 k2); a permit's revocation (Decree
    # 219/2025 Art. 30).
    "contract": "hop dong lao dong",
    "indefinite": "khong xac dinh thoi han",
    "revoke": "thu hoi",
    # A lost or damaged paper is issued again ('cấp lại', Decree 219/2025 Art. 23: 'bị mất hoặc bị hư hỏng').
    "reissue": "cap lai",
    "reissuance": "cap lai",
    "lose": "bi mat cap lai",
    "lost": "bi mat cap lai",
    "damaged": "hu hong cap lai",
    "revocation": "thu hoi",
    "employee": "nguoi lao dong nuoc ngoai",
    "expat": "nguoi nuoc ngoai",
    # Purposes of entry the visa symbols name (Law 47/2014 Art. 8 as amended).
    "investor": "nha dau tu",
    "lawyer": "luat su",
    "journalist": "phong vien bao chi",
    "student": "hoc sinh sinh vien",
    "wife": "vo chong",
    "husband": "vo chong",
    "spouse": "vo chong",
    "marriage": "ket hon vo chong",
    "teach": "lao dong giang day",
    "study": "hoc tap",
    "tourist": "du lich",
    "tourism": "du lich",
    "intern": "thuc tap",
    "internship": "thuc tap",
    # A paper from the asker's country (Decree 219/2025 Art. 5, Art. 18 k2, k4: 'của nước ngoài', legalised and
    # translated; 'do cơ sở y tế … của nước ngoài cấp', whose pair 'ngoại cấp' tells that sentence of k2 from the
    # first, while 'quốc gia' is in both: 'cơ sở dữ liệu quốc gia'); the details a declaration gives (Circular
    # 53/2016 Art. 4, 5 k2); asking for a certificate, in person, by post or through another (Decree 216/2026
    # Art. 22).
    "country": "nuoc ngoai cap",
    "abroad": "nuoc ngoai",
    "overseas": "nuoc ngoai",
    "legalise": "hop phap hoa lanh su",
    "legalize": "hop phap hoa lanh su",
    "legalisation": "hop phap hoa lanh su",
    "legalization": "hop phap hoa lanh su",
    "translate": "dich ra tieng viet",
    "translation": "dich ra tieng viet",
    "details": "thong tin",
    "information": "thong tin",
    "nationality": "quoc tich",
    "request": "yeu cau",
    "entitled": "co quyen yeu cau",
    "post": "dich vu buu chinh",
    "proxy": "uy quyen",
    "authorisation": "uy quyen",
    "authorization": "uy quyen",
    "lease": "hop dong thue",
    # The job titles a permit is issued for and what each needs (Decree 219/2025 Art. 3); the exempt cases'
    # words (Labour Code Art. 154, Decree 219/2025 Art. 7); the file's papers (Art. 5, 18).
    "experience": "kinh nghiem",
    "experienced": "kinh nghiem",
    "expert": "chuyen gia",
    "technical": "lao dong ky thuat",
    "technician": "lao dong ky thuat",
    "training": "dao tao",
    "trained": "dao tao",
    "manager": "nha quan ly",
    "director": "giam doc dieu hanh",
    "executive": "giam doc dieu hanh",
    "age": "tuoi",
    "university": "dai hoc",
    "married": "ket hon",
    "marry": "ket hon",
    "transfer": "di chuyen noi bo doanh nghiep",
    "photo": "anh mau",
    "online": "truc tuyen cong dich vu cong quoc gia",
    "portal": "cong dich vu cong quoc gia",
    "notify": "thong bao",
    "province": "tinh",
    # A permit that stops being valid (Labour Code Art. 156 'hết hiệu lực').
    "invalid": "het hieu luc",
    "void": "het hieu luc",
    # Who files ('who applies', 'submit'): the clause where someone 'nộp hồ sơ' (Decree 219/2025 Art. 22 k1).
    "apply": "nop ho so",
    "submit": "nop ho so",
    "stop": "het hieu luc",
    "cease": "het hieu luc",
}
# 'What is a temporary residence card?': the words people use for a term the law defines (data/defined_terms.tsv):
# (pattern on the folded question, pattern on the raw zh/ko question, the law's term folded).
TERM_PATTERNS = tuple(
    (re.compile(folded), re.compile(raw), term) for folded, raw, term in data_rows("defined_terms.tsv")
)
_PERMANENT = re.compile(r"\bpermanent residen\w*( (cards?|permits?|status|permission))?")
# Short Vietnamese words whose decree wording is longer ('phạt' -> 'xử phạt vi phạm hành chính').
_VI_MORE: dict[str, str] = {"phat": "xu phat vi pham hanh chinh"}
# 'Thuê' (hire) a worker is what the Labour Code calls 'tuyển dụng' (Art. 152); read with its marks, since
# folded it is also 'thuế' (tax), and only before a person ('thuê nhà' is renting a home).
_HIRE = re.compile(
    r"\bthuê\s+(?:(?:thêm|một|các|những|\d+)\s+)?(?:lao động|người|nhân viên|chuyên gia)", re.IGNORECASE
)

# Questions that use these words only ("how", "weather", "today") match nothing the decrees say: below this
# BM25 score a hit is noise, and [] lets the dialogue say honestly that the decrees do not cover it.
MIN_SCORE = 8.0
_PLACE_BOOST = 1.5


def _english_key(word: str) -> str | None:
    """'declaring' -> 'declare', 'reports' -> 'report', 'fines' -> 'fine': light stemming onto _EN_VI's keys."""
    if word in _EN_VI:
        return word
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("ies", "y"),
    ):
        if word.endswith(suffix) and (stem := word[: -len(suffix)] + repl) in _EN_VI:
            return stem
    return None


_K1 = 1.2
_B = 0.75
_SNIPPET = 220


_SEGMENT = re.compile(r"(?<=[.;:])\s+|\n")


@lru_cache(maxsize=4096)
def _passages(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """A clause split into sentences and clause parts, each with its folded terms (cached: clauses repeat)."""
    parts = [p.strip(" -") for p in _SEGMENT.split(text) if p.strip(" -")] or [text]
    return tuple((p, frozenset(terms(p))) for p in parts)


@lru_cache(maxsize=1)
def _topic_terms() -> dict[str, frozenset[str]]:
    return {topic: frozenset(terms(f"{label['en']} {label['vi']}")) for topic, label in TOPIC_LABELS.items()}


def best_passage(text: str, query_terms: set[str], limit: int = _SNIPPET) -> str:
    """The sentence or clause part that shares most words with the question, within `limit` characters
    (a longer one ends at a word boundary with '…')."""
    parts = _passages(text)
    best = max(enumerate(parts), key=lambda ip: (len(query_terms & ip[1][1]), -ip[0]))[1][0]
    if len(best) <= limit:
        return best
    return best[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


@lru_cache(maxsize=4096)
def expand_query(text: str) -> str:
    """The folded question without place names, plus the decree words its English words stand for."""
    query = strip_places(fold(text))
    # 'permanent residence (card)' is the law's 'thường trú', not the 'tạm trú' / 'thẻ tạm trú' of its words.
    keys = [_english_key(w) for w in _PERMANENT.sub(" permanent ", query).split()]
    named = _PERMANENT.sub(" permanent residence ", query)  # ... nor the temporary card's term
    hire = ["tuyen dung"] if _HIRE.search(text) else []
    return " ".join(
        [
            query,
            *(_EN_VI[k] for k in keys if k),
            *(_VI_MORE[w] for w in query.split() if w in _VI_MORE),
            *hire,
            # The law's terms for the words the question uses ('exit ban', '永久居留'): a Chinese or Korean
            # question shares no word with the law otherwise.
            *(
                term
                for on_folded, on_raw, term in TERM_PATTERNS
                if on_folded.search(named) or on_raw.search(text)
            ),
        ]
    )


def search(text: str, lang: str = "en", province: str | None = None, limit: int = 5) -> list[Hit]:
    """Units ranked for a free-text question; `province` limits to the decrees of that area and unit."""
    kb = get_kb()
    allowed: set[str] | None = None
    named = find_province_in_text(text) if not province else None
    applies_named, others_named = _documents_for(kb, *named) if named else ([], [])
    preferred = {*applies_named, *others_named}
    if province:
        hit = resolve_area(province)
        applies, others = _documents_for(kb, *hit) if hit else ([], [])
        allowed = set(applies) | set(others)
    scores: dict[int, float] = {}
    expanded = expand_query(text)
    matched: dict[int, int] = {}
    words = {t for t in terms(expanded) if " " not in t}
    for term in set(terms(expanded)):
        idf = kb.idf.get(term)
        if idf is None:
            continue
        weight = idf * (2.0 if " " in term else 1.0)
        for index, tf in kb.postings[term]:
            norm = tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * kb.lengths[index] / kb.avg_length))
            scores[index] = scores.get(index, 0.0) + weight * norm
            matched[index] = matched.get(index, 0) + 1
    # One shared word of a longer question is chance ('thời tiết' shares 'tiết' with 'chi tiết').
    needed = 2 if len(words) > 1 else 1
    scores = {index: score for index, score in scores.items() if matched[index] >= needed}
    for index in scores:
        if kb.units[index]["doc_id"] in preferred:  # 'khai báo tạm trú ở Hà Nội': that city's decrees first
            scores[index] *= _PLACE_BOOST
    query_terms = set(terms(expanded))
    affinity = {topic: len(query_terms & label_terms) for topic, label_terms in _topic_terms().items()}
    ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
    asked = detect_topic(text)  # 'register a company' is about investment whatever words it shares
    hits: list[Hit] = []
    for index, score in ranked:
        if score < MIN_SCORE:
            break
        unit = kb.units[index]
        if allowed is not None and unit["doc_id"] not in allowed:
            continue
        topics = sorted(unit["topics"].items(), key=lambda kv: (-affinity.get(kv[0], 0), -kv[1], kv[0]))
        snippet = best_passage(unit["text"], query_terms)
        topic = asked or (topics[0][0] if topics else None)
        hits.append(Hit(round(score, 4), unit_citation(kb, unit), snippet, topic))
        if len(hits) >= limit:
            break
    return hits
