"""The JSON export format of a session (documented in docs/sessions.md), and its complete
validation: a document is checked from its shape down to the replay of every event before
anything is written.

>>> DOCUMENT_FORMAT, DOCUMENT_VERSION
('debate-session', 1)
>>> try:
...     validate_document({"format": "debate-session", "version": 7}, "old.json")
... except DataError as e:
...     print(e)
old.json: version: version 7 is newer than this program reads (up to 1); upgrade the program
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, Field, ValidationError
from pydantic_core import PydanticCustomError

from debate.engine.actions import Action
from debate.engine.events import MAX_EVENTS
from debate.store.convert import motion_snapshot_text
from debate.store.records import SEED_BOUND, SeatKind, Status
from debate.validation import (
    RECORD_CONFIG,
    DataError,
    PlainText,
    Problem,
    SafeText,
    check_strings,
    field_path,
    problems_from,
)

DOCUMENT_FORMAT = "debate-session"
#: Bump when the format changes; readers refuse versions newer than theirs.
DOCUMENT_VERSION = 1

SessionId = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
RoleId = Annotated[PlainText, Field(min_length=1, max_length=40)]
#: Times a document may hold: years this program can show in any time zone.
MIN_YEAR, MAX_YEAR = 1970, 2200
#: An event number or a count of events (a strict int: ``true`` is not 1).
EventNumber = Annotated[int, Field(strict=True, ge=0, lt=MAX_EVENTS)]


def _sane_time(value: datetime) -> datetime:
    # Checked on the year as written, before any conversion (year 1 at +14:00 would
    # overflow when moved to UTC; 9999-12-31 would when shown east of UTC).
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise PydanticCustomError(
            "time_range", f"the year must be between {MIN_YEAR} and {MAX_YEAR}"
        )
    return value


Time = Annotated[AwareDatetime, AfterValidator(_sane_time)]


class _Doc(BaseModel):
    model_config = RECORD_CONFIG


class DocSession(_Doc):
    id: SessionId
    title: PlainText = Field(min_length=1, max_length=200)
    status: Status
    seed: int = Field(strict=True, ge=-SEED_BOUND, lt=SEED_BOUND)
    created: Time
    updated: Time
    parent_id: SessionId | None = None
    fork_seq: EventNumber | None = None


class DocMotion(_Doc):
    id: PlainText = Field(min_length=1, max_length=40)
    title: PlainText = Field(min_length=1, max_length=200)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    snapshot: dict[str, Any]


class DocSeat(_Doc):
    role: RoleId
    player: PlainText = Field(min_length=1, max_length=80)
    kind: SeatKind
    difficulty: PlainText | None = Field(default=None, max_length=40)


class DocEvent(_Doc):
    seq: EventNumber
    actor: RoleId
    action: Action
    rationale: SafeText | None = Field(default=None, max_length=1000)
    at: Time


class DocAnnotation(_Doc):
    seq: EventNumber
    author: PlainText = Field(min_length=1, max_length=80)
    text: SafeText = Field(min_length=1, max_length=10_000)
    created: Time
    updated: Time


class SessionDocument(_Doc):
    """A whole session: what it is, the motion it was played with, who sat where, every
    event in order, and the annotations."""

    format: Literal["debate-session"]
    version: Literal[1]
    session: DocSession
    motion: DocMotion
    seats: tuple[DocSeat, ...] = Field(min_length=2)
    events: tuple[DocEvent, ...] = Field(default=(), max_length=MAX_EVENTS)
    annotations: tuple[DocAnnotation, ...] = Field(default=(), max_length=100_000)


def validate_document(data: Any, file: str = "document") -> SessionDocument:
    """Check a parsed document completely; raise :class:`DataError` naming every problem
    found (file, field path, message). Nothing here touches a database."""
    if not isinstance(data, dict):
        raise DataError([Problem(file, "", "a session document must be a JSON object")])
    head = _header_problems(data, file)
    if head:
        raise DataError(head)
    check_strings(data, file)  # NUL anywhere, non-finite numbers
    try:
        doc = SessionDocument.model_validate(data)
    except ValidationError as e:
        raise DataError(_document_problems(e, file, data)) from None
    except RecursionError:
        raise DataError([Problem(file, "", "nested too deeply to read")]) from None
    problems = _meaning_problems(doc, file)
    if problems:
        raise DataError(problems)
    return doc


def _header_problems(data: dict[str, Any], file: str) -> list[Problem]:
    fmt, version = data.get("format"), data.get("version")
    if fmt != DOCUMENT_FORMAT:
        return [Problem(file, "format", f"expected {DOCUMENT_FORMAT!r}, found {fmt!r}")]
    if isinstance(version, int) and not isinstance(version, bool) and version > DOCUMENT_VERSION:
        return [
            Problem(
                file,
                "version",
                f"version {version} is newer than this program reads "
                f"(up to {DOCUMENT_VERSION}); upgrade the program",
            )
        ]
    return []


def _meaning_problems(doc: SessionDocument, file: str) -> list[Problem]:
    """Cross-checks the schema cannot express: the hash, the motion, seats, the replay."""
    from debate.engine import CorruptLog, Event, IllegalAction, fold, new_game
    from debate.motions import Motion

    problems: list[Problem] = []

    def problem(path: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(file, field_path(path), message))

    s = doc.session
    if (s.parent_id is None) != (s.fork_seq is None):
        problem(("session", "fork_seq"), "parent_id and fork_seq go together (both or neither)")
    if s.fork_seq is not None and s.fork_seq > len(doc.events):
        problem(("session", "fork_seq"), f"a branch at {s.fork_seq} needs that many events")
    if s.updated < s.created:
        problem(("session", "updated"), "is earlier than created")

    _, digest = motion_snapshot_text(doc.motion.snapshot)
    if digest != doc.motion.sha256:
        problem(("motion", "sha256"), f"does not match the snapshot (its sha256 is {digest})")
    try:
        motion = Motion.model_validate(doc.motion.snapshot)
    except ValidationError as e:
        for p in problems_from(e, file, doc.motion.snapshot):
            problem(("motion", "snapshot", *_split(p.path)), p.message)
        return problems
    # The snapshot must be a motion the rest of the program can use: the same
    # cross-reference checks as a motion file (a protected party, known criteria, ...).
    for loc, message in motion.reference_problems():
        problem(("motion", "snapshot", *loc), message)
    if problems:
        return problems
    if doc.motion.id != motion.id:
        problem(("motion", "id"), f"is {doc.motion.id!r} but the snapshot's id is {motion.id!r}")
    if doc.motion.title != motion.title:
        problem(("motion", "title"), "differs from the snapshot's title")

    roles = [seat.role for seat in doc.seats]
    for i, seat in enumerate(doc.seats):
        if seat.role not in motion.role_by_id:
            problem(("seats", i, "role"), f"no role {seat.role!r} in motion {motion.id!r}")
        elif roles.index(seat.role) != i:
            problem(("seats", i, "role"), f"role {seat.role!r} is seated twice")
        if seat.kind == "human" and seat.difficulty is not None:
            problem(("seats", i, "difficulty"), "only scripted seats have a difficulty")
    if problems:
        return problems
    try:
        new_game(motion, roles)
    except IllegalAction as e:
        problem(("seats",), e.reason)
        return problems

    for i, ev in enumerate(doc.events):
        if ev.seq != i:
            problem(("events", i, "seq"), f"expected {i} (events are numbered from 0 in order)")
    if problems:
        return problems
    events = [
        Event(seq=e.seq, actor=e.actor, action=e.action, rationale=e.rationale) for e in doc.events
    ]
    try:
        fold(motion, events, roles)
    except CorruptLog:
        state = new_game(motion, roles)
        for i, event in enumerate(events):
            try:
                state = fold(motion, [event], start=state)
            except CorruptLog as e:
                reason = e.__cause__.reason if isinstance(e.__cause__, IllegalAction) else str(e)
                problem(("events", i), f"the rules refuse this event on replay: {reason}")
                break
    for i, note in enumerate(doc.annotations):
        if note.seq >= len(doc.events):
            problem(("annotations", i, "seq"), f"no event {note.seq} in this session")
    return problems


def _document_problems(error: ValidationError, file: str, data: Any) -> list[Problem]:
    """:func:`debate.validation.problems_from`, with paths that drop every union tag
    pydantic inserts (an action's ``type`` as well as a commitment's ``kind``): they are
    not fields of the document."""
    problems = problems_from(error, file, data)
    out = []
    for problem, err in zip(problems, error.errors(), strict=True):
        loc: list[str | int] = []
        node = data
        for part in err["loc"]:
            if (
                isinstance(part, str)
                and isinstance(node, dict)
                and part not in node
                and part in (node.get("type"), node.get("kind"))
            ):
                continue
            loc.append(part)
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                node = None
        out.append(Problem(problem.file, field_path(loc), problem.message))
    return out


def _split(path: str) -> tuple[str | int, ...]:
    """``roles[2].name`` -> ``('roles', 2, 'name')`` (to nest a path under another)."""
    parts: list[str | int] = []
    for chunk in path.replace("[", ".[").split("."):
        if not chunk:
            continue
        parts.append(int(chunk[1:-1]) if chunk.startswith("[") else chunk)
    return tuple(parts)
