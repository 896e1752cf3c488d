"""FastAPI dependencies: the database session and the three kinds of caller (host, chat channel, officer).

The cheap ones are `async def`: FastAPI runs every sync dependency in the threadpool, and each of those
thread hops cost more CPU than the dependency itself."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from api.callers import Caller, CallerCache
from api.config import Settings
from api.db import SESSION_SLOTS
from api.errors import Forbidden, Unauthorized
from api.models import ChatLink, Establishment, Officer
from api.security import HOST_KEY_PREFIX, OFFICER_TOKEN_PREFIX, same_secret, token_digest

_CHAT_ACCOUNT = re.compile(r"^[a-z][a-z0-9_]{1,19}:[A-Za-z0-9_.@-]{1,80}$")
_bearer = HTTPBearer(
    auto_error=False,
    description="An establishment's API key, an officer's token, or the chat channel's token "
    "(then also send X-Chat-Account)",
)


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The session of a sync route. It connects at the route's first query (in the threadpool) and is
    closed in the event loop (at most a ROLLBACK), so neither end takes a thread."""
    with request.app.state.session_factory() as session:
        yield session


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


# A sync route's session must not hold its connection (or SQLite's write lock) while the route waits for
# a second thread: FastAPI validates a sync route's answer in the threadpool, and with every thread
# waiting for that connection or lock nothing would move. So routes end their transaction (commit)
# before they return, and at most SESSION_SLOTS such sessions exist at once (the others wait without a
# thread), with room for them in the pool on top of one connection per thread.
SessionDep = Annotated[Session, Depends(get_session, max_concurrency=SESSION_SLOTS)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    x_chat_account: Annotated[
        str | None,
        Header(
            description="Chat channel only: '<channel>:<user id>', e.g. telegram:123456",
            max_length=101,
        ),
    ] = None,
) -> Caller:
    """Async so that a cached caller costs no thread hop; a miss is looked up in the threadpool."""
    if credentials is None or not credentials.credentials:
        raise Unauthorized("auth_missing", ("header", "Authorization"))
    token = credentials.credentials
    state = request.app.state
    if token.startswith((HOST_KEY_PREFIX, OFFICER_TOKEN_PREFIX)):
        cache_key = token_digest(token)
    elif same_secret(token, state.channel_token):
        if not x_chat_account:
            raise Unauthorized("chat_account_missing", ("header", "X-Chat-Account"))
        if not _CHAT_ACCOUNT.match(x_chat_account):
            raise Unauthorized("chat_account_invalid", ("header", "X-Chat-Account"))
        cache_key = "chat:" + x_chat_account
    else:
        raise Unauthorized("auth_invalid", ("header", "Authorization"))
    cache: CallerCache = state.caller_cache
    caller = cache.get(cache_key)
    if caller is None:
        caller = await run_in_threadpool(_look_up, state.session_factory, token, x_chat_account)
        if caller is None:
            raise Unauthorized("auth_invalid", ("header", "Authorization"))
        if caller.establishment is not None:  # hosts and linked chat accounts: the hot paths
            cache.put(cache_key, caller)
    return caller


def _look_up(factory: sessionmaker[Session], token: str, chat_account: str | None) -> Caller | None:
    """The caller behind a token (already checked to be well formed), in a short session of its own.

    The session is closed before returning, so the Caller's rows are detached snapshots."""
    with factory() as session:
        if token.startswith(HOST_KEY_PREFIX):
            est = session.scalars(
                select(Establishment).where(Establishment.key_hash == token_digest(token))
            ).first()
            return Caller(kind="host", establishment=est) if est is not None else None
        if token.startswith(OFFICER_TOKEN_PREFIX):
            officer = session.scalars(
                select(Officer).where(Officer.token_hash == token_digest(token))
            ).first()
            return Caller(kind="officer", officer=officer) if officer is not None else None
        row = session.execute(
            select(Establishment)
            .join(ChatLink, ChatLink.establishment_id == Establishment.id)
            .where(ChatLink.chat_account == chat_account)
        ).first()
        return Caller(kind="channel", establishment=row[0] if row else None, chat_account=chat_account)


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_host(caller: CallerDep) -> Caller:
    """A caller acting for an establishment: its API key, or a chat account linked to it."""
    if caller.kind == "officer":
        raise Forbidden("host_only")
    if caller.establishment is None:
        raise Forbidden("chat_not_linked", ("header", "X-Chat-Account"))
    return caller


async def get_officer(caller: CallerDep) -> Caller:
    if caller.officer is None:
        raise Forbidden("officer_only")
    return caller


HostDep = Annotated[Caller, Depends(get_host)]
OfficerDep = Annotated[Caller, Depends(get_officer)]
