"""Write bot/domain/responses.yml: the Rasa domain's responses in every language, from the text catalogue.

The English sentence of each response is written here once (a catalogue message id, domain "responses");
its Vietnamese, Chinese and Korean wordings live in catalog/locale/<lang>/LC_MESSAGES/responses.po like
every other sentence, so the catalogue check holds them to all four languages. Each response gets one
variation per translated language, chosen by the `language` slot, and the English one otherwise. Run it
after changing a sentence or its translation (and `python -m catalog.build`) and commit the output;
tests/spec/test_generated_files.py fails when the committed file is stale.

    python -m scripts.gen_domain_responses            # rewrite the file
    python -m scripts.gen_domain_responses --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import json
import sys

from catalog import N_, TRANSLATED, text
from scripts.generated import ROOT, write_or_check

OUTPUT = ROOT / "bot" / "domain" / "responses.yml"
DOMAIN = "responses"

# Core conversation (core.yml), questions (qa.yml), then the declare forms' questions (declare.yml).
RESPONSES: dict[str, str] = {
    "utter_greet": N_("Hello! I help foreigners in Viet Nam, the hosts who lodge them and the employers who hire them with their paperwork. Type \"help\" to see what I can do."),
    "utter_goodbye": N_("Goodbye! Message me whenever you need help."),
    "utter_you_are_welcome": N_("You're welcome! Anything else I can help with?"),
    "utter_no_problem": N_("All right. Message me whenever you need something."),
    "utter_iamabot": N_("I am an automated assistant (a bot), not an officer. My answers come from the provincial decrees and always name their source; the decision rests with the competent office."),
    "utter_out_of_scope": N_("Sorry, that is outside what I can help with. I answer questions on temporary-residence declaration, work permits, criminal-record certificates, health checks and which office does what. Type \"help\" for the list."),
    "utter_default": N_("Sorry, I didn't understand that. Could you rephrase it, or type \"help\"?"),
    "utter_language_set": N_("English it is. I will reply in English."),
    "utter_stopped": N_("Stopped. Is there anything else you need?"),
    "utter_ask_rephrase": N_("I'm still not sure what you need. Could you say it another way? For example: \"work permit in Hanoi\" or \"how do I declare my guest\"."),
    "utter_ask_register_establishment_form_est_name": N_("What is the name of your establishment (hotel, guesthouse, home...)?"),
    "utter_ask_register_establishment_form_est_kind": N_("What kind of place is it?"),
    "utter_ask_register_establishment_form_est_address": N_("Street address (house number and street)?"),
    "utter_ask_register_establishment_form_est_ward": N_("Which ward or commune (phường/xã)?"),
    "utter_ask_register_establishment_form_est_province": N_("Which province or city? (e.g. Hà Nội, Đà Nẵng)"),
    "utter_ask_register_establishment_form_est_remote": N_("Is it in a remote area (vùng sâu, vùng xa)? There the deadline is 24 hours instead of 12."),
    "utter_ask_register_establishment_form_est_phone": N_("A contact phone number for the police?"),
    "utter_ask_guest_declaration_form_guest_full_name": N_("Guest's full name as in the passport? Or paste the two lines at the bottom of the passport photo page (starting with P<) and I fill in the rest."),
    "utter_ask_guest_declaration_form_guest_sex": N_("Sex?"),
    "utter_ask_guest_declaration_form_guest_date_of_birth": N_("Date of birth? (day/month/year, e.g. 05/03/1990)"),
    "utter_ask_guest_declaration_form_guest_nationality": N_("Nationality? (country name in English or Vietnamese, or the code, e.g. Korea / Hàn Quốc / KOR)"),
    "utter_ask_guest_declaration_form_guest_document_number": N_("Passport number?"),
    "utter_ask_guest_declaration_form_guest_document_expiry": N_("Passport expiry date? (e.g. 20/11/2030)"),
    "utter_ask_guest_declaration_form_guest_arrival_at": N_("When did the guest arrive here? Tap Now, or type a time (14:30) or date and time (20/07/2025 14:30)."),
    "utter_ask_guest_declaration_form_guest_stay_until": N_("Staying until which date? (e.g. 25/07/2025)"),
    "utter_ask_guest_declaration_form_guest_room": N_("Room number? (optional)"),
    "utter_ask_cancel_declaration_form_cancel_receipt": N_("Which receipt code should I cancel? (e.g. HN-7K3Q-9XMD-R)"),
    "utter_ask_cancel_declaration_form_cancel_reason": N_("Why is it cancelled? (e.g. the guest did not check in)"),
    "utter_cancel_receipt_invalid": N_("That is not a receipt code. It looks like HN-7K3Q-9XMD-R; \"My declarations\" lists yours."),
    "utter_cancel_reason_invalid": N_("Please give a reason of 3 to 500 characters, e.g. \"booking cancelled\"."),
}  # fmt: skip

# (title, payload): the title is translated, the payload is what the form validator reads.
BUTTONS: dict[str, tuple[tuple[str, str], ...]] = {
    "utter_ask_register_establishment_form_est_kind": ((N_("Hotel"), "hotel"), (N_("Guesthouse"), "guesthouse"), (N_("Homestay"), "homestay"), (N_("Private home"), "private home"), (N_("Dormitory"), "dormitory"), (N_("Other"), "other")),
    "utter_ask_register_establishment_form_est_remote": ((N_("Yes"), "yes"), (N_("No"), "no")),
    "utter_ask_guest_declaration_form_guest_sex": ((N_("Male"), "M"), (N_("Female"), "F"), (N_("Unspecified (X)"), "X")),
    "utter_ask_guest_declaration_form_guest_arrival_at": ((N_("Now"), "now"),),
    "utter_ask_guest_declaration_form_guest_room": ((N_("Skip"), "skip"),),
}  # fmt: skip


def _quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _variation(name: str, lang: str) -> list[str]:
    said = f"text: {_quoted(text(DOMAIN, RESPONSES[name], lang))}"
    if lang == "en":
        lines = [f"    - {said}"]
    else:
        lines = [
            "    - condition:",
            "        - type: slot",
            "          name: language",
            f"          value: {lang}",
        ]
        lines.append(f"      {said}")
    if name in BUTTONS:
        lines.append("      buttons:")
        for title, payload in BUTTONS[name]:
            lines.append(f"        - title: {_quoted(text(DOMAIN, title, lang))}")
            lines.append(f"          payload: {_quoted(payload)}")
    return lines


def render() -> str:
    lines = [
        "# GENERATED by scripts/gen_domain_responses.py from the text catalogue - do not edit by hand.",
        "# Each response in vi, zh and ko (chosen by the `language` slot), English otherwise.",
        'version: "3.1"',
        "",
        "responses:",
    ]
    for name in RESPONSES:
        lines.append(f"  {name}:")
        for lang in (*TRANSLATED, "en"):
            lines.extend(_variation(name, lang))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(OUTPUT, render(), "-m scripts.gen_domain_responses", argv)


if __name__ == "__main__":
    sys.exit(main())
