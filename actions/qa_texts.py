"""The dialogue's own sentences (questions, button titles) in English and Vietnamese. Answers to
procedural questions are not here: they come from the knowledge base's templates."""

from __future__ import annotations

TOPIC_TITLES = {
    "temporary_residence": {"en": "Temporary residence", "vi": "Khai báo tạm trú"},
    "work_permit": {"en": "Work permit", "vi": "Giấy phép lao động"},
    "criminal_record": {"en": "Criminal record", "vi": "Lý lịch tư pháp"},
    "health_check": {"en": "Health check", "vi": "Khám sức khỏe"},
    "reporting": {"en": "Reporting duties", "vi": "Chế độ báo cáo"},
    "inspection": {"en": "Inspections", "vi": "Thanh tra, kiểm tra"},
    "complaints": {"en": "Complaints", "vi": "Khiếu nại, tố cáo"},
    "investment": {"en": "Investment", "vi": "Đầu tư"},
    "visa_residence_card": {"en": "Visa and residence card", "vi": "Thị thực, thẻ tạm trú"},
    "social_insurance": {"en": "Social insurance", "vi": "Bảo hiểm xã hội"},
    "delegations": {"en": "Delegations and events", "vi": "Đoàn vào, hội nghị"},
    "service_sellers": {"en": "Service sellers", "vi": "Người chào bán dịch vụ"},
}

ROLE_TITLES = {
    "foreigner": {"en": "I'm a foreigner", "vi": "Tôi là người nước ngoài"},
    "host": {"en": "I host foreigners", "vi": "Tôi cho người nước ngoài lưu trú"},
    "employer": {"en": "I'm an employer", "vi": "Tôi là người sử dụng lao động"},
}

ZONE_TITLES = {
    "inside": {"en": "Inside an industrial / high-tech zone", "vi": "Trong khu công nghiệp / công nghệ cao"},
    "outside": {"en": "Outside those zones", "vi": "Ngoài các khu đó"},
}

# The provinces with a decree on file come first; any other province can be typed.
PROVINCE_BUTTONS = [
    ("Hà Nội", "Hà Nội"),
    ("Bắc Ninh", "Bắc Ninh"),
    ("Hà Nam", "Hà Nam"),
    ("Lai Châu", "Lai Châu"),
]

# Chinese and Korean users get the English answer with a line saying so.
FOREIGN_LANGUAGE_NOTE = {
    "zh": "（以下为英文回答，来源为越南省级文件）",
    "ko": "(아래 답변은 영어로 제공됩니다. 출처: 베트남 성급 문서)",
}

TEXTS = {
    "ask_topic": {
        "en": "What would you like to know? Pick a topic or ask in your own words.",
        "vi": "Bạn muốn hỏi về việc gì? Chọn một chủ đề hoặc hỏi bằng lời của bạn.",
    },
    "ask_topic_for_province": {
        "en": "What would you like to know about {province}? Pick a topic or ask in your own words.",
        "vi": "Bạn muốn hỏi gì về {province}? Chọn một chủ đề hoặc hỏi bằng lời của bạn.",
    },
    "ask_province": {
        "en": "{topic}: in which province? The rules differ by province. Pick one or type its name.",
        "vi": "{topic}: ở tỉnh, thành phố nào? Quy định khác nhau theo từng tỉnh. Chọn hoặc gõ tên tỉnh.",
    },
    "ask_zone": {
        "en": "In Hà Nội the office depends on where the employer is. Is it inside an industrial or high-tech zone?",
        "vi": "Ở Hà Nội, cơ quan giải quyết tùy nơi đặt người sử dụng lao động. "
        "Có nằm trong khu công nghiệp hoặc khu công nghệ cao không?",
    },
    "show_text_button": {"en": "Show the decree text", "vi": "Xem nguyên văn"},
    "nothing_to_quote": {
        "en": "Ask me a question first; then I can show the decree text behind the answer.",
        "vi": "Bạn hãy hỏi một câu trước; sau đó tôi có thể trích nguyên văn văn bản.",
    },
    "search_intro": {
        "en": "I'm not sure I understood, but this is what the decrees say that matches your words:",
        "vi": "Tôi chưa chắc đã hiểu đúng, nhưng đây là các quy định khớp với câu hỏi của bạn:",
    },
    "did_you_mean": {"en": "Did you mean one of these?", "vi": "Có phải bạn muốn hỏi một trong các mục sau?"},
    "none_of_these": {"en": "None of these", "vi": "Không phải"},
    "not_covered": {
        "en": "The decrees I know do not cover that. For residence matters ask the ward or commune police; for "
        "work permits, the provincial Department of Home Affairs (Sở Nội vụ).",
        "vi": "Các văn bản tôi có không đề cập việc này. Về cư trú, hãy hỏi công an xã, phường; về giấy phép "
        "lao động, hỏi Sở Nội vụ của tỉnh.",
    },
}


def text_for(key: str, lang: str, **values: str) -> str:
    return TEXTS[key][lang].format(**values)
