"""Benchmark: stepping through a 2,000-event session in the replay, near its start and its end,
and opening the replay screen (issue 7).

Goals: a step near the end costs at most 3x a step near the start (states are cached, never
refolded from zero), and any single step is under 16 ms median. Everything is measured in
this one run; the step near the start is the baseline of the ratio. Refolding from the first
event at the end is printed too, to show what the cache saves. Nothing here is a pass/fail
test.

Two sessions of exactly 2,000 events are measured:

* ``scripted``: the main motion stretched to many rounds, every seat a scripted role
  (normal), so the session is what the project's own game produces;
* ``heavy``: a synthetic session whose package grows by one commitment every few events
  (hundreds by the end), the hard case for the panels that show the package and scores.

    python bench/bench_replay.py [--events 2000] [--steps 40]
    python bench/bench_replay.py --sizes 2000,10000,50000   # long sessions (issue 15)

``--sizes`` measures long scripted sessions as the user meets them (whole ``debate replay``
and ``debate export`` processes, jumps on the screen): see ``bench/replay_sizes.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from debate.engine import Event, GameState, Pass, Propose, Speak, apply, fold, new_game
from debate.history.timeline import FoldCache
from debate.motions import Motion, resolve_motion
from debate.scoring.game import score_game
from debate.vocabulary.commitments import Funding, Troops


# -- the sessions ----------------------------------------------------------------------------
def stretched(motion: Motion, phases: int) -> Motion:
    """``motion`` with its negotiation phase repeated ``phases`` times at 20 rounds each."""
    data = motion.model_dump(mode="json")
    negotiation = next(
        p for p in data["phases"] if "propose" in p["actions"] and "amend" in p["actions"]
    )
    middle = [
        dict(negotiation, id=f"negotiation_{i}", name=f"Negotiation {i}", rounds=20)
        for i in range(1, phases + 1)
    ]
    data["phases"] = [data["phases"][0], *middle, data["phases"][-1]]
    return Motion.model_validate(data)


def scripted_session(count: int) -> tuple[Motion, list[Event]]:
    from debate.scripted.runner import default_seats, play_game

    motion = stretched(resolve_motion("guarantees"), phases=count // 150 + 2)
    game = play_game(motion, default_seats(motion), seed=1)
    if len(game.events) < count:
        raise SystemExit(f"the scripted game stopped at {len(game.events)} events")
    return motion, list(game.events[:count])


def heavy_session(count: int) -> tuple[Motion, list[Event]]:
    from debate.report.sample import sample_motion

    motion = stretched(sample_motion(), phases=count // 100 + 2)
    state: GameState = new_game(motion)
    events: list[Event] = []
    while len(events) < count:
        role = state.current_role or ""
        n = len(events)
        action: Any
        if role == "washington" and state.actions_this_turn == 0:
            action = (
                Propose(commitment=Troops(by=role, size=5_000 + n, basis="statute"))
                if n % 2
                else Propose(
                    commitment=Funding(by=role, usd_bn_per_year=2, years=4, basis="treaty")
                )
            )
        elif state.actions_this_turn == 0:
            action = Speak(
                text=f"Argument {n}", claims=("army_first",), criteria=("pre_positioning",)
            )
        else:
            action = Pass()
        state, event = apply(state, role, action, rationale="bench")
        events.append(event)
    return motion, events


def save(motion: Motion, events: list[Event], folder: Path) -> tuple[Any, str]:
    from debate.store import Seat, open_store

    store = open_store(str(folder / "bench.db"))
    roles = new_game(motion).roles
    seats = [Seat(r, f"{r} bot", "scripted", "normal") for r in roles]
    info = store.create_session(motion, seats, seed=1, title=f"{len(events)} events")
    for e in events:
        store.append(info.id, e, expected_seq=e.seq)
    return store, info.id


# -- measuring ---------------------------------------------------------------------------------
def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def model_steps(motion: Motion, events: list[Event], points: range) -> tuple[float, float]:
    """Median ms of one forward step (fold) and of scoring the new point, over ``points``."""
    cache = FoldCache(motion, events)
    cache.state_at(points.start - 1)
    folds, scores = [], []
    for k in points:
        t = time.perf_counter()
        state = cache.state_at(k)
        folds.append(time.perf_counter() - t)
        t = time.perf_counter()
        score_game(state)
        scores.append(time.perf_counter() - t)
    return median_ms(folds), median_ms(scores)


def refold_from_zero(motion: Motion, events: list[Event], k: int, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fold(motion, events[:k])
        samples.append(time.perf_counter() - t)
    return median_ms(samples)


class FrameClock:
    """Adds up the time screens spend laying out and painting (Textual's update timer).

    A step's cost is its key handler plus the frame work it causes; waiting for the pilot
    (which idles a few ms between checks) is not part of it. ``frames`` holds when each
    update that did some work ended: the first after a key is the frame that shows it;
    ``frame_cpu`` the CPU time each took (on a loaded machine, wall time waits for a core).
    """

    def __init__(self) -> None:
        from textual.screen import Screen

        self.spent = 0.0
        self.painted: dict[str, float] = {}  # screen class name -> end of its first frame
        self.frames: list[float] = []  # ends of the updates that laid out or painted
        self.frame_cpu: list[float] = []  # the thread's CPU seconds each of those took
        self._screen_cls = Screen
        self._original = Screen._on_timer_update
        clock = self

        def timed(screen: Any) -> None:
            work = screen.is_current and (
                screen._layout_required or screen._scroll_required
                or screen._repaint_required or bool(screen._dirty_widgets)
            )
            t, cpu = time.perf_counter(), time.thread_time()
            clock._original(screen)
            end = time.perf_counter()
            clock.spent += end - t
            if work:
                clock.frames.append(end)
                clock.frame_cpu.append(time.thread_time() - cpu)
            if screen.is_current and screen._compositor.visible_widgets:
                clock.painted.setdefault(type(screen).__name__, end)

        Screen._on_timer_update = timed  # type: ignore[method-assign]

    def restart(self) -> None:
        """Forget the frames seen so far."""
        self.frames, self.frame_cpu = [], []

    def close(self) -> None:
        self._screen_cls._on_timer_update = self._original  # type: ignore[method-assign]


def _minimal_screen_class() -> type:
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static

    class MinimalScreen(Screen[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Static("hello")
            yield Footer()

    return MinimalScreen


def _MinimalScreen() -> Any:
    return _minimal_screen_class()()


async def screen_figures(store: Any, session_id: str, steps: int, length: int) -> dict[str, float]:
    """Open the replay screen headless and step near the start and near the end."""
    from debate.tui import create_app
    from debate.tui.screens.replay import ReplayScreen, open_replay_screen

    app = create_app(store=store)
    out: dict[str, float] = {}
    clock = FrameClock()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            # Baseline, same app and run: pushing a screen with a header, a text and a footer.
            t = time.perf_counter()
            app.push_screen(_MinimalScreen())
            await pilot.pause()
            out["open_minimal"] = (clock.painted["MinimalScreen"] - t) * 1000
            app.pop_screen()
            await pilot.pause()
            t = time.perf_counter()
            open_replay_screen(app, session_id, start=0, confirmed=True)  # as --instructor
            await pilot.pause()
            out["open"] = (clock.painted["ReplayScreen"] - t) * 1000
            await app.workers.wait_for_complete()
            await pilot.pause()
            out["open_with_trace"] = (time.perf_counter() - t) * 1000
            screen = app.screen
            assert isinstance(screen, ReplayScreen)

            async def stepping(start: int, label: str) -> None:
                screen.move_to(start)
                await pilot.pause()
                costs = []
                for _ in range(steps):
                    clock.spent = 0.0
                    t0 = time.perf_counter()
                    screen.action_step(1)
                    handler = time.perf_counter() - t0
                    await pilot.pause()
                    costs.append(handler + clock.spent)
                out[label] = median_ms(costs)

            for tab in ("transcript", "package", "scores", "charts"):
                screen.action_tab(tab)
                await pilot.pause()
                await stepping(20, f"start_{tab}")
                await stepping(length - steps - 20, f"end_{tab}")
    finally:
        clock.close()
    return out


def report(name: str, motion: Motion, events: list[Event], steps: int) -> None:
    n = len(events)
    end = fold(motion, events)
    print(f"\n== {name}: {n} events, {len(end.commitments)} commitments tabled by the end")
    start_pts = range(20, 20 + steps)
    end_pts = range(n - steps - 20, n - 20)
    f0, s0 = model_steps(motion, events, start_pts)
    f1, s1 = model_steps(motion, events, end_pts)
    print("model (FoldCache + scorer), median per step:")
    print(
        f"  fold one event  near start {f0:7.3f} ms   near end {f1:7.3f} ms   ratio {f1 / f0:5.2f}"
    )
    print(
        f"  score the point near start {s0:7.3f} ms   near end {s1:7.3f} ms   ratio {s1 / s0:5.2f}"
    )
    refold = refold_from_zero(motion, events, n - 20)
    print(f"  (refolding from zero at the end instead: {refold:.1f} ms)")
    with tempfile.TemporaryDirectory() as folder:
        store, sid = save(motion, events, Path(folder))
        try:
            fig = asyncio.run(screen_figures(store, sid, steps, n))
        finally:
            store.close()
    print("replay screen (headless, 120x40; a step = key handler + the frame it causes):")
    print(
        f"  open: first frame after {fig['open']:.0f} ms; charts complete after "
        f"{fig['open_with_trace']:.0f} ms (baseline, a header+text+footer screen: "
        f"{fig['open_minimal']:.0f} ms)"
    )
    for tab in ("transcript", "package", "scores", "charts"):
        a, b = fig[f"start_{tab}"], fig[f"end_{tab}"]
        print(
            f"  step, {tab + ' panel':17s} near start {a:6.2f} ms   near end {b:6.2f} ms   "
            f"ratio {b / a:4.2f}   (goal: ratio <= 3, each < 16 ms)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--steps", type=int, default=60)
    parser.add_argument("--sizes", default="", help="e.g. 2000,10000,50000 (issue 15)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/bench-replay"))
    args = parser.parse_args()
    if args.sizes:
        from replay_sizes import run

        run([int(n) for n in args.sizes.split(",")], args.cache)
        return
    makers: list[tuple[str, Callable[[int], tuple[Motion, list[Event]]]]] = [
        ("scripted", scripted_session),
        ("heavy", heavy_session),
    ]
    for name, make in makers:
        motion, events = make(args.events)
        report(name, motion, events, args.steps)


if __name__ == "__main__":
    main()
