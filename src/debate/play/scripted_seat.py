"""Scripted seats: ask the scripted policy for a decision, with a reproducible generator.

Each decision gets its own generator derived from (seed, event number, role), so a game
that is resumed after a crash plays on exactly as it would have without one.

>>> decision_rng(7, 12, "kremlin").random() == decision_rng(7, 12, "kremlin").random()
True
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from debate.engine import Action, GameState, IllegalAction, Pass, apply
from debate.motions import Motion

DIFFICULTIES: tuple[str, ...] = ("easy", "normal", "hard")


@dataclass(frozen=True)
class ScriptedMove:
    """An action chosen for a scripted seat, with the reason shown in the transcript."""

    action: Action
    rationale: str | None


def decision_rng(seed: int, seq: int, role: str) -> random.Random:
    """The generator for the decision at event ``seq``: the one ``debate simulate`` uses
    (:func:`debate.scripted.decision_rng`), so a game plays the same in both."""
    from debate.scripted import decision_rng as scripted_rng

    return scripted_rng(seed, seq, role)


def choose(motion: Motion, state: GameState, role: str, difficulty: str, seed: int) -> ScriptedMove:
    """The scripted policy's move for ``role`` now; a pass if no policy is installed, or if
    the policy's action would be refused (so a policy bug never stalls a seminar)."""
    from debate.scripted import choose_action

    rng = decision_rng(seed, state.seq, role)
    decision: Any = choose_action(motion, state, role, difficulty, rng)
    action, rationale = decision.action, getattr(decision, "rationale", None)
    try:
        apply(state, role, action, rationale)
    except IllegalAction as e:
        return ScriptedMove(Pass(), f"its planned move was refused ({e.reason}): passes")
    return ScriptedMove(action, rationale)
