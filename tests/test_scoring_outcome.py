"""The outcome changes the score: a rejected package is no deal, red lines cost points."""

from __future__ import annotations

from pathlib import Path

from debate.engine import GameState, Pass, Propose, Vote, apply, new_game
from debate.motions import load_motion
from debate.scoring.game import role_scores, score_game, score_state
from debate.scoring.red_lines import crossed_red_lines, newly_crossed
from debate.vocabulary.commitments import Demilitarisation, ForeignTroopBan, Funding, Recognition

MOTIONS = Path(__file__).parents[1] / "motions"


def _motion():  # type: ignore[no-untyped-def]
    return load_motion(MOTIONS / "demilitarisation_price.toml")


def _to_vote(state: GameState) -> GameState:
    while not state.in_vote:
        state, _ = apply(state, state.current_role or "", Pass())
    return state


def _vote(state: GameState, accept: dict[str, bool]) -> GameState:
    while not state.finished:
        role = state.current_role or ""
        state, _ = apply(state, role, Vote(accept=accept.get(role, True)))
    return state


def _kyiv_gives_in() -> GameState:
    state = new_game(_motion())
    state, _ = apply(state, "kremlin", Pass())
    state, _ = apply(state, "kyiv", Propose(
        commitment=Demilitarisation(by="kyiv", force_cap=250_000)))
    state, _ = apply(state, "kyiv", Propose(commitment=Recognition(by="kyiv", scope="de_jure")))
    state, _ = apply(state, "brussels", Propose(commitment=Funding(
        by="brussels", usd_bn_per_year=30, years=5, basis="treaty")))
    return state


def test_red_lines_are_crossed_by_the_package_and_cost_points() -> None:
    state = _kyiv_gives_in()
    crossed = [line.text for line in crossed_red_lines(state, "kyiv")]
    assert len(crossed) == 2
    assert any("400,000" in t for t in crossed) and any("de jure" in t for t in crossed)
    kyiv = role_scores(state, score_state(state))["kyiv"]
    assert kyiv.red_lines == tuple(crossed)
    assert any(d.startswith("red line crossed (-25)") for d in kyiv.details)
    # the same package without the red lines scores 50 points more
    clean = state.copy()
    clean.commitments = {k: c for k, c in state.commitments.items()
                         if c.terms.kind not in {"demilitarisation", "recognition"}}
    assert crossed_red_lines(clean, "kyiv") == ()


def test_a_combination_is_crossed_only_when_both_parts_are_on_the_table() -> None:
    state = new_game(_motion())
    state, _ = apply(state, "kremlin", Pass())
    before = state
    state, _ = apply(state, "kyiv", Propose(
        commitment=Demilitarisation(by="kyiv", force_cap=700_000)))
    assert crossed_red_lines(state, "kyiv") == ()
    after, _ = apply(state, "kyiv", Propose(commitment=ForeignTroopBan(by="kyiv")))
    assert [line.text for line in newly_crossed(state, after, "kyiv")] == [
        "No cap combined with a ban on foreign troops."]
    assert newly_crossed(before, before, "kyiv") == ()


def test_a_rejected_package_is_scored_as_no_deal() -> None:
    state = _vote(_to_vote(_kyiv_gives_in()), {"kyiv": False})
    assert state.agreed is False
    scores = score_game(state).roles
    motion = state.motion
    for role, score in scores.items():
        no_deal = motion.role_by_id[role].brief.no_deal
        assert no_deal is not None
        assert score.outcome == "no_deal"
        assert score.objective == no_deal.objective
        assert score.details[0].startswith("No deal: the package was rejected.")
    assert scores["kyiv"].red_lines  # recorded, but without a cost
    assert any("but the package was rejected" in d for d in scores["kyiv"].details)


def test_an_accepted_package_is_scored_as_agreed() -> None:
    state = _vote(_to_vote(_kyiv_gives_in()), {})
    scores = score_game(state).roles
    assert state.agreed is True
    assert {s.outcome for s in scores.values()} == {"agreed"}
    assert scores["kyiv"].objective < 60  # two red lines cost 50


def test_without_a_stated_outcome_no_deal_is_the_empty_table() -> None:
    from debate.engine.testing import tiny_motion

    state = new_game(tiny_motion())
    state = _vote(_to_vote(state), {"kyiv": False})
    for score in role_scores(state, score_state(state)).values():
        assert score.outcome == "no_deal"
        assert "scored as an empty table" in score.details[0]


def test_reasons_name_commitments_by_their_id_not_their_position() -> None:
    from debate.engine import Withdraw
    from debate.engine.testing import tiny_motion
    from debate.vocabulary.commitments import Troops

    state = new_game(tiny_motion())
    for role, action in [
        ("kyiv", Pass()), ("kremlin", Pass()),
        ("washington", Propose(commitment=Troops(by="washington", size=10_000, basis="executive"))),
        ("washington", Propose(commitment=Troops(by="washington", size=60_000, basis="statute"))),
    ]:
        state, _ = apply(state, role, action)
    state, _ = apply(state, "kyiv", Pass())
    state, _ = apply(state, "kremlin", Pass())
    state, _ = apply(state, "washington", Withdraw(commitment_id="c1"))
    text = " ".join(line for c in score_state(state).criteria for line in c.reasons)
    assert "c2 " in text and "#1" not in text
