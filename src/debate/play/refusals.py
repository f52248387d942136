"""Why an action type is refused right now, in the engine's own words.

The debate table offers only legal actions, but the command palette lists every action;
choosing one that the rules do not allow asks the engine with a stand-in action, so the
player reads the engine's reason (wrong phase, not your turn, nothing to withdraw...).

>>> from debate.engine import new_game
>>> from debate.engine.testing import tiny_motion
>>> why_not(new_game(tiny_motion()), "kyiv", "vote")
"'vote' is not allowed in the Negotiation phase (allowed: speak, propose, amend, withdraw, \
challenge, concede, demand, accept, reject, pass)"
"""

from __future__ import annotations

from debate.engine import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    GameState,
    IllegalAction,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
    apply,
)
from debate.vocabulary.commitments import Monitors, Recognition

_NOTHING = "?"


def _stand_in(state: GameState, role: str, kind: str) -> Action:
    other = next((r for r in state.roles if r != role), role)
    terms = Monitors(by=role, size=1, basis="declaration", withdrawal="none")
    match kind:
        case "speak":
            return Speak(text="…")
        case "propose":
            return Propose(commitment=terms)
        case "amend":
            return Amend(commitment_id=_NOTHING, commitment=terms)
        case "withdraw":
            return Withdraw(commitment_id=_NOTHING)
        case "challenge":
            return Challenge(commitment_id=_NOTHING, criterion="pre_positioning")
        case "concede":
            return Concede(challenge_id=_NOTHING)
        case "demand":
            return Demand(commitment=Recognition(by=other, scope="de_facto"))
        case "accept":
            return Accept(demand_id=_NOTHING)
        case "reject":
            return Reject(demand_id=_NOTHING)
        case "vote":
            return Vote(accept=True)
    return Pass()


def why_not(state: GameState, role: str | None, kind: str) -> str:
    """The engine's reason for refusing a ``kind`` action by ``role`` now."""
    if role is None:
        return "the game is over"
    try:
        apply(state, role, _stand_in(state, role, kind))
    except IllegalAction as e:
        return e.reason
    return f"'{kind}' needs choices that are not available right now"
