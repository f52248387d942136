"""A session being replayed: a cursor over its points, with states and scores on demand.

This is the replay screen's model, free of any UI so it can be tested and benchmarked
alone. Point ``k`` is the state after the first ``k`` events; the cursor moves from 0 (the
start) to ``len(events)`` (the end). States come from a :class:`FoldCache` (a step costs one
event application) and scores are computed once per point and kept.

>>> from debate.report.sample import sample_events, sample_motion
>>> from debate.report.debrief import Seat, SessionRecord
>>> rec = SessionRecord(id="s", title="t", motion=sample_motion(),
...                     seats=(Seat("kyiv", "A"), Seat("kremlin", "B"), Seat("washington", "C")),
...                     events=tuple(sample_events()))
>>> from debate.scoring.game import GameScores
>>> from debate.scoring.results import Scorecard
>>> r = ReplaySession(rec, scorer=lambda s: GameScores(Scorecard("", float(s.seq), ()), {}))
>>> r.end(), r.state.finished
(20, True)
>>> r.step(-3), r.event.seq, r.score.deterrence_index
(17, 16, 17.0)
>>> r.jump(5)
5
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from debate.engine import Event, GameState
from debate.history.timeline import SNAPSHOT_EVERY, FoldCache, TurningPoint, turning_points
from debate.report.debrief import Note, Scorer, SessionRecord
from debate.report.memo import memoised
from debate.scoring.game import GameScores, score_game

#: Cheap steps (a fold, a criteria row) between two checks of a ``stop`` request: about a
#: millisecond of work. Scoring a point costs more: the check comes before each one.
CHECK_EVERY = 64


class Stopped(Exception):
    """The whole-session figures were abandoned at a point (see ``whole_session(stop=)``)."""


@dataclass(frozen=True)
class SessionFigures:
    """Everything the charts and the turning points show of a whole session, computed
    together off the interface's thread (:meth:`ReplaySession.figures`)."""

    points: list[GameScores]  # the scores at every point
    parent: list[float] | None  # a branch's parent's index trace
    criteria: dict[str, list[float]]  # each criterion's score at every point
    turning: list[TurningPoint]
    reasons: dict[int, list[str]]  # why, by turning point (its first event's seq)


class ReplaySession:
    """A cursor over one saved session (and, for a branch, its parent's trace)."""

    def __init__(
        self,
        record: SessionRecord,
        *,
        scorer: Scorer = score_game,
        every: int = SNAPSHOT_EVERY,
        parent: SessionRecord | None = None,
        end: GameState | None = None,
    ) -> None:
        self.record = record
        self.scorer = memoised(scorer)  # once per distinct package (report/memo.py)
        self.cache = FoldCache(record.motion, record.events, record.roles or None, every=every)
        if end is not None:  # the end state, folded when the session was loaded
            self.cache.seed(end)
        self.point = len(record.events)
        self.notes: list[Note] = sorted(record.notes, key=_note_key)
        self.parent = parent
        self._scores: dict[int, GameScores] = {}
        self._trace: list[float] | None = None
        self._parent_trace: list[float] | None = None
        self._turning: dict[int, list[TurningPoint]] = {}
        self._criteria: dict[str, list[float]] | None = None
        self._reasons: dict[int, list[str]] = {}

    # -- where the cursor is ---------------------------------------------------------------
    @property
    def length(self) -> int:
        """The number of events (the last point)."""
        return len(self.cache)

    @property
    def events(self) -> list[Event]:
        return self.cache.events

    @property
    def state(self) -> GameState:
        """The state at the cursor."""
        return self.cache.state_at(self.point)

    @property
    def event(self) -> Event | None:
        """The event that led to the cursor's point (None at the start)."""
        return self.cache.events[self.point - 1] if self.point else None

    @property
    def score(self) -> GameScores:
        return self.score_at(self.point)

    def score_at(self, k: int) -> GameScores:
        if k not in self._scores:
            self._scores[k] = self.scorer(self.cache.state_at(k))
        return self._scores[k]

    # -- moving ------------------------------------------------------------------------------
    def go(self, k: int) -> int:
        """Move to point ``k`` (clamped to the session); return the new point."""
        self.point = max(0, min(self.length, k))
        return self.point

    def step(self, delta: int) -> int:
        return self.go(self.point + delta)

    def home(self) -> int:
        return self.go(0)

    def end(self) -> int:
        return self.go(self.length)

    def jump(self, number: int) -> int:
        """Go to the point after event ``number`` (events are numbered from 1)."""
        return self.go(number)

    def turn_start(self, k: int | None = None) -> int:
        """The point where the turn holding the event before point ``k`` began.

        A turn is a run of consecutive events by one role (turn order always passes the
        floor to another role), so this walks back over at most one turn's actions.
        """
        k = self.point if k is None else k
        if k <= 0:
            return 0
        actor = self.events[k - 1].actor
        j = k - 1
        while j > 0 and self.events[j - 1].actor == actor:
            j -= 1
        return j

    def next_turn(self, k: int | None = None) -> int:
        """The point where the turn holding the event after point ``k`` ends."""
        k = self.point if k is None else k
        if k >= self.length:
            return self.length
        actor = self.events[k].actor
        j = k
        while j < self.length and self.events[j].actor == actor:
            j += 1
        return j

    def event_rounds(self) -> list[tuple[str, int]]:
        """(phase id, round) of every event, from the turn order alone (no folding).

        Each turn holds at least one event and turns alternate between roles, so turns are
        runs of one actor; a phase lasts ``rounds`` times the number of seated roles turns.
        """
        phases = self.record.motion.phases
        seated = len(self.cache.roles)
        out: list[tuple[str, int]] = []
        turn = -1
        index, first_turn = 0, 0  # the phase of the current turn, and the turn it starts at
        previous = None
        for event in self.events:
            if event.actor != previous or turn < 0:
                turn += 1
                previous = event.actor
                # Turns only move forward: walk the phases along with them.
                while (
                    index < len(phases) - 1
                    and turn - first_turn >= phases[index].rounds * seated
                ):
                    first_turn += phases[index].rounds * seated
                    index += 1
            out.append((phases[index].id, (turn - first_turn) // seated + 1))
        return out

    def turn_delta(self, k: int | None = None) -> float:
        """How much the index moved during the turn that led to point ``k``."""
        k = self.point if k is None else k
        return (
            self.score_at(k).deterrence_index
            - self.score_at(self.turn_start(k)).deterrence_index
        )

    # -- the whole session -------------------------------------------------------------------
    def trace(self, progress: Callable[[int], None] | None = None) -> list[float]:
        """The Deterrence Index at every point (computed once)."""
        if self._trace is None:
            self._trace = [p.deterrence_index for p in self._all_scores(progress)]
        return self._trace

    def criteria_traces(self) -> dict[str, list[float]]:
        """Each criterion's score at every point, by criterion id, in the scorer's order
        (computed once)."""
        if self._criteria is None:
            self._criteria = _criteria_of(list(self._all_scores()))
        return self._criteria

    def criterion_names(self) -> dict[str, str]:
        return {c.id: c.name for c in self.score_at(self.length).card.criteria}

    def parent_trace(self) -> list[float] | None:
        """The parent session's index trace, for a branch whose parent is known."""
        if self.parent is None:
            return None
        if self._parent_trace is None:
            self._parent_trace = self.whole_session()[1]
        return self._parent_trace

    def turning_points(
        self, top: int = 5, stop: Callable[[], bool] | None = None
    ) -> list[TurningPoint]:
        """The turns that moved the index most (the same rule as the debriefs), computed once
        per ``top``. ``stop``: as for :meth:`whole_session` (the states are all read)."""
        found = self._turning.get(top)
        if found is None:
            from debate.history.effects import turn_starts

            trace = self.trace()
            marks = turn_starts(_checked(self.cache.iter_states(), stop))
            found = turning_points({k: trace[k] for k in marks}, top=top, starts=marks)
            self._turning[top] = found
        return list(found)

    def why(self, tp: TurningPoint) -> list[str]:
        """The events of a turning point and what they settled."""
        if tp.seq in self._reasons:
            return list(self._reasons[tp.seq])
        from debate.history.effects import explain

        end = self.cache.state_at(self.length)
        return explain(tp, self.events, self.cache.state_at, end)

    def _all_scores(
        self,
        progress: Callable[[int], None] | None = None,
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[GameScores]:
        # Scores already known are reused; the others fold forward one event at a time
        # (the cache keeps the last state, so walking forward costs one fold per point).
        for k in range(self.length + 1):
            # Asked at every point (one fold and one score): giving up never waits long.
            if stop is not None and stop():
                raise Stopped(k)
            if k not in self._scores:
                self._scores[k] = self.scorer(self.cache.state_at(k))
            if progress is not None:
                progress(k)
            yield self._scores[k]

    def whole_session(
        self, stop: Callable[[], bool] | None = None
    ) -> tuple[list[GameScores], list[float] | None]:
        """Scores at every point, and the parent's index trace (for a branch), computed on
        caches of their own: safe to run in a worker thread while the cursor moves; hand
        the result to :meth:`adopt` on the cursor's thread. ``stop`` is asked at every
        point whether to give up (a worker being cancelled): then :class:`Stopped` is
        raised, so that quitting never waits for a long session's charts."""
        own = ReplaySession(self.record, scorer=self.scorer, every=self.cache.every)
        return self._whole(own, stop)

    def figures(self, stop: Callable[[], bool] | None = None, top: int = 5) -> SessionFigures:
        """:meth:`whole_session`, plus the criteria traces, the ``top`` turning points and
        why each happened: all that a long session's charts need, computed on caches of
        their own, so that the cursor's thread only takes them (:meth:`adopt_figures`).
        ``stop`` is asked as often, throughout."""
        own = ReplaySession(self.record, scorer=self.scorer, every=self.cache.every)
        points, parent = self._whole(own, stop)
        own._trace = [p.deterrence_index for p in points]
        criteria = _criteria_of(points, stop)
        turning = own.turning_points(top, stop)
        reasons = {}
        for tp in turning:
            if stop is not None and stop():
                raise Stopped(tp.seq)
            reasons[tp.seq] = own.why(tp)
        return SessionFigures(points, parent, criteria, turning, reasons)

    def adopt_figures(self, figures: SessionFigures, top: int = 5) -> None:
        """Take what :meth:`figures` computed (with the same ``top``)."""
        self.adopt(figures.points, figures.parent)
        self._criteria = figures.criteria
        self._turning.setdefault(top, figures.turning)
        self._reasons.update(figures.reasons)

    def _whole(
        self, own: ReplaySession, stop: Callable[[], bool] | None
    ) -> tuple[list[GameScores], list[float] | None]:
        points = list(own._all_scores(stop=stop))
        parent = None
        if self.parent is not None:
            other = ReplaySession(self.parent, scorer=self.scorer, every=self.cache.every)
            # The shared prefix has the same states: reuse its scores.
            fork = self.record.fork_point or 0
            other._scores.update({k: points[k] for k in range(min(fork, len(points) - 1) + 1)})
            parent = [p.deterrence_index for p in other._all_scores(stop=stop)]
        return points, parent

    def adopt(self, points: list[GameScores], parent_trace: list[float] | None) -> None:
        """Take the figures :meth:`whole_session` computed."""
        for k, p in enumerate(points):
            self._scores.setdefault(k, p)
        if parent_trace is not None:
            self._parent_trace = parent_trace

    # -- notes ---------------------------------------------------------------------------------
    def notes_at(self, k: int | None = None) -> list[Note]:
        k = self.point if k is None else k
        return [n for n in self.notes if n.point == k]

    def note_points(self) -> set[int]:
        return {n.point for n in self.notes}

    def put_note(self, note: Note) -> None:
        """Add ``note``, or replace the note with the same id."""
        self.notes = [n for n in self.notes if note.id is None or n.id != note.id]
        self.notes.append(note)
        self.notes.sort(key=_note_key)

    def drop_note(self, note_id: int) -> None:
        self.notes = [n for n in self.notes if n.id != note_id]

    def edit_note(self, note_id: int, text: str) -> None:
        self.notes = [replace(n, text=text) if n.id == note_id else n for n in self.notes]


def _criteria_of(
    points: list[GameScores], stop: Callable[[], bool] | None = None
) -> dict[str, list[float]]:
    ids = [c.id for c in points[-1].card.criteria]
    by_point = []
    for k, p in enumerate(points):
        if stop is not None and k % CHECK_EVERY == 0 and stop():
            raise Stopped(k)
        by_point.append(p.card.scores())
    return {cid: [s.get(cid, 0.0) for s in by_point] for cid in ids}


def _checked(states: Iterator[GameState], stop: Callable[[], bool] | None) -> Iterator[GameState]:
    """``states``, asking ``stop`` every :data:`CHECK_EVERY` (each is one fold)."""
    for k, state in enumerate(states):
        if stop is not None and k % CHECK_EVERY == 0 and stop():
            raise Stopped(k)
        yield state


def _note_key(n: Note) -> tuple[int, int]:
    return (n.point, n.id if n.id is not None else 0)
