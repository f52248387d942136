"""Themes besides Textual's own: a high-contrast one (the light one is ``textual-light``)."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FF66FF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#202020",
    boost="#303030",
    success="#00FF00",
    warning="#FFAA00",
    error="#FF4444",
    dark=True,
    variables={
        "footer-key-foreground": "#FFFF00",
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
    },
)

#: Theme choices offered by name in the command palette.
THEMES: dict[str, str] = {
    "dark": "textual-dark",
    "light": "textual-light",
    "high contrast": "high-contrast",
}
