"""Annotations: instructors' notes on events."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, update

from debate.store.convert import annotation_from_row, utc_now
from debate.store.errors import AnnotationNotFound, InvalidRequest, SessionNotFound
from debate.store.records import Annotation
from debate.store.repository.base import StoreBase, translate_errors
from debate.store.repository.queries import NEXT_SEQ, annotations_of, exists
from debate.store.tables import ANNOTATIONS, SESSIONS
from debate.text_safety import name_problem, text_problem

_MAX_NOTE = 10_000


class Annotating(StoreBase):
    """Adding, editing, deleting and listing notes."""

    @translate_errors
    def annotate(self, session_id: str, seq: int, author: str, text: str) -> Annotation:
        """Attach a note to event ``seq`` of a session."""
        author, text = author.strip(), text.strip()
        if not 1 <= len(author) <= 80:
            raise InvalidRequest("an annotation needs an author (at most 80 characters)")
        if problem := name_problem(author):
            raise InvalidRequest(f"an annotation's author: {problem}")
        _check_note(text)
        now = utc_now()
        with self._writing() as conn:
            count = conn.execute(NEXT_SEQ, {"sid": session_id}).scalar()
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

    @translate_errors
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

    @translate_errors
    def delete_annotation(self, annotation_id: int) -> None:
        with self._writing() as conn:
            sid = self._annotation_session(conn, annotation_id)
            conn.execute(delete(ANNOTATIONS).where(ANNOTATIONS.c.id == annotation_id))
            conn.execute(update(SESSIONS).where(SESSIONS.c.id == sid).values(updated=utc_now()))

    @translate_errors
    def annotations(self, session_id: str) -> list[Annotation]:
        with self._reading() as conn:
            if not exists(conn, session_id):
                raise SessionNotFound(f"no session {session_id!r} in {self.where}")
            return annotations_of(conn, session_id)

    def _annotation_session(self, conn: Connection, annotation_id: int) -> str:
        sid = conn.execute(
            select(ANNOTATIONS.c.session_id).where(ANNOTATIONS.c.id == annotation_id)
        ).scalar()
        if sid is None:
            raise AnnotationNotFound(f"no annotation {annotation_id} in {self.where}")
        return str(sid)


def _check_note(text: str) -> None:
    if not 1 <= len(text) <= _MAX_NOTE:
        raise InvalidRequest(f"an annotation needs text (at most {_MAX_NOTE} characters)")
    if problem := text_problem(text):
        raise InvalidRequest(f"an annotation: {problem}")
