"""The player's settings kept between runs: for now, the chosen theme.

A small TOML file in the user's config directory (platformdirs), e.g.
``~/.config/guarantees/settings.toml`` on Linux; ``DEBATE_CONFIG_DIR`` points elsewhere
(the tests use it). ``DEBATE_THEME`` (set by ``debate --theme``) starts in a theme
without changing the saved choice.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

APP_NAME = "guarantees"
FILE_NAME = "settings.toml"
#: Theme names a player may give, mapped to the app's theme names.
THEME_ALIASES: dict[str, str] = {
    "dark": "textual-dark",
    "light": "textual-light",
    "high-contrast": "high-contrast",
    "high_contrast": "high-contrast",
    "textual-dark": "textual-dark",
    "textual-light": "textual-light",
}
DEFAULT_THEME = "textual-dark"


def config_path() -> Path:
    folder = os.environ.get("DEBATE_CONFIG_DIR")
    if not folder:
        from platformdirs import user_config_dir

        folder = user_config_dir(APP_NAME, appauthor=False)
    return Path(folder) / FILE_NAME


def theme_name(name: str) -> str | None:
    """The app's name for a theme the player named, or None if unknown."""
    return THEME_ALIASES.get(name.strip().lower())


def saved_theme() -> str | None:
    """The theme saved last time, if any (a damaged file is ignored)."""
    try:
        data = tomllib.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    value = data.get("theme")
    return theme_name(value) if isinstance(value, str) else None


def start_theme() -> str:
    """The theme to start in: ``DEBATE_THEME``, else the saved one, else dark."""
    asked = os.environ.get("DEBATE_THEME")
    if asked and (name := theme_name(asked)):
        return name
    return saved_theme() or DEFAULT_THEME


def save_theme(name: str) -> bool:
    """Remember ``name`` for the next run; False if the file cannot be written."""
    path = config_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(f'theme = "{name}"\n', encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return False
    return True
