"""End of game, part one: the vote's outcome, then the stress test card by card."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from debate.play import GameController
from debate.tui.styles import APP_TCSS
from debate.tui.text import role_label, signed


def vote_renderable(game: GameController) -> RenderableType:
    state = game.state
    lines: list[RenderableType] = [Text("The vote", style="bold")]
    for role in state.roles:
        vote = state.votes.get(role)
        word = "accepts" if vote else ("rejects" if vote is not None else "did not vote")
        lines.append(Text.assemble("  ", role_label(state.motion, role), f" {word}"))
    rule = "unanimity" if state.motion.agreement == "unanimous" else "a majority"
    if state.agreed:
        verdict = Text(f"\nThe package is agreed ({rule} needed).", style="bold green")
    else:
        verdict = Text(f"\nThe package is rejected ({rule} needed).", style="bold red")
    lines.append(verdict)
    lines.append(Text(f"Deterrence Index of the package: {game.scores.index():.1f}"))
    if not state.agreed:
        lines.append(
            Text("The stress test shows how the package on the table would have held.", style="dim")
        )
    lines.append(Text("\nEnter: the stress test, card by card", style="dim"))
    return Group(*lines)


def card_renderable(game: GameController, results: tuple[Any, ...], i: int) -> RenderableType:
    result = results[i]
    from debate.scoring.stress import default_cards

    cards = {c.id: c for c in (game.motion.cards or default_cards())}
    before = game.scores.index()
    after = float(result.deterrence_index)
    lines: list[RenderableType] = [
        Text(f"Stress test: card {i + 1} of {len(results)}", style="dim"),
        Text(result.name, style="bold"),
    ]
    if result.card in cards:
        lines.append(Text(cards[result.card].description))
    index = Text(f"\nIndex {before:.1f} → {after:.1f}  ")
    index.append_text(signed(after - before))
    lines.append(index)
    if result.defeated:
        lines.append(Text("\nDefeated:", style="bold"))
        lines += [Text.assemble("  • ", str(line)) for line in result.defeated]
    else:
        lines.append(Text("\nNothing in the package is defeated by this card.", style="green"))
    more = "next card" if i + 1 < len(results) else "the debrief"
    lines.append(Text(f"\nEnter: {more} · left: back · d: skip to the debrief", style="dim"))
    return Group(*lines)


class StressScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", "Next"),
        Binding("right", "next", "Next", show=False),
        Binding("left", "back", "Back"),
        Binding("d", "debrief", "Debrief"),
        Binding("escape", "app.lobby", "Lobby"),
    ]

    def __init__(self, game: GameController) -> None:
        super().__init__()
        self.game = game
        self.results: tuple[Any, ...] = ()
        self.page = 0  # 0: the vote; k: card k-1

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="stress"):
            yield Static(id="stress-body")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "End of the game"
        self.results = self.game.scores.stress()
        self._show()

    def _show(self) -> None:
        body = self.query_one("#stress-body", Static)
        if self.page == 0:
            body.update(vote_renderable(self.game))
        else:
            body.update(card_renderable(self.game, self.results, self.page - 1))

    def action_next(self) -> None:
        if self.page >= len(self.results):
            self.action_debrief()
            return
        self.page += 1
        self._show()

    def action_back(self) -> None:
        self.page = max(0, self.page - 1)
        self._show()

    def action_debrief(self) -> None:
        from debate.tui.screens.debrief import DebriefScreen

        self.app.switch_screen(DebriefScreen(self.game))
