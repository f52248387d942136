"""Events: append with the expected event number, load, fold."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError

from debate.store.convert import (
    event_row,
    events_from_payloads,
    info_from_row,
    motion_from_snapshot,
    utc_now,
)
from debate.store.database import db_failure
from debate.store.errors import InvalidRequest, SequenceConflict, SessionNotFound
from debate.store.records import LoadedSession, StoredSession
from debate.store.repository.base import StoreBase, translate_errors
from debate.store.repository.queries import (
    BUMP_SEQ,
    BUMP_SEQ_FINISH,
    EVENT_ROWS,
    INSERT_EVENT,
    NEXT_SEQ,
    WITH_SNAPSHOT,
    annotations_of,
    exists,
    notify,
    refuse_nul,
    seats_of,
)
from debate.store.repository.sqlite_append import refuse_append
from debate.store.tables import SESSIONS

if TYPE_CHECKING:
    from debate.engine import Event


class EventLog(StoreBase):
    """Appending events and loading a session with its events."""

    def append(self, session_id: str, event: Event, expected_seq: int, finish: bool = False) -> int:
        """Store ``event`` as event number ``expected_seq``, atomically; return the next
        expected number. A stale writer (``expected_seq`` is not the session's event
        count) gets :class:`SequenceConflict` and nothing is written. With ``finish`` (the
        event that ends the game) the session is marked finished in the same transaction,
        so a game can never be left active behind its last event."""
        if self._fast is not None:
            bump, row = event_rows(session_id, event, expected_seq)
            self._fast.append(bump, row, self.where, finish=finish)
            return expected_seq + 1
        statement = BUMP_SEQ_FINISH if finish else BUMP_SEQ
        return conditional_append(self, statement, session_id, event, expected_seq)

    @translate_errors
    def load_events(self, session_id: str) -> list[Event]:
        """A session's events, validated but not replayed."""
        with self._reading() as conn:
            if not exists(conn, session_id):
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            rows = conn.execute(EVENT_ROWS, {"sid": session_id}).all()
        return events_from_payloads(rows, f"session {session_id}")

    @translate_errors
    def read(self, session_id: str) -> StoredSession:
        """A session with its motion (as it was when the session was created), seats,
        events and annotations, the events validated but not replayed: see
        :meth:`StoredSession.replayed`."""
        with self._reading() as conn:
            row = conn.execute(WITH_SNAPSHOT.where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            seats = seats_of(conn, session_id)
            rows = conn.execute(EVENT_ROWS, {"sid": session_id}).all()
            notes = annotations_of(conn, session_id)
        where = f"session {session_id}"
        motion = motion_from_snapshot(row.snapshot, row.motion_sha256, where)
        events = events_from_payloads(rows, where)
        return StoredSession(
            info=info_from_row(row, seats),
            motion=motion,
            seats=tuple(seats),
            events=tuple(events),
            annotations=tuple(notes),
        )

    @translate_errors
    def load(self, session_id: str) -> LoadedSession:
        """A session with its motion (as it was when the session was created), seats,
        events, annotations and the state they fold to."""
        return self.read(session_id).replayed()


def event_rows(
    session_id: str, event: Event, expected_seq: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The parameters of the sequence bump and the event row of an append (checked)."""
    if event.seq != expected_seq:
        raise InvalidRequest(f"event.seq is {event.seq} but expected_seq is {expected_seq}")
    now = utc_now()
    bump = {"sid": session_id, "expected": expected_seq, "actor": event.actor, "now": now}
    row = event_row(session_id, event, now)
    refuse_nul(row["payload"])
    return bump, row


def conditional_append(
    store: StoreBase,
    statement: Any,
    session_id: str,
    event: Event,
    expected_seq: int,
    refused: Callable[[Connection], None] | None = None,
) -> int:
    """Append ``event`` in one transaction, if ``statement`` (a conditional bump of the
    session's event count) matches a row; otherwise ``refused`` may raise its own reason
    (a paused game) before the sequence conflict is reported. Returns the next number."""
    bump, row = event_rows(session_id, event, expected_seq)
    try:
        with store._writing() as conn:
            if conn.execute(statement, bump).rowcount != 1:
                if refused is not None:
                    refused(conn)
                actual = conn.execute(NEXT_SEQ, bump).scalar()
                refuse_append(session_id, expected_seq, actual, store.where)
            conn.execute(INSERT_EVENT, row)
            notify(conn, session_id, str(expected_seq + 1))
    except IntegrityError:
        # The primary key caught a writer the sequence check did not (belt and braces).
        raise SequenceConflict(session_id, expected_seq, expected_seq + 1) from None
    except DBAPIError as e:
        raise db_failure(e, store.where) from None
    return expected_seq + 1
