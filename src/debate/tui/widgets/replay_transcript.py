"""The replay's transcript: the events up to the replay's point, the latest one always shown.

Entries are written by the debate table's own :func:`~debate.tui.widgets.transcript.
render_entry` (same wording, role labels and literal player text), rendered once per event
and width, and cached. The panel fills a page from the top; when the next entry does not
fit, a new page starts with a little context above it. So a step forward draws just the new
entry's lines and a step back blanks just the old one's: the cost of a step does not depend
on where it is in the session, and the widget, of fixed size, never forces the screen to lay
itself out again. The mouse wheel, or up/down when the panel has focus, scroll back through
the latest :data:`WINDOW` events.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from debate.engine import Event, GameState
from debate.history.transcript import entry_for
from debate.motions import Motion
from debate.tui.widgets.transcript import render_entry

#: Events kept in view below the cursor's point (older ones: step back, or the timeline).
WINDOW = 60
_CACHE_LIMIT = 4000


class ReplayTranscript(Widget, can_focus=True):
    """Events ``[point - WINDOW, point)`` of a session, bottom-aligned."""

    DEFAULT_CSS = """
    ReplayTranscript { height: 1fr; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_lines(1)", "Older", show=False),
        Binding("down", "scroll_lines(-1)", "Newer", show=False),
        Binding("ctrl+up", "scroll_lines(10)", "Older", show=False),
        Binding("ctrl+down", "scroll_lines(-10)", "Newer", show=False),
    ]

    def __init__(self, motion: Motion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.motion = motion
        self.events: Sequence[Event] = ()
        self.end: GameState | None = None  # ids in summaries are stable: describe with the end
        self.point = 0
        self.page_start = 0  # first event on the current page
        self.back = 0  # lines scrolled back from the page (0: the page itself)
        # Least recently used entries are dropped first once the cache is full.
        self._entries: OrderedDict[tuple[int, int], list[Strip]] = OrderedDict()
        self._lines: list[Strip] | None = None

    def load(self, events: Sequence[Event], end: GameState) -> None:
        self.events, self.end = events, end
        self._entries.clear()
        self._lines = None
        self.refresh()

    def show(self, point: int) -> None:
        """Show the events that lead to ``point``; redraw only the lines that change."""
        if point == self.point and not self.back:
            return
        old = self._lines
        old_point = self.point
        old_start, self.point, self.back = self.page_start, point, 0
        height, width = self.size.height, self.size.width
        if height <= 0 or width <= 0 or old is None:
            self._repage(point, height, width, fill=True)
            self._lines = None
            self.refresh()
            return
        if point < self.page_start + (1 if point else 0) or not self._fits(
            self.page_start, point, width, height
        ):
            # Off this page: back in time, or a jump, fill a page that ends at the point (as
            # opening the replay there would); one step forward starts a page with a third
            # of context above the new entry.
            self._repage(point, height, width, fill=point < old_start + 1 or point > old_point + 1)
            self._lines = None
            self.refresh()
            return
        self._lines = None
        new = self.lines()
        first = min(len(old), len(new))
        changed = next(
            (i for i in range(first) if old[i] is not new[i]), first
        )  # identical leading strips need no repaint
        last = max(len(old), len(new))
        if last > changed:
            self.refresh(Region(0, changed, width, last - changed))

    def _fits(self, start: int, point: int, width: int, height: int) -> bool:
        """Whether the page from ``start`` to ``point`` fits in ``height`` lines. Stops at the
        first entry that overflows, so a far jump renders a page's worth, not the events
        between (a jump to the end of a 50,000-event session costs one page)."""
        if point - start > height:  # every entry takes at least one line
            return False
        used = 1 if start > 0 else 0
        if point == 0:
            used += 1
        for seq in range(start, point):
            used += len(self._entry_strips(seq, width))
            if used > height:
                return False
        return True

    def _repage(self, point: int, height: int, width: int, fill: bool) -> None:
        """Choose the first event of the page that shows ``point``."""
        budget = max(1, height if fill else height // 3)
        start, used = point, 1 if point - 1 > 0 else 0  # room for the "earlier" line
        while start > 0 and start > point - WINDOW:
            size = len(self._entry_strips(start - 1, width)) if width > 0 else 1
            if used + size > budget and start < point:
                break
            used += size
            start -= 1
        self.page_start = start

    # -- what is drawn -------------------------------------------------------------------------
    def _entry_strips(self, seq: int, width: int) -> list[Strip]:
        key = (seq, width)
        strips = self._entries.get(key)
        if strips is not None:
            self._entries.move_to_end(key)
        else:
            while len(self._entries) >= _CACHE_LIMIT:
                self._entries.popitem(last=False)
            assert self.end is not None
            text = render_entry(self.motion, entry_for(self.events[seq], self.end))
            strips = self._to_strips(text, width)
            self._entries[key] = strips
        return strips

    def _to_strips(self, text: Text, width: int) -> list[Strip]:
        console = self.app.console
        options = console.options.update_width(width)
        base = self.rich_style
        return [
            Strip(Segment.apply_style(line, base)).extend_cell_length(width, base)
            for line in console.render_lines(text, options, pad=False)
        ]

    def _page(self, start: int, point: int, width: int) -> list[Strip]:
        out: list[Strip] = []
        if start > 0:
            out += self._notice(
                f"… {start} earlier events: step back, or pick one in the timeline", width
            )
        if point == 0:
            out += self._notice("No one has spoken yet.", width)
        for seq in range(start, point):
            out += self._entry_strips(seq, width)
        return out

    def _notice(self, text: str, width: int) -> list[Strip]:
        key = (-1 - len(text), width)  # notices are cached like entries, by text length
        strips = self._entries.get(key)
        if strips is None or strips[0].text.strip() != text[:width].strip():
            strips = self._to_strips(Text(text, style="dim italic"), width)[:1]
            self._entries[key] = strips
        return strips

    def lines(self) -> list[Strip]:
        """The lines of the page, top first (for drawing, and for tests)."""
        if self._lines is None:
            self._lines = self._page(self.page_start, self.point, self.size.width)
        return self._lines

    def text(self) -> str:
        """The plain text of the lines in the window."""
        return "\n".join(strip.text.rstrip() for strip in self.lines())

    def render_line(self, y: int) -> Strip:
        width, height = self.size.width, self.size.height
        lines = self.lines()
        if self.back:
            # Scrolled back: the window's lines before the page, bottom-aligned.
            start = max(0, self.point - WINDOW)
            full = self._page(start, self.point, width)
            top = max(0, len(full) - height - self.back)
            k = top + y
            return full[k] if 0 <= k < len(full) else Strip.blank(width, self.rich_style)
        # A page longer than the panel (one very long speech) shows its end, like a terminal.
        k = y + max(0, len(lines) - height)
        if 0 <= k < len(lines):
            return lines[k]
        return Strip.blank(width, self.rich_style)

    # -- scrolling back --------------------------------------------------------------------------
    def action_scroll_lines(self, amount: int) -> None:
        start = max(0, self.point - WINDOW)
        most = max(0, len(self._page(start, self.point, self.size.width)) - self.size.height)
        new = max(0, min(most, self.back + amount))
        if new != self.back:
            self.back = new
            self.refresh()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_scroll_lines(3)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_scroll_lines(-3)

    def on_resize(self, event: events.Resize) -> None:
        self._repage(self.point, event.size.height, event.size.width, fill=True)
        self._lines = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._entries.clear()
        self._lines = None
