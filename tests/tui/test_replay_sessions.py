"""The lobby's Replay entry: the sessions list (filters, branch tree) and opening a replay."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, Tree

from debate.engine.testing import tiny_motion
from debate.report.sample import save_sample
from debate.store import Seat, Store, open_store
from debate.tui import create_app
from debate.tui.screens.replay import ReplayScreen
from debate.tui.screens.replay_sessions import DEBOUNCE, ReplaySessionsScreen


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(str(tmp_path / "sessions.db"))
    yield s
    s.close()


def tree_rows(screen: ReplaySessionsScreen) -> list[tuple[int, str]]:
    """(depth, session id) of every node, depth first."""
    rows: list[tuple[int, str]] = []

    def walk(node, depth: int) -> None:  # type: ignore[no-untyped-def]
        for child in node.children:
            rows.append((depth, child.data))
            walk(child, depth + 1)

    walk(screen.query_one(Tree).root, 0)
    return rows


async def test_lobby_replay_lists_branches_under_parents_and_filters(store: Store) -> None:
    parent = save_sample(store, title="Seminar A")
    branch = store.fork(parent, 9, title="Seminar A, what if")
    twig = store.fork(branch.id, 4, title="Seminar A, what if again")
    other = store.create_session(
        tiny_motion(),
        [
            Seat("kyiv", "Zofia [b]Z[/b]"),
            Seat("kremlin", "Bot", "scripted", "easy"),
            Seat("washington", "Sam"),
        ],
        seed=3,
        title="Other motion",
    ).id
    app = create_app(store=store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")  # the lobby's Replay entry
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplaySessionsScreen)
        rows = tree_rows(screen)
        assert (0, parent) in rows and (1, branch.id) in rows and (2, twig.id) in rows
        assert (0, other) in rows
        # Text filter: player names count (typed literally, markup included).
        screen.query_one("#replay-search", Input).value = "zofia [b]"
        await pilot.pause(DEBOUNCE + 0.1)  # the search waits for typing to pause
        assert tree_rows(screen) == [(0, other)]
        # A branch whose parent is filtered out is listed at the top level.
        screen.query_one("#replay-search", Input).value = "again"
        await pilot.pause(DEBOUNCE + 0.1)  # the search waits for typing to pause
        assert tree_rows(screen) == [(0, twig.id)]
        # Motion filter.
        screen.query_one("#replay-search", Input).value = ""
        screen.query_one("#replay-motion", Select).value = "tiny"
        await pilot.pause()
        assert {sid for _, sid in tree_rows(screen)} == {parent, branch.id, twig.id, other}
        # Enter on a session opens its replay.
        tree = screen.query_one(Tree)
        tree.focus()
        tree.select_node(next(n for n in tree.root.children if n.data == parent))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        # Its events end the game, so it is over: the replay opens without asking (a game
        # still being played asks first: tests/tui/test_learning_loop.py).
        assert isinstance(app.screen, ReplayScreen)
        assert app.screen.record.id == parent and app.screen.point == 20


async def test_an_empty_database_says_so(store: Store) -> None:
    app = create_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReplaySessionsScreen)
        assert tree_rows(app.screen) == []
        note = app.screen.query_one("#replay-sessions-note", Static).content
        assert "No saved session yet" in str(note)


async def test_enter_opens_the_first_session_and_rows_tell_sessions_apart(store: Store) -> None:
    first = save_sample(store, title="A title long enough to fill a whole row at eighty columns")
    second = save_sample(store, title="A title long enough to fill a whole row at eighty columns")
    branch = store.fork(first, 9).id
    app = create_app(store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplaySessionsScreen)
        shown = app.export_screenshot()
        # Each row starts with its id (a branch also with its fork point), so identical
        # titles cut at 80 columns can still be told apart.
        for sid in (first, second, branch):
            assert sid in shown
        assert "↳9" in shown
        await pilot.press("enter")  # no need to move the cursor first
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("y")  # the instructor confirms: the game is still being played
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert app.screen.record.id == screen.shown[0]
