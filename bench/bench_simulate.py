"""Benchmark: complete bot-vs-bot games per second (issue 5), one worker versus all cores;
with ``--save``, ``debate simulate --save`` as whole processes (issue 15).

    python bench/bench_simulate.py [--games 1000] [--motion guarantees] [--seats ...]
    python bench/bench_simulate.py --save [--games 1000] [--small 500] [--repeat 3]

Plays N complete games of the main motion with four normal scripted roles (scoring, role
scores and the stress test included, saving excluded) through the same code path as
``debate simulate``: once on one process, once on every core. Both are measured in this
run; the first is the baseline of the second. Also checks that both runs produced the same
games. Goal: at least 100 games/s with all cores on the project's two-core machines.
Exit status is 0 whether or not the goal is met; the figures are the result.

With ``--save``: ``debate simulate guarantees --games N --json`` as a whole process, unsaved
(the baseline), then saving into a fresh SQLite file and into a fresh PostgreSQL database
(127.0.0.1:5432, user postgres; skipped if unreachable), ``--repeat`` rounds interleaved.
Prints median games/s (and the range), CPU per game of the process and its workers, the
share of the unsaved rate, and the peak RSS, plus the peak RSS of a save of ``--small``
games (memory must not grow with the number of games). Goals: >= 300 games/s into SQLite
and >= 150 into PostgreSQL on 2 cores, or >= 60% of the unsaved rate, whichever is lower.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from debate.commands.simulate import run_games
from debate.motions import resolve_motion
from debate.scripted import default_seats

GOAL_GAMES_PER_S = 100.0


def _whole(argv: list[str]) -> tuple[float, float, float]:
    """Seconds, CPU seconds (user + system, workers included) and peak RSS (MiB) of a whole
    ``debate`` process."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    errors = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {errors.decode()[-500:]}")
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _postgres_url(name: str) -> str | None:
    """A fresh, empty PostgreSQL database ``name`` (None if the server is not reachable)."""
    try:
        import psycopg
    except ImportError:
        return None
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


def saving(games: int, small: int, motion: str, repeat: int) -> None:
    """``repeat`` rounds of unsaved / SQLite / PostgreSQL runs, interleaved so that a load
    the machine carries for a while weighs on all three alike; medians are reported."""
    exe = str(Path(sys.executable).with_name("debate"))
    base = [exe, "simulate", motion, "--json", "--seed", "0", "--games", str(games)]
    folder = Path(tempfile.mkdtemp(prefix="bench-save-"))
    pg_name = f"bench_simulate_{os.getpid()}"
    pg = _postgres_url(pg_name)
    targets: list[tuple[str, float]] = [("unsaved", 0.0), ("SQLite", 300.0)]
    if pg is not None:
        targets.append(("PostgreSQL", 150.0))
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in targets}
    try:
        _whole([*base[:-1], "20"])  # warm the disk cache
        for round_no in range(repeat):
            for name, _ in targets:
                if name == "unsaved":
                    argv = base
                elif name == "SQLite":
                    argv = [*base, "--save", "--db", str(folder / f"save{round_no}.db")]
                else:
                    url = _postgres_url(pg_name)  # each round saves into an empty database
                    assert url is not None
                    argv = [*base, "--save", "--db", url]
                runs[name].append(_whole(argv))
        _, _, small_rss = _whole([exe, "simulate", motion, "--json", "--games", str(small),
                                  "--save", "--db", str(folder / "small.db")])
    finally:
        if pg is not None:
            _drop_postgres(pg)
    print(f"debate simulate {motion} --games {games}, whole processes, median of {repeat} "
          "interleaved rounds")
    if pg is None:
        print("  PostgreSQL: not reachable, skipped")
    rate0 = games / statistics.median(t for t, _, _ in runs["unsaved"])
    for name, goal in targets:
        times = [t for t, _, _ in runs[name]]
        rate = games / statistics.median(times)
        cpu_ms = 1000 * statistics.median(c for _, c, _ in runs[name]) / games
        rss = max(m for _, _, m in runs[name])
        spread = f"{games / max(times):.0f}-{games / min(times):.0f}"
        line = (f"  {name:<10}: {rate:6.1f} games/s ({spread})  CPU {cpu_ms:4.1f} ms/game"
                f"  {rss:6.1f} MiB")
        if name == "unsaved":
            print(line + "  (baseline)")
            continue
        # Also the ratio within each round: the fairest comparison when the load drifts.
        ratios = [u[0] / r[0] for u, r in zip(runs["unsaved"], runs[name], strict=True)]
        wanted = min(goal, 0.6 * rate0)
        verdict = "met" if rate >= wanted else "NOT met"
        print(f"{line}  {rate / rate0:4.0%} of unsaved (per round: "
              f"{', '.join(f'{r:.0%}' for r in ratios)}); goal >= {wanted:.0f} games/s: {verdict}")
    print(f"  memory: --save of {small} games {small_rss:.1f} MiB, of {games} games "
          f"{max(m for _, _, m in runs['SQLite']):.1f} MiB (SQLite) — flat if about equal")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--save", action="store_true", help="measure debate simulate --save")
    parser.add_argument("--small", type=int, default=500, help="--save: the small run")
    parser.add_argument("--repeat", type=int, default=3, help="--save: interleaved rounds")
    parser.add_argument("--motion", default="guarantees")
    parser.add_argument("--seats", default="", help="e.g. kyiv=hard (others normal)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.save:
        saving(args.games, args.small, args.motion, args.repeat)
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
