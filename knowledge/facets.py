"""What a question asks (its facet) and what it is about (its topic), from the question's own words.

Standard library only. The dialogue passes topic and facet when its NLU found them; these rules fill the gap
and serve the question-set scorer. English, Vietnamese (with or without diacritics: matched on folded text),
Chinese and Korean (matched on the raw text). Patterns are about how people ask, never about one question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.cues import EXTRA_FACET_RULES, EXTRA_TOPIC_RULES, shaped_facet
from knowledge.text import fold

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

# (pattern on folded text for en/vi, pattern on raw text for zh/ko, weight). Folded text is lower case,
# without marks, words separated by single spaces: 'Mức phạt?' -> 'muc phat'.
_Rule = tuple[str, str, float]

_FACET_RULES: dict[str, tuple[_Rule, ...]] = {
    "penalty": (
        (
            r"\b(fine[sd]?|fining|penalt(y|ies)|punish\w*|sanction\w*|get in trouble|consequences?|"
            r"overstay\w*|what happens if|deport\w*)\b",
            "",
            3,
        ),
        (
            r"\b(xu phat|muc phat|bi phat|phat tien|phat bao nhieu|phat|che tai|truc xuat|qua han|bi xu ly|"
            r"xu ly (cong ty|doanh nghiep))\b",
            "",
            3,
        ),
        ("", r"罚|处罚|罚款|过期会|会怎样|벌금|과태료|처벌|제재|초과\s*체류", 3),
    ),
    "fee": (
        (r"\b(fees?|costs?|how much (is|does|do|will)|price|charges?|lệ phí)\b", "", 2),
        (r"\b(le phi|phi|chi phi|bao nhieu tien|mat bao nhieu|ton bao nhieu)\b", "", 2),
        ("", r"费用|收费|多少钱|手续费|수수료|비용|얼마", 2),
    ),
    "exemption": (
        (
            r"\b(exempt\w*|not required|no need|without a work permit|do i (need|have) to (get|apply)|"
            r"(is|are) .* required|need a work permit)\b",
            "",
            2.5,
        ),
        (
            r"\b(mien|khong thuoc dien|khong can|khong phai (xin|cap|lam)|co can (xin|phai)|co phai xin|"
            r"co can (co )?giay phep)\b",
            "",
            2.5,
        ),
        ("", r"免|豁免|不需要|无需|無需|不用|不必|需要.*吗|면제|필요\s*없|필요한가|필요합니까", 2.5),
    ),
    "validity": (
        (
            r"\b(valid\w*|expir\w*|extend\w*|extension|renew\w*|how long (is|does) .* (last|valid)|lasts?)\b",
            "",
            3,
        ),
        (
            r"\b(co gia tri|gia tri|hieu luc|gia han|het han|thoi han (cua )?(giay phep|phieu|the|giay|thi thuc)|"
            r"co thoi han|thoi han toi (da|thieu)|duoc bao lau|bao nhieu nam)\b",
            "",
            3,
        ),
        ("", r"有效期|有效|延期|续签|到期|유효|연장|만료|갱신", 3),
    ),
    "processing_time": (
        (
            r"\b(how long (does it|will it|to) (take|get|process|issue)|processing time|how (many|much) "
            r"(days|time) .* (get|issue|process|take)|how soon (can|will) i get|take to (get|issue|process))\b",
            "",
            3,
        ),
        (
            r"\b(bao lau (thi|moi|se|duoc) (co|cap|nhan|xong)|thoi (gian|han) (giai quyet|cap|xu ly)|"
            r"may ngay (thi|duoc|se)|bao nhieu ngay (thi|duoc|se|lam viec))\b",
            "",
            3,
        ),
        ("", r"办理时间|多久能|多长时间|几天|处理时间|처리\s*기간|얼마나\s*걸|며칠", 3),
        (r"\b(mat bao lau|bao lau|how long)\b", "", 1),
    ),
    "deadline": (
        (
            r"\b(deadline|time limit|within (how many|what)|how (many|much) (hours|time) (do|does|have)|"
            r"how (soon|quickly|fast) (must|do|should|have)|by when|no later than|late|on time|"
            r"how long (do|does) .* have to|when (must|should|do|does|will|to)|khi nao)\b",
            "",
            3,
        ),
        (
            r"\b(thoi han (khai bao|bao cao|thong bao|nop)|trong vong|han chot|may gio|bao nhieu gio|"
            r"cham nhat|bao lau phai|trong thoi han|qua han|tre han)\b",
            "",
            3,
        ),
        ("", r"期限|多久内|几小时|截止|最晚|什么时候|什麼時候|何时|何時|기한|이내|몇\s*시간|늦어도|언제", 3),
    ),
    "documents": (
        (
            r"\b(documents?|papers?|paperwork|dossier|what do i need|what (is|are) needed|required|"
            r"need to (submit|provide|prepare|bring)|application file|records needed|compris\w*|consists? of|include)\b",
            "",
            2.5,
        ),
        (r"\b(ho so|giay to|can nhung gi|can gi|thanh phan|chuan bi gi|nop nhung gi)\b", "", 2),
        ("", r"材料|文件|资料|证件|需要什么|准备什么|서류|구비|필요한\s*것|무엇이\s*필요", 2),
    ),
    "forms": (
        (r"\b(forms?|template|na ?\d+|mau (so )?\w+|to khai|phieu khai bao|mau don)\b", "", 1.5),
        ("", r"表格|申请表|样表|양식|서식|신청서", 1.5),
    ),
    "where": (
        (
            r"\b(where|which (office|authority|agency|department)|who (issues|grants|receives)|"
            r"apply (at|to)|submit (it )?(at|to)|o dau|tai dau|co quan nao|noi (nop|cap|lam)|nop (o|tai)|"
            r"so nao|cap o dau|tham quyen cap)\b",
            "",
            2.5,
        ),
        ("", r"哪里|在哪|哪个部门|向哪|哪儿|어디|어느\s*기관|어느\s*곳", 2.5),
    ),
    "who": (
        (
            r"\b(who (must|has to|should|is responsible|needs to|does|declares|registers|files|submits|applies)|"
            r"whose (job|responsibility)|"
            r"responsible for|ai (phai|co trach nhiem|lam|khai bao|chiu)|ai la (nguoi|ben)|trach nhiem cua ai|"
            r"nguoi nao phai|(should|must|do|does) \w+ or \w+ (register|declare|apply|file)|"
            r"(do|does|must|should) (i|we|you|they|hosts?|landlords?) (need to|have to)? ?(declare|register)|"
            r"co (phai|can) khai bao)\b",
            "",
            2,
        ),
        ("", r"谁|由谁|누가|누구", 2),
    ),
    "eligibility": (
        # Conditions named outright outweigh the procedure asked beside them ('điều kiện ... và thủ tục').
        (r"\b(conditions?|eligib\w*|qualif\w*|criteria|dieu kien|du dieu kien|tieu chuan)\b", "", 4.6),
        (
            r"\b(requirements?|can i (get|apply)|who can|yeu cau|permissible|allowed to)\b",
            "",
            1.5,
        ),
        (
            r"\b(who (is|are|will be) (granted|issued|entitled|eligible|\w+ holders?)|truong hop duoc cap)\b",
            "",
            4.6,
        ),
        ("", r"条件|资格|조건|자격|요건", 4.6),
        ("", r"要求", 1.5),
    ),
    "procedure": (
        # Naming the procedure outweighs what it is about ('the procedure for extending a work permit').
        (r"\b(procedures?|process|steps|thu tuc|trinh tu)\b", r"程序|流程|手续|手續|절차", 3.5),
        (
            r"\b(how (do|can|to|should) (i|we|you)?|online|apply|"
            r"cach|lam the nao|nhu the nao|qua mang|truc tuyen|the nao)\b",
            "",
            1,
        ),
        ("", r"怎么|如何|流程|手续|步骤|网上|절차|어떻게|방법|온라인", 1),
    ),
}

# A topic and the words that name it. 'temporary residence card' is a visa matter, not a declaration: the
# card rules come first and the declaration rules require the card words to be absent.
_TOPIC_RULES: dict[str, tuple[_Rule, ...]] = {
    "visa_residence_card": (
        (
            r"\b(visas?|residence cards?|trcs?|temporary residence cards?|e ?visas?|the tam tru|thi thuc|"
            r"the thuong tru|gia han tam tru)\b",
            "",
            3,
        ),
        ("", r"签证|居留卡|居留证|비자|사증|거주증|체류증", 3),
        # A passport alone is an entry-and-residence matter, but less than any paper named beside it; so is an
        # exit ban (Law 47/2014 Art. 28).
        (r"\b(passports?|ho chieu)\b", r"护照|여권", 1.5),
        (r"\b(tam hoan xuat canh|exit bans?)\b", r"暂缓出境|限制出境|출국\s*정지", 1.5),
    ),
    "temporary_residence": (
        (
            r"\b(declar\w*|temporary residence|residence declaration|registration of (stay|residence)|"
            r"register (my |a |the |our )?(guest|stay|foreign|tenant|residence)|guests?|tenants?|host\w*|"
            r"landlords?|hotels?|homestays?|airbnb|accommodation|khai bao|tam tru|luu tru|co so luu tru|"
            r"dang ky tam tru|nha nghi|khach san|nguoi o tro|cho thue nha)\b",
            "",
            2,
        ),
        ("", r"临时居住|住宿登记|暂住|申报|临住|房东|酒店|임시\s*거주|거주\s*신고|숙박|신고|집주인|호텔", 2),
    ),
    "work_permit": (
        (
            r"\b(work permits?|working permits?|work licen[cs]es?|wp|labou?r permits?|"
            r"giay phep lao dong|gpld|xac nhan khong thuoc dien)\b",
            "",
            3,
        ),
        # Working in Viet Nam is the context of many questions about other papers ('a foreigner working here
        # wants to know if the residence card is still valid'): it names the topic less than the paper does.
        (
            r"\b(foreign (worker|employee)s?|(work|working|employ\w*) (in|at) viet ?nam|lam viec tai viet nam|"
            r"lao dong nuoc ngoai|nguoi lao dong nuoc ngoai|work for (a|an|your|the|my|our) (company|employer|firm)|"
            r"english teach\w*|teach\w* english|giao vien (tieng anh|nuoc ngoai))\b",
            "",
            2,
        ),
        ("", r"工作许可|劳动许可|工作证|노동\s*허가|취업\s*허가|워크\s*퍼밋|근로\s*허가", 3),
    ),
    "criminal_record": (
        (
            r"\b(criminal record\w*|police (check|clearance|certificate)|background check|judicial record\w*|"
            r"criminal background|ly lich tu phap|lltp|phieu ly lich)\b",
            "",
            3,
        ),
        (
            "",
            r"无犯罪|犯罪记录|司法履历|司法记录|司法記錄|无刑事|무범죄|범죄\s*경력|범죄\s*기록|사법\s*이력|신원\s*조회",
            3,
        ),
    ),
    "health_check": (
        (
            r"\b(health (checks?|certificates?|exam\w*)|medical (checks?|exam\w*|certificates?)|kham suc khoe|"
            r"giay (chung nhan )?suc khoe|giay kham suc khoe)\b",
            "",
            3,
        ),
        ("", r"体检|健康证明|健康检查|건강\s*검진|건강\s*진단|건강\s*증명", 3),
    ),
    "investment": (
        (
            r"\b(invest\w*|fdi|(register|set up|open|establish|start) (a |an |my |our )?(company|business|"
            r"enterprise|firm)|company registration|business registration|dau tu|thanh lap (cong ty|doanh nghiep)|"
            r"dang ky (kinh doanh|doanh nghiep))\b",
            "",
            3,
        ),
        ("", r"投资|注册公司|成立公司|开公司|투자|회사\s*설립|법인\s*설립", 3),
    ),
    "social_insurance": (
        (r"\b(social insurance|bao hiem xa hoi|bhxh)\b", "", 3),
        ("", r"社保|社会保险|사회\s*보험", 3),
    ),
    "complaints": (
        (r"\b(complain\w*|denounce\w*|khieu nai|to cao)\b", "", 3),
        ("", r"投诉|申诉|举报|민원|고발|진정", 3),
    ),
    "inspection": (
        (r"\b(inspect\w*|audit|thanh tra|kiem tra)\b", "", 1.5),
        ("", r"检查|稽查|점검|감사", 1.5),
    ),
    "delegations": (
        (r"\b(delegations?|invit\w*|doan (khach|vao)|moi (nguoi|doan))\b", "", 2),
        ("", r"代表团|邀请|대표단|초청", 2),
    ),
    "service_sellers": (
        (r"\b(service sellers?|sell(ing)? services|chao ban dich vu)\b", "", 3),
        ("", r"服务销售|서비스\s*판매", 3),
    ),
    "reporting": (
        (r"\b(report(ing|s)? (to|on|monthly|quarterly)|bao cao (dinh ky|hang))\b", "", 1.5),
        ("", r"报告|보고", 1.5),
    ),
}


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


# Traditional Chinese characters of the words above, read as their simplified forms.
_SIMPLIFIED = str.maketrans(
    "許證罰簽過會無記錄體檢費錢勞動臨時報護續長間處請辦單機關國內資獲經驗條須與證門問題難類醫療",
    "许证罚签过会无记录体检费钱劳动临时报护续长间处请办单机关国内资获经验条须与证门问题难类医疗",
)


def _scores(
    text: str, patterns: dict[str, list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, float]]]
) -> dict[str, float]:
    folded = _folded(text)
    text = text.translate(_SIMPLIFIED)
    scores: dict[str, float] = {}
    for name, group in patterns.items():
        total = 0.0
        for on_folded, on_raw, weight in group:
            if (on_folded and on_folded.search(folded)) or (on_raw and on_raw.search(text)):
                total += weight
        if total:
            scores[name] = total
    return scores


def _best(scores: dict[str, float], order: Iterable[str]) -> str | None:
    ranked = sorted(scores, key=lambda name: (-scores[name], list(order).index(name)))
    return ranked[0] if ranked else None


_PERMIT_REQUIRED = re.compile(
    r"\b(is|are) (a |an |the )?(work )?(permit|visa|licen[cs]e)s? (required|needed|necessary)\b"
)
_EXEMPTION_PAPER = re.compile(r"\b(certificate|giay xac nhan)\b|证明|證明|확인서|증명서")


def detect_facet(text: str) -> str | None:
    """'How much is the fine for not declaring a guest?' -> 'penalty'; None when no facet word is there."""
    shaped = shaped_facet(text)
    if shaped is not None:
        return shaped
    scores = _scores(text, _FACET_PATTERNS)
    if re.search(r"\bin (what|which) forms?\b|\bhinh thuc\b", _folded(text)):
        scores.pop("forms", None)  # 'in what forms can a foreigner work' asks the ways of working, not a form
    if "procedure" in scores and re.match(
        r"(thanh phan )?(ho so|giay to)\b|(documents?|paperwork)\b", _folded(text)
    ):
        scores.pop("procedure")  # 'Hồ sơ thủ tục ...' opens with the file: its papers are asked
    if _PERMIT_REQUIRED.search(_folded(text)):
        scores.pop("documents", None)  # 'is a work permit required for ...' asks whether one is exempt
    if "documents" in scores and "exemption" in scores:
        scores.pop("exemption")  # the papers for the exemption certificate: a documents question
    if "documents" in scores and "validity" in scores:
        scores.pop("validity")  # the papers for an extension ('hồ sơ gia hạn'): a documents question
    if "penalty" in scores:
        scores.pop("fee", None)  # 'phạt bao nhiêu tiền' asks a fine's amount, not a fee
    if "exemption" in scores:
        scores.pop("eligibility", None)  # 'who is eligible for the exemption' asks the exempt cases
        if "procedure" in scores and _EXEMPTION_PAPER.search(_folded(text) + " " + text):
            scores.pop("exemption")  # how to get the exemption certificate: its procedure
    return _best(scores, _FACET_PRIORITY)


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


def detect_topic(text: str) -> str | None:
    """'Giấy phép lao động có thời hạn bao lâu?' -> 'work_permit'; None when no topic word is there."""
    scores = _scores(text, _TOPIC_PATTERNS)
    declares = re.search(r"\b(declar\w*|khai bao)\b", _folded(text)) or re.search(r"申报|신고", text)
    if "visa_residence_card" in scores and "temporary_residence" in scores and not declares:
        scores.pop("temporary_residence")  # 'temporary residence card' names the card, not the declaration
    if "investment" in scores and "temporary_residence" in scores:
        scores.pop("temporary_residence")  # 'register a company' is not a residence registration
    return _best(scores, _TOPIC_ORDER)
