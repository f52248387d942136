"""A small inline SVG line chart for scores (0-100) over a session's events.

No JavaScript, no external file, no font download: the chart is plain SVG elements that any
browser draws inside the HTML debrief. Every label passes through :func:`html.escape`.

>>> svg = line_chart([Series("Index", [0.0, 40.0, 55.5])], title="Deterrence Index")
>>> svg.startswith("<svg") and "polyline" in svg and "Deterrence Index" in svg
True
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Series:
    """One line: ``values[k]`` is the score after ``k`` events."""

    label: str
    values: Sequence[float]
    color: str = "#1f5fa8"
    dashed: bool = False


@dataclass(frozen=True)
class Marker:
    """A vertical mark at point ``x`` (a branch point, an annotation)."""

    x: int
    label: str
    color: str = "#888888"


@dataclass(frozen=True)
class _Frame:
    width: int
    height: int
    left: int = 44
    right: int = 12
    top: int = 28
    bottom: int = 34
    x_max: int = 1

    def x(self, k: float) -> float:
        return self.left + (self.width - self.left - self.right) * k / max(self.x_max, 1)

    def y(self, v: float) -> float:
        v = min(100.0, max(0.0, v))
        return self.top + (self.height - self.top - self.bottom) * (1 - v / 100)


def line_chart(
    series: Sequence[Series],
    *,
    title: str = "",
    markers: Sequence[Marker] = (),
    width: int = 720,
    height: int = 260,
    x_label: str = "events",
    legend: bool = True,
) -> str:
    """An SVG document fragment charting each series on a 0-100 scale."""
    longest = max((len(s.values) for s in series), default=1)
    f = _Frame(width=width, height=height, x_max=max(longest - 1, 1))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(title or "chart")}" '
        f'style="max-width:{width}px;font-family:sans-serif;font-size:11px">',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
    ]
    if title:
        out.append(f'<text x="{f.left}" y="16" font-weight="bold">{escape(title)}</text>')
    for v in (0, 25, 50, 75, 100):
        y = f.y(v)
        out.append(
            f'<line x1="{f.left}" y1="{y:.1f}" x2="{width - f.right}" y2="{y:.1f}" '
            f'stroke="#dddddd"/>'
            f'<text x="{f.left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555555">{v}</text>'
        )
    for k in _x_ticks(f.x_max):
        x = f.x(k)
        out.append(
            f'<text x="{x:.1f}" y="{height - f.bottom + 14}" text-anchor="middle" '
            f'fill="#555555">{k}</text>'
        )
    out.append(
        f'<text x="{(f.left + width - f.right) / 2:.1f}" y="{height - 4}" '
        f'text-anchor="middle" fill="#555555">{escape(x_label)}</text>'
    )
    for m in markers:
        x = f.x(m.x)
        out.append(
            f'<line x1="{x:.1f}" y1="{f.top}" x2="{x:.1f}" y2="{height - f.bottom}" '
            f'stroke="{escape(m.color)}" stroke-dasharray="2 3">'
            f"<title>{escape(m.label)}</title></line>"
        )
    for s in series:
        if not s.values:
            continue
        points = " ".join(f"{f.x(k):.1f},{f.y(v):.1f}" for k, v in enumerate(s.values))
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        out.append(
            f'<polyline fill="none" stroke="{escape(s.color)}" stroke-width="2"{dash} '
            f'points="{points}"><title>{escape(s.label)}</title></polyline>'
        )
    # Legend, top right, one entry per series.
    x = width - f.right
    for s in reversed(series if legend else ()):
        text_w = 7 * len(s.label) + 8
        x -= text_w + 22
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        out.append(
            f'<line x1="{x}" y1="12" x2="{x + 18}" y2="12" stroke="{escape(s.color)}" '
            f'stroke-width="2"{dash}/><text x="{x + 22}" y="16">{escape(s.label)}</text>'
        )
    out.append("</svg>")
    return "\n".join(out)


def _x_ticks(x_max: int, count: int = 6) -> list[int]:
    """Round tick positions from 0 to ``x_max``.

    >>> _x_ticks(2000)
    [0, 500, 1000, 1500, 2000]
    >>> _x_ticks(7)
    [0, 2, 4, 6]
    """
    raw = max(x_max / count, 1)
    magnitude = 10 ** (len(str(int(raw))) - 1)
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    return list(range(0, x_max + 1, step))
