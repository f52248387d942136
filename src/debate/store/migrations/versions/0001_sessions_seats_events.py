"""Motion snapshots, sessions, seats and events.

Revision ID: 0001
Revises:
Create Date: 2025-08-20
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
        "motion_snapshots",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("motion_id", sa.String(40), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("saved", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_motion_snapshots"),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("motion_id", sa.String(40), nullable=False),
        sa.Column("motion_title", sa.String(200), nullable=False),
        sa.Column("motion_sha256", sa.String(64), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parent_id", sa.String(32), nullable=True),
        sa.Column("fork_seq", sa.Integer(), nullable=True),
        sa.Column("next_seq", sa.Integer(), nullable=False),
        sa.Column("turns", sa.Integer(), nullable=False),
        sa.Column("last_actor", sa.String(40), nullable=True),
        sa.ForeignKeyConstraint(
            ["motion_sha256"],
            ["motion_snapshots.sha256"],
            name="fk_sessions_motion_sha256_motion_snapshots",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
    )
    op.create_index("ix_sessions_motion_id", "sessions", ["motion_id"])
    op.create_table(
        "seats",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("player", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("difficulty", sa.String(40), nullable=True),
        sa.CheckConstraint("kind IN ('human', 'scripted')", name="ck_seats_kind"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_seats_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "role", name="pk_seats"),
    )
    op.create_table(
        "events",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("seq >= 0", name="ck_events_seq"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name="fk_events_session_id_sessions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "seq", name="pk_events"),
    )


def downgrade() -> None:
    op.drop_table("events")
    op.drop_table("seats")
    op.drop_index("ix_sessions_motion_id", table_name="sessions")
    op.drop_table("sessions")
    op.drop_table("motion_snapshots")
