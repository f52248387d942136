"""Whole games saved in batches (`debate simulate --save`), on SQLite and PostgreSQL: they
reopen, replay and export exactly like the same game saved one append at a time, and a
batch that fails part-way leaves nothing of itself behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from store_games import SEATS, full_game, motion
from typer.testing import CliRunner

from debate.cli import app
from debate.engine import Event, Speak, fold
from debate.motions import Motion
from debate.scripted import default_seats, play_game
from debate.store import InvalidRequest, Store, StoreError, open_store
from debate.store.repository import whole_games as whole_games_module
from debate.store.tables import EVENTS, SESSIONS
from debate.store.tables import SEATS as SEAT_TABLE
from debate.store.whole_games import WholeGame, whole_game

runner = CliRunner()


def appended(store: Store, events: list[Event], seed: int, title: str) -> str:
    """The game saved the way a live table saves it: one append per action."""
    sid = store.create_session(motion(), SEATS, seed=seed, title=title).id
    for seq, event in enumerate(events):
        store.append(sid, event, seq, finish=seq == len(events) - 1)
    return sid


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """A session document without what differs between two saves of one game: the id and
    the times."""
    session = {k: v for k, v in document["session"].items() if k not in ("id", "created",
                                                                       "updated")}
    events = [{k: v for k, v in e.items() if k != "at"} for e in document["events"]]
    return {**document, "session": session, "events": events}


def row_counts(store: Store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (SESSIONS, SEAT_TABLE, EVENTS)
        )


def test_a_batch_reopens_replays_and_exports_like_appended_games(store: Store) -> None:
    events = full_game()
    reference = appended(store, events, seed=3, title="Monday seminar")
    ids = store.save_whole_games(
        motion(), SEATS, [whole_game(3, "Monday seminar", events), whole_game(4, None, events)]
    )
    assert len(ids) == 2 and reference not in ids

    want = store.load(reference)
    for sid, seed in zip(ids, (3, 4), strict=True):
        got = store.load(sid)
        assert got.events == want.events == tuple(events)
        assert got.seats == want.seats == SEATS
        assert got.state == want.state and got.state.finished
        info = store.get(sid)
        assert (info.status, info.seed, info.events, info.turns) == (
            "finished", seed, want.info.events, want.info.turns
        )
        assert info.motion_sha256 == want.info.motion_sha256
        assert store.load_events(sid) == list(events)
    assert comparable(store.export_json(ids[0])) == comparable(store.export_json(reference))
    assert store.get(ids[1]).title == motion().title  # no title: the motion's
    # every event of a batch is stamped with the moment the batch was saved
    assert {e["at"] for e in store.export_json(ids[1])["events"]} == {
        store.export_json(ids[1])["session"]["created"]
    }


def test_sqlite_times_are_stored_in_the_form_single_inserts_use(tmp_path: Path) -> None:
    """SQLite keeps times as text: a bulk insert writes the very text Core would (PostgreSQL
    keeps timestamptz values, read back by the tests above)."""
    store = open_store(str(tmp_path / "times.db"))
    events = full_game()[:3]
    reference = appended(store, events, seed=1, title="one by one")
    (bulk,) = store.save_whole_games(motion(), SEATS, [whole_game(1, "in bulk", events)])
    with store.engine.connect() as conn:
        shapes = {
            sid: conn.execute(
                text(
                    "SELECT typeof(s.created), length(s.created), typeof(e.at), length(e.at) "
                    "FROM sessions s JOIN events e ON e.session_id = s.id WHERE s.id = :sid"
                ),
                {"sid": sid},
            ).all()
            for sid in (reference, bulk)
        }
    store.close()
    assert set(shapes[bulk]) == set(shapes[reference]) and len(set(shapes[bulk])) == 1


def test_a_batch_failing_part_way_leaves_nothing_of_itself(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = full_game()
    store.save_whole_games(motion(), SEATS, [whole_game(1, None, events)])
    before = row_counts(store)
    real = whole_games_module._EVENT_ROWS

    class HalfThenFail:
        def run(self, conn: Any, rows: Any) -> None:
            real.run(conn, rows[: len(rows) // 2])  # sessions, seats and half the events in
            raise OperationalError("INSERT INTO events", None, Exception("disk I/O error"))

    monkeypatch.setattr(whole_games_module, "_EVENT_ROWS", HalfThenFail())
    batch = [whole_game(seed, None, events) for seed in range(2, 6)]
    with pytest.raises(StoreError, match="disk I/O error"):
        store.save_whole_games(motion(), SEATS, batch)
    assert row_counts(store) == before
    monkeypatch.setattr(whole_games_module, "_EVENT_ROWS", real)
    assert len(store.save_whole_games(motion(), SEATS, batch)) == 4  # and the store goes on


def test_an_id_taken_by_another_writer_meanwhile_is_retried_under_a_new_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = full_game()
    (taken,) = store.save_whole_games(motion(), SEATS, [whole_game(1, None, events)])
    real = whole_games_module._fresh_ids
    calls: list[int] = []

    def racing(conn: Any, count: int) -> list[str]:
        calls.append(count)  # the first pick collides, as if a writer took it meanwhile
        return [taken, *real(conn, count - 1)] if len(calls) == 1 else real(conn, count)

    monkeypatch.setattr(whole_games_module, "_fresh_ids", racing)
    ids = store.save_whole_games(motion(), SEATS, [whole_game(s, None, events) for s in (2, 3)])
    assert len(calls) == 2 and taken not in ids
    assert sorted(store.get(i).seed for i in ids) == [2, 3] and store.get(taken).seed == 1
    assert row_counts(store) == (3, 3 * len(SEATS), 3 * len(events))


@pytest.mark.parametrize(
    "game, problem",
    [
        (WholeGame(1, None, ((1, "kyiv", "pass", "{}"),)), "event 0 has seq 1"),
        (whole_game(2**63, None, []), "seed"),
        (WholeGame(1, None, (), "paused"), "unknown status"),  # type: ignore[arg-type]
        (whole_game(1, "\x1b[2J", []), "title"),
    ],
    ids=["seq", "seed", "status", "title"],
)
def test_a_bad_game_refuses_the_whole_batch_before_writing(
    store: Store, game: WholeGame, problem: str
) -> None:
    good = whole_game(1, None, full_game())
    with pytest.raises(InvalidRequest, match=problem):
        store.save_whole_games(motion(), SEATS, [good, game])
    assert row_counts(store) == (0, 0, 0)


def test_nul_in_an_event_is_refused_as_an_append_refuses_it(store: Store) -> None:
    # A NUL the models refuse, smuggled past them as a bug elsewhere might.
    nul = Event(seq=0, actor="kyiv", action=Speak.model_construct(text="a\x00b"))
    with pytest.raises(InvalidRequest, match="NUL"):
        store.save_whole_games(motion(), SEATS, [whole_game(1, None, [nul])])
    typed = Event(seq=0, actor="kyiv", action=Speak(text="a\\u0000b"))  # six characters
    (sid,) = store.save_whole_games(motion(), SEATS, [whole_game(1, None, [typed])])
    assert store.load_events(sid) == [typed]


# -- debate simulate --save ------------------------------------------------------------------


def simulate(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["simulate", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("workers", ["1", "2"])
def test_simulated_games_reopen_as_they_were_played(
    db_url: str, article_motion: Motion, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    import json

    from debate.commands import simulate as simulate_command

    monkeypatch.setattr(simulate_command, "SAVE_BATCH", 2)  # several batches, one partial
    code, out, err = simulate(
        "guarantees", "--games", "5", "--seed", "7", "--workers", workers,
        "--save", "--db", db_url, "--json",
    )
    assert code == 0, err
    saved = json.loads(out)["saved"]
    assert len(saved) == 5
    seats = default_seats(article_motion)
    store = open_store(db_url)
    try:
        for offset, sid in enumerate(saved):
            game = play_game(article_motion, seats, 7 + offset)
            loaded = store.load(sid)
            assert loaded.events == game.events
            assert [(s.role, s.kind, s.difficulty) for s in loaded.seats] == [
                (r, "scripted", d) for r, d in seats.items()
            ]
            assert loaded.info.status == "finished" and loaded.info.seed == 7 + offset
            assert loaded.info.title == f"simulate guarantees seed {7 + offset}"
            assert loaded.state == fold(article_motion, game.events, roles=list(seats))
            assert loaded.state == game.final
            document = store.export_json(sid)
            assert [e["seq"] for e in document["events"]] == list(range(len(game.events)))
    finally:
        store.close()


def test_a_simulate_save_failing_mid_batch_keeps_only_whole_games(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from debate.commands import simulate as simulate_command

    real = whole_games_module._EVENT_ROWS
    batches: list[int] = []

    class FailSecondBatch:
        def run(self, conn: Any, rows: Any) -> None:
            batches.append(len(rows))
            if len(batches) == 2:
                real.run(conn, rows[:5])
                raise OperationalError("INSERT INTO events", None, Exception("disk is full"))
            real.run(conn, rows)

    monkeypatch.setattr(simulate_command, "SAVE_BATCH", 2)
    monkeypatch.setattr(whole_games_module, "_EVENT_ROWS", FailSecondBatch())
    code, _, err = simulate("guarantees", "--games", "6", "--save", "--db", db_url)
    assert code == 1 and "disk is full" in err
    monkeypatch.setattr(whole_games_module, "_EVENT_ROWS", real)
    store = open_store(db_url)
    try:
        saved = store.list_sessions()
        assert sorted(s.seed for s in saved) == [0, 1]
        for info in saved:
            loaded = store.load(info.id)
            assert loaded.state.finished and info.status == "finished"
            assert len(loaded.events) == info.events
    finally:
        store.close()


def test_a_simulate_save_killed_leaves_only_whole_finished_games(db_url: str) -> None:
    debate = os.path.join(os.path.dirname(sys.executable), "debate")
    child = subprocess.Popen(
        [debate, "simulate", "guarantees", "--games", "100000", "--workers", "1",
         "--save", "--db", db_url, "--json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    store = open_store(db_url)
    try:
        deadline = time.monotonic() + 60
        while store.count_sessions() < 2 * whole_games_batch():  # batches in, more under way
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the simulation is too slow"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        saved = store.list_sessions()
        assert len(saved) % whole_games_batch() == 0  # whole batches only
        for info in saved:
            loaded = store.load(info.id)
            assert loaded.state.finished and info.status == "finished"
            assert len(loaded.events) == info.events == loaded.state.seq
    finally:
        if child.poll() is None:
            child.kill()
        store.close()


def whole_games_batch() -> int:
    from debate.commands.simulate import SAVE_BATCH

    return SAVE_BATCH
