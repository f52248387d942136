"""The hand-over screen: hides everything private until the next player presses a key."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static

from debate.motions import Motion
from debate.tui.styles import APP_TCSS
from debate.tui.text import role_label, safe


class HandOverScreen(Screen[None]):
    """A full screen (nothing of the table shows through) naming who plays next."""

    CSS_PATH = APP_TCSS

    def __init__(
        self, motion: Motion, role: str, player: str, news: list[str] | None = None
    ) -> None:
        super().__init__()
        self.motion, self.role, self.player = motion, role, player
        #: Public news: the last turn's effect on the index, then what happened since the
        #: next player's own last turn.
        self.news = news or []

    def compose(self) -> ComposeResult:
        text = Text.assemble(
            ("Hand the keyboard over\n\n", "bold"),
            "Next to play: ",
            role_label(self.motion, self.role),
            "\nplayed by ",
            (safe(self.player), "bold"),
            "\n\nPrivate briefs are hidden.\nPress any key when ",
            safe(self.player),
            " is ready.",
        )
        if self.news:
            text.append("\n\nSince your last turn\n", style="bold")
            text.append("\n".join(f"• {line}" for line in self.news))
        with Middle(), Center():
            yield Static(text, id="handover")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.dismiss(None)
