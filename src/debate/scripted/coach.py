"""Coaching in solo practice: the move a player's role could have made instead.

For a turn a human played, the scripted role's hard policy is asked what *it* would have done
from the same state: its candidates are ranked by one-move lookahead with the scorer, read
against the role's private brief (:mod:`debate.scripted.lookahead`). If the best of them
would have left the role better off than the turn the player actually played, that is a
*missed opportunity*: the move, in words, and why. Pure and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

from debate.engine.actions import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Propose,
    Reject,
    Speak,
    Withdraw,
)
from debate.engine.state import GameState
from debate.scripted import evaluate, lookahead
from debate.scripted.context import Ctx
from debate.scripted.rng import Typical
from debate.vocabulary.commitments import describe

#: Smallest gain (in points of the role's 0-100 utility) worth pointing out.
MIN_GAIN = 1.0


@dataclass(frozen=True, slots=True)
class Advice:
    """A better move for ``role`` at the start of a turn, and why."""

    role: str
    seq: int  # the event number at which the turn began
    move: str  # the move in words
    why: str  # the role's reason, in words
    gain: float  # how much better (0-100 scale) than the turn played


def advise(start: GameState, played: GameState, role: str) -> Advice | None:
    """The best move for ``role`` from ``start`` (its turn begins there) if it beats the
    turn the player played (ending in ``played``) by at least :data:`MIN_GAIN` points."""
    from debate.scripted.policies import policy_for

    if start.finished or start.in_vote or start.current_role != role:
        return None
    ctx = Ctx(start, role, Typical(f"coach:{start.seq}:{role}"), "hard")
    policy = policy_for(start.motion, role)
    best_value, best = None, None
    for candidate in lookahead.rank(ctx, policy.candidates(ctx))[: lookahead.BREADTH]:
        value = lookahead.value(ctx, candidate)
        if value is not None:
            best_value, best = value, candidate
            break
    if best is None or best_value is None:
        return None
    actual = evaluate.utility(played, role)
    gain = 100.0 * (best_value - actual)
    if gain < MIN_GAIN:
        return None
    return Advice(role, start.seq, say(best.action, start), best.why, round(gain, 1))


def say(action: Action, state: GameState) -> str:
    """A move in words, for a player."""
    names = state.motion.role_by_id
    match action:
        case Propose():
            return f"propose {describe(action.commitment)}"
        case Demand():
            who = names[action.commitment.by].name
            return f"demand of {who}: {describe(action.commitment)}"
        case Challenge():
            tabled = state.commitments.get(action.commitment_id)
            what = describe(tabled.terms) if tabled else action.commitment_id
            crit = action.criterion.replace("_", " ")
            return f"challenge {action.commitment_id} ({what}) on {crit}"
        case Amend():
            return f"amend {action.commitment_id} to {describe(action.commitment)}"
        case Withdraw():
            return f"withdraw {action.commitment_id}"
        case Accept():
            return f"accept demand {action.demand_id}"
        case Reject():
            return f"reject demand {action.demand_id}"
        case Concede():
            return f"concede challenge {action.challenge_id}"
        case Speak():
            crits = ", ".join(c.replace("_", " ") for c in action.criteria)
            return "speak" + (f" on {crits}" if crits else "")
    return action.type
