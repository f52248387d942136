"""The state of a session at any point, folded once and cached.

Replay is folding events (the log is the truth). Stepping through a long session must not
refold from the first event each time, so :class:`FoldCache` keeps a snapshot every
``every`` events plus the last state it computed: reaching point ``k`` costs at most
``every`` event applications, wherever ``k`` is in the session, and stepping forward one
event costs one.

>>> from debate.engine import Pass, Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> motion = tiny_motion()
>>> state, events = new_game(motion), []
>>> for text in ("one", "two", "three"):
...     state, e = apply(state, state.current_role, Speak(text=text))
...     events.append(e)
>>> cache = FoldCache(motion, events, every=2)
>>> cache.state_at(3).seq, cache.state_at(1).current_role
(3, 'kyiv')
>>> cache.state_at(3).current_role
'kremlin'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from debate.engine import Event, GameState, fold, new_game
from debate.motions import Motion

#: Default distance between cached snapshots (a step costs at most this many folds).
SNAPSHOT_EVERY = 32


class FoldCache:
    """States of one session, point by point: ``state_at(k)`` is the fold of ``events[:k]``.

    Snapshots are caches, never the truth: they are all derived from ``events``. Events may
    be appended (a live game, or a branch being played); earlier events never change.
    """

    def __init__(
        self,
        motion: Motion,
        events: Sequence[Event],
        roles: Iterable[str] | None = None,
        every: int = SNAPSHOT_EVERY,
    ) -> None:
        if every < 1:
            raise ValueError("every must be at least 1")
        self.motion = motion
        self.events: list[Event] = list(events)
        self.every = every
        start = new_game(motion, roles)
        self.roles: tuple[str, ...] = start.roles
        self._snaps: dict[int, GameState] = {0: start}
        self._snap_keys: list[int] = [0]  # sorted keys of _snaps
        self._last: GameState = start

    def __len__(self) -> int:
        """The number of events (points run from 0 to ``len(self)``)."""
        return len(self.events)

    def append(self, event: Event) -> None:
        """Add the session's next event (it must follow the last one)."""
        if event.seq != len(self.events):
            raise ValueError(f"event {event.seq} appended where {len(self.events)} was expected")
        self.events.append(event)

    def seed(self, state: GameState) -> None:
        """Remember a state already folded elsewhere (the store folds a session it loads):
        ``state`` must be the fold of the first ``state.seq`` events of this session."""
        if not 0 <= state.seq <= len(self.events):
            raise ValueError(f"state at {state.seq} is outside 0..{len(self.events)}")
        self._last = state

    def state_at(self, k: int) -> GameState:
        """The state after the first ``k`` events (0 <= k <= len(self))."""
        if not 0 <= k <= len(self.events):
            raise IndexError(f"point {k} is outside 0..{len(self.events)}")
        last = self._last
        if last.seq == k:
            return last
        snap_key = self._snap_keys[bisect_right(self._snap_keys, k) - 1]
        # Start from whichever cached state is closest below k.
        base = last if snap_key <= last.seq < k else self._snaps[snap_key]
        state = base
        while state.seq < k:
            stop = min(k, (state.seq // self.every + 1) * self.every)
            state = fold(self.motion, self.events[state.seq : stop], start=state)
            if stop % self.every == 0 and stop not in self._snaps:
                self._snaps[stop] = state
                self._snap_keys.insert(bisect_right(self._snap_keys, stop), stop)
        self._last = state
        return state

    def iter_states(self, keep_every: int | None = None) -> Iterator[GameState]:
        """Every state from 0 to the end, one at a time, folding each event once (for reports
        over long sessions). None is kept, except every ``keep_every``-th as a snapshot, so
        that :meth:`state_at` can reach any point afterwards in at most that many folds."""
        state = self.state_at(0)
        yield state
        for event in self.events:
            state = fold(self.motion, [event], start=state)
            if keep_every and state.seq % keep_every == 0 and state.seq not in self._snaps:
                self._snaps[state.seq] = state
                self._snap_keys.insert(bisect_right(self._snap_keys, state.seq), state.seq)
            yield state

    def states(self) -> list[GameState]:
        """Every state from 0 to the end, folding each event once (for traces and reports)."""
        out = [self.state_at(0)]
        state = out[0]
        for event in self.events:
            state = fold(self.motion, [event], start=state)
            out.append(state)
            if state.seq % self.every == 0 and state.seq not in self._snaps:
                self._snaps[state.seq] = state
                self._snap_keys.insert(bisect_right(self._snap_keys, state.seq), state.seq)
        return out


@dataclass(frozen=True, slots=True)
class TurningPoint:
    """A stretch of events (one event, or one turn) after which the index moved a lot."""

    seq: int  # the first event of the stretch (the index before it is read at ``seq``)
    before: float
    after: float
    end: int = -1  # the point after the stretch; -1 means seq + 1 (a single event)

    def __post_init__(self) -> None:
        if self.end < 0:
            object.__setattr__(self, "end", self.seq + 1)

    @property
    def delta(self) -> float:
        return self.after - self.before


def turning_points(
    trace: Sequence[float] | Mapping[int, float],
    top: int = 5,
    min_move: float = 0.5,
    starts: Sequence[int] | None = None,
) -> list[TurningPoint]:
    """The ``top`` stretches that moved the index most, in session order.

    ``trace[k]`` is the index after ``k`` events. By default every event is a stretch, so
    event ``k`` moves the index from ``trace[k]`` to ``trace[k + 1]``; with ``starts`` (points
    where turns begin, ascending) each turn is one, and ``trace`` need only hold those points.
    Moves smaller than ``min_move`` points are not turning points.

    >>> [(t.seq, t.delta) for t in turning_points([0, 0, 30, 25, 25, 60], top=2)]
    [(1, 30), (4, 35)]
    >>> [(t.seq, t.end, t.delta) for t in turning_points({0: 0, 2: 30, 5: 60}, starts=[0, 2, 5])]
    [(0, 2, 30), (2, 5, 30)]
    """
    marks = list(starts) if starts is not None else list(range(len(trace)))
    # Only the moves big enough become TurningPoints: most turns of a long session move
    # the index by nothing, and there are tens of thousands of them.
    big = [
        TurningPoint(seq=a, before=trace[a], after=trace[b], end=b)
        for a, b in pairwise(marks)
        if b > a and abs(trace[b] - trace[a]) >= min_move
    ]
    big.sort(key=lambda m: (-abs(m.delta), m.seq))
    return sorted(big[:top], key=lambda m: m.seq)
