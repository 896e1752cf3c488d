"""Questions whose words point to one clause of the law, quoted first, before the facet's own answer.

Standard library only. 'What to do after the work permit is issued?' is answered by the clause saying what
follows the issue ('sau khi người lao động nước ngoài được cấp giấy phép lao động thì … phải ký kết hợp đồng lao
động', Decree 219/2025 Art. 22 k4); 'In what forms can a foreigner work?' by the list the law opens with 'theo
một trong các hình thức sau' (Art. 2 k1: a labour contract, an intra-company transfer, …), with its points;
'a new employer', 'another position', 'after the extension runs out' by the Art. 20 clause for that case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from catalog import translator
from knowledge.cues import (
    CARRY_PASSPORT,
    CHANGE_OF_EMPLOYER,
    CHANGE_OF_PLACE,
    CHANGE_OF_POSITION,
    E_VISA,
    E_VISA_RAW,
    EXIT_BAN,
    LOST_OR_REISSUED,
    ON_BEHALF,
    VISA_PURPOSE_CHANGE,
    folded_question,
)
from knowledge.draft import Draft
from knowledge.facets import FACETS, OVERVIEW
from knowledge.selection import candidates, in_force, is_national
from knowledge.store import Kb

_t = translator("knowledge")


@dataclass(frozen=True)
class _Named:
    """How people ask (folded en/vi, raw zh/ko), the facets it goes with, the law's words (in the clause, or in
    its article's title when `titled`), points quoted, clauses quoted at most."""

    asked: re.Pattern[str]
    asked_raw: re.Pattern[str]
    facets: frozenset[str]
    law: re.Pattern[str]
    points: int
    titled: bool = False
    most: int = 2
    picked: re.Pattern[str] | None = (
        None  # only the points saying this (a long list's cases ordinary askers are in)
    )
    # A subject of one topic's own law: asked only in that topic, and looked for in all its texts, not only those
    # answering the facet asked ('extend' asks the visa's Art. 35 only about a visa, never about a work permit).
    topic: str | None = None


# Decree 219/2025 Art. 20 (the last three below): a permit holder who changes employer (k1) or position (k2), or whose extended permit
# runs out (k3), goes through the permit procedure again.
_AGAIN_FACETS = frozenset({"procedure", "validity", "exemption", "eligibility", "documents"})
_NAMED: tuple[_Named, ...] = (
    _Named(  # what follows the issue of the paper
        re.compile(
            r"\b(after (the )?(issuance|issue|issuing|grant\w*|getting|receiving|obtaining)|"
            r"once (i |we |you )?(get|got|have|receive\w*)|sau khi (duoc )?(cap|nhan|co))\b"
        ),
        re.compile(
            r"(签发|發放|发放|获得|拿到|取得).{0,12}(后|後|之后|之後)|발급\s*(후|이후|받은\s*후|받고)"
        ),
        frozenset({"procedure"}),
        re.compile(r"sau khi [^.;]{0,80}được cấp"),
        0,
    ),
    _Named(  # the forms of work the law lists ('forms' alone asks for templates)
        re.compile(
            r"\b(in (what|which) (forms?|ways?|capacit\w*)|forms? of (work|working|employment)|"
            r"hinh thuc (lam viec|nao|gi)|theo (nhung |cac )?hinh thuc (nao|gi))\b"
        ),
        re.compile(r"什么形式|哪些形式|何种形式|哪种形式|什麼形式|어떤\s*형태|근무\s*형태|어떤\s*형식"),
        frozenset({"eligibility", "who", "procedure"}),
        re.compile(r"theo (một trong )?các hình thức sau"),
        6,  # the list's first points; a short reply keeps what fits
    ),
    _Named(
        re.compile(CHANGE_OF_EMPLOYER[0]),
        re.compile(CHANGE_OF_EMPLOYER[1]),
        _AGAIN_FACETS,
        re.compile(r"có nhu cầu làm việc cho người sử dụng lao động khác"),
        0,
    ),
    _Named(
        re.compile(CHANGE_OF_POSITION[0]),
        re.compile(CHANGE_OF_POSITION[1]),
        _AGAIN_FACETS,
        re.compile(r"có nhu cầu thay đổi vị trí công việc"),
        0,
    ),
    _Named(  # a change of workplace: another employer is a new permit (Art. 20 k1), the same employer in other
        # provinces a notice (Art. 22 k5); neither is among the re-issue cases (Art. 23)
        re.compile(CHANGE_OF_PLACE[0]),
        re.compile(CHANGE_OF_PLACE[1]),
        _AGAIN_FACETS,
        re.compile(
            r"có nhu cầu làm việc cho người sử dụng lao động khác|"
            r"đã được cấp giấy phép lao động có nhu cầu làm việc cho người sử dụng lao động đó tại nhiều tỉnh"
        ),
        0,
    ),
    _Named(
        re.compile(
            r"\b((da )?gia han [^?]{0,60}(het han|tiep tuc)|after (the |an |its )?extension|extended [^?]{0,40}expir)"
        ),
        re.compile(r"延期.{0,12}(到期|之后|后)|연장.{0,12}(만료|후)"),
        _AGAIN_FACETS,
        re.compile(r"đã được gia hạn giấy phép lao động có nhu cầu tiếp tục"),
        0,
    ),
    _Named(  # working on when the permit runs out: the extension, filed 10 to 45 days before (Art. 28 k1)
        re.compile(
            r"\b((upon|after|on|at|when|once)\b[^?]{0,30}\bexpir\w*[^?]{0,80}continu\w*|continu\w*[^?]{0,60}(after|beyond|past) "
            r"(the |its |his |her )?(permit s )?expir\w*|het han[^?]{0,60}tiep tuc (lam viec|su dung))"
        ),
        re.compile(r"到期.{0,20}继续|만료.{0,20}계속"),
        frozenset({"validity", "deadline", "procedure", "eligibility"}),
        re.compile(r"trước khi hết hạn giấy phép lao động"),
        0,
    ),
)
_NAMED += (
    _Named(  # work for the same employer in several provinces: the employer notifies each province's office at
        # least 3 days before (Decree 219/2025 Art. 22 k5 for a permit, Art. 9 k5 for an exemption certificate)
        re.compile(
            r"\b((another|other|several|many|multiple|different) provinces?|(nhieu|cac) tinh|tinh (thanh )?khac)\b"
        ),
        re.compile(
            r"(其他|另一个|另一個|多个|多個|几个|幾個)(省|省份)|다른\s*(성|지역|지방)|여러\s*(성|지역|지방)"
        ),
        frozenset({"procedure", "deadline", "who", "validity", "eligibility"}),
        re.compile(r"có nhu cầu làm việc cho người sử dụng lao động đó tại nhiều tỉnh"),
        0,
    ),
    _Named(  # the permit's end (a labour contract ended, the worker left): the employer collects the permit and
        # returns it within 15 days (Decree 219/2025 Art. 31 k1), the cases being Labour Code Art. 156
        re.compile(
            r"\b(contract (\w+ ){0,5}(ended|ends|terminated|terminates|expired)|(quit|resign\w*|left) (the |our |my )?"
            r"(company|job)|hop dong (lao dong )?(\w+ ){0,4}(da )?(cham dut|het han|ket thuc)|cham dut hop dong|nghi viec)\b"
        ),
        re.compile(r"(合同|劳动合同).{0,6}(终止|到期|解除|结束)|离职|辞职|계약.{0,6}(종료|만료|해지)|퇴사"),
        frozenset({"deadline", "procedure", "who"}),
        re.compile(r"kể từ ngày giấy phép lao động hết hiệu lực, người sử dụng lao động thu hồi"),
        0,
    ),
    _Named(  # the permit handed back when it has ended (Decree 219/2025 Art. 31 k1: the employer collects it and
        # returns it to the office within 15 days of its end), asked as its return rather than as the contract's end
        re.compile(
            r"\b((nop|tra|gui) lai|thu hoi|return\w*|hand\w* (it |them )?(back|in)|give (it )?back|surrender\w*)\b"
            r"[^?]{0,60}\b(giay phep lao dong|gpld|work permits?|wp)\b|\b(giay phep lao dong|gpld|work permits?|wp)\b"
            r"[^?]{0,60}\b((nop|tra|gui) lai|return\w*|hand\w* (it |them )?(back|in)|give (it )?back|surrender\w*)\b"
        ),
        re.compile(
            r"(交回|上交|退回|归还)(工作许可|劳动许可|工作证)|(工作许可|劳动许可|工作证).{0,8}(交回|上交|退回|归还)|노동\s*허가증?.{0,8}(반납|제출)"
        ),
        frozenset({"deadline", "procedure", "who"}),
        re.compile(r"kể từ ngày giấy phép lao động hết hiệu lực, người sử dụng lao động thu hồi"),
        0,
    ),
    _Named(  # what an employer does before hiring a foreigner: explain its need and have it approved in writing
        # (Labour Code Art. 152 k2)
        re.compile(
            r"\b(before (hir\w*|recruit\w*|employ\w*|taking on)|truoc khi (tuyen dung|thue|tuyen))\b|\btuyen dung [^?]{0,40}\btruoc\b"
        ),
        re.compile(r"(招聘|雇佣|聘用|雇用)[^?？]{0,12}(之前|以前|前)|(고용|채용)\s*(하기\s*)?(전|이전)"),
        frozenset({OVERVIEW, "procedure", "who", "documents", "eligibility"}),
        re.compile(
            r"trước khi tuyển dụng người lao động nước ngoài vào làm việc tại Việt Nam phải giải trình"
        ),
        0,
    ),
    _Named(  # a request made for another: the clause saying who needs an authorisation (216/2026 Art. 22 k2 b:
        # 'cho người khác (không phải là cha, mẹ, vợ, chồng, con của mình …)' adds 'văn bản ủy quyền')
        re.compile(ON_BEHALF[0]),
        re.compile(ON_BEHALF[1]),
        frozenset({"procedure", "documents", "who", "eligibility"}),
        re.compile(r"cho người khác \(không phải là cha, mẹ"),
        0,
    ),
    _Named(  # an exit ban's cases and term (Law 47/2014 Art. 28 k1 a-đ: criminal case, judgment, tax, fine,
        # defence; k3: 'không quá 03 năm')
        re.compile(EXIT_BAN[0]),
        re.compile(EXIT_BAN[1]),
        frozenset({OVERVIEW, "eligibility", "who", "procedure"}),
        re.compile(r"có thể bị tạm hoãn xuất cảnh nếu thuộc|^Thời hạn tạm hoãn xuất cảnh"),
        5,
    ),
    _Named(  # filed online: the National Public Service Portal (Decree 219/2025 Art. 6 k1), before the paper steps
        re.compile(r"\b(online|on line|internet|electronic\w*|e ?filing|truc tuyen|qua mang|dich vu cong)\b"),
        re.compile(r"网上|在线|線上|线上|电子(申请|提交)|온라인|인터넷|전자\s*(신청|제출)"),
        frozenset({"procedure", "where", "documents"}),
        re.compile(r"trực tuyến tại Cổng Dịch vụ công quốc gia"),
        0,
        topic="work_permit",  # a criminal record asked online has its own route (Decree 216/2026 Art. 22 k1 a)
    ),
    _Named(  # a work permit lost or damaged is a case for re-issue (Decree 219/2025 Art. 23 k1)
        re.compile(LOST_OR_REISSUED[0]),
        re.compile(LOST_OR_REISSUED[1]),
        frozenset({OVERVIEW, "eligibility", "procedure", "documents"}),
        re.compile(r"^Giấy phép lao động còn thời hạn bị mất"),
        0,
    ),
    _Named(  # the acts the entry and residence law prohibits (Law 47/2014 Art. 5, its six clauses)
        re.compile(
            r"\b(hanh vi (bi )?(nghiem )?cam|(bi )?nghiem cam|prohibited (acts?|actions?|conduct)|"
            r"forbidden (acts?|actions?)|(acts?|actions?) (are |that are )?(prohibited|forbidden))\b"
        ),
        re.compile(r"禁止(的)?行为|严禁|嚴禁|금지\s*행위|금지되는\s*행위"),
        frozenset({OVERVIEW, "eligibility", "who"}),
        re.compile(r"^Các hành vi bị nghiêm cấm$"),
        0,
        titled=True,
        most=6,
    ),
    _Named(  # the two criminal-record certificates and what each states (Law 28/2009 Art. 41-43: No. 2 adds the
        # parents' and spouse's names), asked by number or as 'how many types'
        # (what each states; not when or for what it is used, which Art. 41 k2-3, not on file, says)
        re.compile(
            r"^(?!.*\b(when|cases?|used?|truong hop|dung (de|khi|cho|vao)|khi nao)\b).*"
            r"\b((no|number|so|type|form|loai) (1|2|01|02|one|two)|how many (types|kinds)|(hai|may|cac) loai phieu|"
            r"(two|both) (types|kinds|certificates)|(types|kinds|sorts) of|co (may|nhung) loai)\b"
        ),
        re.compile(
            r"^(?!.*(情况|什么时候|用于|用途|경우|용도|언제)).*"
            r"(第?[一二12]号|[12]\s*호|几种|哪几种|两种|哪些类型|什么类型|种类|類型|몇\s*가지|두\s*가지|종류)"
        ),
        frozenset({OVERVIEW, "documents"}),  # not when or for whom each is issued (Art. 41 k2-3, not on file)
        re.compile(r"^(Nội dung )?Phiếu lý lịch tư pháp( số [12])?$"),
        0,
        titled=True,
        most=3,
    ),
    _Named(  # the e-visa's own steps (Law 47/2014 Art. 16a as amended: declared and paid on the e-visa site)
        E_VISA,
        E_VISA_RAW,
        frozenset({"procedure"}),
        re.compile(r"Trang thông tin cấp thị thực điện tử"),
        0,
    ),
)

# Subjects of the entry and residence law people name without a facet word, or beside one that its word scores read
# elsewhere ('can I change my tourist visa to a work visa?', 'visa on arrival', 'who can sponsor'): their clause.
_VISA = "visa_residence_card"
_PERMANENT = (r"permanent residen\w*|the thuong tru|thuong tru", r"永久居留|永居|영주")
_CARD = (r"trcs?|(temporary )?residence cards?|the tam tru", r"居留卡|居留证|거주증")


def _asked_about(subject: tuple[str, str], asked: tuple[str, str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A question naming the subject (folded en/vi, raw zh/ko) and, anywhere in it, what is asked of it."""
    return (
        re.compile(rf"^(?=.*\b({subject[0]})\b).*\b({asked[0]})\b"),
        re.compile(rf"^(?=.*({subject[1]})).*({asked[1]})"),
    )


# A visa asked at the border gate or on arrival (Law 47/2014 Art. 18).
_AT_BORDER = (
    r"\b(visa on arrival|voa|arrival visa|(visa|it) (at|on arrival at) the (airport|border)|"
    r"visas? (\w+ ){0,3}(when|after|once|upon|as soon as) (i |we |you |he |she |they )?(arriv\w*|land\w*)|"
    r"at the (airport|border)[^?]{0,30}visa|(thi thuc|visa) tai cua khau|cua khau [^?]{0,20}(thi thuc|visa))\b",
    r"落地签|口岸签证|口岸.{0,8}签证|도착\s*비자|공항.{0,10}비자",
)
# ... asked by or of the sponsor, the employer ('what must the company do'): not the worker's own extension.
_SPONSOR = (
    r"(compan\w*|employers?|firms?|business\w*|we|our|us|sponsor\w*|cong ty|doanh nghiep|nguoi su dung lao dong|"
    r"don vi|bao lanh)"
)
# A worker leaving the employer that sponsors their papers ('quits', 'terminates the contract before …').
_LEAVING = (
    r"(quit\w*|resign\w*|leav\w* (the |our |my )?(company|job)|(terminat\w*|end\w*) (the |his |her |their |its )?"
    r"(labou?r |employment )?contract( early| before)?|stop\w* working|nghi viec|thoi viec|cham dut hop dong|"
    r"khong con (lam viec|nhu cau bao lanh))"
)
_VISA_FREE = r"(visa ?free|visa waiver|without (a )?visa|visa exempt\w*|mien thi thuc|mien visa)"
_VISA_FREE_RAW = r"(免签|免簽|무비자|무사증|비자\s*면제)"
_NAMED += (
    _Named(  # a visa's purpose changed in Viet Nam (Law 47/2014 Art. 7 k4 as amended: only with proof of investment,
        # of family ties to the sponsor, or a work permit; k5: a new visa of the new purpose)
        re.compile(VISA_PURPOSE_CHANGE[0]),
        re.compile(VISA_PURPOSE_CHANGE[1]),
        frozenset({OVERVIEW, "eligibility", "procedure", "exemption", "validity"}),
        re.compile(r"^Thị thực không được chuyển đổi mục đích|^Trường hợp chuyển đổi mục đích thị thực"),
        4,
        topic=_VISA,
    ),
    _Named(  # the stay a visa gives at entry (Law 47/2014 Art. 31 k1 a as amended: the visa's term; a DL visa over
        # 30 days, 30 days, extendable), asked of a visa, not of a visa-free entry (Art. 31 k1 b, c)
        re.compile(
            rf"^(?!.*\b{_VISA_FREE}\b)(?=.*\b(visas?|thi thuc)\b).*\b(how long can (i|we|you|he|she|they|one) "
            r"(stay|remain)|stay (for )?(the )?(full|whole|entire)|length of (my |the |a )?stay|permitted stay|"
            r"(o|o lai|luu lai) (lai )?(viet nam |duoc )*bao lau|thoi han tam tru)\b"
        ),
        re.compile(
            rf"^(?!.*{_VISA_FREE_RAW})(?=.*(签证|簽證|비자)).*((停留|待|呆|居留)(多久|多长|几天)|"
            r"(체류|머무).{0,10}(기간|얼마|며칠)|(얼마나|며칠|몇\s*일)\s*(동안\s*)?(체류|머무))"
        ),
        frozenset({OVERVIEW, "validity", "eligibility", "deadline"}),
        re.compile(r"^Thời hạn tạm trú cấp bằng thời hạn thị thực"),
        0,
        most=1,
        topic=_VISA,
    ),
    _Named(  # a sponsored holder who quits or leaves early: the sponsor notifies the immigration office in writing
        # (Law 47/2014 Art. 45 k2 e: papers still valid, sponsorship no longer needed); asked with the paper named
        re.compile(
            rf"^(?=.*\b{_SPONSOR}\b)(.*\b{_LEAVING}\b[^?]{{0,80}}\b({_CARD[0]}|visas?|thi thuc)\b|"
            rf".*\b({_CARD[0]}|visas?|thi thuc)\b[^?]{{0,80}}\b{_LEAVING}\b)"
        ),
        re.compile(
            r"^(?=.*(公司|雇主|单位|單位|企业|企業|회사|고용주|기업))"
            r".*((辞职|離職|离职|辭職|解除(劳动)?合同).{0,30}(居留卡|居留证|签证)|(퇴사|퇴직|그만두|계약\s*해지).{0,30}(거주증|비자))"
        ),
        frozenset({OVERVIEW, "procedure", "who"}),
        re.compile(r"không còn nhu cầu bảo lãnh"),
        0,
        most=1,
        topic=_VISA,
    ),
    _Named(  # who may get an e-visa, by nationality too: anyone with a passport outside Art. 8 k1-4 (Law 47/2014
        # Art. 10 k5 as amended); no list of countries is needed
        re.compile(
            rf"^(?=.*{E_VISA.pattern})(?=.*\b(which countries|what countries|(nuoc|quoc gia) nao|cong dan (cac |nhung )?"
            r"nuoc|citizens? of|nationals? of|nationalit\w*|quoc tich)\b)"
        ),
        re.compile(
            rf"^(?=.*({E_VISA_RAW.pattern}))(?=.*(哪些国家|哪些國家|哪个国家|哪國|国籍|國籍|어느\s*나라|어떤\s*나라|국적))"
        ),
        frozenset({OVERVIEW, "eligibility", "exemption", "who", "procedure"}),
        re.compile(r"^Thị thực điện tử cấp cho người nước ngoài có hộ chiếu"),
        0,
        most=1,
        topic=_VISA,
    ),
    _Named(  # carrying the passport (Law 47/2014 Art. 44 k2 c: carried, and shown when an authority asks)
        re.compile(CARRY_PASSPORT[0]),
        re.compile(CARRY_PASSPORT[1]),
        frozenset({OVERVIEW, "eligibility", "exemption", "who"}),
        re.compile(r"^Khi đi lại phải mang theo hộ chiếu"),
        0,
        most=1,
        topic=_VISA,
    ),
    _Named(  # transit: by air or by sea a foreigner is exempt from a visa and stays in the transit area (Law 47/2014
        # Art. 25 k1, Art. 26); not 'transit' in the law's title ('nhập cảnh, xuất cảnh, quá cảnh, cư trú')
        re.compile(r"\b(transit\w*|layovers?|stopovers?|connecting flights?|qua canh)\b(?! cu tru)"),
        re.compile(r"过境|转机|轉機|中转|中轉|환승|경유|트랜짓"),
        frozenset({OVERVIEW, "eligibility", "exemption", "procedure", "validity"}),
        re.compile(r"^Người nước ngoài quá cảnh đường (hàng không|biển) được miễn thị thực"),
        0,
        topic=_VISA,
    ),
    _Named(  # the cases in which a visa is issued at the border gate (Law 47/2014 Art. 18 k1, its six points)
        re.compile(_AT_BORDER[0]),
        re.compile(_AT_BORDER[1]),
        frozenset({OVERVIEW, "eligibility", "exemption", "procedure", "who"}),
        re.compile(r"được cấp thị thực tại cửa khẩu quốc tế trong các trường hợp"),
        6,
        topic=_VISA,
    ),
    _Named(  # what is handed in for a visa at the border gate (Art. 18 k2: passport, the form with a photo)
        re.compile(_AT_BORDER[0]),
        re.compile(_AT_BORDER[1]),
        frozenset({"documents", "forms"}),
        re.compile(r"^Người nước ngoài được cấp thị thực tại cửa khẩu quốc tế nộp hộ chiếu"),
        0,
        topic=_VISA,
    ),
    _Named(  # how long an exit ban lasts (Law 47/2014 Art. 28 k3: up to 3 years, extendable)
        re.compile(EXIT_BAN[0]),
        re.compile(EXIT_BAN[1]),
        frozenset({"validity", "deadline"}),
        re.compile(r"^Thời hạn tạm hoãn xuất cảnh"),
        0,
        topic=_VISA,
    ),
    _Named(  # a child under 14 on a parent's passport gets the visa with the parent (Law 47/2014 Art. 7 k2 a)
        re.compile(
            r"^(?=.*\b(visas?|thi thuc)\b).*\b(child(ren)?|kids?|sons?|daughters?|bab(y|ies)|minors?|tre em|"
            r"con (nho|cai|toi|em))\b"
        ),
        re.compile(
            r"(孩子|儿童|子女|小孩).{0,20}签证|签证.{0,20}(孩子|儿童|小孩)|(아이|자녀|아동).{0,20}비자"
        ),
        frozenset({OVERVIEW, "exemption", "eligibility", "documents", "procedure"}),
        re.compile(r"^Cấp thị thực theo cha hoặc mẹ hoặc người giám hộ đối với trẻ em dưới 14 tuổi"),
        0,
        topic=_VISA,
    ),
    _Named(  # who may invite or sponsor a foreigner (Law 47/2014 Art. 14 k1, its points; k2: a citizen or card
        # holder sponsors a visit with proof of the relationship)
        re.compile(
            r"\b((who|which \w+) (can|may|is allowed to|are allowed to) (sponsor|invite)|"
            r"(can|may|could) (i|we|a|an|the|my|our|vietnamese) [^?]{0,40}\b(sponsor|invite)|"
            r"(ai|nhung ai|chu the nao|to chuc nao) [^?]{0,20}(moi|bao lanh)|(co )?duoc (moi, )?bao lanh)\b"
        ),
        re.compile(
            r"(谁|哪些|什么人).{0,8}(担保|擔保|邀请)|(担保|邀请).{0,12}(吗|么)|누가.{0,12}(초청|보증)|(초청|보증).{0,12}(할\s*수|가능)"
        ),
        frozenset({OVERVIEW, "who", "eligibility"}),
        re.compile(
            r"^Cơ quan, tổ chức, cá nhân mời, bảo lãnh người nước ngoài nhập cảnh Việt Nam theo|"
            r"thẻ tạm trú được mời, bảo lãnh người nước ngoài vào Việt Nam thăm"
        ),
        3,
        picked=re.compile(r"^(Doanh nghiệp|Tổ chức khác có tư cách pháp nhân|Công dân Việt Nam)"),
        topic=_VISA,
    ),
    _Named(  # coming back after an expulsion or a forced exit (Law 47/2014 Art. 21 k5: 3 years; k6: 6 months)
        re.compile(
            r"^(?=.*\b(deport\w*|expel\w*|expulsion|truc xuat|buoc xuat canh|forced to leave)\b).*"
            r"\b(come back|return\w*|re ?enter\w*|enter again|back to viet ?nam|nhap canh lai|quay lai|tro lai|"
            # or coming at all while the ban runs ('đang bị trục xuất có được về Việt Nam thăm người bệnh không')
            r"sang lai|vao lai|(ve|vao|sang|den) viet nam|(visit|come to|travel to|go to) viet ?nam)\b"
        ),
        re.compile(
            r"(驱逐|遣返|强制出境).{0,20}(再|重新|回|返回|入境|来越南|去越南)|"
            r"(추방|강제\s*출국).{0,20}(재입국|다시|돌아|입국|방문)"
        ),
        frozenset({OVERVIEW, "eligibility", "exemption", "penalty", "deadline", "validity", "procedure"}),
        re.compile(r"^Bị (trục xuất|buộc xuất cảnh) khỏi Việt Nam chưa quá"),
        0,
        topic=_VISA,
    ),
    _Named(  # expulsion, the added penalty for an overstay of 16 days or more (Decree 282/2025 Art. 21 k11 b)
        re.compile(r"\b(deport\w*|expel\w*|expulsion|truc xuat)\b"),
        re.compile(r"驱逐|遣返|추방|강제\s*(출국|퇴거)"),
        frozenset({"penalty"}),
        re.compile(r"áp dụng hình thức xử phạt trục xuất đối với người nước ngoài"),
        0,
        most=1,
        topic=_VISA,
    ),
    _Named(  # who is considered for permanent residence (Law 47/2014 Art. 39: merit, scientists, a Vietnamese
        # parent, spouse or child as sponsor, stateless since 2000), asked as who or which cases
        *_asked_about(
            _PERMANENT,
            (
                r"who|which (cases|people|persons|foreigners)|ai|doi tuong|truong hop nao|nhung ai",
                r"谁|什么人|哪些人|누가|누구|어떤\s*사람",
            ),
        ),
        frozenset({"eligibility"}),
        re.compile(
            r"^Người nước ngoài được cha, mẹ, vợ, chồng, con là công dân Việt Nam|^Người nước ngoài là nhà khoa học"
        ),
        0,
        topic=_VISA,
    ),
    _Named(  # the stay granted on a visa-free entry (Law 47/2014 Art. 31 k1 b, c as amended: 30 days under a treaty
        # that sets none, 45 days for a unilateral exemption) and the passport it needs (Art. 20 k1 a: 6 months)
        re.compile(
            r"^(?=.*\b(" + _VISA_FREE + r"|unilateral\w*|don phuong)\b).*"
            r"\b(how (many|much|long)|bao (nhieu|lau)|may ngay|unilateral\w*|don phuong|passports?|ho chieu)\b"
        ),
        re.compile(
            r"^(?=.*("
            + _VISA_FREE_RAW
            + r"|单方面|單方面|일방)).*(几|多少|多久|多长|护照|護照|며칠|얼마|여권|단방향|일방)"
        ),
        frozenset({OVERVIEW, "exemption", "validity", "eligibility", "documents"}),
        re.compile(
            r"miễn thị thực thì cấp tạm trú 45 ngày|miễn thị thực theo điều ước quốc tế mà Việt Nam là thành viên thì "
            r"thời hạn tạm trú|đơn phương miễn thị thực thì hộ chiếu phải còn thời hạn"
        ),
        0,
        most=3,
        topic=_VISA,
    ),
    _Named(  # an expired card is not extended: a new card is issued (Law 47/2014 Art. 38 k6 as amended)
        re.compile(
            rf"^(?!.*\b(passports?|ho chieu|permanent)\b)(?=.*\b({_CARD[0]})\b).*"
            r"\b(renew\w*|extend\w*|extension|expir\w*|gia han|het han)\b"
        ),
        re.compile(rf"^(?!.*(护照|여권))(?=.*({_CARD[1]})).*(续|延期|延长|到期|过期|갱신|연장|만료)"),
        frozenset({OVERVIEW, "procedure", "validity", "eligibility"}),
        re.compile(r"^Thẻ tạm trú hết hạn được xem xét cấp thẻ mới"),
        0,
        topic=_VISA,
    ),
    _Named(  # which visas lead to a temporary residence card (Law 47/2014 Art. 36 k1 b as amended: entered on LV1,
        # LV2, LS, ĐT1-ĐT3, NN1, NN2, DH, PV1, LĐ1, LĐ2 or TT), asked with the visa held
        *_asked_about(_CARD, (r"visas?|thi thuc", r"签证|비자|사증")),
        frozenset({"eligibility"}),
        re.compile(r"^Người nước ngoài nhập cảnh bằng thị thực có ký hiệu"),
        0,
        topic=_VISA,
    ),
    _Named(  # who files for a temporary residence card (Law 47/2014 Art. 37 k2 b: the inviting or sponsoring
        # body or person, at the immigration office where it sits or lives)
        re.compile(rf"\b({_CARD[0]})\b"),
        re.compile(_CARD[1]),
        frozenset({"who"}),
        re.compile(r"^Cơ quan, tổ chức, cá nhân mời, bảo lãnh trực tiếp nộp hồ sơ đề nghị cấp thẻ tạm trú"),
        0,
        topic=_VISA,
    ),
    _Named(  # a permanent residence card is exchanged every 10 years (Law 47/2014 Art. 43 k1)
        *_asked_about(
            _PERMANENT,
            (
                r"exchang\w*|renew\w*|replac\w*|how often|every|cap doi|doi the|doi (mot|1) lan|bao lau (phai )?doi|"
                r"validity|valid for|how long|thoi han|gia tri (bao lau|may nam)|bao lau|may nam",
                r"换|更换|换发|续|갱신|교체|재발급|마다|有效|期限|多久|几年|유효|기간|몇\s*년",
            ),
        ),
        # (its term and when to exchange it are the builder's 'every 10 years' value of the same clause, said directly)
        frozenset({OVERVIEW, "procedure"}),
        re.compile(r"^Thẻ thường trú do Công an tỉnh"),
        0,
        topic=_VISA,
    ),
    _Named(  # the permanent card collected within 3 months of the notice (Law 47/2014 Art. 41 k5)
        *_asked_about(
            _PERMANENT,
            (r"collect\w*|pick (it )?up|receiv\w*|get the card|nhan the", r"领取|領取|领卡|수령|받으러"),
        ),
        frozenset({OVERVIEW, "deadline", "processing_time", "procedure"}),
        re.compile(r"^Trong thời hạn 03 tháng kể từ khi nhận được thông báo giải quyết cho thường trú"),
        0,
        topic=_VISA,
    ),
    _Named(  # how long permanent residence takes to decide (Law 47/2014 Art. 41 k2: 4 months, 2 more to verify)
        re.compile(rf"\b({_PERMANENT[0]})\b"),
        re.compile(_PERMANENT[1]),
        frozenset({"processing_time"}),
        re.compile(r"^Trong thời hạn 04 tháng kể từ ngày nhận đủ hồ sơ, Bộ trưởng Bộ Công an"),
        0,
        topic=_VISA,
    ),
    _Named(  # where permanent residence is applied for (Law 47/2014 Art. 41 k1: the immigration office)
        re.compile(rf"\b({_PERMANENT[0]})\b"),
        re.compile(_PERMANENT[1]),
        frozenset({"where"}),
        re.compile(r"^Người nước ngoài đề nghị cho thường trú làm thủ tục tại"),
        0,
        topic=_VISA,
    ),
    _Named(  # what an extension is filed with (Law 47/2014 Art. 35 k2: the sponsor's request and the passport)
        re.compile(r"\b(extend\w*|extension|gia han)\b"),
        re.compile(r"延期|延长|延签|续签|연장"),
        frozenset({"documents"}),
        re.compile(r"trực tiếp gửi văn bản đề nghị gia hạn tạm trú kèm theo hộ chiếu"),
        0,
        topic=_VISA,
    ),
    _Named(  # who files and where an extension of stay is filed (Law 47/2014 Art. 35 k1: the sponsor, at the
        # immigration office or the Ministry of Foreign Affairs' body)
        re.compile(r"\b(extend\w*|extension|gia han)\b"),
        re.compile(r"延期|延长|延签|续签|연장"),
        frozenset({"where", "who", "eligibility"}),
        re.compile(
            r"có nhu cầu gia hạn tạm trú phải đề nghị cơ quan, tổ chức, cá nhân mời, bảo lãnh|xem xét gia hạn tạm trú\.$"
        ),
        0,
        topic=_VISA,
    ),
)


def compose_named_clauses(kb: Kb, draft: Draft, topic: str, facet: str, text: str, on: date) -> bool:
    """Quote first the topic's clauses the question's words point to; True when one was quoted."""
    folded = folded_question(text)
    asked = [
        n
        for n in _NAMED
        if facet in n.facets
        and n.topic in (None, topic)
        and (n.asked.search(folded) or n.asked_raw.search(text))
    ]
    if not asked:
        return False
    docs = {kb.units[p]["doc_id"] for f in ("who", facet) for p in candidates(kb, topic, f)}
    # The topic's texts whatever facet their clauses answer, for a subject of its own law (a visa's change of
    # purpose, Law 47/2014 Art. 7 k4, is tagged with no facet a question names).
    own = {kb.units[p]["doc_id"] for f in FACETS for p in candidates(kb, topic, f)}
    cites: list[str] = []
    for named in asked:
        leads = [
            u
            for u in kb.units
            if u["doc_id"] in (own if named.topic else docs)
            and is_national(u)
            and in_force(kb, u, on)
            and named.law.search(str(u.get("article_title") or "") if named.titled else u["text"])
        ][: named.most]
        for lead in leads:
            label = draft.cite(lead)[1]
            # a titled article is cited whole, by its title: the title says what it is ('Nội dung Phiếu lý lịch
            # tư pháp số 2'), where its first clause may not
            cites.append(f"{label.split(', khoản')[0]} “{lead['article_title']}”" if named.titled else label)
            points = [u for u in kb.units if u["id"].startswith(lead["id"] + "/")]
            if named.picked is not None:
                points = [u for u in points if named.picked.search(u["text"])]
            for point in points[: named.points]:
                draft.cite(point)
    return bool(cites) and draft.say(
        _t("This is set out in {cites} (quoted below).", draft.lang, cites="; ".join(dict.fromkeys(cites)))
    )
