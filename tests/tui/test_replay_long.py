"""The replay on a long session: jumps draw one page, quitting never waits (issue 15)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from debate.engine import Event, Pass, Speak, apply, new_game
from debate.engine.testing import tiny_motion_data
from debate.motions import Motion
from debate.report.saved import load_record
from debate.scoring.game import score_game
from debate.store import Seat, Store, open_store
from debate.tui import create_app
from debate.tui.screens.replay import ReplayScreen, open_replay_screen
from debate.tui.widgets import replay_transcript
from debate.tui.widgets.replay_transcript import ReplayTranscript

EVENTS = 1500
SIZE = (120, 40)


def long_motion() -> Motion:
    data = tiny_motion_data(actions_per_turn=3)
    negotiation = data["phases"][0]
    data["phases"] = [
        *({**negotiation, "id": f"n{i}", "rounds": 20} for i in range(1, 16)),
        data["phases"][-1],
    ]
    return Motion.model_validate(data)


def long_events(motion: Motion, count: int) -> list[Event]:
    state, events = new_game(motion), []
    while len(events) < count:
        action = Speak(text=f"Point {len(events)}") if len(events) % 3 else Pass()
        state, event = apply(state, state.current_role or "", action)
        events.append(event)
    return events


@pytest.fixture(scope="module")
def long_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    url = str(tmp_path_factory.mktemp("long") / "long.db")
    store = open_store(url)
    motion = long_motion()
    seats = [Seat(r, f"{r} bot", "scripted", "normal") for r in new_game(motion).roles]
    info = store.create_session(motion, seats, seed=1, title="long", events=long_events(
        motion, EVENTS))
    store.close()
    yield url, info.id


@pytest.fixture
def store(long_db: tuple[str, str]) -> Iterator[Store]:
    s = open_store(long_db[0])
    yield s
    s.close()


def _transcript(screen: ReplayScreen) -> str:
    return screen.query_one(ReplayTranscript).text()


async def test_far_jumps_show_the_right_page_and_render_one_page_only(
    store: Store, long_db: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = long_db[1]
    app = create_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        assert open_replay_screen(app, sid, confirmed=True)  # the instructor
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        at_end = _transcript(screen)
        assert f"Point {EVENTS - 1}" in at_end or "passes" in at_end.splitlines()[-1]

        rendered: list[int] = []
        real = replay_transcript.render_entry

        def counting(motion, entry):  # type: ignore[no-untyped-def]
            rendered.append(1)
            return real(motion, entry)

        monkeypatch.setattr(replay_transcript, "render_entry", counting)
        await pilot.press("home")
        await pilot.pause()
        rendered.clear()
        await pilot.press("end")  # from the start to the end of the session
        await pilot.pause()
        assert screen.point == EVENTS
        assert _transcript(screen) == at_end
        assert len(rendered) <= 2 * SIZE[1]  # a page's worth, not the events between

        rendered.clear()
        screen.move_to(EVENTS // 2)  # what `g` and a timeline click do
        await pilot.pause()
        middle = _transcript(screen)
        assert f"#{EVENTS // 2}" in middle and f"#{EVENTS // 2 + 1} " not in middle
        assert len(rendered) <= 2 * SIZE[1]

        await pilot.press("t")  # the next turning point, or the news that there is none
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert _transcript(screen) == at_end


async def test_quitting_while_the_charts_compute_cancels_them(
    long_db: tuple[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "copy.db"  # a note is written: the module's database stays as it is
    shutil.copy(long_db[0], db)
    store = open_store(str(db))
    record = load_record(store, long_db[1])
    calls: list[int] = []
    started = threading.Event()

    def slow_scorer(state):  # type: ignore[no-untyped-def]
        calls.append(state.seq)
        started.set()
        # Idle, not busy: the pilot waits for the app to go idle (a minute for them all).
        threading.Event().wait(0.04)
        return score_game(state)

    app = create_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReplayScreen(record, scorer=slow_scorer, store=store))
        await pilot.pause()
        assert started.wait(10)
        screen = app.screen
        assert isinstance(screen, ReplayScreen) and not screen.trace_ready
        (worker,) = [w for w in app.workers if w.group == "replay-trace"]
        await pilot.press("t")  # refused while computing: never scores on the UI thread
        await pilot.press("n")  # a note, written while the charts compute
        await pilot.pause()
        await pilot.press(*"kept", "ctrl+s")
        await pilot.pause()
        assert not screen.trace_ready and worker.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0 and worker.is_cancelled
    # The worker gave up at once: it asks at every point, so at most the point it was
    # scoring is finished after the app has quit.
    done = len(calls)
    assert done < EVENTS
    threading.Event().wait(0.2)
    assert len(calls) <= done + 1
    # Nothing lost: the note and the events are saved.
    assert [a.text for a in store.annotations(record.id)] == ["kept"]
    assert len(store.load(record.id).events) == EVENTS
    store.close()


def _rounds_reference(replay) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    """event_rounds as it was first written (phase by phase for every event)."""
    phases = replay.record.motion.phases
    seated = len(replay.cache.roles)
    out, turn = [], -1
    for i, event in enumerate(replay.events):
        if i == 0 or event.actor != replay.events[i - 1].actor:
            turn += 1
        t = turn
        for phase in phases:
            if t < phase.rounds * seated or phase is phases[-1]:
                out.append((phase.id, t // seated + 1))
                break
            t -= phase.rounds * seated
    return out


def test_timeline_rows_made_on_demand_read_as_before(store: Store, long_db: tuple[str, str]
                                                       ) -> None:
    from debate.history.transcript import entry_for
    from debate.report.replay import ReplaySession
    from debate.report.saved import load_replay
    from debate.tui.screens.replay_panels import timeline_rows

    record, end = load_replay(store, long_db[1])
    replay = ReplaySession(record, end=end)
    assert replay.cache.state_at(replay.length) is end  # not folded again
    assert replay.event_rounds() == _rounds_reference(replay)
    rows = timeline_rows(replay)
    assert len(rows) == EVENTS + 1 and rows[0].point == 0
    for k in (1, 2, 700, EVENTS):
        event = record.events[k - 1]
        assert rows[k].point == k and rows[k].role == event.actor
        assert rows[k].summary == entry_for(event, end).summary
        assert rows[k].round == f"R{_rounds_reference(replay)[k - 1][1]}"
    assert rows[-1] == rows[EVENTS] and rows[1:3] == [rows[1], rows[2]]
