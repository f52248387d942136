"""FoldCache gives the fold of the first k events, whatever order points are visited in."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from debate.engine import fold, replay
from debate.history.timeline import FoldCache, turning_points
from debate.report.sample import sample_events, sample_motion

MOTION = sample_motion()
EVENTS = sample_events(MOTION)
TRUTH = replay(MOTION, EVENTS)


@settings(max_examples=60, deadline=None)
@given(
    every=st.integers(min_value=1, max_value=8),
    visits=st.lists(st.integers(min_value=0, max_value=len(EVENTS)), min_size=1, max_size=30),
)
def test_state_at_equals_the_fold(every: int, visits: list[int]) -> None:
    cache = FoldCache(MOTION, EVENTS, every=every)
    for k in visits:
        assert cache.state_at(k) == TRUTH[k]


def test_states_lists_every_point() -> None:
    assert FoldCache(MOTION, EVENTS).states() == TRUTH


def test_cached_states_are_not_changed_by_later_folds() -> None:
    cache = FoldCache(MOTION, EVENTS, every=4)
    early = cache.state_at(4)
    snapshot = (dict(early.commitments), early.seq)
    cache.state_at(20)
    cache.state_at(3)
    assert (dict(early.commitments), early.seq) == snapshot == (TRUTH[4].commitments, 4)


def test_a_far_jump_folds_at_most_every_events(monkeypatch: pytest.MonkeyPatch) -> None:
    import debate.history.timeline as timeline

    cache = FoldCache(MOTION, EVENTS, every=4)
    cache.state_at(len(EVENTS))  # leaves snapshots at 4, 8, 12, 16, 20
    cache.state_at(0)
    folded: list[int] = []
    real_fold = timeline.fold

    def counting_fold(motion, events, roles=None, start=None):  # type: ignore[no-untyped-def]
        events = list(events)
        folded.append(len(events))
        return real_fold(motion, events, roles, start)

    monkeypatch.setattr(timeline, "fold", counting_fold)
    assert cache.state_at(15) == TRUTH[15]
    assert sum(folded) == 3  # from the snapshot at 12, not from 0
    assert cache.state_at(13) == TRUTH[13]
    assert sum(folded) == 4  # back: from the snapshot at 12 again
    assert cache.state_at(14) == TRUTH[14]
    assert sum(folded) == 5  # one step forward folds one event


def test_append_extends_the_session() -> None:
    cache = FoldCache(MOTION, EVENTS[:5])
    assert cache.state_at(5) == TRUTH[5]
    for e in EVENTS[5:]:
        cache.append(e)
    assert cache.state_at(len(EVENTS)) == fold(MOTION, EVENTS)
    with pytest.raises(ValueError):
        cache.append(EVENTS[3])


def test_points_outside_the_session_are_refused() -> None:
    cache = FoldCache(MOTION, EVENTS)
    with pytest.raises(IndexError):
        cache.state_at(len(EVENTS) + 1)
    with pytest.raises(IndexError):
        cache.state_at(-1)


def test_turning_points_are_the_biggest_moves_in_order() -> None:
    trace = [0.0, 0.0, 30.0, 25.0, 25.0, 60.0, 59.9]
    got = [(t.seq, t.before, t.after) for t in turning_points(trace, top=2)]
    assert got == [(1, 0.0, 30.0), (4, 25.0, 60.0)]
    assert turning_points([50.0, 50.2, 50.0]) == []  # below min_move


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from([0.0, 0.2, 0.5, 1.0, 30.0, -12.5]), min_size=1, max_size=40),
    st.data(),
)
def test_turning_points_keep_the_rule_of_building_every_move(
    steps: list[float], data: st.DataObject
) -> None:
    """Only big moves become TurningPoints now: the same answer as building all of them."""
    from itertools import accumulate, pairwise

    from debate.history.timeline import TurningPoint

    trace = list(accumulate(steps))
    starts = sorted(data.draw(st.sets(st.integers(0, len(trace) - 1))))
    for marks in (None, starts):
        every = list(range(len(trace))) if marks is None else marks
        moves = [TurningPoint(a, trace[a], trace[b], b) for a, b in pairwise(every) if b > a]
        big = [m for m in moves if abs(m.delta) >= 0.5]
        big.sort(key=lambda m: (-abs(m.delta), m.seq))
        expected = sorted(big[:5], key=lambda m: m.seq)
        assert turning_points(trace, starts=marks) == expected
