"""Session documents: export a session as JSON, import one as a new session."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from debate.store.convert import (
    count_turns,
    document_event,
    event_row,
    info_from_row,
    iso,
    motion_snapshot_text,
    to_db,
)
from debate.store.errors import CorruptSession, SessionNotFound
from debate.store.records import Seat, SessionInfo
from debate.store.repository.base import translate_errors
from debate.store.repository.queries import WITH_SNAPSHOT, annotations_of, seats_of
from debate.store.repository.sessions import NewSession, SessionRows
from debate.store.tables import EVENTS, SESSIONS


class Documents(SessionRows):
    """Whole sessions as JSON documents (format in docs/sessions.md)."""

    @translate_errors
    def export_json(self, session_id: str) -> dict[str, Any]:
        """The whole session as a session document (format in docs/sessions.md)."""
        # The document models (and the engine's actions they validate) are imported only by
        # the commands that move documents: `debate sessions` lists without them (issue 15).
        from debate.store.document import DOCUMENT_FORMAT, DOCUMENT_VERSION
        with self._reading() as conn:
            row = conn.execute(WITH_SNAPSHOT.where(SESSIONS.c.id == session_id)).first()
            if row is None:
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            seats = seats_of(conn, session_id)
            events = conn.execute(
                select(EVENTS.c.payload, EVENTS.c.at)
                .where(EVENTS.c.session_id == session_id)
                .order_by(EVENTS.c.seq)
            ).all()
            notes = annotations_of(conn, session_id)
        info = info_from_row(row, seats)
        try:
            snapshot = json.loads(row.snapshot)
        except ValueError:
            raise CorruptSession(f"session {session_id}: the stored motion is damaged") from None
        documented = []
        for i, (payload, at) in enumerate(events):
            try:
                documented.append(document_event(payload, at))
            except (ValueError, KeyError, TypeError):
                raise CorruptSession(
                    f"session {session_id}: stored event {i} is damaged (not an event's JSON)"
                ) from None
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
                "snapshot": snapshot,
            },
            "seats": [s.to_json() for s in seats],
            "events": documented,
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

    @translate_errors
    def import_json(self, document: Any, file: str = "document") -> SessionInfo:
        """Store a session document as a new session, after validating all of it (schema,
        motion, seats, and a replay of every event): a bad document raises
        :class:`~debate.validation.DataError` naming ``file`` and field paths, and writes
        nothing. The document's id is kept unless this database already uses it."""
        from debate.engine import Event
        from debate.store.document import validate_document

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
            lambda _conn: NewSession(
                row, seats, events, notes, snapshot=(digest, doc.motion.id, snapshot)
            ),
            wanted_id=doc.session.id,
        )
        return self.get(sid)
