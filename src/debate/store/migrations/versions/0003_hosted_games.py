"""Hosted games: pace and banner, join codes (hashed), the scripted-seat lease, presence.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _session_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["session_id"], ["sessions.id"], name=f"fk_{table}_session_id_sessions", ondelete="CASCADE"
    )


def _when(name: str, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "hosted_games",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        _when("paused_at", nullable=True),
        sa.Column("turn_limit", sa.Integer(), nullable=True),
        _when("clock_from", nullable=True),
        sa.Column("banner", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _when("created"),
        _when("expires"),
        _session_fk("hosted_games"),
        sa.PrimaryKeyConstraint("session_id", name="pk_hosted_games"),
    )
    op.create_table(
        "access_codes",
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(40), nullable=True),
        _when("created"),
        _session_fk("access_codes"),
        sa.PrimaryKeyConstraint("code_hash", name="pk_access_codes"),
    )
    op.create_index("ix_access_codes_session_id", "access_codes", ["session_id"])
    op.create_table(
        "leases",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("holder", sa.String(64), nullable=False),
        _when("expires"),
        _session_fk("leases"),
        sa.PrimaryKeyConstraint("session_id", name="pk_leases"),
    )
    op.create_table(
        "presence",
        sa.Column("session_id", sa.String(32), nullable=False),
        sa.Column("client_id", sa.String(64), nullable=False),
        sa.Column("role", sa.String(40), nullable=True),
        _when("seen"),
        _session_fk("presence"),
        sa.PrimaryKeyConstraint("session_id", "client_id", name="pk_presence"),
    )


def downgrade() -> None:
    op.drop_table("presence")
    op.drop_table("leases")
    op.drop_index("ix_access_codes_session_id", table_name="access_codes")
    op.drop_table("access_codes")
    op.drop_table("hosted_games")
