"""`debate play`: bad input exits 2 with a message; a MOTION starts solo practice at once;
the debrief's export action writes the Markdown debrief."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import OPENING, pass_to_the_end, play, solo_seats, wait_for, wait_for_table
from typer.testing import CliRunner

from debate.cli import app as cli
from debate.motions import Motion
from debate.play import GameController
from debate.tui import DebateApp, create_app
from debate.tui.screens.debrief import DebriefScreen

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["play", "no_such_motion"], "no motion with this id or path"),
        (["play", "guarantees", "--as", "moscow"], "no role 'moscow' in motion 'guarantees'"),
        (["play", "guarantees", "--name", "x" * 41], "limited to 40 characters"),
        (["play", "--as", "kyiv"], "--as and --seed need a MOTION"),
        (["play", "guarantees", "--seed", str(2**64)], "--seed: the seed must be a whole"),
    ],
)
def test_bad_input_exits_2_with_a_message(args: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(cli, [*args, "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_play_motion_starts_solo_practice_as_the_named_role(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def headless_run(self: DebateApp, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=(80, 24)) as pilot:
                table = await wait_for_table(pilot)
                seen["game"] = table.game
                seen["legal"] = table.legal()
                # The table is the app's first screen: no lobby beneath it was ever built.
                seen["stack"] = [type(s).__name__ for s in self.screen_stack]
                seen["session"] = table.game.session_id  # saved behind the painted table
                # Leaving it (and saying yes) puts the lobby in its place.
                await pilot.press("escape")
                await wait_for(pilot, lambda: type(self.screen).__name__ == "ConfirmDialog")
                await pilot.press("y")
                await wait_for(pilot, lambda: type(self.screen).__name__ == "LobbyScreen")
                seen["after"] = [type(s).__name__ for s in self.screen_stack]
                await pilot.press("n")  # the lobby works: New game
                await wait_for(pilot, lambda: type(self.screen).__name__ == "MotionsScreen")

        asyncio.run(drive())

    monkeypatch.setattr(DebateApp, "run", headless_run)
    db = tmp_path / "x.db"
    result = runner.invoke(
        cli, ["play", "guarantees", "--as", "kyiv", "--seed", "7", "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    game = seen["game"]
    assert game.seed == 7 and game.current_role == "kyiv" and "speak" in seen["legal"]
    assert seen["stack"] == ["TableScreen"] and seen["after"] == ["LobbyScreen"]
    from debate.store import open_store

    saved = open_store(str(db)).load(seen["session"])
    assert saved.info.seed == 7 and {s.role for s in saved.seats} == set(game.seats)
    kinds = {s.role: (s.kind, s.difficulty) for s in game.seats.values()}
    assert kinds == {
        "kyiv": ("human", None),
        "kremlin": ("scripted", "normal"),
        "washington": ("scripted", "normal"),
        "brussels": ("scripted", "normal"),
    }


async def test_the_debrief_exports_markdown_with_player_text_literal(
    store, main_motion: Motion, tmp_path: Path
) -> None:
    game = GameController.start(store, main_motion, solo_seats(main_motion, name="[b]Ana[/b]"), 1)
    play(game, OPENING)
    pass_to_the_end(game)
    app = create_app(
        store=store,
        export_dir=tmp_path / "out",
        on_ready=lambda a: a.push_screen(DebriefScreen(game)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await pilot.press("e")
        await wait_for(pilot, lambda: list((tmp_path / "out").glob("*.md")))
    text = next((tmp_path / "out").glob("*.md")).read_text()
    assert r"\[b\]Ana\[/b\]" in text  # escaped for Markdown, shown as typed
    assert "Our own army is the first guarantee." in text


def test_a_database_that_cannot_be_opened_ends_play_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The table is drawn before the database is opened (start-up time): a file that is not
    # a debate database still ends the program with the store's reason and status 1.
    def headless_run(self: DebateApp, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=(80, 24)) as pilot:
                await wait_for(pilot, lambda: self.failure is not None or not self.is_running)

        asyncio.run(drive())

    monkeypatch.setattr(DebateApp, "run", headless_run)
    db = tmp_path / "notes.db"
    db.write_bytes(b"these are my notes, not a database" * 100)
    result = runner.invoke(cli, ["play", "guarantees", "--as", "kyiv", "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "error:" in result.output and "Traceback" not in result.output
    assert db.read_bytes().startswith(b"these are my notes")  # left untouched
