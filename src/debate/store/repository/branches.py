"""Branches: a new session from the first events of another."""

from __future__ import annotations

from sqlalchemy import Connection, select

from debate.store.convert import count_turns, utc_now
from debate.store.errors import InvalidRequest, SessionNotFound
from debate.store.records import Seat, SessionInfo
from debate.store.repository.base import translate_errors
from debate.store.repository.queries import seats_of
from debate.store.repository.sessions import NewSession, SessionRows, clean_title
from debate.store.tables import EVENTS, SESSIONS


class Branching(SessionRows):
    """Forking a session at an event number."""

    @translate_errors
    def fork(
        self,
        session_id: str,
        at_seq: int,
        title: str | None = None,
        take_over: Seat | None = None,
    ) -> SessionInfo:
        """A new session holding the first ``at_seq`` events of ``session_id`` (same motion
        snapshot, seats and seed), pointing back to it. Annotations stay with the parent.

        ``take_over`` replaces the seat of its role (say, a person taking a scripted role):
        otherwise a branch of an all-scripted game would only play the same game again.
        """

        def build(conn: Connection) -> NewSession:
            row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            if not 0 <= at_seq <= row.next_seq:
                raise InvalidRequest(
                    f"session {session_id} has {row.next_seq} events; branch at 0..{row.next_seq}"
                )
            actors = conn.execute(
                select(EVENTS.c.actor)
                .where(EVENTS.c.session_id == session_id, EVENTS.c.seq < at_seq)
                .order_by(EVENTS.c.seq)
            ).scalars()
            turns, last_actor = count_turns(actors)
            now = utc_now()
            new_row = {
                **{c.name: getattr(row, c.name) for c in SESSIONS.c if c.name != "id"},
                "title": clean_title(title or f"{row.title} (branch at {at_seq})"),
                # A branch holding every event of a finished game is itself finished.
                "status": "finished"
                if row.status == "finished" and at_seq == row.next_seq
                else "active",
                "created": now,
                "updated": now,
                "parent_id": session_id,
                "fork_seq": at_seq,
                "next_seq": at_seq,
                "turns": turns,
                "last_actor": last_actor,
            }
            seats = seats_of(conn, session_id)
            if take_over is not None:
                if problem := take_over.problem():
                    raise InvalidRequest(problem)
                if take_over.role not in {s.role for s in seats}:
                    raise InvalidRequest(f"no seat {take_over.role!r} in session {session_id}")
                seats = [take_over if s.role == take_over.role else s for s in seats]
            return NewSession(new_row, seats, copy_events_from=(session_id, at_seq))

        new_id = self._insert_session(build)
        return self.get(new_id)
