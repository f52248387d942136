"""Benchmark of the sessions store against raw sqlite3, measured in one run.

    python bench/bench_store.py [--appends 1000] [--events 2000] [--repeat 5]
    python bench/bench_store.py --events 2000,10000,50000     # long sessions (issue 15)

1. Append: N events appended one by one through ``Store.append`` (one transaction each,
   with the sequence check) versus raw ``sqlite3`` INSERT + COMMIT of the same payloads
   into a table of the same shape, with the same pragmas (WAL, synchronous=FULL).
2. Load: a session of M events read through ``Store.load`` (validated events *and* the
   engine's fold to the current state) and through ``Store.load_events`` (validated
   events, no fold), versus raw ``sqlite3`` SELECT plus ``json.loads`` of the same rows.

Events are legal: they are produced by playing a long variant of the engine's tiny motion
(4 negotiation phases x 20 rounds x 3 roles x 10 actions a turn) through
``debate.engine.apply``. Each measurement is repeated (loads four times as often as
appends), store and raw runs interleaved, and the best time kept: the one least disturbed
by other work on the machine. Goals: append <= 2x raw, load <= 3x raw. With several
``--events`` sizes, each is loaded, and the cost per event compared with the smallest size's
(a load must stay linear: about 1x).
Exit status is 0 whether or not the goals are met; the figures are the result.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from debate.engine import Event, Pass, Speak, apply, new_game
from debate.engine.testing import tiny_motion_data
from debate.motions import Motion
from debate.store import Seat, open_store

APPEND_GOAL = 2.0
LOAD_GOAL = 3.0

RAW_DDL = """
CREATE TABLE events (
    session_id VARCHAR(32) NOT NULL,
    seq INTEGER NOT NULL,
    actor VARCHAR(40) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    payload TEXT NOT NULL,
    at DATETIME NOT NULL,
    PRIMARY KEY (session_id, seq)
)
"""


def long_motion(events: int = 2000) -> Motion:
    """The tiny motion stretched to hold ``events`` legal events (4 negotiation phases, the
    original size, for up to a few thousand)."""
    data = tiny_motion_data(actions_per_turn=10)
    negotiation = data["phases"][0]
    phases = max(4, events // 400 + 2)  # about 500 events a phase (a pass every 50 events)
    data["phases"] = [
        *({**negotiation, "id": f"negotiation_{i}", "rounds": 20} for i in range(1, phases + 1)),
        data["phases"][-1],
    ]
    return Motion.model_validate(data)


def play(motion: Motion, count: int) -> list[Event]:
    """``count`` legal events: speeches of varied length citing claims, and a pass to end
    every fifth turn early."""
    state = new_game(motion)
    events: list[Event] = []
    claims = [c.id for c in motion.claims]
    while len(events) < count:
        role = state.current_role
        assert role is not None, "the motion is too short for this many events"
        n = len(events)
        if state.in_vote:
            raise AssertionError("the motion is too short for this many events")
        if n % 50 == 49:
            action: Speak | Pass = Pass()
        else:
            text = f"Argument {n} from {role}: " + "guarantees before aggression " * (1 + n % 6)
            action = Speak(text=text.strip(), claims=(claims[n % len(claims)],))
        state, event = apply(state, role, action)
        events.append(event)
    return events


def best_of(repeat: int, run: Callable[[], float]) -> float:
    return min(run() for _ in range(repeat))


def raw_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def bench_append(
    folder: Path, motion: Motion, events: list[Event], repeat: int
) -> tuple[float, float]:
    payloads = [e.model_dump_json() for e in events]
    seats = [Seat(r, f"player {r}", "human") for r in ("kyiv", "kremlin", "washington")]
    runs = iter(range(10_000))

    def through_store() -> float:
        db = folder / f"append-store-{next(runs)}.db"
        store = open_store(str(db))
        sid = store.create_session(motion, seats, seed=1).id
        start = time.perf_counter()
        for seq, event in enumerate(events):
            store.append(sid, event, seq)
        elapsed = time.perf_counter() - start
        assert store.get(sid).events == len(events)
        store.close()
        return elapsed

    def raw() -> float:
        db = folder / f"append-raw-{next(runs)}.db"
        conn = raw_connection(db)
        conn.execute(RAW_DDL)
        sql = "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)"
        start = time.perf_counter()
        for seq, (event, payload) in enumerate(zip(events, payloads, strict=True)):
            conn.execute("BEGIN")
            conn.execute(
                sql,
                ("abcd1234", seq, event.actor, event.action.type, payload, "2025-08-18 12:00:00"),
            )
            conn.execute("COMMIT")
        elapsed = time.perf_counter() - start
        conn.close()
        return elapsed

    through_store()  # warm up imports and compiled statements
    store_t, raw_t = [], []
    for _ in range(repeat):  # interleaved, so drift on the machine hits both alike
        store_t.append(through_store())
        raw_t.append(raw())
    return min(store_t), min(raw_t)


def bench_load(
    folder: Path, motion: Motion, events: list[Event], repeat: int
) -> tuple[float, float, float]:
    db = folder / "load.db"
    store = open_store(str(db))
    seats = [Seat(r, f"player {r}", "human") for r in ("kyiv", "kremlin", "washington")]
    if len(events) > 5000 and hasattr(store, "create_sessions"):  # set up long ones at once
        sid = store.create_session(motion, seats, seed=1, events=events).id
    else:
        sid = store.create_session(motion, seats, seed=1).id
        for seq, event in enumerate(events):
            store.append(sid, event, seq)
    loaded = store.load(sid)  # warm up (and check)
    assert loaded.state.seq == len(events)

    def full() -> float:
        start = time.perf_counter()
        store.load(sid)
        return time.perf_counter() - start

    def events_only() -> float:
        start = time.perf_counter()
        store.load_events(sid)
        return time.perf_counter() - start

    raw_conn = raw_connection(db)

    def raw() -> float:
        start = time.perf_counter()
        rows = raw_conn.execute(
            "SELECT seq, payload FROM events WHERE session_id = ? ORDER BY seq", (sid,)
        ).fetchall()
        decoded = [json.loads(payload) for _, payload in rows]
        elapsed = time.perf_counter() - start
        assert len(decoded) == len(events)
        return elapsed

    full_t, only_t, raw_t = [], [], []
    for _ in range(repeat * 4):  # loads are quick: take more samples
        full_t.append(full())
        only_t.append(events_only())
        raw_t.append(raw())
    raw_conn.close()
    store.close()
    return min(full_t), min(only_t), min(raw_t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--appends", type=int, default=1000)
    parser.add_argument("--events", default="2000", help="session size(s), e.g. 2000,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    sizes = [int(n) for n in str(args.events).split(",")]
    args.events = sizes[0]

    motion = long_motion(max(args.appends, *sizes))
    events = play(motion, max(args.appends, *sizes))
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        folder = Path(tmp)
        store_t, raw_t = bench_append(folder, motion, events[: args.appends], args.repeat)
        full_t, only_t, load_raw_t = bench_load(folder, motion, events[: args.events], args.repeat)
        longer = {}
        for n in sizes[1:]:
            (folder / str(n)).mkdir()
            longer[n] = bench_load(folder / str(n), motion, events[:n], max(1, args.repeat // 2))

    def line(label: str, t: float, base: float, per: int, goal: float) -> str:
        ratio = t / base
        verdict = "ok" if ratio <= goal else "OVER GOAL"
        return (
            f"{label:<44} {t * 1000:9.1f} ms  {t / per * 1e6:8.1f} us/event  "
            f"{ratio:5.2f}x raw (goal <= {goal:g}x: {verdict})"
        )

    print(f"best of {args.repeat} runs; SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL")
    print(f"append {args.appends} events, one transaction each")
    print(
        f"  {'raw sqlite3 INSERT + COMMIT':<44} {raw_t * 1000:9.1f} ms  "
        f"{raw_t / args.appends * 1e6:8.1f} us/event"
    )
    print("  " + line("Store.append", store_t, raw_t, args.appends, APPEND_GOAL))
    print(f"load a {args.events}-event session")
    print(
        f"  {'raw sqlite3 SELECT + json.loads':<44} {load_raw_t * 1000:9.1f} ms  "
        f"{load_raw_t / args.events * 1e6:8.1f} us/event"
    )
    print(
        "  "
        + line("Store.load_events (validated, no fold)", only_t, load_raw_t, args.events, LOAD_GOAL)
    )
    print(
        "  "
        + line("Store.load (validated + fold to state)", full_t, load_raw_t, args.events, LOAD_GOAL)
    )
    for n, (full_n, only_n, raw_n) in longer.items():
        print(f"load a {n}-event session (per event vs {args.events} events: about 1x)")
        for label, t, base in (
            ("raw sqlite3 SELECT + json.loads", raw_n, load_raw_t),
            ("Store.load_events (validated, no fold)", only_n, only_t),
            ("Store.load (validated + fold to state)", full_n, full_t),
        ):
            per = (t / n) / (base / args.events)
            print(f"  {label:<44} {t * 1000:9.1f} ms  {t / n * 1e6:8.1f} us/event  "
                  f"{per:5.2f}x per event; {t / raw_n:5.2f}x raw")
    return 0


if __name__ == "__main__":
    sys.exit(main())
