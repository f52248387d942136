"""Sessions: create, find, list, rename, delete."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, func, insert, literal, select, update
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
from debate.store.repository.queries import exists, refuse_nul, seats_of
from debate.store.repository.search import ORDER, filtered, matching_ids, sql_searchable
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
        """Save a new session. ``seats`` must make a legal game of ``motion`` (the engine's
        :func:`~debate.engine.new_game` decides). ``events``, numbered from 0, are saved with
        it in the same transaction (a game played elsewhere, saved whole); they are not
        replayed here, as :meth:`append` does not replay them either."""
        seats = checked_seats(motion, seats)
        if (parent_id is None) != (fork_seq is None):
            raise InvalidRequest("parent_id and fork_seq go together")
        snapshot, digest = motion_to_snapshot(motion)
        new = _new_session(motion, digest, seats, seed, title, events, status)
        new.row.update(parent_id=parent_id, fork_seq=fork_seq)
        new = replace(new, snapshot=(digest, motion.id, snapshot))
        session_id = self._insert_session(lambda _conn: new)
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
        self,
        motion_id: str | None = None,
        text: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SessionInfo]:
        """Sessions, most recently updated first. ``text`` matches (case-insensitively) the
        id, the title, the motion's title or a player's name. ``limit`` and ``offset`` page
        the list in the database: a page costs the same however many sessions are saved.
        Sessions whose rows are damaged are left out (:meth:`scan_sessions` names them)."""
        return self.scan_sessions(motion_id, text, status, limit, offset).sessions

    @translate_errors
    def scan_sessions(
        self,
        motion_id: str | None = None,
        text: str | None = None,
        status: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> SessionListing:
        """:meth:`list_sessions`, plus the id of every session of the page left out because
        a row of it is damaged (a time that is not a time, a seat of an unknown kind...)."""
        query = select(SESSIONS).order_by(*ORDER)
        with self._reading() as conn:
            if text and not sql_searchable(text):
                # Found in Python over the searched columns; then the page's rows alone.
                wanted = set(matching_ids(conn, text, motion_id, status, limit, offset))
                query = filtered(query, motion_id, None, status)
                if len(wanted) <= 500:  # bound the size of the IN (...) list
                    query = query.where(SESSIONS.c.id.in_(wanted))
                rows, unreadable = _read_rows(conn, query)
                rows = [r for r in rows if r.id in wanted]
                unreadable = [d for d in unreadable if d[0] in wanted]
            else:
                query = filtered(query, motion_id, text, status, conn.dialect.name)
                query = query.offset(offset) if offset else query
                query = query.limit(limit) if limit is not None else query
                rows, unreadable = _read_rows(conn, query)
            listing = self._with_seats(conn, rows)
        if unreadable:
            listing = SessionListing(listing.sessions, sorted(listing.damaged + unreadable))
        return listing

    @translate_errors
    def count_sessions(
        self, motion_id: str | None = None, text: str | None = None, status: str | None = None
    ) -> int:
        """How many sessions :meth:`list_sessions` lists with these filters and no limit."""
        with self._reading() as conn:
            if text and not sql_searchable(text):
                return len(matching_ids(conn, text, motion_id, status))
            query = filtered(
                select(func.count()).select_from(SESSIONS), motion_id, text, status,
                conn.dialect.name,
            )
            return int(conn.execute(query).scalar_one())

    @translate_errors
    def session_motions(self) -> list[tuple[str, str]]:
        """(motion id, motion title) of every motion some saved session was played on."""
        query = (
            select(SESSIONS.c.motion_id, SESSIONS.c.motion_title)
            .distinct()
            .order_by(SESSIONS.c.motion_id, SESSIONS.c.motion_title)
        )
        with self._reading() as conn:
            return [(r.motion_id, r.motion_title) for r in conn.execute(query)]

    @staticmethod
    def _with_seats(conn: Connection, rows: Sequence[Any]) -> SessionListing:
        """Session rows with their seats; a session whose row or seats do not read is set
        aside as damaged (with why) so that one bad row never hides the others."""
        seats: dict[str, list[Seat]] = {}
        damaged: dict[str, str] = {}
        ids = [r.id for r in rows]
        for start in range(0, len(ids), 500):  # bound the size of each IN (...) list
            seats_query = (
                select(SEATS)
                .where(SEATS.c.session_id.in_(ids[start : start + 500]))
                .order_by(SEATS.c.session_id, SEATS.c.position)
            )
            for r in conn.execute(seats_query):
                try:
                    seats.setdefault(r.session_id, []).append(seat_from_row(r))
                except (ValueError, OverflowError) as e:
                    damaged.setdefault(str(r.session_id), _why(e))
        infos = []
        for r in rows:
            if str(r.id) in damaged:
                continue
            try:
                infos.append(info_from_row(r, seats.get(r.id, [])))
            except (ValueError, OverflowError) as e:
                damaged[str(r.id)] = _why(e)
        return SessionListing(infos, sorted(damaged.items()))

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


def checked_seats(motion: Motion, seats: Sequence[Seat]) -> tuple[Seat, ...]:
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
    return seats


def _new_session(
    motion: Motion,
    digest: str,
    seats: tuple[Seat, ...],
    seed: int,
    title: str | None,
    events: Sequence[Event] = (),
    status: str = "active",
) -> NewSession:
    """The rows of a new session (no parent), with its events."""
    if problem := check_seed(seed):
        raise InvalidRequest(problem)
    if status not in STATUSES:
        raise InvalidRequest(f"unknown status {status!r}")
    for seq, event in enumerate(events):
        if event.seq != seq:
            raise InvalidRequest(f"event {seq} has seq {event.seq}")
    now = utc_now()
    turns, last_actor = count_turns(e.actor for e in events)
    row = {
        "title": clean_title(title or motion.title),
        "motion_id": motion.id,
        "motion_title": motion.title,
        "motion_sha256": digest,
        "seed": seed,
        "status": status,
        "created": now,
        "updated": now,
        "parent_id": None,
        "fork_seq": None,
        "next_seq": len(events),
        "turns": turns,
        "last_actor": last_actor,
    }
    rows = [event_row(None, e, now) for e in events]
    for event in rows:
        refuse_nul(event["payload"])
    return NewSession(row, seats, events=rows)


def clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidRequest("a session title cannot be empty")
    if problem := name_problem(title):
        raise InvalidRequest(f"a session title: {problem}")
    return title[:_MAX_TITLE]


def _read_rows(conn: Connection, query: Any) -> tuple[list[Any], list[tuple[str, str]]]:
    """The session rows ``query`` selects; if one does not read (the driver converts a
    damaged time as it fetches), they are read one by one and the damaged ones set aside."""
    try:
        return list(conn.execute(query).all()), []
    except (ValueError, OverflowError):
        pass
    rows, damaged = [], []
    for sid in conn.execute(query.with_only_columns(SESSIONS.c.id)).scalars().all():
        try:
            rows.append(conn.execute(select(SESSIONS).where(SESSIONS.c.id == sid)).one())
        except (ValueError, OverflowError) as e:
            damaged.append((str(sid), _why(e)))
    return rows, damaged


def _why(error: Exception) -> str:
    """The first line of what went wrong reading a row, short enough for a listing."""
    text = str(error)
    return clip(text.splitlines()[0] if text else type(error).__name__, 120)
