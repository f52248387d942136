"""The database tables (SQLModel). Only :mod:`debate.store.convert` and the repository touch
these rows; the engine never sees them.

Times are stored as UTC. ``payload`` holds the event exactly as the engine serialises it
(``Event.model_dump_json()``); ``seq``, ``actor`` and ``kind`` repeat parts of it as
columns so they can be queried and constrained.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, Index, MetaData, Text
from sqlmodel import Field, SQLModel

#: Name of the table Alembic keeps the schema revision in; its presence marks a debate DB.
VERSION_TABLE = "debate_schema"

# A metadata of our own, so that SQLModel tables defined elsewhere never leak into our
# migrations (SQLModel.metadata is shared process-wide).
STORE_METADATA = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class _StoreTable(SQLModel):
    metadata = STORE_METADATA


class MotionSnapshotRow(_StoreTable, table=True):
    """A motion exactly as some session was played with it, stored once per content hash.

    Kept apart from ``sessions`` so that the session row, updated on every append, stays
    small (a motion's JSON runs to tens of kilobytes).
    """

    __tablename__ = "motion_snapshots"

    sha256: str = Field(primary_key=True, max_length=64)
    motion_id: str = Field(max_length=40)
    snapshot: str = Field(sa_type=Text)  # canonical JSON of Motion.model_dump(mode="json")
    saved: datetime = Field(sa_type=DateTime(timezone=True))


class SessionRow(_StoreTable, table=True):
    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'finished', 'abandoned')", name="status"),
        # The lists' order (newest first): a page is read without sorting every session.
        Index("ix_sessions_updated", "updated", "id"),
    )

    id: str = Field(primary_key=True, max_length=32)
    title: str = Field(max_length=200)
    motion_id: str = Field(max_length=40, index=True)
    motion_title: str = Field(max_length=200)
    motion_sha256: str = Field(foreign_key="motion_snapshots.sha256", max_length=64)
    seed: int = Field(sa_type=BigInteger)
    status: str = Field(max_length=16)
    created: datetime = Field(sa_type=DateTime(timezone=True))
    updated: datetime = Field(sa_type=DateTime(timezone=True))
    # No foreign key: a branch may outlive its parent, or be imported without it.
    parent_id: str | None = Field(default=None, max_length=32)
    fork_seq: int | None = None
    # The optimistic lock of appends: the seq the next event must have (= event count).
    next_seq: int = 0
    # Turns with at least one action: +1 whenever the actor changes.
    turns: int = 0
    last_actor: str | None = Field(default=None, max_length=40)


class SeatRow(_StoreTable, table=True):
    __tablename__ = "seats"
    __table_args__ = (CheckConstraint("kind IN ('human', 'scripted')", name="kind"),)

    session_id: str = Field(
        primary_key=True, foreign_key="sessions.id", ondelete="CASCADE", max_length=32
    )
    role: str = Field(primary_key=True, max_length=40)
    position: int  # seating order (the motion's turn order decides play order)
    player: str = Field(max_length=80)
    kind: str = Field(max_length=16)
    difficulty: str | None = Field(default=None, max_length=40)


class EventRow(_StoreTable, table=True):
    __tablename__ = "events"
    __table_args__ = (CheckConstraint("seq >= 0", name="seq"),)

    # The composite primary key is the "seq unique per session" constraint.
    session_id: str = Field(
        primary_key=True, foreign_key="sessions.id", ondelete="CASCADE", max_length=32
    )
    seq: int = Field(primary_key=True)
    actor: str = Field(max_length=40)
    kind: str = Field(max_length=16)
    payload: str = Field(sa_type=Text)
    at: datetime = Field(sa_type=DateTime(timezone=True))


class AnnotationRow(_StoreTable, table=True):
    __tablename__ = "annotations"
    __table_args__ = (Index("ix_annotations_session_seq", "session_id", "seq"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(foreign_key="sessions.id", ondelete="CASCADE", max_length=32)
    seq: int
    author: str = Field(max_length=80)
    text: str = Field(sa_type=Text)
    created: datetime = Field(sa_type=DateTime(timezone=True))
    updated: datetime = Field(sa_type=DateTime(timezone=True))


MOTION_SNAPSHOTS = MotionSnapshotRow.__table__  # type: ignore[attr-defined]
SESSIONS = SessionRow.__table__  # type: ignore[attr-defined]
SEATS = SeatRow.__table__  # type: ignore[attr-defined]
EVENTS = EventRow.__table__  # type: ignore[attr-defined]
ANNOTATIONS = AnnotationRow.__table__  # type: ignore[attr-defined]


# -- hosted (networked) games: schema 0003 ----------------------------------------------------


class HostedGameRow(_StoreTable, table=True):
    """A session played from many screens: its pace (pause, turn timer) and banner.

    ``version`` grows on every change of this row, so that a client sees a pause, a timer
    or a banner change as it sees a new event.
    """

    __tablename__ = "hosted_games"

    session_id: str = Field(
        primary_key=True, foreign_key="sessions.id", ondelete="CASCADE", max_length=32
    )
    paused: bool = False
    paused_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    turn_limit: int | None = None  # seconds a seat has for its turn; None: no limit
    # The turn clock runs from the later of this and the turn's first moment.
    clock_from: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    banner: str | None = Field(default=None, sa_type=Text)
    version: int = 0
    created: datetime = Field(sa_type=DateTime(timezone=True))
    expires: datetime = Field(sa_type=DateTime(timezone=True))  # when its codes stop working


class AccessCodeRow(_StoreTable, table=True):
    """A join code, stored only as its SHA-256; ``role`` None is the facilitator's code."""

    __tablename__ = "access_codes"

    code_hash: str = Field(primary_key=True, max_length=64)
    session_id: str = Field(
        foreign_key="sessions.id", ondelete="CASCADE", max_length=32, index=True
    )
    role: str | None = Field(default=None, max_length=40)
    created: datetime = Field(sa_type=DateTime(timezone=True))


class LeaseRow(_StoreTable, table=True):
    """Who plays a hosted game's scripted seats and runs its clock, until ``expires``."""

    __tablename__ = "leases"

    session_id: str = Field(
        primary_key=True, foreign_key="sessions.id", ondelete="CASCADE", max_length=32
    )
    holder: str = Field(max_length=64)
    expires: datetime = Field(sa_type=DateTime(timezone=True))


class PresenceRow(_StoreTable, table=True):
    """A client connected to a hosted game, as last heard from."""

    __tablename__ = "presence"

    session_id: str = Field(
        primary_key=True, foreign_key="sessions.id", ondelete="CASCADE", max_length=32
    )
    client_id: str = Field(primary_key=True, max_length=64)
    role: str | None = Field(default=None, max_length=40)  # None: the facilitator
    seen: datetime = Field(sa_type=DateTime(timezone=True))


HOSTED_GAMES = HostedGameRow.__table__  # type: ignore[attr-defined]
ACCESS_CODES = AccessCodeRow.__table__  # type: ignore[attr-defined]
LEASES = LeaseRow.__table__  # type: ignore[attr-defined]
PRESENCE = PresenceRow.__table__  # type: ignore[attr-defined]
