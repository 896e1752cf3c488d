"""One-time codes that link a chat account to an existing establishment; the health write probe.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "link_codes",
        sa.Column("code_hash", sa.String(64), primary_key=True),
        sa.Column("chat_account", sa.String(120), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "health_probe",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("checked_at", sa.DateTime, nullable=False),
    )
    op.execute("INSERT INTO health_probe (id, checked_at) VALUES (1, CURRENT_TIMESTAMP)")
    # Rate limits count recent audit entries of one actor and action.
    op.create_index("ix_audit_events_actor_action_at", "audit_events", ["actor", "action", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_actor_action_at", table_name="audit_events")
    op.drop_table("health_probe")
    op.drop_table("link_codes")
