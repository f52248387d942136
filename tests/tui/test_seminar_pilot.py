"""Pilot tests of a hosted game on screen: the joined table of one seat, the facilitator's
console, Host and Join in the lobby. Real store, real follow thread, no mocks."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import TabbedContent
from tui_helpers import plain, strip_text, wait_for, wait_for_table

from debate.engine import Pass, Speak
from debate.engine.testing import tiny_motion
from debate.seminar import SeatClient, SeatSpec, host_game
from debate.store import open_store
from debate.tui import create_app
from debate.tui.screens.facilitate import FacilitatorScreen
from debate.tui.screens.joined import JoinedTableScreen, SeminarBanner
from debate.tui.widgets import ActionBar, BriefPanel, Transcript

MARKUP = "[bold red]loud[/] words"


def banner_of(screen: object) -> str:
    return str(screen.query_one(SeminarBanner).render())  # type: ignore[attr-defined]


def shown_actions(screen: object) -> list[str]:
    bar = screen.query_one(ActionBar)  # type: ignore[attr-defined]
    return [b.id.removeprefix("act-") for b in bar.children if b.display]


async def test_joined_table_live_updates_and_off_turn_actions(store) -> None:  # type: ignore[no-untyped-def]
    codes = host_game(store, tiny_motion(), [], seed=3)
    kremlin = SeatClient.open(store, codes.seats["kremlin"])
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    app = create_app(store=store, on_ready=lambda a: a.join(kremlin))
    async with app.run_test(size=(100, 30)) as pilot:
        table = await wait_for_table(pilot)
        assert isinstance(table, JoinedTableScreen)
        assert table.legal() == () and shown_actions(table) == []  # kyiv is to play
        assert table.query_one(BriefPanel).role == "kremlin"  # its own brief only
        await pilot.press("x")  # pass: refused off-turn, nothing saved
        assert store.get(codes.session).events == 0
        kyiv.act(Speak(text=MARKUP))  # another screen's move arrives live
        await wait_for(pilot, lambda: table.shown_seq == 1)
        assert MARKUP in strip_text(table.query_one(Transcript))  # data, never markup
        kyiv.act(Pass())
        await wait_for(pilot, lambda: "speak" in shown_actions(table))
        await pilot.press("x")  # now its turn: the pass, once confirmed, is saved
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmDialog")
        await pilot.press("y")
        await wait_for(pilot, lambda: store.get(codes.session).events == 3)


async def test_joined_table_that_loses_a_race_shows_the_fresh_state(store) -> None:  # type: ignore[no-untyped-def]
    codes = host_game(store, tiny_motion(), [], seed=3)
    screen_client = SeatClient.open(store, codes.seats["kyiv"])
    other = SeatClient.open(store, codes.seats["kyiv"])  # the same seat on another terminal
    app = create_app(store=store, on_ready=lambda a: a.join(screen_client))
    async with app.run_test(size=(100, 30)) as pilot:
        table = await wait_for_table(pilot)
        table._stop.set()  # hold live updates back, so this screen is stale when it acts
        await pilot.pause(0.3)
        other.act(Speak(text="first"))
        assert not table.submit(Speak(text="second"))
        assert table.note is not None and "moved on" in table.note.plain
        assert table.game.state.seq == 1
        assert table.submit(Pass())  # not stuck
        assert [e.seq for e in store.load(codes.session).events] == [0, 1]


async def test_facilitator_console_paces_the_game(store) -> None:  # type: ignore[no-untyped-def]
    codes = host_game(store, tiny_motion(), [SeatSpec("washington", "scripted", "easy")], 3)
    facilitator = SeatClient.open(store, codes.facilitator)
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    app = create_app(store=store, on_ready=lambda a: a.join(facilitator))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorScreen))
        console = app.screen
        assert isinstance(console, FacilitatorScreen)
        briefs = plain(console.briefs, width=200)
        for role in tiny_motion().roles:
            assert role.brief.summary[:30] in " ".join(briefs.split())
        line = console.query_one("#facilitate-command")
        for command in ("pause", f"say {MARKUP}"):
            line.focus()
            line.value = command  # type: ignore[attr-defined]
            await pilot.press("enter")
        await wait_for(pilot, lambda: "paused" in banner_of(console))
        assert MARKUP in banner_of(console)
        kyiv.refresh()
        assert kyiv.paused and kyiv.hosted.banner == MARKUP
        console.run_command("resume")
        console.run_command("bot kyiv easy")  # the absent student's seat: scripted
        await wait_for(pilot, lambda: console.shown_seq >= 1, timeout=30)  # the referee played
        first = store.load(codes.session).events[0]
        assert first.actor == "kyiv" and first.rationale  # played by the scripted role
        said = console.run_command("human kyiv")
        assert said is not None and "New code" in said
        console.run_command("end")
        console.client.refresh()
        assert console.client.game.state.in_vote or console.client.finished


async def test_facilitator_console_scores_only_while_its_scores_tab_is_open(store) -> None:  # type: ignore[no-untyped-def]
    # The scorer loads when the Scores tab opens, not before the console's first frame.
    codes = host_game(store, tiny_motion(), [SeatSpec("washington", "scripted", "easy")], 3)
    facilitator = SeatClient.open(store, codes.facilitator)
    app = create_app(store=store, on_ready=lambda a: a.join(facilitator))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, FacilitatorScreen))
        console = app.screen
        await pilot.pause()
        index = console.query_one("#score-index")
        assert plain(index.render()).strip() == "Scoring…"
        console.query_one("#side", TabbedContent).active = "tab-scores"
        await wait_for(pilot, lambda: plain(index.render()).startswith("Deterrence Index"))


async def test_lobby_join_by_code(store) -> None:  # type: ignore[no-untyped-def]
    codes = host_game(store, tiny_motion(), [], seed=3)
    app = create_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "JoinScreen")
        for ch in "WRNG":
            await pilot.press(ch)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: "does not open" in str(app.screen.query_one("#join-error").render())
        )
        app.screen.query_one("#join-code").value = codes.seats["washington"]
        await pilot.press("enter")
        table = await wait_for_table(pilot)
        assert isinstance(table, JoinedTableScreen) and table.client.role == "washington"


async def test_lobby_host_shows_codes(store) -> None:  # type: ignore[no-untyped-def]
    from debate.tui.screens.hosted import HostedScreen

    app = create_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MotionsScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SeatsScreen")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HostedScreen))
        codes = app.screen.codes
        assert SeatClient.open(store, codes.facilitator).facilitator
        assert codes.seats


@pytest.mark.postgres
async def test_lost_connection_banner_then_catch_up() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    import psycopg
    from store_pg import PG_SERVER, pg_database

    with pg_database("debate_pilot") as url:
        store = open_store(url)
        name = url.rsplit("/", 1)[1]
        codes = host_game(store, tiny_motion(), [], seed=3)
        kremlin = SeatClient.open(store, codes.seats["kremlin"])
        app = create_app(store=store, on_ready=lambda a: a.join(kremlin))
        admin = psycopg.connect(f"{PG_SERVER} dbname=test", autocommit=True)
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                table = await wait_for_table(pilot)
                await pilot.pause(0.5)
                admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                )
                await wait_for(pilot, lambda: "connection lost" in banner_of(table))
                admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
                writer = open_store(url)
                SeatClient.open(writer, codes.seats["kyiv"]).act(Speak(text="while you were away"))
                await wait_for(pilot, lambda: table.shown_seq == 1, timeout=60)
                await wait_for(pilot, lambda: "connection lost" not in banner_of(table))
        finally:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
            admin.close()


async def test_restricted_mode_opens_no_other_game(store) -> None:  # type: ignore[no-untyped-def]
    from debate.tui.screens.lobby import LobbyScreen

    host_game(store, tiny_motion(), [], seed=3)
    app = create_app(store=store, restricted=True)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("c", "r", "h"):  # Continue, Replay, Host: not from a browser
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, LobbyScreen)
        shown = plain(app.screen.query_one("#lobby-menu").render(), width=100)
        assert "Join a game" in shown and "Continue" not in shown and "Replay" not in shown
        await pilot.press("j")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "JoinScreen")
        assert store.where not in app.redact(f"cannot use {store.where}: gone")


async def test_hot_seat_table_on_a_second_terminal_is_never_stuck(store) -> None:  # type: ignore[no-untyped-def]
    from debate.play import GameController
    from debate.store import Seat

    seats = [Seat(r.id, r.name, "human") for r in tiny_motion().roles]
    game = GameController.start(store, tiny_motion(), seats, seed=1)
    other_terminal = GameController.resume(store, game.session_id)
    app = create_app(store=store, on_ready=lambda a: a.begin(game))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        other_terminal.submit(Speak(text="from the other terminal"))
        table = app.screen_stack[1]
        assert not table.submit(Pass())
        assert "moved on" in table.note.plain and game.state.seq == 1
        assert table.submit(Pass())
        assert [e.seq for e in store.load(game.session_id).events] == [0, 1]


async def test_a_hosted_seat_is_never_coached(store) -> None:  # type: ignore[no-untyped-def]
    """Coaching is for solo practice: a hosted game with one person seated is still a
    seminar, so its table neither offers nor turns on the coach."""
    scripted = [SeatSpec("kremlin", "scripted", "easy"), SeatSpec("washington", "scripted", "easy")]
    codes = host_game(store, tiny_motion(), scripted, 3)
    kyiv = SeatClient.open(store, codes.seats["kyiv"])
    assert kyiv.game.can_coach  # one human seat: the controller alone would allow it
    app = create_app(store=store, on_ready=lambda a: a.join(kyiv))
    async with app.run_test(size=(100, 30)) as pilot:
        table = await wait_for_table(pilot)
        assert isinstance(table, JoinedTableScreen)
        table.action_coach()
        assert kyiv.game.coaching is False


@pytest.mark.parametrize("who", ["kyiv", "facilitator"])
def test_join_and_facilitate_open_their_screen_first_and_leave_for_the_lobby(
    who: str, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `debate join CODE` and `debate facilitate CODE`: the seat's table (or the console) is
    # the app's first screen, drawn whole in its first frame; leaving it opens the lobby.
    import asyncio
    from typing import Any

    from typer.testing import CliRunner

    from debate.cli import app as cli
    from debate.tui import DebateApp

    store = open_store(str(db_path))
    codes = host_game(store, tiny_motion(), [SeatSpec("washington", "scripted", "easy")], 3)
    store.close()
    code = codes.facilitator if who == "facilitator" else codes.seats[who]
    seen: dict[str, Any] = {}

    def headless_run(self: DebateApp, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await wait_for(pilot, lambda: self.screen.is_mounted)
                seen["first"] = [type(s).__name__ for s in self.screen_stack]
                self.action_lobby()  # what Escape (or leaving) does
                await wait_for(pilot, lambda: type(self.screen).__name__ == "LobbyScreen")
                seen["after"] = [type(s).__name__ for s in self.screen_stack]

        asyncio.run(drive())

    monkeypatch.setattr(DebateApp, "run", headless_run)
    command = "facilitate" if who == "facilitator" else "join"
    result = CliRunner().invoke(cli, [command, code, "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    expected = "FacilitatorScreen" if who == "facilitator" else "JoinedTableScreen"
    assert seen == {"first": [expected], "after": ["LobbyScreen"]}
