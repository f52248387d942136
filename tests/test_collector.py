"""The collector is held through start-up and released once, when the first screen is drawn
or a command that opens none starts (issue 15: two collection passes of ~9 ms each came
before `debate play MOTION` drew its table)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from debate import cli, collector


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Calls to gc.freeze (1) and gc.unfreeze (-1), never really made: they would freeze
    the test process."""
    calls: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append(1))
    monkeypatch.setattr(gc, "unfreeze", lambda: calls.append(-1))
    was = gc.isenabled()
    yield calls
    collector.release()
    collector.thaw()
    if was:
        gc.enable()


def test_release_ends_a_hold_once_and_does_nothing_without_one(freezes: list[int]) -> None:
    collector.release()
    assert gc.isenabled() and freezes == []  # not held: nothing frozen
    collector.hold()
    assert not gc.isenabled() and collector.is_held()
    collector.release()
    assert gc.isenabled() and freezes == [1] and not collector.is_held()
    collector.release()
    assert freezes == [1]


def test_what_start_up_froze_is_thawed_once_back_in_the_lobby(freezes: list[int]) -> None:
    collector.thaw()
    assert freezes == []  # nothing frozen: nothing to thaw
    collector.hold()
    collector.release()
    collector.thaw()
    collector.thaw()
    assert freezes == [1, -1]


async def test_the_lobby_thaws_what_the_first_screen_froze(freezes: list[int]) -> None:
    from debate.tui import create_app

    collector.hold()
    app = create_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_lobby()
        await pilot.pause()
    assert freezes == [1, -1]


@pytest.mark.parametrize(
    ("args", "held"),
    [
        (["play", "guarantees"], True),
        (["--db", "x.db", "replay", "abc"], True),
        (["join", "CODE"], True),
        (["facilitate", "CODE"], True),
        (["sessions"], False),
        (["export", "abc"], False),
        (["simulate", "guarantees"], False),
    ],
)
def test_a_command_that_opens_no_screen_releases_the_collector_as_it_starts(
    args: list[str], held: bool, freezes: list[int]
) -> None:
    import typer

    group = typer.main.get_command(cli.build_app())
    ctx = group.make_context("debate", list(args), resilient_parsing=True)
    command = next(a for a in args if a in cli.COMMANDS)
    collector.hold()
    name, _, _ = group.resolve_command(ctx, args[args.index(command):])
    assert name == command
    assert collector.is_held() is held and gc.isenabled() is not held


async def test_the_app_releases_the_collector_once_its_first_screen_is_drawn(
    freezes: list[int],
) -> None:
    from debate.tui import create_app

    collector.hold()
    app = create_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause()
            if not collector.is_held():
                break
        assert app.screen.is_mounted
    assert not collector.is_held() and gc.isenabled() and freezes == [1]
