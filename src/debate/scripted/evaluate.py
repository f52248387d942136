"""How a scripted role judges a state: the scorer's scorecard, read against its private brief.

Scoring itself is :mod:`debate.scoring.game`'s job; this module only calls it (through a
small memo, since several decisions score the same package) and reads the result against a
role's brief objectives in two ways:

- :func:`satisfaction` -- the scorer's own objective score of the role (the one the debrief
  shows), used for votes;
- :func:`utility` -- a smooth version (how far each criterion is pushed in the wanted
  direction, plus a bonus for meeting it), used by the hard difficulty to rank moves,
  where a threshold alone would make most moves look equal.

Both run in [0, 1].
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from debate.engine.state import GameState
from debate.motions.model import INDEX_ID, Objective

if TYPE_CHECKING:
    from debate.scoring.results import Scorecard

_MEMO_SIZE = 4096
_memo: OrderedDict[Hashable, tuple[object, Scorecard]] = OrderedDict()


def package_key(state: GameState) -> Hashable:
    """What the scorer's verdict on a state depends on: the motion, the seats and the
    commitments on the table (with their flags)."""
    table = tuple(
        (c.id, c.owner, c.terms, c.discounted)
        for c in state.commitments.values()
        if not c.withdrawn
    )
    return (id(state.motion), state.roles, table)


def scorecard(state: GameState) -> Scorecard:
    """The scorer's scorecard of the package on the table (memoised; the scorer is pure)."""
    from debate.scoring.game import score_state

    key = package_key(state)
    hit = _memo.get(key)
    if hit is not None and hit[0] is state.motion:
        _memo.move_to_end(key)
        return hit[1]
    card = score_state(state)
    # The motion is kept with the entry so that its id cannot be reused while cached.
    _memo[key] = (state.motion, card)
    if len(_memo) > _MEMO_SIZE:
        _memo.popitem(last=False)
    return card


def _kind_presence(state: GameState, kind: str) -> float:
    """1 if an undiscounted commitment of ``kind`` is on the table, 0.5 if only discounted."""
    best = 0.0
    for c in state.active_commitments():
        if c.terms.kind == kind:
            if not c.discounted:
                return 1.0
            best = 0.5
    return best


def _value(scores: dict[str, float], o: Objective) -> float | None:
    if o.criterion is None:
        return None
    return scores.get(o.criterion if o.criterion != INDEX_ID else INDEX_ID)


def objective_met(state: GameState, o: Objective, scores: dict[str, float]) -> float:
    """How far one objective is met, 0-1 (kind objectives may be half met when discounted)."""
    if o.wants_kind is not None:
        return _kind_presence(state, o.wants_kind)
    if o.avoids_kind is not None:
        return 1.0 - _kind_presence(state, o.avoids_kind)
    v = _value(scores, o)
    if v is None:
        return 0.0
    ok = (o.at_least is None or v >= o.at_least) and (o.at_most is None or v <= o.at_most)
    return 1.0 if ok else 0.0


def _objective_utility(state: GameState, o: Objective, scores: dict[str, float]) -> float:
    met = objective_met(state, o, scores)
    if o.criterion is None:
        return met
    v = _value(scores, o) or 0.0
    direction = v / 100.0 if o.at_least is not None else 1.0 - v / 100.0
    return (2.0 * direction + met) / 3.0


_objectives: OrderedDict[Hashable, tuple[object, dict[str, float]]] = OrderedDict()


def satisfaction(state: GameState, role: str) -> float:
    """``role``'s objective score from the scorer (its brief met, with partial credit), 0-1."""
    from debate.scoring.game import role_scores

    key = package_key(state)
    hit = _objectives.get(key)
    if hit is None or hit[0] is not state.motion:
        # Objectives depend on the package only: every voter reads the same scores.
        scores = role_scores(state, scorecard(state))
        hit = (state.motion, {r: float(s.objective) / 100.0 for r, s in scores.items()})
        _objectives[key] = hit
        if len(_objectives) > _MEMO_SIZE:
            _objectives.popitem(last=False)
    return hit[1][role]


def utility(state: GameState, role: str, card: Scorecard | None = None) -> float:
    """A smooth 0-1 measure of how well the package serves ``role``'s brief."""
    card = card or scorecard(state)
    return _weighted(state, role, card, _objective_utility)


_Measure = Callable[[GameState, Objective, dict[str, float]], float]


def _weighted(state: GameState, role: str, card: Scorecard, fn: _Measure) -> float:
    scores = card.scores()
    total = weight = 0.0
    for o in state.role(role).brief.objectives:
        total += o.weight * fn(state, o, scores)
        weight += o.weight
    return total / weight if weight else 0.0
