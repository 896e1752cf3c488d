"""Helpers for filling a declaration: MRZ parsing and nationality look-up (any authenticated caller)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import CallerDep
from api.errors import FieldError, InvalidRecord
from api.schemas import (
    DocumentType,
    ErrorItem,
    MrzGuest,
    MrzRequest,
    MrzResponse,
    NationalityPublic,
    Sex,
    Text,
    error_responses,
)
from api.timeutil import local_date, utcnow
from declaration_spec.mrz import parse_td3
from declaration_spec.nationality import by_code, search_nationalities

router = APIRouter(prefix="/v1", tags=["reference"])
_ERRORS = error_responses(401, 422)


@router.post("/mrz/parse", response_model=MrzResponse, responses=_ERRORS)
def parse_mrz(body: MrzRequest, caller: CallerDep) -> MrzResponse:
    """Two 44-character passport MRZ lines (ICAO 9303 TD3) -> guest fields and each check digit's verdict.
    Failed check digits do not make this a 422: the answer says which field to compare with the passport."""
    result, problems = parse_td3(body.line1, body.line2, local_date(utcnow()))
    if result is None or problems:
        raise InvalidRecord([FieldError(("body", p.line), p.code, dict(p.params)) for p in problems])
    hints = [
        FieldError(("body", "line2"), "mrz_check_failed", {"field": name})
        for name, ok in result.checks.items()
        if not ok
    ]
    known = by_code(result.nationality) is not None
    if not known:
        hints.append(FieldError(("body", "line2"), "mrz_nationality_unknown", {"value": result.nationality}))
    guest = MrzGuest(
        full_name=f"{result.surname} {result.given_names}".strip(),
        surname=result.surname,
        given_names=result.given_names,
        sex=Sex(result.sex),
        date_of_birth=result.date_of_birth,
        nationality=result.nationality,
        nationality_known=known,
        document_type=DocumentType.passport,
        document_number=result.document_number,
        document_expiry=result.document_expiry,
        issuing_state=result.issuing_state,
    )
    return MrzResponse(
        valid=all(result.checks.values()) and known,
        checks=result.checks,
        guest=guest,
        hints=[ErrorItem(**h.as_dict()) for h in hints],
    )


@router.get("/nationalities", response_model=list[NationalityPublic], responses=_ERRORS)
def list_nationalities(
    caller: CallerDep,
    q: Annotated[Text, Query(min_length=1, max_length=60, description="Code or name, English or Vietnamese")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> list[NationalityPublic]:
    """Codes matching a country or nationality name: 'Korea', 'Hàn Quốc', 'Đức', 'German' ..."""
    return [
        NationalityPublic(code=n.code, name_en=n.name_en, name_vi=n.name_vi)
        for n in search_nationalities(q, limit)
    ]
