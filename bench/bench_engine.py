"""Benchmark: folding 10,000 events versus only parsing them from JSON (issue 2).

Goal: folding costs at most 2x the parse alone. Both are measured in this run, on the same
events, and the ratio is printed; nothing here is a pass/fail test.

    python bench/bench_engine.py [--events 10000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from debate.engine import (
    Challenge,
    Demand,
    Event,
    Pass,
    Propose,
    Reject,
    Speak,
    apply,
    events_from_json,
    events_to_json,
    fold,
    new_game,
)
from debate.engine.testing import tiny_motion
from debate.motions import Motion
from debate.vocabulary.commitments import Demilitarisation, Funding, OwnForces, Troops

NEGOTIATE = ["speak", "propose", "amend", "withdraw", "challenge", "concede", "demand",
             "accept", "reject", "pass"]


def long_motion(events: int) -> Motion:
    """The tiny motion stretched (more phases, more actions per turn) to hold ``events``."""
    per_phase = 20 * 3 * 2  # passes end turns early: plan for about two actions a turn
    phases = [{"id": f"n{i}", "name": f"Negotiation {i}", "rounds": 20, "actions": NEGOTIATE}
              for i in range(events // per_phase + 1)]
    phases.append({"id": "vote", "name": "Vote", "rounds": 1, "actions": ["vote"]})
    return tiny_motion(phases=phases, actions_per_turn=10) if events else tiny_motion()


def realistic_events(motion: Motion, count: int) -> list[Event]:
    """A legal stream mixing speeches, proposals, demands, challenges and rebuttals."""
    state = new_game(motion)
    events: list[Event] = []
    step = 0
    while len(events) < count:
        role = state.current_role or ""
        options: list[Any] = [Speak(text=f"Argument {step} by {role}", claims=("army_first",),
                                    criteria=("pre_positioning", "obligation"))]
        if role == "washington":
            options.append(Propose(commitment=Troops(by=role, size=10_000 + step, basis="statute")))
            options.append(Propose(commitment=Funding(by=role, usd_bn_per_year=5, years=4,
                                                      basis="treaty")))
        if role == "kyiv":
            options.append(Propose(commitment=OwnForces(by=role, size=600_000, readiness="high",
                                                        equipment="modern")))
            pending = state.pending_demands(to=role)
            if pending:
                options = [Reject(demand_id=pending[0].id)]
        if role == "kremlin":
            options.append(Demand(commitment=Demilitarisation(by="kyiv", force_cap=80_000)))
            theirs = [c for c in state.active_commitments() if c.owner == "washington"]
            challenged = {ch.commitment_id for ch in state.open_challenges()}
            theirs = [c for c in theirs if c.id not in challenged]
            if theirs:
                options.append(Challenge(commitment_id=theirs[-1].id,
                                         criterion="nuclear_resilience"))
        action = options[step % len(options)] if step % 7 else Pass()
        state, event = apply(state, role, action)
        events.append(event)
        step += 1
    return events


def median_time(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    motion = long_motion(args.events)
    events = realistic_events(motion, args.events)
    payload = events_to_json(events)
    parsed = events_from_json(payload)
    assert parsed == events

    parse = median_time(lambda: events_from_json(payload), args.repeat)
    folding = median_time(lambda: fold(motion, parsed), args.repeat)
    both = median_time(lambda: fold(motion, events_from_json(payload)), args.repeat)
    print(f"events:          {len(events):,} ({len(payload) / 1e6:.1f} MB of JSON)")
    print(f"parse only:      {parse * 1e3:8.1f} ms  (baseline)")
    print(f"fold only:       {folding * 1e3:8.1f} ms")
    print(f"parse + fold:    {both * 1e3:8.1f} ms")
    print(f"fold / parse:    {folding / parse:8.2f}x  (goal <= 2.0)")


if __name__ == "__main__":
    main()
