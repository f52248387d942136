"""The sessions repository: the only way the rest of the program reads or writes saves.

Every write is one transaction. Appending an event checks the expected sequence number
and bumps it in the same transaction, so of two writers racing for event *n* exactly one
succeeds and the other gets :class:`~debate.store.errors.SequenceConflict` with nothing
written.

>>> import tempfile, pathlib
>>> from debate.engine import Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> from debate.store import Seat, open_store
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> store = open_store(str(folder / "example.db"))
>>> seats = [Seat("kyiv", "Olena", "human"), Seat("kremlin", "Bot", "scripted", "easy"),
...          Seat("washington", "Sam", "human")]
>>> info = store.create_session(tiny_motion(), seats, seed=7)
>>> state, event = apply(new_game(tiny_motion()), "kyiv", Speak(text="Army first."))
>>> store.append(info.id, event, expected_seq=0)
1
>>> from debate.store import SequenceConflict
>>> try:
...     store.append(info.id, event, expected_seq=0)  # a stale writer
... except SequenceConflict as e:
...     print("conflict:", e.expected, "is taken; next is", e.actual)
conflict: 0 is taken; next is 1
>>> loaded = store.load(info.id)
>>> len(loaded.events), loaded.state.seq, loaded.info.turns
(1, 1, 1)
>>> store.close()
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, ParamSpec, TypeVar

from sqlalchemy import Connection, Engine, bindparam, case, delete, insert, literal, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from debate.store.convert import (
    annotation_from_row,
    count_turns,
    document_event,
    event_row,
    events_from_payloads,
    info_from_row,
    iso,
    motion_from_snapshot,
    motion_snapshot_text,
    motion_to_snapshot,
    seat_from_row,
    seat_row,
    to_db,
    utc_now,
)
from debate.store.database import Migrated, Target, db_failure, forget_engine, sqlite_failure
from debate.store.document import DOCUMENT_FORMAT, DOCUMENT_VERSION, validate_document
from debate.store.errors import (
    AnnotationNotFound,
    CorruptSession,
    InvalidRequest,
    SequenceConflict,
    SessionNotFound,
    StoreError,
)
from debate.store.records import (
    STATUSES,
    Annotation,
    LoadedSession,
    Seat,
    SessionInfo,
    check_seed,
)
from debate.store.tables import ANNOTATIONS, EVENTS, MOTION_SNAPSHOTS, SEATS, SESSIONS

if TYPE_CHECKING:
    from debate.engine import Event
    from debate.motions import Motion

P = ParamSpec("P")
R = TypeVar("R")

_MAX_TITLE = 200
_MAX_NOTE = 10_000

# A session row with the text of its motion snapshot.
_WITH_SNAPSHOT = select(SESSIONS, MOTION_SNAPSHOTS.c.snapshot).join(
    MOTION_SNAPSHOTS, MOTION_SNAPSHOTS.c.sha256 == SESSIONS.c.motion_sha256
)

# Prebuilt statements: SQLAlchemy caches their compiled form, which keeps appends cheap.
_BUMP_SEQ = (
    update(SESSIONS)
    .where(SESSIONS.c.id == bindparam("sid"), SESSIONS.c.next_seq == bindparam("expected"))
    .values(
        next_seq=SESSIONS.c.next_seq + 1,
        turns=SESSIONS.c.turns + case((SESSIONS.c.last_actor == bindparam("actor"), 0), else_=1),
        last_actor=bindparam("actor"),
        updated=bindparam("now"),
    )
)
_INSERT_EVENT = insert(EVENTS)
_NEXT_SEQ = select(SESSIONS.c.next_seq).where(SESSIONS.c.id == bindparam("sid"))
_EVENT_ROWS = (
    select(EVENTS.c.seq, EVENTS.c.payload)
    .where(EVENTS.c.session_id == bindparam("sid"))
    .order_by(EVENTS.c.seq)
)


def _translate_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Driver failures leave the repository as :class:`StoreError`, never raw."""

    @wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except DBAPIError as e:
            store = args[0]
            assert isinstance(store, Store)
            raise db_failure(e, store.where) from None

    return wrapper


class Store:
    """Saved sessions in one database. Get one with :func:`debate.store.open_store`."""

    def __init__(self, engine: Engine, target: Target, migrated: Migrated | None = None) -> None:
        self._engine = engine
        self._target = target
        #: Set when opening upgraded an older database (or initialised an empty one).
        self.migrated = migrated
        self._fast = _SqliteAppender(engine) if target.is_sqlite else None

    @property
    def where(self) -> str:
        """The database, as named in messages (file path, or URL without password)."""
        return self._target.display

    @property
    def backup_path(self) -> Path | None:
        """The copy written before upgrading an older SQLite file, if this open did that."""
        return self.migrated.backup if self.migrated else None

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        """Dispose of the process's engine for this database (other Store objects on the
        same database reconnect on their next use through :func:`open_store`)."""
        forget_engine(self._target)

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            if not self._target.is_sqlite:
                # One snapshot for the several SELECTs of a load (SQLite transactions
                # already read from one snapshot).
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(debate_write=True)
            with conn.begin():
                yield conn

    # -- sessions ------------------------------------------------------------------------

    @_translate_errors
    def create_session(
        self,
        motion: Motion,
        seats: Sequence[Seat],
        seed: int,
        title: str | None = None,
        parent_id: str | None = None,
        fork_seq: int | None = None,
    ) -> SessionInfo:
        """Save a new session with no events yet. ``seats`` must make a legal game of
        ``motion`` (the engine's :func:`~debate.engine.new_game` decides)."""
        from debate.engine import IllegalAction, new_game

        seats = tuple(seats)
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
        snapshot, digest = motion_to_snapshot(motion)
        now = utc_now()
        row = {
            "title": _title(title or motion.title),
            "motion_id": motion.id,
            "motion_title": motion.title,
            "motion_sha256": digest,
            "seed": seed,
            "status": "active",
            "created": now,
            "updated": now,
            "parent_id": parent_id,
            "fork_seq": fork_seq,
            "next_seq": 0,
            "turns": 0,
            "last_actor": None,
        }
        session_id = self._insert_session(
            lambda _conn: _NewSession(row, seats, snapshot=(digest, motion.id, snapshot))
        )
        return self.get(session_id)

    def _insert_session(
        self,
        build: Callable[[Connection], _NewSession],
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
                    while sid is None or self._exists(conn, sid):
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

    @staticmethod
    def _exists(conn: Connection, session_id: str) -> bool:
        found = conn.execute(select(SESSIONS.c.id).where(SESSIONS.c.id == session_id)).first()
        return found is not None

    @_translate_errors
    def get(self, session_id: str) -> SessionInfo:
        """One session's summary (no events)."""
        with self._reading() as conn:
            return self._info(conn, session_id)

    def _info(self, conn: Connection, session_id: str) -> SessionInfo:
        row = conn.execute(select(SESSIONS).where(SESSIONS.c.id == session_id)).first()
        if row is None:
            raise SessionNotFound(f"no session {session_id!r} in {self.where}")
        return info_from_row(row, self._seats(conn, session_id))

    @staticmethod
    def _seats(conn: Connection, session_id: str) -> list[Seat]:
        rows = conn.execute(
            select(SEATS).where(SEATS.c.session_id == session_id).order_by(SEATS.c.position)
        )
        return [seat_from_row(r) for r in rows]

    @_translate_errors
    def list_sessions(
        self, motion_id: str | None = None, text: str | None = None, status: str | None = None
    ) -> list[SessionInfo]:
        """Sessions, most recently updated first. ``text`` matches (case-insensitively) the
        id, the title, the motion's title or a player's name."""
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
        infos = [info_from_row(r, seats.get(r.id, [])) for r in rows]
        if text:
            needle = text.casefold()
            infos = [i for i in infos if needle in _haystack(i)]
        return infos

    @_translate_errors
    def set_status(self, session_id: str, status: str) -> None:
        """Mark a session active, finished or abandoned."""
        if status not in STATUSES:
            raise InvalidRequest(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")
        self._update_session(session_id, status=status)

    @_translate_errors
    def set_title(self, session_id: str, title: str) -> None:
        self._update_session(session_id, title=_title(title))

    def _update_session(self, session_id: str, **values: Any) -> None:
        with self._writing() as conn:
            done = conn.execute(
                update(SESSIONS)
                .where(SESSIONS.c.id == session_id)
                .values(**values, updated=utc_now())
            )
            if done.rowcount != 1:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")

    @_translate_errors
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

    # -- events --------------------------------------------------------------------------

    def append(self, session_id: str, event: Event, expected_seq: int) -> int:
        """Store ``event`` as event number ``expected_seq``, atomically; return the next
        expected number. A stale writer (``expected_seq`` is not the session's event
        count) gets :class:`SequenceConflict` and nothing is written."""
        if event.seq != expected_seq:
            raise InvalidRequest(f"event.seq is {event.seq} but expected_seq is {expected_seq}")
        now = utc_now()
        bump = {"sid": session_id, "expected": expected_seq, "actor": event.actor, "now": now}
        row = event_row(session_id, event, now)
        if self._fast is not None:
            self._fast.append(bump, row, self.where)
            return expected_seq + 1
        try:
            with self._writing() as conn:
                if conn.execute(_BUMP_SEQ, bump).rowcount != 1:
                    actual = conn.execute(_NEXT_SEQ, bump).scalar()
                    _refuse_append(session_id, expected_seq, actual, self.where)
                conn.execute(_INSERT_EVENT, row)
        except IntegrityError:
            # The primary key caught a writer the sequence check did not (belt and braces).
            raise SequenceConflict(session_id, expected_seq, expected_seq + 1) from None
        except DBAPIError as e:
            raise db_failure(e, self.where) from None
        return expected_seq + 1

    @_translate_errors
    def load_events(self, session_id: str) -> list[Event]:
        """A session's events, validated but not replayed."""
        with self._reading() as conn:
            if not self._exists(conn, session_id):
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            rows = conn.execute(_EVENT_ROWS, {"sid": session_id}).all()
        return events_from_payloads(rows, f"session {session_id}")

    @_translate_errors
    def load(self, session_id: str) -> LoadedSession:
        """A session with its motion (as it was when the session was created), seats,
        events, annotations and the state they fold to."""
        from debate.engine import CorruptLog, fold

        with self._reading() as conn:
            row = conn.execute(_WITH_SNAPSHOT.where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            seats = self._seats(conn, session_id)
            rows = conn.execute(_EVENT_ROWS, {"sid": session_id}).all()
            notes = self._annotations(conn, session_id)
        where = f"session {session_id}"
        motion = motion_from_snapshot(row.snapshot, row.motion_sha256, where)
        events = events_from_payloads(rows, where)
        try:
            state = fold(motion, events, roles=[s.role for s in seats])
        except CorruptLog as e:
            raise CorruptSession(f"{where} does not replay: {e}") from None
        return LoadedSession(
            info=info_from_row(row, seats),
            motion=motion,
            seats=tuple(seats),
            events=tuple(events),
            annotations=tuple(notes),
            state=state,
        )

    @_translate_errors
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

        def build(conn: Connection) -> _NewSession:
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
                "title": _title(title or f"{row.title} (branch at {at_seq})"),
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
            seats = self._seats(conn, session_id)
            if take_over is not None:
                if take_over.role not in {s.role for s in seats}:
                    raise InvalidRequest(f"no seat {take_over.role!r} in session {session_id}")
                seats = [take_over if s.role == take_over.role else s for s in seats]
            return _NewSession(new_row, seats, copy_events_from=(session_id, at_seq))

        new_id = self._insert_session(build)
        return self.get(new_id)

    # -- annotations -----------------------------------------------------------------------

    @_translate_errors
    def annotate(self, session_id: str, seq: int, author: str, text: str) -> Annotation:
        """Attach a note to event ``seq`` of a session."""
        author, text = author.strip(), text.strip()
        if not 1 <= len(author) <= 80:
            raise InvalidRequest("an annotation needs an author (at most 80 characters)")
        _check_note(text)
        now = utc_now()
        with self._writing() as conn:
            count = conn.execute(_NEXT_SEQ, {"sid": session_id}).scalar()
            if count is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            if not 0 <= seq < count:
                raise InvalidRequest(f"session {session_id} has no event {seq} (0..{count - 1})")
            result = conn.execute(
                insert(ANNOTATIONS).values(
                    session_id=session_id,
                    seq=seq,
                    author=author,
                    text=text,
                    created=now,
                    updated=now,
                )
            )
            conn.execute(update(SESSIONS).where(SESSIONS.c.id == session_id).values(updated=now))
            key = result.inserted_primary_key
            assert key is not None
            row = conn.execute(select(ANNOTATIONS).where(ANNOTATIONS.c.id == key[0])).one()
        return annotation_from_row(row)

    @_translate_errors
    def update_annotation(self, annotation_id: int, text: str) -> Annotation:
        text = text.strip()
        _check_note(text)
        now = utc_now()
        with self._writing() as conn:
            sid = self._annotation_session(conn, annotation_id)
            conn.execute(
                update(ANNOTATIONS)
                .where(ANNOTATIONS.c.id == annotation_id)
                .values(text=text, updated=now)
            )
            conn.execute(update(SESSIONS).where(SESSIONS.c.id == sid).values(updated=now))
            row = conn.execute(select(ANNOTATIONS).where(ANNOTATIONS.c.id == annotation_id)).one()
        return annotation_from_row(row)

    @_translate_errors
    def delete_annotation(self, annotation_id: int) -> None:
        with self._writing() as conn:
            sid = self._annotation_session(conn, annotation_id)
            conn.execute(delete(ANNOTATIONS).where(ANNOTATIONS.c.id == annotation_id))
            conn.execute(update(SESSIONS).where(SESSIONS.c.id == sid).values(updated=utc_now()))

    @_translate_errors
    def annotations(self, session_id: str) -> list[Annotation]:
        with self._reading() as conn:
            if not self._exists(conn, session_id):
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            return self._annotations(conn, session_id)

    def _annotation_session(self, conn: Connection, annotation_id: int) -> str:
        sid = conn.execute(
            select(ANNOTATIONS.c.session_id).where(ANNOTATIONS.c.id == annotation_id)
        ).scalar()
        if sid is None:
            raise AnnotationNotFound(f"no annotation {annotation_id} in {self.where}")
        return str(sid)

    @staticmethod
    def _annotations(conn: Connection, session_id: str) -> list[Annotation]:
        rows = conn.execute(
            select(ANNOTATIONS)
            .where(ANNOTATIONS.c.session_id == session_id)
            .order_by(ANNOTATIONS.c.seq, ANNOTATIONS.c.created, ANNOTATIONS.c.id)
        )
        return [annotation_from_row(r) for r in rows]

    # -- JSON documents ----------------------------------------------------------------------

    @_translate_errors
    def export_json(self, session_id: str) -> dict[str, Any]:
        """The whole session as a session document (format in docs/sessions.md)."""
        with self._reading() as conn:
            row = conn.execute(_WITH_SNAPSHOT.where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            seats = self._seats(conn, session_id)
            events = conn.execute(
                select(EVENTS.c.payload, EVENTS.c.at)
                .where(EVENTS.c.session_id == session_id)
                .order_by(EVENTS.c.seq)
            ).all()
            notes = self._annotations(conn, session_id)
        info = info_from_row(row, seats)
        return {
            "format": DOCUMENT_FORMAT,
            "version": DOCUMENT_VERSION,
            "session": {
                "id": info.id,
                "title": info.title,
                "status": info.status,
                "seed": info.seed,
                "created": iso(info.created),
                "updated": iso(info.updated),
                "parent_id": info.parent_id,
                "fork_seq": info.fork_seq,
            },
            "motion": {
                "id": row.motion_id,
                "title": row.motion_title,
                "sha256": row.motion_sha256,
                "snapshot": json.loads(row.snapshot),
            },
            "seats": [s.to_json() for s in seats],
            "events": [document_event(payload, at) for payload, at in events],
            "annotations": [
                {
                    "seq": a.seq,
                    "author": a.author,
                    "text": a.text,
                    "created": iso(a.created),
                    "updated": iso(a.updated),
                }
                for a in notes
            ],
        }

    @_translate_errors
    def import_json(self, document: Any, file: str = "document") -> SessionInfo:
        """Store a session document as a new session, after validating all of it (schema,
        motion, seats, and a replay of every event): a bad document raises
        :class:`~debate.validation.DataError` naming ``file`` and field paths, and writes
        nothing. The document's id is kept unless this database already uses it."""
        from debate.engine import Event

        doc = validate_document(document, file)
        snapshot, digest = motion_snapshot_text(doc.motion.snapshot)
        turns, last_actor = count_turns(e.actor for e in doc.events)
        row = {
            "title": doc.session.title,
            "motion_id": doc.motion.id,
            "motion_title": doc.motion.title,
            "motion_sha256": digest,
            "seed": doc.session.seed,
            "status": doc.session.status,
            "created": to_db(doc.session.created),
            "updated": to_db(doc.session.updated),
            "parent_id": doc.session.parent_id,
            "fork_seq": doc.session.fork_seq,
            "next_seq": len(doc.events),
            "turns": turns,
            "last_actor": last_actor,
        }
        seats = [Seat(s.role, s.player, s.kind, s.difficulty) for s in doc.seats]
        events = [
            event_row(
                None, Event(seq=e.seq, actor=e.actor, action=e.action, rationale=e.rationale), e.at
            )
            for e in doc.events
        ]
        notes = [
            {
                "seq": a.seq,
                "author": a.author,
                "text": a.text,
                "created": to_db(a.created),
                "updated": to_db(a.updated),
            }
            for a in doc.annotations
        ]
        sid = self._insert_session(
            lambda _conn: _NewSession(
                row, seats, events, notes, snapshot=(digest, doc.motion.id, snapshot)
            ),
            wanted_id=doc.session.id,
        )
        return self.get(sid)


@dataclass(frozen=True)
class _NewSession:
    """The rows of a session about to be inserted (its id is chosen at insert time)."""

    row: dict[str, Any]
    seats: Sequence[Seat]
    events: list[dict[str, Any]] = field(default_factory=list)
    annotations: list[dict[str, Any]] = field(default_factory=list)
    copy_events_from: tuple[str, int] | None = None  # (parent id, number of events)
    snapshot: tuple[str, str, str] | None = None  # (sha256, motion id, text) to store


def _refuse_append(session_id: str, expected: int, actual: int | None, where: str) -> NoReturn:
    if actual is None:
        raise SessionNotFound(f"no session {session_id!r} in {where}")
    raise SequenceConflict(session_id, expected, actual)


class _DriverStatement:
    """A Core statement compiled once for a dialect and run straight on a DBAPI cursor,
    with the same SQL and the same type conversions SQLAlchemy would apply."""

    def __init__(self, statement: Any, dialect: Any, column_keys: list[str] | None = None):
        compiled = statement.compile(dialect=dialect, column_keys=column_keys)
        self.sql: str = compiled.string
        # Literal values of the statement itself (the 1 in next_seq + 1, ...).
        self._defaults = {n: b.value for n, b in compiled.binds.items() if not b.required}
        self._order: list[str] = list(compiled.positiontup or [])
        self._convert = {
            name: proc
            for name, bind in compiled.binds.items()
            if (proc := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }

    def args(self, values: dict[str, Any]) -> tuple[Any, ...]:
        merged = {**self._defaults, **values}
        out = []
        for name in self._order:
            value = merged[name]
            convert = self._convert.get(name)
            out.append(convert(value) if convert is not None and value is not None else value)
        return tuple(out)


class _SqliteAppender:
    """The append path on SQLite: the statements of :meth:`Store.append`, run on a pooled
    DBAPI connection of the same engine. Appends happen on every action a player takes,
    and going through SQLAlchemy's execution layer tripled their cost (bench/bench_store.py)."""

    _compiled: tuple[_DriverStatement, _DriverStatement, _DriverStatement] | None = None

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        if _SqliteAppender._compiled is None:  # the same SQL for every SQLite engine
            dialect = engine.dialect
            _SqliteAppender._compiled = (
                _DriverStatement(_BUMP_SEQ, dialect),
                _DriverStatement(_NEXT_SEQ, dialect),
                _DriverStatement(
                    _INSERT_EVENT, dialect, ["session_id", "seq", "actor", "kind", "payload", "at"]
                ),
            )
        self._bump, self._next, self._insert = _SqliteAppender._compiled

    def append(self, bump: dict[str, Any], row: dict[str, Any], where: str) -> None:
        try:
            raw = self._engine.raw_connection()
        except DBAPIError as e:
            raise db_failure(e, where) from None
        try:
            cur = raw.cursor()
            cur.execute("BEGIN IMMEDIATE")  # take the write lock before reading next_seq
            try:
                cur.execute(self._bump.sql, self._bump.args(bump))
                if cur.rowcount != 1:
                    found = cur.execute(self._next.sql, self._next.args(bump)).fetchone()
                    _refuse_append(bump["sid"], bump["expected"], found and found[0], where)
                cur.execute(self._insert.sql, self._insert.args(row))
                cur.execute("COMMIT")
            except BaseException:
                raw.rollback()
                raise
        except sqlite3.IntegrityError:
            raise SequenceConflict(bump["sid"], bump["expected"], bump["expected"] + 1) from None
        except sqlite3.Error as e:
            raise sqlite_failure(e, where) from None
        finally:
            raw.close()


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise InvalidRequest("a session title cannot be empty")
    return title[:_MAX_TITLE]


def _check_note(text: str) -> None:
    if not 1 <= len(text) <= _MAX_NOTE:
        raise InvalidRequest(f"an annotation needs text (at most {_MAX_NOTE} characters)")


def _haystack(info: SessionInfo) -> str:
    players = " ".join(s.player for s in info.seats)
    return f"{info.id} {info.title} {info.motion_title} {info.motion_id} {players}".casefold()


__all__ = ["Store", "StoreError"]
