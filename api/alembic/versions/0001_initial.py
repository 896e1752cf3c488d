"""Initial schema: establishments, chat links, officers, declarations and versions, idempotency, audit.

Revision ID: 0001
Revises:
Create Date: 2025-07-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "establishments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("address", sa.String(300), nullable=False),
        sa.Column("ward", sa.String(120), nullable=False),
        sa.Column("province_code", sa.String(40), nullable=False, index=True),
        sa.Column("former_province", sa.String(80)),
        sa.Column("remote_area", sa.Boolean, nullable=False),
        sa.Column("contact_phone", sa.String(20), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "chat_links",
        sa.Column("chat_account", sa.String(120), primary_key=True),
        sa.Column("establishment_id", sa.Integer, sa.ForeignKey("establishments.id"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_chat_links_establishment_id", "chat_links", ["establishment_id"])
    op.create_table(
        "officers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("province_code", sa.String(40), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "declarations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("receipt_code", sa.String(20), nullable=False, unique=True),
        sa.Column("establishment_id", sa.Integer, sa.ForeignKey("establishments.id"), nullable=False),
        sa.Column("province_code", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("declared_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("arrival_at", sa.DateTime, nullable=False),
        sa.Column("deadline_at", sa.DateTime, nullable=False),
        sa.Column("deadline_hours", sa.Integer, nullable=False),
        sa.Column("late", sa.Boolean, nullable=False),
        sa.Column("cancel_reason", sa.Text),
        sa.Column("full_name", sa.String(120), nullable=False),
        sa.Column("name_search", sa.String(120), nullable=False),
        sa.Column("sex", sa.String(1), nullable=False),
        sa.Column("date_of_birth", sa.Date, nullable=False),
        sa.Column("nationality", sa.String(3), nullable=False),
        sa.Column("document_type", sa.String(20), nullable=False),
        sa.Column("document_number", sa.String(20), nullable=False),
        sa.Column("document_expiry", sa.Date, nullable=False),
        sa.Column("visa_number", sa.String(20)),
        sa.Column("entry_date", sa.Date),
        sa.Column("port_of_entry", sa.String(100)),
        sa.Column("purpose", sa.String(20)),
        sa.Column("stay_until", sa.Date, nullable=False),
        sa.Column("room", sa.String(20)),
    )
    op.create_index(
        "ix_declarations_establishment_declared", "declarations", ["establishment_id", "declared_at"]
    )
    op.create_index("ix_declarations_province_declared", "declarations", ["province_code", "declared_at"])
    op.create_index("ix_declarations_name_search", "declarations", ["name_search"])
    op.create_index("ix_declarations_document_number", "declarations", ["document_number"])
    op.create_table(
        "declaration_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "declaration_id",
            sa.Integer,
            sa.ForeignKey("declarations.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("change", sa.String(12), nullable=False),
        sa.Column("recorded_at", sa.DateTime, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("data", sa.JSON, nullable=False),
        sa.UniqueConstraint("declaration_id", "version"),
    )
    op.create_table(
        "idempotency_records",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scope", sa.String(160), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("status_code", sa.Integer, nullable=False),
        sa.Column("response", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("scope", "key"),
    )
    op.create_index("ix_idempotency_records_created_at", "idempotency_records", ["created_at"])
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(160), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("detail", sa.JSON, nullable=False),
    )
    _make_audit_append_only()


def _make_audit_append_only() -> None:
    """The audit log refuses UPDATE and DELETE at the database level, not only in our code."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_events_no_{verb.lower()} BEFORE {verb} ON audit_events "
                "BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
    for table in (
        "audit_events",
        "idempotency_records",
        "declaration_versions",
        "declarations",
        "officers",
        "chat_links",
        "establishments",
    ):
        op.drop_table(table)
