"""The statements and small row readers the repository's parts share."""

from __future__ import annotations

import re

from sqlalchemy import Connection, bindparam, case, insert, select, text, update

from debate.store.convert import annotation_from_row, seat_from_row
from debate.store.errors import InvalidRequest
from debate.store.hosted import channel
from debate.store.records import Annotation, Seat
from debate.store.tables import ANNOTATIONS, EVENTS, MOTION_SNAPSHOTS, SEATS, SESSIONS

# A session row with the text of its motion snapshot.
WITH_SNAPSHOT = select(SESSIONS, MOTION_SNAPSHOTS.c.snapshot).join(
    MOTION_SNAPSHOTS, MOTION_SNAPSHOTS.c.sha256 == SESSIONS.c.motion_sha256
)

# Prebuilt statements: SQLAlchemy caches their compiled form, which keeps appends cheap.
BUMP_SEQ = (
    update(SESSIONS)
    .where(SESSIONS.c.id == bindparam("sid"), SESSIONS.c.next_seq == bindparam("expected"))
    .values(
        next_seq=SESSIONS.c.next_seq + 1,
        turns=SESSIONS.c.turns + case((SESSIONS.c.last_actor == bindparam("actor"), 0), else_=1),
        last_actor=bindparam("actor"),
        updated=bindparam("now"),
    )
)
#: The same, for the event that ends the game: the status changes in the same transaction.
BUMP_SEQ_FINISH = BUMP_SEQ.values(status="finished")
INSERT_EVENT = insert(EVENTS)
NEXT_SEQ = select(SESSIONS.c.next_seq).where(SESSIONS.c.id == bindparam("sid"))
EVENT_ROWS = (
    select(EVENTS.c.seq, EVENTS.c.payload)
    .where(EVENTS.c.session_id == bindparam("sid"))
    .order_by(EVENTS.c.seq)
)


#: A JSON escape of NUL (``\u0000``) not itself escaped: a player who types the six
#: characters backslash-u-0-0-0-0 gets ``\\u0000`` in the payload, which is fine.
_ESCAPED_NUL = re.compile(r"(?<!\\)(?:\\\\)*\\u0000")


_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


def notify(conn: Connection, session_id: str, payload: str = "") -> None:
    """Wake the session's listeners when this transaction commits (PostgreSQL only)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_NOTIFY, {"channel": channel(session_id), "payload": payload})


def refuse_nul(payload: str) -> None:
    """PostgreSQL cannot store NUL: refusing it everywhere keeps sessions portable."""
    # The substring test (in C) spares the regular expression nearly every payload.
    if "\\u0000" in payload and _ESCAPED_NUL.search(payload):
        raise InvalidRequest("the NUL character (U+0000) cannot be saved in an event")


def exists(conn: Connection, session_id: str) -> bool:
    found = conn.execute(select(SESSIONS.c.id).where(SESSIONS.c.id == session_id)).first()
    return found is not None


def seats_of(conn: Connection, session_id: str) -> list[Seat]:
    rows = conn.execute(
        select(SEATS).where(SEATS.c.session_id == session_id).order_by(SEATS.c.position)
    )
    return [seat_from_row(r) for r in rows]


def annotations_of(conn: Connection, session_id: str) -> list[Annotation]:
    rows = conn.execute(
        select(ANNOTATIONS)
        .where(ANNOTATIONS.c.session_id == session_id)
        .order_by(ANNOTATIONS.c.seq, ANNOTATIONS.c.created, ANNOTATIONS.c.id)
    )
    return [annotation_from_row(r) for r in rows]
