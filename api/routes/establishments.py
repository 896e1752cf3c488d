"""Registering establishments, linking chat accounts, and `GET /v1/me`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status
from sqlalchemy.exc import IntegrityError

from api import audit, linking
from api.deps import CallerDep, HostDep, SessionDep
from api.errors import Conflict, FieldError, Forbidden, InvalidRecord, NotFound
from api.geo import province_name, resolve
from api.models import ChatLink, Establishment
from api.presenters import establishment_public
from api.schemas import (
    DB_INT_MAX,
    EstablishmentCreate,
    EstablishmentRegistered,
    LinkCodePublic,
    LinkCreate,
    LinkPublic,
    Me,
    OfficerPublic,
    error_responses,
)
from api.security import HOST_KEY_PREFIX, new_token, token_digest
from api.timeutil import to_local, utcnow
from api.validation import normalise_phone, phone_errors

router = APIRouter(prefix="/v1", tags=["establishments"])
EstablishmentId = Annotated[int, Path(ge=1, le=DB_INT_MAX, description="Your establishment's id")]
_ERRORS = error_responses(401, 403, 404, 409, 422)


@router.post(
    "/establishments",
    status_code=status.HTTP_201_CREATED,
    response_model=EstablishmentRegistered,
    responses=_ERRORS,
)
def create_establishment(
    body: EstablishmentCreate, caller: CallerDep, session: SessionDep
) -> EstablishmentRegistered:
    """Register an establishment. Through the chat channel this also links the calling chat account;
    an officer may register establishments of their own province. The API key is shown only here."""
    if caller.kind == "host":
        raise Forbidden("registrar_only")
    if caller.kind == "channel" and caller.establishment is not None:
        raise Conflict("chat_already_linked", ("header", "X-Chat-Account"))
    province = resolve(body.province)
    errors = phone_errors(body.contact_phone, ("body", "contact_phone"))
    if province is None:
        errors.insert(0, FieldError(("body", "province"), "province_unknown", {"value": body.province}))
    if errors or province is None:
        raise InvalidRecord(errors)
    if caller.officer is not None and caller.officer.province_code != province.code:
        raise Forbidden("officer_other_province", province=province_name(caller.officer.province_code))
    api_key = new_token(HOST_KEY_PREFIX)
    now = utcnow()
    est = Establishment(
        name=body.name,
        kind=body.kind.value,
        address=body.address,
        ward=body.ward,
        province_code=province.code,
        former_province=province.former,
        remote_area=body.remote_area,
        contact_phone=normalise_phone(body.contact_phone),
        key_hash=token_digest(api_key),
        created_at=now,
    )
    session.add(est)
    session.flush()
    if caller.chat_account is not None:
        session.add(ChatLink(chat_account=caller.chat_account, establishment_id=est.id, created_at=now))
    audit.record(session, caller.actor, "establishment.register", f"establishment:{est.id}")
    try:
        session.commit()
    except IntegrityError as error:  # the same chat account registering twice at the same moment
        session.rollback()
        raise Conflict("chat_already_linked", ("header", "X-Chat-Account")) from error
    return EstablishmentRegistered(
        establishment=establishment_public(est), api_key=api_key, linked_chat_account=caller.chat_account
    )


@router.post(
    "/link-codes",
    status_code=status.HTTP_201_CREATED,
    response_model=LinkCodePublic,
    responses=error_responses(401, 403, 404, 409, 422, 429),
)
def create_link_code(caller: CallerDep, session: SessionDep) -> LinkCodePublic:
    """Chat channel only: a one-time code for the calling chat account, to be shown in that chat. The
    establishment then submits it with its API key (`POST /v1/establishments/{id}/links`). A new code
    replaces the account's earlier ones; a linked account gets 409."""
    if caller.kind != "channel" or caller.chat_account is None:
        raise Forbidden("channel_only")
    code, expires = linking.issue_code(session, caller.chat_account, caller.actor, utcnow())
    return LinkCodePublic(code=code, expires_at=to_local(expires), chat_account=caller.chat_account)


@router.post(
    "/establishments/{establishment_id}/links",
    status_code=status.HTTP_201_CREATED,
    response_model=LinkPublic,
    responses=error_responses(401, 403, 404, 409, 422, 429),
)
def create_link(
    establishment_id: EstablishmentId, body: LinkCreate, caller: HostDep, session: SessionDep
) -> LinkPublic:
    """Link the chat account that was shown `code` to this establishment. Needs the establishment's own
    API key AND the code from that chat, so neither a key nor a chat account alone can link."""
    if caller.kind != "host" or caller.establishment is None:
        raise Forbidden("host_only")
    if caller.establishment.id != establishment_id:  # the same answer whether it exists or not
        raise NotFound(
            "establishment_not_found", ("path", "establishment_id"), establishment_id=establishment_id
        )
    account = linking.redeem_code(session, caller.establishment, body.code, caller.actor, utcnow())
    return LinkPublic(chat_account=account, establishment_id=establishment_id)


@router.get("/me", response_model=Me, responses=_ERRORS, tags=["auth"])
def read_me(caller: CallerDep) -> Me:
    """Who the token (and chat account) belongs to. A chat account not linked yet gets role 'channel'
    and no establishment: it should register first."""
    if caller.officer is not None:
        officer = caller.officer
        return Me(
            role="officer",
            officer=OfficerPublic(
                id=officer.id,
                name=officer.name,
                province_code=officer.province_code,
                province_name=province_name(officer.province_code),
            ),
        )
    est = establishment_public(caller.establishment) if caller.establishment else None
    return Me(role=caller.kind, chat_account=caller.chat_account, establishment=est)
