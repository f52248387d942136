"""The session's transcript: who did what, role by role, with scripted rationales."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

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


class TextLog(ScrollView, can_focus=True):
    """Rich Text entries one under another, wrapped to the panel's width, newest last.

    Textual's RichLog does this and more (any renderable, pretty-printed objects, markup,
    highlighting); its module imports Rich's pretty-printer (which imports ``attrs`` where it
    is installed), about 50 ms of the debate table's start here (issue 15). This log takes
    Text only, and wraps its entries again when its width changes (RichLog keeps the width
    they were first written at).
    """

    DEFAULT_CSS = """
    TextLog {
        background: $surface;
        color: $foreground;
        overflow-y: scroll;
        &:focus { background-tint: $foreground 5%; }
    }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.entries: list[Text] = []
        #: The entries' lines at :attr:`width_drawn` (none until the width is known).
        self.lines: list[Strip] = []
        self.width_drawn = 0
        self._view_height = 0  # lines in view at the last update (0: never drawn yet)

    def write(self, *texts: Text) -> None:
        """Add ``texts`` at the end and scroll to the last (one update for all of them)."""
        if not texts:
            return  # nothing new: a reader scrolled back stays where they are
        for text in texts:
            text.expand_tabs()
        self.entries += texts
        if self.width_drawn:
            self.lines += [line for text in texts for line in self._wrap(text, self.width_drawn)]
            self._resized()

    def clear(self) -> None:
        self.entries.clear()
        self.lines = []
        self._resized()

    def _wrap(self, text: Text, width: int) -> list[Strip]:
        console = self.app.console
        lines = console.render_lines(text, console.options.update_width(width), pad=False)
        return [Strip(line) for line in lines]

    def _resized(self, follow: bool = True) -> None:
        """The lines changed: new scroll range, and (``follow``) the newest line in view."""
        self._view_height = self.scrollable_content_region.height
        size = Size(self.width_drawn, len(self.lines))
        old = self.virtual_size
        if size != old:
            grows = size.width == old.width and size.height >= old.height
            if grows and self.show_vertical_scrollbar:
                # Lines were added below a scrollbar already shown: the panel keeps its size
                # and its scrollbar, so the screen need not be laid out again (which setting
                # virtual_size asks for: a third of the table's update after an action).
                self.set_reactive(ScrollView.virtual_size, size)
                self._scroll_update(size)
            else:
                self.virtual_size = size
        if follow:
            self.scroll_end(animate=False, immediate=False, x_axis=False)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        # A reader at the end stays at the end, though a new height (the status line above
        # took a second row, say) moves it; one scrolled back to an earlier entry stays there.
        following = not self._view_height or self.scroll_y >= len(self.lines) - self._view_height
        width = self.scrollable_content_region.width
        if width > 0 and width != self.width_drawn:
            self.width_drawn = width
            self.lines = [line for text in self.entries for line in self._wrap(text, width)]
        self._resized(follow=following)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        k = scroll_y + y
        if not 0 <= k < len(self.lines):
            return Strip.blank(width, self.rich_style)
        style = self.rich_style
        return self.lines[k].crop_extend(scroll_x, scroll_x + width, style).apply_style(style)


class Transcript(TextLog):
    """Append-only when the game moves on; rewritten when shown at an earlier point."""

    DEFAULT_CSS = """
    Transcript { background: $surface; }
    """

    def __init__(self, motion: Motion, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.motion = motion
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
        new = entries(events[len(self._shown) :], state)
        self.write(*(render_entry(self.motion, entry) for entry in new))
        self._shown += (entry.seq for entry in new)
