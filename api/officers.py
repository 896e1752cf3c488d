"""Creating officers (CLI and tests): a token scoped to one province, shown once, stored as a digest."""

from __future__ import annotations

from sqlalchemy.orm import Session

from api import audit
from api.models import Officer
from api.security import OFFICER_TOKEN_PREFIX, new_token, token_digest
from api.timeutil import utcnow


def create_officer(session: Session, name: str, province_code: str) -> tuple[int, str]:
    """(officer id, token). Commits."""
    token = new_token(OFFICER_TOKEN_PREFIX)
    officer = Officer(
        name=name, province_code=province_code, token_hash=token_digest(token), created_at=utcnow()
    )
    session.add(officer)
    session.flush()
    audit.record(session, "system:cli", "officer.create", f"officer:{officer.id}", province=province_code)
    session.commit()
    return officer.id, token
