"""The replay model: cursor moves, turns, rounds, whole-session figures, notes."""

from __future__ import annotations

from collections.abc import Callable

from debate.engine import GameState, replay
from debate.report.debrief import Note, Seat, SessionRecord
from debate.report.replay import ReplaySession, Stopped
from debate.report.sample import sample_events, sample_motion
from debate.scoring.game import GameScores
from debate.scoring.results import CriterionScore, Scorecard

MOTION = sample_motion()
EVENTS = sample_events(MOTION)
STATES = replay(MOTION, EVENTS)
SEATS = (Seat("kyiv", "A"), Seat("kremlin", "B", True, "hard"), Seat("washington", "C"))


def fake(state: GameState) -> GameScores:
    n = len(state.active_commitments())
    hybrid = CriterionScore("hybrid", "Hybrid", 5.0 * n, ())
    return GameScores(Scorecard("", 10.0 * n, (hybrid,)), {})


def record(events: int | None = None, **kw: object) -> SessionRecord:
    return SessionRecord(  # type: ignore[arg-type]
        id=str(kw.pop("id", "s")),
        title="t",
        motion=MOTION,
        seats=SEATS,
        events=tuple(EVENTS[:events]),
        **kw,
    )


def test_moves_are_clamped_and_states_match_the_fold() -> None:
    r = ReplaySession(record(), scorer=fake)
    assert r.point == 20 and r.state == STATES[20]
    assert r.step(5) == 20 and r.home() == 0 and r.step(-1) == 0 and r.event is None
    for k in (3, 17, 9, 0, 20):
        assert r.jump(k) == k and r.state == STATES[k]
        assert r.score.deterrence_index == fake(STATES[k]).deterrence_index


def test_turns_are_runs_of_one_actor() -> None:
    r = ReplaySession(record(), scorer=fake)
    # Turns: kyiv 1-2, kremlin 3-4, washington 5-6, kyiv 7-8, kremlin 9-10, washington 11-12
    assert [r.turn_start(k) for k in (1, 2, 3, 4, 12)] == [0, 0, 2, 2, 10]
    assert [r.next_turn(k) for k in (0, 1, 2, 10, 20)] == [2, 2, 4, 12, 20]
    assert r.turn_delta(6) == fake(STATES[6]).deterrence_index - fake(STATES[4]).deterrence_index


def test_event_rounds_agree_with_the_engine() -> None:
    rounds = ReplaySession(record(), scorer=fake).event_rounds()
    assert rounds == [(s.phase.id, s.round) for s in STATES[:-1]]


def test_whole_session_and_the_parent_trace_of_a_branch() -> None:
    parent = record(id="p")
    branch = ReplaySession(
        record(9, id="b", parent_id="p", fork_point=9), scorer=fake, parent=parent
    )
    points, parent_trace = branch.whole_session()
    assert [p.deterrence_index for p in points] == [fake(s).deterrence_index for s in STATES[:10]]
    assert parent_trace == [fake(s).deterrence_index for s in STATES]
    branch.adopt(points, parent_trace)
    assert branch.trace() == [p.deterrence_index for p in points]
    assert branch.parent_trace() == parent_trace
    assert branch.criteria_traces() == {"hybrid": [p.card.criteria[0].score for p in points]}


def test_figures_hold_what_the_charts_show_and_stop_at_any_stage() -> None:
    figures = ReplaySession(record(), scorer=fake).figures()
    alone = ReplaySession(record(), scorer=fake)  # each part asked for on its own
    assert figures.points == [alone.score_at(k) for k in range(21)]
    assert figures.criteria == alone.criteria_traces()
    assert figures.turning == alone.turning_points() and figures.turning
    assert figures.reasons == {tp.seq: alone.why(tp) for tp in alone.turning_points()}
    taken = ReplaySession(record(), scorer=fake)
    taken.adopt_figures(figures)
    assert taken.turning_points() == figures.turning and taken.trace() == alone.trace()
    # Stopped in the scores, in the criteria, in the states read for the turning points,
    # between the explanations: a stop request is asked throughout, never only at the start.
    def stop_after(n: int) -> Callable[[], bool]:
        """A stop request that says no ``n`` times, then yes."""
        asked = iter(range(n + 1))
        return lambda: next(asked, None) is None

    stages: set[object] = set()
    for n in range(40):
        try:
            ReplaySession(record(), scorer=fake).figures(stop=stop_after(n))
        except Stopped as e:
            stages.add(e.args[0] if n < 21 else "later")
        else:
            stages.add("done")
    assert set(range(21)) <= stages and "later" in stages and "done" in stages


def test_notes_are_kept_in_order_and_edited_by_id() -> None:
    r = ReplaySession(record(notes=(Note(5, "b", id=2), Note(3, "a", id=1))), scorer=fake)
    assert [n.id for n in r.notes] == [1, 2] and r.note_points() == {3, 5}
    r.put_note(Note(5, "c", id=3))
    r.edit_note(2, "b2")
    assert [n.text for n in r.notes_at(5)] == ["b2", "c"]
    r.drop_note(1)
    assert r.note_points() == {5}
