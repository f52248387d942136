"""A role's private brief: shown only to the seat that holds the keyboard."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from debate.motions import Motion
from debate.tui.text import role_label, shown


def brief_renderable(motion: Motion, role: str) -> RenderableType:
    spec = motion.role_by_id[role]
    brief = spec.brief
    parts: list[RenderableType] = [
        Text.assemble("Private brief of ", role_label(motion, role)),
        Text(brief.summary),
        Text("\nObjectives", style="bold"),
    ]
    parts += [Text.assemble("• ", o.text) for o in brief.objectives]
    if brief.red_lines:
        parts.append(Text("\nRed lines", style="bold"))
        parts += [Text.assemble("• ", line.text) for line in brief.red_lines]
    if brief.fallbacks:
        parts.append(Text("\nFallbacks", style="bold"))
        parts += [Text.assemble("• ", line) for line in brief.fallbacks]
    parts.append(Text("\nPublic position", style="bold"))
    parts.append(Text(spec.position))
    return Group(*(shown(p) if isinstance(p, Text) else p for p in parts))


class BriefPanel(VerticalScroll):
    """Shows one role's brief, or a notice that private information is hidden."""

    DEFAULT_CSS = """
    BriefPanel { height: 1fr; }
    """

    def __init__(self, motion: Motion, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.motion = motion
        self.role: str | None = None
        self._filled = False

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="brief-body")

    def show(self, role: str | None, why_hidden: str = "") -> None:
        """Show ``role``'s brief; ``None`` hides every brief (the text leaves the screen)."""
        if self.is_mounted and role == self.role and self._filled:
            return
        self.role, self._filled = role, True
        body = self.query_one("#brief-body", Static)
        if role is None:
            body.update(Text(why_hidden or "Private briefs are hidden.", style="dim italic"))
        else:
            body.update(brief_renderable(self.motion, role))
