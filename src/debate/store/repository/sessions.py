"""Sessions: create, find, list, rename, delete."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from debate.store.convert import (
    count_turns,
    event_row,
    info_from_row,
    motion_to_snapshot,
    seat_from_row,
    seat_row,
    utc_now,
)
from debate.store.errors import InvalidRequest, SessionNotFound
from debate.store.records import STATUSES, Seat, SessionInfo, SessionListing, check_seed
from debate.store.repository.base import StoreBase, translate_errors
from debate.store.repository.queries import exists, seats_of
from debate.store.tables import ANNOTATIONS, EVENTS, MOTION_SNAPSHOTS, SEATS, SESSIONS
from debate.text_safety import clip, name_problem

if TYPE_CHECKING:
    from debate.engine import Event
    from debate.motions import Motion

_MAX_TITLE = 200


class SessionRows(StoreBase):
    """Creating, finding, listing, renaming and deleting sessions."""

    @translate_errors
    def create_session(
        self,
        motion: Motion,
        seats: Sequence[Seat],
        seed: int,
        title: str | None = None,
        parent_id: str | None = None,
        fork_seq: int | None = None,
        events: Sequence[Event] = (),
        status: str = "active",
    ) -> SessionInfo:
        """Save a new session (with no events yet, or with ``events`` already played: the
        whole game in one transaction, so an interruption leaves nothing half-saved).
        ``seats`` must make a legal game of ``motion`` (the engine's
        :func:`~debate.engine.new_game` decides)."""
        from debate.engine import IllegalAction, new_game

        seats = tuple(seats)
        for seat in seats:
            if problem := seat.problem():
                raise InvalidRequest(problem)
        roles = [s.role for s in seats]
        if len(set(roles)) != len(roles):
            raise InvalidRequest("a role is seated twice")
        try:
            new_game(motion, roles)
        except IllegalAction as e:
            raise InvalidRequest(f"these seats cannot play {motion.id!r}: {e.reason}") from None
        if problem := check_seed(seed):
            raise InvalidRequest(problem)
        if (parent_id is None) != (fork_seq is None):
            raise InvalidRequest("parent_id and fork_seq go together")
        if status not in STATUSES:
            raise InvalidRequest(f"unknown status {status!r}")
        if any(e.seq != i for i, e in enumerate(events)):
            raise InvalidRequest("events must be numbered from 0 in order")
        now = utc_now()
        rows = [event_row(None, e, now) for e in events]
        turns, last_actor = count_turns(e.actor for e in events)
        snapshot, digest = motion_to_snapshot(motion)
        row = {
            "title": clean_title(title or motion.title),
            "motion_id": motion.id,
            "motion_title": motion.title,
            "motion_sha256": digest,
            "seed": seed,
            "status": status,
            "created": now,
            "updated": now,
            "parent_id": parent_id,
            "fork_seq": fork_seq,
            "next_seq": len(rows),
            "turns": turns,
            "last_actor": last_actor,
        }
        session_id = self._insert_session(
            lambda _conn: NewSession(row, seats, rows, snapshot=(digest, motion.id, snapshot))
        )
        return self.get(session_id)

    def _insert_session(
        self,
        build: Callable[[Connection], NewSession],
        wanted_id: str | None = None,
    ) -> str:
        """Insert a whole session in one write transaction under a fresh id (``wanted_id``
        if it is free). ``build`` reads what it needs inside that transaction. Retried with
        another id if a concurrent writer took the one chosen (PostgreSQL)."""
        for attempt in range(5):
            try:
                with self._writing() as conn:
                    new = build(conn)
                    sid = wanted_id if wanted_id and attempt == 0 else None
                    while sid is None or exists(conn, sid):
                        sid = secrets.token_hex(4)
                    if new.snapshot is not None:
                        self._save_snapshot(conn, *new.snapshot)
                    conn.execute(insert(SESSIONS), {**new.row, "id": sid})
                    conn.execute(
                        insert(SEATS), [seat_row(sid, i, s) for i, s in enumerate(new.seats)]
                    )
                    if new.copy_events_from is not None:
                        parent, upto = new.copy_events_from
                        cols = [EVENTS.c.seq, EVENTS.c.actor, EVENTS.c.kind, EVENTS.c.payload]
                        conn.execute(
                            insert(EVENTS).from_select(
                                ["session_id", "seq", "actor", "kind", "payload", "at"],
                                select(literal(sid), *cols, EVENTS.c.at).where(
                                    EVENTS.c.session_id == parent, EVENTS.c.seq < upto
                                ),
                            )
                        )
                    if new.events:
                        conn.execute(insert(EVENTS), [{**e, "session_id": sid} for e in new.events])
                    if new.annotations:
                        conn.execute(
                            insert(ANNOTATIONS),
                            [{**a, "session_id": sid} for a in new.annotations],
                        )
                    return sid
            except IntegrityError:
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    @staticmethod
    def _save_snapshot(conn: Connection, digest: str, motion_id: str, text: str) -> None:
        """Store a motion snapshot unless one with this content is already stored."""
        found = conn.execute(
            select(MOTION_SNAPSHOTS.c.sha256).where(MOTION_SNAPSHOTS.c.sha256 == digest)
        ).first()
        if found is None:
            conn.execute(
                insert(MOTION_SNAPSHOTS),
                {"sha256": digest, "motion_id": motion_id, "snapshot": text, "saved": utc_now()},
            )

    @translate_errors
    def resolve_id(self, given: str) -> str:
        """The id of the one session whose id is ``given`` or starts with it (ids can be
        typed short, like git commits); none, or several, is refused saying which."""
        with self._reading() as conn:
            if exists(conn, given):
                return given
            found = (
                conn.execute(
                    select(SESSIONS.c.id)
                    .where(SESSIONS.c.id.startswith(given, autoescape=True))
                    .order_by(SESSIONS.c.id)
                    .limit(6)
                )
                .scalars()
                .all()
            )
        if not found or not given:
            raise SessionNotFound(f"no session {clip(given)} in {self.where}")
        if len(found) > 1:
            shown = ", ".join(found[:5]) + (", ..." if len(found) > 5 else "")
            raise InvalidRequest(f"{clip(given)} is the start of several session ids ({shown})")
        return str(found[0])

    @translate_errors
    def get(self, session_id: str) -> SessionInfo:
        """One session's summary (no events)."""
        with self._reading() as conn:
            return self._info(conn, session_id)

    def _info(self, conn: Connection, session_id: str) -> SessionInfo:
        row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).first()
        if row is None:
            raise SessionNotFound(f"no session {session_id!r} in {self.where}")
        return info_from_row(row, seats_of(conn, session_id))

    def list_sessions(
        self, motion_id: str | None = None, text: str | None = None, status: str | None = None
    ) -> list[SessionInfo]:
        """Sessions, most recently updated first. ``text`` matches (case-insensitively) the
        id, the title, the motion's title or a player's name. Sessions whose rows are
        damaged are left out (:meth:`scan_sessions` names them)."""
        return self.scan_sessions(motion_id, text, status).sessions

    @translate_errors
    def scan_sessions(
        self, motion_id: str | None = None, text: str | None = None, status: str | None = None
    ) -> SessionListing:
        """:meth:`list_sessions`, plus the id of every session left out because a row of it
        is damaged (a time that is not a time, a seat of an unknown kind...), and why."""
        try:
            infos = self._list_fast(motion_id, status)
            damaged: list[tuple[str, str]] = []
        except (ValueError, OverflowError):
            infos, damaged = self._list_one_by_one(motion_id, status)
        if text:
            needle = text.casefold()
            infos = [i for i in infos if needle in _haystack(i)]
        return SessionListing(infos, damaged)

    def _list_one_by_one(
        self, motion_id: str | None, status: str | None
    ) -> tuple[list[SessionInfo], list[tuple[str, str]]]:
        query = select(SESSIONS.c.id)
        if motion_id is not None:
            query = query.where(SESSIONS.c.motion_id == motion_id)
        if status is not None:
            query = query.where(SESSIONS.c.status == status)
        infos, damaged = [], []
        with self._reading() as conn:
            for sid in conn.execute(query).scalars().all():
                try:
                    infos.append(self._info(conn, sid))
                except (ValueError, OverflowError) as e:
                    damaged.append((str(sid), clip(str(e).splitlines()[0] if str(e) else e, 120)))
        infos.sort(key=lambda i: i.id)
        infos.sort(key=lambda i: i.updated, reverse=True)
        return infos, damaged

    def _list_fast(self, motion_id: str | None, status: str | None) -> list[SessionInfo]:
        query = select(SESSIONS).order_by(SESSIONS.c.updated.desc(), SESSIONS.c.id)
        seats_query = select(SEATS).order_by(SEATS.c.session_id, SEATS.c.position)
        if motion_id is not None:
            query = query.where(SESSIONS.c.motion_id == motion_id)
            seats_query = seats_query.where(
                SEATS.c.session_id.in_(
                    select(SESSIONS.c.id).where(SESSIONS.c.motion_id == motion_id)
                )
            )
        if status is not None:
            query = query.where(SESSIONS.c.status == status)
        with self._reading() as conn:
            rows = conn.execute(query).all()
            seats: dict[str, list[Seat]] = {}
            for r in conn.execute(seats_query):
                seats.setdefault(r.session_id, []).append(seat_from_row(r))
        return [info_from_row(r, seats.get(r.id, [])) for r in rows]

    @translate_errors
    def set_status(self, session_id: str, status: str) -> None:
        """Mark a session active, finished or abandoned."""
        if status not in STATUSES:
            raise InvalidRequest(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
        self._update_session(session_id, status=status)

    @translate_errors
    def set_title(self, session_id: str, title: str) -> None:
        self._update_session(session_id, title=clean_title(title))

    def _update_session(self, session_id: str, **values: Any) -> None:
        with self._writing() as conn:
            done = conn.execute(
                update(SESSIONS)
                .where(SESSIONS.c.id == session_id)
                .values(**values, updated=utc_now())
            )
            if done.rowcount != 1:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")

    @translate_errors
    def delete(self, session_id: str) -> None:
        """Delete a session with its seats, events and annotations (branches made from it
        are kept; their ``parent_id`` then names a session that is gone)."""
        with self._writing() as conn:
            for table in (ANNOTATIONS, EVENTS, SEATS):
                conn.execute(delete(table).where(table.c.session_id == session_id))
            digest = conn.execute(
                select(SESSIONS.c.motion_sha256).where(SESSIONS.c.id == session_id)
            ).scalar()
            if digest is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            conn.execute(delete(SESSIONS).where(SESSIONS.c.id == session_id))
            still_used = select(SESSIONS.c.id).where(SESSIONS.c.motion_sha256 == digest).exists()
            conn.execute(
                delete(MOTION_SNAPSHOTS).where(MOTION_SNAPSHOTS.c.sha256 == digest, ~still_used)
            )


@dataclass(frozen=True)
class NewSession:
    """The rows of a session about to be inserted (its id is chosen at insert time)."""

    row: dict[str, Any]
    seats: Sequence[Seat]
    events: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    copy_events_from: tuple[str, int] | None = None  # (parent id, number of events)
    snapshot: tuple[str, str, str] | None = None  # (sha256, motion id, text) to store


def clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidRequest("a session title cannot be empty")
    if problem := name_problem(title):
        raise InvalidRequest(f"a session title: {problem}")
    return title[:_MAX_TITLE]


def _haystack(info: SessionInfo) -> str:
    players = " ".join(s.player for s in info.seats)
    return f"{info.id} {info.title} {info.motion_title} {info.motion_id} {players}".casefold()
