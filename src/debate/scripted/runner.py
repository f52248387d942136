"""Playing whole games with scripted roles: used by ``debate simulate``, the benchmark, and
anything else that needs a bot-vs-bot game.

>>> from debate.engine.testing import tiny_motion
>>> seats = {"kyiv": "hard", "kremlin": "normal", "washington": "easy"}
>>> result = play_game(tiny_motion(), seats, seed=3)
>>> result.final.finished, len(result.events) == result.final.seq
(True, True)
>>> play_game(tiny_motion(), seats, seed=3).events == result.events   # seeded: same game
True

Game ``i`` of a tournament with seed ``S`` is ``play_game(motion, seats, S + i)``; each
decision draws from :func:`~debate.scripted.rng.decision_rng` (seed, event number, role).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from debate.engine.events import Event
from debate.engine.rules import new_game
from debate.engine.state import GameState
from debate.motions.model import Motion
from debate.scripted import evaluate
from debate.scripted.choose import DIFFICULTIES, decide
from debate.scripted.rng import decision_rng

if TYPE_CHECKING:
    from debate.scoring.results import Scorecard, StressResult


@dataclass(frozen=True)
class GameResult:
    """A finished game: its events, final state, scorecard, role scores and stress test."""

    seed: int
    seats: dict[str, str]
    events: tuple[Event, ...]
    final: GameState
    scorecard: Scorecard
    role_scores: dict[str, Any]
    stress: tuple[StressResult, ...]

    @property
    def deterrence_index(self) -> float:
        return self.scorecard.deterrence_index

    @property
    def agreed(self) -> bool:
        return bool(self.final.agreed)

    def summary(self, keep_events: bool = False) -> GameSummary:
        """The figures a tournament needs, small enough to send between processes."""
        return GameSummary(
            seed=self.seed,
            deterrence_index=self.deterrence_index,
            agreed=self.agreed,
            criteria=tuple((c.id, c.score) for c in self.scorecard.criteria),
            objectives=tuple((r, float(s.objective)) for r, s in self.role_scores.items()),
            debate=tuple((r, float(s.debate)) for r, s in self.role_scores.items()),
            stress=tuple((s.card, s.name, s.deterrence_index) for s in self.stress),
            events=self.events if keep_events else None,
        )


@dataclass(frozen=True)
class GameSummary:
    """One game's figures: final index, agreement, criteria, role scores, stress results."""

    seed: int
    deterrence_index: float
    agreed: bool
    criteria: tuple[tuple[str, float], ...]
    objectives: tuple[tuple[str, float], ...]
    debate: tuple[tuple[str, float], ...]
    stress: tuple[tuple[str, str, float], ...]  # (card id, card name, index after it)
    events: tuple[Event, ...] | None = None


def check_seats(motion: Motion, seats: Mapping[str, str]) -> dict[str, str]:
    """The seats in turn order, checked: known roles, known difficulties.

    Raises ValueError naming the problem (the engine checks the rest when the game starts).
    """
    for role, difficulty in seats.items():
        if role not in motion.role_by_id:
            known = ", ".join(r.id for r in motion.roles)
            raise ValueError(f"no role {role!r} in motion {motion.id!r} (roles: {known})")
        if difficulty not in DIFFICULTIES:
            raise ValueError(
                f"unknown difficulty {difficulty!r} for {role} (known: {', '.join(DIFFICULTIES)})"
            )
    return {r: seats[r] for r in motion.turn_order if r in seats}


def default_seats(motion: Motion, overrides: Mapping[str, str] = {}) -> dict[str, str]:
    """Every non-optional role at ``normal``, overridden (or added, for optional roles)
    by ``overrides``."""
    seats = {r.id: "normal" for r in motion.roles if not r.optional}
    seats.update(overrides)
    return check_seats(motion, seats)


def play_game(motion: Motion, seats: Mapping[str, str], seed: int) -> GameResult:
    """Play one complete game with every seat scripted; pure and deterministic."""
    from debate.scoring.game import role_scores, stress_state

    seats = check_seats(motion, seats)
    state = new_game(motion, seats)
    events: list[Event] = []
    while not state.finished:
        role = state.current_role
        assert role is not None
        _, state, event = decide(
            motion, state, role, seats[role], decision_rng(seed, state.seq, role)
        )
        events.append(event)
    card = evaluate.scorecard(state)
    return GameResult(
        seed=seed,
        seats=seats,
        events=tuple(events),
        final=state,
        scorecard=card,
        role_scores=dict(role_scores(state, card)),
        stress=tuple(stress_state(state)),
    )
