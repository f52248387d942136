"""Games for the store tests: legal event logs, built by playing the engine's tiny motion
through debate.engine.apply (so every stored event is one the rules accept)."""

from __future__ import annotations

from debate.engine import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Event,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
    apply,
    new_game,
)
from debate.engine.testing import tiny_motion
from debate.motions import Motion
from debate.store import Seat
from debate.vocabulary.commitments import Demilitarisation, Dmz, Funding, OwnForces, Troops

ROLES = ("kyiv", "kremlin", "washington")
SEATS = (
    Seat("kyiv", "Olena Kovalenko", "human"),
    Seat("kremlin", "Scripted Kremlin", "scripted", "hard"),
    Seat("washington", "Sam \u201cthe envoy\u201d [bold]O'Neil[/]", "human"),
)

ALL_KINDS = {
    "speak",
    "propose",
    "amend",
    "withdraw",
    "challenge",
    "concede",
    "demand",
    "accept",
    "reject",
    "vote",
    "pass",
}

# (actor, action, rationale) for a whole game of the tiny motion that uses every action.
_SCRIPT: list[tuple[str, Action, str | None]] = [
    # negotiation, round 1
    (
        "kyiv",
        Speak(
            text="Our own army is the first guarantee — and it needs allies in place.",
            claims=("army_first",),
            criteria=("local_denial",),
        ),
        None,
    ),
    (
        "kyiv",
        Demand(
            commitment=Troops(by="washington", size=60_000, basis="statute"),
            text="Station a contingent before any new attack.",
        ),
        None,
    ),
    (
        "kremlin",
        Demand(commitment=Demilitarisation(by="kyiv", force_cap=85_000), text="Cap the army."),
        "scripted: press for demilitarisation first",
    ),
    ("kremlin", Propose(commitment=Dmz(by="kremlin", width_km=20.5)), "scripted: offer a DMZ"),
    ("washington", Accept(demand_id="d1"), None),
    (
        "washington",
        Propose(commitment=Funding(by="washington", usd_bn_per_year=20, years=4, basis="treaty")),
        None,
    ),
    # negotiation, round 2
    (
        "kyiv",
        Reject(
            demand_id="d2",
            counter=OwnForces(by="kyiv", size=800_000, readiness="high", equipment="modern"),
            text="No cap; here is what we field instead.",
        ),
        None,
    ),
    (
        "kyiv",
        Challenge(
            commitment_id="c1",
            criterion="pre_positioning",
            claims=("after_is_empty",),
            text="A buffer zone is not a force in place.",
        ),
        None,
    ),
    ("kremlin", Concede(challenge_id="x1"), "scripted: concede the point"),
    ("kremlin", Pass(), "scripted: nothing more"),
    (
        "washington",
        Amend(
            commitment_id="c3",
            commitment=Funding(by="washington", usd_bn_per_year=30, years=5, basis="statute"),
        ),
        None,
    ),
    ("washington", Withdraw(commitment_id="c2"), None),
    # vote
    ("kyiv", Vote(accept=True), None),
    ("kremlin", Vote(accept=False), "scripted: reject the package"),
    ("washington", Vote(accept=True), None),
]


def motion() -> Motion:
    return tiny_motion()


def full_game() -> list[Event]:
    """A finished game of the tiny motion in which every kind of action occurs."""
    state = new_game(tiny_motion(), ROLES)
    events = []
    for actor, action, rationale in _SCRIPT:
        state, event = apply(state, actor, action, rationale)
        events.append(event)
    assert state.finished
    assert {e.action.type for e in events} == ALL_KINDS
    return events


def long_motion() -> Motion:
    """The tiny motion with room for 600 negotiation events."""
    from debate.engine.testing import tiny_motion_data

    data = tiny_motion_data(actions_per_turn=10)
    data["phases"][0]["rounds"] = 20
    return Motion.model_validate(data)


def speeches(count: int) -> list[Event]:
    """``count`` legal events of :func:`long_motion`: speeches, and a pass now and then."""
    state = new_game(long_motion(), ROLES)
    events = []
    for n in range(count):
        role = state.current_role
        assert role is not None and not state.in_vote
        action: Action = Pass() if n % 7 == 6 else Speak(text=f"point {n} from {role}")
        state, event = apply(state, role, action)
        events.append(event)
    return events
