"""The package on the table: commitments with owner, terms and status; open business."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from debate.engine import GameState
from debate.history.transcript import criterion_name
from debate.tui.text import role_style, shown
from debate.vocabulary.commitments import describe

STATUS_STYLES = {
    "active": "green",
    "amended": "cyan",
    "withdrawn": "dim strike",
    "discounted": "yellow",
}


def _symbol(state: GameState, role: str) -> Text:
    spec = state.motion.role_by_id.get(role)
    return Text(spec.symbol if spec else "?", style=role_style(state.motion, role))


def _package_key(state: GameState) -> tuple[object, ...]:
    """What the panel shows; equal keys mean nothing to redraw (most speeches)."""
    return (
        tuple(state.commitments.values()),
        tuple(state.open_challenges()),
        tuple(state.pending_demands()),
    )


def package_renderable(state: GameState, show_withdrawn: bool = True) -> RenderableType:
    """The package as Rich text: one entry per commitment (player notes appended literally).

    Plain Text lines rather than a Table: a long package redraws in a fraction of the time.
    """
    rows = [c for c in state.commitments.values() if show_withdrawn or c.active]
    out = Text()
    if not rows:
        out.append("Nothing is on the table yet.", style="dim italic")
    for c in rows:
        out.append(f"{c.id} ", style="bold")
        out.append_text(_symbol(state, c.owner))
        out.append(" ")
        status = c.status + ("!" if c.discounted else "")
        out.append(f"[{status}] ", style=STATUS_STYLES[c.status])
        out.append(describe(c.terms))
        if c.from_demand:
            out.append(f" (from {c.from_demand})", style="dim")
        if c.terms.note:
            out.append("\n   ")
            out.append(c.terms.note, style="dim italic")
        out.append("\n")
    challenges = state.open_challenges()
    if challenges:
        out.append("\nOpen challenges\n", style="bold")
        for ch in challenges:
            out.append(f"{ch.id} ")
            out.append_text(_symbol(state, ch.challenger))
            out.append(" → ")
            out.append_text(_symbol(state, ch.target))
            out.append(f" {ch.commitment_id} on {criterion_name(ch.criterion)}\n")
    demands = state.pending_demands()
    if demands:
        out.append("\nPending demands\n", style="bold")
        for d in demands:
            out.append(f"{d.id} ")
            out.append_text(_symbol(state, d.by))
            out.append(" → ")
            out.append_text(_symbol(state, d.target))
            out.append(f" {describe(d.terms)}\n")
    if any(c.discounted for c in rows):
        out.append("\n! discounted by a challenge left unanswered", style="dim")
    out.rstrip()
    return shown(out)


class PackagePanel(VerticalScroll):
    """Scrollable view of :func:`package_renderable`."""

    DEFAULT_CSS = """
    PackagePanel { height: 1fr; }
    PackagePanel > Static { width: 100%; }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="package-body")

    _key: tuple[object, ...] | None = None

    def show(self, state: GameState) -> None:
        key = _package_key(state)
        if key != self._key:
            self._key = key
            self.query_one("#package-body", Static).update(package_renderable(state))
