"""The one place where table rows become engine and store types, and back.

>>> text, digest = motion_snapshot_text({"b": 1, "a": "é"})
>>> text
'{"a":"é","b":1}'
>>> digest == sha256_text(text)
True
>>> to_utc(datetime(2025, 8, 18, 12, 0))
datetime.datetime(2025, 8, 18, 12, 0, tzinfo=datetime.timezone.utc)
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, cast

from debate.store.errors import CorruptSession
from debate.store.records import Annotation, Seat, SessionInfo, Status

if TYPE_CHECKING:
    from sqlalchemy import Row

    from debate.engine import Event
    from debate.motions import Motion


# -- time ------------------------------------------------------------------------------------


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """A time read from the database as an aware UTC datetime (SQLite returns naive UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def iso(value: datetime) -> str:
    """A time as written in session documents: ISO 8601, in UTC, with its offset."""
    return to_utc(value).isoformat()


def to_db(value: datetime) -> datetime:
    """A time to store: aware, in UTC (a naive time is taken to be UTC already). SQLite
    keeps the UTC wall time, PostgreSQL a ``timestamptz``; :func:`to_utc` reads both."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# -- motion snapshots ----------------------------------------------------------------------


def canonical_json(data: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the form hashed and stored."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def motion_snapshot_text(snapshot: dict[str, Any]) -> tuple[str, str]:
    """The stored text of a motion snapshot and its sha256."""
    text = canonical_json(snapshot)
    return text, sha256_text(text)


def motion_to_snapshot(motion: Motion) -> tuple[str, str]:
    return motion_snapshot_text(motion.model_dump(mode="json"))


_MOTIONS: dict[str, Motion] = {}
_MOTIONS_LOCK = threading.Lock()


def motion_from_snapshot(text: str, expected_sha256: str, where: str) -> Motion:
    """Rebuild the Motion a session was played with; a snapshot whose hash does not match
    is refused. Motions are frozen, so one parsed copy per hash is shared."""
    from pydantic import ValidationError

    from debate.motions import Motion

    digest = sha256_text(text)
    if digest != expected_sha256:
        raise CorruptSession(f"{where}: the motion snapshot does not match its sha256")
    with _MOTIONS_LOCK:
        cached = _MOTIONS.get(digest)
    if cached is not None:
        return cached
    try:
        motion = Motion.model_validate_json(text)
    except ValidationError as e:
        first = e.errors()[0]
        raise CorruptSession(
            f"{where}: the stored motion no longer validates "
            f"({'.'.join(str(p) for p in first['loc'])}: {first['msg']})"
        ) from None
    wrong = motion.reference_problems()
    if wrong:
        loc, message = wrong[0]
        raise CorruptSession(
            f"{where}: the stored motion is inconsistent "
            f"({'.'.join(str(p) for p in loc) or 'motion'}: {message})"
        )
    with _MOTIONS_LOCK:
        if len(_MOTIONS) > 64:
            _MOTIONS.clear()
        _MOTIONS[digest] = motion
    return motion


# -- events --------------------------------------------------------------------------------


def event_payload(event: Event) -> str:
    """The stored payload of an event: the engine's own JSON of it."""
    return event.model_dump_json()


def stored_event(event: Event) -> tuple[int, str, str, str]:
    """``(seq, actor, kind, payload)``: the columns of an event's row that come from it."""
    return event.seq, event.actor, event.action.type, event_payload(event)


def event_row(session_id: str | None, event: Event, at: datetime) -> dict[str, Any]:
    """The ``events`` row of an event (``session_id`` None: filled in at insert time)."""
    seq, actor, kind, payload = stored_event(event)
    row = {"seq": seq, "actor": actor, "kind": kind, "payload": payload, "at": to_db(at)}
    return row if session_id is None else {"session_id": session_id, **row}


def document_event(payload: str, at: datetime) -> dict[str, Any]:
    """An ``events`` row as it appears in a session document."""
    data = json.loads(payload)
    return {
        "seq": data["seq"],
        "actor": data["actor"],
        "action": data["action"],
        "rationale": data.get("rationale"),
        "at": iso(at),
    }


def events_from_payloads(rows: Sequence[tuple[int, str]], where: str) -> list[Event]:
    """Events from ``(seq, payload)`` rows, validated in one pass; each must carry the seq
    of its row."""
    from pydantic import ValidationError

    from debate.engine.events import EVENTS_ADAPTER

    try:
        events = EVENTS_ADAPTER.validate_json("[" + ",".join(p for _, p in rows) + "]")
    except ValidationError as e:
        first = e.errors()[0]
        index = first["loc"][0] if first["loc"] else None
        if not isinstance(index, int):  # the JSON itself is broken: find the row
            from debate.engine.events import Event

            for seq, payload in rows:
                try:
                    Event.model_validate_json(payload)
                except ValidationError as bad:
                    msg = bad.errors()[0]["msg"]
                    raise CorruptSession(
                        f"{where}: stored event {seq} does not validate: {msg}"
                    ) from None
        seq = rows[index][0] if isinstance(index, int) and index < len(rows) else "?"
        raise CorruptSession(
            f"{where}: stored event {seq} does not validate: {first['msg']}"
        ) from None
    for (seq, _), ev in zip(rows, events, strict=True):
        if ev.seq != seq:
            raise CorruptSession(f"{where}: event stored as {seq} says it is {ev.seq}")
    return events


# -- rows -> records -------------------------------------------------------------------------


def seat_from_row(row: Row[Any]) -> Seat:
    return Seat(row.role, row.player, cast(Any, row.kind), row.difficulty)


def seat_row(session_id: str, position: int, seat: Seat) -> dict[str, Any]:
    return {
        "session_id": session_id,
        "role": seat.role,
        "position": position,
        "player": seat.player,
        "kind": seat.kind,
        "difficulty": seat.difficulty,
    }


def info_from_row(row: Row[Any], seats: Iterable[Seat]) -> SessionInfo:
    return SessionInfo(
        id=row.id,
        title=row.title,
        motion_id=row.motion_id,
        motion_title=row.motion_title,
        motion_sha256=row.motion_sha256,
        seats=tuple(seats),
        seed=row.seed,
        status=cast(Status, row.status),
        events=row.next_seq,
        turns=row.turns,
        created=to_utc(row.created),
        updated=to_utc(row.updated),
        parent_id=row.parent_id,
        fork_seq=row.fork_seq,
    )


def annotation_from_row(row: Row[Any]) -> Annotation:
    return Annotation(
        id=row.id,
        session_id=row.session_id,
        seq=row.seq,
        author=row.author,
        text=row.text,
        created=to_utc(row.created),
        updated=to_utc(row.updated),
    )


def count_turns(actors: Iterable[str]) -> tuple[int, str | None]:
    """Turns with at least one action, and the last actor: turn order always passes to
    another role, so a new turn starts exactly where the actor changes.

    >>> count_turns(["kyiv", "kyiv", "kremlin", "washington", "washington", "kyiv"])
    (4, 'kyiv')
    """
    turns, last = 0, None
    for actor in actors:
        if actor != last:
            turns += 1
            last = actor
    return turns, last
