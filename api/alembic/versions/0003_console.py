"""Officer console: sign-in columns on officers, console sessions, and an index for arrival-date filters.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officers") as batch:  # batch: SQLite cannot add a UNIQUE column in place
        batch.add_column(sa.Column("login", sa.String(60)))
        batch.add_column(sa.Column("password_hash", sa.String(200)))
        batch.add_column(
            sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_until", sa.DateTime))
        batch.create_unique_constraint("uq_officers_login", ["login"])
    op.create_table(
        "console_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("officer_id", sa.Integer, sa.ForeignKey("officers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_seen_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_console_sessions_officer_id", "console_sessions", ["officer_id"])
    # The console lists a province's declarations by arrival date and reports them by filing time. On
    # PostgreSQL both indexes carry the filtered and grouped columns, so counts and reports over 100,000
    # declarations are index-only scans (benchmarks/console_bench.py), and a trigram index serves the
    # name search ("contains", any accents) when pg_trgm is available.
    postgres = op.get_bind().dialect.name == "postgresql"
    include: dict[str, Any] = {"postgresql_include": list(_COVERED)} if postgres else {}
    op.create_index(
        "ix_declarations_province_arrival", "declarations", ["province_code", "arrival_at"], **include
    )
    if postgres:
        op.drop_index("ix_declarations_province_declared", "declarations")
        op.create_index(
            "ix_declarations_province_declared", "declarations", ["province_code", "declared_at"], **include
        )
        if op.get_bind().execute(sa.text(_TRGM_AVAILABLE)).first() is not None:
            op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            op.execute(
                "CREATE INDEX ix_declarations_name_trgm ON declarations USING gin (name_search gin_trgm_ops)"
            )


_COVERED = ("nationality", "status", "late", "establishment_id")
_TRGM_AVAILABLE = "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_declarations_name_trgm")
        op.drop_index("ix_declarations_province_declared", "declarations")
        op.create_index("ix_declarations_province_declared", "declarations", ["province_code", "declared_at"])
    op.drop_index("ix_declarations_province_arrival", "declarations")
    op.drop_table("console_sessions")
    with op.batch_alter_table("officers") as batch:
        batch.drop_constraint("uq_officers_login", type_="unique")
        for column in ("locked_until", "failed_logins", "must_change_password", "password_hash", "login"):
            batch.drop_column(column)
