"""Scripted roles: seeded, explainable policies that play a motion's roles.

Pure: no I/O, no UI, no database. A policy is a function of (motion, state, role,
difficulty, random generator) returning a legal action with a rationale naming the rule that
fired and the claims or criteria it rests on. See docs/scripted.md.

>>> from debate.engine import new_game
>>> from debate.engine.testing import tiny_motion
>>> state = new_game(tiny_motion())
>>> d = choose_action(state.motion, state, "kyiv", "easy", decision_rng(0, 0, "kyiv"))
>>> isinstance(d, Decision) and bool(d.rationale)
True
"""

from debate.scripted.choose import DIFFICULTIES, Decision, choose_action, decide
from debate.scripted.policies import policy_for
from debate.scripted.rng import decision_rng
from debate.scripted.runner import (
    GameResult,
    GameSummary,
    check_seats,
    default_seats,
    play_game,
)

__all__ = [
    "DIFFICULTIES",
    "Decision",
    "GameResult",
    "GameSummary",
    "check_seats",
    "choose_action",
    "decide",
    "decision_rng",
    "default_seats",
    "play_game",
    "policy_for",
]
