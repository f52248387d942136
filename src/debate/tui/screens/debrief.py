"""The debrief: outcome, turning points, stress test, final package and scores; export."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

from debate.history.effects import explain
from debate.play import GameController
from debate.tui.exporting import export_markdown, markdown_exporter
from debate.tui.styles import APP_TCSS
from debate.tui.text import literal, role_label, signed
from debate.tui.widgets import PackagePanel, Scoreboard
from debate.tui.widgets.results import game_results, results_renderable


def outcome_renderable(game: GameController) -> RenderableType:
    state, scores = game.state, game.scores
    if not state.finished:
        head = Text("This game is still being played (Continue it from the lobby).", "bold")
    elif state.agreed:
        head = Text("The package was agreed.", style="bold green")
    else:
        head = Text("The package was rejected.", style="bold red")
    parts: list[RenderableType] = [head, Text(f"Final Deterrence Index: {scores.index():.1f}")]
    parts.append(Text("\nTurning points (turns that moved the index most, and why)", style="bold"))
    points = scores.turning_points()
    if not points:
        parts.append(Text("  The index never moved.", style="dim"))
    for p in points:
        mover = game.states[p.seq].current_role or game.states[p.seq].roles[0]
        span = f"event {p.seq + 1}" if p.seq + 1 >= p.end else f"events {p.seq + 1}-{p.end}"
        line = Text.assemble("  ", role_label(game.motion, mover), f"'s turn, {span}: ")
        line.append(f"{p.before:.1f} → {p.after:.1f} ")
        line.append_text(signed(p.delta))
        parts.append(line)
        for why in explain(p, game.events, game.states.__getitem__, game.states[-1]):
            parts.append(Text(f"    {why}", style="dim"))
    if state.finished:
        table = Table(title="Stress test", title_justify="left", box=None, expand=True)
        table.add_column("card")
        table.add_column("index", justify="right", no_wrap=True)
        table.add_column("defeated", justify="right", no_wrap=True)
        for r in scores.stress():
            table.add_row(literal(r.name), f"{float(r.deterrence_index):.1f}", str(len(r.defeated)))
        parts += [Text(""), table]
    return Group(*parts)


class DebriefScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", "Export Markdown"),
        Binding("1", "tab('result')", "Your result", show=False),
        Binding("2", "tab('outcome')", "Outcome", show=False),
        Binding("3", "tab('package')", "Package", show=False),
        Binding("4", "tab('scores')", "Scores", show=False),
        Binding("escape", "app.lobby", "Lobby"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, game: GameController, viewer: str | None = None) -> None:
        super().__init__()
        self.game = game
        #: Whose result opens the debrief: the seat that last held the keyboard.
        humans = game.human_roles
        self.viewer = viewer or game.last_human_actor() or (humans[0] if humans else None)

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="debrief", initial="tab-result"):
            with TabPane("1 Your result", id="tab-result"), VerticalScroll():
                yield Static(id="debrief-result")
            with TabPane("2 Outcome", id="tab-outcome"), VerticalScroll():
                yield Static(id="debrief-outcome")
            with TabPane("3 Package", id="tab-package"):
                yield PackagePanel(id="package")
            with TabPane("4 Scores", id="tab-scores"):
                yield Scoreboard(self.game.motion, id="scores")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Debrief: {self.game.motion.title}"
        game = self.game
        self.results = game_results(game)
        missed = None
        if game.coaching and self.viewer is not None:
            missed = game.missed_opportunities(self.viewer)
        self.query_one("#debrief-result", Static).update(
            results_renderable(self.results, self.viewer, missed)
        )
        self.query_one("#debrief-outcome", Static).update(outcome_renderable(game))
        self.query_one(PackagePanel).show(game.state)
        self.query_one(Scoreboard).show(game.scores.card(), game.scores.role_scores())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":  # not from a browser: the file would land on the server
            restricted = getattr(self.app, "restricted", False)
            return not restricted and markdown_exporter() is not None
        return True

    def action_tab(self, name: str) -> None:
        self.query_one(TabbedContent).active = f"tab-{name}"

    def action_export(self) -> None:
        app: Any = self.app
        try:
            path = export_markdown(app.store, self.game.session_id, Path(app.export_dir))
        except Exception as e:  # report any failure in words, never a traceback on screen
            self.notify(str(e), title="Export failed", severity="error", markup=False)
            return
        self.notify(f"Debrief written to {path}", title="Exported", markup=False)
