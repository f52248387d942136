"""The Continue and Replay lists read pages from the database; the search waits for typing
to pause and runs in SQL (issue 15)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, OptionList, Tree

from debate.engine.testing import tiny_motion
from debate.store import Seat, Store, open_store
from debate.tui import create_app
from debate.tui.screens import replay_sessions, sessions
from debate.tui.screens.replay_sessions import ReplaySessionsScreen
from debate.tui.screens.sessions import SessionsScreen

SEATS = [Seat("kyiv", "Ola"), Seat("kremlin", "Bot", "scripted", "easy"), Seat("washington", "Sam")]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(sessions, "PAGE", 4)
    monkeypatch.setattr(replay_sessions, "PAGE", 4)
    s = open_store(str(tmp_path / "many.db"))
    motion = tiny_motion()
    s.create_sessions(motion, SEATS, [(i, f"Game {i}", (), "active") for i in range(10)])
    yield s
    s.close()


class Counting:
    """The app's store, counting the session-list reads (list_sessions or scan_sessions)."""

    def __init__(self, store: Store) -> None:
        self.store, self.calls = store, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def list_sessions(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.store.list_sessions(*args, **kwargs)

    def scan_sessions(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return self.store.scan_sessions(*args, **kwargs)


async def test_continue_lists_a_page_and_reads_the_next_on_demand(store: Store) -> None:
    app = create_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionsScreen)
        listing = screen.query_one(OptionList)
        assert len(screen.ids) == 4 and listing.option_count == 5  # 4 and "more"
        listing.highlighted = 4
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.ids) == 8 and listing.option_count == 9
        listing.highlighted = 8
        await pilot.press("enter")
        await pilot.pause()
        assert len(screen.ids) == 10 and listing.option_count == 10  # no "more" at the end
        assert len(set(screen.ids)) == 10


async def test_replay_list_pages_and_searches_once_typing_pauses(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay_sessions, "DEBOUNCE", 1.0)  # longer than typing takes here
    counting = Counting(store)
    app = create_app(store=counting)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplaySessionsScreen)
        assert counting.calls == 1  # one page read on mount
        assert len(screen.shown) == 4 and screen.more
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(screen.shown) == 8
        calls = counting.calls
        screen.query_one("#replay-search", Input).focus()
        await pilot.press(*"game 7")
        await pilot.pause()
        assert counting.calls == calls  # not yet: typing has not paused
        await pilot.pause(1.3)
        assert counting.calls == calls + 1
        rows = [n.data for n in screen.query_one(Tree).root.children]
        assert len(rows) == 1 and store.get(rows[0]).title == "Game 7"


async def test_damaged_sessions_are_counted_in_their_page_and_said(
    store: Store, tmp_path: Path
) -> None:
    import sqlite3

    damaged = store.list_sessions()[1].id  # the second newest: inside the first page
    conn = sqlite3.connect(tmp_path / "many.db")
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE seats SET kind = 'robot' WHERE session_id = ?", (damaged,))
    conn.commit()
    conn.close()
    app = create_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionsScreen)
        listing = screen.query_one(OptionList)
        while screen.ids[-1:] and listing.get_option_at_index(listing.option_count - 1).id:
            more = listing.option_count - 1
            if listing.get_option_at_index(more).id != sessions.MORE:
                break
            listing.highlighted = more
            await pilot.press("enter")
            await pilot.pause()
        # Every good session is reachable exactly once; the damaged one is said, not shown.
        assert len(screen.ids) == 9 and len(set(screen.ids)) == 9 and damaged not in screen.ids
        note = str(screen.query_one("#session-note").render())
        assert "1 damaged session" in note
