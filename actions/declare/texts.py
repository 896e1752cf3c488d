"""Every sentence the declare actions send, in English and Vietnamese, keyed by `reply_language`."""

from __future__ import annotations

from typing import Any

from actions.language import reply_language

# Field labels, as shown in summaries, correction menus and error messages.
LABELS: dict[str, dict[str, str]] = {
    "est_name": {"en": "Establishment name", "vi": "Tên cơ sở lưu trú"},
    "est_kind": {"en": "Kind", "vi": "Loại hình"},
    "est_address": {"en": "Address", "vi": "Địa chỉ"},
    "est_ward": {"en": "Ward or commune", "vi": "Phường/xã"},
    "est_province": {"en": "Province or city", "vi": "Tỉnh/thành phố"},
    "est_remote": {"en": "Remote area", "vi": "Vùng sâu, vùng xa"},
    "est_phone": {"en": "Contact phone", "vi": "Số điện thoại"},
    "guest_full_name": {"en": "Full name", "vi": "Họ và tên"},
    "guest_sex": {"en": "Sex", "vi": "Giới tính"},
    "guest_date_of_birth": {"en": "Date of birth", "vi": "Ngày sinh"},
    "guest_nationality": {"en": "Nationality", "vi": "Quốc tịch"},
    "guest_document_number": {"en": "Passport number", "vi": "Số hộ chiếu"},
    "guest_document_expiry": {"en": "Passport expiry", "vi": "Ngày hết hạn hộ chiếu"},
    "guest_arrival_at": {"en": "Arrival", "vi": "Thời điểm đến"},
    "guest_stay_until": {"en": "Staying until", "vi": "Lưu trú đến ngày"},
    "guest_room": {"en": "Room", "vi": "Phòng"},
}

# Why an answer was refused: a reason and an example, per (slot, problem).
INVALID: dict[str, dict[str, str]] = {
    "est_name": {
        "en": 'The name needs 2 to 200 characters, e.g. "Hoa Sen Guesthouse".',
        "vi": 'Tên cần từ 2 đến 200 ký tự, ví dụ "Nhà nghỉ Hoa Sen".',
    },
    "est_kind": {
        "en": "Please pick one of the buttons: hotel, guesthouse, homestay, private home, dormitory or other.",
        "vi": "Vui lòng chọn một nút: khách sạn, nhà nghỉ, homestay, nhà riêng, ký túc xá hoặc khác.",
    },
    "est_address": {
        "en": 'The address needs 3 to 300 characters, e.g. "12 Hang Bac street".',
        "vi": 'Địa chỉ cần từ 3 đến 300 ký tự, ví dụ "12 phố Hàng Bạc".',
    },
    "est_ward": {
        "en": 'The ward or commune needs 2 to 120 characters, e.g. "Hoan Kiem ward".',
        "vi": 'Tên phường/xã cần từ 2 đến 120 ký tự, ví dụ "Phường Hoàn Kiếm".',
    },
    "est_province": {
        "en": 'I don\'t know that province. Write one of the 34 provinces or cities, e.g. "Hà Nội", "Đà Nẵng", "Ninh Bình" (old names like "Hà Nam" work too).',
        "vi": 'Tôi không nhận ra tỉnh này. Hãy ghi một trong 34 tỉnh, thành phố, ví dụ "Hà Nội", "Đà Nẵng", "Ninh Bình" (tên cũ như "Hà Nam" cũng được).',
    },
    "est_remote": {
        "en": "Please answer yes or no (tap a button).",
        "vi": "Vui lòng trả lời có hoặc không (bấm một nút).",
    },
    "est_phone": {
        "en": 'A phone number has 8 to 15 digits, optionally starting with +, e.g. "0912 345 678" or "+84912345678".',
        "vi": 'Số điện thoại có 8 đến 15 chữ số, có thể bắt đầu bằng +, ví dụ "0912 345 678" hoặc "+84912345678".',
    },
    "guest_full_name": {
        "en": 'Write the name as in the passport, letters only, e.g. "KIM MIN JUN" — or paste the two lines at the bottom of the passport page (they start with P<).',
        "vi": 'Ghi họ tên như trong hộ chiếu, chỉ gồm chữ cái, ví dụ "KIM MIN JUN" — hoặc dán hai dòng mã ở cuối trang hộ chiếu (bắt đầu bằng P<).',
    },
    "guest_sex": {
        "en": "Please tap Male, Female or Unspecified (X), or type M, F or X.",
        "vi": "Vui lòng bấm Nam, Nữ hoặc Không xác định (X), hoặc gõ M, F hay X.",
    },
    "date": {
        "en": "I could not read that date. Write day/month/year, e.g. 05/03/1990, 5-3-1990 or 1990-03-05.",
        "vi": "Tôi không đọc được ngày này. Hãy ghi ngày/tháng/năm, ví dụ 05/03/1990, 5-3-1990 hoặc 1990-03-05.",
    },
    "dob_future": {
        "en": "The date of birth cannot be in the future. Example: 05/03/1990.",
        "vi": "Ngày sinh không thể ở tương lai. Ví dụ: 05/03/1990.",
    },
    "dob_implausible": {
        "en": "That would make the guest older than 120. Check the year, e.g. 05/03/1990.",
        "vi": "Như vậy khách hơn 120 tuổi. Hãy kiểm tra lại năm, ví dụ 05/03/1990.",
    },
    "guest_nationality": {
        "en": 'I don\'t know that nationality. Write the country in English or Vietnamese, or its 3-letter code, e.g. "Korea", "Hàn Quốc" or "KOR".',
        "vi": 'Tôi không nhận ra quốc tịch này. Hãy ghi tên nước bằng tiếng Anh hoặc tiếng Việt, hoặc mã 3 chữ cái, ví dụ "Korea", "Hàn Quốc" hoặc "KOR".',
    },
    "nationality_ambiguous": {
        "en": "Several countries match. Tap the right one, or type its 3-letter code.",
        "vi": "Có nhiều nước khớp. Hãy bấm nước đúng, hoặc gõ mã 3 chữ cái.",
    },
    "guest_document_number": {
        "en": 'A passport number has 5 to 9 letters and digits, no spaces needed, e.g. "M12345678".',
        "vi": 'Số hộ chiếu gồm 5 đến 9 chữ cái và chữ số, ví dụ "M12345678".',
    },
    "expired": {
        "en": "This passport has already expired; a guest needs a valid passport. Check the expiry date, e.g. 20/11/2030.",
        "vi": "Hộ chiếu này đã hết hạn; khách cần hộ chiếu còn hạn. Hãy kiểm tra ngày hết hạn, ví dụ 20/11/2030.",
    },
    "arrival": {
        "en": 'I could not read that. Tap "Now", or write a time today (14:30) or a date and time (20/07/2025 14:30).',
        "vi": 'Tôi không đọc được. Bấm "Bây giờ", hoặc ghi giờ hôm nay (14:30) hay ngày và giờ (20/07/2025 14:30).',
    },
    "arrival_future": {
        "en": 'The arrival cannot be in the future: declare once the guest has arrived. Example: 14:30 or "now".',
        "vi": 'Thời điểm đến không thể ở tương lai: hãy khai báo khi khách đã đến. Ví dụ: 14:30 hoặc "bây giờ".',
    },
    "arrival_too_old": {
        "en": "That is more than a year ago. Check the date, e.g. 20/07/2025 14:30.",
        "vi": "Thời điểm này cách đây hơn một năm. Hãy kiểm tra lại, ví dụ 20/07/2025 14:30.",
    },
    "stay_before_arrival": {
        "en": "The last day of the stay cannot be before the arrival. Example: 25/07/2025.",
        "vi": "Ngày cuối lưu trú không thể trước ngày đến. Ví dụ: 25/07/2025.",
    },
    "mrz_characters": {
        "en": "The lines may hold only capital letters, digits and <.",
        "vi": "Các dòng mã chỉ được có chữ in hoa, chữ số và dấu <.",
    },
    "mrz_bad_date": {
        "en": "A date in the second line is not a real date.",
        "vi": "Một ngày ở dòng thứ hai không phải là ngày có thật.",
    },
    "mrz_length": {"en": "A line does not have 44 characters.", "vi": "Có dòng không đủ 44 ký tự."},
    "mrz_not_passport": {
        "en": "These are not passport lines.",
        "vi": "Đây không phải dòng mã của hộ chiếu.",
    },
    "guest_room": {
        "en": 'A room number has at most 20 characters, e.g. "204", or tap Skip.',
        "vi": 'Số phòng tối đa 20 ký tự, ví dụ "204", hoặc bấm Bỏ qua.',
    },
}

# What a field is, for the host who got it wrong twice.
EXPLAIN: dict[str, dict[str, str]] = {
    "est_province": {
        "en": "The province decides which police office receives your declarations. Since 1 July 2025 Viet Nam has 34 provinces and cities.",
        "vi": "Tỉnh/thành phố quyết định cơ quan công an nào nhận khai báo của bạn. Từ 1/7/2025 Việt Nam có 34 tỉnh, thành phố.",
    },
    "est_phone": {
        "en": "The police may call this number about a declaration. Any Vietnamese mobile or landline works.",
        "vi": "Công an có thể gọi số này khi cần về một khai báo. Số di động hay cố định ở Việt Nam đều được.",
    },
    "guest_full_name": {
        "en": "The full name is printed on the passport's photo page, surname first. Copy it letter by letter; accents are not needed.",
        "vi": "Họ tên in trên trang ảnh của hộ chiếu, họ đứng trước. Hãy chép đúng từng chữ; không cần dấu.",
    },
    "guest_date_of_birth": {
        "en": "The date of birth is on the passport's photo page. Write it day first: 05/03/1990 means 5 March 1990.",
        "vi": "Ngày sinh ở trang ảnh của hộ chiếu. Ghi ngày trước: 05/03/1990 là ngày 5 tháng 3 năm 1990.",
    },
    "guest_nationality": {
        "en": 'The nationality is on the passport\'s photo page (e.g. "REPUBLIC OF KOREA" or the code KOR). The country name is enough.',
        "vi": 'Quốc tịch ở trang ảnh của hộ chiếu (ví dụ "REPUBLIC OF KOREA" hoặc mã KOR). Chỉ cần ghi tên nước.',
    },
    "guest_document_number": {
        "en": "The passport number is at the top right of the photo page, usually one letter and 7 or 8 digits.",
        "vi": "Số hộ chiếu ở góc trên bên phải trang ảnh, thường gồm một chữ cái và 7 hoặc 8 chữ số.",
    },
    "guest_document_expiry": {
        "en": 'The expiry date ("Date of expiry") is on the photo page. Write it day first, e.g. 20/11/2030.',
        "vi": 'Ngày hết hạn ("Date of expiry") ở trang ảnh. Ghi ngày trước, ví dụ 20/11/2030.',
    },
    "guest_arrival_at": {
        "en": "The arrival is when the guest checked in here: the declaration deadline counts from it.",
        "vi": "Thời điểm đến là lúc khách nhận phòng tại cơ sở: thời hạn khai báo tính từ lúc này.",
    },
    "guest_stay_until": {
        "en": "The last day the guest plans to stay. An estimate is fine.",
        "vi": "Ngày cuối khách dự định ở. Ước tính cũng được.",
    },
}
DEFAULT_EXPLAIN = {
    "en": "This information is part of the declaration the police require.",
    "vi": "Thông tin này là một phần của khai báo mà cơ quan công an yêu cầu.",
}

TEXTS: dict[str, dict[str, str]] = {
    "offer_stop": {
        "en": "You can try again, or stop the declaration for now.",
        "vi": "Bạn có thể thử lại, hoặc dừng khai báo lúc này.",
    },
    "stop_button": {"en": "Stop", "vi": "Dừng"},
    "api_down_start": {
        "en": "The police intake service is not answering right now, and I need it once to register your establishment. Please try again in a few minutes.",
        "vi": "Hệ thống tiếp nhận khai báo của công an hiện không phản hồi, và tôi cần nó để đăng ký cơ sở của bạn lần đầu. Vui lòng thử lại sau vài phút.",
    },
    "start_guest": {
        "en": 'Let\'s declare your guest at {establishment}. You can type "stop" at any time.',
        "vi": 'Cùng khai báo khách tại {establishment}. Bạn có thể gõ "dừng" bất cứ lúc nào.',
    },
    "start_guest_offline": {
        "en": "The police intake service is not answering right now; I'll take the details and file them as soon as it is back.",
        "vi": "Hệ thống tiếp nhận hiện không phản hồi; tôi sẽ ghi thông tin và gửi ngay khi hệ thống hoạt động lại.",
    },
    "start_register": {
        "en": "First, let's register your establishment (only once). Then we declare the guest.",
        "vi": "Trước hết, hãy đăng ký cơ sở lưu trú của bạn (chỉ một lần). Sau đó ta khai báo khách.",
    },
    "registered": {
        "en": "Registered: {name}, {province}. Declarations there must be filed within {hours} hours of arrival.",
        "vi": "Đã đăng ký: {name}, {province}. Khai báo tại đây phải nộp trong vòng {hours} giờ kể từ khi khách đến.",
    },
    "register_rejected": {
        "en": "The intake service did not accept the registration:",
        "vi": "Hệ thống tiếp nhận chưa chấp nhận đăng ký:",
    },
    "already_linked": {
        "en": "This chat is already linked to an establishment; let's declare your guest.",
        "vi": "Cuộc trò chuyện này đã liên kết với một cơ sở; ta khai báo khách nhé.",
    },
    "mrz_filled": {
        "en": "Read from the passport lines ({checks}): {fields}.",
        "vi": "Đã đọc từ dòng mã hộ chiếu ({checks}): {fields}.",
    },
    "mrz_checks_ok": {"en": "all check digits match", "vi": "mọi chữ số kiểm tra đều khớp"},
    "mrz_checks_bad": {
        "en": "check digits do NOT match for: {fields} — compare with the passport",
        "vi": "chữ số kiểm tra KHÔNG khớp ở: {fields} — hãy so lại với hộ chiếu",
    },
    "mrz_invalid": {
        "en": "Those passport lines could not be read: {reason} Each line has 44 characters; the first starts with P<.",
        "vi": "Không đọc được dòng mã hộ chiếu: {reason} Mỗi dòng có 44 ký tự; dòng đầu bắt đầu bằng P<.",
    },
    "summary_head": {
        "en": "Please check the declaration:",
        "vi": "Vui lòng kiểm tra khai báo:",
    },
    "summary_deadline": {
        "en": "Filed now, this is {hours} h after arrival: {status}.",
        "vi": "Nếu nộp bây giờ, là {hours} giờ sau khi khách đến: {status}.",
    },
    "confirm": {"en": "Confirm and file", "vi": "Xác nhận và nộp"},
    "correct": {"en": "Correct a field", "vi": "Sửa một mục"},
    "cancel": {"en": "Cancel", "vi": "Hủy"},
    "which_field": {"en": "Which field should I change?", "vi": "Bạn muốn sửa mục nào?"},
    "fix_fields": {
        "en": "The intake service found a problem; let's fix it:",
        "vi": "Hệ thống tiếp nhận phát hiện vấn đề; hãy sửa lại:",
    },
    "filed": {
        "en": "Filed ✓ Receipt code: {receipt}\n{deadline}",
        "vi": "Đã nộp ✓ Mã biên nhận: {receipt}\n{deadline}",
    },
    "on_time": {
        "en": "Filed {hours} h after arrival, within the {limit}-hour limit.",
        "vi": "Nộp {hours} giờ sau khi khách đến, trong thời hạn {limit} giờ.",
    },
    "late": {
        "en": "⚠ LATE: filed {hours} h after arrival, past the {limit}-hour limit (Law 47/2014/QH13, Art. 33). Keep this receipt; the ward police may ask why.",
        "vi": "⚠ TRỄ HẠN: nộp {hours} giờ sau khi khách đến, quá thời hạn {limit} giờ (Luật 47/2014/QH13, Điều 33). Hãy giữ mã biên nhận; công an phường/xã có thể hỏi lý do.",
    },
    "within": {"en": "within the {limit}-hour limit", "vi": "trong thời hạn {limit} giờ"},
    "past": {"en": "past the {limit}-hour limit", "vi": "quá thời hạn {limit} giờ"},
    "queued": {
        "en": "The police intake service is not answering right now. Your declaration is saved and queued: I'll file it as soon as the service is back and send the receipt here. No need to send it again.",
        "vi": "Hệ thống tiếp nhận hiện không phản hồi. Khai báo của bạn đã được lưu vào hàng đợi: tôi sẽ nộp ngay khi hệ thống hoạt động lại và gửi mã biên nhận tại đây. Bạn không cần gửi lại.",
    },
    "queued_filed": {
        "en": "Your queued declaration for {name} is now filed ✓ Receipt code: {receipt}\n{deadline}",
        "vi": "Khai báo trong hàng đợi cho {name} đã được nộp ✓ Mã biên nhận: {receipt}\n{deadline}",
    },
    "queued_rejected": {
        "en": "Your queued declaration for {name} was refused by the intake service: {reason} Please declare this guest again with the corrected details.",
        "vi": "Khai báo trong hàng đợi cho {name} bị hệ thống tiếp nhận từ chối: {reason} Vui lòng khai báo lại khách này với thông tin đã sửa.",
    },
    "already_filed": {
        "en": "This declaration is already filed: receipt {receipt}.",
        "vi": "Khai báo này đã được nộp: mã biên nhận {receipt}.",
    },
    "already_queued": {
        "en": "This declaration is already queued; you'll get the receipt here.",
        "vi": "Khai báo này đã nằm trong hàng đợi; bạn sẽ nhận mã biên nhận tại đây.",
    },
    "nothing_to_file": {
        "en": 'There is no declaration waiting for confirmation. Say "declare a guest" to start one.',
        "vi": 'Không có khai báo nào chờ xác nhận. Gõ "khai báo khách" để bắt đầu.',
    },
    "rejected": {
        "en": "The intake service refused the declaration:",
        "vi": "Hệ thống tiếp nhận từ chối khai báo:",
    },
    "next_steps": {"en": "What next?", "vi": "Tiếp theo?"},
    "another_guest": {"en": "Another guest", "vi": "Khách tiếp theo"},
    "my_declarations": {"en": "My declarations", "vi": "Khai báo của tôi"},
    "another_started": {
        "en": 'Next guest at the same place, arriving {arrival} and staying until {stay}. (Use "correct" on the summary to change those.)',
        "vi": 'Khách tiếp theo tại cùng cơ sở, đến lúc {arrival} và ở đến {stay}. (Bấm "Sửa" ở bản tóm tắt để đổi.)',
    },
    "discarded": {
        "en": "Declaration cancelled; nothing was filed and the details you typed are deleted.",
        "vi": "Đã hủy khai báo; chưa có gì được nộp và thông tin bạn đã nhập đã bị xóa.",
    },
    "list_head": {"en": "Your latest declarations:", "vi": "Các khai báo gần đây của bạn:"},
    "list_empty": {
        "en": 'No declarations yet. Say "declare a guest" to file one.',
        "vi": 'Chưa có khai báo nào. Gõ "khai báo khách" để nộp.',
    },
    "not_registered": {
        "en": 'This chat is not linked to an establishment yet. Say "declare a guest" to register it.',
        "vi": 'Cuộc trò chuyện này chưa liên kết với cơ sở nào. Gõ "khai báo khách" để đăng ký.',
    },
    "api_down": {
        "en": "The police intake service is not answering right now. Please try again in a few minutes.",
        "vi": "Hệ thống tiếp nhận hiện không phản hồi. Vui lòng thử lại sau vài phút.",
    },
    "cancel_button": {"en": "Cancel {receipt}", "vi": "Hủy {receipt}"},
    "cancelled": {
        "en": "Declaration {receipt} is cancelled. Reason on record: {reason}",
        "vi": "Khai báo {receipt} đã được hủy. Lý do đã ghi: {reason}",
    },
    "cancel_failed": {
        "en": "Could not cancel {receipt}:",
        "vi": "Không hủy được {receipt}:",
    },
    "status_received": {"en": "received", "vi": "đã tiếp nhận"},
    "status_amended": {"en": "amended", "vi": "đã sửa"},
    "status_cancelled": {"en": "cancelled", "vi": "đã hủy"},
    "now": {"en": "Now", "vi": "Bây giờ"},
    "skip": {"en": "Skip", "vi": "Bỏ qua"},
    "yes": {"en": "Yes", "vi": "Có"},
    "no": {"en": "No", "vi": "Không"},
    "none": {"en": "—", "vi": "—"},
}


def text(key: str, language: str | None, **params: Any) -> str:
    lang = reply_language(language)
    return TEXTS[key][lang].format(**params)


def label(slot: str, language: str | None) -> str:
    return LABELS[slot][reply_language(language)]


def invalid(key: str, language: str | None) -> str:
    return INVALID[key][reply_language(language)]


def explain(slot: str, language: str | None) -> str:
    return EXPLAIN.get(slot, DEFAULT_EXPLAIN)[reply_language(language)]


def api_message(item: dict[str, Any], language: str | None) -> str:
    """One error of the API's `detail` list in the host's language."""
    if reply_language(language) == "vi" and item.get("msg_vi"):
        return str(item["msg_vi"])
    return str(item.get("msg") or item.get("code") or "")
