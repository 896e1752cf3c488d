"""Everything the gateway itself says to users, in English and Vietnamese.

Dialogue text comes from Rasa; these are only the gateway's own notices (outages, media, buttons).
"""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "vi"]

_TEXTS: dict[str, dict[Language, str]] = {
    "rasa_retrying": {
        "en": "Sorry, the assistant is not answering right now. I'm trying again…",
        "vi": "Xin lỗi, trợ lý hiện chưa phản hồi. Tôi đang thử lại…",
    },
    "rasa_kept": {
        "en": (
            "The assistant is still unavailable. I kept your message and will answer as soon as it is back."
        ),
        "vi": (
            "Trợ lý vẫn chưa hoạt động. Tôi đã lưu tin nhắn của bạn và sẽ trả lời "
            "ngay khi trợ lý hoạt động trở lại."
        ),
    },
    "rasa_back": {
        "en": "The assistant is back. Here are the answers to your earlier messages:",
        "vi": "Trợ lý đã hoạt động trở lại. Đây là câu trả lời cho các tin nhắn trước của bạn:",
    },
    "rasa_unsure": {
        "en": (
            'Sorry, I restarted while the assistant was handling your message "{quote}", and its '
            "answer was lost. Please send it again if you still need it."
        ),
        "vi": (
            'Xin lỗi, tôi đã khởi động lại khi trợ lý đang xử lý tin nhắn "{quote}" của bạn nên câu '
            "trả lời bị mất. Vui lòng gửi lại nếu bạn vẫn cần."
        ),
    },
    "rasa_slow": {
        "en": "This is taking longer than usual, please wait a moment…",
        "vi": "Việc này mất nhiều thời gian hơn bình thường, vui lòng đợi một chút…",
    },
    "rasa_no_answer": {
        "en": "Sorry, the assistant did not answer in time. Please send your message again.",
        "vi": "Xin lỗi, trợ lý không trả lời kịp. Vui lòng gửi lại tin nhắn của bạn.",
    },
    "queue_full": {
        "en": (
            "Sorry, too many of your messages are already waiting, so this one was not kept. "
            "Please send it again later."
        ),
        "vi": (
            "Xin lỗi, đã có quá nhiều tin nhắn của bạn đang chờ nên tin nhắn này chưa được lưu. "
            "Vui lòng gửi lại sau."
        ),
    },
    "media_not_read": {
        "en": (
            "Thanks, but I don't read photos or files, and I don't keep them. Please type your "
            "passport details, or paste the two MRZ lines (the two lines of letters and <<< at the "
            "bottom of the passport photo page) as text."
        ),
        "vi": (
            "Cảm ơn bạn, nhưng tôi không đọc ảnh hay tệp và không lưu chúng. Vui lòng nhập thông tin "
            "hộ chiếu, hoặc dán hai dòng MRZ (hai dòng chữ và ký tự <<< ở cuối trang có ảnh của hộ "
            "chiếu) dưới dạng văn bản."
        ),
    },
    "button_expired": {
        "en": "This button has expired, please ask again.",
        "vi": "Nút này đã hết hạn, vui lòng hỏi lại.",
    },
    "choose": {
        "en": "Please choose:",
        "vi": "Vui lòng chọn:",
    },
}


def language_of(language_code: str | None) -> Language:
    """Vietnamese for Telegram clients set to Vietnamese ("vi", "vi-VN"), English otherwise."""
    return "vi" if (language_code or "").lower().startswith("vi") else "en"


def text(key: str, language: Language) -> str:
    return _TEXTS[key][language]
