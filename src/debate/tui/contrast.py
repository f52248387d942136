"""Colour contrast (WCAG 2): role colours made readable on the theme's background.

A motion gives each role a terminal colour name (``yellow``) or a hex colour. On a light
background yellow text is unreadable, so labels are drawn in the role's colour darkened (on
light themes) or lightened (on dark ones) just enough to reach 4.5:1, the WCAG AA level.

>>> round(contrast("#000000", "#FFFFFF"), 1)
21.0
>>> contrast(readable("yellow", "#E0E0E0"), "#E0E0E0") >= AA
True
"""

from __future__ import annotations

from functools import cache

#: WCAG AA for body text.
AA = 4.5

#: The 16 terminal colour names as RGB (the xterm defaults).
NAMED: dict[str, str] = {
    "black": "#000000", "red": "#CD0000", "green": "#00CD00", "yellow": "#CDCD00",
    "blue": "#0000EE", "magenta": "#CD00CD", "cyan": "#00CDCD", "white": "#E5E5E5",
    "bright_black": "#7F7F7F", "bright_red": "#FF0000", "bright_green": "#00FF00",
    "bright_yellow": "#FFFF00", "bright_blue": "#5C5CFF", "bright_magenta": "#FF00FF",
    "bright_cyan": "#00FFFF", "bright_white": "#FFFFFF",
}


def rgb(color: str) -> tuple[int, int, int]:
    value = NAMED.get(color, color).lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(color: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@cache
def readable(color: str, background: str | tuple[str, ...], ratio: float = AA) -> str:
    """``color`` as hex, moved towards black or white until it reaches ``ratio`` against
    ``background`` (or each of several: the screen, a panel...), unchanged if it does."""
    grounds = (background,) if isinstance(background, str) else background
    light = sum(luminance(g) for g in grounds) / len(grounds) > 0.18
    target = (0, 0, 0) if light else (255, 255, 255)
    r, g, b = rgb(color)
    for step in range(41):
        t = step / 40
        mixed = tuple(round(c + (e - c) * t) for c, e in zip((r, g, b), target, strict=True))
        out = "#{:02X}{:02X}{:02X}".format(*mixed)
        if all(contrast(out, ground) >= ratio for ground in grounds):
            return out
    return "#{:02X}{:02X}{:02X}".format(*target)
