"""Where the lobby's "Replay" entry goes: one function, so the replay screen can take over.

Replay lists saved sessions (filtered, branches under their parent) and opens the
instructor's replay screen (debate.tui.screens.replay).
"""

from __future__ import annotations

from typing import Any

from textual.app import App


def open_replay(app: App[Any], session_id: str | None = None) -> None:
    """Open the replay view of ``session_id``, or the list of saved sessions to pick one."""
    if session_id is None:
        from debate.tui.screens.replay_sessions import ReplaySessionsScreen

        app.push_screen(ReplaySessionsScreen())
        return
    from debate.tui.screens.replay import open_replay_screen

    open_replay_screen(app, session_id)
