"""The fields of a declaration and of an establishment, defined once.

The API's request models and table columns are checked against this table (tests/api/test_spec.py); the
chat builds its slots, the order of its questions, its labels and the summary from it, and
`scripts/gen_declare_slots.py` writes the form slots of bot/domain/declare.yml from it. A field added
here appears in the API check, the chat, the export and docs/declare.md's field table.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalog import N_

_SHORT_SLOT_NAMES = {"remote_area": "remote", "contact_phone": "phone"}


@dataclass(frozen=True)
class Field:
    name: str  # as in the API's JSON body
    group: str  # "guest" (body.guest), "stay" (body), "establishment"
    kind: str  # text, date, moment, choice, bool, phone, code
    label: str  # English label, a catalogue message id (domain "declare")
    required: bool = True  # must be given (by the chat's answers or the API body)
    default: str | None = None  # what the API stores when it is not given
    min_length: int | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    personal: bool = False  # names, dates of birth, document numbers: never logged, cleared after filing
    asked_in_chat: bool = True  # the chat asks it (the API accepts the others from direct callers)

    @property
    def slot(self) -> str:
        """The chat's slot: guest_<name> or est_<name>; two establishment slots keep shorter names that
        the trained model and the story tests already use."""
        if self.group == "establishment":
            return f"est_{_SHORT_SLOT_NAMES.get(self.name, self.name)}"
        return f"guest_{self.name}"

    @property
    def path(self) -> tuple[str, ...]:
        return ("guest", self.name) if self.group == "guest" else (self.name,)


SEXES = ("M", "F", "X")
DOCUMENT_TYPES = ("passport", "travel_document", "laissez_passer")
PURPOSES = ("tourism", "business", "work", "study", "family", "official", "other")
ESTABLISHMENT_KINDS = ("hotel", "guesthouse", "homestay", "private_home", "dormitory", "other")

GUEST_FIELDS: tuple[Field, ...] = (
    Field("full_name", "guest", "text", N_("Full name"), min_length=2, max_length=120, personal=True),
    Field("sex", "guest", "choice", N_("Sex"), choices=SEXES),
    Field("date_of_birth", "guest", "date", N_("Date of birth"), personal=True),
    Field("nationality", "guest", "code", N_("Nationality"), min_length=1, max_length=3),
    Field(
        "document_type",
        "guest",
        "choice",
        N_("Document type"),
        required=False,
        default="passport",
        choices=DOCUMENT_TYPES,
        asked_in_chat=False,
    ),
    Field(
        "document_number", "guest", "text", N_("Passport number"), min_length=1, max_length=20, personal=True
    ),
    Field("document_expiry", "guest", "date", N_("Passport valid until")),
    Field(
        "visa_number",
        "guest",
        "text",
        N_("Visa or residence card number"),
        required=False,
        max_length=20,
        personal=True,
        asked_in_chat=False,
    ),
    Field("entry_date", "guest", "date", N_("Date of entry"), required=False, asked_in_chat=False),
    Field(
        "port_of_entry",
        "guest",
        "text",
        N_("Port of entry"),
        required=False,
        max_length=100,
        asked_in_chat=False,
    ),
    Field("purpose", "guest", "choice", N_("Purpose"), required=False, choices=PURPOSES, asked_in_chat=False),
)
STAY_FIELDS: tuple[Field, ...] = (
    Field("arrival_at", "stay", "moment", N_("Arrival")),
    Field("stay_until", "stay", "date", N_("Staying until")),
    Field("room", "stay", "text", N_("Room"), required=False, max_length=20),
)
ESTABLISHMENT_FIELDS: tuple[Field, ...] = (
    Field("name", "establishment", "text", N_("Establishment name"), min_length=2, max_length=200),
    Field("kind", "establishment", "choice", N_("Kind"), choices=ESTABLISHMENT_KINDS),
    Field("address", "establishment", "text", N_("Address"), min_length=3, max_length=300),
    Field("ward", "establishment", "text", N_("Ward or commune"), min_length=2, max_length=120),
    Field("province", "establishment", "text", N_("Province"), min_length=2, max_length=80),
    Field("remote_area", "establishment", "bool", N_("Remote area"), required=False),
    Field("contact_phone", "establishment", "phone", N_("Phone"), min_length=8, max_length=20),
)
DECLARATION_FIELDS = GUEST_FIELDS + STAY_FIELDS


def chat_fields(fields: tuple[Field, ...]) -> tuple[Field, ...]:
    """The fields the chat asks, in the order it asks them."""
    return tuple(f for f in fields if f.asked_in_chat)


def by_slot() -> dict[str, Field]:
    return {f.slot: f for f in (*DECLARATION_FIELDS, *ESTABLISHMENT_FIELDS)}
