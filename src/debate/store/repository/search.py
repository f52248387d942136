"""Finding sessions by text (id, title, motion or a player's name, case-folded).

The search runs in SQL whenever the database folds case as Python does (ASCII needles).
Other needles are matched in Python, but over the searched columns alone (never whole rows
with their seats) and only until the page asked for is full, so that a search costs about
the same whatever the needle and however many sessions are saved.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from debate.store.records import SessionInfo
from debate.store.tables import SEATS, SESSIONS

#: Newest first; ties by id, so pages never overlap (the index ix_sessions_updated).
ORDER = (SESSIONS.c.updated.desc(), SESSIONS.c.id)


def sql_searchable(text: str) -> bool:
    """Whether SQL's lower() folds ``text`` as Python's casefold() does (ASCII only: SQLite
    lowers ASCII letters alone); other needles are matched in Python."""
    return text.isascii() and text.casefold() == text.lower()


def filtered(
    query: Any,
    motion_id: str | None,
    text: str | None,
    status: str | None,
    dialect: str = "",
) -> Any:
    """``query`` restricted to the motion, the status and (for an SQL-searchable needle)
    the text; ``dialect`` names the database's (``conn.dialect.name``)."""
    if motion_id is not None:
        query = query.where(SESSIONS.c.motion_id == motion_id)
    if status is not None:
        query = query.where(SESSIONS.c.status == status)
    if text and sql_searchable(text):
        needle = text.lower()

        def has(column: Any) -> Any:
            if dialect == "sqlite":
                # SQLite's LIKE ignores the case of ASCII letters already, and lower() on
                # every row cost twice the match itself (8,000 sessions: 17 ms -> 7 ms).
                return column.contains(needle, autoescape=True)
            return func.lower(column).contains(needle, autoescape=True)

        players = select(SEATS.c.session_id).where(has(SEATS.c.player))
        query = query.where(
            or_(
                has(SESSIONS.c.id),
                has(SESSIONS.c.title),
                has(SESSIONS.c.motion_title),
                has(SESSIONS.c.motion_id),
                SESSIONS.c.id.in_(players),
            )
        )
    return query


def matching_ids(
    conn: Connection,
    text: str,
    motion_id: str | None = None,
    status: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[str]:
    """Ids, newest first, of the sessions whose searched columns contain ``text`` as
    :func:`text_matches` decides (for needles SQL cannot fold), paged like the lists."""
    players: dict[str, list[str]] = {}
    for sid, player in conn.execute(select(SEATS.c.session_id, SEATS.c.player)):
        players.setdefault(sid, []).append(player)
    columns = (SESSIONS.c.id, SESSIONS.c.title, SESSIONS.c.motion_title, SESSIONS.c.motion_id)
    query = filtered(select(*columns).order_by(*ORDER), motion_id, None, status)
    needle = text.casefold()
    end = None if limit is None else offset + limit
    found: list[str] = []
    for sid, title, motion_title, motion in conn.execute(query):
        if needle in _haystack(sid, title, motion_title, motion, players.get(sid, ())):
            found.append(sid)
            if end is not None and len(found) >= end:
                break  # the page is full: the older sessions are not read
    return found[offset:end]


def text_matches(text: str | None, info: SessionInfo) -> bool:
    """Whether ``text`` is found (case-folded) in the session's id, title, motion or players."""
    players = [s.player for s in info.seats]
    haystack = _haystack(info.id, info.title, info.motion_title, info.motion_id, players)
    return not text or text.casefold() in haystack


def _haystack(sid: str, title: str, motion_title: str, motion: str, players: Any) -> str:
    return f"{sid} {title} {motion_title} {motion} {' '.join(players)}".casefold()
