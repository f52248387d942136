"""The scoreboard: Deterrence Index and its last move, a bar per criterion, role scores.

Selecting (highlighting) a criterion shows the reasons behind its score.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual import on
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from debate.motions import Motion
from debate.tui.text import literal, role_label, score_bar, signed

NAME_WIDTH = 18


def criterion_line(name: str, score: float) -> Text:
    short = name if len(name) <= NAME_WIDTH else name[: NAME_WIDTH - 1] + "…"
    return Text.assemble(short.ljust(NAME_WIDTH), " ", score_bar(score), f" {score:5.1f}")


def index_line(index: float, delta: float | None) -> Text:
    out = Text.assemble(("Deterrence Index ", "bold"), (f"{index:.1f}", "bold"))
    if delta is not None:
        out.append("\n")
        out.append_text(signed(delta))
        out.append(" during the last turn", style="dim")
    return out


def role_scores_renderable(motion: Motion, scores: Mapping[str, Any]) -> RenderableType:
    table = Table(box=None, expand=True, show_edge=False, pad_edge=False, header_style="bold")
    table.add_column("role")
    table.add_column("objectives", justify="right", no_wrap=True)
    table.add_column("debate", justify="right", no_wrap=True)
    for role, rs in scores.items():
        table.add_row(role_label(motion, role), f"{float(rs.objective):.0f}", f"{rs.debate}")
    return table


class Scoreboard(VerticalScroll):
    """Shows a scorecard (``score_state``'s result) and role scores."""

    DEFAULT_CSS = """
    Scoreboard { height: 1fr; }
    Scoreboard > OptionList { height: auto; max-height: 13; border: none; padding: 0; }
    Scoreboard > #score-index { height: 2; }
    Scoreboard > #score-reasons { padding: 0 0 0 1; color: $text-muted; }
    """

    def __init__(self, motion: Motion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.motion = motion
        self._criteria: list[Any] = []
        self._key: tuple[Any, ...] | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(Text("Scoring…", style="dim italic"), id="score-index")
        yield OptionList(id="score-criteria", compact=True)
        yield Static(id="score-reasons")
        yield Static(id="score-roles")

    def show_scores(self, scores: Any) -> None:
        """A game's scores (``GameScores``-like: ``card()``, ``role_scores()``,
        ``last_turn_delta()``), as the table and the facilitator's console show them."""
        self.show(scores.card(), scores.role_scores(), scores.last_turn_delta())

    def show(
        self,
        scorecard: Any,
        role_scores: Mapping[str, Any] | None = None,
        delta: float | None = None,
    ) -> None:
        key = (scorecard, tuple(role_scores.items()) if role_scores else (), delta)
        if key == self._key:
            return
        self._key = key
        self.query_one("#score-index", Static).update(
            index_line(float(scorecard.deterrence_index), delta), layout=False
        )
        options = self.query_one("#score-criteria", OptionList)
        criteria = list(scorecard.criteria)
        prompts = [criterion_line(c.name, float(c.score)) for c in criteria]
        if [c.id for c in criteria] == [c.id for c in self._criteria]:
            # Same criteria: change the lines in place (no relayout of the panel).
            for i, prompt in enumerate(prompts):
                if prompts[i].plain != options.get_option_at_index(i).prompt.plain:  # type: ignore[union-attr]
                    options.replace_option_prompt_at_index(i, prompt)
            self._criteria = criteria
        else:
            self._criteria = criteria
            options.clear_options()
            options.add_options(
                [Option(p, id=c.id) for p, c in zip(prompts, criteria, strict=True)]
            )
            if criteria:
                options.highlighted = 0
        self._show_reasons(options.highlighted)
        roles = self.query_one("#score-roles", Static)
        roles.update(role_scores_renderable(self.motion, role_scores) if role_scores else "")

    @on(OptionList.OptionHighlighted, "#score-criteria")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_reasons(event.option_index)

    def _show_reasons(self, index: int | None) -> None:
        body = self.query_one("#score-reasons", Static)
        if index is None or index >= len(self._criteria):
            body.update("")
            return
        c = self._criteria[index]
        lines: list[RenderableType] = [Text(f"{c.name}: {float(c.score):.1f}", style="bold")]
        lines += [literal(f"• {r}") for r in c.reasons] or [Text("• no contribution")]
        body.update(Group(*lines))
