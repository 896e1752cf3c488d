"""ORM rows -> response models. The document number is masked unless `reveal` (officer detail read)."""

from __future__ import annotations

from api.geo import province_name
from api.models import Declaration, Establishment
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
    hours = round((decl.declared_at - decl.arrival_at).total_seconds() / 3600, 2)
    return DeclarationPublic(
        receipt_code=decl.receipt_code,
        status=Status(decl.status),
        version=decl.version,
        declared_at=to_local(decl.declared_at),
        updated_at=to_local(decl.updated_at),
        arrival_at=to_local(decl.arrival_at),
        deadline_at=to_local(decl.deadline_at),
        deadline_hours=decl.deadline_hours,
        late=decl.late,
        hours_after_arrival=hours,
        establishment=establishment_summary(est),
        guest=GuestPublic(
            full_name=decl.full_name,
            sex=Sex(decl.sex),
            date_of_birth=decl.date_of_birth,
            nationality=decl.nationality,
            document_type=DocumentType(decl.document_type),
            document_number=decl.document_number if reveal else mask_document_number(decl.document_number),
            document_number_masked=not reveal,
            document_expiry=decl.document_expiry,
            visa_number=decl.visa_number,
            entry_date=decl.entry_date,
            port_of_entry=decl.port_of_entry,
            purpose=Purpose(decl.purpose) if decl.purpose else None,
        ),
        stay_until=decl.stay_until,
        room=decl.room,
        cancel_reason=decl.cancel_reason,
    )
