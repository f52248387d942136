"""The turn clock of a hosted game, computed from stored times only (so it survives a
restart of every client): when the current turn began, when it runs out, pause and resume.

>>> from datetime import datetime, timedelta, UTC
>>> t0 = datetime(2026, 1, 1, tzinfo=UTC)
>>> deadline(t0, None, 60, paused=False)
datetime.datetime(2026, 1, 1, 0, 1, tzinfo=datetime.timezone.utc)
>>> deadline(t0, t0 + timedelta(seconds=30), 60, paused=False).second
30
>>> deadline(t0, None, 60, paused=True) is None
True
>>> resumed_clock(t0, None, paused_at=t0 + timedelta(seconds=20), now=t0 + timedelta(hours=1))
datetime.datetime(2026, 1, 1, 0, 59, 40, tzinfo=datetime.timezone.utc)
"""

from __future__ import annotations

from datetime import datetime, timedelta

#: Longest turn limit a facilitator may set (seconds).
MAX_LIMIT = 3600


def turn_start(started: datetime, clock_from: datetime | None) -> datetime:
    """The clock of this turn runs from the later of its first moment and ``clock_from``
    (set when a limit is set, or moved forward by a resume)."""
    return started if clock_from is None else max(started, clock_from)


def deadline(
    started: datetime, clock_from: datetime | None, limit: int | None, paused: bool
) -> datetime | None:
    """When the seat to play passes automatically; None without a limit or while paused."""
    if limit is None or paused:
        return None
    return turn_start(started, clock_from) + timedelta(seconds=limit)


def resumed_clock(
    started: datetime, clock_from: datetime | None, paused_at: datetime | None, now: datetime
) -> datetime:
    """The new ``clock_from`` on resume: the time used before the pause stays used."""
    if paused_at is None:
        return now
    used = max(paused_at - turn_start(started, clock_from), timedelta(0))
    return now - used
