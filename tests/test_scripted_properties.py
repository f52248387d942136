"""Property test: scripted policies never offer an illegal action, on every shipped motion
(and on a motion whose role ids no policy is written for), at every difficulty."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debate.engine import IllegalAction, apply, new_game
from debate.engine.testing import tiny_motion, tiny_motion_data
from debate.motions import Motion
from debate.scripted import DIFFICULTIES, decide, decision_rng, policy_for
from debate.scripted.context import Ctx


def renamed_tiny() -> Motion:
    data = tiny_motion_data()
    rename = {"kyiv": "taiwan", "kremlin": "prc", "washington": "usa"}
    for role in data["roles"]:
        role["id"] = rename[role["id"]]
    data["turn_order"] = [rename[r] for r in data["turn_order"]]
    return Motion.model_validate(data)


def check_game(motion: Motion, seats: dict[str, str], seed: int) -> None:
    """Play a game; at every decision every candidate the policy offers must be legal,
    and the action chosen must come from a rule, never from the last-resort fallbacks."""
    state = new_game(motion, seats)
    steps = 0
    while not state.finished:
        role = state.current_role
        assert role is not None
        policy = policy_for(motion, role)
        ctx = Ctx(state, role, random.Random(f"probe:{seed}:{state.seq}"), seats[role])
        offered = [policy.vote(ctx)] if state.in_vote else policy.candidates(ctx)
        assert offered, f"{role} offered nothing at event {state.seq}"
        for c in offered:
            try:
                apply(state, role, c.action, c.rationale)
            except IllegalAction as e:
                raise AssertionError(
                    f"{c.rule} offered an illegal {c.action.type}: {e.reason}"
                ) from e
        decision, state, event = decide(
            motion, state, role, seats[role], decision_rng(seed, state.seq, role)
        )
        assert ".fallback" not in decision.rationale, decision
        assert event.actor == role and event.rationale == decision.rationale
        steps += 1
        assert steps < 10_000
    assert state.agreed in (True, False)


MOTIONS: list[Motion] = []


def motions(all_motions: list[Motion]) -> list[Motion]:
    if not MOTIONS:
        MOTIONS.extend([*all_motions, tiny_motion(), renamed_tiny()])
    return MOTIONS


difficulty = st.sampled_from(DIFFICULTIES)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.integers(min_value=0, max_value=50),
    seed=st.integers(min_value=0, max_value=2**32),
    levels=st.lists(difficulty, min_size=5, max_size=5),
    with_optional=st.booleans(),
)
def test_policies_only_offer_legal_actions(
    all_motions: list[Motion], which: int, seed: int, levels: list[str], with_optional: bool
) -> None:
    pool = motions(all_motions)
    motion = pool[which % len(pool)]
    roles = [r.id for r in motion.roles if with_optional or not r.optional]
    seats = {r: levels[i % len(levels)] for i, r in enumerate(roles)}
    check_game(motion, seats, seed)


def test_every_shipped_motion_and_difficulty_is_covered(all_motions: list[Motion]) -> None:
    # The random test above samples; this walks every motion at every difficulty once.
    assert len(all_motions) >= 3
    for motion in motions(all_motions):
        roles = [r.id for r in motion.roles]
        for level in DIFFICULTIES:
            check_game(motion, dict.fromkeys(roles, level), seed=17)
