"""What replaying or exporting a session would reveal while it is still being played.

A replay or an export shows every role's private brief and the scripted roles' reasons. Once
a game is over that is the debrief; while it is still being played (hot-seat or solo) it is a
leak, so the TUI asks the instructor to confirm and the CLI wants ``--instructor``.
"""

from __future__ import annotations

from typing import Any

#: The session status of a game still being played.
ACTIVE = "active"


def still_played(status: str) -> bool:
    return status == ACTIVE


def what_it_reveals(motion: Any, seats: Any, session_id: str, action: str = "Replaying") -> str:
    """The warning to confirm: whose private briefs would show, and what else."""
    names = [motion.role_by_id[s.role].name for s in seats if s.role in motion.role_by_id]
    humans = [
        motion.role_by_id[s.role].name
        for s in seats
        if not _scripted(s) and s.role in motion.role_by_id
    ]
    text = (
        f"Session {session_id} is still being played. {action} it now reveals every role's "
        f"private brief (objectives, red lines, fallbacks: {', '.join(names)}) and the scripted "
        "roles' reasons for their moves."
    )
    if humans:
        text += f" Players at the table ({', '.join(humans)}) must not see it."
    return text + " Continue only as the instructor."


def _scripted(seat: Any) -> bool:
    scripted = getattr(seat, "scripted", None)
    if scripted is None:
        return getattr(seat, "kind", "") == "scripted"
    return bool(scripted)
