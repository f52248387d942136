"""The lobby: New game, Continue, Replay, Motions, Help, Quit.

Kept light on purpose (no header, footer or list widget): it is the first thing the game
shows. Each entry is a key and a clickable line.
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

#: (action, key, label); the labels are ours (never player text), so markup is safe here.
ENTRIES: tuple[tuple[str, str, str], ...] = (
    ("new_game", "n", "New game"),
    ("continue", "c", "Continue a saved game"),
    ("replay", "r", "Replay a saved session"),
    ("motions", "m", "Motions"),
    ("help", "f1", "Help: rules and keys"),
    ("quit", "q", "Quit"),
)

BANNER = (
    "[b]GUARANTEES[/b]\n"
    "A debate on security guarantees for Ukraine: Kyiv, the Kremlin, Washington, Brussels.\n"
    "[dim]Table commitments, challenge paper promises, then stress-test the package.[/dim]"
)


@cache
def banner() -> Content:
    return Content.from_markup(BANNER)


@cache  # parsed once per cursor position: the lobby is the first frame, and comes back often
def menu(cursor: int = 0) -> Content:
    """The entries, the one under the cursor in reverse video (with a pointer, so the cursor
    shows without colour)."""
    lines = []
    for i, (action, key, label) in enumerate(ENTRIES):
        line = f"[@click=app.{action}][b]{key:>3}[/b]  {label}[/]"
        lines.append(f"[reverse]▸{line}[/reverse]" if i == cursor else f" {line}")
    hint = "\n[dim]Press a key, or ↑/↓ and Enter (or click). ctrl+p: palette, themes.[/dim]"
    return Content.from_markup("\n".join(lines) + "\n" + hint)


class LobbyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_game", "New game"),
        Binding("c", "app.continue", "Continue"),
        Binding("r", "app.replay", "Replay"),
        Binding("m", "app.motions", "Motions"),
        Binding("q", "app.quit", "Quit"),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    cursor = 0

    def compose(self) -> ComposeResult:
        # Styled inline rather than by CSS: app.tcss is read only when the next screen opens,
        # and parsing even a small stylesheet is most of what the first frame costs.
        self.styles.align_horizontal = "center"
        for widget in (Static(banner(), id="lobby-banner"),
                       Static(menu(), id="lobby-menu")):
            widget.styles.width = 76
            widget.styles.max_width = "100%"
            widget.styles.padding = (1, 2, 0, 2)
            yield widget

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(ENTRIES)
        self.query_one("#lobby-menu", Static).update(menu(self.cursor))

    async def action_choose(self) -> None:
        await self.app.run_action(f"app.{ENTRIES[self.cursor][0]}")
