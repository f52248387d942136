"""Charts of scores over a whole session, with the replay's current point marked.

:class:`TraceChart` draws the Deterrence Index as a block chart a few rows high (and, for a
branch, the parent session's index beneath it on the same scale); :class:`CriteriaChart`
draws one sparkline row per criterion. The column holding the current point is shown in
reverse video and pointed at by a caret, so the mark does not rely on colour.

Rendering is pure text (:func:`spark_rows`), so a step of the cursor only restyles one
column: its cost does not depend on the session's length.

>>> spark_rows([0, 50, 100], width=3, height=1)
['▁▅█']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

_BLOCKS = " ▁▂▃▄▅▆▇█"
_LABEL = 12  # width of the label column


def column_points(length: int, width: int) -> list[int]:
    """Which point each of ``width`` columns shows, for points 0..``length - 1``.

    >>> column_points(5, 3)
    [0, 2, 4]
    >>> column_points(2, 4)
    [0, 0, 1, 1]
    """
    if length <= 0 or width <= 0:
        return []
    if length <= width:
        # Fewer points than columns: each point gets a run of columns.
        return [min(length - 1, c * length // width) for c in range(width)]
    return [
        round(c * (length - 1) / (width - 1)) if width > 1 else length - 1 for c in range(width)
    ]


def spark_rows(values: Sequence[float], width: int, height: int = 1) -> list[str]:
    """``values`` (0-100) as ``height`` rows of block characters, top row first.

    Each column shows one point (see :func:`column_points`). A single row uses eight
    levels starting at ``▁`` (so zero is still visible); taller charts stack eighths.
    """
    cols = [values[k] for k in column_points(len(values), width)]
    if height == 1:
        return ["".join(_BLOCKS[1 + round(_clamp(v) / 100 * 7)] for v in cols)]
    rows = []
    for r in range(height - 1, -1, -1):  # top row first
        line = []
        for v in cols:
            eighths = round(_clamp(v) / 100 * height * 8) - r * 8
            line.append(_BLOCKS[max(0, min(8, eighths))])
        rows.append("".join(line))
    return rows


def _clamp(v: float) -> float:
    return max(0.0, min(100.0, v))


def point_column(point: int, length: int, width: int) -> int:
    """The column that shows ``point`` (the nearest one when several points share it)."""
    cols = column_points(length, width)
    if not cols:
        return 0
    return min(range(len(cols)), key=lambda c: (abs(cols[c] - point), c))


@dataclass(frozen=True)
class Line:
    label: str
    values: Sequence[float]
    style: str = "bold blue"


#: How the current point's column is drawn (a caret line below also points at it, so the
#: mark never rests on colour alone).
CURSOR_STYLE = "bold black on yellow"


def _marked(row: str, col: int, style: str) -> Text:
    text = Text(row, style=style)
    if 0 <= col < len(row):
        text.stylize(CURSOR_STYLE, col, col + 1)
    return text


class TraceChart(Widget):
    """The Deterrence Index over the session (and the parent's, for a branch)."""

    DEFAULT_CSS = """
    TraceChart { height: auto; min-height: 3; padding: 0 1; }
    """

    point: reactive[int] = reactive(0)

    def __init__(self, height: int = 3, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.rows = height
        self.lines: list[Line] = []
        self.fork_point: int | None = None
        self.marks: frozenset[int] = frozenset()  # points with annotations

    def set_lines(self, lines: Sequence[Line], fork_point: int | None = None) -> None:
        self.lines = list(lines)
        self.fork_point = fork_point
        self.refresh(layout=True)

    def set_marks(self, points: set[int] | frozenset[int]) -> None:
        self.marks = frozenset(points)
        self.refresh()

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.lines) * self.rows + 1 if self.lines else 1

    def render(self) -> RenderableType:
        if not self.lines:
            return Text("No scores yet.", style="dim italic")
        width = max(4, self.content_size.width - _LABEL - 7)  # room for " 100.0"
        length = max(len(line.values) for line in self.lines)
        # Every line shares the x scale of the longest one (a branch beside its parent).
        col = point_column(self.point, length, width)
        parts: list[RenderableType] = []
        for line in self.lines:
            padded = list(line.values)
            drawn = spark_rows(padded, _scaled_width(len(padded), length, width), self.rows)
            for i, row in enumerate(drawn):
                label = line.label if i == 0 else ""
                value = (
                    f"{line.values[min(self.point, len(line.values) - 1)]:5.1f}"
                    if i == self.rows - 1
                    else ""
                )
                out = Text(label[: _LABEL - 1].ljust(_LABEL), style="bold")
                out.append_text(_marked(row, col, line.style))
                if value:
                    out.append(" " + value)
                parts.append(out)
        parts.append(self._axis(length, width, col))
        return Group(*parts)

    def _axis(self, length: int, width: int, col: int) -> Text:
        axis = [" "] * width
        for point in self.marks:
            axis[point_column(point, length, width)] = "✎"
        if self.fork_point is not None:
            axis[point_column(self.fork_point, length, width)] = "┴"
        axis[col] = "▲"
        out = Text(f"event {self.point}"[: _LABEL - 1].ljust(_LABEL), style="dim")
        out.append("".join(axis), style="bold")
        return out


def _scaled_width(n: int, longest: int, width: int) -> int:
    """Columns for a line of ``n`` points on a scale of ``longest`` points."""
    if longest <= 1:
        return width
    return max(1, round(width * n / longest)) if n < longest else width


class CriteriaChart(Widget):
    """One sparkline per criterion, with its score at the current point."""

    DEFAULT_CSS = """
    CriteriaChart { height: auto; padding: 0 1; }
    """

    point: reactive[int] = reactive(0)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.traces: dict[str, Sequence[float]] = {}
        self.names: dict[str, str] = {}

    def set_traces(self, traces: Mapping[str, Sequence[float]], names: Mapping[str, str]) -> None:
        self.traces, self.names = dict(traces), dict(names)
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, len(self.traces) + 1)

    def render(self) -> RenderableType:
        if not self.traces:
            return Text("No scores yet.", style="dim italic")
        label_w = 22
        width = max(4, self.content_size.width - label_w - 7)
        parts = []
        for cid, values in self.traces.items():
            name = self.names.get(cid, cid)
            name = name if len(name) < label_w else name[: label_w - 2] + "…"
            col = point_column(self.point, len(values), width)
            (row,) = spark_rows(values, width, 1)
            out = Text(name.ljust(label_w))
            out.append_text(_marked(row, col, "green"))
            out.append(f" {values[min(self.point, len(values) - 1)]:5.1f}")
            parts.append(out)
        length = max(len(v) for v in self.traces.values())
        caret = Text(f"event {self.point}".ljust(label_w), style="dim")
        caret.append(" " * point_column(self.point, length, width) + "▲", style="bold")
        parts.append(caret)
        return Group(*parts)
