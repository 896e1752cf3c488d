"""English and Vietnamese wording. Answers are these templates filled with extracted facts, never canned answers."""

from __future__ import annotations

from typing import Any

TOPICS: tuple[str, ...] = (
    "temporary_residence",
    "work_permit",
    "criminal_record",
    "health_check",
    "reporting",
    "inspection",
    "complaints",
    "investment",
    "visa_residence_card",
    "social_insurance",
    "delegations",
    "service_sellers",
)
ROLES: tuple[str, ...] = ("foreigner", "host", "employer")

TOPIC_LABELS: dict[str, dict[str, str]] = {
    "temporary_residence": {"en": "temporary residence declaration", "vi": "khai báo tạm trú"},
    "work_permit": {"en": "work permit", "vi": "giấy phép lao động"},
    "criminal_record": {"en": "criminal record certificate", "vi": "phiếu lý lịch tư pháp"},
    "health_check": {"en": "health check certificate", "vi": "khám sức khỏe"},
    "reporting": {"en": "reporting and information exchange", "vi": "báo cáo, trao đổi thông tin"},
    "inspection": {"en": "inspection", "vi": "thanh tra, kiểm tra"},
    "complaints": {"en": "complaints and denunciations", "vi": "khiếu nại, tố cáo"},
    "investment": {
        "en": "investment and foreign-invested enterprises (FDI)",
        "vi": "đầu tư, doanh nghiệp FDI",
    },
    "visa_residence_card": {"en": "visa and temporary residence card", "vi": "thị thực, thẻ tạm trú"},
    "social_insurance": {"en": "social insurance", "vi": "bảo hiểm xã hội"},
    "delegations": {"en": "foreign delegations and invitations", "vi": "đoàn khách, mời người nước ngoài"},
    "service_sellers": {"en": "foreign service sellers", "vi": "người nước ngoài chào bán dịch vụ"},
}

ZONE_CONDITION = {
    "inside": {
        "en": "employer inside an industrial or high-tech zone",
        "vi": "người sử dụng lao động trong khu công nghiệp, khu công nghệ cao",
    },
    "outside": {
        "en": "employer outside industrial and high-tech zones",
        "vi": "người sử dụng lao động ngoài khu công nghiệp, khu công nghệ cao",
    },
}

T: dict[str, dict[str, str]] = {
    "summary_covered": {
        "en": "{topic} in {place}{for_role} — {docs}{national}.",
        "vi": "{topic} tại {place}{for_role} — {docs}{national}.",
    },
    "summary_national_too": {"en": " + national rules", "vi": " + quy định toàn quốc"},
    "summary_uncovered": {
        "en": "{topic} in {place}{for_role}: no provincial decree on file covers this; national rules below.",
        "vi": "{topic} tại {place}{for_role}: chưa có văn bản của tỉnh về nội dung này; xem quy định chung toàn quốc.",
    },
    "summary_no_place": {
        "en": "{topic}{for_role}: national rules (tell me the province for the provincial decree).",
        "vi": "{topic}{for_role}: quy định chung toàn quốc (cho biết tỉnh để tra văn bản của tỉnh).",
    },
    "for_host": {"en": " (for hosts)", "vi": " (cho cơ sở lưu trú)"},
    "for_foreigner": {"en": " (for foreigners)", "vi": " (cho người nước ngoài)"},
    "for_employer": {"en": " (for employers)", "vi": " (cho người sử dụng lao động)"},
    # Steps built from a decree clause: what its agency does there, and when.
    "step_decides": {
        "en": "Apply to {agency}: it receives and decides the files.",
        "vi": "Nộp hồ sơ tại {agency}: cơ quan tiếp nhận và giải quyết hồ sơ.",
    },
    "step_guides": {"en": "{agency} guides and explains the procedure.", "vi": "{agency} hướng dẫn thủ tục."},
    "step_notice": {
        "en": "{agency} receives the notices and reports employers must send.",
        "vi": "{agency} nhận thông báo, báo cáo của người sử dụng lao động.",
    },
    "step_reports": {"en": "{agency} reports {when}.", "vi": "{agency} báo cáo {when}."},
    "step_periodic": {"en": "{agency}: {when}.", "vi": "{agency}: {when}."},
    "step_event": {"en": "Deadline: {when}.", "vi": "Thời hạn: {when}."},
    "step_issues": {"en": "{agency} issues it.", "vi": "{agency} cấp."},
    "step_publishes": {
        "en": "{agency} publishes the list on its portal.",
        "vi": "{agency} công bố công khai danh sách trên cổng thông tin điện tử.",
    },
    "step_notified": {"en": "Notify {agency}.", "vi": "Thông báo cho {agency}."},
    "step_leads": {"en": "{agency} leads this work.", "vi": "{agency} chủ trì."},
    "step_coordinates": {
        "en": "{agency} coordinates with the offices in charge; it does not take applications.",
        "vi": "{agency} phối hợp với cơ quan chủ trì; không tiếp nhận hồ sơ.",
    },
    "step_inspects": {"en": "{agency} inspects and checks this.", "vi": "{agency} thanh tra, kiểm tra."},
    "step_informs": {
        "en": "{agency} provides information to the offices involved.",
        "vi": "{agency} cung cấp thông tin cho các cơ quan liên quan.",
    },
    # Steps built from a curated national fact, phrased for who is asking.
    "duty_host": {
        "en": "Declare your foreign guest to the {agency} within {hours} hours of arrival ({remote} hours in remote "
        "areas), online or on paper.",
        "vi": "Khai báo tạm trú cho khách nước ngoài với {agency} trong {hours} giờ kể từ khi khách đến ({remote} giờ "
        "ở vùng sâu, vùng xa), qua mạng hoặc phiếu khai báo.",
    },
    "duty_foreigner": {
        "en": "Your host declares your stay to the {agency} within {hours} hours of arrival ({remote} hours in remote "
        "areas): hand over your {documents}.",
        "vi": "Nơi bạn lưu trú khai báo tạm trú cho bạn với {agency} trong {hours} giờ kể từ khi bạn đến ({remote} giờ ở "
        "vùng sâu, vùng xa): bạn xuất trình {documents}.",
    },
    "duty_neutral": {
        "en": "Whoever runs the accommodation declares a foreign guest to the {agency} within {hours} hours of arrival "
        "({remote} hours in remote areas).",
        "vi": "Người quản lý cơ sở lưu trú khai báo tạm trú cho người nước ngoài với {agency} trong {hours} giờ kể từ khi "
        "đến ({remote} giờ ở vùng sâu, vùng xa).",
    },
    "establishments_foreigner": {
        "en": "{places} all count as accommodation: the person who runs the place you stay in declares you.",
        "vi": "{places} đều là cơ sở lưu trú: người quản lý nơi bạn ở khai báo cho bạn.",
    },
    "declare_offer": {
        "en": "Or type /declare: this assistant files it for you.",
        "vi": "Hoặc gõ /declare: trợ lý này khai báo giúp bạn.",
    },
    "national_office": {
        "en": "where declarations go (national rule)",
        "vi": "nơi nhận khai báo (quy định toàn quốc)",
    },
    "draft": {
        "en": "{number} is a DRAFT, not in force; {in_force} is the regulation in force.",
        "vi": "{number} là DỰ THẢO, chưa có hiệu lực; văn bản đang có hiệu lực là {in_force}.",
    },
    "draft_alone": {
        "en": "{number} is a DRAFT, not in force.",
        "vi": "{number} là DỰ THẢO, chưa có hiệu lực.",
    },
    "letter": {
        "en": "{number} is a guidance letter (it points to {based_on}), not a regulation.",
        "vi": "{number} là công văn hướng dẫn (dẫn chiếu {based_on}), không phải văn bản quy phạm.",
    },
    "successor": {
        "en": "{number} names {old}; since 2025 its tasks here are with {new}.",
        "vi": "{number} nêu {old}; từ năm 2025 nhiệm vụ này thuộc {new}.",
    },
    "abolished": {
        "en": "{agency} ({cite}) no longer exist: {why}.",
        "vi": "{agency} ({cite}) nay không còn: {why}.",
    },
    "only_area": {
        "en": "{number} covers only the former {area} area (now part of {unit}); if you are there, ask again naming {area}.",
        "vi": "{number} chỉ áp dụng trên địa bàn {area} cũ (nay thuộc {unit}); nếu bạn ở đó, hãy hỏi lại với tên {area}.",
    },
    "no_decree": {
        "en": "No provincial decree on file for {place}; ask {contacts}.",
        "vi": "Chưa có văn bản của tỉnh cho {place}; hỏi {contacts}.",
    },
    "no_topic_in_decree": {
        "en": "{docs} on file for {place} say nothing specific about this; ask {contacts}.",
        "vi": "{docs} của {place} không quy định cụ thể nội dung này; hỏi {contacts}.",
    },
    "needs_zone": {
        "en": "In Hà Nội the office depends on where the employer is: is it inside an industrial or high-tech zone?",
        "vi": "Tại Hà Nội, cơ quan phụ trách tùy nơi đặt trụ sở người sử dụng lao động: có trong khu công nghiệp, "
        "khu công nghệ cao không?",
    },
    "national_mark": {"en": "national rule, curated", "vi": "quy định toàn quốc, tổng hợp"},
    "draft_mark": {"en": "draft, not in force", "vi": "dự thảo, chưa có hiệu lực"},
    "source": {"en": "Source", "vi": "Nguồn"},
    "office": {"en": "Office", "vi": "Cơ quan"},
    "note": {"en": "Note", "vi": "Lưu ý"},
    "now": {"en": "now {name}", "vi": "nay là {name}"},
    "or": {"en": " or ", "vi": " hoặc "},
    "and": {"en": " and ", "vi": " và "},
    "no_text": {"en": "(no verbatim text on file)", "vi": "(không có nguyên văn)"},
}

DOCUMENT_NAMES: dict[str, dict[str, str]] = {
    "passport": {"en": "passport", "vi": "hộ chiếu"},
    "residence_papers": {
        "en": "visa or temporary residence card (your residence papers)",
        "vi": "thị thực hoặc thẻ tạm trú (giấy tờ cư trú)",
    },
}


def t(key: str, lang: str, **values: Any) -> str:
    return T[key][lang].format(**values)


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def deadline_text(deadline: dict[str, Any], lang: str) -> str:
    """{"kind": "monthly_before_day", "day": 25} -> 'before the 25th of each month' (vi: the decree's phrase)."""
    if lang == "vi":
        return str(deadline["text"])
    kind = deadline["kind"]
    d = deadline
    match kind:
        case "monthly_before_day":
            return f"before the {ordinal(d['day'])} of each month"
        case "monthly_on_day":
            return f"on the {ordinal(d['day'])} of each month"
        case "quarterly_before_day":
            return f"before the {ordinal(d['day'])} of the last month of each quarter"
        case "quarterly_on_day":
            return f"on the {ordinal(d['day'])} of the last month of each quarter"
        case "window":
            return (
                f"monthly, data from the {ordinal(d['from_day'])} of the previous month "
                f"to the {ordinal(d['to_day'])} of the current month"
            )
        case "yearly_before":
            return f"every year before {d['day']:02d}/{d['month']:02d}"
        case "at_least_days":
            return f"at least {d['days']} days in advance"
        case "within_hours":
            return f"within {d['hours']} hours"
        case "every_months":
            return f"every {d['months']} months"
        case "quarterly":
            return "every quarter"
        case "monthly":
            return "every month"
        case "yearly":
            return "every year"
        case "immediately_after":
            return "immediately after"
    return str(d["text"])
