"""Annotations, and a CHECK on session status.

SQLite cannot add a constraint to an existing table; the batch operation rebuilds
``sessions`` (copy, drop, rename). The store runs migrations with foreign keys off so
that dropping the old table does not cascade into events.

Revision ID: 0002
Revises: 0001
Create Date: 2025-08-21
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
        "annotations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(80), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_annotations_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_annotations"),
    )
    op.create_index("ix_annotations_session_seq", "annotations", ["session_id", "seq"])
    with op.batch_alter_table("sessions") as batch:
        batch.create_check_constraint(
            "ck_sessions_status", "status IN ('active', 'finished', 'abandoned')"
        )


def downgrade() -> None:
    with op.batch_alter_table("sessions") as batch:
        batch.drop_constraint("ck_sessions_status", type_="check")
    op.drop_index("ix_annotations_session_seq", table_name="annotations")
    op.drop_table("annotations")
