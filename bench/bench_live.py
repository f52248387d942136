"""Update latency of hosted games: from `act` committing to another client having the new
state, with 8 joined clients on one game, on PostgreSQL and on SQLite, in one run.

    python bench/bench_live.py [--clients 8] [--actions 60] [--pg URL] [--gap 0.15]

Each client is its own process following the game as ``debate join`` does (the store's
watcher: LISTEN/NOTIFY on PostgreSQL, ``PRAGMA data_version`` polling on SQLite, then
``update_since``). The driver acts as the facilitator (the seat to play, in turn) every
``--gap`` seconds and notes when each append returned; each client notes when it first
held each event. Latency = held - committed, same machine, same clock.
Goals: p95 <= 300 ms on PostgreSQL, <= 600 ms on SQLite. Exit 0 either way.
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOALS_MS = {"postgresql": 300.0, "sqlite": 600.0}
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/"


def client(url: str, code: str, count: int) -> None:
    """A follower process: print ``<seq> <time>`` when it first holds each event."""
    from debate.seminar import SeatClient
    from debate.store import open_store

    store = open_store(url)
    seat = SeatClient.open(store, code)
    watcher = store.watch(seat.session_id)
    print("ready", flush=True)
    seen = seat.game.state.seq
    while seen < count:
        if watcher.wait(0.25) and seat.refresh():
            now = time.time()
            for seq in range(seen, seat.game.state.seq):
                print(seq, now, flush=True)
            seen = seat.game.state.seq
    watcher.close()


def run(url: str, clients: int, actions: int, gap: float) -> list[float]:
    from debate.engine import Pass, Speak
    from debate.engine.testing import tiny_motion_data
    from debate.motions import Motion
    from debate.seminar import SeatClient, host_game
    from debate.store import open_store

    data = tiny_motion_data(actions_per_turn=2)
    data["phases"][0]["rounds"] = 20
    motion = Motion.model_validate(data)
    store = open_store(url)
    codes = host_game(store, motion, [], seed=1)
    roles = list(codes.seats)
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--client",
                url,
                codes.seats[roles[i % len(roles)]],
                str(actions),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for i in range(clients)
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    driver = SeatClient.open(store, codes.facilitator)
    committed: dict[int, float] = {}
    for i in range(actions):
        action = Speak(text=f"point {i}") if i % 2 == 0 else Pass()
        event = driver.act(action)
        committed[event.seq] = time.time()
        time.sleep(gap)
    latencies: list[float] = []
    for p in procs:
        out, _ = p.communicate(timeout=120)
        for line in out.splitlines():
            seq, at = line.split()
            latencies.append((float(at) - committed[int(seq)]) * 1000)
    store.close()
    return latencies


def pg_database() -> tuple[str, str]:
    import psycopg

    name = f"debate_bench_{secrets.token_hex(4)}"
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    return PG_SERVER + name, name


def drop(name: str) -> None:
    import psycopg

    from debate.store import dispose_all

    dispose_all()
    with psycopg.connect("host=127.0.0.1 user=postgres dbname=test", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def report(name: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    median = statistics.median(ordered)
    goal = GOALS_MS[name]
    verdict = "meets" if p95 <= goal else "misses"
    print(
        f"{name:10} {len(ordered):5} updates  median {median:6.1f} ms  p95 {p95:6.1f} ms  "
        f"max {ordered[-1]:6.1f} ms  ({verdict} the goal p95 <= {goal:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--actions", type=int, default=60)
    parser.add_argument("--gap", type=float, default=0.15)
    parser.add_argument("--pg", help="PostgreSQL URL (default: a throw-away database)")
    parser.add_argument("--client", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        client(args.client[0], args.client[1], int(args.client[2]))
        return
    print(f"{args.clients} clients on one game, {args.actions} actions, {args.gap}s apart")
    with tempfile.TemporaryDirectory() as tmp:
        report("sqlite", run(str(Path(tmp) / "live.db"), args.clients, args.actions, args.gap))
    if args.pg:
        report("postgresql", run(args.pg, args.clients, args.actions, args.gap))
    else:
        url, name = pg_database()
        try:
            report("postgresql", run(url, args.clients, args.actions, args.gap))
        finally:
            drop(name)


if __name__ == "__main__":
    main()
