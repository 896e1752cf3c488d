"""Officer passwords: Argon2id hashes (argon2-cffi), one-time passwords from the CLI, lock-out.

A one-time password is random and must be replaced at first sign-in. After MAX_FAILURES wrong passwords
in a row the account refuses every sign-in (even a right one) for LOCK_MINUTES; a success resets the
count. Unknown logins cost a hash too, so response time does not tell which logins exist.
"""

from __future__ import annotations

import re
import secrets
from datetime import timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from api import audit
from api.console.errors import AccountLocked, PasswordRejected, SignInRefused
from api.models import Officer
from api.timeutil import utcnow
from catalog import N_

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD_LENGTH = 12

LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,59}$")

_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the login is unknown, so that costs as much time as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def issue_one_time_password(session: Session, officer: Officer, login: str) -> str:
    """Sets the officer's login and a new random password that must be changed at first sign-in; also
    lifts a lock-out. Returns the password (shown once by the CLI). Commits."""
    password = secrets.token_urlsafe(12)
    officer.login = login
    officer.password_hash = hash_password(password)
    officer.must_change_password = True
    officer.failed_logins = 0
    officer.locked_until = None
    audit.record(session, "system:cli", "officer.password_issued", f"officer:{officer.id}")
    session.commit()
    return password


def authenticate(session: Session, login: str, password: str) -> Officer:
    """The officer whose login and password these are, or SignInRefused / AccountLocked. Commits the
    failure count (and the audit entry) either way."""
    officer = session.scalars(select(Officer).where(Officer.login == login.strip().lower())).first()
    if officer is None or officer.password_hash is None:
        _verify(_dummy_hash(), password)
        session.rollback()
        raise SignInRefused
    now = utcnow()
    if officer.locked_until is not None and officer.locked_until > now:
        audit.record(session, f"officer:{officer.id}", "console.signin_locked", f"officer:{officer.id}")
        session.commit()
        raise AccountLocked(officer.locked_until)
    if not _verify(officer.password_hash, password):
        officer.failed_logins += 1
        locked = officer.failed_logins >= MAX_FAILURES
        if locked:
            officer.locked_until = now + timedelta(minutes=LOCK_MINUTES)
            officer.failed_logins = 0
        audit.record(
            session, f"officer:{officer.id}", "console.signin_failed", f"officer:{officer.id}", locked=locked
        )
        session.commit()
        if locked and officer.locked_until is not None:
            raise AccountLocked(officer.locked_until)
        raise SignInRefused
    officer.failed_logins = 0
    officer.locked_until = None
    if _hasher.check_needs_rehash(officer.password_hash):
        officer.password_hash = hash_password(password)
    audit.record(session, f"officer:{officer.id}", "console.signin", f"officer:{officer.id}")
    session.commit()
    return officer


def change_password(session: Session, officer: Officer, current: str, new: str, repeated: str) -> None:
    """Replaces the password after checking the current one; PasswordRejected says why not. Commits."""
    if officer.password_hash is None or not _verify(officer.password_hash, current):
        raise PasswordRejected(N_("The current password is wrong."))
    if new != repeated:
        raise PasswordRejected(N_("The two new passwords differ."))
    if len(new) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected(N_("The new password must have at least 12 characters."))
    if new == current:
        raise PasswordRejected(N_("The new password must differ from the current one."))
    officer.password_hash = hash_password(new)
    officer.must_change_password = False
    audit.record(session, f"officer:{officer.id}", "console.password_changed", f"officer:{officer.id}")
    session.commit()


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False
