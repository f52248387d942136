"""The codes of a game just hosted from the lobby: shown once, copyable."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from debate.motions import Motion
from debate.seminar import HostedCodes
from debate.tui.styles import APP_TCSS
from debate.tui.text import role_label


def codes_text(motion: Motion, codes: HostedCodes) -> Text:
    out = Text.assemble(("Hosted game ", "bold"), codes.session, "\n", motion.title, "\n\n")
    for role, code in codes.seats.items():
        out.append_text(role_label(motion, role))
        out.append(f"   {code}\n", "bold")
    out.append("Facilitator", "bold italic")
    out.append(f"   {codes.facilitator}\n\n", "bold")
    out.append(
        "Students: debate join CODE (or Join a game in the lobby). You: debate facilitate CODE "
        "with the facilitator's code. The codes are shown only now.",
        "dim",
    )
    return out


def codes_plain(codes: HostedCodes) -> str:
    lines = [f"{role}: {code}" for role, code in codes.seats.items()]
    return "\n".join([f"session {codes.session}", *lines, f"facilitator: {codes.facilitator}"])


class HostedScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.lobby", "Lobby"),
        Binding("c", "copy", "Copy the codes"),
        Binding("f", "facilitate", "Open the console"),
    ]

    def __init__(self, motion: Motion, codes: HostedCodes) -> None:
        super().__init__()
        self.motion = motion
        self.codes = codes

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="hosted"):
            yield Static(codes_text(self.motion, self.codes), id="hosted-codes")
            yield Button("Copy the codes (c)", id="copy-codes", compact=True)
            yield Button("Open the facilitator's console (f)", id="open-console", compact=True)
        yield Footer()

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(codes_plain(self.codes))
        self.notify("The codes are on the clipboard.", markup=False)

    def action_facilitate(self) -> None:
        from debate.seminar import SeatClient
        from debate.store import StoreError

        app = self.app
        try:
            client = SeatClient(app.store, self.codes.session, None)  # type: ignore[attr-defined]
        except StoreError as e:
            self.notify(e.message, severity="error", markup=False)
            return
        app.join(client)  # type: ignore[attr-defined]

    @on(Button.Pressed, "#copy-codes")
    def _copy(self) -> None:
        self.action_copy()

    @on(Button.Pressed, "#open-console")
    def _console(self) -> None:
        self.action_facilitate()
