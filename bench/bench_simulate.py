"""Benchmark: complete bot-vs-bot games per second (issue 5), one worker versus all cores.

    python bench/bench_simulate.py [--games 1000] [--motion guarantees] [--seats ...]

Plays N complete games of the main motion with four normal scripted roles (scoring, role
scores and the stress test included, saving excluded) through the same code path as
``debate simulate``: once on one process, once on every core. Both are measured in this
run; the first is the baseline of the second. Also checks that both runs produced the same
games. Goal: at least 100 games/s with all cores on the project's two-core machines.
Exit status is 0 whether or not the goal is met; the figures are the result.
"""

from __future__ import annotations

import argparse
import os
import time

from debate.commands.simulate import run_games
from debate.motions import resolve_motion
from debate.scripted import default_seats

GOAL_GAMES_PER_S = 100.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--games", type=int, default=1000)
    parser.add_argument("--motion", default="guarantees")
    parser.add_argument("--seats", default="", help="e.g. kyiv=hard (others normal)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

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
