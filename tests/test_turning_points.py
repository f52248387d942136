"""One rule for turning points (the turns that moved the index most) on every screen and in
every export, each saying why the index moved."""

from __future__ import annotations

from pathlib import Path

from debate.play import GameController
from debate.report.debrief import build_debrief
from debate.report.markdown import render_markdown
from debate.report.replay import ReplaySession
from debate.report.sample import save_sample
from debate.report.saved import load_record
from debate.store import open_store


def test_the_live_game_the_replay_and_the_export_agree(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "t.db"))
    sid = save_sample(store)
    record = load_record(store, sid)
    debrief = build_debrief(record)
    replay = ReplaySession(record)
    live = GameController.resume(store, sid)
    spans = [(t.seq, t.end) for t in debrief.turning]
    assert spans == [(t.seq, t.end) for t in replay.turning_points()]
    assert spans == [(t.seq, t.end) for t in live.scores.turning_points(count=5)]
    assert any(end - seq > 1 for seq, end in spans)  # turns, not single events
    for tp in debrief.turning:
        assert debrief.turning_why[tp.seq] == tuple(replay.why(tp))
    text = render_markdown(debrief)
    assert "Turning points (the turns that moved the index most, and why)" in text
    store.close()


def test_a_lapsed_challenge_is_named_as_the_reason() -> None:
    from debate.engine import Challenge, Pass, Propose, apply, new_game
    from debate.engine.testing import tiny_motion
    from debate.history.effects import consequences
    from debate.vocabulary.commitments import Troops

    state = new_game(tiny_motion())
    for role, action in [
        ("kyiv", Pass()), ("kremlin", Pass()),
        ("washington", Propose(commitment=Troops(by="washington", size=9, basis="executive"))),
        ("washington", Pass()),
        ("kyiv", Challenge(commitment_id="c1", criterion="legal_durability")),
        ("kyiv", Pass()), ("kremlin", Pass()),
    ]:
        state, _ = apply(state, role, action)
    after, _ = apply(state, "washington", Pass())
    said = " ".join(consequences(state, after))
    assert "went unanswered and lapsed" in said and "c1 is discounted" in said
