"""Load on one PostgreSQL: 25 hosted games x 6 clients at once, for 2 minutes.

    python bench/bench_load.py [--games 25] [--clients 6] [--seconds 120] [--procs 5]

Every game seats the three roles of a long variant of the tiny motion, each played from two
screens at once (a laptop and a browser tab, say), so seats race for event numbers and the
losers recover (``GameMovedOn``, counted apart from errors). Clients are threads, spread
over ``--procs`` processes; each process holds one SQLAlchemy pool (at most 15 connections)
and one shared LISTEN connection for all its games. A finished game is replaced by a new
one. Loopback only; the loop ends after ``--seconds``.
Reported: actions/s served, errors (goal 0), lost races, the most connections PostgreSQL saw
at once (goal: under its default max_connections of 100). Exit 0 either way.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import secrets
import subprocess
import sys
import threading
import time
from collections import Counter
from typing import Any

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/"
ADMIN = "host=127.0.0.1 user=postgres dbname=test"


def long_motion() -> Any:
    from debate.engine.testing import tiny_motion_data
    from debate.motions import Motion

    data = tiny_motion_data(actions_per_turn=2)
    data["phases"][0]["rounds"] = 20
    return Motion.model_validate(data)


class Game:
    """One game slot: a hosted game, replaced by a new one when it finishes."""

    def __init__(self, store: Any, motion: Any) -> None:
        self.store, self.motion = store, motion
        self.lock = threading.Lock()
        self.generation = 0
        self.codes = self._host()

    def _host(self) -> Any:
        from debate.seminar import host_game

        return host_game(self.store, self.motion, [], seed=secrets.randbelow(10_000))

    def next(self, seen: int) -> tuple[int, Any]:
        with self.lock:
            if self.generation == seen:
                self.codes = self._host()
                self.generation += 1
            return self.generation, self.codes


def play(game: Game, index: int, stop: threading.Event, stats: Counter[str]) -> None:
    from debate.engine import Pass, Speak, Vote
    from debate.seminar import GameMovedOn, SeatClient

    store = game.store
    generation, codes = game.generation, game.codes
    roles = list(codes.seats)
    role = roles[index % len(roles)]
    seat = SeatClient.open(store, codes.seats[role])
    watcher = store.watch(seat.session_id, shared=True)
    touched = 0.0
    n = 0
    while not stop.is_set():
        try:
            if seat.finished:
                watcher.close()
                generation, codes = game.next(generation)
                seat = SeatClient.open(store, codes.seats[role])
                watcher = store.watch(seat.session_id, shared=True)
                stats["games"] += index == 0
                continue
            if time.monotonic() - touched > 2.0:
                store.touch(seat.session_id, seat.client_id, role)
                touched = time.monotonic()
            legal = seat.legal()
            if legal:
                n += 1
                if "vote" in legal:
                    action: Any = Vote(accept=True)
                elif n % 2 and "speak" in legal:
                    action = Speak(text=f"{role} point {n}")
                else:
                    action = Pass()
                seat.act(action)
                stats["actions"] += 1
                continue
            if watcher.wait(0.25):
                seat.refresh()
        except GameMovedOn:
            stats["lost races"] += 1
        except Exception as e:  # every other failure is an error of the run
            stats["errors"] += 1
            stats[f"error: {type(e).__name__}: {str(e)[:80]}"] += 1
            time.sleep(0.1)
            with contextlib.suppress(Exception):  # the database is the problem: retried
                seat.refresh()
    watcher.close()


def worker(url: str, games: int, clients: int, seconds: float) -> None:
    """One process: ``games`` games x ``clients`` client threads; prints its counts."""
    from debate.store import open_store

    store = open_store(url)
    motion = long_motion()
    slots = [Game(store, motion) for _ in range(games)]
    stop = threading.Event()
    stats: Counter[str] = Counter()
    threads = [
        threading.Thread(target=play, args=(slot, i, stop, stats), daemon=True)
        for slot in slots
        for i in range(clients)
    ]
    print("ready", flush=True)
    sys.stdin.readline()  # the start signal
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    print(json.dumps(dict(stats)), flush=True)


def connections(name: str) -> int:
    import psycopg

    with psycopg.connect(ADMIN, autocommit=True) as c:
        row = c.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (name,))
        return int(row.fetchone()[0])  # type: ignore[index]


def main() -> None:
    import psycopg

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--games", type=int, default=25)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--procs", type=int, default=5)
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]), int(args.worker[2]), float(args.worker[3]))
        return
    name = f"debate_load_{secrets.token_hex(4)}"
    with psycopg.connect(ADMIN, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    url = PG_SERVER + name
    try:
        from debate.store import open_store

        open_store(url).close()  # migrate once
        per = [args.games // args.procs + (i < args.games % args.procs) for i in range(args.procs)]
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    __file__,
                    "--worker",
                    url,
                    str(g),
                    str(args.clients),
                    str(args.seconds),
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for g in per
            if g
        ]
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "ready"
        start = time.monotonic()
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        peak = 0
        while any(p.poll() is None for p in procs) and time.monotonic() - start < args.seconds:
            peak = max(peak, connections(name))
            time.sleep(1.0)
        totals: Counter[str] = Counter()
        for p in procs:
            out, _ = p.communicate(timeout=120)
            totals.update(json.loads(out.strip().splitlines()[-1]))
        elapsed = time.monotonic() - start
        with psycopg.connect(f"host=127.0.0.1 user=postgres dbname={name}") as c:
            events = int(c.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
            gaps = c.execute(
                "SELECT count(*) FROM sessions s WHERE s.next_seq <> "
                "(SELECT count(*) FROM events e WHERE e.session_id = s.id)"
            ).fetchone()[0]  # type: ignore[index]
        print(
            f"{args.games} games x {args.clients} clients, {len(procs)} processes, "
            f"{elapsed:.0f} s on PostgreSQL"
        )
        print(f"  actions served   {events} ({events / elapsed:.1f} actions/s)")
        print(f"  errors           {totals['errors']} (goal 0)")
        print(f"  lost races       {totals['lost races']} (recovered: the loser reloaded)")
        print(f"  sessions whose event count disagrees with next_seq: {gaps}")
        print(f"  peak connections {peak} (PostgreSQL default max_connections: 100)")
        for key, count in sorted(totals.items()):
            if key.startswith("error:"):
                print(f"    {count} x {key}")
    finally:
        from debate.store import dispose_all

        dispose_all()
        with psycopg.connect(ADMIN, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
