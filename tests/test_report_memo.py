"""The memoised scorer gives exactly what score_game gives, at every point (issue 15)."""

from __future__ import annotations

import pytest

from debate.history.timeline import FoldCache
from debate.motions import resolve_motion
from debate.report.memo import PackageMemo, memoised
from debate.report.sample import sample_events, sample_motion
from debate.scoring.game import score_game
from debate.scripted.runner import default_seats, play_game


def _assert_same_everywhere(motion, events, roles=None) -> PackageMemo:  # type: ignore[no-untyped-def]
    memo = PackageMemo()
    states = FoldCache(motion, events, roles).states()
    for state in states:
        assert memo(state) == score_game(state), f"point {state.seq}"
        assert memo.card(state) == score_game(state).card, f"card at point {state.seq}"
    # Asked again, out of order: the same answers.
    for state in reversed(states[:: max(1, len(states) // 25)]):
        assert memo(state) == score_game(state), f"point {state.seq} again"
    return memo


@pytest.mark.parametrize("seed", [1, 7, 23])
def test_equal_to_the_scorer_over_scripted_games(seed: int) -> None:
    motion = resolve_motion("guarantees")
    seats = default_seats(motion, {"kyiv": "hard", "kremlin": "easy"} if seed == 7 else {})
    game = play_game(motion, seats, seed)
    memo = _assert_same_everywhere(motion, list(game.events), tuple(seats))
    assert memo.computed < len(game.events) / 2  # most events leave the package alone


def test_equal_to_the_scorer_over_the_sample_session() -> None:
    # The sample has amendments, withdrawals, accepted demands and lost challenges.
    _assert_same_everywhere(sample_motion(), list(sample_events()))


def test_only_the_real_scorer_is_memoised() -> None:
    def stand_in(state):  # type: ignore[no-untyped-def]
        return score_game(state)

    assert memoised(stand_in) is stand_in
    assert isinstance(memoised(score_game), PackageMemo)


def test_the_debrief_streams_states_and_scores_the_same() -> None:
    # The debrief folds and scores one state at a time: its traces equal the scorer's own.
    from debate.report.debrief import Seat, SessionRecord, build_debrief

    motion = resolve_motion("guarantees")
    seats = default_seats(motion)
    game = play_game(motion, seats, 3)
    record = SessionRecord(id="s", title="t", motion=motion, events=tuple(game.events),
                           seats=tuple(Seat(r, r, True) for r in seats))
    debrief = build_debrief(record)
    states = FoldCache(motion, list(game.events), tuple(seats)).states()
    expected = [score_game(s) for s in states]
    assert debrief.trace == tuple(p.deterrence_index for p in expected)
    assert debrief.final == expected[-1]
    for cid, values in debrief.criteria_traces.items():
        assert values == tuple(p.card.scores().get(cid, 0.0) for p in expected)


def test_a_retabled_commitment_is_scored_under_its_new_id() -> None:
    """Reasons name commitments by game id: the memo must not reuse a scorecard whose
    reasons name the line that was withdrawn."""
    from debate.engine import Pass, Propose, Withdraw, apply, new_game
    from debate.engine.testing import tiny_motion
    from debate.report.memo import PackageMemo
    from debate.scoring.game import score_game
    from debate.vocabulary.commitments import OwnForces

    army = OwnForces(by="kyiv", size=800_000, readiness="high", equipment="modern")
    state, _ = apply(new_game(tiny_motion()), "kyiv", Propose(commitment=army))
    memo = PackageMemo()
    first = memo(state)
    state, _ = apply(state, "kyiv", Withdraw(commitment_id="c1"))
    while state.current_role != "kyiv":
        state, _ = apply(state, state.current_role, Pass())
    state, _ = apply(state, "kyiv", Propose(commitment=army))  # the same line, as c2
    assert memo(state) == score_game(state)
    assert any("c2 " in r for c in memo(state).card.criteria for r in c.reasons)
    assert first.card.criteria != memo(state).card.criteria


def test_the_next_state_with_the_same_package_reuses_its_scores() -> None:
    """One event on, a state nearly always holds the same records: the memo answers from
    the previous state without a lookup, and only while the package is the same."""
    from itertools import pairwise

    class Lookups(dict):  # type: ignore[type-arg]
        asked = 0

        def get(self, key, default=None):  # type: ignore[no-untyped-def]
            Lookups.asked += 1
            return super().get(key, default)

    states = FoldCache(sample_motion(), sample_events()).states()
    memo = PackageMemo()
    memo._by_identity = Lookups()
    shortcuts = 0
    for before, after in pairwise(states):
        card = memo.card(before)
        same = tuple(before.commitments.values()) == tuple(after.commitments.values())
        asked = Lookups.asked
        if same and before.agreed == after.agreed:
            assert memo.card(after) is card
            assert Lookups.asked == asked  # answered from the previous state alone
            shortcuts += 1
        assert memo.card(after) == score_game(after).card
    assert shortcuts > len(states) // 2
