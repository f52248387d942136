"""One line saying where the game is: phase, round, who is to play, what just happened."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from debate.engine import GameState
from debate.tui.text import role_label


def status_text(state: GameState, player: str | None = None, note: Text | None = None) -> Text:
    if state.finished:
        out = Text("The game is over.", style="bold")
    else:
        phase = state.phase
        out = Text.assemble(
            (phase.name, "bold"),
            f" · round {state.round}/{phase.rounds} · ",
            role_label(state.motion, state.current_role or "", player),
        )
        left = state.motion.actions_per_turn - state.actions_this_turn
        out.append(f" to play ({left} action{'s' if left != 1 else ''} left)")
    if note is not None:
        out.append("\n")
        out.append_text(note)
    return out


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: auto; max-height: 3; padding: 0 1; background: $boost; }
    """

    _shown: tuple[str, int] = ("", 0)

    def show(self, state: GameState, player: str | None = None, note: Text | None = None) -> None:
        text = status_text(state, player, note)
        width = max(self.size.width - 2, 20)
        rows = sum(1 + len(line) // width for line in text.plain.split("\n"))
        if (text.plain, rows) == self._shown:
            return
        # Relayout the screen only when the line count changes (a relayout repaints it all).
        self.update(text, layout=rows != self._shown[1])
        self._shown = (text.plain, rows)
