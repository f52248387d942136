"""The scores the debrief shows, read from the scorer in one place.

Reports and the replay screen need plain figures (the index, each criterion with its
reasons, each role's scores, the stress test). :func:`score_point` asks the scorer
(:mod:`debate.scoring.game`) and copies what it says into these small frozen records, so the
renderers depend on this module only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from debate.engine import GameState


@dataclass(frozen=True, slots=True)
class CriterionLine:
    id: str
    name: str
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleLine:
    role: str
    objective: float  # 0-100, from the role's private brief
    debate_points: float  # from the debate itself: challenges won, rebuttals, claims cited
    details: tuple[str, ...] = ()  # one line per objective of the brief: met or not, why

    @property
    def debate(self) -> float:
        """The same figure under the name the debate table's scoreboard reads."""
        return self.debate_points


@dataclass(frozen=True, slots=True)
class StressLine:
    card: str
    name: str
    index: float
    defeated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """Everything scored at one point of a session."""

    index: float
    criteria: tuple[CriterionLine, ...]
    roles: tuple[RoleLine, ...] = ()

    def criterion(self, cid: str) -> CriterionLine | None:
        return next((c for c in self.criteria if c.id == cid), None)

    @property
    def deterrence_index(self) -> float:
        """The index under the scorer's own name (the debate table's widgets read it)."""
        return self.index

    def role_scores(self) -> dict[str, RoleLine]:
        return {r.role: r for r in self.roles}


#: A function from a state to its scores (the real scorer, or a stand-in in tests).
Scorer = Callable[[GameState], ScorePoint]
#: A function from a final state to its stress test, one line per card.
StressTester = Callable[[GameState], tuple[StressLine, ...]]


def score_point(state: GameState) -> ScorePoint:
    """Score ``state`` with the game's scorer: the index, the criteria, the roles."""
    from debate.scoring import game

    card = game.score_state(state)
    criteria = tuple(
        CriterionLine(id=c.id, name=c.name, score=float(c.score), reasons=tuple(c.reasons))
        for c in card.criteria
    )
    return ScorePoint(
        index=float(card.deterrence_index), criteria=criteria, roles=_role_lines(state, card)
    )


def index_only(state: GameState) -> float:
    """Just the Deterrence Index of ``state`` (for charts over long sessions)."""
    from debate.scoring import game

    return float(game.score_state(state).deterrence_index)


def stress_lines(state: GameState) -> tuple[StressLine, ...]:
    """The motion's stress-test cards applied to the package in ``state``, one line each."""
    from debate.scoring import game

    return tuple(
        StressLine(
            card=r.card, name=r.name, index=float(r.deterrence_index), defeated=tuple(r.defeated)
        )
        for r in game.stress_state(state)
    )


def _role_lines(state: GameState, card: Any) -> tuple[RoleLine, ...]:
    from debate.scoring import game

    scores = dict(game.role_scores(state, card))
    return tuple(
        RoleLine(role, float(rs.objective), float(rs.debate), tuple(rs.details))
        for role, rs in scores.items()
    )
