"""Write nlu_data/qa/facet_lookup.yml: how people name what they ask (the facet), for Rasa's own extractors.

One table below, per facet of the knowledge contract (knowledge/facets.py), holds the phrases people use in
English, Vietnamese (the generator adds every phrase without diacritics), Chinese and Korean. It becomes:

- `lookup: facet` (Latin script, matched on word boundaries by the RegexEntityExtractor and used as a
  feature by the RegexFeaturizer);
- `regex: facet` (Chinese and Korean, which do not put spaces or word boundaries around a phrase);
- `synonym: <facet>` entries, so the EntitySynonymMapper turns every matched phrase into the facet name.

    python -m scripts.gen_facet_lookup            # rewrite the file
    python -m scripts.gen_facet_lookup --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import re
import sys
import unicodedata

from scripts.generated import ROOT, write_or_check

OUTPUT = ROOT / "nlu_data" / "qa" / "facet_lookup.yml"

# Phrases, lower case. A phrase that could name two facets ("how long") is left out: the action then
# asks knowledge's own detection, which reads the whole sentence.
# A phrase table reads better in rows.
# fmt: off
PHRASES: dict[str, tuple[str, ...]] = {
    "documents": (
        "documents", "document", "docs", "papers", "paperwork needed", "dossier", "application file",
        "what do i need to bring", "what do i need to submit", "what do i need to prepare", "checklist",
        "required documents", "supporting documents", "what paperwork", "paperwork", "which papers",
        "giấy tờ", "giấy tờ gì", "hồ sơ gồm", "hồ sơ cần", "cần hồ sơ", "thành phần hồ sơ", "chuẩn bị gì",
        "cần những gì", "mang theo gì", "bộ hồ sơ", "hồ sơ những gì", "cần giấy tờ",
        "材料", "资料", "文件", "需要准备什么", "要带什么", "准备哪些", "서류", "구비서류", "준비물", "뭘 준비", "무엇을 준비",
    ),
    "deadline": (
        "deadline", "time limit", "how soon", "by when", "within how many", "how many hours",
        "how many days do i have", "how long do i have", "how quickly",
        "thời hạn khai báo", "hạn chót", "chậm nhất", "trong vòng bao lâu", "trong bao lâu", "mấy tiếng",
        "bao nhiêu giờ", "mấy giờ phải", "trong thời hạn",
        "期限", "截止", "多少小时内", "几个小时内", "几天内", "多久之内", "多久内", "最晚", "最迟", "기한", "마감", "몇 시간 이내",
        "며칠 이내", "이내에", "언제까지", "시간 안에", "며칠 안에",
    ),
    "processing_time": (
        "how long does it take", "how long will it take", "how long to get", "how long to process",
        "processing time", "how many days to get", "how many days does it take", "turnaround", "waiting time",
        "mất bao lâu", "mất mấy ngày", "mất bao nhiêu ngày", "bao lâu thì có", "bao lâu có", "bao lâu thì được", "thời gian giải quyết",
        "thời gian xử lý", "mấy ngày thì có", "mấy ngày có", "bao nhiêu ngày",
        "多久能拿到", "多长时间能", "办理时间", "需要多长时间", "需要多久", "几天能", "多久才能", "要等多久", "多久可以拿到",
        "얼마나 걸리", "얼마나 걸려", "처리 기간", "며칠 걸리", "며칠이나 걸리",
    ),
    "validity": (
        "valid", "validity", "expire", "expires", "expired", "expiring", "expiry", "expiration", "extend",
        "extended", "extending", "extension", "renew", "renewed", "renewing", "renewal", "how long does it last",
        "có giá trị", "giá trị bao lâu", "hiệu lực", "gia hạn", "hết hạn", "thời hạn của", "thời hạn giấy phép",
        "thời hạn thẻ", "cấp lại",
        "有效期", "有效", "延期", "续签", "延长", "过期", "유효기간", "유효", "연장", "갱신", "만료",
    ),
    "fee": (
        "fee", "fees", "cost", "costs", "how much does it cost", "how much is it", "price", "charge",
        "charges", "lệ phí", "phí", "chi phí", "bao nhiêu tiền", "mất tiền", "tốn bao nhiêu",
        "费用", "多少钱", "收费", "手续费", "要钱吗", "收不收费", "价格", "수수료", "비용", "얼마나 드", "돈이 들", "돈이 드", "가격",
    ),
    "penalty": (
        "fine", "fined", "fines", "penalty", "penalties", "punished", "punishment", "sanction", "sanctions",
        "what if i'm late", "what if i am late", "what happens if", "if i don't", "if i forget",
        "if we don't", "if i do not", "too late", "late",
        "phạt", "bị phạt", "mức phạt", "xử phạt", "tiền phạt", "nếu không khai báo", "nếu quên", "quá hạn",
        "trễ hạn", "chậm trễ", "nếu trễ", "nếu chậm",
        "罚款", "处罚", "罚", "逾期", "晚了", "벌금", "과태료", "처벌", "늦으면", "안 하면", "불이익",
    ),
    "eligibility": (
        "eligible", "eligibility", "conditions", "condition", "qualify", "qualifications", "requirements for",
        "allowed to", "am i allowed", "is it allowed", "can a tourist", "can tourists",
        "điều kiện", "đủ điều kiện", "được phép", "có được làm",
        "条件", "资格", "可以工作吗", "조건", "자격", "해도 되나요",
    ),
    "exemption": (
        "exempt", "exempted", "exemption", "exemptions", "not required", "don't need", "do not need", "no need",
        "without a work permit", "without a permit",
        "miễn", "được miễn", "miễn giấy phép", "không cần", "không phải xin", "không thuộc diện",
        "免", "免除", "豁免", "不需要", "면제", "필요 없", "필요없",
    ),
    "procedure": (
        "procedure", "procedures", "process", "steps", "how to apply", "how do i apply", "how to register",
        "how do i register", "how to file", "apply online", "online", "step by step",
        "thủ tục", "quy trình", "các bước", "trình tự", "cách làm", "làm thế nào", "làm sao", "trực tuyến",
        "nộp online", "cách khai báo", "cách xin",
        "流程", "程序", "手续", "步骤", "怎么办理", "如何办理", "怎么申请", "如何申请", "怎么申报", "网上", "在线",
        "怎么登记", "如何登记", "절차", "방법", "어떻게 신청", "어떻게 받", "어떻게 하", "온라인", "인터넷으로",
    ),
    "where": (
        "where", "which office", "what office", "which authority", "which department", "who issues",
        "who grants", "where to apply", "where do i apply", "where can i get", "which hospital",
        "which hospitals", "which clinic", "which clinics",
        "ở đâu", "nộp ở đâu", "cơ quan nào", "chỗ nào", "nơi nào", "bệnh viện nào", "phòng khám nào", "cơ sở nào", "làm ở đâu", "nộp đâu", "ai cấp",
        "在哪里", "在哪", "哪里", "哪个部门", "哪个机关", "去哪", "哪家", "哪儿", "어디", "어느 기관", "어느 기관에서", "어느 병원",
    ),
    "who": (
        "who must", "who has to", "who should", "who is responsible", "whose job", "whose responsibility",
        "who declares", "who needs to",
        "ai phải", "ai có trách nhiệm", "ai khai báo", "ai là người", "trách nhiệm của ai",
        "谁负责", "谁来", "由谁", "谁", "누가", "누구",
    ),
    "forms": (
        "form", "forms", "which form", "form number", "template",
        "mẫu", "mẫu số", "tờ khai", "mẫu đơn", "biểu mẫu",
        "表格", "申请表", "양식", "서식", "신청서",
    ),
}
# fmt: on

_CJK = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3\u1100-\u11ff]")


def _bare(text: str) -> str:
    """Vietnamese without diacritics: 'giấy tờ' -> 'giay to' (users type both)."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def variants() -> dict[str, list[str]]:
    """Facet -> every phrase (with and without diacritics), checked for clashes between facets."""
    owner: dict[str, str] = {}
    result: dict[str, list[str]] = {}
    for facet, phrases in PHRASES.items():
        found: set[str] = set()
        for phrase in phrases:
            found.update({phrase, _bare(phrase)} if not _CJK.search(phrase) else {phrase})
        for phrase in found:
            if owner.setdefault(phrase, facet) != facet:
                raise SystemExit(f"{phrase!r} names two facets: {owner[phrase]} and {facet}")
        result[facet] = sorted(found)
    return result


def _longest_first(phrases: list[str]) -> list[str]:
    # Python's regex alternation takes the first alternative that matches, so longer phrases go first.
    return sorted(phrases, key=lambda p: (-len(p), p))


def render() -> str:
    by_facet = variants()
    every = [p for phrases in by_facet.values() for p in phrases]
    latin = _longest_first([p for p in every if not _CJK.search(p)])
    cjk = _longest_first([p for p in every if _CJK.search(p)])
    lines = [
        "# GENERATED by scripts/gen_facet_lookup.py (its PHRASES table) - do not edit by hand.",
        'version: "3.1"',
        "nlu:",
        "  - lookup: facet",
        "    examples: |",
        *(f"      - {p}" for p in latin),
        "  - regex: facet",
        "    examples: |",
        f"      - ({'|'.join(re.escape(p) for p in cjk)})",
    ]
    for facet, phrases in by_facet.items():
        lines += [f"  - synonym: {facet}", "    examples: |", *(f"      - {p}" for p in phrases)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OUTPUT, render(), "-m scripts.gen_facet_lookup", argv)


if __name__ == "__main__":
    sys.exit(main())
