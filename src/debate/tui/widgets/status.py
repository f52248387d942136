"""One line saying where the game is: the Deterrence Index and its last change first (so
it shows at any width), then phase, round, who is to play, and what just happened."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from debate.engine import GameState
from debate.tui.text import role_label

#: (index now, its change over the last turn)
IndexShown = tuple[float, float]


def index_text(index: IndexShown) -> Text:
    value, delta = index
    change = f"{delta:+.0f}" if round(delta) else "±0"
    return Text.assemble(("Index ", "bold"), (f"{value:.0f}", "bold"), f" ({change})")


def status_text(
    state: GameState,
    player: str | None = None,
    note: Text | None = None,
    index: IndexShown | None = None,
    hint: str | None = None,
    scoring: bool = False,
) -> Text:
    out = Text()
    if index is not None:
        out.append_text(index_text(index))
        out.append(" · ")
    elif scoring:
        out.append("Index …", style="bold")
        out.append(" · ")
    if state.finished:
        out.append("The game is over.", style="bold")
    else:
        phase = state.phase
        out.append_text(Text.assemble(
            (phase.name, "bold"),
            f" · round {state.round}/{phase.rounds} · ",
            role_label(state.motion, state.current_role or "", player),
        ))
        left = state.motion.actions_per_turn - state.actions_this_turn
        if state.in_vote:
            out.append(" to vote")
        else:
            out.append(f" to play ({left} action{'s' if left != 1 else ''} left)")
    if note is not None:
        out.append("\n")
        out.append_text(note)
    elif hint:
        out.append("\n")
        out.append(hint, style="italic")
    return out


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine { height: auto; max-height: 3; padding: 0 1; background: $boost; }
    """

    _shown: tuple[str, int] = ("", 0)

    def show(
        self,
        state: GameState,
        player: str | None = None,
        note: Text | None = None,
        index: IndexShown | None = None,
        hint: str | None = None,
        scoring: bool = False,
    ) -> None:
        """``scoring``: the index is not known yet (``Index …`` holds its place)."""
        text = status_text(state, player, note, index, hint, scoring)
        width = max(self.size.width - 2, 20)
        rows = sum(1 + len(line) // width for line in text.plain.split("\n"))
        if (text.plain, rows) == self._shown:
            return
        # Relayout the screen only when the line count changes (a relayout repaints it all).
        self.update(text, layout=rows != self._shown[1])
        self._shown = (text.plain, rows)
