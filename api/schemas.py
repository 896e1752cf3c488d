"""Request and response models (pydantic 2). Field-level rules that need no context live here; rules that
compare fields or need the clock live in `validation.py`."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from api.messages import MESSAGES

# Unicode category Cc is exactly these 65 code points; a regex checks them in C (every text field of
# every record passes here).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _printable(value: str) -> str:
    """No control characters (PostgreSQL refuses NUL; none belong in a declaration); NFC, trimmed."""
    if _CONTROL.search(value):
        raise PydanticCustomError("control_characters", "Remove control characters (tabs, line breaks).")
    return unicodedata.normalize("NFC", value).strip()


# Pydantic reads a number (or a string of digits) as seconds since 1970: `"date_of_birth": 0` would be
# 1 January 1970. Dates and times are accepted only as ISO text (or date objects, from Python callers).
_NUMBER = re.compile(r"^\s*[-+]?\d+(\.\d*)?\s*$")


def _iso_text(code: str) -> Any:
    def check(value: Any) -> Any:
        if isinstance(value, bool | int | float) or (isinstance(value, str) and _NUMBER.match(value)):
            raise PydanticCustomError(code, MESSAGES[code])
        return value

    return check


def _date_in_range(value: date) -> date:
    if not 1900 <= value.year <= 2200:
        raise PydanticCustomError("date_range", "Use a date between 1900 and 2200 (YYYY-MM-DD).")
    return value


def _datetime_in_range(value: datetime) -> datetime:
    if not 1990 <= value.year <= 2200:
        raise PydanticCustomError("date_range", "Use a date between 1990 and 2200 (YYYY-MM-DDTHH:MM).")
    return value


Text = Annotated[str, AfterValidator(_printable)]
Day = Annotated[date, BeforeValidator(_iso_text("date_format")), AfterValidator(_date_in_range)]
Moment = Annotated[datetime, BeforeValidator(_iso_text("moment_format")), AfterValidator(_datetime_in_range)]


class StrictModel(BaseModel):
    """Inputs reject unknown fields, so a misspelt field name is reported instead of silently dropped."""

    model_config = ConfigDict(extra="forbid")


class EstablishmentKind(StrEnum):
    hotel = "hotel"
    guesthouse = "guesthouse"
    homestay = "homestay"
    private_home = "private_home"
    dormitory = "dormitory"
    other = "other"


class Sex(StrEnum):
    male = "M"
    female = "F"
    unspecified = "X"


class DocumentType(StrEnum):
    passport = "passport"
    travel_document = "travel_document"  # a document valid in place of a passport
    laissez_passer = "laissez_passer"


class Purpose(StrEnum):
    tourism = "tourism"
    business = "business"
    work = "work"
    study = "study"
    family = "family"
    official = "official"
    other = "other"


class Status(StrEnum):
    received = "received"
    amended = "amended"
    cancelled = "cancelled"


# --- establishments ------------------------------------------------------------------------------


class EstablishmentCreate(StrictModel):
    name: Annotated[Text, Field(min_length=2, max_length=200)]
    kind: EstablishmentKind
    address: Annotated[Text, Field(min_length=3, max_length=300)]
    ward: Annotated[Text, Field(min_length=2, max_length=120, description="Ward or commune (phường/xã)")]
    province: Annotated[
        Text,
        Field(
            min_length=2,
            max_length=80,
            description="One of the 34 current provinces; old names of merged provinces are accepted",
            examples=["Hà Nội", "Hà Nam"],
        ),
    ]
    remote_area: bool = Field(default=False, description="Remote area: the deadline becomes 24 hours")
    contact_phone: Annotated[Text, Field(min_length=8, max_length=20, examples=["+84912345678"])]


class EstablishmentPublic(BaseModel):
    id: int
    name: str
    kind: EstablishmentKind
    address: str
    ward: str
    province_code: str
    province_name: str
    former_province: str | None
    remote_area: bool
    deadline_hours: int
    contact_phone: str


class EstablishmentSummary(BaseModel):
    id: int
    name: str
    province_code: str
    province_name: str
    ward: str


class EstablishmentRegistered(BaseModel):
    establishment: EstablishmentPublic
    api_key: str = Field(description="Shown once; only its digest is stored")
    linked_chat_account: str | None


# Ids are 32-bit integers on both databases; larger ones in a path or query are a 422, not a 500.
DB_INT_MAX = 2**31 - 1


class LinkCreate(StrictModel):
    code: Annotated[
        Text,
        Field(
            min_length=8,
            max_length=20,
            description="The one-time code the chat showed",
            examples=["7K3Q-9XMD"],
        ),
    ]


class LinkCodePublic(BaseModel):
    code: str = Field(description="Show it in the chat; the establishment submits it with its API key")
    expires_at: datetime
    chat_account: str


class LinkPublic(BaseModel):
    chat_account: str
    establishment_id: int


# --- who am I ------------------------------------------------------------------------------------


class OfficerPublic(BaseModel):
    id: int
    name: str
    province_code: str
    province_name: str


class Me(BaseModel):
    role: str = Field(
        description="host (API key), channel (chat account linked to an establishment), officer"
    )
    chat_account: str | None = None
    establishment: EstablishmentPublic | None = None
    officer: OfficerPublic | None = None


# --- declarations --------------------------------------------------------------------------------


class GuestIn(StrictModel):
    full_name: Annotated[Text, Field(min_length=2, max_length=120, description="As in the document")]
    sex: Sex
    date_of_birth: Day
    nationality: Annotated[
        Text,
        Field(
            min_length=1,
            max_length=3,
            description="ISO 3166-1 alpha-3 or ICAO code; look names up with GET /v1/nationalities?q=",
            examples=["KOR", "DEU", "D"],
        ),
    ]
    document_type: DocumentType = DocumentType.passport
    document_number: Annotated[Text, Field(min_length=1, max_length=20)]
    document_expiry: Day
    visa_number: Annotated[Text, Field(max_length=20)] | None = Field(
        default=None, description="Visa or temporary-residence card number"
    )
    entry_date: Day | None = Field(default=None, description="Date of entry into Viet Nam")
    port_of_entry: Annotated[Text, Field(max_length=100)] | None = None
    purpose: Purpose | None = None


class DeclarationCreate(StrictModel):
    guest: GuestIn
    arrival_at: Moment = Field(
        description="Arrival at the establishment; a time without offset is Viet Nam time (UTC+7)",
        examples=["2025-07-20T14:30:00"],
    )
    stay_until: Day = Field(description="Planned last day of the stay")
    room: Annotated[Text, Field(max_length=20)] | None = None


class DeclarationAmend(DeclarationCreate):
    reason: Annotated[Text, Field(max_length=500)] | None = None


class CancelRequest(StrictModel):
    reason: Annotated[Text, Field(min_length=3, max_length=500)]


class GuestPublic(BaseModel):
    full_name: str
    sex: Sex
    date_of_birth: date
    nationality: str
    document_type: DocumentType
    document_number: str
    document_number_masked: bool
    document_expiry: date
    visa_number: str | None
    entry_date: date | None
    port_of_entry: str | None
    purpose: Purpose | None


class DeclarationPublic(BaseModel):
    receipt_code: str
    status: Status
    version: int
    declared_at: datetime
    updated_at: datetime
    arrival_at: datetime
    deadline_at: datetime
    deadline_hours: int
    late: bool
    hours_after_arrival: float
    establishment: EstablishmentSummary
    guest: GuestPublic
    stay_until: date
    room: str | None
    cancel_reason: str | None


class DeclarationList(BaseModel):
    items: list[DeclarationPublic]
    total: int
    limit: int
    offset: int


class VersionPublic(BaseModel):
    version: int
    change: str
    recorded_at: datetime
    reason: str | None
    data: dict[str, Any]


class DeclarationHistory(BaseModel):
    receipt_code: str
    versions: list[VersionPublic]


class ValidationOk(BaseModel):
    valid: bool
    deadline_at: datetime
    deadline_hours: int
    late: bool
    hours_after_arrival: float


class BatchRequest(StrictModel):
    declarations: Annotated[
        list[dict[str, Any]],
        Field(
            min_length=1,
            max_length=100,
            description="Up to 100 declarations, each shaped like DeclarationCreate; checked one by one",
            json_schema_extra={"items": {"$ref": "#/components/schemas/DeclarationCreate"}},
        ),
    ]


class ErrorItem(BaseModel):
    loc: list[str | int]
    code: str
    msg: str
    msg_vi: str


class ErrorBody(BaseModel):
    detail: list[ErrorItem]


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """A route's `responses=`: these statuses answer with the uniform error body (documented in OpenAPI)."""
    return {status: {"model": ErrorBody} for status in statuses}


class BatchItem(BaseModel):
    index: int
    status: int = Field(description="201 filed, 422 rejected")
    declaration: DeclarationPublic | None = None
    errors: list[ErrorItem] | None = None


class BatchResponse(BaseModel):
    filed: int
    rejected: int
    results: list[BatchItem]


# --- MRZ, nationalities, reports -----------------------------------------------------------------


class MrzRequest(StrictModel):
    line1: Annotated[Text, Field(max_length=60)]
    line2: Annotated[Text, Field(max_length=60)]


class MrzGuest(BaseModel):
    full_name: str
    surname: str
    given_names: str
    sex: Sex
    date_of_birth: date | None
    nationality: str
    nationality_known: bool
    document_type: DocumentType
    document_number: str
    document_expiry: date | None
    issuing_state: str


class MrzResponse(BaseModel):
    valid: bool = Field(description="Every check digit matched and the nationality code is known")
    checks: dict[str, bool]
    guest: MrzGuest
    hints: list[ErrorItem]


class NationalityPublic(BaseModel):
    code: str
    name_en: str
    name_vi: str


class ReportRow(BaseModel):
    key: str
    name: str
    count: int


class PeriodicReport(BaseModel):
    province_code: str
    window: str
    month: str
    start: date
    end: date
    total: int
    by_nationality: list[ReportRow]
    by_establishment: list[ReportRow]
