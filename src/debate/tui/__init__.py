"""The Textual game. Importing this package imports Textual: only the ``debate`` command
(``debate.commands.play``) and tests do."""

from debate.tui.app import DebateApp, create_app

__all__ = ["DebateApp", "create_app"]
