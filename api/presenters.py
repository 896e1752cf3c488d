"""ORM rows -> response models. The document number is masked unless `reveal` (officer detail read)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from api.geo import province_name
from api.models import Declaration, Establishment, declaration_values
from api.schemas import (
    DeclarationPublic,
    DocumentType,
    EstablishmentPublic,
    EstablishmentSummary,
    GuestPublic,
    Purpose,
    Sex,
    Status,
)
from api.security import mask_document_number
from api.timeutil import to_local


def establishment_public(est: Establishment) -> EstablishmentPublic:
    return EstablishmentPublic(
        id=est.id,
        name=est.name,
        kind=est.kind,  # type: ignore[arg-type]
        address=est.address,
        ward=est.ward,
        province_code=est.province_code,
        province_name=province_name(est.province_code),
        former_province=est.former_province,
        remote_area=est.remote_area,
        deadline_hours=24 if est.remote_area else 12,
        contact_phone=est.contact_phone,
    )


def establishment_summary(est: Establishment) -> EstablishmentSummary:
    return EstablishmentSummary(
        id=est.id,
        name=est.name,
        province_code=est.province_code,
        province_name=province_name(est.province_code),
        ward=est.ward,
    )


def declaration_public(decl: Declaration, est: Establishment, *, reveal: bool = False) -> DeclarationPublic:
    return declaration_public_from(declaration_values(decl), est, reveal=reveal)


def declaration_json(values: Mapping[str, Any], est: Establishment) -> dict[str, Any]:
    """The masked answer as JSON-ready data: what the write routes return and store for replays."""
    return declaration_public_from(values, est).model_dump(mode="json")


def declaration_public_from(
    values: Mapping[str, Any], est: Establishment, *, reveal: bool = False
) -> DeclarationPublic:
    """From column values (`api.models.declaration_values`, or a row just filed)."""
    v = values
    hours = round((v["declared_at"] - v["arrival_at"]).total_seconds() / 3600, 2)
    number = v["document_number"]
    return DeclarationPublic(
        receipt_code=v["receipt_code"],
        status=Status(v["status"]),
        version=v["version"],
        declared_at=to_local(v["declared_at"]),
        updated_at=to_local(v["updated_at"]),
        arrival_at=to_local(v["arrival_at"]),
        deadline_at=to_local(v["deadline_at"]),
        deadline_hours=v["deadline_hours"],
        late=v["late"],
        hours_after_arrival=hours,
        establishment=establishment_summary(est),
        guest=GuestPublic(
            full_name=v["full_name"],
            sex=Sex(v["sex"]),
            date_of_birth=v["date_of_birth"],
            nationality=v["nationality"],
            document_type=DocumentType(v["document_type"]),
            document_number=number if reveal else mask_document_number(number),
            document_number_masked=not reveal,
            document_expiry=v["document_expiry"],
            visa_number=v["visa_number"],
            entry_date=v["entry_date"],
            port_of_entry=v["port_of_entry"],
            purpose=Purpose(v["purpose"]) if v["purpose"] else None,
        ),
        stay_until=v["stay_until"],
        room=v["room"],
        cancel_reason=v["cancel_reason"],
    )
