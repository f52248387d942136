"""Pilot tests of the replay screen: scrub, notes, branch, export, charts.

Each test opens the real app on a temporary database holding the sample session (every
action kind; a speech and player names with Rich markup and HTML in them).
"""

from __future__ import annotations

import html
import io
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from debate.engine import fold
from debate.report.sample import MARKUP_SPEECH, sample_events, sample_motion, save_sample
from debate.scoring.game import score_game
from debate.store import Store, open_store
from debate.tui import create_app
from debate.tui.screens.replay import ReplayScreen, open_replay_screen
from debate.tui.widgets.index_chart import CriteriaChart, TraceChart
from debate.tui.widgets.replay_transcript import ReplayTranscript
from debate.tui.widgets.strip_view import StripView
from debate.tui.widgets.timeline import Timeline

SIZE = (120, 40)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(str(tmp_path / "replay.db"))
    yield s
    s.close()


def plain(renderable: Any, width: int = 110) -> str:
    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def transcript_text(screen: ReplayScreen) -> str:
    return screen.query_one(ReplayTranscript).text()


def status_text(screen: ReplayScreen) -> str:
    return plain(screen.query_one("#replay-status", Static).content)


@asynccontextmanager
async def replaying(
    store: Store, session_id: str, start: int | None = None, size: tuple[int, int] = SIZE
) -> AsyncIterator[tuple[Any, Pilot[None], ReplayScreen]]:
    app = create_app(store=store, scripted_delay=0)
    async with app.run_test(size=size) as pilot:
        assert open_replay_screen(app, session_id, start=start, confirmed=True)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        yield app, pilot, screen


async def test_scrubbing_shows_the_state_at_each_point(store: Store) -> None:
    sid = save_sample(store)
    events = sample_events()
    async with replaying(store, sid) as (_app, pilot, screen):
        assert screen.point == 20 and "Event 20/20" in status_text(screen)
        await pilot.press("home")
        assert screen.point == 0 and "Event 0/20" in status_text(screen)
        assert "No one has spoken yet" in transcript_text(screen)
        await pilot.press("right", "right", "right", "right", "right")
        await pilot.pause()
        assert screen.point == 5
        assert screen.query_one(Timeline).cursor_row == 5
        text = transcript_text(screen)
        assert "#5" in text and "#6" not in text
        assert MARKUP_SPEECH.split(" <")[0] in text  # the markup speech, literally
        # The package panel shows what was on the table after event 5: c1 and c2, no c3.
        await pilot.press("2")
        await pilot.pause()
        package = screen.query_one("#replay-package", StripView).text()
        assert "c1" in package and "c2" in package and "c3" not in package
        # The scoreboard shows the index of the state after five events.
        await pilot.press("3")
        await pilot.pause()
        expected = score_game(fold(sample_motion(), events[:5])).deterrence_index
        scores = screen.query_one("#replay-scores", StripView).text()
        assert f"Deterrence Index {expected:.1f}" in scores
        assert "Forces in place before aggression" in scores and "Roles" in scores
        assert f"index {expected:.1f}" in status_text(screen)
        # Back one step, and the package loses c2.
        await pilot.press("left", "2")
        await pilot.pause()
        package = screen.query_one("#replay-package", StripView).text()
        assert screen.point == 4 and "c2" not in package
        await pilot.press("end")
        assert screen.point == 20 and "the game is over" in status_text(screen)


async def test_jump_turns_and_turning_points(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid, start=0) as (_app, pilot, screen):
        assert screen.point == 0
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"12", "enter")
        await pilot.pause()
        assert screen.point == 12
        await pilot.press("pageup")
        assert screen.point == 10  # Washington's turn (events 11-12) began at point 10
        await pilot.press("pagedown")
        assert screen.point == 12
        await pilot.press("pagedown")
        assert screen.point == 14  # Kyiv's next turn: events 13-14
        turning = [tp.seq + 1 for tp in screen.replay.turning_points()]
        assert turning
        await pilot.press("home", "t")
        assert screen.point == turning[0]


async def test_every_brief_and_both_charts_are_shown(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid, start=6) as (_app, pilot, screen):
        briefs = plain(screen.query_one("#replay-briefs", Static).content)
        for role in sample_motion().roles:
            assert f"Private brief of [{role.symbol}] {role.name}" in briefs
        chart = screen.query_one(TraceChart)
        assert chart.point == 6 and len(chart.lines) == 1
        assert len(chart.lines[0].values) == 21
        await pilot.press("6")
        await pilot.pause()
        criteria = screen.query_one(CriteriaChart)
        assert criteria.point == 6
        assert set(criteria.traces) == {c.id for c in screen.replay.score.card.criteria}
        text = plain(criteria.render(), width=100)
        assert "event 6" in text


async def test_a_note_is_saved_at_once_and_found_after_reopening(store: Store) -> None:
    sid = save_sample(store)
    note = "Ask: [bold red]why[/] <script>x</script> here?"
    async with replaying(store, sid, start=7) as (app, pilot, screen):
        await pilot.press("n")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#note-author", Input).value = "Dr [i]K[/i]"
        dialog.query_one("#note-text", TextArea).text = note
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        saved = store.annotations(sid)
        assert [(a.seq, a.author, a.text) for a in saved] == [(6, "Dr [i]K[/i]", note)]
        assert "✎" in screen.query_one(Timeline).line_text(7)
        assert "1 note here" in status_text(screen)
    async with replaying(store, sid, start=7) as (app, pilot, screen):
        await pilot.press("5")
        await pilot.pause()
        here = plain(screen.query_one("#replay-notes-here", Static).content)
        assert note in here and "Dr [i]K[/i]" in here
        listing = screen.query_one("#replay-notes-all", OptionList)
        assert listing.option_count == 1
        # Edit it, then delete it: each change is in the store at once.
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#note-text", TextArea).text = "Revised <b>note</b>"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.text for a in store.annotations(sid)] == ["Revised <b>note</b>"]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.annotations(sid) == []
        assert "✎" not in screen.query_one(Timeline).line_text(7)


async def test_no_note_before_the_first_event(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid, start=0) as (app, pilot, screen):
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and store.annotations(sid) == []


async def test_play_from_here_branches_and_opens_the_table(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid, start=9) as (app, pilot, _screen):
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("ctrl+s")  # keep every seat as it is (the dialog's default)
        await pilot.pause()
        branches = [i for i in store.list_sessions() if i.parent_id == sid]
        assert len(branches) == 1
        branch = store.load(branches[0].id)
        assert branch.info.fork_seq == 9
        assert list(branch.events[:9]) == sample_events()[:9]
        # Scripted seats stay scripted: from point 9 the Kremlin and Washington play on
        # their own (with rationales) until the human Kyiv is to play.
        assert all(e.actor in {"kremlin", "washington"} and e.rationale for e in branch.events[9:])
        parent = store.load(sid)
        assert [(s.role, s.player, s.kind, s.difficulty) for s in branch.seats] == [
            (s.role, s.player, s.kind, s.difficulty) for s in parent.seats
        ]
        from debate.tui.screens.table import TableScreen

        assert isinstance(app.screen, TableScreen)
        assert app.screen.game.session_id == branch.info.id


async def test_play_from_here_lets_a_person_take_over_a_scripted_seat(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid, start=9) as (app, pilot, _screen):
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#branch-seat").value = "washington"
        dialog.query_one("#branch-player").value = "Prof. [b]Lee[/b]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (branch,) = [i for i in store.list_sessions() if i.parent_id == sid]
        seats = {s.role: s for s in store.load(branch.id).seats}
        assert (seats["washington"].player, seats["washington"].kind) == ("Prof. [b]Lee[/b]",
                                                                          "human")
        assert seats["kremlin"].kind == "scripted"
        from debate.tui.screens.handover import HandOverScreen

        # Two people now share the game: the hand-over screen comes before the table.
        assert isinstance(app.screen, HandOverScreen)


async def test_branch_replay_draws_the_parent_trace_beside_it(store: Store) -> None:
    sid = save_sample(store)
    branch = store.fork(sid, 9)
    async with replaying(store, branch.id) as (_app, _pilot, screen):
        chart = screen.query_one(TraceChart)
        assert [line.label for line in chart.lines] == ["Index", "Parent"]
        assert len(chart.lines[0].values) == 10 and len(chart.lines[1].values) == 21
        assert list(chart.lines[0].values) == list(chart.lines[1].values[:10])
        assert chart.fork_point == 9
        assert f"Branch of {sid} at event 9" in status_text(screen)


async def test_branching_at_the_end_of_the_game_is_refused(store: Store) -> None:
    sid = save_sample(store)
    async with replaying(store, sid) as (app, pilot, screen):
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen
        assert [i.id for i in store.list_sessions()] == [sid]


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
async def test_export_from_the_replay(store: Store, tmp_path: Path, fmt: str) -> None:
    sid = save_sample(store)
    store.annotate(sid, 2, "T", "note <script>alert(2)</script> [b]x[/b]")
    target = tmp_path / "out" / f"debrief.{fmt}"
    async with replaying(store, sid) as (app, pilot, _screen):
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        if fmt != "md":
            await pilot.click(f"#export-{fmt}")
            await pilot.pause()
        dialog.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await pilot.pause()
    text = target.read_text(encoding="utf-8")
    if fmt == "json":
        import json

        doc = json.loads(text)
        assert doc["format"] == "debate-session" and len(doc["events"]) == 20
        assert doc["events"][0]["action"]["text"] == MARKUP_SPEECH
    elif fmt == "md":
        assert text.startswith("# Debrief: Sample seminar")
        assert r"\[bold red\]x\[/\]" in text and r"\<script\>" in text
        assert "<script>" not in text
    else:
        assert "<script" not in text.lower().replace("&lt;script", "")
        assert html.escape(MARKUP_SPEECH) in text and "<svg" in text


async def test_a_branch_is_shown_beside_its_parent(store: Store) -> None:
    sid = save_sample(store)
    branch = store.fork(sid, 9)
    async with replaying(store, branch.id) as (_app, pilot, screen):
        await pilot.press("7")
        await pilot.pause()
        text = plain(screen.query_one("#replay-compare", Static).content)
        assert f"beside its parent {sid}" in text
        assert "Package differences:" in text and "Criteria (parent → branch):" in text
