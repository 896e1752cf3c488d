"""FastAPI dependencies: the database session and the three kinds of caller (host, chat channel, officer)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session

from api.config import Settings
from api.errors import Forbidden, Unauthorized
from api.models import ChatLink, Establishment, Officer
from api.security import HOST_KEY_PREFIX, OFFICER_TOKEN_PREFIX, same_secret, token_digest

_CHAT_ACCOUNT = re.compile(r"^[a-z][a-z0-9_]{1,19}:[A-Za-z0-9_.@-]{1,80}$")
_bearer = HTTPBearer(
    auto_error=False,
    description="An establishment's API key, an officer's token, or the chat channel's token "
    "(then also send X-Chat-Account)",
)


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.session_factory() as session:
        yield session


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


@dataclass(frozen=True)
class Caller:
    """Who is calling. `establishment` is set for hosts and for linked chat accounts."""

    kind: str  # "host" | "channel" | "officer"
    establishment: Establishment | None = None
    officer: Officer | None = None
    chat_account: str | None = None

    @property
    def actor(self) -> str:
        """Stable identity for the audit log and the idempotency scope."""
        if self.officer is not None:
            return f"officer:{self.officer.id}"
        if self.chat_account is not None:
            return f"chat:{self.chat_account}"
        if self.establishment is not None:
            return f"establishment:{self.establishment.id}"
        return "unknown"


def get_caller(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    x_chat_account: Annotated[
        str | None,
        Header(
            description="Chat channel only: '<channel>:<user id>', e.g. telegram:123456",
            max_length=101,
        ),
    ] = None,
) -> Caller:
    if credentials is None or not credentials.credentials:
        raise Unauthorized("auth_missing", ("header", "Authorization"))
    token = credentials.credentials
    if token.startswith(HOST_KEY_PREFIX):
        est = session.scalars(
            select(Establishment).where(Establishment.key_hash == token_digest(token))
        ).first()
        if est is not None:
            return Caller(kind="host", establishment=est)
    elif token.startswith(OFFICER_TOKEN_PREFIX):
        officer = session.scalars(select(Officer).where(Officer.token_hash == token_digest(token))).first()
        if officer is not None:
            return Caller(kind="officer", officer=officer)
    elif same_secret(token, request.app.state.channel_token):
        return _channel_caller(session, x_chat_account)
    raise Unauthorized("auth_invalid", ("header", "Authorization"))


def _channel_caller(session: Session, chat_account: str | None) -> Caller:
    if not chat_account:
        raise Unauthorized("chat_account_missing", ("header", "X-Chat-Account"))
    if not _CHAT_ACCOUNT.match(chat_account):
        raise Unauthorized("chat_account_invalid", ("header", "X-Chat-Account"))
    row = session.execute(
        select(Establishment)
        .join(ChatLink, ChatLink.establishment_id == Establishment.id)
        .where(ChatLink.chat_account == chat_account)
    ).first()
    return Caller(kind="channel", establishment=row[0] if row else None, chat_account=chat_account)


CallerDep = Annotated[Caller, Depends(get_caller)]


def get_host(caller: CallerDep) -> Caller:
    """A caller acting for an establishment: its API key, or a chat account linked to it."""
    if caller.kind == "officer":
        raise Forbidden("host_only")
    if caller.establishment is None:
        raise Forbidden("chat_not_linked", ("header", "X-Chat-Account"))
    return caller


def get_officer(caller: CallerDep) -> Caller:
    if caller.officer is None:
        raise Forbidden("officer_only")
    return caller


HostDep = Annotated[Caller, Depends(get_host)]
OfficerDep = Annotated[Caller, Depends(get_officer)]
