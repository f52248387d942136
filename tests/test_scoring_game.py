"""The scorer seen from the game (debate.scoring.game): the package on the table, discounts,
motion weights and cards, role scores."""

from __future__ import annotations

from typing import Any

import pytest

from debate.engine import Challenge, Concede, GameState, Pass, Propose, apply, new_game
from debate.engine.testing import tiny_motion, tiny_motion_data
from debate.motions import Motion
from debate.scoring import default_cards, score
from debate.scoring.game import package_from_state, role_scores, score_state, stress_state
from debate.vocabulary.commitments import DefencePact, OwnForces, Troops


def play(state: GameState, *moves: tuple[str, Any]) -> GameState:
    for role, action in moves:
        state, _ = apply(state, role, action)
    return state


def negotiated(motion: Motion | None = None) -> GameState:
    """Kyiv's army, the Kremlin's force, US troops and a pact; the pact loses a challenge."""
    state = new_game(motion or tiny_motion())
    return play(
        state,
        ("kyiv", Propose(commitment=OwnForces(by="kyiv", size=300_000, readiness="medium",
                                              equipment="adequate"))),
        ("kyiv", Pass()),
        ("kremlin", Propose(commitment=OwnForces(by="kremlin", size=500_000, readiness="high",
                                                 equipment="adequate"))),
        ("kremlin", Pass()),
        ("washington", Propose(commitment=Troops(by="washington", size=40_000,
                                                 basis="statute"))),
        ("washington", Propose(commitment=DefencePact(by="washington", obligation="assist",
                                                      basis="treaty"))),
        ("kyiv", Pass()),
        ("kremlin", Challenge(commitment_id="c4", criterion="obligation")),
        ("kremlin", Pass()),
        ("washington", Concede(challenge_id="x1")),
    )


def test_the_package_is_the_seated_roles_and_their_active_commitments() -> None:
    state = negotiated()
    package, factors = package_from_state(state)
    assert [(p.id, p.tier, p.nuclear) for p in package.parties] == [
        ("kyiv", "protected_party", False), ("kremlin", "aggressor", True),
        ("washington", "superpower", True)]
    assert (package.protected, package.aggressor) == ("kyiv", "kremlin")
    assert [c.kind for c in package.commitments] == ["own_forces", "own_forces", "troops",
                                                     "defence_pact"]
    assert factors == [1.0, 1.0, 1.0, 0.5]  # the conceded pact is discounted
    assert package.title == state.motion.title


def test_the_scorecard_counts_the_discounted_pact_at_half() -> None:
    state = negotiated()
    card = score_state(state)
    package, _ = package_from_state(state)
    assert card == score(package, weights=state.motion.criterion_weights,
                         factors=[1.0, 1.0, 1.0, 0.5])
    assert card != score(package)
    pact = [r for r in card.criterion("obligation").reasons if "defence pact" in r]
    assert pact[0].endswith(
        "(counted at 50%); the same party's stronger commitment counts [leeds2003]"
    )


def test_the_motions_weights_are_used() -> None:
    heavy = tiny_motion(criteria=[{"id": "hybrid", "weight": 0.0},
                                  {"id": "separation", "weight": 0.0}])
    assert score_state(negotiated(heavy)).deterrence_index > score_state(
        negotiated()).deterrence_index


def test_an_aggressor_who_is_not_seated_is_still_a_party() -> None:
    state = new_game(tiny_motion(), roles=["kyiv", "washington"])
    package, _ = package_from_state(state)
    assert package.aggressor == "kremlin"
    assert [p.id for p in package.parties] == ["kyiv", "washington", "kremlin"]


def test_a_motion_without_an_aggressor_gets_a_stand_in() -> None:
    data = tiny_motion_data()
    for role in data["roles"]:
        if role["id"] == "kremlin":
            role["guarantor"] = {"tier": "great_power", "nuclear": True}
    state = new_game(Motion.model_validate(data))
    package, _ = package_from_state(state)
    assert package.aggressor == "aggressor"
    assert package.party("aggressor").tier == "aggressor"
    assert score_state(state).deterrence_index >= 0


def test_stress_uses_the_motions_cards_or_else_the_default_set() -> None:
    state = negotiated()
    assert [r.card for r in stress_state(state)] == [c.id for c in default_cards()]
    card = default_cards()[1].model_dump()  # new administration
    with_cards = negotiated(tiny_motion(cards=[card]))
    (result,) = stress_state(with_cards)
    assert result.card == "new_administration"
    assert result.defeated[0].startswith("c4 Washington: defence pact to assist, treaty")
    assert result.name == "New administration in Washington"  # one capital at a time
    assert result.deterrence_index <= score_state(with_cards).deterrence_index


def test_the_article_motion_scores_and_stress_tests_with_its_own_cards(
    article_motion: Motion,
) -> None:
    state = new_game(article_motion)
    assert 0 <= score_state(state).deterrence_index <= 100
    assert [r.card for r in stress_state(state)] == [c.id for c in article_motion.cards]


def objective_motion(**objective: Any) -> Motion:
    data = tiny_motion_data()
    data["roles"][0]["brief"]["objectives"] = [
        {"id": "one", "text": "One.", **objective},
        {"id": "two", "text": "Two.", "weight": 3.0, "wants_kind": "troops"},
    ]
    return Motion.model_validate(data)


@pytest.mark.parametrize(
    ("objective", "credit"),
    [
        ({"criterion": "pre_positioning", "at_least": 100}, None),  # partial: score / 100
        ({"criterion": "deterrence_index", "at_most": 100}, 1.0),
        ({"avoids_kind": "troops"}, 0.0),
        ({"avoids_kind": "recognition"}, 1.0),
        ({"wants_kind": "defence_pact"}, 0.5),  # on the table but discounted
    ],
)
def test_role_objectives_give_weighted_and_partial_credit(
    objective: dict[str, Any], credit: float | None
) -> None:
    state = negotiated(objective_motion(**objective))
    card = score_state(state)
    if credit is None:
        credit = card.criterion("pre_positioning").score / 100
    kyiv = role_scores(state, card)["kyiv"]
    # "two" (weight 3) is met: troops are on the table.
    assert kyiv.objective == pytest.approx(100 * (credit + 3.0) / 4.0)
    assert kyiv.details[1] == "met: Two. (troops is on the table)"
    assert kyiv.role == "kyiv"


def test_role_scores_carry_the_debate_points() -> None:
    state = negotiated()
    scores = role_scores(state, score_state(state))
    assert set(scores) == {"kyiv", "kremlin", "washington"}
    assert scores["kremlin"].debate == state.points["kremlin"].total == 3  # a challenge won
    assert scores["washington"].debate == -1
    index = score_state(state).deterrence_index
    assert 40 < index < 60  # the Kremlin wants at most 40, Kyiv at least 60: both partly met
    assert scores["kremlin"].objective == pytest.approx((100 - index) / 60 * 100)
    assert scores["kyiv"].objective == pytest.approx(index / 60 * 100)
    assert scores["kremlin"].details == (
        f"partly met ({(100 - index) / 60:.0%}): Move the index. "
        f"(Deterrence Index {index:.0f}, wanted at most 40)",
    )
