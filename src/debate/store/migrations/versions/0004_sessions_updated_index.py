"""An index on sessions (updated, id): the lists' order, so a page of the newest sessions
is read without sorting every saved session (issue 15).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_sessions_updated", "sessions", ["updated", "id"])


def downgrade() -> None:
    op.drop_index("ix_sessions_updated", table_name="sessions")
