"""Helpers of the game's tests: fixed games (no randomness) and waiting for the UI."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from debate.engine import (
    Action,
    Challenge,
    Demand,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
)
from debate.motions import Motion
from debate.play import GameController
from debate.store import Seat
from debate.vocabulary.commitments import Arms, Demilitarisation, Funding, OwnForces, Peacekeepers

HUMAN_NAME = "Ana"
#: The motions shipped with the game.
ROOT_MOTIONS = Path(__file__).resolve().parents[2] / "motions"


def solo_seats(motion: Motion, human: str = "kyiv", name: str = HUMAN_NAME) -> list[Seat]:
    """``human`` played by ``name``; every other non-optional role scripted (normal)."""
    return [
        Seat(r.id, name, "human")
        if r.id == human
        else Seat(r.id, f"{r.name} (normal)", "scripted", "normal")
        for r in motion.roles
        if not r.optional
    ]


#: The opening round of the main motion, played the same way every time.
OPENING: list[tuple[str, Action, str | None]] = [
    (
        "kyiv",
        Speak(
            text="Our own army is the first guarantee.",
            claims=("army_first",),
            criteria=("pre_positioning",),
        ),
        None,
    ),
    (
        "kyiv",
        Propose(
            commitment=OwnForces(by="kyiv", size=800_000, readiness="high", equipment="adequate")
        ),
        None,
    ),
    (
        "kremlin",
        Propose(
            commitment=OwnForces(
                by="kremlin", size=600_000, readiness="medium", equipment="adequate"
            )
        ),
        "keeps its army in view",
    ),
    (
        "kremlin",
        Demand(commitment=Demilitarisation(by="kyiv", force_cap=85_000)),
        "demands demilitarisation (demilitarisation_push)",
    ),
    (
        "washington",
        Propose(commitment=Arms(by="washington", level="sustained", years=4, basis="executive")),
        "opens with arms by decree",
    ),
    (
        "washington",
        Propose(
            commitment=Funding(by="washington", usd_bn_per_year=20, years=4, basis="executive")
        ),
        "adds money",
    ),
    (
        "brussels",
        Propose(
            commitment=Peacekeepers(
                by="brussels",
                size=10_000,
                mandate="self_defence",
                basis="treaty",
                withdrawal="guarantor",
            )
        ),
        "offers peacekeepers",
    ),
    ("brussels", Pass(), "waits for Washington"),
]

#: Kyiv's first negotiation turn: challenge Washington's arms, reject the demand.
KYIV_ANSWERS: list[tuple[str, Action, str | None]] = [
    (
        "kyiv",
        Challenge(
            commitment_id="c3", criterion="pre_positioning", claims=("after_attack_worthless",)
        ),
        None,
    ),
    ("kyiv", Reject(demand_id="d1", text="No cap on our army."), None),
]


def play(game: GameController, script: list[tuple[str, Action, str | None]]) -> None:
    for actor, action, why in script:
        game.submit(action, actor=actor, rationale=why)


def pass_to_the_end(game: GameController, accept: bool = True) -> None:
    """Every seat passes until the vote, then votes ``accept``."""
    while not game.finished:
        action: Action = Vote(accept=accept) if game.state.in_vote else Pass()
        game.submit(action, rationale=None if game.is_human(game.current_role) else "passes")


async def wait_for(pilot: Any, condition: Callable[[], object], timeout: float = 30) -> None:
    """Let the app run until ``condition()`` holds (scripted seats play in workers)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out; screen is {type(pilot.app.screen).__name__}")
        await pilot.pause(0.02)


def table_complete(screen: Any, seq: int = 0) -> bool:
    """Whether ``screen`` is a debate table showing event ``seq`` and its scores (which are
    drawn just after the table's first frame)."""
    return getattr(screen, "shown_seq", -1) == seq and getattr(screen, "scores_shown", False)


async def wait_for_table(pilot: Any) -> Any:
    """Wait until the debate table is shown and its panels are filled (the scores, which
    follow the first frame, too); return it."""
    await wait_for(
        pilot,
        lambda: getattr(pilot.app.screen, "shown_seq", -1) >= 0
        and getattr(pilot.app.screen, "scores_shown", False),
    )
    await pilot.pause()
    return pilot.app.screen


def strip_text(widget: Any) -> str:
    """The plain text a log widget (the transcript) holds (its rendered lines)."""
    return "\n".join("".join(seg.text for seg in line) for line in widget.lines)


def plain(renderable: Any, width: int = 100) -> str:
    """What a Rich renderable (a Static's content) reads as, without styles."""
    import io

    from rich.console import Console

    console = Console(width=width, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def run_palette_command(pilot: Any, title: str) -> None:
    """Open the command palette, type ``title`` and run the hit it shows first."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await wait_for(pilot, lambda: pilot.app.screen.query(CommandList))
    await pilot.press(*title)

    def first_hit() -> str:
        hits = pilot.app.screen.query_one(CommandList)
        if hits.option_count == 0 or hits.highlighted is None:
            return ""
        return str(hits.get_option_at_index(hits.highlighted).prompt)

    await wait_for(pilot, lambda: title in first_hit())
    await pilot.press("enter")
