"""Question shapes that say outright which facet is asked, read before the word scores of knowledge/facets.py.

Standard library only. Word scores weigh single words ('thủ tục', 'có cần', 'khi nào'); some questions are
shaped so that one word misleads them: 'thay đổi vị trí công việc có cần xin lại …' asks whether and how the
permit is issued again, not who is exempt; 'in what forms can I work' asks the ways of working, not templates.
Each shape is about how people ask, never about one question. Folded patterns read en/vi text folded by
knowledge.text.fold; raw patterns read zh/ko text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from knowledge.text import fold, simplified

Unit = dict[str, Any]
# A question is folded once however many rules read it (ask() stays under a millisecond).
folded_question = lru_cache(maxsize=4096)(fold)

# Changes a permit holder asks about (Decree 219/2025 Art. 20): (pattern on folded text, pattern on raw text).
CHANGE_OF_EMPLOYER = (
    r"\b((thay doi|chuyen( sang)?|doi) (nguoi su dung lao dong|cong ty|doanh nghiep)|"
    r"(chang\w*|switch\w*|mov\w*) (to )?(my |the |a |an |another |new )?(employer|company)s?|new employers?|"
    r"(work\w*|employed|job) (at|for|in|with) (another|a new|a different|other|a second) (company|employer|firm)|"
    r"(lam viec|lam|chuyen) (cho|o|tai|sang) (mot )?(cong ty|doanh nghiep|nguoi su dung lao dong) (khac|moi))\b",
    r"(换|更换|变更|變更)(雇主|公司)|跳槽|(去|到|在)(另一家|另外一家|其他|别的|新的?)(公司|单位|雇主)|"
    r"(회사|고용주)\s*(변경|이동|을 바꾸)|(회사|직장|고용주)\s*(를|을)?\s*(옮기|옮겨|바꾸|바꿔)|이직|다른\s*회사",
)
CHANGE_OF_POSITION = (
    r"\b((thay doi|chuyen( sang)?|doi) (vi tri( cong viec)?|chuc danh|cong viec|hinh thuc lam viec)|"
    r"(chang\w*|switch\w*) (my |the |his |her |a |an |another |new )?(job|position|role|job title)s?)\b",
    r"(换|更换|变更|變更)(工作|职位|職位|岗位)|(직위|직무|직장)\s*(변경|이동|을 바꾸)",
)
CHANGE_OF_PLACE = (
    r"\b((thay doi|chuyen( sang)?|doi) (noi lam viec|dia diem lam viec)|"
    r"(chang\w*|mov\w*) (to )?(my |the |a |another |new )?(workplace|work location|place of work)s?)\b",
    r"(换|更换|变更|變更)工作地点|근무지\s*(변경|이동)",
)

# Asking another person to apply for one ('nhờ người thân làm', 'ủy quyền', 'on my behalf'; Decree 216/2026 Art.
# 22 k2: for a parent, spouse or child, or for another with a notarised authorisation).
ON_BEHALF = (
    r"\b(uy quyen|nho (nguoi than|nguoi nha|nguoi khac|ban|ho)|lam (ho|thay)|on (my|his|her|their|someone s|"
    r"someone else s) behalf|on behalf of|authori[sz]\w* (someone|another|a relative|a representative|an agent)|"
    r"(relative|family member|someone else|another person) (to )?(apply|request|collect))\b",
    r"代办|代为|委托|代理人|대리|위임|대신(\s*\S+){0,3}?\s*(신청|발급)",
)

# A visa's purpose changed while in Viet Nam ('change my tourist visa to a work visa', 'chuyển đổi mục đích thị thực',
# '旅游签证转成工作签证', '관광비자를 취업비자로 바꿀'; Law 47/2014 Art. 7 k4-5), not a visa turned into a card.
VISA_PURPOSE_CHANGE = (
    r"^(?!.*\b(trcs?|residence cards?|the tam tru)\b).*\b(chuyen doi muc dich|doi muc dich|"
    r"chuyen (doi )?(tu )?(visa|thi thuc) [^?]{0,30}(sang|thanh)|(visa|thi thuc) [^?]{0,30}(chuyen|doi) (sang|thanh)|"
    r"(chang\w*|convert\w*|switch\w*|turn\w*) [^?]{0,50}\b(to|into|for) (a |an )?[\w ]{0,25}visas?|"
    r"(change|convert\w*|switch\w*) (of )?(the |my )?(visa )?(purpose|type|kind) of (my |a |the )?visa)\b",
    r"^(?!.*(居留|거주증)).*(签证?.{0,12}(转|转换|转成|转为|换成|改成|变更为)|(转|换|改)(成|为).{0,6}签|"
    r"비자.{0,20}(바꿀|바꾸|변경|전환))",
)

# An exit ban (Law 47/2014 Art. 28: 'tạm hoãn xuất cảnh', its cases and its term), as people name it.
# Carrying one's passport while in Viet Nam (Law 47/2014 Art. 44 k2 c: a foreigner carries the passport or the
# papers of residence and shows them when asked): an entry-and-residence duty, whoever the foreigner works for.
CARRY_PASSPORT = (
    r"\b(carry\w* (my |a |the |your |his |her |their |our )?passports?|passports? (with|on) (me|you|him|her|them|us)|"
    r"mang theo ho chieu|ho chieu (ben minh|theo nguoi))\b",
    r"(随身|携带|攜帶|带着|帶著).{0,4}(护照|護照)|(护照|護照).{0,4}(随身|带在身上)|여권.{0,8}(소지|휴대|들고|지참)",
)
EXIT_BAN = (
    r"\b(tam hoan xuat canh|cam xuat canh|exit bans?|travel bans?|(banned|barred|prevented|stopped) from "
    r"(leaving|exiting|departing)|(can|may|could) (i|we|he|she|they|a foreigner|foreigners) (still )?"
    r"(leave|exit|depart( from)?) (the country|viet ?nam)|(co )?(duoc|bi cam) xuat canh (khong|khoi viet nam))\b",
    r"暂缓出境|暫緩出境|限制出境|禁止出境|出境禁令|禁止离境|(不能|无法|不让|不准)(出境|离境|离开越南)|"
    r"출국\s*(정지|금지)|출국(을|이)?\s*(못|할\s*수\s*없)",
)

# A paper lost or damaged, or asked to be issued again (Decree 219/2025 Art. 23 k1: 'còn thời hạn bị mất hoặc bị hư
# hỏng không sử dụng được' is a case for re-issue); a bare 'mất' before the paper ('mất giấy phép') is its loss.
LOST = (
    r"\b(lost|lose|loses|losing|misplac\w*|stolen|damaged|bi mat|lam mat|danh mat|hu hong|bi hong"
    r"|mat (giay|the (tam|thuong) tru|ho chieu))\b",
    r"丢失|丟失|遗失|遺失|损坏|損壞|분실|잃어버|훼손",
)
# Issued again, asked without a change that calls for a new permit ('thay đổi nơi làm việc có cần cấp lại?' asks
# whether the change needs the procedure again, Decree 219/2025 Art. 20).
LOST_OR_REISSUED = (
    LOST[0]
    + r"|^(?!.*\b(thay doi|chang\w*|switch\w*|chuyen|another (company|employer)|(cong ty|doanh nghiep) khac)\b)"
    r".*\b(re ?issu\w*|(?<!cung )cap lai)\b",
    LOST[1] + r"|^(?!.*(变更|變更|更换|更換|换|변경)).*(补发|補發|重新签发|重新簽發|재발급)",
)

# (facet, pattern on folded text, pattern on raw text), first match wins.
_SHAPES: tuple[tuple[str, str, str], ...] = (
    # A change of job, employer or place of work asked about the permit: whether and how it is issued again (a
    # residence card asked beside such a change keeps its own facet words).
    (
        "procedure",
        r"^(?=.*\b(work permits?|giay phep|gpld|permits?)\b).*("
        + "|".join(folded for folded, _raw in (CHANGE_OF_EMPLOYER, CHANGE_OF_POSITION, CHANGE_OF_PLACE))
        + ")",
        r"^(?=.*(工作许可|工作許可|劳动许可|허가)).*("
        + "|".join(raw for _folded, raw in (CHANGE_OF_EMPLOYER, CHANGE_OF_POSITION, CHANGE_OF_PLACE))
        + ")",
    ),
    # What follows the issue of a paper ('What to do after the issuance of work permit?').
    (
        "procedure",
        r"\b(what (to|should i|must i|do i|should we|must we|do we) do after|after (the )?(issuance|issue) of|"
        r"(phai |can )?lam (gi|nhung gi) sau khi|sau khi [^?]{0,60} (thi )?(phai |can )?lam (gi|nhung gi))\b",
        r"(签发|发放|获得|拿到).{0,12}(后|之后).{0,6}(做什么|怎么办)|발급\s*(후|이후|받은 후).{0,12}(무엇|뭘|뭐|할\s*일)",
    ),
    # A lost or damaged paper ('what happens if you lose your work permit', '护照丢了怎么办'): how it is issued again
    # (Decree 219/2025 Art. 23-25: 'bị mất hoặc bị hư hỏng'), not a fine.
    (
        "procedure",
        r"\b(what (happens|to do|should i do|do i do|can i do) (if|when) (you |i |we |he |she |they )?"
        r"(lose|lost|damage\w*)|((lam|bi) mat|mat(?= (giay|the (tam|thuong) tru|ho chieu)\b)) [^?]{0,40} (phai )?"
        r"(lam (gi|sao|the nao)|xu ly (the nao|sao)))\b",
        r"(丢失|丢了|遗失|遺失|损坏|損壞).{0,12}(怎么办|怎麼辦|如何处理)|(분실|잃어버|훼손).{0,15}(어떻게|방법)",
    ),
    # Whether or when a paper is issued again ('Can I reissue my lost work permit?', 'reissuance: when is it
    # needed?'): the cases of reissue the law lists (Decree 219/2025 Art. 23), not the steps; 'the procedure for
    # re-issuance' asks the steps (Art. 25).
    (
        "eligibility",
        r"^(?!.*\b(how|thu tuc|ho so|procedures?|steps|process|trinh tu)\b)(?=.*\b(reissu\w*|re issu\w*|cap lai)\b).*"
        r"\b(when|can|may|whether|does|do|need|needs|must|khi nao|truong hop nao|duoc khong|co duoc|co phai|co can)\b",
        r"^(?!.*(如何|怎么|怎樣|어떻게|절차|서류|程序|流程|手续|步骤))(?=.*(补发|補發|补办|補辦|重新签发|재발급)).*"
        r"(吗|嗎|什么情况|何时|何時|가능|언제|경우)",
    ),
    # The forms of working the law lists ('In what forms can a foreign employee work?'), not the templates.
    (
        "eligibility",
        r"\b(in (what|which) (forms?|ways?|capacit\w*) (can|may|do|does|is|are)|forms? of (work|working|employment)|"
        r"hinh thuc lam viec|(theo|duoi) (nhung |cac )?hinh thuc (nao|gi))\b",
        r"以什么形式|什么形式.{0,6}工作|어떤\s*형태로\s*(일|근무)|근무\s*형태",
    ),
    # The permit's end when what it rests on ends ('my contract ends', 'hợp đồng chấm dứt'): the cases in which a
    # permit ceases to be valid (Labour Code Art. 156).
    (
        "validity",
        # (unless a time limit or who acts is asked: 'who returns it, within how many days' is Decree 219/2025 Art. 31)
        r"^(?!.*\b(within|by when|how many days|bao nhieu ngay|trong (vong|thoi han)|who|ai)\b)"
        r"(?=.*\b(work permits?|giay phep lao dong|gpld)\b).*\b((if|when|once) (my |the |our |his |her )?"
        r"(labou?r |employment )?contract (ends|ended|is terminated|terminates|expires)|"
        r"hop dong (lao dong )?(bi )?(cham dut|het han))\b",
        r"^(?=.*(工作许可|工作許可|劳动许可|허가)).*(合同.{0,4}(终止|到期|解除)|계약.{0,4}(종료|만료|해지))",
    ),
    # Whether one is punished ('... bị thu hồi mà vẫn làm việc thì có bị xử phạt không?', 'what if I don't have a
    # work permit?'): the fine asked, whatever paper's end or exemption the question tells first.
    (
        "penalty",
        r"\b(co bi (xu phat|phat|xu ly)|bi (xu phat|phat) (khong|the nao|ra sao|nhu the nao|bao nhieu|toi da|toi thieu)|"
        r"(will|would|can|could) (i|we|you|they|he|she|the company) (be|get) (fined|punished|penali[sz]ed)|"
        r"what (if|happens if) [^?]*\b((don t|do not|doesn t|does not|without|no) (have )?(a |any )?(work )?permit|"
        r"(keep|continu|still)\w* (working|to work)))\b",
        r"会被(处)?罚|會被(處)?罰|被罚款吗|벌금을?\s*(내야|물어야|받)|처벌(을)?\s*받",
    ),
    # How long an exit ban lasts is its term (Law 47/2014 Art. 28 k3), not a processing time.
    (
        "validity",
        r"^(?=.*" + EXIT_BAN[0] + r").*\b(bao lau|how long|duration|thoi han)\b",
        r"^(?=.*(" + EXIT_BAN[1] + r")).*(多久|多长|期限|기간|얼마)",
    ),
    # A work permit lost or damaged ('what happens if you lose your work permit?'): what to do, its re-issue,
    # unless a fine is named.
    (
        "procedure",
        r"^(?!.*\b(fine[sd]?|penalt\w*|phat)\b)(?=.*\b(work permits?|giay phep lao dong|gpld)\b).*" + LOST[0],
        r"^(?!.*(罚|罰|벌금|과태료))(?=.*(工作许可|工作許可|劳动许可|노동\s*허가|워크\s*퍼밋)).*("
        + LOST_OR_REISSUED[1]
        + ")",
    ),
    # Before or after arriving: the time limits counted from the planned start of work.
    (
        "deadline",
        r"\bbefore or after (i |you |we |they |he |she )?(arriv|enter|come)\w*\b|"
        r"\btruoc hay sau khi (nhap canh|den|sang)\b",
        r"入境(前|之前)还是(后|之后)|입국\s*전.{0,6}후",
    ),
)
# What happens when one does not do it, is late, or a paper has run out ('what if I'm late?', 'nếu không khai báo thì
# sao?', '如果不申报会怎样', '안 하면 어떻게 되나요'): the consequence the law sets is its fine. A follow-up asks it
# with no paper named; a question naming one asks that paper's fine.
_CONSEQUENCE: tuple[str, str, str] = (
    "penalty",
    r"\b(what (happens|will happen|would happen|are the consequences)|"
    r"(what|and) if (i|we|you|he|she|they|it|the \w+|my \w+|our \w+)( am| m| are| re| is| s| was| were| have| ve)? "
    r"(late|too late|overstay\w*|expired|miss\w*|fail\w*|forg[eo]t\w*|never|not|don t|do not|didn t|did not|"
    r"doesn t|does not|haven t|have not|hasn t|has not)\b|"
    r"(khong|chua|tre|cham|quen|qua han|het han)\b[^?]{0,60}\b(thi sao|thi the nao|thi lam sao|co sao khong|"
    r"co bi gi khong|thi bi gi|se ra sao|se the nao|thi se ra sao))",
    r"(不|没|沒|未|迟|遲|晚|逾期|过期|過期|到期|忘).{0,12}(会怎样|会怎么样|會怎樣|会如何|會如何|有什么后果|有什麼後果|怎么办|怎麼辦)|"
    r"(안\s*하면|하지\s*않으면|않으면|늦으면|늦게\s*하면|못\s*하면|잊으면|지나면|만료되면|초과하면).{0,12}"
    r"(어떻게|어떡|무슨\s*일)",
)
# 'Why must a foreigner's stay be declared?' ('tại sao phải khai báo', '为什么要申报', '왜 신고해야'): the texts give no
# reason; the duty itself is the law's answer (whose it is, Law 47/2014 Art. 33 k1), with the fine for not doing it.
WHY_DUTY: tuple[str, str, str] = (
    "who",
    r"\b(why (is it |it is |is )?(necessary|required|mandatory|compulsory|needed|obliged)|why (must|should|do|does|"
    r"have to|has to|need to)|(tai sao|vi sao|sao) (lai )?(phai|can|bat buoc))\b[^?]{0,60}"
    r"\b(register\w*|declar\w*|report\w*|notif\w*|khai bao|dang ky|trinh bao)\b",
    r"(为什么|為什麼|为何|為何).{0,12}(要|必须|必須|需要|得).{0,20}(申报|申報|登记|登記)|왜.{0,20}신고.{0,6}(해야|필요)",
)
_COMPILED = tuple(
    (facet, re.compile(folded) if folded else None, re.compile(raw) if raw else None)
    for facet, folded, raw in (WHY_DUTY, *_SHAPES, _CONSEQUENCE)
)


def asks_why_duty(text: str) -> bool:
    """'Why must I declare …?': the duty and its fine are the answer (WHY_DUTY)."""
    _facet, folded, raw = WHY_DUTY
    return bool(re.search(folded, folded_question(text)) or re.search(raw, simplified(text)))


# Words the facet scores lack, weighed like theirs: (facet, pattern on folded text, pattern on raw text, weight).
EXTRA_FACET_RULES: dict[str, tuple[tuple[str, str, float], ...]] = {
    # Another person applying asks how such a request is made (the texts' steps say who may, with what papers).
    "procedure": ((*ON_BEHALF, 2.5),),
    # 'the competent authority': who decides, i.e. where the file goes ('thẩm quyền cấp': knowledge/facets.py).
    "where": ((r"\bcompetent (authority|authorities|agency|body)\b", r"主管机关|主管部门|관할", 2.5),),
    # Revocation ends a paper before its term; the labour contract's term is bounded by the permit's.
    "validity": (
        (
            r"\b(thu hoi|revok\w*|revocation|indefinite term|(indefinite|open ended|fixed term|permanent|unlimited)"
            r"( term)? (labou?r |employment )?contracts?|(be |is |are )?open ended|khong xac dinh thoi han|vo thoi han|"
            r"thoi han hop dong)\b",
            r"(无固定期限|固定期限|无期限)(劳动)?合同|(무기|정규직|기간의\s*정함이\s*없는)\s*(근로)?\s*계약",
            3.5,
        ),
        ("", r"吊销|撤销|收回|취소|회수", 3.5),
    ),
}
# Words that name working in Viet Nam, weighed like the work-permit context words of knowledge/facets.py; entering
# Viet Nam is an entry (visa) matter, less than any paper named beside it.
EXTRA_TOPIC_RULES: dict[str, tuple[tuple[str, str, float], ...]] = {
    "visa_residence_card": (
        (*EXIT_BAN, 1.5),  # an exit ban is an entry-and-residence matter, less than any paper named beside it
        (*VISA_PURPOSE_CHANGE, 2),  # the visa's change, whatever paper (a work permit) it rests on
        (*CARRY_PASSPORT, 2.5),  # a worker carrying the passport: the residence law's duty, not the permit's
        (
            r"\b(enter(ing)? (into )?viet ?nam|entry (to|into) viet ?nam|nhap canh( vao)? viet nam|"
            # the law cited by name in a question ('theo Luật Nhập cảnh'), not the law's own title
            r"(theo|cua|trong|under) luat nhap canh|immigration law|law on (entry|immigration))\b",
            r"入境越南|베트남\s*입국",
            1.5,
        ),
    ),
    "work_permit": (
        (
            r"\b(expat\w* (employee|worker|staff)s?|working requirements)\b",
            "",
            2,
        ),
    ),
}


def shaped_facet(text: str) -> str | None:
    """'Thay đổi vị trí công việc có cần xin lại giấy phép?' -> 'procedure'; None when no shape matches."""
    folded, raw = folded_question(text), simplified(text)
    for facet, on_folded, on_raw in _COMPILED:
        if (on_folded and on_folded.search(folded)) or (on_raw and on_raw.search(raw)):
            return facet
    return None


# Whether a paper stands in for a visa ('can a TRC be used instead of a visa', 'thẻ tạm trú có thay thị thực không',
# '居留卡能代替签证吗', '거주증이 비자를 대신하나요'): the paper's definition says it (Law 47/2014 Art. 3 k13: 'có giá trị
# thay thị thực'), not a condition ('được không' is no eligibility here).
INSTEAD_OF_VISA = re.compile(
    r"\b((instead of|in place of|in lieu of|replaces?|replacing|substitute for|substitutes? for) (a |an |the |my )?"
    r"(visas?|thi thuc)|thay (the )?(cho )?(thi thuc|visa))\b"
)
INSTEAD_OF_VISA_RAW = re.compile(
    r"(代替|替代|取代|顶替|頂替)(签证|簽證)|当签证用|當簽證用|비자\s*(를|을)?\s*(대신|대체)"
)
# A visa named by its kind rather than its symbol: the e-visa is symbol EV (Law 47/2014 Art. 8 as amended,
# 'EV - Cấp cho người nước ngoài vào Việt Nam bằng thị thực điện tử').
E_VISA = re.compile(r"\b(e ?visas?|evisas?|electronic visas?|thi thuc dien tu)\b")
E_VISA_RAW = re.compile(r"电子签证|電子簽證|电子签|전자\s*비자|전자\s*사증|이비자")


def symbols_named(text: str) -> frozenset[str]:
    """'How long is an e-visa valid?' -> {'EV'}: the symbols a question names by the visa's kind."""
    return (
        frozenset({"EV"}) if E_VISA.search(folded_question(text)) or E_VISA_RAW.search(text) else frozenset()
    )


_E_VISA_LAW = "thi thuc dien tu"  # how the law names the e-visa, folded
# Facets whose rule differs for the e-visa (its own route, Art. 16a, 16b): a question about the e-visa is not
# answered by the times, papers, fee or steps of a visa issued at an embassy or border gate.
_E_VISA_OWN_FACETS = frozenset({"processing_time", "documents", "fee", "deadline", "procedure"})


def own_kind_first(scored: list[tuple[float, Unit]], facet: str, text: str) -> list[tuple[float, Unit]]:
    """For an e-visa question on a facet with a route of its own, only the clauses about the e-visa: with none
    on file for the facet, the question is not answered (another visa's steps would mislead)."""
    if facet not in _E_VISA_OWN_FACETS or not symbols_named(text):
        return scored
    return [(s, u) for s, u in scored if _E_VISA_LAW in fold(f"{u.get('article_title') or ''} {u['text']}")]
