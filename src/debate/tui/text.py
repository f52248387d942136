"""Building rich Text for the screens. Player text always goes in as plain data.

``Text("[b]x[/b]")`` shows the brackets; only :func:`styled` pieces written here carry styles.
Never format player text into a markup string.

>>> literal("[bold red]x[/]").plain
'[bold red]x[/]'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from debate.text_safety import neutralise

if TYPE_CHECKING:  # the lobby draws with this module before any motion is loaded
    from debate.motions import Motion

BAR_WIDTH = 10
#: The theme's backgrounds (screen, surface, panel) role colours must stand out against.
_background: dict[str, tuple[str, ...]] = {"colors": ("#121212", "#1E1E1E", "#242F38")}


def set_background(*colors: str) -> None:
    """Called when the theme changes: role labels drawn from now on suit ``colors``."""
    _background["colors"] = tuple(colors)


def safe(value: object) -> str:
    """Any text as it may reach the screen: control and bidi characters made visible."""
    return neutralise(str(value))


def shown(text: Text) -> Text:
    """``text`` with control and bidi characters made visible, styles kept (the stand-ins
    are one character each, so every span still covers the same characters). Returns it."""
    text.plain = neutralise(text.plain)
    return text


def literal(value: object, style: str = "") -> Text:
    """Any text, shown exactly as typed (control characters made visible, never obeyed)."""
    return Text(safe(value), style=style)


def role_style(motion: Motion, role: str) -> str:
    """Bold, in the role's colour adjusted to reach 4.5:1 on the theme's background."""
    from debate.tui.contrast import readable

    spec = motion.role_by_id.get(role)
    return f"bold {readable(spec.color, _background['colors'])}" if spec else "bold"


def role_label(motion: Motion, role: str, player: str | None = None) -> Text:
    """``[K] Kyiv`` (plus the player's name): symbol and name, so colour is never the only cue."""
    spec = motion.role_by_id.get(role)
    symbol, name = (spec.symbol, spec.name) if spec else ("?", role)
    out = Text.assemble((safe(f"[{symbol}] {name}"), role_style(motion, role)))
    if player:
        out.append(" (")
        out.append(safe(player))
        out.append(")")
    return out


def score_bar(score: float, width: int = BAR_WIDTH) -> Text:
    """A bar of ``width`` cells for a 0-100 score, with eighth-cell resolution."""
    cells = max(0.0, min(100.0, score)) / 100 * width
    full = int(cells)
    eighths = int((cells - full) * 8)
    partial = " ▏▎▍▌▋▊▉"[eighths] if full < width else ""
    bar = "█" * full + (partial if eighths else "")
    style = "green" if score >= 60 else ("yellow" if score >= 30 else "red")
    return Text.assemble((bar.ljust(width), style), ("▕", "dim"))


def signed(delta: float) -> Text:
    """A change of the index: ``▲ +5.0`` / ``▼ -2.5`` / ``= 0.0`` (arrow, not only colour)."""
    if delta > 0.05:
        return Text(f"▲ +{delta:.1f}", style="green")
    if delta < -0.05:
        return Text(f"▼ {delta:.1f}", style="red")
    return Text("= 0.0", style="dim")
