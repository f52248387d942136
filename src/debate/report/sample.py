"""A short hand-written session on a variant of the tiny test motion, using every action kind.

Tests, benchmarks and doctests of the report and replay code use it; one speech holds Rich
markup and an HTML tag so that every renderer can be checked to show them literally.

>>> events = sample_events()
>>> len(events), sorted({e.action.type for e in events})[:3]
(20, ['accept', 'amend', 'challenge'])
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from debate.engine import (
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Event,
    GameState,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
    apply,
    new_game,
)
from debate.engine.testing import tiny_motion_data
from debate.motions import Motion
from debate.vocabulary.commitments import parse_commitment

#: A speech that must come out literally in every format.
MARKUP_SPEECH = "[bold red]x[/] <script>alert('boom')</script> & *not emphasis*"


def _c(**data: Any) -> Any:
    return parse_commitment(data)


def _script() -> Iterator[tuple[str, Action, str | None]]:
    yield "kyiv", Speak(text=MARKUP_SPEECH, claims=("army_first",)), None
    yield (
        "kyiv",
        Propose(
            commitment=_c(
                by="kyiv", kind="own_forces", size=800_000, readiness="high", equipment="adequate"
            )
        ),
        None,
    )
    yield (
        "kremlin",
        Demand(commitment=_c(by="kyiv", kind="demilitarisation", force_cap=85_000)),
        "demands a smaller army",
    )
    yield "kremlin", Pass(), "nothing more to add this turn"
    yield (
        "washington",
        Propose(
            commitment=_c(
                by="washington", kind="funding", usd_bn_per_year=20, years=4, basis="executive"
            )
        ),
        "opens with money",
    )
    yield (
        "washington",
        Propose(
            commitment=_c(
                by="washington", kind="troops", size=60_000, timing="on_attack", basis="executive"
            )
        ),
        "troops only after",
    )
    yield (
        "kyiv",
        Challenge(
            commitment_id="c3",
            criterion="pre_positioning",
            claims=("after_is_empty",),
            text="Help after the attack is late.",
        ),
        None,
    )
    yield "kyiv", Reject(demand_id="d1", text="No caps on our army."), None
    yield "kremlin", Challenge(commitment_id="c2", criterion="nuclear_resilience"), "tests resolve"
    yield "kremlin", Pass(), None
    yield (
        "washington",
        Amend(
            commitment_id="c3",
            commitment=_c(
                by="washington", kind="troops", size=60_000, timing="standing", basis="statute"
            ),
        ),
        "answers",
    )
    yield "washington", Concede(challenge_id="x2"), "concedes the point on money"
    yield (
        "kyiv",
        Demand(
            commitment=_c(
                by="washington", kind="defence_pact", obligation="fight", basis="ratified_treaty"
            )
        ),
        None,
    )
    yield "kyiv", Pass(), None
    yield "kremlin", Pass(), None
    yield "washington", Accept(demand_id="d2"), "accepts a treaty"
    yield "washington", Withdraw(commitment_id="c2"), "the money was conceded anyway"
    yield "kyiv", Vote(accept=True), None
    yield "kremlin", Vote(accept=False), "the package deters too much"
    yield "washington", Vote(accept=True), None


def sample_motion() -> Motion:
    """The tiny test motion with three negotiation rounds instead of two."""
    data = tiny_motion_data()
    data["phases"][0]["rounds"] = 3
    return Motion.model_validate(data)


def sample_events(motion: Motion | None = None) -> list[Event]:
    """The sample session's events (on :func:`sample_motion`)."""
    state: GameState = new_game(motion or sample_motion())
    events = []
    for actor, action, why in _script():
        state, event = apply(state, actor, action, why)
        events.append(event)
    return events


#: Seats of the sample session: a human with markup in the name, two scripted roles (the
#: events of scripted roles carry their rationales).
SAMPLE_SEATS: tuple[tuple[str, str, str, str | None], ...] = (
    ("kyiv", "Olena [red]O[/] <b>K</b>", "human", None),
    ("kremlin", "Kremlin (hard)", "scripted", "hard"),
    ("washington", "Washington (normal)", "scripted", "normal"),
)


def save_sample(store: Any, title: str = "Sample seminar", events: int | None = None) -> str:
    """Save the sample session (its first ``events`` events) through ``store``; its id."""
    from debate.store import Seat

    motion = sample_motion()
    seats = [Seat(role, player, kind, level) for role, player, kind, level in SAMPLE_SEATS]  # type: ignore[arg-type]
    info = store.create_session(motion, seats, seed=7, title=title)
    for event in sample_events(motion)[:events]:
        store.append(info.id, event, expected_seq=event.seq)
    return str(info.id)
