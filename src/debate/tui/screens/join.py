"""Join a game: type the code the facilitator gave you, get your seat's table."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalGroup
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from debate.tui.styles import APP_TCSS
from debate.tui.text import literal


class JoinScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalGroup(id="join"):
            yield Static("Join a game", classes="screen-title")
            yield Label("Type the code your facilitator gave you (e.g. 7KQM-4XRT-9PZB-W2HD):")
            yield Input(placeholder="join code", id="join-code", max_length=40)
            yield Label("", id="join-error", classes="form-error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#join-code", Input).focus()

    @on(Input.Submitted, "#join-code")
    def _submitted(self, event: Input.Submitted) -> None:
        from debate.seminar import SeatClient, SeminarError
        from debate.store import StoreError

        app: Any = self.app
        error = self.query_one("#join-error", Label)
        try:
            client = SeatClient.open(app.store, event.value)
        except (SeminarError, StoreError) as e:
            error.update(literal(app.redact(e.message)))
            return
        app.join(client)
