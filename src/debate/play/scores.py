"""Scores of a running game, cached per event number, and what changed when.

The scorer (:mod:`debate.scoring.game`) is pure and deterministic, so a scorecard for the
state after event ``k`` never changes: it is computed once and kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from debate.engine import GameState
from debate.history.timeline import TurningPoint, turning_points


class ScoreBook:
    """Scorecards of the states of one session, computed on demand and cached."""

    def __init__(self, states: Sequence[GameState]) -> None:
        self._states = states  # the controller's list; it grows as the game goes on
        self._cards: dict[int, Any] = {}

    def card(self, seq: int | None = None) -> Any:
        """The scorecard after event ``seq`` (default: the latest state)."""
        from debate.scoring.game import score_state

        k = len(self._states) - 1 if seq is None else seq
        if k not in self._cards:
            self._cards[k] = score_state(self._states[k])
        return self._cards[k]

    def index(self, seq: int | None = None) -> float:
        return float(self.card(seq).deterrence_index)

    def role_scores(self, seq: int | None = None) -> dict[str, Any]:
        from debate.scoring.game import role_scores

        k = len(self._states) - 1 if seq is None else seq
        return dict(role_scores(self._states[k], self.card(k)))

    def stress(self, seq: int | None = None) -> tuple[Any, ...]:
        from debate.scoring.game import stress_state

        k = len(self._states) - 1 if seq is None else seq
        return tuple(stress_state(self._states[k]))

    def last_turn_start(self) -> int:
        """The first event of the turn that holds the latest event (0 before any event)."""
        last = len(self._states) - 1
        k = max(last - 1, 0)
        while k > 0 and self._states[k].actions_this_turn != 0:
            k -= 1
        return k

    def last_turn_delta(self) -> float:
        """How much the index moved during the latest turn."""
        return self.index() - self.index(self.last_turn_start())

    def turn_starts(self) -> list[int]:
        """Event numbers at which a turn began, plus the latest one."""
        marks = [k for k, s in enumerate(self._states) if s.actions_this_turn == 0]
        last = len(self._states) - 1
        return marks if marks and marks[-1] == last else [*marks, last]

    def turning_points(self, count: int = 3) -> list[TurningPoint]:
        """The ``count`` turns that moved the index most, in game order (the same rule as
        the exported debriefs, measured turn by turn)."""
        marks = self.turn_starts()
        return turning_points({k: self.index(k) for k in marks}, top=count, starts=marks)
