"""The hard difficulty: look one move ahead with the scorer.

For the most wanted candidates (at most :data:`BREADTH`), apply each with the engine; when
it is addressed to another role (a demand, a challenge), also apply that role's most likely
answer, predicted with its normal policy and a :class:`~debate.scripted.rng.Typical`
generator (a challenge beyond what the addressee can answer in one turn is predicted to
lapse); then score the resulting package and read it against the role's private brief
(:func:`debate.scripted.evaluate.utility`). Challenges still open against the role are
counted as lapsed if the move does not answer them. Ties keep the normal policy's order.
"""

from __future__ import annotations

from dataclasses import replace

from debate.engine.actions import Challenge, Demand
from debate.engine.errors import IllegalAction
from debate.engine.rules import apply
from debate.engine.state import GameState
from debate.scripted import evaluate, facts
from debate.scripted.context import Candidate, Ctx
from debate.scripted.rng import Typical

#: How many candidates are scored per decision (keeps a hard decision to a few scorer calls).
BREADTH = 8


def rank(ctx: Ctx, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` best first for ``ctx.role`` by one-move lookahead."""
    ordered = sorted(candidates, key=lambda c: -c.priority)
    considered = _shortlist(ordered)
    scored: list[tuple[float, int, Candidate]] = []
    for i, c in enumerate(considered):
        value = _value(ctx, c)
        if value is not None:
            scored.append((value, i, c))
    scored.sort(key=lambda t: (-round(t[0], 9), t[1]))
    best = [c for _, _, c in scored]
    return best + [c for c in ordered if c not in best]


def _shortlist(ordered: list[Candidate]) -> list[Candidate]:
    """At most :data:`BREADTH` distinct candidates: the best of every rule first (so that
    no kind of move goes unexamined), then the next best overall."""
    seen: set[str] = set()
    firsts: list[Candidate] = []
    rest: list[Candidate] = []
    rules: set[str] = set()
    for c in ordered:
        key = c.action.model_dump_json()
        if key in seen:
            continue
        seen.add(key)
        (rest if c.rule in rules else firsts).append(c)
        rules.add(c.rule)
    chosen = (firsts + rest)[:BREADTH]
    return sorted(chosen, key=lambda c: -c.priority)


#: What a demand the addressee would refuse costs: it is spent (not made again), so it is
#: better kept for a moment when it would be granted.
SPENT_DEMAND = 1e-3


def value(ctx: Ctx, c: Candidate) -> float | None:
    """How good ``c`` is for ``ctx.role`` once the addressee answers (None if refused)."""
    return _value(ctx, c)


def _value(ctx: Ctx, c: Candidate) -> float | None:
    try:
        after, _ = apply(ctx.state, ctx.role, c.action)
    except IllegalAction:
        return None
    replied = _predicted_reply(ctx, after, c)
    value = evaluate.utility(_with_lapses(replied, ctx.role), ctx.role)
    if isinstance(c.action, Demand):
        demand = next(reversed(replied.demands.values()))
        if demand.status == "rejected":
            value -= SPENT_DEMAND
    return value


def _predicted_reply(ctx: Ctx, state: GameState, c: Candidate) -> GameState:
    """The state after the addressee's most likely answer to a demand or a challenge."""
    from debate.scripted.policies import policy_for

    action = c.action
    if isinstance(action, Demand):
        target = action.commitment.by
    elif isinstance(action, Challenge):
        target = state.commitments[action.commitment_id].owner
    else:
        return state
    if target not in state.roles or not facts.answers_in_time(state, target):
        return state
    policy = policy_for(state.motion, target)
    # The answer comes on the addressee's turn; play it on a copy where it is that turn.
    turn = replace(state.copy(), turn_index=state.roles.index(target), actions_this_turn=0)
    tctx = Ctx(turn, target, Typical(f"{state.seq}:{target}"), "normal")
    if isinstance(action, Demand):
        options = policy.answer_demand(tctx, next(reversed(state.demands.values())))
    else:
        record = next(reversed(state.challenges.values()))
        due = state.open_challenges(against=target)
        if len(due) > state.motion.actions_per_turn and due[-1].id == record.id:
            # More challenges than actions in a turn: answered oldest first, this one lapses.
            out = state.copy()
            lapsed = out.commitments[record.commitment_id]
            out.commitments[lapsed.id] = replace(lapsed, discounted=True)
            return out
        options = policy.answer_challenge(tctx, record)
    for answer in sorted(options, key=lambda o: -o.priority):
        try:
            answered, _ = apply(turn, target, answer.action)
        except IllegalAction:
            continue
        return answered
    return state


def _with_lapses(state: GameState, role: str) -> GameState:
    """``state`` with the challenges due from ``role`` this turn counted as lapsed."""
    due = [
        ch
        for ch in state.open_challenges(against=role)
        if ch.made_turn < state.turn_no and state.current_role == role
    ]
    if not due:
        return state
    out = state.copy()
    for ch in due:
        c = out.commitments[ch.commitment_id]
        out.commitments[c.id] = replace(c, discounted=True)
    return out
