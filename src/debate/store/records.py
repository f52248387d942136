"""What the store hands out: plain frozen records, never table rows.

>>> Seat("kyiv", "Olena", "human")
Seat(role='kyiv', player='Olena', kind='human', difficulty=None)
>>> Seat("kremlin", "Bot", "scripted", "hard").difficulty
'hard'
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from debate.store.errors import CorruptSession
from debate.text_safety import name_problem, neutralise, surrogate_problem

if TYPE_CHECKING:
    from debate.engine import Event, GameState
    from debate.motions import Motion

SeatKind: TypeAlias = Literal["human", "scripted"]
Status: TypeAlias = Literal["active", "finished", "abandoned"]
#: Every session status, in the order a session normally moves through them.
STATUSES: tuple[Status, ...] = ("active", "finished", "abandoned")
#: Seeds are stored as signed 64-bit integers: -SEED_BOUND <= seed < SEED_BOUND.
SEED_BOUND = 2**63


def check_seed(seed: int) -> str | None:
    """Why a seed cannot be stored, or None if it can.

    >>> check_seed(7) is None, check_seed(2**64)
    (True, 'the seed must be a whole number between -2^63 and 2^63 - 1')
    """
    if -SEED_BOUND <= seed < SEED_BOUND:
        return None
    return "the seed must be a whole number between -2^63 and 2^63 - 1"


#: Seat kinds, and the longest role id, player name and difficulty a seat holds.
SEAT_KINDS: tuple[SeatKind, ...] = ("human", "scripted")
MAX_ROLE, MAX_PLAYER, MAX_DIFFICULTY = 40, 80, 40


class InvalidSeat(ValueError):
    """A seat made with a value of the wrong type or length, or an unknown kind."""


@dataclass(frozen=True, slots=True)
class Seat:
    """Who sits in a role: a named human, or a scripted player with a difficulty.

    Checked when made, like a pydantic record, but a plain dataclass: a pydantic one built its
    validator when the store was imported, and the first validator a process builds loads
    pydantic's schema builder and looks up its plugins (~15 ms of `debate play MOTION`
    before the table's first frame, issue 15).

    >>> try:
    ...     Seat("kyiv", "")
    ... except InvalidSeat as e:
    ...     print(e)
    seat player: 1 to 80 characters, not 0
    """

    role: str
    player: str
    kind: SeatKind = "human"
    difficulty: str | None = None

    def __post_init__(self) -> None:
        if problem := self._value_problem():
            raise InvalidSeat(f"seat {problem}")

    def _value_problem(self) -> str | None:
        for label, value, longest in (("role", self.role, MAX_ROLE),
                                      ("player", self.player, MAX_PLAYER)):
            if type(value) is not str:
                return f"{label}: a string, not {type(value).__name__}"
            if not 1 <= len(value) <= longest:
                return f"{label}: 1 to {longest} characters, not {len(value)}"
            if found := surrogate_problem(value):
                return f"{label}: {found}"
        if self.kind not in SEAT_KINDS:
            return f"kind: one of {', '.join(SEAT_KINDS)}, not {neutralise(repr(self.kind))}"
        difficulty = self.difficulty
        if difficulty is not None:
            if type(difficulty) is not str:
                return f"difficulty: a string or None, not {type(difficulty).__name__}"
            if len(difficulty) > MAX_DIFFICULTY:
                return f"difficulty: at most {MAX_DIFFICULTY} characters, not {len(difficulty)}"
            if found := surrogate_problem(difficulty):
                return f"difficulty: {found}"
        return None

    def problem(self) -> str | None:
        """Why this seat cannot be saved (a control character in a name), or None. Checked
        where seats enter (new sessions, branches); seats read back are shown neutralised."""
        for label, value in (("role", self.role), ("player name", self.player),
                             ("difficulty", self.difficulty or "")):
            if found := name_problem(value):
                return f"{label} {neutralise(value)!r}: {found}"
        return None

    def to_json(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "player": self.player,
            "kind": self.kind,
            "difficulty": self.difficulty,
        }


@dataclass(frozen=True, slots=True)
class SessionInfo:
    """One saved session as listed: everything but its events.

    ``events`` counts stored events; ``turns`` counts turns in which at least one action
    was taken (turn order always passes to another role, so it is the number of changes of
    actor, plus one).
    """

    id: str
    title: str
    motion_id: str
    motion_title: str
    motion_sha256: str
    seats: tuple[Seat, ...]
    seed: int
    status: Status
    events: int
    turns: int
    created: datetime
    updated: datetime
    parent_id: str | None = None
    fork_seq: int | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready data (times in ISO 8601, UTC)."""
        return {
            "id": self.id,
            "title": self.title,
            "motion_id": self.motion_id,
            "motion_title": self.motion_title,
            "motion_sha256": self.motion_sha256,
            "seats": [s.to_json() for s in self.seats],
            "seed": self.seed,
            "status": self.status,
            "events": self.events,
            "turns": self.turns,
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat(),
            "parent_id": self.parent_id,
            "fork_seq": self.fork_seq,
        }


@dataclass(frozen=True, slots=True)
class Annotation:
    """An instructor's note on one event of a session (``seq`` is the event's number)."""

    id: int
    session_id: str
    seq: int
    author: str
    text: str
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class SessionListing:
    """Sessions as listed, and the ones left out because their rows are damaged."""

    sessions: list[SessionInfo]
    damaged: list[tuple[str, str]]  # (session id, what is wrong)


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A session as read from the database, its events validated but not yet replayed.

    :meth:`replayed` folds the events (refusing a log that does not replay) into the
    :class:`LoadedSession` the store hands out. A reader that folds the events anyway (the
    debrief, event by event) folds them inside :meth:`replaying` and hands over the state it
    reached, so a long session is folded once rather than twice.
    """

    info: SessionInfo
    motion: Motion
    seats: tuple[Seat, ...]
    events: tuple[Event, ...]
    annotations: tuple[Annotation, ...]

    @property
    def roles(self) -> list[str]:
        return [s.role for s in self.seats]

    @contextmanager
    def replaying(self) -> Iterator[None]:
        """Around a fold of these events: a log that does not replay is refused as the
        store refuses it (:class:`CorruptSession`), whoever folds it."""
        from debate.engine import CorruptLog

        try:
            yield
        except CorruptLog as e:
            raise CorruptSession(f"session {self.info.id} does not replay: {e}") from None

    def replayed(self, state: GameState | None = None) -> LoadedSession:
        """This session with the state its events fold to: ``state`` when the caller folded
        all of them itself (from the start, with these seats, inside :meth:`replaying`),
        else folded here."""
        if state is None:
            from debate.engine import fold

            with self.replaying():
                state = fold(self.motion, self.events, roles=self.roles)
        elif state.seq != len(self.events):
            raise ValueError(f"a state at {state.seq} is not the fold of {len(self.events)} events")
        info = self.info
        if state.finished and info.status == "active":
            # Written by a version that saved the status apart from the last event: the
            # events say the game is over, and they are the source of truth.
            info = replace(info, status="finished")
        return LoadedSession(info, self.motion, self.seats, self.events, self.annotations, state)


@dataclass(frozen=True, slots=True)
class LoadedSession:
    """A session ready to play or replay: ``state`` is the fold of ``events``."""

    info: SessionInfo
    motion: Motion
    seats: tuple[Seat, ...]
    events: tuple[Event, ...]
    annotations: tuple[Annotation, ...]
    state: GameState

    @property
    def roles(self) -> list[str]:
        return [s.role for s in self.seats]
