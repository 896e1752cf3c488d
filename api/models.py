"""ORM models (SQLAlchemy 2, typed). The schema itself is created only by Alembic migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC on both back ends; always read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON()}


class Establishment(Base):
    __tablename__ = "establishments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(300))
    ward: Mapped[str] = mapped_column(String(120))
    province_code: Mapped[str] = mapped_column(String(40), index=True)
    former_province: Mapped[str | None] = mapped_column(String(80))
    remote_area: Mapped[bool]
    contact_phone: Mapped[str] = mapped_column(String(20))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class ChatLink(Base):
    """One chat account acts for exactly one establishment."""

    __tablename__ = "chat_links"

    chat_account: Mapped[str] = mapped_column(String(120), primary_key=True)
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"), index=True)
    created_at: Mapped[datetime]


class LinkCode(Base):
    """A one-time code the chat showed to one chat account; the establishment that submits it with its
    API key gets that chat account linked. Only its SHA-256 digest is stored."""

    __tablename__ = "link_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    chat_account: Mapped[str] = mapped_column(String(120), index=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class HealthProbe(Base):
    """One row that `/health` updates in a transaction it rolls back: proof that the database takes writes."""

    __tablename__ = "health_probe"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    checked_at: Mapped[datetime]


class Officer(Base):
    __tablename__ = "officers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    province_code: Mapped[str] = mapped_column(String(40))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    # Console sign-in (migration 0002): the password is an Argon2 hash; a one-time password from the CLI
    # must be changed at first sign-in; repeated failures lock the account for a while.
    login: Mapped[str | None] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class ConsoleSession(Base):
    """A signed-in console browser: the cookie's digest (never the cookie), its CSRF token and expiry."""

    __tablename__ = "console_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    officer_id: Mapped[int] = mapped_column(ForeignKey("officers.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class Declaration(Base):
    """The current version of one guest's declaration; earlier versions live in DeclarationVersion."""

    __tablename__ = "declarations"
    __table_args__ = (
        Index("ix_declarations_establishment_declared", "establishment_id", "declared_at"),
        Index("ix_declarations_province_declared", "province_code", "declared_at"),
        Index("ix_declarations_province_arrival", "province_code", "arrival_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_code: Mapped[str] = mapped_column(String(20), unique=True)
    establishment_id: Mapped[int] = mapped_column(ForeignKey("establishments.id"))
    province_code: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))
    version: Mapped[int]
    declared_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    arrival_at: Mapped[datetime]
    deadline_at: Mapped[datetime]
    deadline_hours: Mapped[int]
    late: Mapped[bool]
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    full_name: Mapped[str] = mapped_column(String(120))
    name_search: Mapped[str] = mapped_column(String(120), index=True)
    sex: Mapped[str] = mapped_column(String(1))
    date_of_birth: Mapped[date]
    nationality: Mapped[str] = mapped_column(String(3))
    document_type: Mapped[str] = mapped_column(String(20))
    document_number: Mapped[str] = mapped_column(String(20), index=True)
    document_expiry: Mapped[date]
    visa_number: Mapped[str | None] = mapped_column(String(20))
    entry_date: Mapped[date | None]
    port_of_entry: Mapped[str | None] = mapped_column(String(100))
    purpose: Mapped[str | None] = mapped_column(String(20))
    stay_until: Mapped[date]
    room: Mapped[str | None] = mapped_column(String(20))

    establishment: Mapped[Establishment] = relationship(lazy="joined", innerjoin=True)


class DeclarationVersion(Base):
    """Every version ever filed (the first filing, each amendment, the cancellation)."""

    __tablename__ = "declaration_versions"
    __table_args__ = (UniqueConstraint("declaration_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    declaration_id: Mapped[int] = mapped_column(ForeignKey("declarations.id", ondelete="CASCADE"))
    version: Mapped[int]
    change: Mapped[str] = mapped_column(String(12))
    recorded_at: Mapped[datetime]
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any]]


class IdempotencyRecord(Base):
    """The first answer to (caller scope, Idempotency-Key), committed with what it filed."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(160))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int]
    response: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(index=True)


class AuditEvent(Base):
    """Append-only (database triggers refuse UPDATE and DELETE). Never holds a document number."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_actor_action_at", "actor", "action", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(160))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]]


def core_table(model: type[Base]) -> Table:
    """The Table behind a model, for Core statements (the hot paths skip the ORM unit of work)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


DECLARATION_COLUMNS: tuple[str, ...] = tuple(c.key for c in core_table(Declaration).columns if c.key != "id")


def declaration_values(decl: Declaration) -> dict[str, Any]:
    """A declaration's column values (without its id): the plain shape filing builds and presenters read,
    so filing never pays for instrumented ORM objects."""
    return {column: getattr(decl, column) for column in DECLARATION_COLUMNS}
