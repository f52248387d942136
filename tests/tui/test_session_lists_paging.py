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


async def _open_replay_list(pilot: Any) -> ReplaySessionsScreen:
    """The lobby's r: the Replay list, its first page read."""
    await pilot.press("r")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReplaySessionsScreen)
    return screen


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
        screen = await _open_replay_list(pilot)
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


def _tree(screen: ReplaySessionsScreen) -> list[tuple[int, str]]:
    """(depth, session id) of every row, depth first."""
    rows: list[tuple[int, str]] = []

    def walk(node: Any, depth: int) -> None:
        for child in node.children:
            rows.append((depth, child.data))
            walk(child, depth + 1)

    walk(screen.query_one(Tree).root, 0)
    return rows


async def _search(pilot: Any, screen: ReplaySessionsScreen, text: str) -> None:
    screen.query_one("#replay-search", Input).value = text
    await pilot.pause(replay_sessions.DEBOUNCE + 0.2)


async def test_replay_search_finds_in_the_database_and_pages_what_it_found(
    store: Store,
) -> None:
    seminars = store.create_sessions(
        tiny_motion(), SEATS, [(i, f"Seminar {i}", (), "active") for i in range(5)]
    )
    store.set_title(seminars[0], "Łucja's seminar")  # a needle SQL cannot fold: in Python
    counting = Counting(store)
    app = create_app(store=counting)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_replay_list(pilot)
        await _search(pilot, screen, "GAME")
        assert len(screen.shown) == 4 and screen.more
        rebuilds, calls = screen.rebuilds, counting.calls
        screen.query_one(Tree).focus()
        for listed in (8, 10):
            await pilot.press("ctrl+n")  # the next page, added below: the tree is kept
            await pilot.pause()
            assert len(screen.shown) == listed
        assert not screen.more and screen.rebuilds == rebuilds
        assert counting.calls == calls + 2  # one query per page
        titles = [store.get(sid).title for sid in screen.shown]
        assert sorted(titles) == sorted(f"Game {i}" for i in range(10))
        await _search(pilot, screen, "ŁUCJA")
        assert screen.shown == [seminars[0]] and not screen.more
        await _search(pilot, screen, "no such session")
        assert screen.shown == []
        assert "No session matches" in str(screen.query_one("#replay-sessions-note").render())


async def test_replay_search_coalesces_keys_and_keeps_an_unchanged_list(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(replay_sessions, "DEBOUNCE", 1.0)  # longer than typing takes here
    counting = Counting(store)
    app = create_app(store=counting)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_replay_list(pilot)
        first = screen.shown
        calls, rebuilds = counting.calls, screen.rebuilds
        screen.query_one("#replay-search", Input).focus()
        await pilot.press(*"game 1", "backspace", "backspace")  # back to "game"
        await pilot.pause()
        assert counting.calls == calls  # typing has not paused yet
        await pilot.pause(1.3)
        assert counting.calls == calls + 1  # eight keys, one query
        # Every session is a game: the first page is the one shown, left as it is.
        assert screen.shown == first and screen.rebuilds == rebuilds
        await pilot.press(*" 7")
        await pilot.pause(1.3)
        assert counting.calls == calls + 2 and screen.rebuilds == rebuilds + 1
        assert [store.get(sid).title for sid in screen.shown] == ["Game 7"]


async def test_a_branch_on_a_later_page_goes_under_its_listed_parent(store: Store) -> None:
    older = [i.id for i in store.list_sessions()]
    parent = older[-1]
    branch = store.fork(parent, 0, title="What if").id
    for sid in (parent, *older[:3]):  # newer than the branch: the first page
        store.set_title(sid, store.get(sid).title + " (seen)")
    app = create_app(store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open_replay_list(pilot)
        assert branch not in screen.shown and (0, parent) in _tree(screen)
        await pilot.press("ctrl+n")
        await pilot.pause()
        rows = _tree(screen)
        assert rows[rows.index((0, parent)) + 1] == (1, branch)
        assert len(rows) == 8 and len(set(rows)) == 8
