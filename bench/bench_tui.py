"""Benchmark of the game's screens (issue 6), headless, in one run:

1. startup: from starting the app (``run_test``) to the lobby being mounted, against the
   same for a minimal Textual app with one Static widget. Goal: ratio <= 1.5.
2. update: in a session of 500 events, the time from an action (a speech) to the debate
   table showing it: engine, saving through the store, every panel refreshed and the
   screen repainted. Goal: <= 50 ms median.

Nothing here is a pass/fail test: it prints the figures.

    python bench/bench_tui.py [--repeat 15] [--events 500]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widgets import Static

from debate.engine import Event, Propose, Speak, apply, new_game
from debate.engine.testing import tiny_motion, tiny_motion_data
from debate.motions import Motion
from debate.play import GameController
from debate.store import Seat, open_store
from debate.tui import create_app
from debate.tui.screens.lobby import LobbyScreen
from debate.vocabulary.commitments import Funding, OwnForces, Troops

ACTIONS_PER_TURN = 10


class MinimalApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("Hello")


async def _startup(make: Any, ready: Any) -> tuple[float, float]:
    """Wall-clock and CPU seconds from creating the app to its first screen being mounted."""
    start, cpu_start = time.perf_counter(), time.process_time()
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        while not ready(app):
            await pilot.pause(0)
        elapsed = time.perf_counter() - start, time.process_time() - cpu_start
    return elapsed


def _lobby_ready(app: Any) -> bool:
    screen = app.screen
    return (
        isinstance(screen, LobbyScreen) and screen.is_mounted and bool(screen.query("#lobby-menu"))
    )


def _static_ready(app: Any) -> bool:
    return app.screen.is_mounted and bool(app.screen.query(Static))


def long_motion(events: int) -> Motion:
    """The tiny motion with long turns and enough rounds to hold ``events`` and more."""
    rounds = events // (3 * ACTIONS_PER_TURN) + 2
    phases = tiny_motion_data()["phases"]
    phases = [{**phases[0], "rounds": rounds}, phases[1]]
    return tiny_motion(id="long", actions_per_turn=ACTIONS_PER_TURN, phases=phases)


def long_events(motion: Motion, count: int) -> list[Event]:
    """A legal, varied session: speeches citing claims, and a commitment every 25 events."""
    state, events = new_game(motion), []
    for i in range(count):
        role = state.current_role
        assert role is not None
        action: Any = Speak(
            text=f"Point {i}: forces must be in place.",
            claims=("army_first",),
            criteria=("pre_positioning",),
        )
        if i % 25 == 0:
            action = {
                "kyiv": Propose(
                    commitment=OwnForces(
                        by="kyiv", size=500_000 + i, readiness="high", equipment="adequate"
                    )
                ),
                "kremlin": Propose(
                    commitment=OwnForces(
                        by="kremlin", size=600_000, readiness="medium", equipment="modern"
                    )
                ),
                "washington": Propose(
                    commitment=Troops(by="washington", size=10_000 + i, basis="statute")
                )
                if i % 50 == 0
                else Propose(
                    commitment=Funding(by="washington", usd_bn_per_year=5, years=4, basis="treaty")
                ),
            }[role]
        state, event = apply(state, role, action)
        events.append(event)
    return events


async def _update_times(
    store: Any, session_id: str, repeat: int, size: tuple[int, int]
) -> tuple[list[float], list[float], list[float]]:
    """Per action: submit + panels refreshed; until the screen has repainted, in wall-clock
    and in this process's CPU time (which other load on the machine does not inflate)."""
    app = create_app(
        store=store,
        scripted_delay=0,
        on_ready=lambda a: a.begin(GameController.resume(store, session_id)),
    )
    work: list[float] = []
    shown: list[float] = []
    cpu: list[float] = []
    async with app.run_test(size=size) as pilot:
        while getattr(app.screen, "shown_seq", -1) < 0:
            await pilot.pause(0.01)
        table = app.screen
        await pilot.pause()
        for i in range(repeat):
            start, cpu_start = time.perf_counter(), time.process_time()
            assert table.submit(Speak(text=f"Bench speech {i}", claims=("after_is_empty",)))
            work.append(time.perf_counter() - start)
            # Let every widget handle its pending messages, then repaint the screen (what
            # Pilot.pause does, without also waiting for the CPU to go idle).
            await pilot._wait_for_screen()
            app.screen._on_timer_update()
            shown.append(time.perf_counter() - start)
            cpu.append(time.process_time() - cpu_start)
            await pilot.pause()
    return work, shown, cpu


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.1f} ms"


async def main(repeat: int, events: int) -> None:
    # Warm up both (imports, first CSS parse) so neither pays the one-off costs.
    await _startup(MinimalApp, _static_ready)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        await _startup(lambda: create_app(store=store), _lobby_ready)
        minimal, lobby, minimal_cpu, lobby_cpu = [], [], [], []
        for _ in range(repeat):  # interleaved, so drift hits both alike
            wall, cpu = await _startup(MinimalApp, _static_ready)
            minimal.append(wall)
            minimal_cpu.append(cpu)
            wall, cpu = await _startup(lambda: create_app(store=store), _lobby_ready)
            lobby.append(wall)
            lobby_cpu.append(cpu)
        ratio = statistics.median(lobby) / statistics.median(minimal)
        cpu_ratio = statistics.median(lobby_cpu) / statistics.median(minimal_cpu)
        print(
            f"startup to mounted (median of {repeat}): minimal app {_ms(minimal)}, "
            f"lobby {_ms(lobby)}, ratio {ratio:.2f} (goal <= 1.5); CPU time "
            f"{_ms(minimal_cpu)} vs {_ms(lobby_cpu)}, ratio {cpu_ratio:.2f}"
        )

        motion = long_motion(events)
        evs = long_events(motion, events)
        human = new_game(motion).roles[(events // ACTIONS_PER_TURN) % 3]
        seats = [
            Seat(r, "Bench", "human") if r == human else Seat(r, "Bot", "scripted", "easy")
            for r in new_game(motion).roles
        ]
        info = store.create_session(motion, seats, seed=1, title="bench")
        for e in evs:
            store.append(info.id, e, expected_seq=e.seq)
        n = min(repeat, ACTIONS_PER_TURN - 1)  # stay within the human's turn
        for size in ((80, 24), (120, 40)):
            copy = store.fork(info.id, events)  # the same 500 events, fresh for each size
            work, shown, cpu = await _update_times(store, copy.id, n, size)
            print(
                f"table update after an action, {events}-event session, {size[0]}x{size[1]} "
                f"(median of {n}): {_ms(work)} to apply, save and refresh the panels; "
                f"{_ms(shown)} until repainted ({_ms(cpu)} CPU) (goal <= 50 ms)"
            )
        store.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--events", type=int, default=500)
    args = parser.parse_args()
    asyncio.run(main(args.repeat, args.events))
