"""`debate score FILE [--json] [--stress] [--motion MOTION]`: rate a package file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from debate.commands.common import (
    JsonOption,
    bad_input_exits,
    done,
    err,
    out,
    print_json,
    safe,
)

if TYPE_CHECKING:
    from debate.scoring import Scorecard, StressResult

FileArgument = Annotated[
    Path,
    typer.Argument(
        help="Package file (TOML or JSON; format in docs/packages.md).", show_default=False
    ),
]
StressOption = Annotated[
    bool, typer.Option("--stress", help="Also apply every stress-test card, one row per card.")
]
MotionOption = Annotated[
    str | None,
    typer.Option(
        "--motion",
        help="Use this motion's criterion weights and stress cards (id or path).",
        show_default=False,
    ),
]


def score_command(
    file: FileArgument,
    as_json: JsonOption = False,
    stress: StressOption = False,
    motion: MotionOption = None,
) -> None:
    """Score a package file: each criterion with its reasons, and the Deterrence Index.

    With --stress, also the index under each scenario card. Bad input exits 2.
    """
    from debate.scoring import Package, score, stress_test
    from debate.validation import load_file

    with bad_input_exits():
        package = load_file(file, Package)
        weights, motion_cards = None, ()
        if motion is not None:
            from debate.motions import resolve_motion

            m = resolve_motion(motion, [])
            weights, motion_cards = m.criterion_weights, m.cards
    scorecard = score(package, weights=weights)
    results: tuple[StressResult, ...] = ()
    if stress:  # the default deck is read (and its cards checked) only when it is played
        from debate.scoring import default_cards

        results = stress_test(package, motion_cards or default_cards(), weights=weights)
    if as_json:
        print_json(scorecard.to_dict(results))
    else:
        _print_scorecard(scorecard)
        if stress:
            _print_stress(scorecard, results)
    done()


def _print_scorecard(scorecard: Scorecard) -> None:
    table = Table(title=safe(scorecard.title), title_justify="left", show_lines=True)
    table.add_column("criterion", style="bold", overflow="fold")
    table.add_column("score", justify="right")
    table.add_column("reasons (points each commitment gave or took)", overflow="fold")
    for c in scorecard.criteria:
        reasons = "\n".join(_reason_markup(r) for r in c.reasons)
        table.add_row(safe(c.name), f"{c.score:.1f}", reasons)
    out.print(table)
    out.print(f"[bold]Deterrence Index: {scorecard.deterrence_index:.1f}[/] / 100")
    for line in scorecard.index_reasons:
        out.print(f"  {safe(line)}", style="dim")


def _reason_markup(reason: str) -> str:
    """Colour a reason by its sign; the text itself is escaped (it may hold player input)."""
    text = safe(reason)
    if reason.startswith("-"):
        return f"[red]{text}[/]"
    if reason.startswith("+0.0"):
        return f"[dim]{text}[/]"
    return text


def _print_stress(scorecard: Scorecard, results: tuple[StressResult, ...]) -> None:
    table = Table(title="Stress test", title_justify="left", show_lines=True)
    table.add_column("card", style="bold", overflow="fold")
    table.add_column("index", justify="right")
    table.add_column("change", justify="right")
    table.add_column("commitments defeated", overflow="fold")
    for r in results:
        change = r.deterrence_index - scorecard.deterrence_index
        defeated = (
            "\n".join(safe(d) for d in r.defeated) or "[dim]nothing: every commitment held[/]"
        )
        table.add_row(safe(r.name), f"{r.deterrence_index:.1f}", f"{change:+.1f}", defeated)
    out.print(table)
    if not results:
        err.print("no stress cards to apply")


def register(app: typer.Typer) -> None:
    app.command("score")(score_command)
