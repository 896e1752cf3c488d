"""Linking a chat account to an existing establishment takes proof from both sides.

The chat channel asks, for its authenticated chat account, for a one-time code and shows it in that chat
only; the establishment submits the code with its own API key. Holding a key is therefore not enough to
take over someone's chat account (issue 10, item 3): the code must come out of that chat. Codes are 8
symbols of the receipt alphabet (40 bits), live 10 minutes, work once (deleted as they are used), and
are stored as SHA-256 digests. Both sides are rate-limited by counting their recent audit entries, so
the limits hold across workers and restarts.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from api import audit
from api.errors import Conflict, FieldError, InvalidRecord, TooManyRequests
from api.models import AuditEvent, ChatLink, Establishment, LinkCode
from api.security import token_digest
from declaration_spec.receipts import ALPHABET

CODE_SYMBOLS = 8
CODE_LIFETIME = timedelta(minutes=10)
# Per chat account: new codes; per establishment: wrong codes. Either within RATE_WINDOW.
MAX_CODES_PER_ACCOUNT = 5
MAX_FAILED_PER_ESTABLISHMENT = 5
RATE_WINDOW = timedelta(minutes=15)

ISSUE_ACTION = "link_code.issue"
FAILED_ACTION = "establishment.link_failed"
LINKED_ACTION = "establishment.link"


def normalise_code(code: str) -> str:
    """'7k3q 9xmd' or '7K3Q-9XMD' -> '7K3Q9XMD' (as read out over the phone or copied from the chat)."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def issue_code(session: Session, chat_account: str, actor: str, now: datetime) -> tuple[str, datetime]:
    """A new code for this chat account (its older codes stop working). Commits."""
    if session.get(ChatLink, chat_account) is not None:
        raise Conflict("chat_already_linked", ("header", "X-Chat-Account"))
    if _recent(session, actor, ISSUE_ACTION, now) >= MAX_CODES_PER_ACCOUNT:
        raise TooManyRequests("too_many_link_codes", minutes=int(RATE_WINDOW.total_seconds() // 60))
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_SYMBOLS))
    expires = now + CODE_LIFETIME
    session.execute(delete(LinkCode).where(LinkCode.chat_account == chat_account))
    session.add(
        LinkCode(code_hash=token_digest(raw), chat_account=chat_account, created_at=now, expires_at=expires)
    )
    audit.record(session, actor, ISSUE_ACTION, f"chat:{chat_account}")
    session.commit()
    return f"{raw[:4]}-{raw[4:]}", expires


def redeem_code(session: Session, est: Establishment, code: str, actor: str, now: datetime) -> str:
    """Links the chat account the code was issued to; returns it. Commits, also a failed attempt."""
    if _recent(session, actor, FAILED_ACTION, now) >= MAX_FAILED_PER_ESTABLISHMENT:
        raise TooManyRequests("too_many_link_attempts", minutes=int(RATE_WINDOW.total_seconds() // 60))
    # One statement takes the code away, so two concurrent submissions cannot both use it.
    chat_account = session.execute(
        delete(LinkCode)
        .where(LinkCode.code_hash == token_digest(normalise_code(code)), LinkCode.expires_at > now)
        .returning(LinkCode.chat_account)
    ).scalar_one_or_none()
    if chat_account is None:
        audit.record(session, actor, FAILED_ACTION, f"establishment:{est.id}")
        session.commit()
        raise InvalidRecord(
            [FieldError(("body", "code"), "link_code_invalid", {"minutes": _lifetime_minutes()})]
        )
    if session.get(ChatLink, chat_account) is not None:  # registered in the chat since it asked for the code
        session.commit()
        raise Conflict("chat_already_linked", ("body", "code"))
    session.add(ChatLink(chat_account=chat_account, establishment_id=est.id, created_at=now))
    audit.record(session, actor, LINKED_ACTION, f"establishment:{est.id}", chat_account=chat_account)
    try:
        session.commit()
    except IntegrityError as error:  # the chat registered at the same moment; the code stays unused
        session.rollback()
        raise Conflict("chat_already_linked", ("body", "code")) from error
    return chat_account


def _lifetime_minutes() -> int:
    return int(CODE_LIFETIME.total_seconds() // 60)


def _recent(session: Session, actor: str, action: str, now: datetime) -> int:
    query = (
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.actor == actor, AuditEvent.action == action, AuditEvent.at >= now - RATE_WINDOW)
    )
    return int(session.scalar(query) or 0)
