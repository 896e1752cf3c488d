"""Real questions copied word for word from public sources, with the facts a correct answer holds.

Expected facts come from the texts on file in /work/shared (law in force on 2026-12-01), never from
this project's answers. Fact bundles below are shared by questions that ask the same thing; each
names the article/clause that says it (``basis``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def rng(low: int, high: int) -> list[str]:
    """Spellings of a fine range of ``low``-``high`` million dong (EN and VI, several number styles)."""
    lo_dot, hi_dot = f"{low}.000.000", f"{high}.000.000"
    lo_com, hi_com = f"{low},000,000", f"{high},000,000"
    return [
        f"{lo_dot} đến {hi_dot}",
        f"{lo_dot} - {hi_dot}",
        f"{lo_dot} đồng đến {hi_dot}",
        f"{lo_com} to {hi_com}",
        f"{lo_com} - {hi_com}",
        f"{lo_com} and {hi_com}",
        f"{low}-{high} million",
        f"{low} to {high} million",
        f"{low} million to {high} million",
        f"{low} and {high} million",
        f"{low} million and {high} million",
        f"{low}-{high} triệu",
        f"{low} đến {high} triệu",
        f"{low} triệu đến {high} triệu",
        f"{low} - {high} triệu",
        f"vnd {low}-{high} million",
        f"{low}–{high} million",
        f"{low}-{high}百万",
        f"{low}百万至{high}百万",
        f"{low}00万至{high}00万",
        f"{low}00万-{high}00万",
        f"{low}00만~{high}00만",
        f"{low}00만 ~ {high}00만",
        f"{low}00만-{high}00만",
        f"{low}백만~{high}백만",
        f"{low}00만 동에서 {high}00만",
    ]


TWO_YEARS = ["2 năm", "02 năm", "2 years", "two years", "hai năm", "2 year", "2年", "两年", "2년"]
ONCE = ["một lần", "1 lần", "01 lần", "once", "one time", "一次", "1次", "한 번", "1회"]
PASSPORT = ["hộ chiếu", "passport", "护照", "여권"]
HEALTH_CERT = [
    "giấy khám sức khỏe",
    "giấy chứng nhận sức khỏe",
    "health certificate",
    "medical certificate",
    "health check certificate",
    "健康证明",
    "体检证明",
    "건강진단서",
    "건강검진",
]
CRIM_REC = [
    "lý lịch tư pháp",
    "criminal record",
    "judicial record",
    "无犯罪记录",
    "犯罪记录",
    "범죄경력",
    "범죄 경력",
]
PHOTOS = [
    "02 ảnh",
    "2 ảnh",
    "ảnh màu",
    "2 photos",
    "two photos",
    "2 colour photos",
    "2 color photos",
    "4 cm x 6 cm",
    "4x6",
    "4 x 6 cm",
    "照片",
    "사진",
]
SIX_MONTHS = ["6 tháng", "06 tháng", "6 months", "six months", "6个月", "六个月", "6개월"]
TWELVE_MONTHS = ["12 tháng", "12 months", "twelve months", "12个月", "12개월"]
TWELVE_HOURS = ["12 giờ", "12 hours", "12 tiếng", "12-hour", "12h", "12小时", "12시간"]
ACCOMMODATION = [
    "cơ sở lưu trú",
    "accommodation establishment",
    "accommodation provider",
    "lodging establishment",
    "người trực tiếp quản lý",
    "person who runs",
    "person managing",
    "manager of the",
    "chủ nhà",
    "landlord",
    "host",
    "住宿",
    "숙박시설",
    "집주인",
]
PRIVATE_HOME = ["nhà riêng", "private home", "private house", "private residence"]
WARD_POLICE = [
    "công an xã",
    "công an phường",
    "công an cấp xã",
    "commune police",
    "ward police",
    "commune/ward police",
    "ward/commune police",
    "commune or ward police",
    "local police",
    "đồn, trạm công an",
    "police station",
    "公安",
    "경찰",
]
ONLINE_OR_PAPER = [
    ["điện tử", "electronic", "online", "trực tuyến", "website", "网上", "电子", "온라인", "전자"],
    ["phiếu khai báo", "paper form", "declaration form", "na17", "纸质", "서면", "신고서"],
]
FIVE_WD_SIX = [
    "05 ngày làm việc",
    "5 ngày làm việc",
    "5 working days",
    "five working days",
    "5个工作日",
    "5 영업일",
]
FIVE_WD = [*FIVE_WD_SIX, "근무일 5일"]  # the stay-extension bundle (stay_extend) names the first six only
PROC_10WD = [
    "10 ngày làm việc",
    "10 working days",
    "ten working days",
    "10个工作日",
    "10 영업일",
    "근무일 10일",
]
PSC = [
    "trung tâm phục vụ hành chính công",
    "public administrative service centre",
    "public administrative service center",
    "public administration service centre",
    "public administration service center",
    "public service centre",
    "public service center",
    "行政服务中心",
    "공공행정서비스센터",
    "행정서비스센터",
]
PROVINCE_UBND = [
    "ủy ban nhân dân cấp tỉnh",
    "ubnd cấp tỉnh",
    "ubnd tỉnh",
    "provincial people's committee",
    "provincial people’s committee",
    "省人民委员会",
    "성 인민위원회",
]
DOUBLE = ["02 lần", "2 lần", "gấp đôi", "double", "twice", "two times", "两倍", "2倍", "2배", "두 배"]
DEPORT = ["trục xuất", "deport", "expel", "expulsion", "驱逐", "추방"]
UNDER_90 = ["dưới 90 ngày", "90 ngày", "90 days", "90天", "90일"]
THREE_BILLION = [
    "3 tỷ",
    "03 tỷ",
    "3.000.000.000 đồng",
    "3 billion",
    "vnd 3,000,000,000",
    "3,000,000,000 vnd",
    "30亿",
    "30억",
]
MARRIED = [
    "kết hôn với người việt nam",
    "married to a vietnamese",
    "vietnamese spouse",
    "married to vietnamese",
    "与越南人结婚",
    "베트남인과 결혼",
]
AGE18 = ["18 tuổi", "18 years", "18岁", "18세"]
RESIDED = [
    "đã hoặc đang cư trú",
    "have resided or are residing",
    "has resided or is residing",
    "resided in viet nam",
    "resided in vietnam",
    "residing in vietnam",
    "residing in viet nam",
]
THREE_YEARS = ["03 năm", "3 năm", "3 years", "three years", "3年", "三年", "3년"]
THREE_WORKING_DAYS = [
    "03 ngày làm việc",
    "3 ngày làm việc",
    "3 working days",
    "three working days",
    "3个工作日",
    "3 영업일",
]
FIVE_YEARS = ["5 năm", "05 năm", "5 years", "five years", "5年", "五年", "5년"]
IMMIGRATION = ["cơ quan quản lý xuất nhập cảnh", "immigration", "出入境", "출입국"]
WORK_PERMIT = ["giấy phép lao động", "work permit", "工作许可", "노동허가", "워크퍼밋"]
FINE_500K_2M = [
    "500.000 đến 2.000.000",
    "500.000 - 2.000.000",
    "500.000 đồng đến 2.000.000",
    "500,000 to 2,000,000",
    "500,000 - 2,000,000",
    "500,000-2,000,000",
    "500 nghìn đến 2 triệu",
    "500 ngàn đến 2 triệu",
    "0.5-2 million",
    "0.5 to 2 million",
    "500.000-2.000.000",
]
FINE_300K_500K = [
    "300.000 đến 500.000",
    "300.000 - 500.000",
    "300.000 đồng đến 500.000",
    "300,000 to 500,000",
    "300,000-500,000",
    "300,000 - 500,000",
    "300 nghìn đến 500 nghìn",
    "300.000-500.000",
]
CARRY_PASSPORT = [
    "mang theo hộ chiếu",
    "carry a passport",
    "carry their passport",
    "carry your passport",
    "carry the passport",
    "携带护照",
    "여권을 소지",
]
NOT_SUBJECT_TO_WP = [
    "không thuộc diện cấp giấy phép lao động",
    "miễn giấy phép lao động",
    "not subject to a work permit",
    "exempt from a work permit",
    "exempt from work permit",
    "work permit exemption",
]
CR_POLICE = ["bộ công an", "công an", "police", "ministry of public security", "公安", "경찰"]
CR_ONLINE = [
    "ứng dụng định danh quốc gia",
    "vneid",
    "national identity app",
    "national identification app",
    "cổng dịch vụ công quốc gia",
    "national public service portal",
    "national public-service portal",
]

P_NA = "282/2025/NĐ-CP"
LAW47 = "47/2014/QH13"
ND219 = "219/2025/NĐ-CP"
BLLD = "45/2019/QH14"
ND283 = "283/2026/NĐ-CP"
ND216 = "216/2026/NĐ-CP"
LLTP = "28/2009/QH12"
TT53 = "53/2016/TT-BCA"

# (facts, sources, basis) per thing asked
B: dict[str, tuple[list[list[str]], list[str], str]] = {
    "tr_fine_host": (
        [rng(3, 5)],
        [P_NA],
        "282/2025 Art 21(3)(e) (1-3 foreigners); Art 5(2) organisations x2",
    ),
    "tr_fine_scale": (
        [rng(3, 5), rng(10, 15), rng(15, 20)],
        [P_NA],
        "282/2025 Art 21(3)(e), 21(5)(c), 21(6)(đ)",
    ),
    "tr_deadline": (
        [TWELVE_HOURS],
        [LAW47, TT53],
        "Law 47/2014 Art 33(2) as amended 2023 (paper); TT 53/2016 Art 5",
    ),
    "tr_who": ([ACCOMMODATION], [LAW47], "Law 47/2014 Art 33(1) as amended 2023"),
    "tr_where": ([WARD_POLICE], [LAW47], "Law 47/2014 Art 33(1) as amended 2023"),
    "tr_how": (ONLINE_OR_PAPER, [LAW47, TT53], "Law 47/2014 Art 33(2) as amended 2023; TT 53/2016 Art 3"),
    "tr_docs": (
        [PASSPORT],
        [LAW47],
        "Law 47/2014 Art 33(1) as amended 2023 (establishment sees the passport)",
    ),
    "tr_who_where": ([ACCOMMODATION, WARD_POLICE], [LAW47], "Law 47/2014 Art 33(1) as amended 2023"),
    "tr_move": ([ACCOMMODATION], [LAW47], "Law 47/2014 Art 33(3): re-declare when moving / passport changes"),
    "wp_valid": ([TWO_YEARS], [ND219, BLLD], "Decree 219/2025 Art 21(1); Labour Code Art 155"),
    "wp_extend": ([TWO_YEARS, ONCE], [ND219, BLLD], "Decree 219/2025 Art 29; Labour Code Art 155"),
    "wp_ext_deadline": (
        [["45 ngày", "45 days", "45天", "45일"], ["10 ngày", "10 days", "10天", "10일"]],
        [ND219],
        "Decree 219/2025 Art 28(1)",
    ),
    "wp_time": ([PROC_10WD], [ND219], "Decree 219/2025 Art 22(3)"),
    "wp_file_deadline": (
        [["60 ngày", "60 days", "60天", "60일"], ["10 ngày", "10 days", "10天", "10일"]],
        [ND219],
        "Decree 219/2025 Art 22(1)",
    ),
    "wp_where": ([PSC], [ND219], "Decree 219/2025 Art 22(1); Art 4(1) provincial People's Committee decides"),
    "wp_docs": ([HEALTH_CERT, CRIM_REC, PASSPORT, PHOTOS], [ND219], "Decree 219/2025 Art 18(2)-(5)"),
    "wp_ext_docs": ([HEALTH_CERT, PASSPORT, PHOTOS], [ND219], "Decree 219/2025 Art 27"),
    "wp_elig": ([AGE18, ["sức khỏe", "health", "健康", "건강"]], [BLLD], "Labour Code 45/2019 Art 151(1)"),
    "wp_fine_worker": ([rng(15, 25)], [ND283], "Decree 283/2026 Art 13(3)(a)"),
    "wp_fine_worker_deport": ([rng(15, 25), DEPORT], [ND283, BLLD], "Decree 283/2026 Art 13(3)(a), 13(6)(b)"),
    "wp_fine_employer": (
        [rng(30, 45), DOUBLE],
        [ND283],
        "Decree 283/2026 Art 13(5)(a); Art 7(1) organisations x2",
    ),
    "wp_exempt_90": ([UNDER_90], [ND219], "Decree 219/2025 Art 7(13)(a)"),
    "wp_exempt_investor": (
        [THREE_BILLION],
        [ND219],
        "Decree 219/2025 Art 7(2), 7(3); Labour Code Art 154(1)-(2)",
    ),
    "wp_exempt_married": ([MARRIED], [BLLD, ND219], "Labour Code Art 154(8); Decree 219/2025 Art 7(1)"),
    "wp_exempt_general": (
        [THREE_BILLION, UNDER_90],
        [ND219, BLLD],
        "Decree 219/2025 Art 7; Labour Code Art 154",
    ),
    "wp_crim_age": (
        [SIX_MONTHS],
        [ND219],
        "Decree 219/2025 Art 18(4): issued no more than 6 months before filing",
    ),
    "wp_crim_either": (
        [CRIM_REC, SIX_MONTHS],
        [ND219],
        "Decree 219/2025 Art 18(4): Vietnamese or foreign, <= 6 months",
    ),
    "wp_health_foreign": (
        [TWELVE_MONTHS],
        [ND219],
        "Decree 219/2025 Art 18(2): foreign certificate, treaty, <= 12 months",
    ),
    "wp_health_needed": ([HEALTH_CERT], [ND219], "Decree 219/2025 Art 18(2)"),
    "cr_where": (
        [CR_POLICE],
        [ND216],
        "Decree 216/2026 Art 22(5), 22(6)(b)",
    ),
    "cr_online": (
        [CR_ONLINE],
        [ND216],
        "Decree 216/2026 Art 22(1)(a)",
    ),
    "cr_right": ([RESIDED], [LLTP], "Law 28/2009 Art 7(1)"),
    "cr_left": (
        [["bộ công an", "ministry of public security", "公安部", "공안부"]],
        [ND216],
        "Decree 216/2026 Art 22(6)(b): after leaving, file with the Ministry of Public Security",
    ),
    "trc_lđ": ([TWO_YEARS], [LAW47], "Law 47/2014 Art 38(5) as amended: LĐ1/LĐ2 cards up to 2 years"),
    "trc_time": (
        [["05 ngày làm việc", "5 ngày làm việc", "5 working days", "five working days"]],
        [LAW47],
        "Law 47/2014 Art 37(2)(c) as amended",
    ),
    "trc_docs": (
        [PASSPORT, ["tờ khai", "declaration form", "application form", "na8"]],
        [LAW47],
        "Law 47/2014 Art 37(1) as amended",
    ),
    "overstay_16": ([rng(5, 10)], [P_NA], "282/2025 Art 21(4)(b): 16 to under 30 days"),
    "overstay_gen": (
        [FINE_500K_2M],
        [P_NA],
        "282/2025 Art 21(2)(đ) (under 16 days: 0.5-2 million), then graded up to Art 21(10)(e) (1 year or more)",
    ),
    "stay_term": (
        [
            [
                "bằng thời hạn thị thực",
                "equal to the visa",
                "same as the visa",
                "visa's validity",
                "validity of the visa",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 31(1)(a) as amended: stay granted equals visa validity (DL over 30 days: 30 days)",
    ),
    "work_no_permit_foreigner_282": (
        [rng(15, 20)],
        [P_NA],
        "282/2025 Art 21(6)(a): working without permission",
    ),
    "wp_employer_cond": (
        [
            ["quản lý", "manager", "management"],
            ["chuyên gia", "expert"],
            ["lao động kỹ thuật", "technical worker", "technician"],
        ],
        [BLLD],
        "Labour Code Art 152(1)-(2): only managers, executives, experts, technical workers; approval",
    ),
    "wp_exempt_cert_docs": ([HEALTH_CERT, PASSPORT, PHOTOS], [ND219], "Decree 219/2025 Art 8"),
    "wp_exempt_cert_time": (
        [["05 ngày làm việc", "5 ngày làm việc", "5 working days", "five working days"]],
        [ND219],
        "Decree 219/2025 Art 9(3)",
    ),
    "hc_where": (
        [
            [
                "cơ sở khám bệnh, chữa bệnh có đủ điều kiện",
                "qualified health facility",
                "qualified medical facility",
                "eligible health facility",
                "eligible medical facility",
                "licensed medical facility",
                "qualified clinic",
                "合格的医疗机构",
                "자격을 갖춘 의료기관",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 18(2): certificate from a qualified health facility (list: Circular 32/2023, not on file)",
    ),
    "wp_after_ext": (
        [
            [
                "cấp giấy phép lao động",
                "new work permit",
                "new permit",
                "apply for a new",
                "cấp mới",
                "新的工作许可",
                "새 노동허가",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 20(3): after the extension, a new permit",
    ),
    "tourist_work": (
        [WORK_PERMIT],
        [BLLD, LAW47],
        "Labour Code Art 151(1)(d); Law 47/2014 Art 44(2) (act per the purpose of entry)",
    ),
    "trc_who": (
        [["lđ1", "lđ2", "ld1", "ld2", "lđ", "ld visa"]],
        [LAW47],
        "Law 47/2014 Art 36(1) as amended: cards for LV1, LV2, LS, ĐT1-3, NN1, NN2, DH, PV1, LĐ1, LĐ2, TT",
    ),
    "trc_what": (
        [
            [
                "thay thị thực",
                "in lieu of a visa",
                "instead of a visa",
                "replaces a visa",
                "replace a visa",
                "in place of a visa",
                "代替签证",
                "替代签证",
                "代替簽證",
                "비자를 대신",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 3(13)",
    ),
    "trc_terms": (
        [TWO_YEARS, ["5 năm", "05 năm", "5 years", "five years"]],
        [LAW47],
        "Law 47/2014 Art 38 as amended (ĐT1 10 y; NG3, LV1, LV2, LS, ĐT2, DH 5 y; NN1, NN2, ĐT3, TT 3 y; LĐ1, LĐ2, PV1 2 y)",
    ),
    "trc_max": (
        [["10 năm", "10 years", "ten years", "ĐT1", "dt1"]],
        [LAW47],
        "Law 47/2014 Art 38(2) as amended: ĐT1 up to 10 years",
    ),
    "trc_5y": (
        [["5 năm", "05 năm", "5 years", "five years"]],
        [LAW47],
        "Law 47/2014 Art 38(3) as amended (NG3, LV1, LV2, LS, ĐT2, DH)",
    ),
    "visa_investor": (
        [["5 năm", "05 năm", "5 years", "five years"]],
        [LAW47],
        "Law 47/2014 Art 9(6) as amended: LS, ĐT1, ĐT2 up to 5 years (ĐT3 3 y, ĐT4 1 y)",
    ),
    "visa_tt": (
        [["vợ, chồng, con", "spouse", "con dưới 18 tuổi", "children under 18"]],
        [LAW47],
        "Law 47/2014 Art 8(18) as amended: TT for spouses/children under 18 of LV1..LĐ2 holders or relatives of Vietnamese citizens",
    ),
    "passport_6m": (
        [SIX_MONTHS],
        [LAW47],
        "Law 47/2014 Art 20(1)(a) as amended: unilateral visa exemption needs passport valid >= 6 months",
    ),
    "prc_exchange": (
        [
            ["công an tỉnh", "provincial police", "provincial public security"],
            ["10 năm", "10 years", "ten years"],
        ],
        [LAW47],
        "Law 47/2014 Art 43(1) (2014 wording, not flagged as amended)",
    ),
    "tr_who_docs": ([ACCOMMODATION, PASSPORT], [LAW47], "Law 47/2014 Art 33(1) as amended 2023"),
    "wp_reissue_time": (
        [THREE_WORKING_DAYS],
        [ND219],
        "Decree 219/2025 Art 25(3): re-issue within 3 working days",
    ),
    "wp_reissue_cases": (
        [["bị mất", "lost", "丢失", "분실"], ["hư hỏng", "bị hỏng", "damaged", "损坏", "훼손"]],
        [ND219],
        "Decree 219/2025 Art 23: lost or damaged, or change of name, nationality, passport number, employer name",
    ),
    "wp_why": (
        [["trục xuất", "buộc xuất cảnh", "deport", "expel", "forced to leave"]],
        [BLLD],
        "Labour Code Art 151(1)(d), Art 153(2): working without a permit -> forced exit or deportation",
    ),
    "wp_legalise": (
        [
            [
                "hợp pháp hóa lãnh sự",
                "consular legali",
                "legalised by",
                "legalized by",
                "领事认证",
                "영사확인",
                "영사 확인",
            ],
            [
                "dịch ra tiếng việt",
                "translated into vietnamese",
                "vietnamese translation",
                "翻译成越南语",
                "베트남어로 번역",
            ],
        ],
        [ND219],
        "Decree 219/2025 Art 5(1)-(2): consular legalisation unless exempt, Vietnamese translation certified",
    ),
    "tr_establishment": (
        [
            PRIVATE_HOME,
            ["cơ sở lưu trú du lịch", "tourist accommodation", "hotel", "khách sạn"],
        ],
        [LAW47],
        "Law 47/2014 Art 32 (2014 wording, not amended): accommodation establishments include private homes",
    ),
    "tr_private_home": (
        [PRIVATE_HOME, WARD_POLICE],
        [LAW47],
        "Law 47/2014 Art 32 (private homes are accommodation establishments), Art 33(1) as amended",
    ),
    "no_passport_fine": (
        [FINE_300K_500K],
        [P_NA],
        "282/2025 Art 21(1): warning or 300,000-500,000 for travelling without the passport",
    ),
    "tr_fine_9plus": (
        [rng(15, 20)],
        [P_NA],
        "282/2025 Art 21(6)(đ): 9 or more foreigners not declared; Art 5(2) x2",
    ),
    "wp_change_employer": (
        [
            [
                "cấp giấy phép lao động",
                "new work permit",
                "new permit",
                "apply for a work permit",
                "cấp mới",
                "thủ tục cấp giấy phép",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 20(1)-(2): another employer or a new position -> work permit procedure again",
    ),
    "prc_sponsor": (
        [
            [
                "cha, mẹ, vợ, chồng, con",
                "parent, spouse or child",
                "parents, spouse or children",
                "father, mother, spouse",
                "bảo lãnh",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 39(3) (2014 wording, not flagged as amended): sponsored by a Vietnamese parent, spouse or child",
    ),
    "wp_invalid": (
        [
            ["hết thời hạn", "expires", "expiry", "expired", "到期", "만료"],
            [
                "chấm dứt hợp đồng lao động",
                "labour contract ends",
                "labor contract ends",
                "contract is terminated",
                "termination of the labour contract",
                "termination of the labor contract",
                "劳动合同终止",
                "근로계약 종료",
            ],
        ],
        [BLLD],
        "Labour Code Art 156(1)-(2) (and (3)-(8))",
    ),
    "wp_revoke": (
        [
            ["hết hiệu lực", "ceases to be valid", "no longer valid", "becomes invalid"],
            ["truy cứu trách nhiệm hình sự", "criminal prosecution", "prosecuted", "criminally liable"],
        ],
        [ND219],
        "Decree 219/2025 Art 30(1)-(3)",
    ),
    "stay_extend": (
        [
            ["mời, bảo lãnh", "bảo lãnh", "sponsor", "inviting", "担保", "邀请", "초청", "보증"],
            FIVE_WD_SIX,
        ],
        [LAW47],
        "Law 47/2014 Art 35 (2014 wording, not flagged as amended): the inviting/sponsoring party files; 5 working days",
    ),
    "prc_cond": (
        [
            [
                "chỗ ở hợp pháp",
                "legal residence",
                "lawful residence",
                "legal accommodation",
                "lawful accommodation",
                "legal place of residence",
                "合法住所",
                "合法的住所",
                "합법적인 거주지",
            ],
            ["thu nhập ổn định", "stable income", "稳定收入", "稳定的收入", "안정적인 수입"],
        ],
        [LAW47],
        "Law 47/2014 Art 39-40 (2014 wording, not flagged as amended): lawful residence and stable income; "
        "sponsored by a Vietnamese relative needs 3 years of continuous temporary residence",
    ),
    "overstay_max": (
        [rng(30, 40)],
        [P_NA],
        "282/2025 Art 21(9)(e): overstaying 1 year or more, 30-40 million",
    ),
    "wp_expert": (
        [
            ["bằng đại học", "đại học", "university degree", "bachelor", "学士", "大学", "학사", "대학"],
            TWO_YEARS,
        ],
        [ND219],
        "Decree 219/2025 Art 3(3)(a): expert = university degree or equivalent and at least 2 years of relevant experience "
        "(1 year in priority fields, Art 3(3)(b)); education experts also need the qualification standard, Art 18(6)(đ)",
    ),
    "wp_no_degree": (
        [
            [
                "lao động kỹ thuật",
                "technical worker",
                "technician",
                "技术工人",
                "技术人员",
                "기술 인력",
                "기술자",
            ],
            ["3 năm", "03 năm", "3 years", "three years", "3年", "三年", "3년"],
        ],
        [ND219],
        "Decree 219/2025 Art 3(4): technical worker = 1 year of training and 2 years of experience, or 3 years of experience",
    ),
    # --- bundles added with batch 2
    "wp_form": (
        [
            [
                "mẫu số 03",
                "mẫu 03",
                "form no. 03",
                "form no.03",
                "form 03",
                "form no. 3",
                "03号表",
                "양식 제03호",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 18(1): the employer's demand report and application on Form No. 03 of the Appendix",
    ),
    "wp_authority": (
        [PROVINCE_UBND],
        [ND219],
        "Decree 219/2025 Art 4(1)-(2): the provincial People's Committee issues, re-issues, extends, revokes (may delegate)",
    ),
    "wp_exempt_cert_proc": (
        [PSC, FIVE_WD],
        [ND219],
        "Decree 219/2025 Art 9(1), 9(3): filed at the public administrative service centre, decided in 5 working days",
    ),
    "harbour_illegal": (
        [rng(30, 40)],
        [P_NA],
        "282/2025 Art 21(9)(d): helping, harbouring or enabling others to stay in Viet Nam illegally (short of a crime)",
    ),
    "exit_ban_term": (
        [["03 năm", "3 năm", "3 years", "three years", "3年", "3년"]],
        [LAW47],
        "Law 47/2014 Art 28(3) (2014 wording, not flagged as amended): exit suspension up to 3 years, extendable",
    ),
    "exit_ban_cases": (
        [
            ["bị can, bị cáo", "bị can", "accused", "defendant", "criminal case"],
            ["nộp thuế", "tax"],
        ],
        [LAW47],
        "Law 47/2014 Art 28(1) (2014 wording, not flagged as amended)",
    ),
    "visa_border_docs": (
        [PASSPORT, ["tờ khai", "declaration form", "application form", "申请表", "신청서"]],
        [LAW47],
        "Law 47/2014 Art 18(2) (2014 wording, not flagged as amended): passport and a visa application form with photo",
    ),
    "trc_vs_passport": (
        [["30 ngày", "30 days", "30天", "30일"]],
        [LAW47],
        "Law 47/2014 Art 38(1) as amended: the card ends at least 30 days before the passport does",
    ),
    "prc_10y": (
        [["10 năm", "10 years", "ten years", "10年", "10년"]],
        [LAW47],
        "Law 47/2014 Art 43(1) (2014 wording): the permanent residence card is exchanged every 10 years",
    ),
    "visa_exempt_cases": (
        [
            ["điều ước quốc tế", "international treaty", "treaty", "国际条约", "국제조약"],
            ["thẻ tạm trú", "temporary residence card", "暂住卡", "临时居留卡", "거주증"],
        ],
        [LAW47],
        "Law 47/2014 Art 12 as amended 2019: treaty, residence cards, border economic zones, coastal zones, Art 13, overseas Vietnamese",
    ),
    "trc_proc": (
        [IMMIGRATION, FIVE_WD],
        [LAW47],
        "Law 47/2014 Art 37(2)(b)-(c) as amended: the sponsor files at the immigration office; 5 working days",
    ),
    "wp_reissued_term": (
        [
            [
                "trừ đi thời gian",
                "minus the time",
                "remaining term",
                "remaining validity",
                "remainder of the",
                "减去",
                "剩余",
                "減去",
                "剩餘",
                "남은 기간",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 26: a re-issued permit runs for the original term minus the time already worked",
    ),
    "visa_investor_docs": (
        [
            [
                "giấy tờ chứng minh việc đầu tư",
                "proof of investment",
                "proving the investment",
                "proving investment",
                "evidence of investment",
            ],
            ["ĐT1", "dt1", "ĐT4", "dt4"],
        ],
        [LAW47],
        "Law 47/2014 Art 10(4)(a) and Art 8(7a)-(7d) as amended 2019: investors prove the investment; ĐT1-ĐT4 by capital",
    ),
    "wp_after_issue": (
        [["hợp đồng lao động", "labour contract", "labor contract", "employment contract"]],
        [ND219],
        "Decree 219/2025 Art 22(4): sign a written labour contract before the start date; send a copy when asked",
    ),
    "wp_contract_term": (
        [
            [
                "không được vượt quá thời hạn của giấy phép lao động",
                "not exceed the term of the work permit",
                "not exceed the work permit",
                "cannot exceed the work permit",
                "may not exceed the term of the work permit",
                "no longer than the work permit",
            ],
            ["xác định thời hạn", "fixed-term", "fixed term", "definite term"],
        ],
        [BLLD],
        "Labour Code 45/2019 Art 151(2): the contract may not outlast the work permit; several fixed-term contracts allowed",
    ),
    "visa_conditions": (
        [PASSPORT, ["mời, bảo lãnh", "bảo lãnh", "invit", "sponsor", "邀请", "担保", "초청"]],
        [LAW47],
        "Law 47/2014 Art 10(1)-(2) as amended 2019: a passport and an inviting or sponsoring party in Viet Nam",
    ),
    "trc_where": (
        [IMMIGRATION],
        [LAW47],
        "Law 47/2014 Art 37(2)(b) as amended: the sponsor files at the immigration office where it is based",
    ),
    "wp_forms": (
        [
            ["hợp đồng lao động", "labour contract", "labor contract", "employment contract"],
            [
                "di chuyển trong nội bộ doanh nghiệp",
                "intra-company",
                "internal secondment",
                "within an enterprise",
                "internal transfer",
            ],
        ],
        [ND219],
        "Decree 219/2025 Art 2(1)(a)-(m): labour contract, intra-company transfer, contracts, services, volunteers, ...",
    ),
    "tr_docs_how": (
        [PASSPORT, *ONLINE_OR_PAPER],
        [LAW47, TT53],
        "Law 47/2014 Art 33(1)-(2) as amended 2023 (the establishment sees the passport; electronic or paper form); "
        "TT 53/2016 Art 3",
    ),
    "visa_work": (
        [WORK_PERMIT],
        [LAW47],
        "Law 47/2014 Art 10(4)(c) as amended 2019: a visa to enter for work needs a work permit under the Labour Code",
    ),
    "wp_proc": (
        [PSC, PROC_10WD],
        [ND219],
        "Decree 219/2025 Art 22(1), 22(3): the employer files at the public administrative service centre; 10 working days",
    ),
    # --- bundles added with batch 3
    "q3a_trc_vs_prc": (
        [
            [
                "không thời hạn",
                "indefinite",
                "without a time limit",
                "no time limit",
                "无期限",
                "无限期",
                "無期限",
                "기한 없이",
                "무기한",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 3(13)-(14): the temporary residence card allows residence for a set period, "
        "the permanent residence card without time limit; both are valid in lieu of a visa",
    ),
    "q3a_visa_types": (
        [
            ["du lịch", "tourism", "tourist", "旅游", "旅遊", "관광"],
            ["lao động", "labour", "labor", "劳动", "勞動", "노동"],
        ],
        [LAW47],
        "Law 47/2014 Art 8 as amended 2019: visa symbols by purpose (DL tourism, LĐ1/LĐ2 labour, DN1/DN2 business, "
        "ĐT1-ĐT4 investment, TT family, ...)",
    ),
    "q3a_cr_right": (
        [
            [
                *RESIDED,
                "已经或正在越南居住",
                "曾经或正在越南居住",
                "已经或正在居住",
                "曾在越南居住",
                "거주했거나 거주 중인",
                "거주하였거나 거주하고 있는",
            ]
        ],
        [LLTP],
        "Law 28/2009 Art 7(1): Vietnamese citizens and foreigners who have resided or are residing in Viet Nam",
    ),
    "q3a_visa_investor": (
        [FIVE_YEARS, ["ĐT1"]],
        [LAW47],
        "Law 47/2014 Art 8(7a)-(7d) and Art 9(4), 9(6) as amended 2019: ĐT1-ĐT4 by capital contributed; "
        "LS, ĐT1, ĐT2 visas up to 5 years, ĐT4 up to 1 year",
    ),
    "q3a_entry_ban": (
        [[*DEPORT, "驅逐"], THREE_YEARS],
        [LAW47],
        "Law 47/2014 Art 21(5)-(6) (2014 wording, not flagged as amended): entry refused within 3 years of a "
        "deportation or 6 months of a forced exit; also forged papers (Art 21(3))",
    ),
    "q3a_prc_who": (
        [
            [
                "cha, mẹ, vợ, chồng, con",
                "parent, spouse or child",
                "parents, spouse or children",
                "father, mother, spouse",
                "spouse",
                "配偶",
                "배우자",
            ],
            ["nhà khoa học", "scientist", "科学家", "과학자"],
        ],
        [LAW47],
        "Law 47/2014 Art 39 (2014 wording, not flagged as amended): state-honoured contributors, scientists and "
        "experts residing temporarily, foreigners sponsored by a Vietnamese parent, spouse or child residing "
        "permanently, stateless persons resident since 2000",
    ),
    "q3a_prc_3y": (
        [THREE_YEARS],
        [LAW47],
        "Law 47/2014 Art 39(3), 40(1), 40(3) (2014 wording): sponsored by a Vietnamese parent, spouse or child "
        "residing permanently; lawful residence, stable income and 3 years of continuous temporary residence",
    ),
    "q3a_prc_docs": (
        [
            IMMIGRATION,
            CRIM_REC,
            ["công hàm", "diplomatic note"],
        ],
        [LAW47],
        "Law 47/2014 Art 41(1) (2014 wording): filed at the immigration authority with an application, a criminal "
        "record from the home country, a diplomatic note, a certified passport copy, proof of the Art 40 conditions "
        "and, for a sponsored foreigner, the sponsor's guarantee",
    ),
    "q3a_cr_types": (
        [
            ["số 1", "no. 1", "no.1", "number 1", "form 1", "第一号", "1호"],
            ["số 2", "no. 2", "no.2", "number 2", "form 2", "第二号", "2호"],
        ],
        [LLTP],
        "Law 28/2009 Art 41-43: certificates No. 1 and No. 2 (contents in Art 42(1), 43(1); the rest of Art 41 "
        "is not on file)",
    ),
    "q3a_trc_tt": (
        [THREE_YEARS],
        [LAW47],
        "Law 47/2014 Art 8(18) and Art 38(4) as amended: spouses of Vietnamese citizens get TT; TT cards up to 3 years",
    ),
    "q3a_exit_ban_tax": (
        [["nghĩa vụ nộp thuế", "tax obligation", "unpaid tax", "tax debt", "owe tax", "taxes"], THREE_YEARS],
        [LAW47],
        "Law 47/2014 Art 28(1)(c), 28(3) (2014 wording, not flagged as amended): exit may be suspended while tax "
        "obligations are unfinished, for up to 3 years, extendable",
    ),
    "q3a_visa_border_cases": (
        [
            [
                "không có cơ quan có thẩm quyền cấp thị thực",
                "no vietnamese visa",
                "no vietnamese diplomatic",
                "without a vietnamese",
                "no competent vietnamese",
                "베트남 비자 발급 기관이 없는",
                "베트남 공관이 없는",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 18(1) (2014 wording, not flagged as amended): a visa at an international border gate only "
        "when departing from a country without a Vietnamese visa office, transiting several countries, on a tour "
        "by an international travel company, for seamen, funerals or gravely ill relatives, or emergencies",
    ),
    # --- bundles added with batch 3 (q3b: Vietnamese questions)
    "q3b_tr_online_deadline": (
        [ONLINE_OR_PAPER[0], TWELVE_HOURS],
        [LAW47, TT53],
        "Law 47/2014 Art 33(1)-(2) as amended 2023: the host declares through the establishment, electronically or on "
        "the paper form, the form within 12 hours (24 in remote areas); TT 53/2016 Art 3(3): online via the website",
    ),
    "q3b_tr_border": (
        [
            ["khu vực cấm", "prohibited area", "restricted area", "forbidden area", "禁区", "금지구역"],
            ["biên phòng", "border guard", "border post", "边防", "국경경비"],
        ],
        [LAW47],
        "Law 47/2014 Art 34(2) as amended 2023: no stay in prohibited or suspended border zones; elsewhere in border "
        "areas declare under Art 33 and the receiving police notify the border-guard post",
    ),
    "q3b_prohibited": (
        [
            [
                "cư trú trái phép",
                "reside illegally",
                "residing illegally",
                "illegal residence",
                "illegally reside",
                "非法居留",
                "불법 체류",
            ],
            [
                "giấy tờ giả",
                "fake documents",
                "forged documents",
                "false documents",
                "forged papers",
                "伪造",
                "위조",
            ],
        ],
        [LAW47],
        "Law 47/2014 Art 5 (2014 wording): obstruction, illegal entry or stay and forged papers (cl. 3), false "
        "information (cl. 4), misuse against the State (cl. 5), trading or altering documents (cl. 6)",
    ),
    "q3b_cr_proc_where": (
        [CR_POLICE, CR_ONLINE],
        [ND216],
        "Decree 216/2026 Art 22(1)(a), 22(5): online on the national identity app or portal, or in person at the "
        "issuing police office of residence; the time limit (Law 28/2009 Art 48(2) as amended by 107/2025) is not on file",
    ),
    "q3b_evisa_cond": (
        [PASSPORT, ["khoản 1, 2, 3 và 4 điều 8", "ng1", "ngoại giao", "diplomatic", "diplomat"]],
        [LAW47],
        "Law 47/2014 Art 10(5) as added by Law 51/2019 (luat-47-2014-sua-doi-trich-bo-sung): e-visas for passport "
        "holders outside Art 8(1)-(4); Art 16a: applied for on the e-visa website, answered in 3 working days",
    ),
    "q3b_trc_renew": (
        [
            ["cấp thẻ mới", "thẻ mới", "new card", "new temporary residence card", "新卡", "새 카드"],
            IMMIGRATION,
            FIVE_WD,
        ],
        [LAW47],
        "Law 47/2014 Art 38(6) as amended 2019: an expired card is considered for a new card; Art 37(2)(b)-(c): the "
        "sponsor files at the immigration office, decided in 5 working days",
    ),
    "q3b_trc_family": (
        [
            [
                "vợ, chồng, con dưới 18 tuổi",
                "con dưới 18 tuổi",
                "children under 18",
                "spouse",
                "配偶",
                "배우자",
            ],
            ["đồng ý", "consent", "agrees", "agree", "approval", "同意", "동의"],
        ],
        [LAW47],
        "Law 47/2014 Art 44(1)(b) (2014 wording): a card holder may sponsor a spouse and children under 18 to live "
        "with them for the card's term if the sponsoring organisation agrees",
    ),
    "q3b_visa_sponsor_proc": (
        [IMMIGRATION, FIVE_WD],
        [LAW47],
        "Law 47/2014 Art 16(1), 16(3) (2014 wording): the sponsor sends the visa request to the immigration office, "
        "answered within 5 working days",
    ),
    "q3b_carry_passport": (
        [CARRY_PASSPORT],
        [LAW47],
        "Law 47/2014 Art 44(2)(c) (2014 wording): carry the passport or travel document and residence papers, show them on request",
    ),
    "q3b_carry_passport_fine": (
        [CARRY_PASSPORT, FINE_300K_500K],
        [LAW47, P_NA],
        "Law 47/2014 Art 44(2)(c); 282/2025 Art 21(1): warning or 300,000-500,000 for travelling without the passport",
    ),
    "q3b_restricted_area_fine": (
        [FINE_500K_2M],
        [P_NA],
        "282/2025 Art 21(2)(c): entering a permit-only area without a permit or beyond the permitted scope or time",
    ),
    "q3b_show_passport": (
        [["xuất trình", "present", "show", "出示", "제시"], FINE_500K_2M],
        [LAW47, P_NA],
        "Law 47/2014 Art 44(2)(c): show the papers when the authorities ask; 282/2025 Art 21(2)(d): refusing, 500,000-2,000,000",
    ),
    "q3b_passport_rent_fine": (
        [rng(3, 5)],
        [P_NA],
        "282/2025 Art 21(3)(b)-(c): giving, renting out or pawning a passport, or letting others use it unlawfully "
        "(deportation under Art 21(11)(b) covers clauses 4-9 only)",
    ),
    "q3b_cr_proxy": (
        [
            [
                "cha, mẹ, vợ, chồng, con",
                "parent, spouse or child",
                "parents, spouse or children",
                "father, mother, spouse",
                "parent, spouse, child",
            ],
            [
                "văn bản ủy quyền",
                "letter of authorization",
                "letter of authorisation",
                "power of attorney",
                "authorization document",
                "authorisation document",
            ],
        ],
        [ND216],
        "Decree 216/2026 Art 22(2): for a parent, spouse, child or ward the clause-1 file; for anyone else a notarised "
        "or certified authorisation",
    ),
    "q3b_visa_convert": (
        [WORK_PERMIT, ["thị thực mới", "new visa", "新签证", "새 비자"]],
        [LAW47],
        "Law 47/2014 Art 7(4)(c)-(d), 7(5) as amended 2019 (luat-47-2014-sua-doi-trich-bo-sung): a visa may change "
        "purpose when the holder is invited to work and has a work permit or exemption; a new visa is issued (Art 19)",
    ),
    "q3b_visa_ld": (
        [NOT_SUBJECT_TO_WP, TWO_YEARS],
        [LAW47],
        "Law 51/2019 Art 1(3)(e) amending Law 47/2014 Art 8(16): LĐ1 for workers certified as not subject to a work "
        "permit (LĐ2, cl. 16a, not on file); Art 9(5) as amended: LĐ1, LĐ2 up to 2 years",
    ),
    "q3b_visa_terms": (
        [UNDER_90, FIVE_YEARS],
        [LAW47],
        "Law 47/2014 Art 9 as amended 2019/2023: SQ 30 days; HN, DL, EV 90 days; VR 180 days; NG..TT 1 year; LĐ1, LĐ2 "
        "2 years; ĐT3 3 years; LS, ĐT1, ĐT2 5 years",
    ),
    "q3b_sponsors": (
        [
            ["doanh nghiệp", "enterprise", "company", "企业", "公司", "기업", "회사"],
            [
                "thẻ tạm trú",
                "temporary residence card",
                "công dân việt nam",
                "vietnamese citizen",
                "暂住卡",
                "거주증",
            ],
        ],
        [LAW47],
        "Law 47/2014 Art 14(1) (2014 wording): state bodies, enterprises, representative offices, other legal entities, "
        "Vietnamese citizens residing in Viet Nam, foreigners holding permanent or temporary residence cards",
    ),
    "q3b_sponsor_duty": (
        [
            ["hướng dẫn, giải thích", "guide and explain", "explain", "hướng dẫn"],
            ["phối hợp", "coordinate", "cooperate", "work with the authorities"],
        ],
        [LAW47],
        "Law 47/2014 Art 45(2) (2014 wording): the sponsor guides and explains the law to the foreigner, carries the "
        "sponsor's responsibility and works with the authorities on matters involving them",
    ),
    "q3b_investor_3bn": (
        [NOT_SUBJECT_TO_WP, ["3 năm", "03 năm", "3 years", "three years", "ĐT3"]],
        [ND219, LAW47],
        "Decree 219/2025 Art 7(2)-(3): owners or members contributing 3 billion or more are not subject to a work "
        "permit; Law 47/2014 Art 8(7c) as amended: ĐT3 for 3 to under 50 billion, card up to 3 years (Art 38(4))",
    ),
    "q3b_border_cross_fine": (
        [rng(5, 10)],
        [P_NA],
        "282/2025 Art 21(4)(a): crossing the border without exit/entry procedures; foreigners may also be deported (Art 21(11)(b))",
    ),
    # --- bundles added after the sources grew (expectations taken from the added texts)
    "cr_docs_form": (
        [["tờ khai", "declaration form", "application form", "request form", "申请表", "申请书", "신청서"]],
        [ND216],
        "Decree 216/2026 Art 22(1): online, the electronic declaration; by post, the declaration with a certified "
        "signature; in person, the declaration (proxies add an authorisation, Art 22(2)(b))",
    ),
    "evisa_proc": (
        [
            THREE_WORKING_DAYS,
        ],
        [LAW47],
        "Law 47/2014 Art 16a (added 2019; secondary quote on file): declare and upload on the e-visa website, pay "
        "the fee, answered within 03 working days",
    ),
    # --- bundles added with batch 4 (q4: tune, collected 2026-12-02)
    "q4_visa_dn_ld": (
        [["dn1", "dn2"], ["lđ1", "ld1", "lđ2", "ld2"]],
        [LAW47, "51/2019/QH14"],
        "Law 51/2019 Art 1(3)(d)-(e) amending Law 47/2014 Art 8(8), (8a), (16): DN1/DN2 for working with or offering "
        "services to enterprises; LĐ1 for workers not subject to a work permit (LĐ2, cl. 16a, not on file)",
    ),
    "q4_visa_dn": (
        [["dn1"], ["dn2"]],
        [LAW47, "51/2019/QH14"],
        "Law 51/2019 Art 1(3)(d) amending Law 47/2014 Art 8(8), (8a): DN1 working with an enterprise or other legal "
        "entity in Viet Nam; DN2 offering services, setting up a commercial presence or other activities under a treaty",
    ),
    "q4_evisa_90": (
        [UNDER_90],
        [LAW47],
        "Law 47/2014 Art 9(2) as amended 2023 (luat-47-2014-sua-doi-trich-bo-sung): HN, DL, EV visas up to 90 days",
    ),
    "q4_visa_what": (
        [
            [
                "cho phép người nước ngoài nhập cảnh",
                "allows a foreigner to enter",
                "allowing foreigners to enter",
                "allows foreigners to enter",
                "permits foreigners to enter",
                "permission to enter",
                "允许外国人入境",
                "입국을 허가",
                "입국할 수 있도록",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 3(11): a visa is a paper issued by a competent Vietnamese authority allowing a foreigner to "
        "enter Viet Nam",
    ),
    "q4_lc_term": (
        [
            [
                "không được vượt quá thời hạn của giấy phép lao động",
                "không vượt quá thời hạn",
                "not exceed the term of the work permit",
                "not exceed the work permit",
                "cannot exceed the work permit",
                "may not exceed",
            ]
        ],
        [BLLD],
        "Labour Code 45/2019 Art 151(2): the labour contract term may not exceed the work permit's; the parties may "
        "sign several fixed-term contracts",
    ),
    "q4_transit": (
        [
            ["khu vực quá cảnh", "transit area", "transit zone", "过境区", "환승 구역"],
            [
                "miễn thị thực",
                "visa-free",
                "without a visa",
                "exempt from visa",
                "no visa",
                "免签",
                "무비자",
                "비자 면제",
            ],
        ],
        [LAW47],
        "Law 47/2014 Art 25(1) (2014 wording): air transit passengers are visa-exempt and stay in the airport's "
        "transit area while waiting for the flight",
    ),
    "q4_tr_form": (
        [ONLINE_OR_PAPER[1], TWELVE_HOURS],
        [LAW47, TT53],
        "Law 47/2014 Art 33(2) as amended 2023: by paper declaration form, the manager fills it in and sends it to the "
        "commune or ward police within 12 hours (24 in remote areas); TT 53/2016 (form NA17)",
    ),
    # --- bundles added with batch 5 (q5: tune, collected 2026-12-02)
    "q5_wp_ext_proc": (
        [PSC, PROC_10WD],
        [ND219],
        "Decree 219/2025 Art 28(1), 28(3): the employer files 10 to 45 days before expiry at the public administrative "
        "service centre; the authority decides in 10 working days",
    ),
    "q5_wp_lost": (
        [
            [
                "cấp lại",
                "reissue",
                "re-issue",
                "reissuance",
                "re-issuance",
                "reissued",
                "re-issued",
                "补发",
                "重新签发",
                "재발급",
            ],
            THREE_WORKING_DAYS,
        ],
        [ND219],
        "Decree 219/2025 Art 23(1): a valid permit that is lost or damaged is re-issued; Art 24(4): no original when lost; "
        "Art 25(3): within 3 working days (Decree 283/2026 Art 13 sets no fine for losing one)",
    ),
    "q5_wp_proc_docs": (
        [PSC, PROC_10WD, HEALTH_CERT, CRIM_REC],
        [ND219],
        "Decree 219/2025 Art 22(1), 22(3): file at the public administrative service centre, decided in 10 working days; "
        "Art 18(2)-(5): health certificate, passport, criminal record, photos (a foreign company's chief representative is "
        "a manager, not exempt under Art 7)",
    ),
    "q5_student": (
        [
            [
                "đang học tập",
                "currently studying",
                "students studying",
                "student studying",
                "thỏa thuận thực tập",
                "internship agreement",
                "正在学习",
                "재학 중",
            ]
        ],
        [ND219],
        "Decree 219/2025 Art 7(7): only pupils and students currently studying in Viet Nam or abroad, with an internship "
        "agreement or a job offer letter, are not subject to a work permit; a graduate needs one",
    ),
    "q5_exempt_notify": (
        [["thông báo", "notify", "notification", "inform the", "通知", "통보"], THREE_WORKING_DAYS],
        [ND219],
        "Decree 219/2025 Art 7(13)(a): managers, executives, experts and technical workers working under 90 days a year are "
        "not subject to a work permit; Art 9(4): no certificate, but the employer notifies the authority at least 3 working "
        "days before the start",
    ),
    "q5_cr_newjob": (
        [CR_POLICE, SIX_MONTHS],
        [ND216, ND219],
        "Decree 216/2026 Art 22(5), 22(6)(b): a foreigner residing in Viet Nam files with the issuing police office of "
        "residence; Decree 219/2025 Art 18(4): the work-permit file takes a Vietnamese or foreign criminal record issued no "
        "more than 6 months before filing",
    ),
    "q5_visa_dn1": (
        [["dn1"], ["doanh nghiệp", "enterprise", "company", "legal entit", "企业", "기업"]],
        [LAW47, "51/2019/QH14"],
        "Law 51/2019 Art 1(3)(d) amending Law 47/2014 Art 8(8): DN1 for foreigners working with an enterprise or other "
        "legal entity in Viet Nam",
    ),
    "q5_evisa_what": (
        [
            [
                "giao dịch điện tử",
                "electronic transaction",
                "issued electronically",
                "electronically",
                "电子交易",
                "电子方式",
                "전자 거래",
            ]
        ],
        [LAW47],
        "Law 47/2014 Art 7(1) as amended 2019 (luat-47-2014-sua-doi-trich-bo-sung): a visa issued through an electronic "
        "transaction is an e-visa",
    ),
    "q5_evisa_who": (
        [
            PASSPORT,
            ["khoản 1, 2, 3 và 4 điều 8", "ng1", "ngoại giao", "diplomatic", "diplomat", "外交", "외교"],
        ],
        [LAW47],
        "Law 47/2014 Art 10(5) as added 2019: e-visas for passport holders outside Art 8(1)-(4) (the diplomatic and "
        "official categories)",
    ),
    "q5_evisa_check": (
        [
            [
                "mã hồ sơ điện tử",
                "electronic file code",
                "application code",
                "registration code",
                "file code",
                "申请编号",
                "登记码",
            ],
            [
                "trang thông tin cấp thị thực điện tử",
                "e-visa website",
                "evisa website",
                "e-visa portal",
                "电子签证网站",
            ],
        ],
        [LAW47],
        "Law 47/2014 Art 16a (added 2019; secondary quote on file): the applicant uses the electronic file code to check and "
        "print the result on the e-visa website",
    ),
    "q5_visa_passport_30": (
        [["30 ngày", "30 days", "30天", "30일"]],
        [LAW47],
        "Law 47/2014 Art 9(8) (kept by the 2019 and 2023 amendments, luat-47-2014-sua-doi-trich-bo-sung): the visa term ends "
        "at least 30 days before the passport's",
    ),
    "q5_sponsor_notify": (
        [
            ["thông báo bằng văn bản", "notify", "in writing", "written notice", "书面通知", "서면"],
            IMMIGRATION,
        ],
        [LAW47],
        "Law 47/2014 Art 45(2)(e) (2014 wording): the sponsor notifies the immigration authority in writing when it no longer "
        "sponsors a foreigner whose residence papers are still valid",
    ),
    "q5_trc_rights": (
        [
            [
                "vợ, chồng, con dưới 18 tuổi",
                "con dưới 18 tuổi",
                "children under 18",
                "spouse",
                "配偶",
                "배우자",
            ],
            CARRY_PASSPORT,
        ],
        [LAW47],
        "Law 47/2014 Art 44(1)(b) (2014 wording): a card holder may sponsor relatives to visit and a spouse and children under "
        "18 to live with them; Art 44(2)(c): carry the passport and residence papers and show them on request",
    ),
    "q5_tr_why": (
        [ACCOMMODATION, rng(3, 5)],
        [LAW47, P_NA],
        "Law 47/2014 Art 33(1) as amended 2023: foreigners declare through the accommodation's manager; 282/2025 Art 21(3)(e): "
        "not declaring 1-3 foreigners costs the host 3-5 million (organisations x2)",
    ),
    "q5_prc_3y_docs": (
        [THREE_YEARS, CRIM_REC],
        [LAW47],
        "Law 47/2014 Art 40(3) (2014 wording): a foreigner sponsored by a Vietnamese spouse needs 3 years of continuous "
        "temporary residence; Art 41(1): application, home-country criminal record, diplomatic note, passport copy, proof of "
        "the conditions, the sponsor's guarantee",
    ),
    "q5_tr_duty": (
        [ACCOMMODATION, WARD_POLICE, TWELVE_HOURS],
        [LAW47],
        "Law 47/2014 Art 33(1)-(2) as amended 2023: the person running the accommodation declares the foreigner to the "
        "commune or ward police, within 12 hours (24 in remote areas)",
    ),
    "not_covered": ([], [], "texts on file are silent"),
}


def q(
    question: str,
    lang: str,
    url: str,
    title: str,
    kind: str,
    topic: str,
    facet: str,
    bundle: str,
    *,
    province: str | None = None,
    notes: str = "",
    answerable: bool | None = None,
    batch: int = 1,
) -> dict[str, Any]:
    facts, sources, basis = B[bundle]
    is_answerable = bundle != "not_covered" if answerable is None else answerable
    return {
        "question": question,
        "lang": lang,
        "source_url": url,
        "source_title": title,
        "source_kind": kind,
        "topic": topic,
        "facet": facet,
        "province": province,
        "answerable": is_answerable,
        "facts": facts if is_answerable else [],
        "sources": sources if is_answerable else [],
        "basis": basis,
        "notes": notes,
        "batch": batch,  # 1: dev/test by hash; 2 and later: the tune split (build.py)
    }


QUESTIONS = Path(__file__).with_name("questions.yaml")


def _records() -> list[dict[str, Any]]:
    """One record a question of questions.yaml, its facts and sources taken from its bundle."""
    with QUESTIONS.open(encoding="utf-8") as fh:
        return [q(**row) for row in yaml.safe_load(fh)]


RECORDS = _records()
