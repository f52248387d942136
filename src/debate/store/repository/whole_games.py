"""Whole games saved in batches: what `debate simulate --save` writes as games finish.

One transaction per batch: the motion snapshot (once), then every session, seat and event
row of the batch in one bulk insert per table. A batch is saved entirely or not at all, so
an interrupted run leaves only whole games behind.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from debate.store.convert import count_turns, motion_to_snapshot, to_db, utc_now
from debate.store.errors import InvalidRequest
from debate.store.records import STATUSES, Seat, check_seed
from debate.store.repository.base import translate_errors
from debate.store.repository.bulk_insert import BulkInsert
from debate.store.repository.queries import refuse_nul
from debate.store.repository.sessions import SessionRows, checked_seats, clean_title
from debate.store.tables import EVENTS, SEATS, SESSIONS
from debate.store.whole_games import WholeGame, whole_game

if TYPE_CHECKING:
    from datetime import datetime

    from debate.engine import Event
    from debate.motions import Motion

_SESSION_COLUMNS = tuple(SESSIONS.columns.keys())
_SESSION_ROWS = BulkInsert(SESSIONS, _SESSION_COLUMNS)
_SEAT_ROWS = BulkInsert(SEATS, ("session_id", "role", "position", "player", "kind", "difficulty"))
_EVENT_ROWS = BulkInsert(EVENTS, ("session_id", "seq", "actor", "kind", "payload", "at"))


class WholeGames(SessionRows):
    """Saving many whole games of one motion and seating at once."""

    @translate_errors
    def save_whole_games(
        self, motion: Motion, seats: Sequence[Seat], games: Sequence[WholeGame]
    ) -> list[str]:
        """Save ``games`` (built by :func:`~debate.store.whole_games.whole_game`) in one
        transaction; return their new ids, in order. Every game is checked (seed, status,
        event numbering, no NUL) before anything is written."""
        if not games:
            return []
        seated = checked_seats(motion, seats)
        snapshot, digest = motion_to_snapshot(motion)
        now = to_db(utc_now())
        sessions = [_session_values(motion, digest, game, now) for game in games]
        for attempt in range(5):
            try:
                with self._writing() as conn:
                    self._save_snapshot(conn, digest, motion.id, snapshot)
                    ids = _fresh_ids(conn, len(games))
                    rows = zip(ids, sessions, strict=True)
                    _SESSION_ROWS.run(conn, [(i, *row) for i, row in rows])
                    _SEAT_ROWS.run(
                        conn,
                        [
                            (i, s.role, k, s.player, s.kind, s.difficulty)
                            for i in ids
                            for k, s in enumerate(seated)
                        ],
                    )
                    _EVENT_ROWS.run(
                        conn,
                        [
                            (i, *event, now)
                            for i, game in zip(ids, games, strict=True)
                            for event in game.events
                        ],
                    )
                    return ids
            except IntegrityError:  # another writer took an id between the check and now
                if attempt == 4:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def create_sessions(
        self,
        motion: Motion,
        seats: Sequence[Seat],
        games: Sequence[tuple[int, str | None, Sequence[Event], str]],
    ) -> list[str]:
        """:meth:`save_whole_games` for ``(seed, title, events, status)`` tuples."""
        for _, _, _, status in games:
            if status not in STATUSES:
                raise InvalidRequest(f"unknown status {status!r}")
        return self.save_whole_games(
            motion, seats, [whole_game(s, t, e, status) for s, t, e, status in games]  # type: ignore[arg-type]
        )


def _session_values(motion: Motion, digest: str, game: WholeGame, now: datetime) -> tuple[Any, ...]:
    """The ``sessions`` row of ``game`` without its id (columns in table order), checked."""
    if problem := check_seed(game.seed):
        raise InvalidRequest(problem)
    if game.status not in STATUSES:
        raise InvalidRequest(f"unknown status {game.status!r}")
    for number, (seq, _, _, payload) in enumerate(game.events):
        if seq != number:
            raise InvalidRequest(f"event {number} has seq {seq}")
        refuse_nul(payload)
    turns, last_actor = count_turns(e[1] for e in game.events)
    row = {
        "title": clean_title(game.title or motion.title),
        "motion_id": motion.id,
        "motion_title": motion.title,
        "motion_sha256": digest,
        "seed": game.seed,
        "status": game.status,
        "created": now,
        "updated": now,
        "parent_id": None,
        "fork_seq": None,
        "next_seq": len(game.events),
        "turns": turns,
        "last_actor": last_actor,
    }
    return tuple(row[c] for c in _SESSION_COLUMNS[1:])


def _fresh_ids(conn: Connection, count: int) -> list[str]:
    """``count`` distinct session ids that no stored session has."""
    while True:
        ids = [secrets.token_hex(4) for _ in range(count)]
        if len(set(ids)) == count and not conn.execute(
            select(SESSIONS.c.id).where(SESSIONS.c.id.in_(ids))
        ).first():
            return ids
