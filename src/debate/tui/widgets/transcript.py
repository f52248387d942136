"""The session's transcript: who did what, role by role, with scripted rationales."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import RichLog

from debate.engine import Event, GameState
from debate.history.transcript import TranscriptEntry, entries, rationale_text
from debate.motions import Motion
from debate.tui.text import role_label, shown


def gist(text: str, words: int = 10) -> str:
    """The first few words of a claim, to recognise it by."""
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def render_entry(motion: Motion, entry: TranscriptEntry) -> Text:
    """One entry as Text: ``#3 [K] Kyiv speaks`` then the speech, the claims, the why."""
    out = Text.assemble((f"#{entry.seq + 1} ", "dim"), role_label(motion, entry.role))
    out.append(" ")
    out.append(entry.summary)
    if entry.text:
        out.append("\n  “")
        out.append(entry.text)  # literal: a Text append never parses markup
        out.append("”")
    for cid in entry.cites:
        claim = motion.claim_by_id.get(cid)
        out.append("\n  cites: " + (gist(claim.text) if claim else "a claim"), style="dim")
    if entry.rationale:
        out.append("\n  why: ", style="italic dim")
        out.append(rationale_text(entry.rationale), style="italic dim")
    return shown(out)


class Transcript(RichLog):
    """Append-only when the game moves on; rewritten when shown at an earlier point."""

    DEFAULT_CSS = """
    Transcript { background: $surface; }
    """

    def __init__(self, motion: Motion, **kwargs: object) -> None:
        super().__init__(wrap=True, min_width=20, markup=False, **kwargs)  # type: ignore[arg-type]
        self.motion = motion
        self.can_focus = True
        self._shown: list[int] = []  # seqs written so far

    def show(self, events: Sequence[Event], state: GameState) -> None:
        """Show ``events`` (described with ``state``, the state after the last of them)."""
        seqs = [e.seq for e in events]
        if not self._shown or seqs[: len(self._shown)] != self._shown:
            self.clear()  # also drops the "nobody has spoken" line
            self._shown = []
        if not events:
            self.write(Text("No one has spoken yet.", style="dim italic"))
            return
        new = events[len(self._shown) :]
        for entry in entries(new, state):
            self.write(render_entry(self.motion, entry))
            self._shown.append(entry.seq)
