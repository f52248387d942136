"""Session lists a page at a time, searched in SQL (issue 15)."""

from __future__ import annotations

import json

from store_games import SEATS, motion
from typer.testing import CliRunner

from debate.cli import app
from debate.store import Store


def _many(store: Store, n: int) -> list[str]:
    ids = [store.create_session(motion(), SEATS, seed=i, title=f"Game {i}").id for i in range(n)]
    return ids[::-1]  # newest first


def test_pages_follow_the_full_order(store: Store) -> None:
    newest_first = _many(store, 7)
    assert [i.id for i in store.list_sessions()] == newest_first
    assert [i.id for i in store.list_sessions(limit=3)] == newest_first[:3]
    assert [i.id for i in store.list_sessions(limit=3, offset=3)] == newest_first[3:6]
    assert [i.id for i in store.list_sessions(limit=3, offset=6)] == newest_first[6:]
    assert store.count_sessions() == 7
    assert all(len(i.seats) == len(SEATS) for i in store.list_sessions(limit=2))


def test_search_in_sql_matches_the_python_search(store: Store) -> None:
    ids = _many(store, 12)
    store.set_title(ids[0], "Łucja's 100% seminar_1")
    for needle in ("game 1", "GAME", "o'neil", "100%", "_1", "łucja", "ŁUCJA", ids[4][:8], "zzz"):
        full = [i for i in store.list_sessions() if _haystack_has(i, needle)]
        assert [i.id for i in store.list_sessions(text=needle)] == [i.id for i in full], needle
        assert store.count_sessions(text=needle) == len(full), needle
        assert [i.id for i in store.list_sessions(text=needle, limit=2, offset=1)] == [
            i.id for i in full[1:3]
        ], needle


def _haystack_has(info: object, needle: str) -> bool:
    from debate.store.repository.search import text_matches

    return text_matches(needle, info)  # type: ignore[arg-type]


def test_debate_sessions_lists_the_newest_page(db_url: str, store: Store) -> None:
    ids = _many(store, 6)
    runner = CliRunner()
    env = {"COLUMNS": "250"}
    page = runner.invoke(app, ["sessions", "--db", db_url, "--limit", "4", "--json"], env=env)
    assert [s["id"] for s in json.loads(page.stdout)] == ids[:4]
    table = runner.invoke(app, ["sessions", "--db", db_url, "--limit", "4"], env=env)
    assert table.exit_code == 0
    assert all(i in table.stdout for i in ids[:4]) and ids[5] not in table.stdout
    assert "showing the newest 4 of 6 sessions" in table.stderr
    every = runner.invoke(app, ["sessions", "--db", db_url, "--all", "--json"], env=env)
    assert [s["id"] for s in json.loads(every.stdout)] == ids


def test_whole_games_saved_in_one_go_read_like_appended_ones(store: Store) -> None:
    from store_games import full_game

    events = full_game()
    appended = store.create_session(motion(), SEATS, seed=5, title="appended").id
    for seq, event in enumerate(events):
        store.append(appended, event, seq)
    store.set_status(appended, "finished")
    ids = store.create_sessions(
        motion(), SEATS, [(5, "batch a", events, "finished"), (6, "batch b", events[:4], "active")]
    )
    assert len(ids) == 2 and len(set(ids)) == 2
    a, b, ref = store.get(ids[0]), store.get(ids[1]), store.get(appended)
    assert (a.events, a.turns, a.status, a.title) == (ref.events, ref.turns, "finished", "batch a")
    assert (b.events, b.status, b.seed) == (4, "active", 6)
    assert store.load(ids[0]).events == store.load(appended).events
    assert store.load(ids[0]).state == store.load(appended).state
    # The next append continues where the saved events stop.
    store.append(ids[1], events[4], 4)
    assert store.get(ids[1]).events == 5
