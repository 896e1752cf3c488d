"""Console sessions: a random cookie whose SHA-256 digest is stored, a CSRF token per session, expiry.

A session ends at sign-out, after IDLE_MINUTES without a request, or MAX_HOURS after sign-in. The cookie
is HttpOnly and SameSite=Strict, and Secure when the console is served over https.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from fastapi import Request, Response
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from api.console.errors import CsrfRejected, NotSignedIn
from api.models import ConsoleSession, Officer
from api.security import same_secret, token_digest
from api.timeutil import utcnow

COOKIE = "console_session"
SIGNIN_CSRF_COOKIE = "console_signin_csrf"
IDLE_MINUTES = 30
MAX_HOURS = 12
_TOUCH_SECONDS = 60  # last_seen_at is written at most once a minute, not on every page


@dataclass(frozen=True)
class SignedIn:
    """The officer behind a request's cookie (detached values: the session row may be gone)."""

    session_id: int
    officer_id: int
    officer_name: str
    province_code: str
    csrf_token: str
    must_change_password: bool

    @property
    def actor(self) -> str:
        """The same actor string as the API's officer reads (api.callers.Caller.actor)."""
        return f"officer:{self.officer_id}"


def start(session: Session, officer: Officer, response: Response, request: Request) -> None:
    """A new session for `officer` (after a successful sign-in): stored, cookie set. Commits."""
    now = utcnow()
    session.execute(
        delete(ConsoleSession).where(ConsoleSession.last_seen_at < now - timedelta(minutes=IDLE_MINUTES))
    )
    token = secrets.token_urlsafe(32)
    session.add(
        ConsoleSession(
            token_hash=token_digest(token),
            officer_id=officer.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    session.commit()
    set_cookie(response, request, COOKIE, token)


def current(session: Session, request: Request) -> SignedIn:
    """The signed-in officer, or NotSignedIn. Refreshes the idle timer (commits)."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise NotSignedIn
    row = session.execute(
        select(ConsoleSession, Officer)
        .join(Officer, Officer.id == ConsoleSession.officer_id)
        .where(ConsoleSession.token_hash == token_digest(token))
    ).first()
    if row is None:
        raise NotSignedIn
    stored, officer = row
    now = utcnow()
    if now - stored.last_seen_at > timedelta(minutes=IDLE_MINUTES) or now - stored.created_at > timedelta(
        hours=MAX_HOURS
    ):
        session.delete(stored)
        session.commit()
        raise NotSignedIn
    if (now - stored.last_seen_at).total_seconds() > _TOUCH_SECONDS:
        stored.last_seen_at = now
    session.commit()
    return SignedIn(
        session_id=stored.id,
        officer_id=officer.id,
        officer_name=officer.name,
        province_code=officer.province_code,
        csrf_token=stored.csrf_token,
        must_change_password=officer.must_change_password,
    )


def end(session: Session, signed_in: SignedIn, response: Response) -> None:
    session.execute(delete(ConsoleSession).where(ConsoleSession.id == signed_in.session_id))
    session.commit()
    clear_cookie(response, COOKIE)


def check_csrf(expected: str, given: str | None) -> None:
    if not given or not same_secret(given, expected):
        raise CsrfRejected


def signin_csrf(request: Request) -> str:
    """The sign-in form's token (double-submit: the same random value in a cookie and the form)."""
    return request.cookies.get(SIGNIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_cookie(response: Response, request: Request, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def clear_cookie(response: Response, name: str) -> None:
    response.delete_cookie(name, path="/console", httponly=True, samesite="strict")
