"""A panel that shows any Rich renderable and, when it changes, repaints only the lines that
differ.

The replay shows the same renderables as the debate table (the package, the scoreboard's
index, bars and reasons) at each point of a session. A Static inside a scrolling container
asks the whole screen to lay itself out again whenever its content changes height; this
panel keeps a fixed size, scrolls by itself (mouse wheel, or up/down/page keys when it has
focus), and compares the new lines with the old ones, so a step through the replay costs
the lines that changed and nothing more.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

#: (key, function that makes the renderable): see :meth:`StripView.show_blocks`.
Block = tuple[Hashable, Callable[[], RenderableType]]


class StripView(Widget, can_focus=True):
    """Shows one renderable at a time, top first, with its own vertical scrolling."""

    DEFAULT_CSS = """
    StripView { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "scroll_by(-1)", "Up", show=False),
        Binding("down", "scroll_by(1)", "Down", show=False),
        Binding("ctrl+up", "scroll_by(-10)", "Page up", show=False),
        Binding("ctrl+down", "scroll_by(10)", "Page down", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.renderable: RenderableType = ""
        self.blocks: Sequence[Block] | None = None
        self.strips: list[Strip] = []
        self.offset_y = 0
        self._block_cache: dict[tuple[Hashable, int], list[Strip]] = {}

    def show(self, renderable: RenderableType) -> None:
        """Show ``renderable``; repaint the lines that changed (all of them if it scrolled)."""
        self.renderable, self.blocks = renderable, None
        if self.size.width > 0:
            self._swap(self._to_strips(renderable, self.size.width))
        else:
            self.refresh()

    def show_blocks(self, blocks: Sequence[Block]) -> None:
        """Show blocks one under another. A block is (key, function making its renderable);
        the function runs and the renderable is drawn once per key and width, so a block
        whose key is unchanged costs nothing to show again."""
        self.blocks = blocks
        if self.size.width > 0:
            self._swap(self._render_blocks(blocks, self.size.width))
        else:
            self.refresh()

    def _render_blocks(self, blocks: Sequence[Block], width: int) -> list[Strip]:
        if len(self._block_cache) > 256:
            self._block_cache.clear()
        out: list[Strip] = []
        for key, make in blocks:
            strips = self._block_cache.get((key, width))
            if strips is None:
                strips = self._block_cache[(key, width)] = self._to_strips(make(), width)
            out += strips
        return out

    def _swap(self, new: list[Strip]) -> None:
        width = self.size.width
        old = self.strips
        self.strips = new
        most = max(0, len(new) - self.size.height)
        if self.offset_y > most:
            self.offset_y = most
            self.refresh()
            return
        top, height = self.offset_y, self.size.height
        changed = [
            y
            for y in range(height)
            if (old[top + y] if top + y < len(old) else None)
            != (new[top + y] if top + y < len(new) else None)
        ]
        if changed:
            first, last = changed[0], changed[-1]
            self.refresh(Region(0, first, width, last - first + 1))

    def text(self) -> str:
        """Plain text of every line (for tests)."""
        return "\n".join(s.text.rstrip() for s in self.strips)

    def _to_strips(self, renderable: RenderableType, width: int) -> list[Strip]:
        console = self.app.console
        base = self.rich_style
        lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
        return [
            Strip(Segment.apply_style(line, base)).extend_cell_length(width, base) for line in lines
        ]

    def render_line(self, y: int) -> Strip:
        k = self.offset_y + y
        if 0 <= k < len(self.strips):
            return self.strips[k]
        return Strip.blank(self.size.width, self.rich_style)

    def action_scroll_by(self, amount: int) -> None:
        most = max(0, len(self.strips) - self.size.height)
        new = max(0, min(most, self.offset_y + amount))
        if new != self.offset_y:
            self.offset_y = new
            self.refresh()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_scroll_by(-3)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_scroll_by(3)

    def _rerender(self, width: int) -> None:
        self._block_cache.clear()
        if width <= 0:
            self.strips = []
        elif self.blocks is not None:
            self.strips = self._render_blocks(self.blocks, width)
        else:
            self.strips = self._to_strips(self.renderable, width)

    def on_resize(self, event: events.Resize) -> None:
        self._rerender(event.size.width)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._rerender(self.size.width)
