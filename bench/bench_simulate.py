"""Benchmark: complete bot-vs-bot games per second (issue 5), one worker versus all cores;
with ``--save``, ``debate simulate --save`` as whole processes (issue 15).

    python bench/bench_simulate.py [--games 1000] [--motion guarantees] [--seats ...]
    python bench/bench_simulate.py --save [--games 2000] [--small 500]

Plays N complete games of the main motion with four normal scripted roles (scoring, role
scores and the stress test included, saving excluded) through the same code path as
``debate simulate``: once on one process, once on every core. Both are measured in this
run; the first is the baseline of the second. Also checks that both runs produced the same
games. Goal: at least 100 games/s with all cores on the project's two-core machines.
Exit status is 0 whether or not the goal is met; the figures are the result.

With ``--save``: ``debate simulate guarantees --games N --json`` as a whole process, unsaved
(the baseline), then saving into a fresh SQLite file and into a fresh PostgreSQL database
(127.0.0.1:5432, user postgres; skipped if unreachable). Prints games/s, the share of the
unsaved rate, and the peak RSS of each process, plus the peak RSS of a save of ``--small``
games (memory must not grow with the number of games). Goals: >= 300 games/s into SQLite
and >= 150 into PostgreSQL on 2 cores, or >= 60% of the unsaved rate, whichever is lower.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from debate.commands.simulate import run_games
from debate.motions import resolve_motion
from debate.scripted import default_seats

GOAL_GAMES_PER_S = 100.0


def _whole(argv: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of a whole ``debate`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {errors.decode()[-500:]}")
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def _postgres_url() -> str | None:
    try:
        import psycopg
    except ImportError:
        return None
    name = f"bench_simulate_{os.getpid()}"
    try:
        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres",
                             autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error:
        return None
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def _drop_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def saving(games: int, small: int, motion: str) -> None:
    exe = str(Path(sys.executable).with_name("debate"))
    base = [exe, "simulate", motion, "--json", "--seed", "0"]
    folder = Path(tempfile.mkdtemp(prefix="bench-save-"))
    pg = _postgres_url()
    try:
        _whole([*base, "--games", "20"])  # warm the disk cache
        t0, m0 = _whole([*base, "--games", str(games)])
        rate0 = games / t0
        print(f"debate simulate {motion} --games {games}, whole processes")
        print(f"  unsaved              : {t0:6.2f} s  {rate0:6.1f} games/s  {m0:6.1f} MiB"
              "  (baseline)")
        targets = [("SQLite", str(folder / "save.db"), 300.0)]
        if pg is not None:
            targets.append(("PostgreSQL", pg, 150.0))
        else:
            print("  PostgreSQL           : not reachable, skipped")
        for name, url, goal in targets:
            t, m = _whole([*base, "--games", str(games), "--save", "--db", url])
            rate = games / t
            wanted = min(goal, 0.6 * rate0)
            verdict = "met" if rate >= wanted else "NOT met"
            print(f"  --save into {name:<9}: {t:6.2f} s  {rate:6.1f} games/s  {m:6.1f} MiB"
                  f"  {rate / rate0:4.0%} of unsaved; goal >= {wanted:.0f} games/s: {verdict}")
        _, ms = _whole([*base, "--games", str(small), "--save", "--db",
                         str(folder / "small.db")])
        print(f"  memory: --save of {small} games {ms:.1f} MiB, of {games} games "
              f"(SQLite, above) — flat if about equal")
    finally:
        if pg is not None:
            _drop_postgres(pg)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--save", action="store_true", help="measure debate simulate --save")
    parser.add_argument("--small", type=int, default=500, help="--save: the small run")
    parser.add_argument("--motion", default="guarantees")
    parser.add_argument("--seats", default="", help="e.g. kyiv=hard (others normal)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.save:
        saving(args.games, args.small, args.motion)
        return

    motion = resolve_motion(args.motion)
    overrides = dict(p.split("=", 1) for p in args.seats.split(",") if p)
    seats = default_seats(motion, overrides)
    seeds = range(args.seed, args.seed + args.games)
    cores = os.cpu_count() or 1

    run_games(motion, seats, range(3), workers=1)  # warm caches and imports
    start = time.perf_counter()
    one = run_games(motion, seats, seeds, workers=1)
    t_one = time.perf_counter() - start
    start = time.perf_counter()
    many = run_games(motion, seats, seeds, workers=cores)
    t_many = time.perf_counter() - start

    rate_one, rate_many = args.games / t_one, args.games / t_many
    print(f"motion {motion.id}, seats {', '.join(f'{r}={d}' for r, d in seats.items())}")
    print(f"{args.games} complete games (scored and stress-tested, not saved)")
    print(f"1 worker      : {t_one:7.2f} s  {rate_one:7.1f} games/s  (baseline)")
    print(f"{cores} workers     : {t_many:7.2f} s  {rate_many:7.1f} games/s  (pool start included)")
    print(f"speed-up      : {rate_many / rate_one:.2f}x on {cores} cores")
    print(f"same games    : {one == many}")
    verdict = "met" if rate_many >= GOAL_GAMES_PER_S else "NOT met"
    print(f"goal >= {GOAL_GAMES_PER_S:.0f} games/s with all cores: {verdict}")


if __name__ == "__main__":
    main()
