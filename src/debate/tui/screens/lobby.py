"""The lobby: New game, Continue, Replay, Motions, Help, Quit.

Kept light on purpose (no header, footer or list widget): it is the first thing the game
shows. Each entry is a key and a clickable line.
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from debate.paths import default_db_path
from debate.text_safety import neutralise

#: (action, key, label); the labels are ours (never player text), so markup is safe here.
ENTRIES: tuple[tuple[str, str, str], ...] = (
    ("new_game", "n", "New game"),
    ("host", "h", "Host a game (join codes for every seat)"),
    ("join", "j", "Join a game (type a code)"),
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


#: The entries of the lobby served to browsers (``debate serve``): no other game is opened.
RESTRICTED_ENTRIES: tuple[tuple[str, str, str], ...] = (
    ("join", "j", "Join a game (type a code)"),
    ("new_game", "n", "Solo practice (a fresh game of your own)"),
    ("motions", "m", "Motions"),
    ("help", "f1", "Help: rules and keys"),
    ("quit", "q", "Quit"),
)


def entries(restricted: bool) -> tuple[tuple[str, str, str], ...]:
    return RESTRICTED_ENTRIES if restricted else ENTRIES


@cache  # parsed once per cursor position: the lobby is the first frame, and comes back often
def menu(cursor: int = 0, restricted: bool = False) -> Content:
    """The entries, the one under the cursor in reverse video (with a pointer, so the cursor
    shows without colour)."""
    lines = []
    for i, (action, key, label) in enumerate(entries(restricted)):
        line = f"[@click=app.{action}][b]{key:>3}[/b]  {label}[/]"
        lines.append(f"[reverse]▸{line}[/reverse]" if i == cursor else f" {line}")
    hint = "\n[dim]Press a key, or ↑/↓ and Enter (or click). ctrl+p: palette, themes.[/dim]"
    return Content.from_markup("\n".join(lines) + "\n" + hint)


@cache
def banner_and_menu(cursor: int = 0, restricted: bool = False) -> Content:
    """The banner above the menu, one block: one widget fewer to mount, style and draw in the
    lobby's first frame (issues 6 and 15)."""
    return Content("\n").join((banner(), Content(""), menu(cursor, restricted)))


def saves_location(app: Any) -> str:
    """Where this app saves games (its store's database, or the one it will open), as the
    lobby's footer names it; a server URL never shows its password."""
    store = getattr(app, "_store", None)
    if store is not None and isinstance(getattr(store, "where", None), str):
        return str(store.where)
    url = getattr(app, "db_url", None) or os.environ.get("DEBATE_DB", "").strip()
    if not url:
        return str(default_db_path())
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", url)


class LobbyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "app.new_game", "New game"),
        Binding("h", "app.host", "Host a game"),
        Binding("j", "app.join", "Join a game"),
        Binding("c", "app.continue", "Continue"),
        Binding("r", "app.replay", "Replay"),
        Binding("m", "app.motions", "Motions"),
        Binding("q", "app.quit", "Quit"),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("enter", "choose", "Choose", show=False),
    ]

    cursor = 0

    def compose(self) -> ComposeResult:
        # Styled inline rather than by CSS: app.tcss is read only when the next screen opens,
        # and parsing even a small stylesheet is most of what the first frame costs.
        self.styles.align_horizontal = "center"
        restricted = getattr(self.app, "restricted", False)
        block = Static(banner_and_menu(0, restricted), id="lobby-menu")
        block.styles.width = 76
        block.styles.max_width = "100%"
        block.styles.padding = (1, 2, 0, 2)
        yield block
        if restricted:  # a served app never names its database
            return
        footer = Static(
            Content.styled("Games are saved in " + neutralise(saves_location(self.app)), "dim"),
            id="lobby-saves",
        )
        footer.styles.dock = "bottom"
        footer.styles.padding = (0, 2)
        yield footer

    @property
    def entries(self) -> tuple[tuple[str, str, str], ...]:
        return entries(getattr(self.app, "restricted", False))

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.entries)
        restricted = getattr(self.app, "restricted", False)
        self.query_one("#lobby-menu", Static).update(banner_and_menu(self.cursor, restricted))

    async def action_choose(self) -> None:
        await self.app.run_action(f"app.{self.entries[self.cursor][0]}")
