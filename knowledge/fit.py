"""Whether a clause, or a value in it, answers the question asked (value-to-question fit).

Standard library only. A value answers a facet only when the clause says it about that thing: a validity is a
paper's term ('Thời hạn của giấy phép lao động tối đa là 02 năm'), never a length of experience or of an
overstay; a deadline is what the person must do within a time ('người sử dụng lao động nộp hồ sơ'), never the
authority's processing time ('kể từ ngày nhận đủ hồ sơ, cơ quan ... xem xét'). A clause that only hands the
rule to another text ('Chính phủ quy định điều kiện ...') answers nothing; a clause about one paper (a visa)
does not answer a question about another (a residence card). When unsure, the answer says less.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from knowledge.asked import asking_sentences
from knowledge.cues import ON_BEHALF, symbols_named
from knowledge.text import fold

Unit = dict[str, Any]

# The value is a paper's term when the words before it in its sentence name a term of validity, or the words
# right after count it from the day of issue ('cấp không quá 6 tháng, kể từ ngày cấp'); not when they count it
# from issue to the filing of another paper's file ('kể từ ngày cấp đến ngày nộp hồ sơ', Decree 219/2025 Art. 18
# k4: how recent a criminal-record certificate must be, not how long it is valid).
_VALIDITY_BEFORE = re.compile(
    r"có thời hạn|[Tt]hời hạn (của|sử dụng|thẻ|thị thực|giấy|tạm hoãn|tạm trú)|gia hạn|có giá trị|hiệu lực|"
    r"cấp tạm trú"
)
_VALIDITY_AFTER = re.compile(r"^\W*kể từ ngày (được )?cấp(?! đến ngày nộp)")
# ... and not when the time is an overstay, an experience or training length, or a length of stay or work.
_NOT_VALIDITY = re.compile(
    r"quá thời hạn|ngắn hơn|kinh nghiệm|đào tạo|tuyển dụng|liên tục|với thời hạn dưới|tổng thời gian"
)
# The time is the authority's (how long it takes), not the person's (by when to act).
_AUTHORITY_TIME = re.compile(
    r"kể từ (ngày|khi) (nhận|tiếp nhận)|nhận (đủ|được) hồ sơ|phần mềm|[Tt]hời hạn ban hành|"
    r"(cơ quan|Cục|Bộ|Sở)[^,.;]{0,60} (xem xét|giải quyết|trả lời)"
)
# A step before the decision: saying whether the file is accepted, asking for more papers, issuing the receipt.
_INTERMEDIATE_STEP = re.compile(
    r"được tiếp nhận|không được tiếp nhận|[Gg]iấy tiếp nhận|yêu cầu bổ sung|hoàn thiện hồ sơ|từ chối tiếp nhận|"
    r"tự động kiểm tra"
)
# A person's deadline is a time to do something: file, declare, send, notify, report, return a paper.
_PERSON_ACTS = re.compile(r"nộp|khai báo|chuyển|gửi|thông báo|báo cáo|đề nghị|thu hồi|làm thủ tục|đăng ký")
# A clause that only says which authority will set the rule ('Chính phủ quy định chi tiết ...').
_DELEGATES = re.compile(
    r"^(Chính phủ|Bộ trưởng[^.;,]{0,40}|Thủ tướng Chính phủ) quy định (chi tiết|điều kiện|trình tự|thủ tục|việc)"
)
# Papers a question can name; a clause naming only other papers of the same topic answers another question.
_PAPERS: dict[str, tuple[str, ...]] = {
    "visa": ("visa", "thi thuc", "签证", "비자", "사증"),
    "residence_card": (
        "residence card",
        "resident card",
        "trc",
        "the tam tru",
        "居留卡",
        "居留证",
        "居住卡",
        "临时居住证",
        "거주증",
        "체류증",
    ),
    "permanent_card": (
        "permanent residence",
        "the thuong tru",
        "xin thuong tru",
        "永久居留",
        "永居",
        "移民",
        "영주",
        "이민",
    ),
    "exemption_certificate": ("exempt", "khong thuoc dien", "免", "면제"),
    "declaration": ("declar", "khai bao", "申报", "신고"),
    "exit_ban": ("exit ban", "tam hoan xuat canh", "暂缓出境", "限制出境", "출국 정지", "출국정지"),
    "stay_certificate": (
        "extend my stay",
        "extension of stay",
        "chung nhan tam tru",
        "gia han tam tru",
        "延长居留",
        "체류 연장",
    ),
}
# The permanent card's names, which contain the temporary card's ('residence card', '居留证').
_PERMANENT_CARD = re.compile(r"permanent residence cards?|永久居留(卡|证|證)")
# The paper a topic is about when the question names none: a declaration question is not answered by the rules
# of the stay certificate or of permanent residence that share its words ('tạm trú').
TOPIC_PAPERS: dict[str, frozenset[str]] = {"temporary_residence": frozenset({"declaration"})}
# How the law names each paper (folded). Inviting or sponsoring a foreigner's entry ('Thủ tục mời, bảo lãnh người
# nước ngoài nhập cảnh', Law 47/2014 Art. 15, 16) is the visa's route, not the residence card's (Art. 37).
_PAPER_WORDS_IN_LAW: dict[str, tuple[str, ...]] = {
    "visa": ("thi thuc", "moi bao lanh nguoi nuoc ngoai nhap canh"),
    "residence_card": ("the tam tru",),
    "permanent_card": ("thuong tru",),
    "exemption_certificate": ("khong thuoc dien",),
    "declaration": ("khai bao",),
    "stay_certificate": ("chung nhan tam tru",),
    "exit_ban": ("tam hoan xuat canh",),
}
# Visa and card symbols ('ký hiệu LĐ1', 'Thị thực TT'): a value set for some symbols answers for those only.
_SYMBOL_LIST = re.compile(r"ký hiệu\s*((?:[A-ZĐ]{2,3}\d?(?:\s*,\s*|\s+và\s+|\s*)){1,30})")
_SYMBOL = re.compile(r"[A-ZĐ]{2,3}\d?")
_ASKED_SYMBOL = re.compile(
    r"(?<![A-Za-zÀ-ỹ])(LĐ\d?|LD\d?|ĐT\d?|DT\d|TT|DL|DN\d?|NN\d|LV\d|PV\d|NG\d|DH|HN|VR|SQ|EV|LS)(?![A-Za-zÀ-ỹ\d])"
)
# A question about the least time ('tối thiểu', 'minimum') is not answered by a maximum.
_ASKS_MINIMUM = re.compile(r"\b(toi thieu|it nhat|minimum|at least|shortest)\b")
_ASKS_MINIMUM_RAW = re.compile(r"最短|最少|至少|최소|최단")


# The papers a foreigner stays on (folded en/vi): a visa, a residence card, a stay certificate or extension.
STAY_PAPERS = (
    r"visas?|thi thuc|the tam tru|gia han tam tru|chung nhan tam tru|trcs?|"
    r"(temporary )?residen(ce|t) cards?|(temporary )?residence certificates?"
)
# The acts people ask about, in their words (folded en/vi, raw zh/ko), and the words the penalty clauses use
# for them: a fine answers for one act, and a question in any language must be able to point to it.
_ACTS: tuple[tuple[str, str, str], ...] = (
    (
        # A visa or residence card that has expired while its holder stays on, in either order ('thẻ tạm trú đã
        # hết hạn sử dụng', 'expired TRC', '签证到期', '비자 만료'): Decree 282/2025 Art. 21's overstay, graded by
        # days; not a paper about to expire ('trước khi hết hạn', 'before it expires'), which is its extension.
        r"^(?!.*\b(truoc khi (\w+ ){0,4}het han|sap het han|con han|before (\w+ ){0,3}expir\w*|about to expire|"
        r"expir\w* soon)\b).*\b(overstay\w*|stay\w* (past|beyond|after) (the|my|his|her)|o qua han|o lai qua|"
        r"(o|o lai) lo (\w+ ){0,2}(visa|thi thuc|han)|stay\w* (\w+ ){0,2}(days?|weeks?|months?) (more than|longer than|beyond|past|over)|"
        r"(o|o lai|luu tru|cu tru|tam tru) qua (thoi )?han|qua thoi han (tam tru|thi thuc|visa|cu tru)|"
        r"(visa|thi thuc) (\w+ ){0,3}(ends|ended|run out)|"
        rf"qua han (visa|thi thuc|tam tru)|(qua han|het han|expired) (\w+ ){{0,2}}({STAY_PAPERS})|"
        rf"({STAY_PAPERS})( \w+){{0,4}} (qua han|het han|expir\w*|ran out|runs out)|"
        r"(expir\w*|het han|qua han)( \w+){0,5} (stay\w*|o lai))\b",
        r"^(?!.*(到期前|过期前|過期前|即将到期|快到期|快过期|만료\s*전|만료되기\s*전|만료\s*예정)).*("
        r"过期|過期|逾期|超期|초과\s*체류|체류\s*기간\s*초과|오버스테이|기간\s*만료|불법\s*체류|"
        r"(체류|비자|사증)\s*(기간|기한)\s*(을|를|이)?\s*(\d+\s*(일|개월)\s*)?(초과|넘기|넘긴|넘겼|넘어|넘으|지나|지난)|"
        r"(签证|簽證|居留卡|居留证|居留證|비자|사증|거주증|체류증).{0,6}(到期|만료))",
        "su dung chung nhan tam tru gia han tam tru the tam tru qua thoi han",
    ),
    (
        # The employer's act (283/2026 Art. 13 k5, graded by the number of workers), not the worker's.
        r"\b((employ\w*|hir\w*|us\w+) (a |an |\w+ )?(foreign\w*|worker\w*|staff|expat\w*) .*(without|with no) (a |any )?"
        r"(work )?permit|(su dung|thue|tuyen dung|tuyen) (nguoi )?(lao dong )?nuoc ngoai .*khong co giay phep|"
        r"(cong ty|doanh nghiep) (khong|chua) (lam|xin|co) giay phep lao dong)\b",
        r"雇佣.*(没有|無|无)|雇用.*(没有|無|无)|고용.*허가\s*없|허가\s*(가\s*)?없는.{0,12}(고용|채용)",
        "su dung lao dong nuoc ngoai lam viec tai viet nam ma khong co giay phep lao dong",
    ),
    (
        r"\b(without (a |any )?(work )?permit|(have|has|having|had) (not|no) (a |any )?(work )?permit|"
        r"(doesn t|don t|didn t|does not|do not|did not) (have|get|got) (a |any )?(work )?permit|"
        r"no work permit|khong co giay phep( lao dong)?|chua co giay phep( lao dong)?)\b",
        r"没有工作(许可|证)|沒有工作(許可|證)|无工作(许可|证)|無工作(許可|證)|没有劳动许可|无证|無證|허가\s*없이|허가증\s*없이|허가\s*없는|(워크\s*)?퍼밋\s*(없이|없는)",
        "lam viec nhung khong co giay phep lao dong",
    ),
    (
        # Not declaring, or declaring late: the same act (282/2025 Art. 21 k3 e, by number of guests).
        r"\b(not (declar\w*|register\w*|report\w*)|fail\w* to (declare|register|report)|undeclared|unregistered|"
        r"late (\w+ ){0,3}(declar\w*|registr\w*|report\w*)|(declar\w*|register\w*|registration|report\w*) (\w+ ){0,4}late|"
        r"(khong|chua|quen) (khai bao|dang ky|thong bao)(?! (thue|thu nhap|hai quan|tai san|ket hon|khai sinh))|khong thuc hien (viec )?(khai bao|dang ky)|"
        r"(khai bao|dang ky)( tam tru)?( \w+){0,4} (muon|cham|tre|qua han|qua thoi han))\b",
        r"(不|没有?|沒有?|未)(给|給|为|為|替)?[^，。,?？]{0,10}(申报|申報|登记|登記)|"
        r"(逾期|延迟|延遲|迟|遲)(申报|申報|登记|登記)|(申报|申報|登记|登記).{0,4}(晚了|迟了|遲了|超时|超時)|"
        r"신고하지\s*않|미신고|신고\s*안|신고를\s*안|늦게\s*신고|신고\s*(가|를)?\s*늦",
        "khong thuc hien viec khai bao tam tru",
    ),
    (
        r"\b(without (a |my |his |her |their )?passport|forg[eo]t\w* (my |his |her |their )?passport|"
        r"not (carry\w*|hav\w*|bring\w*) (a |my |his |her |their )?passport|"
        r"khong mang (theo )?ho chieu|quen ho chieu|khong co ho chieu)\b",
        r"没带护照|沒帶護照|没有护照|沒有護照|忘带护照|忘帶護照|여권\s*없이|여권을\s*안|여권\s*미소지",
        "khong mang theo ho chieu",
    ),
    (
        # A revoked permit is no longer valid either (Decree 219/2025 Art. 30-31; 283/2026 Art. 13 k3 b).
        r"\b(expired (work )?permit|expired wp|((work )?permit|wp) (has |had |is |was )?(been )?(expired|revoked)|"
        r"revoked (work )?permit|(giay phep lao dong|gpld)( cua \w+)? (da )?(bi )?(het han|het hieu luc|thu hoi))\b",
        r"(工作许可证?|工作許可證?|劳动许可证?)(已经?|已經)?(过期|過期)|(过期|過期)的?(工作许可|工作許可|劳动许可)|"
        r"허가증?\s*(이|가)?\s*만료된",
        "da het hieu luc",
    ),
    (
        r"\b(fake|forged|forgery|falsif\w*|counterfeit|gia mao|lam sai lech)\b",
        r"伪造|偽造|假的?(文件|材料|证件)|위조",
        "gia mao",
    ),
    (
        # Letting or helping someone stay illegally (282/2025 Art. 21 k9 d), not the overstay itself.
        r"\b((cho|giup|chua chap|che giau|tao dieu kien cho) (nguoi nuoc ngoai|nguoi khac) o lai( viet nam)? trai phep|"
        r"(help\w*|let\w*|harbo\w*|hid\w*) (a |an )?(foreigner|foreign national|person|someone)s? "
        r"(to )?(stay|remain)\w* (in vietnam )?illegal\w*)\b",
        r"(帮助|协助|窝藏|容留).{0,8}(非法|违法)(居留|停留)|불법\s*체류.{0,6}(도와|은닉|숨겨)",
        "o lai viet nam trai phep",
    ),
    (
        # Crossing the border without the exit and entry procedure (282/2025 Art. 21 k4 a).
        r"\b(qua lai bien gioi( quoc gia)? (ma )?khong (lam|qua) thu tuc|vuot bien( trai phep)?|"
        r"cross\w* (the |a )?border\w*( \w+){0,3} (without|illegal\w*)|illegal\w* border crossing\w*)\b",
        r"非法越境|非法出入境|偷渡|밀입국|밀출국|불법\s*월경",
        "qua lai bien gioi quoc gia ma khong lam thu tuc xuat canh, nhap canh",
    ),
    (
        # A lost passport not reported to the authorities (282/2025 Art. 21 k2 a).
        r"\b((lost|lose|losing|mat|danh mat|lam mat) (\w+ ){0,3}(passport|ho chieu)[^?]{0,40}\b(not|never|without|khong|chua) "
        r"(report\w*|notify\w*|tell\w*|trinh bao|thong bao|bao)|(not|never|khong|chua) (report\w*|notify\w*|trinh bao|"
        r"thong bao|bao) [^?]{0,30}(lost|loss of|mat) (\w+ ){0,3}(passport|ho chieu))\b",
        r"(护照|護照).{0,6}(丢|遗失|丟).{0,12}(没有?|未|不)(报|報|申报)|여권.{0,10}분실.{0,12}(신고\s*(안|하지)|미신고)",
        "khong thong bao theo quy dinh cua phap luat cho co quan co tham quyen ve viec mat ho chieu",
    ),
    (
        # The employer's report on the foreign workers it uses (fined by Decree 12/2022 Art. 32 k1 a until
        # 10/09/2026; the extract of its successor, 283/2026, on file does not name it), not a guest's declaration.
        r"\b(bao cao (\w+ ){0,5}(tinh hinh|viec) su dung (nguoi )?lao dong nuoc ngoai|"
        r"(tinh hinh|viec) su dung (nguoi )?lao dong nuoc ngoai (\w+ ){0,3}bao cao|"
        r"report\w* (\w+ ){0,3}(on|about|of) (\w+ ){0,3}(foreign (workers?|employees?|staff|labou?r)|expat\w*))\b",
        r"(外籍员工|外国员工|外籍劳工|外籍劳动者|外国劳动者|外国工人).{0,10}报告|외국인\s*(근로자|노동자|직원).{0,12}보고",
        "tinh hinh su dung nguoi lao dong nuoc ngoai",
    ),
)
# The cases people name when they ask whether a rule applies to them (exempt from a work permit, eligible for
# a card), in their words (folded en/vi, raw zh/ko), and the words the law's list uses for that case: the
# listed clause the question names is the answer, before the rest of the list.
_CASES: tuple[tuple[str, str, str], ...] = (
    (
        r"\b(married|marry\w*|spouses?|wife|husband|ket hon|lay vo|lay chong|vo la nguoi viet|"
        r"chong la nguoi viet)\b",
        r"结婚|配偶|老婆是越南|妻子是越南|丈夫是越南|결혼|배우자",
        "ket hon voi nguoi viet nam|vo chong con cua cong dan viet nam",
    ),
    (
        r"\b(investors?|owners?|capital contribut\w*|contribut\w* capital|shareholders?|"
        r"chu so huu|gop von|nha dau tu|thanh vien gop von)\b",
        r"投资者|投资人|出资|股东|투자자|출자|주주",
        "gop von",
    ),
    (
        r"\b(board of directors|chairman|chairwoman|board member|hoi dong quan tri)\b",
        r"董事|이사회",
        "hoi dong quan tri",
    ),
    (
        r"\b(intra ?company|intra corporate|internal(ly)? transfer\w*|transferred within|"
        r"di chuyen (trong )?noi bo)\b",
        r"内部调动|公司内部|内部派遣|사내\s*전근|내부\s*이동",
        "di chuyen trong noi bo doanh nghiep",
    ),
    (
        r"\b(chief representative|head of (the |a )?representative office|representative office|"
        r"truong van phong dai dien)\b",
        r"代表处|首席代表|대표\s*사무소|수석\s*대표",
        "truong van phong dai dien",
    ),
    (
        r"\b(service sell\w*|sell\w* services|chao ban dich vu)\b",
        r"服务销售|销售服务|서비스\s*판매",
        "chao ban dich vu",
    ),
    (r"\b(lawyers?|attorneys?|luat su)\b", r"律师|변호사", "luat su"),
    (
        r"\b(students?|interns?|internships?|trainees?|hoc sinh|sinh vien|thuc tap)\b",
        r"学生|实习|학생|인턴|실습",
        "sinh vien",
    ),
    (r"\b(teach\w*|lecturers?|giang day|giao vien)\b", r"教师|老师|教学|교사|강사", "giang day"),
    (r"\b(volunteers?|tinh nguyen vien)\b", r"志愿者|자원봉사", "tinh nguyen vien"),
    (r"\b(journalists?|reporters?|correspondents?|phong vien)\b", r"记者|기자", "phong vien"),
    (
        r"\b(official passports?|ho chieu cong vu)\b",
        r"公务护照|관용\s*여권",
        "ho chieu cong vu",
    ),
    (
        # Vietnamese settled abroad and their foreign spouses and children (Law 47/2014 Art. 12 as amended, (6)).
        r"\b(viet kieu|overseas vietnamese|vietnamese (living|settled|residing|born) (abroad|overseas)|"
        r"(nguoi viet nam )?dinh cu o nuoc ngoai)\b",
        r"越侨|越僑|海外越南人|旅居海外的越南人|해외\s*(거주|동포)\s*베트남|비엣\s*끼에우|베트남\s*교포",
        "dinh cu o nuoc ngoai",
    ),
    (
        r"\b(commercial presence|hien dien thuong mai)\b",
        r"商业存在|상업적\s*주재",
        "thanh lap hien dien thuong mai",
    ),
)
_Table = tuple[tuple[re.Pattern[str], re.Pattern[str], str], ...]


def _compile_table(rows: tuple[tuple[str, str, str], ...]) -> _Table:
    return tuple((re.compile(folded), re.compile(raw), words) for folded, raw, words in rows)


def _named(table: _Table, question: str) -> list[str]:
    """The law's words of each row whose people's words (folded en/vi, raw zh/ko) the question uses."""
    folded = fold(question)
    return [
        words for on_folded, on_raw, words in table if on_folded.search(folded) or on_raw.search(question)
    ]


_CASE_PATTERNS = _compile_table(_CASES)


# The lawyer a question is put to ('I would like to ask a lawyer', 'Xin chào Luật sư', 'Luật sư cho tôi hỏi',
# '律师您好', '변호사님'): whom it addresses, not the case it asks about (Labour Code Art. 154 k6, foreign lawyers).
_ADDRESSED = re.compile(
    r"\b((ask|asking|dear|hello|hi) (a |the |my |mr |ms )?(lawyers?|attorneys?)|(xin chao|chao|kinh gui|thua|hoi) "
    r"luat su|luat su (oi|cho (toi|em|minh)|vui long|tu van|giup))\b"
)
_ADDRESSED_RAW = re.compile(r"律师(您好|你好)|请问律师|변호사님")


@lru_cache(maxsize=4096)
def cases_asked(question: str) -> tuple[str, ...]:
    """The law's words for each case the question names ('married to a Vietnamese' -> 'kết hôn với người Việt
    Nam' or 'vợ, chồng, con của công dân Việt Nam', folded), in the order of the table; the lawyer addressed is
    no case."""
    folded = _ADDRESSED.sub(" ", fold(question))
    raw = _ADDRESSED_RAW.sub(" ", question)
    return tuple(
        alternative
        for on_folded, on_raw, words in _CASE_PATTERNS
        if on_folded.search(folded) or on_raw.search(raw)
        for alternative in words.split("|")
    )


# Residence of Vietnamese citizens (their guests' declaration, their own temporary or permanent registration) is
# the Law on Residence, not on file: a question about it names Vietnamese people or citizens' papers and no
# foreigner. Folded en/vi and raw zh/ko.
_CITIZENS = re.compile(
    r"\b(vietnamese (guests?|relatives?|friends?|famil\w*|citizens?|people|nationals?|tenants?|parents?|visitors?)|"
    r"(khach|nguoi|cong dan|ban|ho hang|nguoi than) (la )?(nguoi )?viet nam|cong dan|tam vang|ho khau|"
    r"can cuoc|cccd|cmnd|dang ky thuong tru|khai bao luu tru|thong bao luu tru)\b"
)
_CITIZENS_RAW = re.compile(r"越南人|越南公民|越南朋友|越南亲戚|베트남\s*(사람|인|국민|친척|친구)")
# A foreigner is named outright, or is the asker: one who says their nationality ('저는 … 한국인이고', '我是中国人')
# or that the host must declare them ('친구가 저를 신고해야', 'declare me'), whoever the Vietnamese host is.
_NATIONS = "korean|chinese|japanese|american|british|french|german|russian|australian|indian|thai|filipino"
_FOREIGNERS = re.compile(
    rf"\b(foreign\w*|nuoc ngoai|expat\w*|ngoai kieu|(declare|register) me|i m (a |an )?({_NATIONS}))\b"
)
_FOREIGNERS_RAW = re.compile(
    r"外国|外籍|외국|我是(韩国|日本|中国|美国|英国|法国|德国|俄罗斯|澳大利亚|印度|泰国|菲律宾)人|给我(申报|登记)|"
    r"(한국|일본|중국|미국|영국|프랑스|독일|러시아|호주|인도|태국|필리핀)\s*(사람|인)(이고|입니다|이에요|예요)|저를\s*신고"
)


@lru_cache(maxsize=4096)
def about_citizens_only(question: str) -> bool:
    """'Khai báo tạm trú cho người Việt Nam đến ở nhà?', 'my Vietnamese relatives staying': citizens' residence."""
    folded = fold(question)
    names_citizens = bool(_CITIZENS.search(folded) or _CITIZENS_RAW.search(question))
    return names_citizens and not (_FOREIGNERS.search(folded) or _FOREIGNERS_RAW.search(question))


# Nations and their citizens, as people name them (folded en/vi, raw zh/ko).
_NATION_WORDS = (
    r"(south )?koreans?|chinese|japanese|americans?|us citizens?|british|uk citizens?|french|germans?|russians?|"
    r"australians?|indians?|thai (citizens?|nationals?|people|passports?)|filipinos?|canadians?|italians?|spanish|dutch|swedish|norwegians?|danish|finnish|"
    r"brazilians?|mexicans?|singaporeans?|malaysians?|indonesians?|taiwanese|belarusians?|ukrainians?|poles|polish|"
    r"which countries|what countries|(nuoc|quoc gia) nao|(citizens?|nationals?|passport holders?) (of|from) (the )?(korea|china|japan|usa|us|america|uk|france|germany|"
    r"russia|australia|india|thailand|philippines|canada|italy|spain)|"
    r"(cong dan|nguoi|ho chieu|quoc tich) (han quoc|nhat ban|nhat|my|hoa ky|trung quoc|phap|duc|anh quoc|nga|uc|"
    r"an do|thai lan|philippines|canada|y|tay ban nha|singapore|malaysia|indonesia|dai loan)"
)
_NATION_WORDS_RAW = (
    r"(韩国|韓國|日本|中国|中國|美国|美國|英国|英國|法国|法國|德国|德國|俄罗斯|澳大利亚|印度|泰国|菲律宾|加拿大|意大利|西班牙|新加坡|台湾)"
    r"(人|公民|护照|護照|籍)|哪些国家|哪些國家|哪个国家|어느\s*나라|어떤\s*나라|(한국|일본|중국|미국|영국|프랑스|독일|러시아|호주|인도|태국|필리핀|캐나다|이탈리아|스페인|싱가포르)\s*"
    r"(사람|인|국민|여권|국적)"
)


# Papers people ask about whose own rules may not be on file, and the law's words for them (folded): a question
# naming one is answered only if some clause in force names it (else the rules of other papers would be given).
_OWN_RULES: tuple[tuple[str, str, str], ...] = (
    (
        r"\b(e ?visas?|electronic visas?|thi thuc dien tu|visa dien tu)\b",
        r"电子签证|電子簽證|전자\s*비자",
        "thi thuc dien tu",
    ),
    # A new passport for a lost or expired one is issued by the holder's own country: no text on file says how
    # (Law 47/2014 only defines the passport, Art. 3 k2; Decree 282/2025 Art. 21 k2 a fines not reporting a loss).
    (
        # (a card, visa or stay declaration asked beside a new passport is that paper's question, not the passport's:
        # a changed passport is declared again, Law 47/2014 Art. 33)
        r"^(?!.*\b(trcs?|residence cards?|the tam tru|the thuong tru|visas?|thi thuc|work permits?|giay phep|"
        r"temporary residence|tam tru|declar\w*|khai bao|register\w*|registration|dang ky)\b).*"
        r"\b((new|replacement|another|get back (a |my )?) passports?|(replac\w*|reissu\w*|renew\w*) (a |my |the |his |her )?"
        r"(lost |stolen |expired )?passports?|passport (replacement|renewal|reissu\w*)|(lam|cap|xin) lai ho chieu|"
        r"ho chieu moi|(lost|lose|stolen|mat) (\w+ ){0,2}(passports?|ho chieu)\b.{0,80}\b(new one|a new|replac\w*|another one|"
        r"lam lai|cap lai))\b",
        r"^(?!.*(签证|居留|工作许可|申报|登记|住宿|비자|거주증|허가|신고)).*(补办护照|(护照|護照).{0,6}(补办|補辦|重新办|重办)|新护照|"
        r"여권\s*재발급|여권.{0,8}(새로|다시)\s*(만들|발급))",
        "cap lai ho chieu|cap moi ho chieu",
    ),
    # Whether a visa is for one entry or several (Law 47/2014 Art. 7 k3, amended in 2023; its current wording is not
    # on file, and the 2014 wording is no longer in force).
    (
        # asked, not a price list that names both ('단수 $45 복수 $95 …')
        r"\b(single (entry )?(or|vs) multiple|multiple (entry )?(or|vs) single|(is|are) (it|they|the \w+|an? [\w ]{1,20}) "
        r"(a )?(single|multiple)( entry)?|how many (times|entries) (can|may|could) (i|we|you) enter|"
        r"mot lan hay nhieu lan|nhap canh (duoc )?(may|bao nhieu) lan)\b",
        r"(一次|单次)(入境)?(还是|或)多次|几次入境|入境几次|多次入境吗|단수(인가요|입니까|예요|인지|\s*(또는|or|아니면)\s*복수)|"
        r"몇\s*번\s*입국|입국.{0,6}몇\s*번",
        "co gia tri mot lan hoac nhieu lan",
    ),
    (
        r"\b(visa exemption (certificate|card)s?|giay mien thi thuc|the mien thi thuc)\b",
        r"免签证明|免簽證明|免签卡|비자\s*면제증|비자\s*면제\s*카드",
        "mien thi thuc dac biet|giay mien thi thuc|the mien thi thuc",
    ),
    # The No. 2 certificate (full record, Law 28/2009 Art. 43, 46): its papers, term and who may ask it for another
    # are set per certificate by the law's Art. 45-46, not on file in force; the route (Decree 216/2026 Art. 22:
    # online, by post, in person) names no certificate and is asked as for any (see _OWN_RULE_FACETS).
    (
        r"\b(phieu (ly lich tu phap |lltp )?so (2|hai)|lltp so 2|"
        r"(criminal|judicial) (record|background)s?( check| certificate)? (no\.?|number|type|form) ?(2|two)|"
        r"(no\.?|number|type|form) ?(2|two) (criminal|judicial) (record|background)s?)\b",
        r"第二号|第2号|二号(司法|无犯罪)|2호\s*(사법|범죄)|(사법|범죄)[^?]{0,10}2호",
        "phieu ly lich tu phap so 2",
    ),
    # Visas by a name the law does not use ('golden visa', 'digital nomad visa', 'retirement visa'): Law 47/2014
    # knows visas by purpose and symbol (Art. 8), so the rules of the others are no answer to these.
    (
        r"\b(golden visas?|(digital )?nomad visas?|digital nomads?|retire(ment|e) visas?|pension\w* visas?|"
        r"(thi thuc|visa) (vang|du muc|huu tri|nghi huu|(danh )?cho (nguoi )?(nghi huu|ve huu|du muc)))\b",
        r"黄金签证|黃金簽證|金签|数字游民|數位遊牧|退休签证|退休簽證|养老签证|골든\s*비자|노마드\s*비자|디지털\s*노마드|은퇴\s*비자",
        "thi thuc vang|du muc ky thuat so|thi thuc huu tri",
    ),
    # Whether a labour contract ends when a paper lapses ('the permit expires: is the contract terminated?'): the
    # grounds on which a contract ends are Labour Code Art. 34, not on file (only Art. 150-157, where a contract's
    # end is a ground for the permit's, Art. 156 k2). The paper is named first, the contract's end is asked after
    # it: 'the contract is terminated: what happens to the permit?' is Art. 156's question. A worker who ends it
    # ('employees terminate their contract': they leave) is the sponsor's notice (Law 47/2014 Art. 45 k2 e).
    (
        r"^(?!.*\b(employees?|workers?|staff|he|she|they) (terminat|end|cancel)\w*)"
        r".*\b(permits?|giay phep|gpld|visas?|thi thuc|cards?|the tam tru|expir\w*|het han)\b.*"
        r"\b((employment|labou?r|work) contract\w* (\w+ ){0,4}(terminat\w*|end\w*|cancel\w*)|"
        r"(terminat\w*|end\w*|cancel\w*) (of )?(the |my |his |her |our )?(employment|labou?r) contract|"
        r"hop dong lao dong (\w+ ){0,3}(cham dut|het hieu luc|bi huy|ket thuc))\b",
        r"(许可|許可|签证|簽證|居留|허가|비자|거주증|만료|到期|过期|過期).*((劳动合同|勞動合同|雇佣合同|劳务合同).{0,8}(终止|終止|解除|结束|失效)|"
        r"(근로\s*계약|고용\s*계약).{0,8}(종료|해지|끝나|끝납|소멸))",
        "cac truong hop cham dut hop dong lao dong",
    ),
    # Whether one nation's citizens need a visa or may get an e-visa: Law 47/2014 Art. 12 names the grounds (a
    # treaty, the Government's unilateral decision), Art. 16a the e-visa; the lists of countries are other texts,
    # not on file. But which countries' citizens get an e-visa at all the law says outright: anyone with a passport
    # outside Art. 8 k1-4 (Art. 10 k5 as amended). A case of the exemptions named as well ('American married to a
    # Vietnamese') is that case's question (see papers_with_own_rules).
    (
        rf"^(?=.*\b({_NATION_WORDS}))"
        r"(?!(?=.*\b(which countries|what countries|(nuoc|quoc gia) nao)\b)"
        r"(?=.*\b(e ?visas?|electronic visas?|(thi thuc|visa) dien tu)\b))"
        r"(?=.*\b(visa ?free|visa exempt\w*|visa waiver|(need|require)\w* (a |any )?visas?|"
        r"without (a )?visa|no visa|mien thi thuc|(can|phai) (xin |lam )?(visa|thi thuc)|khong can (visa|thi thuc)|"
        r"e ?visas?|electronic visas?|(thi thuc|visa) dien tu)\b)",
        rf"^(?=.*({_NATION_WORDS_RAW}))(?!(?=.*(哪些国家|哪些國家|哪个国家|어느\s*나라|어떤\s*나라))(?=.*(电子签|電子簽|전자\s*비자)))(?=.*(免签|免簽|需要(办理|辦理)?签证|需要(办理|辦理)?簽證|要签证|要簽證|电子签|電子簽|무비자|전자\s*비자|비자\s*(가\s*|는\s*)?(필요|면제|없이)))",
        "danh sach cac nuoc duoc mien thi thuc",
    ),
    # What a health check examines (tests, X-rays, a drug screen): set by the Ministry of Health, not on file;
    # Decree 219/2025 Art. 18 k2 only asks for a certificate from a qualified clinic.
    (
        r"\b(hiv|aids|hepatitis|viem gan|x ?rays?|x quang|blood tests?|urine tests?|drug (tests?|screen\w*)|"
        r"xet nghiem|(test|kiem tra) ma tuy|(what|which) tests|tests? (are )?(included|done|required)|"
        r"kham (nhung )?(gi|nhung muc nao|nhung hang muc)|hang muc kham)\b",
        r"乙肝|艾滋|HIV|X光|胸透|验血|尿检|毒品检测|体检项目|检查项目|查什么|마약\s*검사|혈액\s*검사|소변\s*검사|엑스레이|"
        r"검사\s*항목|어떤\s*검사",
        "xet nghiem|danh muc kham",
    ),
    # The language a paper is issued in ('in English', '英文版'): no text on file says. Not a translation into
    # Vietnamese (Decree 219/2025 Art. 5) nor an English teacher.
    (
        r"^(?!.*\b(translat\w*|dich|teach\w*|giao vien|giang day)\b).*"
        r"\b(in english|english (version|copy)|bilingual|(ban|bang) tieng anh|song ngu)\b",
        r"^(?!.*(翻译|翻譯|번역|老师|老師|教师|교사|강사)).*(英文|英语版|英語版|用英语|영문|영어로|영어\s*(버전|판))",
        "tieng anh|song ngu",
    ),
)
_OWN_RULE_PATTERNS = _compile_table(_OWN_RULES)
_NO_2_CERTIFICATE = _OWN_RULES[4][2]
_NATION_LIST = _OWN_RULES[7][2]
# The facets on which a paper's own rules differ, where not all do; and asking another to apply for it.
_OWN_RULE_FACETS: dict[str, frozenset[str]] = {
    _NO_2_CERTIFICATE: frozenset({"documents", "validity", "who", "eligibility"}),
}
_FOR_ANOTHER = (re.compile(ON_BEHALF[0]), re.compile(ON_BEHALF[1]))
_FORM_NUMBER = re.compile(r"\bna ?(\d{1,2}[a-z]?)\b")


@lru_cache(maxsize=4096)
def papers_with_own_rules(question: str, facet: str | None = None) -> tuple[tuple[str, ...], ...]:
    """For each such paper the question names, the law's words for it ('e-visa' -> ('thi thuc dien tu',)), when
    its own rules are what the facet asks."""
    asks_for_another = bool(_FOR_ANOTHER[0].search(fold(question)) or _FOR_ANOTHER[1].search(question))
    # An immigration form asked by its number ('NA5', 'mẫu NA8'): answered only where a clause names that form.
    forms = tuple((f"na{number}",) for number in _FORM_NUMBER.findall(fold(question)))
    return forms + tuple(
        tuple(words.split("|"))
        for words in _named(_OWN_RULE_PATTERNS, question)
        if words not in _OWN_RULE_FACETS or facet in _OWN_RULE_FACETS[words] or asks_for_another
        if words != _NATION_LIST or _nation_asked(question)
    )


def _nation_asked(question: str) -> bool:
    """A nation's visa need is what the asking sentences ask (not a nationality said as context: 'I have a German
    passport. Is there a visa exemption for my country?' asks the grounds, Art. 12), and no exempt case is named."""
    asked = " ".join(asking_sentences(question)) or question
    return _NATION_LIST in _named(_OWN_RULE_PATTERNS[7:8], asked) and not cases_asked(question)


# The topic whose fines an act is among, for a question naming the act but no paper ('ở quá hạn 20 ngày').
ACT_TOPICS: dict[str, str] = {
    _ACTS[0][2]: "visa_residence_card",
    _ACTS[1][2]: "work_permit",
    _ACTS[2][2]: "work_permit",
    _ACTS[3][2]: "temporary_residence",
    _ACTS[4][2]: "visa_residence_card",
    _ACTS[5][2]: "work_permit",
    _ACTS[6][2]: "work_permit",
    _ACTS[7][2]: "visa_residence_card",
    _ACTS[8][2]: "visa_residence_card",
    _ACTS[9][2]: "visa_residence_card",
    _ACTS[10][2]: "work_permit",
}
_EMPLOYING_WITHOUT_PERMIT = _ACTS[1][2]
_WORKING_WITHOUT_PERMIT = _ACTS[2][2]
_NOT_DECLARING = _ACTS[3][2]
_REPORTING_ON_WORKERS = _ACTS[10][2]
_ACT_PATTERNS = _compile_table(_ACTS)


@lru_cache(maxsize=4096)
def act_phrases(question: str) -> tuple[str, ...]:
    """The penalty clauses' words for each act the question names, one phrase per act."""
    found = _named(_ACT_PATTERNS, question)
    if _EMPLOYING_WITHOUT_PERMIT in found:  # the employer's act is asked: not also the worker's it contains
        found = [words for words in found if words != _WORKING_WITHOUT_PERMIT]
    if _REPORTING_ON_WORKERS in found:  # 'the report on foreign workers, late' is no guest's late declaration
        found = [words for words in found if words != _NOT_DECLARING]
    return tuple(found)


# Whether one may do something ('có được ... không', 'can a ... sign', '可以...吗', '... 수 있나요'): the deed asked is
# the words after the cue (before it in Korean). A fined act named beside it ('a worker without a permit') is then
# who asks, not what is asked, unless the deed is the act's own working or staying ('can I work without a permit').
_MAY = re.compile(r"\b(can|could|may|allowed to|permitted to|co duoc|duoc phep|co the)\b(?P<deed>[^?]*)")
_MAY_RAW = re.compile(
    r"(可以|能否|能不能|可不可以|能够|还能|還能|是否能)(?P<deed>[^?？]*)|(?P<deed_ko>\S{1,12})\s*수\s*있"
)
# A fine or an expulsion asked in so many words (not only an act's words, which the facet cues read as a penalty
# too: 'quá hạn', '签证过期', '비자 만료').
_PENALTY_WORDS = re.compile(
    r"\b(fine[sd]?|fining|penalt(y|ies)|punish\w*|sanction\w*|deport\w*|xu phat|phat|che tai|truc xuat|xu ly)\b"
)
_PENALTY_WORDS_RAW = re.compile(r"罚|處罰|驱逐|驅逐|遣返|벌금|과태료|처벌|추방|강제\s*출국")
_PAPER_NAMES = re.compile(
    r"\b(work permits?|giay phep( lao dong)?|visas?|thi thuc)\b|工作许可证?|工作許可證?|签证|워크\s*퍼밋|허가증?|비자"
)
# ... or extending the paper whose lapse is the act ('过期的签证可以延期吗?': the overstay's fine answers it).
_WORK_OR_STAY = re.compile(
    r"\b(work\w*|stay\w*|remain\w*|live|lam viec|lam|o lai|o|cu tru|tam tru|extend\w*|extension|renew\w*|gia han)\b"
)
_WORK_OR_STAY_RAW = re.compile(
    r"工作|上班|打工|停留|居留|待|住|延期|延长|(?<!手)续|(?<!手)續|일하|일할|근무|체류|머물|연장|갱신"
)


@lru_cache(maxsize=4096)
def asks_other_deed(question: str) -> bool:
    """The question asks whether one may do a deed other than working or staying ('Người nước ngoài không có giấy
    phép lao động có được mở tài khoản ngân hàng không?'): a fined act it names is no penalty question."""
    folded = _PAPER_NAMES.sub(" ", fold(question))
    found = _MAY.search(folded)
    if found:
        return not _WORK_OR_STAY.search(found.group("deed"))
    raw = _MAY_RAW.search(_PAPER_NAMES.sub(" ", question))
    if raw:
        deed = raw.group("deed") or raw.group("deed_ko") or ""
        return not _WORK_OR_STAY_RAW.search(deed)
    return False


def names_penalty(question: str) -> bool:
    return bool(_PENALTY_WORDS.search(fold(question)) or _PENALTY_WORDS_RAW.search(question))


@lru_cache(maxsize=4096)
def act_words(question: str) -> str:
    """The penalty clauses' words for the acts the question names ('visa expired' -> 'quá thời hạn')."""
    return " ".join(act_phrases(question))


def _sentence_before(unit: Unit, value: dict[str, Any]) -> str:
    text = str(unit.get("text", ""))
    start = value.get("start") if isinstance(value.get("start"), int) else 0
    begin = max(text.rfind(".", 0, start), text.rfind(";", 0, start), text.rfind("\n", 0, start)) + 1
    return text[begin:start]


def _sentence_of(unit: Unit, value: dict[str, Any]) -> str:
    text = str(unit.get("text", ""))
    end = value.get("end") if isinstance(value.get("end"), int) else len(text)
    stop = min((i for i in (text.find(".", end), text.find(";", end)) if i >= 0), default=len(text))
    return _sentence_before(unit, value) + text[value.get("start") or 0 : stop]


def is_validity(unit: Unit, value: dict[str, Any]) -> bool:
    """The duration is how long a paper (permit, card, visa, certificate) is valid or extended for."""
    before = _sentence_before(unit, value)
    end = value.get("end") if isinstance(value.get("end"), int) else None
    after = str(unit.get("text", ""))[end : end + 30] if end is not None else ""
    if _NOT_VALIDITY.search(before + str(value.get("text", ""))):
        return False
    return bool(_VALIDITY_BEFORE.search(before) or _VALIDITY_AFTER.search(after))


def is_authority_time(unit: Unit, value: dict[str, Any]) -> bool:
    """The time limit is the authority's processing time, counted from receiving the file."""
    return bool(_AUTHORITY_TIME.search(_sentence_of(unit, value)))


def is_person_deadline(unit: Unit, value: dict[str, Any]) -> bool:
    """The time limit is one the person must act within (file, declare, notify), not the authority's."""
    if (value.get("norm") or {}).get("immediately"):
        return True
    sentence = _sentence_of(unit, value)
    return bool(_PERSON_ACTS.search(sentence)) and not _AUTHORITY_TIME.search(sentence)


def value_answers(facet: str, unit: Unit, value: dict[str, Any]) -> bool:
    """Whether the value, as its clause words it, answers this facet. A renewal interval ('Định kỳ 10 năm một
    lần ... cấp đổi thẻ', the builder's norm 'every') is the paper's term and when to renew it, nothing else."""
    if (value.get("norm") or {}).get("every"):
        return facet in ("validity", "deadline")
    if facet == "deadline" and value.get("kind") == "duration":
        return False
    if facet == "validity":
        return is_validity(unit, value)
    if facet == "deadline":
        return is_person_deadline(unit, value)
    if facet == "processing_time":
        return not is_intermediate_step(unit, value)
    return True


def is_intermediate_step(unit: Unit, value: dict[str, Any]) -> bool:
    """The time is for a step before the decision ('trong vòng 08 giờ làm việc thông báo ... hồ sơ được tiếp
    nhận hoặc không'), not for getting the paper."""
    return bool(_INTERMEDIATE_STEP.search(_sentence_of(unit, value)))


def delegates_only(unit: Unit) -> bool:
    """'Chính phủ quy định điều kiện, trình tự, thủ tục ...': the clause hands the rule to another text."""
    return _delegates(str(unit.get("text", "")))


@lru_cache(maxsize=8192)
def _delegates(text: str) -> bool:
    return bool(_DELEGATES.match(text.strip()))


@lru_cache(maxsize=4096)
def papers_asked(question: str) -> frozenset[str]:
    """The papers a question names (visa, residence card, permanent card, exemption certificate); a 'permanent
    residence card' ('永久居留证') names the permanent card only, not the temporary one its words contain. In a
    message of several sentences the papers its asking sentences name, not those its context says the asker
    holds ('노동허가가 있고 비자도 있습니다. 거주증을 ...?')."""
    asked = asking_sentences(question)
    return (_papers_named(" ".join(asked)) if asked else frozenset()) or _papers_named(question)


def _papers_named(text: str) -> frozenset[str]:
    folded = _PERMANENT_CARD.sub(" permanent residence ", f"{text.lower()} {fold(text)}")
    return frozenset(paper for paper, cues in _PAPERS.items() if any(cue in folded for cue in cues))


@lru_cache(maxsize=8192)
def _papers_in(title: str, opening: str) -> frozenset[str]:
    heading = fold(f"{title} {opening}")
    return frozenset(
        paper for paper, words in _PAPER_WORDS_IN_LAW.items() if any(word in heading for word in words)
    )


def other_paper(unit: Unit, asked: frozenset[str]) -> bool:
    """The clause's article is about papers the question does not name, while the question names another."""
    if not asked:
        return False
    named = _papers_in(str(unit.get("article_title", "")), str(unit.get("text", ""))[:120])
    return bool(named) and not (named & asked)


def names_paper(unit: Unit, asked: frozenset[str]) -> bool:
    """The clause's article title or opening names one of the papers asked ('Thời hạn thẻ tạm trú')."""
    return bool(_papers_in(str(unit.get("article_title", "")), str(unit.get("text", ""))[:120]) & asked)


@lru_cache(maxsize=4096)
def symbols_asked(question: str) -> frozenset[str]:
    """Visa / card symbols the question names ('Thị thực TT', 'thẻ LĐ1'), read with Đ/D alike."""
    named = frozenset(symbol.replace("Đ", "D") for symbol in _ASKED_SYMBOL.findall(question))
    return named | symbols_named(question)  # 'e-visa' names EV


def symbols_of(unit: Unit) -> frozenset[str]:
    """The symbols a clause sets its rule for ('Thẻ tạm trú có ký hiệu NN1, NN2, ĐT3, TT')."""
    found: set[str] = set()
    for match in _SYMBOL_LIST.finditer(str(unit.get("text", ""))):
        found.update(symbol.replace("Đ", "D") for symbol in _SYMBOL.findall(match.group(1)))
    return frozenset(found)


def symbols_text(unit: Unit, value: dict[str, Any]) -> str | None:
    """The symbols as the clause lists them before the value ('NG3, LV1, LV2,LS, ĐT2 và DH'), if any."""
    found = list(_SYMBOL_LIST.finditer(_sentence_before(unit, value)))
    return found[-1].group(1).strip(" ,") if found else None


def other_symbol(unit: Unit, asked: frozenset[str]) -> bool:
    """The clause is for symbols none of which the question names (while the question names one)."""
    own = symbols_of(unit)
    # 'LĐ' names the family 'LĐ1, LĐ2'; 'LĐ1' names itself.
    return bool(asked) and bool(own) and not any(mine.startswith(named) for mine in own for named in asked)


# A question about a length ('how long', 'bao lâu', '多久', '얼마 동안'), or the paper's period of validity named
# ('validity period', '有效期', '유효기간'), not about when or in which cases a paper ends.
_ASKS_LENGTH = re.compile(
    r"\b(how long|how many (years|months|days)|bao lau|(bao nhieu|may) (nam|thang|ngay)|"
    r"(validity|valid) (period|term|duration)|(period|term|duration) of validity)\b"
)
_ASKS_LENGTH_RAW = re.compile(
    r"多久|多长|多長|几年|幾年|几个月|有效期|얼마\s*동안|얼마나|몇\s*(년|개월)|유효\s*기간"
)


# Whether a paper is still valid after something happens, or what becomes of it ('Công ty giải thể thì giấy phép lao
# động còn hiệu lực không?', 'does my TRC stay valid?', 'what happens to my work permit?', '还有效吗', '어떻게 되나요').
_ASKS_STILL_VALID = re.compile(
    r"\b(still (be )?valid|stays? valid|remains? valid|becomes? (invalid|void)|(be|is|are|get|gets) "
    r"(automatically )?(cancel+ed|revoked|invalidated|void(ed)?)|con (hieu luc|gia tri|dung duoc|duoc dung|su dung duoc)|"
    r"(co )?bi (huy|mat hieu luc|vo hieu)|het hieu luc (khong|chua)|what happens to (my|the|his|her|our|their) |"
    r"(giay phep( lao dong)?|gpld|the tam tru|thi thuc|visa)( cua \w+)? (se )?(the nao|ra sao))\b"
)
_ASKS_STILL_VALID_RAW = re.compile(
    r"仍然有效|还有效|還有效|继续有效|繼續有效|失效吗|失效嗎|作废吗|(여전히|계속|그대로)\s*유효|무효가?\s*되|"
    r"(许可证?|許可證?|签证|簽證|居留卡|居留证)(会|該|该)?(怎么办|怎麼辦|怎么样|会怎样|會怎樣)|(허가|비자|거주증).{0,6}어떻게\s*되"
)
# A clause saying when a paper ends or is withdrawn (Labour Code Art. 156, Decree 219/2025 Art. 30).
_ENDS_A_PAPER = re.compile(r"hết hiệu lực|hết giá trị|không còn giá trị|thu hồi|hủy bỏ|huỷ bỏ|vô hiệu")


def asks_if_still_valid(question: str) -> bool:
    return bool(_ASKS_STILL_VALID.search(fold(question)) or _ASKS_STILL_VALID_RAW.search(question))


def ends_a_paper(unit: Unit) -> bool:
    """The clause or its article's title says when a paper ends or is withdrawn."""
    return bool(_ENDS_A_PAPER.search(f"{unit.get('article_title') or ''} {unit.get('text', '')}"))


def asks_length(question: str) -> bool:
    return bool(_ASKS_LENGTH.search(fold(question)) or _ASKS_LENGTH_RAW.search(question))


def asks_minimum(question: str) -> bool:
    return bool(_ASKS_MINIMUM.search(fold(question)) or _ASKS_MINIMUM_RAW.search(question))


# An article titled as a dossier or as the steps ('Hồ sơ đề nghị cấp giấy xác nhận không thuộc diện ...',
# 'Trình tự, thủ tục ...', 'Giấy tờ chứng minh ...' (the proof papers)) mentions the exempt cases or the
# conditions only on the way: it does not list them.
_DOSSIER_OR_STEPS = re.compile(r"^(Hồ sơ|Thành phần hồ sơ|Giấy tờ chứng minh|Trình tự|Thủ tục)")
_LISTED_ELSEWHERE = frozenset({"exemption", "eligibility"})
# ... and a dossier's article names who must file only on the way ('… phải thực hiện thủ tục cấp giấy phép lao
# động. Hồ sơ … gồm:', Decree 219/2025 Art. 20): who files is said by the steps (Art. 6 k1, 22 k1).
_DOSSIER = re.compile(r"^(Hồ sơ|Thành phần hồ sơ|Giấy tờ chứng minh)")
# An article titled as what the office does with a file ('Tiếp nhận hồ sơ ...', 'Giải quyết hồ sơ ...', 'Trả
# Phiếu ...': Decree 216/2026 Art. 23-25) speaks of the file without listing its papers.
_OFFICE_HANDLING = re.compile(r"^(Tiếp nhận|Giải quyết|Trả|Thẩm định|Xử lý) ")


def titled_for_another_facet(unit: Unit, facet: str) -> bool:
    """The clause's article is titled for another kind of question than the one asked."""
    title = str(unit.get("article_title") or "")
    if facet == "documents":
        return bool(_OFFICE_HANDLING.match(title))
    if facet == "who":
        return bool(_DOSSIER.match(title))
    return facet in _LISTED_ELSEWHERE and bool(_DOSSIER_OR_STEPS.match(title))


def in_first_sentence(text: str, start: int) -> bool:
    """The clause's main rule is its first sentence; a later one ('Đối với giấy khám sức khỏe do cơ sở y tế
    ... của nước ngoài cấp ...', 'Trường hợp ...') narrows it to some cases."""
    return start <= len(re.split(r"\.\s", text, maxsplit=1)[0])


# Who a labour fine is for: the clause (or its point's clause) says 'đối với người sử dụng lao động' or 'đối với
# người lao động nước ngoài'; a question naming the employer asks the employer's fine, otherwise the worker's.
_EMPLOYER_ASKED = re.compile(
    r"\b(employer|employ\w*|hir\w*|compan\w*|business|enterprise|doanh nghiep|cong ty|nguoi su dung lao dong|"
    r"su dung (nguoi )?lao dong)\b"
)
_EMPLOYER_ASKED_RAW = re.compile(r"雇|公司|企业|企業|用人单位|고용|회사|기업|사업주")
_FINES_EMPLOYER = re.compile(r"đối với người sử dụng lao động")
_FINES_WORKER = re.compile(r"đối với người lao động nước ngoài")


def employer_asked(question: str) -> bool:
    return bool(_EMPLOYER_ASKED.search(fold(question)) or _EMPLOYER_ASKED_RAW.search(question))


def fined_party(text: str) -> str | None:
    """'employer' or 'worker' when the penalty clause's words say whom it fines."""
    if _FINES_EMPLOYER.search(text):
        return "employer"
    if _FINES_WORKER.search(text):
        return "worker"
    return None
