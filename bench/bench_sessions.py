"""Benchmark: many saved sessions (issue 15), measured in one run.

1. ``debate sessions`` as a whole process (output to a pipe, 100 columns) on a database of
   ``--many`` sessions (default 8,000) against the same on ``--few`` (default 500), the
   baseline. Goal: <= 1.5x.
2. The Replay list (headless, 120x40) on the database of ``--many`` sessions: opening it
   (from the lobby's key to the list shown), one keystroke in its search box (from the key
   to the app being idle again), and the search itself once typing pauses (the list read
   again with the text). Goal: each keystroke < 50 ms.

The databases are built once and kept in ``--cache`` (SQLite files), so runs compare alike.
Each figure is the median of ``--repeat`` runs. Nothing here is a pass/fail test.

    python bench/bench_sessions.py [--many 8000] [--few 500] [--repeat 7]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from debate.engine.testing import tiny_motion
from debate.store import Seat, open_store

SEATS = [Seat("kyiv", "Ola"), Seat("kremlin", "Bot", "scripted", "easy"),
         Seat("washington", "Sam")]


def database(folder: Path, count: int) -> Path:
    """A SQLite file holding ``count`` sessions (built once)."""
    path = folder / f"sessions-{count}.db"
    if path.exists():
        return path
    store = open_store(str(path))
    motion = tiny_motion()
    games = [(i, f"Seminar {i} on guarantees", (), "finished" if i % 3 else "active")
             for i in range(count)]
    create_many = getattr(store, "create_sessions", None)
    for start in range(0, count, 500):
        batch = games[start : start + 500]
        if create_many is not None:
            create_many(motion, SEATS, batch)
        else:  # an older store: one at a time
            for seed, title, _, _ in batch:
                store.create_session(motion, SEATS, seed, title=title)
    store.close()
    return path


def whole(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                   env={**os.environ, "COLUMNS": "100"})
    return time.perf_counter() - start


async def input_baseline(repeat: int) -> float:
    """ms per keystroke in a minimal app holding one Input (the baseline of a keystroke)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class OneInput(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(placeholder="search")

    keys: list[float] = []
    app = OneInput()
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(Input).focus()
        await pilot.pause()
        for _ in range(repeat):
            for key in "seminar 12":
                t = time.perf_counter()
                await pilot.press(key if key != " " else "space")
                keys.append(time.perf_counter() - t)
            app.query_one(Input).value = ""
            await pilot.pause()
    return statistics.median(keys) * 1000


async def replay_list(db: Path, repeat: int) -> dict[str, float]:
    from textual.widgets import Input

    from debate.tui import create_app
    from debate.tui.screens.replay_sessions import ReplaySessionsScreen

    store = open_store(str(db))
    app = create_app(store=store)
    out: dict[str, list[float]] = {"open": [], "key": [], "search": []}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(repeat):
            t = time.perf_counter()
            await pilot.press("r")
            await pilot.pause()
            out["open"].append(time.perf_counter() - t)
            screen = app.screen
            assert isinstance(screen, ReplaySessionsScreen)
            box = screen.query_one("#replay-search", Input)
            box.focus()
            await pilot.pause()
            for key in "seminar 12":
                t = time.perf_counter()
                await pilot.press(key if key != " " else "space")
                out["key"].append(time.perf_counter() - t)
            await pilot.pause(0.5)
            t = time.perf_counter()
            screen.refill()
            out["search"].append(time.perf_counter() - t)
            await pilot.press("escape")
            await pilot.pause()
    store.close()
    return {k: statistics.median(v) * 1000 for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--many", type=int, default=8000)
    parser.add_argument("--few", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench-sessions"))
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    few, many = database(args.cache, args.few), database(args.cache, args.many)

    exe = str(Path(sys.executable).with_name("debate"))
    runs: dict[int, list[float]] = {args.few: [], args.many: []}
    for db in (few, many):
        whole([exe, "sessions", "--db", str(db)])  # warm
    for _ in range(args.repeat):
        for count, db in ((args.few, few), (args.many, many)):
            runs[count].append(whole([exe, "sessions", "--db", str(db)]))
    t_few, t_many = (statistics.median(runs[c]) * 1000 for c in (args.few, args.many))
    ratio = t_many / t_few
    print(f"debate sessions, whole process (median of {args.repeat})")
    print(f"  {args.few:>6} sessions {t_few:7.0f} ms  (baseline)")
    print(f"  {args.many:>6} sessions {t_many:7.0f} ms  {ratio:5.2f}x  goal <= 1.5x: "
          f"{'met' if ratio <= 1.5 else 'NOT met'}")

    base = asyncio.run(input_baseline(max(3, args.repeat // 2)))
    fig = asyncio.run(replay_list(many, max(3, args.repeat // 2)))
    print(f"Replay list on {args.many} sessions (headless, median)")
    print(f"  open the list            {fig['open']:7.1f} ms")
    print(f"  (baseline: a keystroke in a minimal app's Input {base:7.1f} ms)")
    print(f"  one keystroke in search  {fig['key']:7.1f} ms  {fig['key'] / base:5.2f}x the "
          f"baseline; goal < 50 ms: {'met' if fig['key'] < 50 else 'NOT met'}")
    print(f"  the search itself        {fig['search']:7.1f} ms  (once typing pauses)")


if __name__ == "__main__":
    main()
