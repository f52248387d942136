"""Property tests: random streams of legal and illegal actions never corrupt the state."""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate.engine import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Event,
    GameState,
    IllegalAction,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
    apply,
    events_from_json,
    events_to_json,
    fold,
    new_game,
)
from debate.engine.state import CHALLENGE_DISCOUNTS, CHALLENGE_WON
from debate.engine.testing import tiny_motion
from debate.vocabulary.commitments import (
    Arms,
    DefencePact,
    Demilitarisation,
    Dmz,
    Funding,
    OwnForces,
    Recognition,
    SanctionsRelief,
    Troops,
)

# Longer than the tiny motion's default so that streams reach deep negotiation states.
MOTION = tiny_motion(phases=[
    {"id": "negotiation", "name": "Negotiation", "rounds": 6,
     "actions": ["speak", "propose", "amend", "withdraw", "challenge", "concede", "demand",
                 "accept", "reject", "pass"]},
    {"id": "vote", "name": "Vote", "rounds": 1, "actions": ["vote"]},
])
ROLES = ["kyiv", "kremlin", "washington", "nobody"]
CRITERIA = ["pre_positioning", "obligation", "nuclear_resilience", "bogus"]
CLAIMS = ["army_first", "after_is_empty", "invented"]

commitments = st.sampled_from(ROLES).flatmap(lambda by: st.one_of(
    st.builds(Troops, by=st.just(by), size=st.integers(1, 120_000),
              timing=st.sampled_from(["standing", "on_attack"]), basis=st.sampled_from(
                  ["executive", "treaty", "statute"])),
    st.builds(Funding, by=st.just(by), usd_bn_per_year=st.floats(0.01, 50),
              years=st.integers(0, 10), basis=st.just("treaty")),
    st.builds(Arms, by=st.just(by), level=st.sampled_from(["drip", "full"]),
              years=st.integers(0, 5), basis=st.just("executive")),
    st.builds(DefencePact, by=st.just(by), obligation=st.sampled_from(["consult", "fight"]),
              basis=st.just("ratified_treaty")),
    st.builds(OwnForces, by=st.just(by), size=st.integers(1, 10**6),
              readiness=st.just("high"), equipment=st.just("modern")),
    st.builds(Dmz, by=st.just(by), width_km=st.floats(0.1, 50)),
    st.builds(Demilitarisation, by=st.just(by), force_cap=st.integers(0, 200_000)),
    st.builds(Recognition, by=st.just(by), scope=st.sampled_from(["de_facto", "de_jure"])),
    st.builds(SanctionsRelief, by=st.just(by), scope=st.just("full")),
))
cids = st.sampled_from([f"c{i}" for i in range(1, 6)])
# NUL and lone surrogates are refused at the boundary (they cannot be stored everywhere).
texts = st.text(
    st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), min_size=1, max_size=30
)

actions: st.SearchStrategy[Action] = st.one_of(
    st.builds(Speak, text=texts, claims=st.lists(st.sampled_from(CLAIMS), max_size=2).map(tuple),
              criteria=st.lists(st.sampled_from(CRITERIA), max_size=2).map(tuple)),
    st.builds(Propose, commitment=commitments),
    st.builds(Amend, commitment_id=cids, commitment=commitments),
    st.builds(Withdraw, commitment_id=cids),
    st.builds(Challenge, commitment_id=cids, criterion=st.sampled_from(CRITERIA),
              claims=st.lists(st.sampled_from(CLAIMS), max_size=2).map(tuple)),
    st.builds(Concede, challenge_id=st.sampled_from(["x1", "x2", "x3"])),
    st.builds(Demand, commitment=commitments),
    st.builds(Accept, demand_id=st.sampled_from(["d1", "d2", "d3"])),
    st.builds(Reject, demand_id=st.sampled_from(["d1", "d2"]),
              counter=st.one_of(st.none(), commitments)),
    st.builds(Vote, accept=st.booleans()),
    st.just(Pass()),
)


def aimed(action: Action, actor: str, state: GameState, data: st.DataObject) -> Action:
    """The same action pointed at things that exist: the actor's own terms, a seated role
    for a demand, ids that are on the table. The rules may still refuse it."""
    def pick(ids: list[str], fallback: str) -> str:
        return data.draw(st.sampled_from(ids)) if ids else fallback

    match action:
        case Propose() | Amend():
            action = action.model_copy(update={
                "commitment": action.commitment.model_copy(update={"by": actor})})
        case Reject(counter=counter) if counter is not None:
            action = action.model_copy(
                update={"counter": counter.model_copy(update={"by": actor})})
        case Demand():
            other = data.draw(st.sampled_from(state.roles))
            action = action.model_copy(update={
                "commitment": action.commitment.model_copy(update={"by": other})})
    match action:
        case Amend() | Withdraw() | Challenge():
            action = action.model_copy(
                update={"commitment_id": pick(list(state.commitments), action.commitment_id)})
        case Concede():
            action = action.model_copy(
                update={"challenge_id": pick(list(state.challenges), action.challenge_id)})
        case Accept() | Reject():
            action = action.model_copy(
                update={"demand_id": pick(list(state.demands), action.demand_id)})
    return action


def check_invariants(state: GameState, accepted: int) -> None:
    assert state.seq == accepted
    assert list(state.commitments) == [f"c{i}" for i in range(1, len(state.commitments) + 1)]
    for c in state.commitments.values():
        assert c.owner in state.roles and c.terms.by == c.owner
        assert c.terms.kind in state.role(c.owner).may_commit
        assert c.tabled_at < state.seq
    for ch in state.challenges.values():
        target = state.commitments[ch.commitment_id]
        assert ch.target == target.owner != ch.challenger
        if ch.status == "open":
            assert target.active
    for c in state.commitments.values():
        if c.discounted:
            assert any(ch.commitment_id == c.id and ch.status in CHALLENGE_DISCOUNTS
                       for ch in state.challenges.values())
    for d in state.demands.values():
        assert d.by != d.target and d.terms.by == d.target
        if d.status == "accepted":
            assert d.commitment_id is not None
            assert state.commitments[d.commitment_id].owner == d.target
    assert list(state.open_challenge_ids) == [
        ch.id for ch in state.challenges.values() if ch.status == "open"]
    won = sum(ch.status in CHALLENGE_WON for ch in state.challenges.values())
    assert sum(p.challenges_won for p in state.points.values()) == won
    assert sum(p.challenges_lost for p in state.points.values()) == won
    assert 0 <= state.turn_index < len(state.roles)
    assert 0 <= state.actions_this_turn < state.motion.actions_per_turn
    assert set(state.votes) <= set(state.roles)
    if state.votes:
        assert state.in_vote or state.finished
    assert state.finished == (len(state.votes) == len(state.roles))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_streams_never_corrupt_state(data: st.DataObject) -> None:
    state = new_game(MOTION)
    events: list[Event] = []
    states = [state]
    for _ in range(data.draw(st.integers(10, 150))):
        # Mostly the role to play (so games move on), sometimes anyone (to hit NotYourTurn).
        actor = data.draw(st.one_of(st.just(state.current_role or "kyiv"),
                                    st.sampled_from(ROLES)))
        action = data.draw(actions)
        if data.draw(st.integers(0, 3)):  # usually aim the terms where the rules could accept
            action = aimed(action, actor, state, data)
        snapshot = copy.deepcopy(state)
        try:
            state, event = apply(state, actor, action)
        except IllegalAction as refusal:
            assert refusal.reason
            assert state == snapshot, "a refused action changed the state"
            continue
        events.append(event)
        states.append(state)
        check_invariants(state, len(events))
    # Folding the first k events gives exactly the state reached step by step.
    for k in data.draw(st.sets(st.integers(0, len(events)), max_size=4)) | {len(events)}:
        assert fold(MOTION, events[:k]) == states[k]
    # Events survive a JSON round trip exactly.
    assert events_from_json(events_to_json(events)) == events
    assert fold(MOTION, events_from_json(events_to_json(events))) == state


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["kyiv", "kremlin", "washington"]), min_size=1, max_size=40))
def test_passing_always_reaches_the_vote_and_the_end(_: list[str]) -> None:
    state = new_game(MOTION)
    turns = 0
    while not state.finished:
        role = state.current_role or ""
        action: Action = Vote(accept=True) if state.in_vote else Pass()
        state, _event = apply(state, role, action)
        turns += 1
    # 6 negotiation rounds + 1 vote round, 3 roles each.
    assert turns == 21 and state.agreed is True
