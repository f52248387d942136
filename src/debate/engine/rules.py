"""The rules: check an action, then apply it. Pure and deterministic.

>>> from debate.engine.actions import Pass, Speak
>>> from debate.engine.testing import tiny_motion
>>> state = new_game(tiny_motion())
>>> state.current_role
'kyiv'
>>> state, event = apply(state, "kyiv", Speak(text="Our army is the first guarantee."))
>>> event.seq, state.current_role  # a turn allows two actions in this motion
(0, 'kyiv')
>>> state, _ = apply(state, "kyiv", Pass())
>>> state.current_role
'kremlin'
>>> apply(state, "kyiv", Pass())
Traceback (most recent call last):
...
debate.engine.errors.NotYourTurn: it is kremlin's turn, not kyiv's
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from debate.engine import errors as err
from debate.engine.actions import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
)
from debate.engine.events import Event
from debate.engine.state import (
    CHALLENGE_DISCOUNTS,
    CHALLENGE_WON,
    ChallengeRecord,
    ChallengeStatus,
    DebatePoints,
    DemandRecord,
    GameState,
    TabledCommitment,
)
from debate.vocabulary.commitments import Commitment

if TYPE_CHECKING:  # motions import the commitment types; avoid a cycle
    from debate.motions.model import Motion


def new_game(motion: Motion, roles: Iterable[str] | None = None) -> GameState:
    """The state before any event. ``roles`` picks who is seated (default: every role that
    is not optional); they play in the motion's turn order.

    >>> from debate.engine.testing import tiny_motion
    >>> new_game(tiny_motion()).roles
    ('kyiv', 'kremlin', 'washington')
    """
    if roles is None:
        chosen = {r.id for r in motion.roles if not r.optional}
    else:
        chosen = set(roles)
        unknown = chosen - set(motion.role_by_id)
        if unknown:
            raise err.UnknownRole(f"no role {sorted(unknown)[0]!r} in motion {motion.id!r}")
    if motion.protected.id not in chosen:
        raise err.UnknownRole(f"the protected party {motion.protected.id!r} must be seated")
    seated = tuple(r for r in motion.turn_order if r in chosen)
    if len(seated) < 2:
        raise err.UnknownRole("a game needs at least two seated roles")
    return GameState(motion=motion, roles=seated, points={r: DebatePoints() for r in seated})


def apply(
    state: GameState, actor: str, action: Action, rationale: str | None = None
) -> tuple[GameState, Event]:
    """Check ``action`` by ``actor`` against the rules; return the new state and its event.

    Raises a subclass of :class:`~debate.engine.errors.IllegalAction` with a readable
    reason if the rules refuse it; ``state`` is never changed.
    """
    event = Event(seq=state.seq, actor=actor, action=action, rationale=rationale)
    new = state.copy()
    _execute(new, event)
    return new, event


def fold(
    motion: Motion,
    events: Iterable[Event],
    roles: Iterable[str] | None = None,
    start: GameState | None = None,
) -> GameState:
    """Replay events from the start (or from a cached ``start`` state) to a new state.

    Raises :class:`~debate.engine.errors.CorruptLog` if an event is out of sequence or
    breaks the rules: a stored log that does not replay is never silently accepted.
    """
    state = (start or new_game(motion, roles)).copy()
    for event in events:
        if event.seq != state.seq:
            raise err.CorruptLog(f"event {event.seq} found where event {state.seq} was expected")
        try:
            _execute(state, event)
        except err.IllegalAction as e:
            raise err.CorruptLog(
                f"event {event.seq} ({event.action.type} by {event.actor}) "
                f"is refused on replay: {e.reason}"
            ) from e
    return state


def replay(
    motion: Motion, events: Sequence[Event], roles: Iterable[str] | None = None
) -> list[GameState]:
    """Every intermediate state: ``result[k]`` is the fold of ``events[:k]``."""
    state = new_game(motion, roles)
    out = [state]
    for event in events:
        state = fold(motion, [event], start=state)
        out.append(state)
    return out


def legal_action_types(state: GameState, role: str) -> tuple[str, ...]:
    """The action types ``role`` could take now (each may still need valid arguments).

    Used by the UI to offer only sensible actions, and by scripted roles.
    """
    if state.finished or state.current_role != role:
        return ()
    spec = state.role(role)
    mine = [c for c in state.active_commitments() if c.owner == role]
    others = [c for c in state.active_commitments() if c.owner != role]
    possible = {
        "speak": True,
        "propose": bool(spec.may_commit),
        "amend": bool(mine),
        "withdraw": bool(mine),
        "challenge": bool(others),
        "concede": bool(state.open_challenges(against=role)),
        "demand": bool(spec.may_demand) and len(state.roles) > 1,
        "accept": bool(state.pending_demands(to=role)),
        "reject": bool(state.pending_demands(to=role)),
        "vote": role not in state.votes,
        "pass": True,
    }
    return tuple(a for a in state.phase.actions if possible.get(a, False))


# -- the rules, applied to a private copy ------------------------------------------------


def _execute(state: GameState, event: Event) -> None:
    actor, action = event.actor, event.action
    if state.finished:
        raise err.GameOver("the game is over")
    if actor not in state.roles:
        raise err.UnknownRole(f"{actor!r} is not seated in this game")
    if state.current_role != actor:
        raise err.NotYourTurn(f"it is {state.current_role}'s turn, not {actor}'s")
    if action.type not in state.phase.actions:
        allowed = ", ".join(state.phase.actions)
        raise err.WrongPhase(
            f"'{action.type}' is not allowed in the {state.phase.name} phase (allowed: {allowed})"
        )
    ends_turn = _HANDLERS[action.type](state, actor, action, event.seq)
    state.seq += 1
    state.actions_this_turn += 1
    if ends_turn or state.in_vote or state.actions_this_turn >= state.motion.actions_per_turn:
        _end_turn(state, actor)


def _speak(state: GameState, actor: str, action: Speak, seq: int) -> bool:
    _check_claims(state, action.claims)
    for criterion in action.criteria:
        _check_criterion(state, criterion)
    invoked = set(action.criteria)
    rebutted = 0
    for ch in state.open_challenges(against=actor):
        if ch.criterion in invoked:
            _close_challenge(state, ch, "rebutted")
            rebutted += 1
    state.points[actor] = state.points[actor].add(
        speeches=1, claims_cited=len(set(action.claims)), rebuttals=rebutted
    )
    return False


def _propose(state: GameState, actor: str, action: Propose, seq: int) -> bool:
    _check_may_commit(state, actor, action.commitment)
    _table(state, actor, action.commitment, seq)
    return False


def _amend(state: GameState, actor: str, action: Amend, seq: int) -> bool:
    old = _own_active(state, actor, action.commitment_id, "amend")
    if action.commitment.kind != old.terms.kind:
        raise err.KindNotAllowed(
            f"an amendment keeps the kind ({old.terms.kind}); withdraw "
            f"{old.id} and propose a {action.commitment.kind} instead"
        )
    _check_may_commit(state, actor, action.commitment)
    state.commitments[old.id] = replace(
        old, terms=action.commitment, amended=True, discounted=False
    )
    for ch in state.open_challenges(against=actor):
        if ch.commitment_id == old.id:
            _close_challenge(state, ch, "amended")
    return False


def _withdraw(state: GameState, actor: str, action: Withdraw, seq: int) -> bool:
    old = _own_active(state, actor, action.commitment_id, "withdraw")
    state.commitments[old.id] = replace(old, withdrawn=True)
    for ch in state.open_challenges(against=actor):
        if ch.commitment_id == old.id:
            _close_challenge(state, ch, "withdrawn")
    return False


def _challenge(state: GameState, actor: str, action: Challenge, seq: int) -> bool:
    target = _commitment(state, action.commitment_id)
    if target.withdrawn:
        raise err.CommitmentWithdrawn(f"{target.id} has been withdrawn")
    if target.owner == actor:
        raise err.InvalidChallenge("you cannot challenge your own commitment")
    _check_criterion(state, action.criterion)
    _check_claims(state, action.claims)
    for ch in state.open_challenges(against=target.owner):
        if (ch.challenger, ch.commitment_id, ch.criterion) == (actor, target.id, action.criterion):
            raise err.InvalidChallenge(
                f"you already have an open challenge ({ch.id}) on "
                f"{target.id} for {action.criterion}"
            )
    cid = f"x{len(state.challenges) + 1}"
    state.challenges[cid] = ChallengeRecord(
        id=cid,
        challenger=actor,
        target=target.owner,
        commitment_id=target.id,
        criterion=action.criterion,
        claims=tuple(action.claims),
        made_turn=state.turn_no,
        made_at=seq,
    )
    state.open_challenge_ids[cid] = None
    state.points[actor] = state.points[actor].add(claims_cited=len(set(action.claims)))
    return False


def _concede(state: GameState, actor: str, action: Concede, seq: int) -> bool:
    ch = state.challenges.get(action.challenge_id)
    if ch is None:
        raise err.UnknownChallenge(f"no challenge {action.challenge_id!r}")
    if ch.target != actor:
        raise err.InvalidChallenge(f"{ch.id} is addressed to {ch.target}, not to you")
    if ch.status != "open":
        raise err.InvalidChallenge(f"{ch.id} is already closed ({ch.status})")
    _close_challenge(state, ch, "conceded")
    return False


def _demand(state: GameState, actor: str, action: Demand, seq: int) -> bool:
    target = action.commitment.by
    if target == actor:
        raise err.InvalidDemand("you cannot make a demand of yourself; propose it instead")
    if target not in state.roles:
        raise err.UnknownRole(f"{target!r} is not seated in this game")
    kind = action.commitment.kind
    if kind not in state.role(actor).may_demand:
        raise err.KindNotAllowed(f"{state.role(actor).name} may not demand {kind}")
    if kind not in state.role(target).may_commit:
        raise err.KindNotAllowed(
            f"{state.role(target).name} could never make a {kind} "
            "commitment, so it cannot be demanded of it"
        )
    did = f"d{len(state.demands) + 1}"
    state.demands[did] = DemandRecord(
        id=did, by=actor, target=target, terms=action.commitment, made_at=seq
    )
    return False


def _accept(state: GameState, actor: str, action: Accept, seq: int) -> bool:
    demand = _pending_demand(state, actor, action.demand_id)
    cid = _table(state, actor, demand.terms, seq, from_demand=demand.id)
    state.demands[demand.id] = replace(demand, status="accepted", commitment_id=cid)
    return False


def _reject(state: GameState, actor: str, action: Reject, seq: int) -> bool:
    demand = _pending_demand(state, actor, action.demand_id)
    counter_id = None
    if action.counter is not None:
        _check_may_commit(state, actor, action.counter)
        counter_id = _table(state, actor, action.counter, seq, from_demand=demand.id)
    state.demands[demand.id] = replace(demand, status="rejected", commitment_id=counter_id)
    return False


def _vote(state: GameState, actor: str, action: Vote, seq: int) -> bool:
    if actor in state.votes:
        raise err.AlreadyVoted(f"{actor} has already voted")
    state.votes[actor] = action.accept
    return True


def _pass(state: GameState, actor: str, action: Pass, seq: int) -> bool:
    return True


# Each handler checks its action, changes the private copy, and says whether the turn ends.
_Handler = Callable[[GameState, str, Any, int], bool]
_HANDLERS: dict[str, _Handler] = {
    "speak": _speak,
    "propose": _propose,
    "amend": _amend,
    "withdraw": _withdraw,
    "challenge": _challenge,
    "concede": _concede,
    "demand": _demand,
    "accept": _accept,
    "reject": _reject,
    "vote": _vote,
    "pass": _pass,
}


# -- helpers ---------------------------------------------------------------------------


def _end_turn(state: GameState, actor: str) -> None:
    # Challenges against this role made before this turn began were due now.
    for ch in state.open_challenges(against=actor):
        if ch.made_turn < state.turn_no:
            _close_challenge(state, ch, "lapsed")
    state.actions_this_turn = 0
    state.turn_no += 1
    state.turn_index += 1
    if state.turn_index < len(state.roles):
        return
    state.turn_index = 0
    state.round += 1
    if state.round <= state.phase.rounds:
        return
    state.round = 1
    state.phase_index += 1
    if state.phase_index >= len(state.motion.phases):
        state.finished = True
        state.phase_index = len(state.motion.phases) - 1
    elif state.in_vote:
        # No turn left to answer in: open challenges lapse without effect.
        for ch in state.open_challenges():
            _close_challenge(state, ch, "expired")


def _close_challenge(state: GameState, ch: ChallengeRecord, status: ChallengeStatus) -> None:
    state.challenges[ch.id] = replace(ch, status=status)
    state.open_challenge_ids.pop(ch.id, None)
    if status in CHALLENGE_DISCOUNTS:
        c = state.commitments[ch.commitment_id]
        state.commitments[c.id] = replace(c, discounted=True)
    if status in CHALLENGE_WON:
        state.points[ch.challenger] = state.points[ch.challenger].add(challenges_won=1)
        state.points[ch.target] = state.points[ch.target].add(challenges_lost=1)


def _table(
    state: GameState, actor: str, terms: Commitment, seq: int, from_demand: str | None = None
) -> str:
    cid = f"c{len(state.commitments) + 1}"
    state.commitments[cid] = TabledCommitment(
        id=cid, owner=actor, terms=terms, tabled_at=seq, from_demand=from_demand
    )
    return cid


def _commitment(state: GameState, cid: str) -> TabledCommitment:
    c = state.commitments.get(cid)
    if c is None:
        raise err.UnknownCommitment(f"no commitment {cid!r} on the table")
    return c


def _own_active(state: GameState, actor: str, cid: str, verb: str) -> TabledCommitment:
    c = _commitment(state, cid)
    if c.owner != actor:
        raise err.NotYourCommitment(
            f"{cid} belongs to {c.owner}; you may only {verb} your own commitments"
        )
    if c.withdrawn:
        raise err.CommitmentWithdrawn(f"{cid} has already been withdrawn")
    return c


def _pending_demand(state: GameState, actor: str, did: str) -> DemandRecord:
    demand = state.demands.get(did)
    if demand is None:
        raise err.UnknownDemand(f"no demand {did!r}")
    if demand.target != actor:
        raise err.InvalidDemand(f"{did} is addressed to {demand.target}, not to you")
    if demand.status != "pending":
        raise err.InvalidDemand(f"{did} has already been {demand.status}")
    return demand


def _check_may_commit(state: GameState, actor: str, terms: Commitment) -> None:
    if terms.by != actor:
        raise err.NotYourCommitment(
            f"a commitment tabled by {actor} must have by = {actor!r}, not {terms.by!r}"
        )
    role = state.role(actor)
    if terms.kind not in role.may_commit:
        allowed = ", ".join(role.may_commit) or "nothing"
        raise err.KindNotAllowed(
            f"{role.name} may not commit to {terms.kind} (may commit: {allowed})"
        )


def _check_claims(state: GameState, claims: Iterable[str]) -> None:
    for claim in claims:
        if claim not in state.motion.claim_by_id:
            raise err.UnknownClaim(f"no claim {claim!r} in this motion's claim bank")


def _check_criterion(state: GameState, criterion: str) -> None:
    if criterion not in state.motion.criterion_weights:
        known = ", ".join(state.motion.criterion_weights)
        raise err.UnknownCriterion(f"unknown criterion {criterion!r} (known: {known})")
