"""The replay's timeline: one line per point of the session (the start, then each event).

Line ``k`` is point ``k``: the state after event number ``k``. Columns: event number, round,
role symbol (so colour is never the only cue), index at that point, a ✎ when the point
carries a note, and what happened. The timeline draws only the lines on screen and keeps
them cached, so moving the cursor repaints two lines: a step costs the same near the start
of a 2,000-event session as near its end, and opening it builds no widget per event.

>>> row = TimelineRow(3, "R1", "kremlin", "K", "demands of Kyiv (d1): ...")
>>> row_text(row, 42.5, noted=True, width=40).plain
'   3 R1   K  42.5 ✎ demands of Kyiv (d1…'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from debate.tui.text import role_style, shown

NOTE_MARK = "✎"
HEADER = "   # rd   ·  index ✎ what"
_CACHE_LIMIT = 4096


@dataclass(frozen=True, slots=True)
class TimelineRow:
    point: int
    round: str  # "R2" or "vote" ('' for the start)
    role: str  # role id ('' for the start row)
    symbol: str
    summary: str  # plain text (player words never go here)


def row_text(
    row: TimelineRow, index: float | None, noted: bool, width: int, role: str = ""
) -> Text:
    """One timeline line as Text (plain pieces; the summary is appended literally)."""
    out = Text(f"{row.point:>4} ", style="dim")
    out.append(f"{row.round:<4} ")
    out.append(row.symbol.ljust(2), style=role or "bold")
    out.append("     " if index is None else f"{index:5.1f}")
    out.append(f" {NOTE_MARK if noted else ' '} ", style="bold")
    out.append(row.summary)
    out.truncate(width, overflow="ellipsis")
    return shown(out)


class Timeline(ScrollView, can_focus=False):
    """All points of a session; the replay's point under the cursor line."""

    DEFAULT_CSS = """
    Timeline { height: 1fr; overflow-x: hidden; }
    Timeline > .timeline--cursor { background: $accent 60%; text-style: bold; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"timeline--cursor"}

    class PointChosen(Message):
        """The user clicked the line of ``point``."""

        def __init__(self, point: int) -> None:
            super().__init__()
            self.point = point

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows: Sequence[TimelineRow] = ()
        self.indexes: Sequence[float] = ()
        self.noted: set[int] = set()
        self.role_colours: dict[str, str] = {}
        self.cursor = 0
        self._strips: dict[tuple[int, int, bool], Strip] = {}

    # -- content -----------------------------------------------------------------------------
    def load(self, rows: Sequence[TimelineRow], noted: set[int], styles: dict[str, str]) -> None:
        """Set the lines (plain data: nothing is rendered until it is on screen). ``rows`` is
        kept as given, and read by index: it may make its rows when first asked."""
        self.rows = rows
        self.noted = set(noted)
        self.role_colours = dict(styles)
        self._strips.clear()
        self.virtual_size = Size(self.size.width, len(self.rows))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def set_indexes(self, trace: Sequence[float]) -> None:
        """Show the index at every point once the trace is known."""
        self.indexes = trace
        self._strips.clear()
        self.refresh()

    def mark_note(self, point: int, has_note: bool) -> None:
        (self.noted.add if has_note else self.noted.discard)(point)
        self._forget(point)

    def line_text(self, point: int) -> str:
        """The plain text of a line (for tests and screen readers)."""
        return self._text(point, width=200).plain

    # -- the cursor --------------------------------------------------------------------------
    @property
    def cursor_row(self) -> int:
        return self.cursor

    def select_point(self, point: int) -> None:
        """Put the cursor on ``point`` and scroll it into view; repaint just two lines."""
        point = max(0, min(point, len(self.rows) - 1))
        old, self.cursor = self.cursor, point
        self._forget(old)
        self._forget(point)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        # Scroll by half a page when the cursor leaves the view, not line by line: most
        # steps then repaint two lines instead of the whole list.
        if point < top:
            self.scroll_to(y=max(0, point - height // 2), animate=False, immediate=True)
        elif point >= top + height:
            self.scroll_to(y=point - height // 2, animate=False, immediate=True)

    def _forget(self, point: int) -> None:
        for key in [k for k in self._strips if k[0] == point]:
            del self._strips[key]
        self.refresh_lines(point)

    # -- drawing -----------------------------------------------------------------------------
    def _text(self, point: int, width: int) -> Text:
        row = self.rows[point]
        index = self.indexes[point] if point < len(self.indexes) else None
        return row_text(row, index, point in self.noted, width, self.role_colours.get(row.role, ""))

    def render_line(self, y: int) -> Strip:
        point = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if not 0 <= point < len(self.rows) or width <= 0:
            return Strip.blank(max(width, 0), self.rich_style)
        selected = point == self.cursor
        key = (point, width, selected)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > _CACHE_LIMIT:
                self._strips.clear()
            base = self.rich_style
            if selected:
                base = base + self.get_component_rich_style("timeline--cursor")
            text = self._text(point, width)
            segments = list(text.render(self.app.console))
            strip = Strip(Segment.apply_style(segments, base), text.cell_len)
            strip = strip.extend_cell_length(width, base).crop(0, width)
            self._strips[key] = strip
        return strip

    def on_resize(self, event: events.Resize) -> None:
        self._strips.clear()
        self.virtual_size = Size(event.size.width, len(self.rows))

    def on_click(self, event: events.Click) -> None:
        point = round(self.scroll_y) + event.y
        if 0 <= point < len(self.rows):
            event.stop()
            self.post_message(self.PointChosen(point))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()


def role_styles(motion: object) -> dict[str, str]:
    """Role id -> the style the debate table uses for it."""
    roles = getattr(motion, "roles", ())
    return {r.id: role_style(motion, r.id) for r in roles}  # type: ignore[arg-type]


__all__ = ["HEADER", "NOTE_MARK", "Timeline", "TimelineRow", "role_styles", "row_text"]
