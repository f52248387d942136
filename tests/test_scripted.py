"""Scripted roles: seeded, resumable, explainable, and behaving like the capitals in the
article (Kyiv, the Kremlin, Washington, Brussels, Beijing)."""

from __future__ import annotations

import doctest
import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import debate.scripted
import debate.scripted.choose
import debate.scripted.context
import debate.scripted.facts
import debate.scripted.lines
import debate.scripted.policies
import debate.scripted.rng
import debate.scripted.runner
import debate.scripted.tournament
from debate.engine import (
    Amend,
    Challenge,
    Demand,
    GameState,
    Pass,
    Propose,
    Reject,
    apply,
    events_to_json,
    fold,
    new_game,
)
from debate.engine.testing import tiny_motion, tiny_motion_data
from debate.motions import Motion
from debate.scripted import (
    DIFFICULTIES,
    Decision,
    choose_action,
    decision_rng,
    default_seats,
    play_game,
    policy_for,
)
from debate.scripted.context import Ctx
from debate.scripted.facts import last_negotiation_turn
from debate.scripted.policies.kyiv import HOLDS_THE_FRONT, KyivPolicy
from debate.scripted.policies.washington import STANCES, stance_of
from debate.vocabulary.commitments import (
    Arms,
    Commitment,
    Demilitarisation,
    ForeignTroopBan,
    Funding,
    Neutrality,
    OwnForces,
    Peacekeepers,
    Recognition,
    Troops,
    describe,
)

GUARANTEES = Path(__file__).resolve().parents[1] / "motions" / "guarantees.toml"
ALL_NORMAL = {"kyiv": "normal", "kremlin": "normal", "washington": "normal", "brussels": "normal"}


@pytest.mark.parametrize(
    "module",
    [
        debate.scripted,
        debate.scripted.choose,
        debate.scripted.context,
        debate.scripted.facts,
        debate.scripted.lines,
        debate.scripted.policies,
        debate.scripted.rng,
        debate.scripted.runner,
        debate.scripted.tournament,
    ],
)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0


# -- helpers -----------------------------------------------------------------------------------


def advance_to(state: GameState, role: str) -> GameState:
    """Let the others pass until it is ``role``'s turn (in the negotiation phase)."""
    from debate.engine import Pass

    while state.current_role != role or state.phase.id == "opening":
        state, _ = apply(state, state.current_role, Pass())  # type: ignore[arg-type]
    return state


def decide(state: GameState, role: str, difficulty: str = "normal", seed: int = 0) -> Decision:
    return choose_action(state.motion, state, role, difficulty, decision_rng(seed, state.seq, role))


def kyiv_opened(motion: Motion) -> GameState:
    """A new game after Kyiv's own opening turn (army tabled, troops demanded)."""
    state = new_game(motion)
    while state.current_role == "kyiv":
        state, _ = apply(state, "kyiv", decide(state, "kyiv").action)
    return state


def decisions_over_seeds(state: GameState, role: str, seeds: range) -> list[Decision]:
    return [decide(state, role, "normal", s) for s in seeds]


# -- the contract -----------------------------------------------------------------------------


def test_same_inputs_same_decision(article_motion: Motion) -> None:
    state = new_game(article_motion)
    for difficulty in DIFFICULTIES:
        a = decide(state, "kyiv", difficulty, 5)
        b = decide(state, "kyiv", difficulty, 5)
        assert a == b


def test_asking_out_of_turn_or_with_an_unknown_difficulty_is_an_error(tiny: Motion) -> None:
    state = new_game(tiny)
    with pytest.raises(ValueError, match="not kremlin's turn"):
        decide(state, "kremlin")
    with pytest.raises(ValueError, match="unknown difficulty 'expert'"):
        choose_action(tiny, state, "kyiv", "expert", random.Random(0))


def test_every_rationale_names_its_rule(article_motion: Motion) -> None:
    result = play_game(article_motion, ALL_NORMAL, seed=11)
    for event in result.events:
        assert event.rationale, event
        rule = event.rationale.split(":")[0]
        assert rule.split(".")[0] == event.actor and "." in rule, event.rationale
        assert len(event.rationale) <= 1000


def test_rationales_cite_the_claims_and_criteria_they_rest_on(article_motion: Motion) -> None:
    result = play_game(article_motion, ALL_NORMAL, seed=3)
    cited = [e for e in result.events if "(rests on" in (e.rationale or "")]
    assert cited
    for e in cited:
        for part in e.rationale.split("(rests on ")[1].rstrip(")").split(", "):  # type: ignore[union-attr]
            kind, _, ident = part.partition(" ")
            if kind == "claim":
                assert ident in article_motion.claim_by_id, e.rationale
            elif kind == "criterion":
                assert ident in article_motion.criterion_weights or ident == "deterrence_index"


def test_a_game_resumed_midway_plays_on_identically(article_motion: Motion) -> None:
    seats = {"kyiv": "hard", "kremlin": "easy", "washington": "normal", "brussels": "normal"}
    whole = play_game(article_motion, seats, seed=21)
    for k in (0, 7, len(whole.events) // 2, len(whole.events) - 1):
        # Rebuild the state from the stored log (as the TUI does after a crash) and go on.
        state = fold(article_motion, whole.events[:k], roles=seats)
        events = list(whole.events[:k])
        while not state.finished:
            role = state.current_role
            assert role is not None
            d = choose_action(
                article_motion, state, role, seats[role], decision_rng(21, state.seq, role)
            )
            state, event = apply(state, role, d.action, d.rationale)
            events.append(event)
        assert tuple(events) == whole.events


def test_games_do_not_depend_on_the_hash_seed() -> None:
    # Set iteration order of strings changes with PYTHONHASHSEED; policies must not use it.
    code = (
        "import hashlib, sys\n"
        "from debate.motions import load_motion\n"
        "from debate.scripted import play_game\n"
        "from debate.engine import events_to_json\n"
        "m = load_motion(sys.argv[1])\n"
        "seats = {'kyiv': 'hard', 'kremlin': 'hard', 'washington': 'easy', 'brussels': 'normal'}\n"
        "r = play_game(m, seats, 4)\n"
        "print(hashlib.sha256(events_to_json(list(r.events)).encode()).hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", code, str(GUARANTEES)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(run.stdout.strip())
    assert len(digests) == 1


# -- Kyiv ---------------------------------------------------------------------------------------


def test_kyiv_opens_by_tabling_its_own_army(article_motion: Motion) -> None:
    d = decide(new_game(article_motion), "kyiv")
    assert isinstance(d.action, Propose) and d.action.commitment.kind == "own_forces"
    assert d.rationale.startswith("kyiv.army_first") and "claim army_first" in d.rationale


def test_kyiv_demands_statute_troops_from_washington(article_motion: Motion) -> None:
    state = new_game(article_motion)
    state, _ = apply(state, "kyiv", decide(state, "kyiv").action)
    d = decide(state, "kyiv")
    assert isinstance(d.action, Demand)
    troops = d.action.commitment
    assert isinstance(troops, Troops) and troops.by == "washington"
    assert troops.timing == "standing" and troops.basis == "statute" and troops.size >= 50_000
    for topic in ("funding", "supply", "troop status", "duration", "amendment"):
        assert topic in (troops.note or "")


def test_kyiv_refuses_demilitarisation(article_motion: Motion) -> None:
    state = new_game(article_motion)
    state, _ = apply(state, "kyiv", decide(state, "kyiv").action)
    state = advance_to(state, "kremlin")
    state, _ = apply(
        state, "kremlin", Demand(commitment=Demilitarisation(by="kyiv", force_cap=50_000))
    )
    state = advance_to(state, "kyiv")
    for d in decisions_over_seeds(state, "kyiv", range(30)):
        assert d.action.type == "reject", d
        assert "red line" in d.rationale


def test_kyiv_challenges_guarantees_that_act_only_after_an_attack(article_motion: Motion) -> None:
    state = advance_to(kyiv_opened(article_motion), "washington")
    late = Troops(by="washington", size=40_000, timing="on_attack", basis="statute")
    state, _ = apply(state, "washington", Propose(commitment=late))
    state = advance_to(state, "kyiv")
    found = []
    for seed in range(10):
        d = decide(state, "kyiv", seed=seed)
        if isinstance(d.action, Challenge):
            found.append(d)
    assert found
    assert all(d.action.criterion == "pre_positioning" for d in found)  # type: ignore[union-attr]
    assert all("after_attack_worthless" in d.action.claims for d in found)  # type: ignore[union-attr]


def test_kyiv_challenges_memoranda_on_legal_durability(article_motion: Motion) -> None:
    state = advance_to(kyiv_opened(article_motion), "brussels")
    paper = Funding(by="brussels", usd_bn_per_year=5, years=2, basis="memorandum")
    state, _ = apply(state, "brussels", Propose(commitment=paper))
    state = advance_to(state, "kyiv")
    d = decide(state, "kyiv")
    assert isinstance(d.action, Challenge)
    assert d.action.criterion == "legal_durability" and "budapest_precedent" in d.action.claims


def kyiv_facing(motion: Motion, troops: Troops | None, demands: list[Commitment]) -> GameState:
    """Kyiv's second negotiation turn, with up to three Kremlin demands pending and, if given,
    ``troops`` tabled by Washington in the opening."""
    state = kyiv_opened(motion)
    army = OwnForces(by="kremlin", size=700_000, readiness="high", equipment="adequate")
    state, _ = apply(state, "kremlin", Propose(commitment=army))
    state, _ = apply(state, "kremlin", Demand(commitment=demands[0]))
    if troops is not None:
        state, _ = apply(state, "washington", Propose(commitment=troops))
    state = advance_to(state, "kremlin")
    for terms in demands[1:3]:
        state, _ = apply(state, "kremlin", Demand(commitment=terms))
    return advance_to(state, "kyiv")


def kyiv_says(state: GameState) -> dict[str, str]:
    """Kyiv's normal answer to each pending demand: accept, reject, or open (no answer)."""
    policy = policy_for(state.motion, "kyiv")
    out = {}
    for d in state.pending_demands(to="kyiv"):
        ctx = Ctx(state, "kyiv", decision_rng(0, state.seq, "kyiv"))
        answer = policy.answer_demand(ctx, d)
        out[describe(d.terms)] = answer[0].action.type if answer else "open"
    return out


FALLBACKS = [
    Recognition(by="kyiv", scope="de_facto"),
    Neutrality(by="kyiv", alliances=("NATO",)),
    Demilitarisation(by="kyiv", force_cap=400_000),
]
RED_LINES = [
    Recognition(by="kyiv", scope="de_jure"),
    ForeignTroopBan(by="kyiv"),
    Demilitarisation(by="kyiv", force_cap=50_000),
]


def test_kyiv_trades_its_fallbacks_for_standing_forces(article_motion: Motion) -> None:
    by_law = Troops(by="washington", size=50_000, timing="standing", basis="statute")
    assert set(kyiv_says(kyiv_facing(article_motion, by_law, FALLBACKS)).values()) == {"accept"}
    assert set(kyiv_says(kyiv_facing(article_motion, by_law, RED_LINES)).values()) == {"reject"}
    # Neutrality only for a deployment written into law (its brief's fallback).
    by_decree = by_law.model_copy(update={"basis": "executive"})
    said = kyiv_says(kyiv_facing(article_motion, by_decree, FALLBACKS))
    assert said == {
        "recognition of annexed land (de facto)": "accept",
        "neutrality (renounces NATO)": "open",
        "demilitarisation: force cap 400,000": "accept",
    }


def test_kyiv_keeps_a_fallback_open_until_forces_come_then_refuses(article_motion: Motion) -> None:
    state = kyiv_facing(article_motion, None, FALLBACKS)
    assert set(kyiv_says(state).values()) == {"open"}  # while a deployment may still come
    assert set(kyiv_says(kyiv_facing(article_motion, None, RED_LINES)).values()) == {"reject"}
    state, _ = apply(state, "kyiv", Pass())
    state = advance_to(state, "kyiv")
    assert last_negotiation_turn(state)
    said = kyiv_says(state)
    assert set(said.values()) == {"reject"}  # nothing came: its last chance to say no


def test_kyivs_red_line_on_a_cap_is_read_with_the_scorer(article_motion: Motion) -> None:
    state = kyiv_facing(article_motion, None, FALLBACKS)
    held = {
        cap: KyivPolicy.front_held(state, "kyiv", Demilitarisation(by="kyiv", force_cap=cap))
        for cap in (50_000, 150_000, 250_000, 400_000, 900_000)
    }
    assert list(held.values()) == sorted(held.values())  # a looser cap leaves more
    assert held[50_000] < HOLDS_THE_FRONT <= held[400_000]


# -- the Kremlin --------------------------------------------------------------------------------


def test_kremlin_demands_the_concessions_of_its_brief(article_motion: Motion) -> None:
    kinds = set()
    for seed in range(5):
        result = play_game(article_motion, ALL_NORMAL, seed)
        kinds |= {
            e.action.commitment.kind
            for e in result.events
            if e.actor == "kremlin" and isinstance(e.action, Demand)
        }
    assert {"demilitarisation", "recognition", "foreign_troop_ban", "neutrality"} <= kinds
    assert "sanctions_relief" in kinds


def test_kremlin_names_its_price_once_superpower_troops_stand(article_motion: Motion) -> None:
    state = kyiv_opened(article_motion)
    state, _ = apply(state, "kremlin", Demand(commitment=FALLBACKS[1]))  # neutrality
    state, _ = apply(state, "kremlin", Demand(commitment=FALLBACKS[2]))  # a cap
    state = advance_to(state, "kyiv")
    for d in state.pending_demands(to="kyiv"):
        state, _ = apply(state, "kyiv", Reject(demand_id=d.id))
    state = advance_to(state, "washington")
    alone = advance_to(state, "kremlin")
    troops = Troops(by="washington", size=20_000, timing="standing", basis="executive")
    state, _ = apply(state, "washington", Propose(commitment=troops))
    guarded = advance_to(state, "kremlin")

    def priced(state: GameState) -> list[str]:
        ctx = Ctx(state, "kremlin", decision_rng(0, state.seq, "kremlin"))
        return [
            describe(c.action.commitment)  # type: ignore[union-attr]
            for c in policy_for(article_motion, "kremlin").candidates(ctx)
            if c.rule == "kremlin.price_of_presence"
        ]

    assert priced(alone) == []
    asked = priced(guarded)
    assert "neutrality (renounces NATO)" in asked
    assert "recognition of annexed land (de facto)" in asked
    (cap,) = [a for a in asked if a.startswith("demilitarisation")]
    assert int(cap.rsplit(" ", 1)[1].replace(",", "")) > 400_000 - 1  # above the cap refused


def offered(state: GameState, role: str) -> list[Challenge]:
    """The challenges ``role``'s normal policy offers now."""
    ctx = Ctx(state, role, random.Random(0))
    return [
        c.action
        for c in policy_for(state.motion, role).candidates(ctx)
        if isinstance(c.action, Challenge)
    ]


def test_kremlin_threatens_a_non_nuclear_contingent(article_motion: Motion) -> None:
    state = advance_to(new_game(article_motion), "brussels")
    force = Peacekeepers(
        by="brussels",
        size=20_000,
        mandate="self_defence",
        basis="treaty",
        withdrawal="guarantor",
    )
    state, _ = apply(state, "brussels", Propose(commitment=force))
    state = advance_to(state, "kremlin")
    (threat,) = offered(state, "kremlin")
    assert threat.criterion == "nuclear_resilience" and "blackmail_worked" in threat.claims
    # And in whole games it makes that threat.
    threats = [
        e
        for seed in range(6)
        for e in play_game(article_motion, ALL_NORMAL, seed).events
        if e.actor == "kremlin"
        and isinstance(e.action, Challenge)
        and e.action.criterion == "nuclear_resilience"
    ]
    assert threats and all("kremlin.nuclear_threat" in (e.rationale or "") for e in threats)


def test_kremlin_mocks_guarantees_that_act_only_after_an_attack(tiny: Motion) -> None:
    from debate.vocabulary.commitments import DefencePact

    state = advance_to(new_game(tiny), "washington")
    pact = DefencePact(by="washington", obligation="consult", basis="statute")
    state, _ = apply(state, "washington", Propose(commitment=pact))
    state = advance_to(state, "kremlin")
    assert [c.criterion for c in offered(state, "kremlin")] == ["obligation"]


def test_kremlin_signs_only_when_its_gains_outweigh_the_deterrence(article_motion: Motion) -> None:
    # A strong package with no concessions: the Kremlin votes no.
    strong = new_game(article_motion)
    strong = advance_to(strong, "washington")
    big = Troops(
        by="washington",
        size=100_000,
        timing="standing",
        basis="statute",
        composition=("armour", "air", "support"),
    )
    strong, _ = apply(strong, "washington", Propose(commitment=big))
    strong = _to_vote(strong, "kremlin")
    assert decide(strong, "kremlin").action.accept is False  # type: ignore[union-attr]
    # Everything it asked for, and nothing stationed: it signs.
    weak = new_game(article_motion)
    weak = advance_to(weak, "kyiv")
    for concession in (
        Demilitarisation(by="kyiv", force_cap=50_000),
        Recognition(by="kyiv", scope="de_jure"),
    ):
        weak, _ = apply(weak, "kyiv", Propose(commitment=concession))
    weak = _to_vote(weak, "kremlin")
    assert decide(weak, "kremlin").action.accept is True  # type: ignore[union-attr]


def test_kremlins_tolerance_is_its_temper_for_the_game(article_motion: Motion) -> None:
    # Kyiv's army and European peacekeepers, nothing gained: some leaderships sign, some not.
    state = advance_to(new_game(article_motion), "kyiv")
    army = OwnForces(by="kyiv", size=800_000, readiness="high", equipment="adequate")
    state, _ = apply(state, "kyiv", Propose(commitment=army))
    state = advance_to(state, "brussels")
    force = Peacekeepers(
        by="brussels", size=25_000, mandate="self_defence", basis="treaty", withdrawal="guarantor"
    )
    state, _ = apply(state, "brussels", Propose(commitment=force))
    state = _to_vote(state, "kremlin")
    votes = {}
    for seed in range(60):
        # Its temper is drawn once per game: every decision of the game votes alike.
        seen = {
            choose_action(
                article_motion, state, "kremlin", "normal", decision_rng(seed, seq, "kremlin")
            ).action.accept  # type: ignore[union-attr]
            for seq in (state.seq, state.seq + 7, 3)
        }
        assert len(seen) == 1
        votes[seed] = seen.pop()
    assert set(votes.values()) == {True, False}
    why = decide(state, "kremlin").rationale
    assert "this game it lives with" in why and "gains in concessions" in why


def _to_vote(state: GameState, role: str) -> GameState:
    from debate.engine import Pass, Vote

    while not state.in_vote or state.current_role != role:
        actor = state.current_role
        assert actor is not None
        state, _ = apply(state, actor, Vote(accept=True) if state.in_vote else Pass())
    return state


# -- Washington -----------------------------------------------------------------------------------


def test_washington_opens_with_arms_and_funding_by_executive_act(article_motion: Motion) -> None:
    result = play_game(article_motion, ALL_NORMAL, seed=2)
    opening = [e for e in result.events if e.actor == "washington"][:2]
    assert {e.action.commitment.kind for e in opening} == {"arms", "funding"}  # type: ignore[union-attr]
    assert {e.action.commitment.basis for e in opening} == {"executive"}  # type: ignore[union-attr]


def test_washington_yields_to_cited_challenges(article_motion: Motion) -> None:
    state = advance_to(new_game(article_motion), "washington")
    decree = Troops(by="washington", size=20_000, timing="standing", basis="executive")
    state, _ = apply(state, "washington", Propose(commitment=decree))
    state = advance_to(state, "kyiv")
    argued = Challenge(
        commitment_id="c1",
        criterion="legal_durability",
        claims=("law_not_decree", "budapest_precedent"),
    )
    state, _ = apply(state, "kyiv", argued)
    bare = replace(state.copy())
    state = advance_to(state, "washington")
    answers = [d.action for d in decisions_over_seeds(state, "washington", range(40))]
    amended = [a for a in answers if a.type == "amend"]
    assert amended and all(a.commitment.basis == "statute" for a in amended)  # type: ignore[union-attr]
    assert all(a.type in ("amend", "speak") for a in answers)  # always answers the challenge
    # Without cited claims the same challenge moves it less often.
    bare.challenges["x1"] = replace(bare.challenges["x1"], claims=())
    bare = advance_to(bare, "washington")
    unargued = [d.action for d in decisions_over_seeds(bare, "washington", range(40))]
    assert sum(a.type == "amend" for a in unargued) < len(amended)


def test_washington_moves_towards_troops_under_pressure(article_motion: Motion) -> None:
    policy = policy_for(article_motion, "washington")
    state = advance_to(new_game(article_motion), "washington")
    for usd in (5, 6):  # two commitments for Kyiv to challenge
        money = Funding(by="washington", usd_bn_per_year=usd, years=2, basis="executive")
        state, _ = apply(state, "washington", Propose(commitment=money))
    state = advance_to(state, "kyiv")
    ask = Troops(by="washington", size=50_000, timing="standing", basis="statute")
    low, _ = apply(state, "kyiv", Demand(commitment=ask))  # pressure 1: the demand
    high = low
    for cid in ("c1", "c2"):  # pressure 3: two challenges citing claims, on two turns
        high = advance_to(high, "kyiv")
        argued = Challenge(
            commitment_id=cid, criterion="pre_positioning", claims=("tripwire_logic",)
        )
        high, _ = apply(high, "kyiv", argued)

    def answers(state: GameState) -> tuple[int, int]:
        """Over 60 games (each with its own stance): how often it grants the force as asked,
        and how often it stations troops at all (granted, or a smaller force as counter)."""
        state = advance_to(state, "washington")
        demand = state.pending_demands(to="washington")[0]
        granted = stationed = 0
        for seed in range(60):
            ctx = Ctx(state, "washington", decision_rng(seed, state.seq, "washington"))
            assert policy.pressure(ctx) in (1, 3)
            action = policy.answer_demand(ctx, demand)[0].action
            granted += action.type == "accept"
            counter = getattr(action, "counter", None)
            stationed += action.type == "accept" or (
                isinstance(counter, Troops) and counter.timing == "standing"
            )
        return granted, stationed

    (granted_high, stationed_high), (granted_low, stationed_low) = answers(high), answers(low)
    assert granted_high > granted_low
    assert stationed_high > stationed_low + 10


def stance_seed(state: GameState, name: str) -> int:
    """A game seed whose Washington has the stance ``name``."""
    return next(
        seed
        for seed in range(200)
        if stance_of(Ctx(state, "washington", decision_rng(seed, 0, "washington"))).name == name
    )


def test_washington_draws_one_stance_per_game(article_motion: Motion) -> None:
    state = new_game(article_motion)
    assert sum(s.share for s in STANCES) == pytest.approx(1.0)
    seen = []
    for seed in range(300):
        stances = {
            stance_of(Ctx(state, "washington", decision_rng(seed, seq, "washington"))).name
            for seq in (0, 9, 31)
        }
        assert len(stances) == 1, (seed, stances)  # the same for every decision of a game
        seen += stances
    for stance in STANCES:  # and each stance in about its share of games
        assert abs(seen.count(stance.name) / 300 - stance.share) < 0.08, stance.name


def _pressed_for_troops(motion: Motion) -> GameState:
    """Washington's turn, with Kyiv's demand for 50,000 troops by statute pending, after two
    challenges citing claims on its executive funding and arms (pressure 3)."""
    state = advance_to(new_game(motion), "washington")
    state, _ = apply(
        state,
        "washington",
        Propose(
            commitment=Funding(by="washington", usd_bn_per_year=10, years=3, basis="executive")
        ),
    )
    arms = Arms(by="washington", level="sustained", years=2, basis="executive")
    state, _ = apply(state, "washington", Propose(commitment=arms))
    state = advance_to(state, "kyiv")
    ask = Troops(by="washington", size=50_000, timing="standing", basis="statute")
    state, _ = apply(state, "kyiv", Demand(commitment=ask))
    for cid in ("c1", "c2"):
        state = advance_to(state, "kyiv")
        argued = Challenge(
            commitment_id=cid, criterion="legal_durability", claims=("law_not_decree",)
        )
        state, _ = apply(state, "kyiv", argued)
    return advance_to(state, "washington")


def _washington_answers(state: GameState, seed: int) -> list[Decision]:
    """Its answers to the pending demand in many decisions of the game seeded ``seed``."""
    policy = policy_for(state.motion, "washington")
    demand = state.pending_demands(to="washington")[0]
    out = []
    for k in range(30):
        ctx = Ctx(state, "washington", decision_rng(seed, state.seq + 1000 * k, "washington"))
        (c,) = policy.answer_demand(ctx, demand)
        out.append(Decision(c.action, c.rationale))
    return out


def test_a_wary_washington_holds_out_with_arms_and_money(article_motion: Motion) -> None:
    state = _pressed_for_troops(article_motion)
    seed = stance_seed(state, "wary")
    for d in _washington_answers(state, seed):
        assert d.action.type == "reject" and d.action.counter is None  # type: ignore[union-attr]
        assert "wary" in d.rationale
    policy = policy_for(article_motion, "washington")
    for k in range(30):  # and it never stations troops of its own accord
        ctx = Ctx(state, "washington", decision_rng(seed, state.seq + k, "washington"))
        assert not any(
            isinstance(c.action, Propose) and c.action.commitment.kind == "troops"
            for c in policy.candidates(ctx)
        )


def test_a_guarded_washington_offers_a_small_force_by_executive_order(
    article_motion: Motion,
) -> None:
    state = _pressed_for_troops(article_motion)
    answers = _washington_answers(state, stance_seed(state, "guarded"))
    assert all(d.action.type == "reject" for d in answers)  # not 50,000 by statute
    counters = [d.action.counter for d in answers if d.action.counter]  # type: ignore[union-attr]
    assert len(counters) > len(answers) // 2
    for counter in counters:
        assert isinstance(counter, Troops) and counter.timing == "standing"
        assert counter.basis == "executive" and counter.size < 50_000


def test_a_forward_washington_grants_the_deployment_when_pressed(article_motion: Motion) -> None:
    state = _pressed_for_troops(article_motion)
    answers = _washington_answers(state, stance_seed(state, "forward"))
    assert sum(d.action.type == "accept" for d in answers) > len(answers) // 2


def test_only_sustained_cited_challenges_put_its_troops_into_law(article_motion: Motion) -> None:
    def answers_on_the_troops(challenged_before: int) -> set[str]:
        state = advance_to(new_game(article_motion), "washington")
        money = Funding(by="washington", usd_bn_per_year=10, years=3, basis="executive")
        arms = Arms(by="washington", level="sustained", years=2, basis="executive")
        for terms in (money, arms):
            state, _ = apply(state, "washington", Propose(commitment=terms))
        state = advance_to(state, "kyiv")
        for cid in ("c1", "c2")[:challenged_before]:  # earlier cited challenges (they lapse)
            argued = Challenge(
                commitment_id=cid, criterion="legal_durability", claims=("law_not_decree",)
            )
            state, _ = apply(state, "kyiv", argued)
        state = advance_to(state, "washington")
        decree = Troops(by="washington", size=20_000, timing="standing", basis="executive")
        state, _ = apply(state, "washington", Propose(commitment=decree))
        state = advance_to(state, "kyiv")
        on_troops = Challenge(
            commitment_id="c3",
            criterion="legal_durability",
            claims=("law_not_decree", "budapest_precedent"),
        )
        state, _ = apply(state, "kyiv", on_troops)
        state = advance_to(state, "washington")
        seed = stance_seed(state, "guarded")
        found = set()
        for k in range(40):  # decisions of the same game (same stance), other draws
            rng = decision_rng(seed, state.seq + 1000 * k, "washington")
            action = choose_action(article_motion, state, "washington", "normal", rng).action
            assert action.type in ("amend", "speak")  # it always answers the challenge
            if isinstance(action, Amend):
                found.add(action.commitment.basis)  # type: ignore[union-attr]
        return found

    assert answers_on_the_troops(challenged_before=0) == set()  # a guarded one rebuts
    assert answers_on_the_troops(challenged_before=2) == {"statute"}


def test_a_cautious_washington_flinches_at_nuclear_threats(article_motion: Motion) -> None:
    state = advance_to(new_game(article_motion), "washington")
    force = Troops(by="washington", size=20_000, timing="standing", basis="executive")
    state, _ = apply(state, "washington", Propose(commitment=force))
    state = advance_to(state, "kremlin")
    doubt = Challenge(
        commitment_id="c1", criterion="guarantor_standing", claims=("blackmail_worked",)
    )
    state, _ = apply(state, "kremlin", doubt)
    state = advance_to(state, "washington")

    def conceded(stance: str) -> int:
        seed = stance_seed(state, stance)
        return sum(
            choose_action(
                article_motion,
                state,
                "washington",
                "normal",
                decision_rng(seed, state.seq + 1000 * k, "washington"),  # same game, other draws
            ).action.type
            == "concede"
            for k in range(40)
        )

    assert conceded("forward") == 0
    assert 5 < conceded("guarded") < 35


# -- Brussels -------------------------------------------------------------------------------------


def _peacekeepers_under_threat(motion: Motion, backed: bool) -> GameState:
    state = advance_to(new_game(motion), "washington")
    if backed:
        troops = Troops(by="washington", size=50_000, timing="standing", basis="statute")
        state, _ = apply(state, "washington", Propose(commitment=troops))
    state = advance_to(state, "brussels")
    force = Peacekeepers(
        by="brussels", size=20_000, mandate="self_defence", basis="treaty", withdrawal="guarantor"
    )
    state, _ = apply(state, "brussels", Propose(commitment=force))
    state = advance_to(state, "kremlin")
    cid = next(c.id for c in state.commitments.values() if c.owner == "brussels")
    threat = Challenge(
        commitment_id=cid, criterion="nuclear_resilience", claims=("blackmail_worked",)
    )
    state, _ = apply(state, "kremlin", threat)
    return advance_to(state, "brussels")


def test_brussels_wobbles_under_nuclear_threat_without_a_superpower(article_motion: Motion) -> None:
    alone = _peacekeepers_under_threat(article_motion, backed=False)
    answers = {d.action.type for d in decisions_over_seeds(alone, "brussels", range(30))}
    assert answers <= {"concede", "amend"} and answers  # never stands firm alone
    backed = _peacekeepers_under_threat(article_motion, backed=True)
    answers = {d.action.type for d in decisions_over_seeds(backed, "brussels", range(30))}
    assert answers == {"speak"}  # rebuts: a superpower stands beside it


def test_brussels_offers_money_sanctions_and_hybrid_cover(article_motion: Motion) -> None:
    kinds: set[str] = set()
    for seed in range(5):
        result = play_game(article_motion, ALL_NORMAL, seed)
        kinds |= {
            e.action.commitment.kind
            for e in result.events
            if e.actor == "brussels" and isinstance(e.action, Propose)
        }
    assert {"funding", "sanctions", "hybrid_defence"} <= kinds


# -- Beijing --------------------------------------------------------------------------------------


def test_beijing_stays_non_committal(article_motion: Motion) -> None:
    seats = {**ALL_NORMAL, "beijing": "normal"}
    for seed in range(15):
        result = play_game(article_motion, seats, seed)
        mine = [e.action for e in result.events if e.actor == "beijing"]
        for action in mine:
            assert action.type in ("speak", "propose", "demand", "reject", "accept", "pass", "vote")
            if isinstance(action, Propose):
                assert action.commitment.kind in ("assurance", "monitors")
        assert sum(a.type == "speak" for a in mine) >= len(mine) // 3


# -- other motions ------------------------------------------------------------------------------


def renamed_motion() -> Motion:
    """The tiny motion with role ids no policy is written for: tier fallbacks play it."""
    data = tiny_motion_data()
    rename = {"kyiv": "taiwan", "kremlin": "prc", "washington": "usa"}
    for role in data["roles"]:
        role["id"] = rename[role["id"]]
    data["turn_order"] = [rename[r] for r in data["turn_order"]]
    return Motion.model_validate(data)


def test_roles_with_other_ids_get_their_tiers_policy() -> None:
    motion = renamed_motion()
    assert policy_for(motion, "taiwan").rule_prefix == "protected_party"
    assert policy_for(motion, "prc").rule_prefix == "aggressor"
    result = play_game(motion, {"taiwan": "normal", "prc": "hard", "usa": "easy"}, seed=1)
    assert result.final.finished
    rules = {e.rationale.split(":")[0] for e in result.events}  # type: ignore[union-attr]
    assert "protected_party.army_first" in rules
    assert any(r.startswith("aggressor.demand_") for r in rules)


# -- the runner ---------------------------------------------------------------------------------


def test_play_game_returns_a_scored_replayable_game(article_motion: Motion) -> None:
    result = play_game(article_motion, ALL_NORMAL, seed=8)
    assert result.final.finished and result.agreed in (True, False)
    assert fold(article_motion, result.events, roles=result.seats).seq == result.final.seq
    assert 0 <= result.deterrence_index <= 100
    assert set(result.role_scores) == set(ALL_NORMAL)
    assert len(result.stress) == len(article_motion.cards) or result.stress
    summary = result.summary()
    assert summary.deterrence_index == result.deterrence_index and summary.events is None
    assert result.summary(keep_events=True).events == result.events
    json.loads(events_to_json(list(result.events)))


def test_seats_are_checked(article_motion: Motion) -> None:
    with pytest.raises(ValueError, match="no role 'moscow'"):
        play_game(article_motion, {"moscow": "hard", "kyiv": "normal"}, 0)
    with pytest.raises(ValueError, match="unknown difficulty 'brutal'"):
        default_seats(article_motion, {"kyiv": "brutal"})
    seats = default_seats(article_motion, {"beijing": "easy", "kyiv": "hard"})
    assert list(seats) == ["kyiv", "kremlin", "washington", "brussels", "beijing"]
    assert seats["kyiv"] == "hard" and seats["kremlin"] == "normal"


def test_the_tiny_motion_plays_at_every_difficulty(tiny: Motion) -> None:
    for difficulty in DIFFICULTIES:
        seats = dict.fromkeys(("kyiv", "kremlin", "washington"), difficulty)
        assert play_game(tiny, seats, seed=0).final.finished


def test_context_offers_demands_only_where_the_rules_allow(tiny: Motion) -> None:
    ctx = Ctx(new_game(tiny), "kyiv", random.Random(0))
    assert ctx.may_demand("troops", "washington")
    assert not ctx.may_demand("troops", "kremlin")  # the Kremlin may not commit troops
    assert not ctx.may_demand("troops", "kyiv")  # not of oneself
    assert not ctx.may_demand("sanctions", "washington")  # Kyiv may not demand sanctions here
    assert tiny_motion().id == "tiny"
