"""Unit tests: every rule of the turn engine, and every refusal."""

from __future__ import annotations

import pytest

from debate.engine import (
    Accept,
    Amend,
    Challenge,
    Concede,
    Demand,
    GameState,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
    apply,
    fold,
    legal_action_types,
    new_game,
)
from debate.engine import errors as err
from debate.engine.testing import tiny_motion, tiny_motion_data
from debate.motions import Motion
from debate.vocabulary.commitments import (
    Arms,
    Demilitarisation,
    Dmz,
    Funding,
    OwnForces,
    SanctionsRelief,
    Troops,
)

TROOPS = Troops(by="washington", size=50_000, basis="statute")


def play(state: GameState, *moves: tuple[str, object]) -> GameState:
    for actor, action in moves:
        state, _ = apply(state, actor, action)  # type: ignore[arg-type]
    return state


def to_turn(state: GameState, role: str) -> GameState:
    """Pass until it is ``role``'s turn."""
    while state.current_role != role:
        state, _ = apply(state, state.current_role or "", Pass())
    return state


@pytest.fixture
def start(tiny: Motion) -> GameState:
    return new_game(tiny)


# -- set-up ---------------------------------------------------------------------------------

def test_new_game_seats_roles_in_turn_order(tiny: Motion) -> None:
    state = new_game(tiny, roles=["washington", "kyiv"])
    assert state.roles == ("kyiv", "washington")
    assert state.current_role == "kyiv"
    assert state.phase.id == "negotiation" and state.round == 1


def test_new_game_refuses_unknown_role_and_missing_protected_party(tiny: Motion) -> None:
    with pytest.raises(err.UnknownRole, match="no role 'paris'"):
        new_game(tiny, roles=["kyiv", "paris"])
    with pytest.raises(err.UnknownRole, match="protected party"):
        new_game(tiny, roles=["kremlin", "washington"])


def test_optional_roles_are_left_out_by_default() -> None:
    data = tiny_motion_data()
    data["roles"][2]["optional"] = True
    assert new_game(Motion.model_validate(data)).roles == ("kyiv", "kremlin")


# -- turns, rounds, phases --------------------------------------------------------------

def test_turn_passes_after_the_action_limit(start: GameState) -> None:
    s = play(start, ("kyiv", Speak(text="one")))
    assert s.current_role == "kyiv"
    s = play(s, ("kyiv", Speak(text="two")))
    assert s.current_role == "kremlin" and s.turn_no == 1


def test_pass_ends_the_turn_and_rounds_advance(start: GameState) -> None:
    s = play(start, ("kyiv", Pass()), ("kremlin", Pass()), ("washington", Pass()))
    assert (s.round, s.current_role) == (2, "kyiv")
    s = play(s, ("kyiv", Pass()), ("kremlin", Pass()), ("washington", Pass()))
    assert s.in_vote and s.phase.id == "vote"


def test_not_your_turn(start: GameState) -> None:
    with pytest.raises(err.NotYourTurn, match="it is kyiv's turn, not kremlin's"):
        apply(start, "kremlin", Pass())


def test_unknown_actor(start: GameState) -> None:
    with pytest.raises(err.UnknownRole):
        apply(start, "beijing", Pass())


def test_wrong_phase_vote_before_the_vote(start: GameState) -> None:
    with pytest.raises(err.WrongPhase, match="'vote' is not allowed in the Negotiation phase"):
        apply(start, "kyiv", Vote(accept=True))


def test_wrong_phase_speak_during_the_vote(start: GameState) -> None:
    s = to_vote(start)
    with pytest.raises(err.WrongPhase):
        apply(s, "kyiv", Speak(text="late"))


def to_vote(state: GameState) -> GameState:
    while not state.in_vote:
        state, _ = apply(state, state.current_role or "", Pass())
    return state


def test_vote_unanimous_and_game_over(start: GameState) -> None:
    s = to_vote(start)
    s = play(s, ("kyiv", Vote(accept=True)), ("kremlin", Vote(accept=True)))
    assert s.agreed is None
    s = play(s, ("washington", Vote(accept=False)))
    assert s.finished and s.agreed is False and s.current_role is None
    with pytest.raises(err.GameOver):
        apply(s, "kyiv", Pass())


def test_majority_agreement() -> None:
    s = to_vote(new_game(tiny_motion(agreement="majority")))
    s = play(s, ("kyiv", Vote(accept=True)), ("kremlin", Vote(accept=False)),
             ("washington", Vote(accept=True)))
    assert s.agreed is True


def test_already_voted_is_refused_even_out_of_turn_order(start: GameState) -> None:
    s = to_vote(start)
    s = play(s, ("kyiv", Vote(accept=True)))
    # Force a state where kyiv is to play again after voting (e.g. a corrupted log).
    s.turn_index = 0
    with pytest.raises(err.AlreadyVoted):
        apply(s, "kyiv", Vote(accept=False))


# -- speaking -------------------------------------------------------------------------------

def test_speak_counts_claims_and_refuses_unknown_ones(start: GameState) -> None:
    s = play(start, ("kyiv", Speak(text="x", claims=("army_first", "army_first"))))
    assert s.points["kyiv"].claims_cited == 1 and s.points["kyiv"].speeches == 1
    with pytest.raises(err.UnknownClaim, match="no claim 'made_up'"):
        apply(start, "kyiv", Speak(text="x", claims=("made_up",)))
    with pytest.raises(err.UnknownCriterion, match="unknown criterion 'vibes'"):
        apply(start, "kyiv", Speak(text="x", criteria=("vibes",)))


# -- proposing, amending, withdrawing --------------------------------------------------------

def test_propose_tables_a_commitment_with_a_sequential_id(start: GameState) -> None:
    s = play(start, ("kyiv", OwnForcesProposal()))
    assert list(s.commitments) == ["c1"]
    c = s.commitments["c1"]
    assert (c.owner, c.status, c.tabled_at) == ("kyiv", "active", 0)


def OwnForcesProposal() -> Propose:
    return Propose(commitment=OwnForces(by="kyiv", size=800_000, readiness="high",
                                        equipment="modern"))


def test_propose_refuses_a_kind_the_role_may_not_make(start: GameState) -> None:
    with pytest.raises(err.KindNotAllowed, match="Kyiv may not commit to troops"):
        apply(start, "kyiv", Propose(commitment=Troops(by="kyiv", size=1, basis="statute")))


def test_propose_refuses_a_commitment_in_another_roles_name(start: GameState) -> None:
    with pytest.raises(err.NotYourCommitment, match="by = 'kyiv'"):
        apply(start, "kyiv", Propose(commitment=OwnForces(by="kremlin", size=1,
                                                          readiness="low", equipment="poor")))


def test_amend_own_commitment_marks_it_amended(start: GameState) -> None:
    s = to_turn(start, "washington")
    s = play(s, ("washington", Propose(commitment=TROOPS)))
    s = to_turn(s, "washington")
    bigger = TROOPS.model_copy(update={"size": 100_000})
    s = play(s, ("washington", Amend(commitment_id="c1", commitment=bigger)))
    c = s.commitments["c1"]
    assert c.status == "amended" and c.terms.size == 100_000  # type: ignore[union-attr]


def test_amend_refusals(start: GameState) -> None:
    s = to_turn(start, "washington")
    s = play(s, ("washington", Propose(commitment=TROOPS)))
    s = to_turn(s, "kyiv")
    with pytest.raises(err.NotYourCommitment, match="c1 belongs to washington"):
        apply(s, "kyiv", Amend(commitment_id="c1", commitment=TROOPS))
    with pytest.raises(err.UnknownCommitment, match="no commitment 'c9'"):
        apply(s, "kyiv", Amend(commitment_id="c9", commitment=TROOPS))
    s = to_turn(s, "washington")
    funding = Funding(by="washington", usd_bn_per_year=10, years=5, basis="statute")
    with pytest.raises(err.KindNotAllowed, match="an amendment keeps the kind"):
        apply(s, "washington", Amend(commitment_id="c1", commitment=funding))


def test_withdraw_and_no_second_withdrawal(start: GameState) -> None:
    s = to_turn(start, "washington")
    s = play(s, ("washington", Propose(commitment=TROOPS)), ("washington", Withdraw(
        commitment_id="c1")))
    assert s.commitments["c1"].status == "withdrawn"
    assert s.active_commitments() == []
    s = to_turn(s, "washington")
    with pytest.raises(err.CommitmentWithdrawn):
        apply(s, "washington", Withdraw(commitment_id="c1"))
    with pytest.raises(err.CommitmentWithdrawn):
        apply(s, "washington", Amend(commitment_id="c1", commitment=TROOPS))


# -- challenges ---------------------------------------------------------------------------

def tabled_troops(start: GameState) -> GameState:
    """Washington tables troops (c1) in round 1; it is then kyiv's turn in round 2."""
    s = to_turn(start, "washington")
    s = play(s, ("washington", Propose(commitment=TROOPS)), ("washington", Pass()))
    assert s.current_role == "kyiv" and s.round == 2
    return s


def challenged(start: GameState) -> GameState:
    s = tabled_troops(start)
    s = play(s, ("kyiv", Challenge(commitment_id="c1", criterion="pre_positioning",
                                   claims=("after_is_empty",))), ("kyiv", Pass()))
    return s


def test_challenge_opens_and_cites(start: GameState) -> None:
    s = challenged(start)
    ch = s.challenges["x1"]
    assert (ch.challenger, ch.target, ch.status) == ("kyiv", "washington", "open")
    assert s.points["kyiv"].claims_cited == 1


def test_challenge_refusals(start: GameState) -> None:
    s = tabled_troops(start)
    with pytest.raises(err.UnknownCommitment):
        apply(s, "kyiv", Challenge(commitment_id="c7", criterion="obligation"))
    with pytest.raises(err.UnknownCriterion):
        apply(s, "kyiv", Challenge(commitment_id="c1", criterion="nope"))
    s2 = play(s, ("kyiv", Challenge(commitment_id="c1", criterion="obligation")))
    with pytest.raises(err.InvalidChallenge, match="already have an open challenge"):
        apply(s2, "kyiv", Challenge(commitment_id="c1", criterion="obligation"))
    s3 = to_turn(s, "washington")
    with pytest.raises(err.InvalidChallenge, match="your own commitment"):
        apply(s3, "washington", Challenge(commitment_id="c1", criterion="obligation"))


def test_rebuttal_by_speech_invoking_the_criterion(start: GameState) -> None:
    s = to_turn(challenged(start), "washington")
    s = play(s, ("washington", Speak(text="They are there now.", criteria=("pre_positioning",))))
    assert s.challenges["x1"].status == "rebutted"
    assert s.points["washington"].rebuttals == 1
    assert s.commitments["c1"].status == "active"


def test_amending_answers_the_challenge(start: GameState) -> None:
    s = to_turn(challenged(start), "washington")
    s = play(s, ("washington", Amend(commitment_id="c1",
                                     commitment=TROOPS.model_copy(update={"size": 90_000}))))
    assert s.challenges["x1"].status == "amended"
    assert s.points["kyiv"].challenges_won == 1


def test_conceding_discounts_the_commitment(start: GameState) -> None:
    s = to_turn(challenged(start), "washington")
    s = play(s, ("washington", Concede(challenge_id="x1")))
    assert s.challenges["x1"].status == "conceded"
    assert s.commitments["c1"].status == "discounted"
    assert s.points["kyiv"].challenges_won == 1 and s.points["washington"].challenges_lost == 1


def test_concede_refusals(start: GameState) -> None:
    s = challenged(start)
    with pytest.raises(err.UnknownChallenge):
        apply(s, "kremlin", Concede(challenge_id="x9"))
    with pytest.raises(err.InvalidChallenge, match="addressed to washington"):
        apply(s, "kremlin", Concede(challenge_id="x1"))
    s = to_turn(s, "washington")
    s = play(s, ("washington", Concede(challenge_id="x1")))
    with pytest.raises(err.InvalidChallenge, match="already closed"):
        apply(s, "washington", Concede(challenge_id="x1"))


def test_unanswered_challenge_lapses_at_the_end_of_the_targets_next_turn(
        start: GameState) -> None:
    s = to_turn(challenged(start), "washington")
    assert s.challenges["x1"].status == "open"
    s = play(s, ("washington", Pass()))
    assert s.challenges["x1"].status == "lapsed"
    assert s.commitments["c1"].discounted
    assert s.points["kyiv"].challenges_won == 1


def test_withdrawing_a_challenged_commitment_closes_the_challenge(start: GameState) -> None:
    s = to_turn(challenged(start), "washington")
    s = play(s, ("washington", Withdraw(commitment_id="c1")))
    assert s.challenges["x1"].status == "withdrawn"


def test_open_challenges_expire_when_the_vote_begins() -> None:
    s = new_game(tiny_motion())
    # Round 1: washington tables; round 2 (last): washington passes first... kyiv challenges
    # after washington's last turn? washington plays last, so challenge it in round 2 from kyiv,
    # then washington answers nothing in its round-2 turn: it lapses. To test expiry, the
    # challenger must act after the target's last turn: kremlin's troops challenged by
    # washington in the final round.
    s = play(s, ("kyiv", Pass()),
             ("kremlin", Propose(commitment=Dmz(by="kremlin", width_km=20))), ("kremlin", Pass()),
             ("washington", Pass()), ("kyiv", Pass()), ("kremlin", Pass()),
             ("washington", Challenge(commitment_id="c1", criterion="separation")),
             ("washington", Pass()))
    assert s.in_vote
    assert s.challenges["x1"].status == "expired"
    assert not s.commitments["c1"].discounted


# -- demands ------------------------------------------------------------------------------

def demanded(start: GameState) -> GameState:
    s = play(start, ("kyiv", Pass()),
             ("kremlin", Demand(commitment=Demilitarisation(by="kyiv", force_cap=85_000))),
             ("kremlin", Pass()), ("washington", Pass()))
    assert s.current_role == "kyiv"
    return s


def test_accepted_demand_becomes_the_targets_commitment(start: GameState) -> None:
    s = play(demanded(start), ("kyiv", Accept(demand_id="d1")))
    assert s.demands["d1"].status == "accepted" and s.demands["d1"].commitment_id == "c1"
    c = s.commitments["c1"]
    assert c.owner == "kyiv" and c.from_demand == "d1" and c.terms.kind == "demilitarisation"


def test_rejected_demand_with_a_counter_proposal(start: GameState) -> None:
    counter = OwnForces(by="kyiv", size=600_000, readiness="high", equipment="modern")
    s = play(demanded(start), ("kyiv", Reject(demand_id="d1", counter=counter)))
    assert s.demands["d1"].status == "rejected"
    assert s.commitments["c1"].terms == counter
    with pytest.raises(err.InvalidDemand, match="already been rejected"):
        apply(s, "kyiv", Accept(demand_id="d1"))


def test_demand_refusals(start: GameState) -> None:
    s = to_turn(start, "kremlin")
    with pytest.raises(err.InvalidDemand, match="of yourself"):
        apply(s, "kremlin", Demand(commitment=Dmz(by="kremlin", width_km=5)))
    with pytest.raises(err.KindNotAllowed, match="Kremlin may not demand arms"):
        apply(s, "kremlin", Demand(commitment=Arms(by="washington", level="full", years=3,
                                                   basis="statute")))
    with pytest.raises(err.KindNotAllowed, match="could never make"):
        apply(s, "kremlin", Demand(commitment=SanctionsRelief(by="kyiv", scope="full")))
    with pytest.raises(err.UnknownRole):
        apply(s, "kremlin", Demand(commitment=SanctionsRelief(by="paris", scope="full")))
    s = demanded(start)
    with pytest.raises(err.UnknownDemand):
        apply(s, "kyiv", Accept(demand_id="d5"))
    s = to_turn(s, "washington")
    with pytest.raises(err.InvalidDemand, match="addressed to kyiv"):
        apply(s, "washington", Accept(demand_id="d1"))


# -- refusals change nothing; fold equals step-by-step ------------------------------------

def test_refused_action_leaves_state_unchanged(start: GameState) -> None:
    s = tabled_troops(start)
    before = (dict(s.commitments), dict(s.challenges), s.seq, s.turn_no)
    with pytest.raises(err.IllegalAction):
        apply(s, "kyiv", Amend(commitment_id="c1", commitment=TROOPS))
    assert (dict(s.commitments), dict(s.challenges), s.seq, s.turn_no) == before


def test_fold_matches_step_by_step(start: GameState) -> None:
    s = start
    events = []
    moves = [("kyiv", OwnForcesProposal()), ("kyiv", Pass()),
             ("kremlin", Demand(commitment=Demilitarisation(by="kyiv", force_cap=100_000))),
             ("kremlin", Pass()), ("washington", Propose(commitment=TROOPS)),
             ("washington", Pass()), ("kyiv", Challenge(commitment_id="c2",
                                                        criterion="nuclear_resilience")),
             ("kyiv", Reject(demand_id="d1"))]
    for actor, action in moves:
        s, e = apply(s, actor, action)  # type: ignore[arg-type]
        events.append(e)
    folded = fold(start.motion, events)
    assert folded == s


def test_fold_refuses_a_corrupt_log(start: GameState) -> None:
    _, e = apply(start, "kyiv", Pass())
    with pytest.raises(err.CorruptLog, match="expected"):
        fold(start.motion, [e, e])
    bad = e.model_copy(update={"actor": "kremlin"})
    with pytest.raises(err.CorruptLog, match="refused on replay"):
        fold(start.motion, [bad])


def test_legal_action_types_follow_the_situation(start: GameState) -> None:
    assert legal_action_types(start, "kremlin") == ()
    kinds = legal_action_types(start, "kyiv")
    assert "speak" in kinds and "pass" in kinds and "propose" in kinds
    assert "amend" not in kinds and "accept" not in kinds and "vote" not in kinds
    s = demanded(start)
    assert {"accept", "reject"} <= set(legal_action_types(s, "kyiv"))
    assert legal_action_types(to_vote(start), "kyiv") == ("vote",)


def test_a_copy_keeps_every_field_and_owns_its_containers() -> None:
    # GameState.copy lists the fields by hand (for speed): a field added later and not
    # copied would come back as its default here.
    import dataclasses

    from debate.engine import new_game

    state = new_game(tiny_motion())
    marked: dict[str, object] = {}
    for f in dataclasses.fields(state):
        value = getattr(state, f.name)
        if isinstance(value, dict):
            marked[f.name] = {"marker": f.name}
        elif isinstance(value, bool):
            marked[f.name] = not value
        elif isinstance(value, int):
            marked[f.name] = value + 1000 + len(marked)
        elif isinstance(value, tuple):
            marked[f.name] = (*value, f"marker-{f.name}")
        else:
            marked[f.name] = value  # the motion: shared, never changed
    original = dataclasses.replace(state, **marked)  # type: ignore[arg-type]
    copied = original.copy()
    for f in dataclasses.fields(state):
        assert getattr(copied, f.name) == getattr(original, f.name), f.name
        if isinstance(getattr(original, f.name), dict):
            assert getattr(copied, f.name) is not getattr(original, f.name), f.name
