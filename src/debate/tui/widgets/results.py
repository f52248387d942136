"""The debrief's first page: your own result, then the whole table's.

Built from :mod:`debate.report.results`, the same records the exports use. Player names
are shown literally (Text, never markup).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from debate.play import GameController
from debate.report.results import RoleResult, role_results
from debate.scoring.game import GameScores

#: Verdicts told apart by a word in brackets, not only by colour.
MARKS = {"met": ("[met]    ", "green"), "partly met": ("[partly] ", "yellow"),
         "missed": ("[missed] ", "red")}


def game_results(game: GameController) -> dict[str, RoleResult]:
    """Every seated role's result in a live (or just finished) game."""
    # A turn is one role's: its moves' effects add up to the index change over the turn, so
    # only the points where turns begin are scored (not every event).
    marks = game.scores.turn_starts()
    contributions: dict[str, float] = {}
    for a, b in pairwise(marks):
        if a < len(game.events):
            actor = game.events[a].actor
            change = game.scores.index(b) - game.scores.index(a)
            contributions[actor] = contributions.get(actor, 0.0) + change
    players = {r: (game.seat(r).player, game.is_human(r)) for r in game.state.roles}
    scores = GameScores(game.scores.card(), game.scores.role_scores())
    return role_results(game.state, scores, players, contributions)


def result_lines(r: RoleResult, you: bool = False) -> list[Text]:
    lines = [Text(r.headline(you=you), style="bold"), Text(r.outcome_text())]
    for o in r.objectives:
        mark, colour = MARKS[o.verdict]
        lines.append(Text.assemble("  ", (mark, f"bold {colour}"), o.text, (f" ({o.why})", "dim")))
    for line in r.red_lines:
        lines.append(Text.assemble("  ", ("[red line crossed] ", "bold red"), line))
    return lines


def missed_lines(missed: list[Any]) -> list[Text]:
    """The coach's missed opportunities, one per turn (solo practice with coaching on)."""
    from debate.history.transcript import rationale_text

    out = [Text("\nMissed opportunities (the coach's better moves)", style="bold")]
    if not missed:
        out.append(Text("  None: each of your turns was as good as the coach's move."))
    for a in missed:
        out.append(Text.assemble(
            ("  After event " + str(a.seq) + ": ", "bold"),
            f"{a.move} (+{a.gain:g}): ",
            (rationale_text(a.why), "dim"),
        ))
    return out


def results_renderable(
    results: dict[str, RoleResult], you: str | None, missed: list[Any] | None = None
) -> RenderableType:
    parts: list[RenderableType] = []
    if you is not None and you in results:
        parts += result_lines(results[you], you=True)
        if missed is not None:
            parts += missed_lines(missed)
        parts.append(Text("\nThe whole table", style="bold underline"))
    for role, r in results.items():
        if role == you:
            continue
        parts.append(Text(""))
        parts += result_lines(r)
    return Group(*parts)
