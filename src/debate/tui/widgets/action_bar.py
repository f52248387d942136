"""Buttons for the actions the rules allow right now (and only those)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.containers import Grid
from textual.widgets import Button

#: Action type -> (key, label). The keys are the debate table's bindings.
ACTIONS: dict[str, tuple[str, str]] = {
    "speak": ("s", "Speak"),
    "propose": ("p", "Propose"),
    "amend": ("m", "Amend"),
    "withdraw": ("w", "Withdraw"),
    "challenge": ("c", "Challenge"),
    "concede": ("o", "Concede"),
    "demand": ("d", "Demand"),
    "accept": ("a", "Accept"),
    "reject": ("r", "Reject"),
    "vote": ("v", "Vote"),
    "pass": ("x", "Pass"),
}


#: Width of one button cell; the bar wraps onto a second row when the screen is narrow.
CELL = 14


class ActionBar(Grid):
    """One compact button per action type; those not legal now are hidden."""

    DEFAULT_CSS = """
    ActionBar { height: auto; width: 100%; grid-size: 5; grid-rows: 1; grid-gutter: 0 1; }
    ActionBar > Button { min-width: 0; width: 100%; }
    """

    _shown: set[str] | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        for kind, (key, label) in ACTIONS.items():
            yield Button(
                Text.assemble((key, "bold underline"), f" {label}"), id=f"act-{kind}", compact=True
            )

    def on_resize(self, event: events.Resize) -> None:
        self._balance(event.size.width)

    def _balance(self, width: int) -> None:
        """As few rows as the width allows, with the buttons spread evenly over them."""
        count = max(1, sum(1 for b in self.query(Button) if b.display))
        rows = -(-count * CELL // max(width, CELL))
        columns = max(1, -(-count // rows))
        if self.styles.grid_size_columns != columns:  # a layout change repaints the screen
            self.styles.grid_size_columns = columns

    def show(self, legal: Iterable[str]) -> None:
        allowed = set(legal)
        if allowed == self._shown:
            return
        self._shown = allowed
        for kind in ACTIONS:
            self.query_one(f"#act-{kind}", Button).display = kind in allowed
        self._balance(self.size.width or 80)
