"""Reading saved sessions for reports and replays, through the store's repository.

The store numbers an annotation by the event it is attached to (``seq``, from 0); a report
places it at the point that event leads to (``seq + 1``), under that event.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from debate.report.debrief import Debrief, Note, Seat, SessionRecord, debrief_and_state

if TYPE_CHECKING:
    from debate.engine import GameState
    from debate.store.records import Annotation, LoadedSession, StoredSession
    from debate.store.repository import Store


def note_from_annotation(a: Annotation) -> Note:
    return Note(point=a.seq + 1, text=a.text, author=a.author, created=a.created, id=a.id)


def record_from_loaded(loaded: LoadedSession | StoredSession) -> SessionRecord:
    """The report's view of a session loaded (or only read) by the store."""
    info = loaded.info
    return SessionRecord(
        id=info.id,
        title=info.title,
        motion=loaded.motion,
        seats=tuple(
            Seat(s.role, s.player, scripted=s.kind == "scripted", difficulty=s.difficulty)
            for s in loaded.seats
        ),
        events=tuple(loaded.events),
        notes=tuple(note_from_annotation(a) for a in loaded.annotations),
        parent_id=info.parent_id,
        fork_point=info.fork_seq,
        created=info.created,
        updated=info.updated,
        status=info.status,
        seed=info.seed,
    )


def load_record(store: Store, session_id: str) -> SessionRecord:
    """Load one session (raises the store's SessionNotFound if it does not exist)."""
    return record_from_loaded(store.load(session_id))


def load_replay(store: Store, session_id: str) -> tuple[SessionRecord, GameState]:
    """One session and the state its events fold to (the store folds them as it loads, to
    refuse a session that no longer replays: the replay need not fold them again)."""
    loaded = store.load(session_id)
    return record_from_loaded(loaded), loaded.state


def load_parent(store: Store, record: SessionRecord) -> SessionRecord | None:
    """The session a branch was made from, or None (not a branch, or parent deleted)."""
    from debate.store.errors import SessionNotFound

    if record.parent_id is None:
        return None
    try:
        return load_record(store, record.parent_id)
    except SessionNotFound:
        return None


def load_debrief(store: Store, session_id: str) -> Debrief:
    """The debrief of a saved session (with its parent's trace when it is a branch).

    The debrief folds the events one by one anyway: that fold is also the store's check that
    they replay (the same refusal, the same status), so the session is folded once."""
    return load_debrief_and_parent(store, session_id)[0]


def load_debrief_and_parent(
    store: Store, session_id: str, *, branch_only: bool = False
) -> tuple[Debrief, SessionRecord, SessionRecord | None]:
    """:func:`load_debrief`, with the session and its parent as it loaded them (a branch's
    comparison with its parent needs both: loading them again doubled an export's time).

    ``branch_only``: a session that is not a branch of a saved session is refused
    (ValueError) before it is folded."""
    stored = store.read(session_id)
    record = record_from_loaded(stored)
    parent = load_parent(store, record)
    if branch_only and parent is None:
        raise ValueError(f"session {session_id} is not a branch of a saved session")
    with stored.replaying():
        debrief, state = debrief_and_state(record, parent=parent)
    status = stored.replayed(state).info.status  # the events may say the game is over
    if status != debrief.status:
        debrief = replace(debrief, status=status)
    return debrief, record, parent
