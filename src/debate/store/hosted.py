"""What the store hands out about hosted (networked) games: plain frozen records.

>>> Access("a1b2c3d4", None).facilitator
True
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from debate.store.errors import StoreError
from debate.store.records import Seat

if TYPE_CHECKING:
    from debate.engine import Event

#: Name of the PostgreSQL NOTIFY channel of a session (one per session).
CHANNEL_PREFIX = "debate_"


def channel(session_id: str) -> str:
    """The LISTEN/NOTIFY channel of ``session_id``.

    >>> channel("a1b2c3d4")
    'debate_a1b2c3d4'
    """
    return CHANNEL_PREFIX + session_id


class GamePaused(StoreError):
    """An append refused because the facilitator paused the game (nothing was written)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Access:
    """What a join code opens: a session, as one seat (``role``) or as its facilitator."""

    session_id: str
    role: str | None

    @property
    def facilitator(self) -> bool:
        return self.role is None


@dataclass(frozen=True, slots=True)
class HostedGame:
    """The pace of a hosted game: pause, turn timer, banner (``version`` counts changes)."""

    session_id: str
    paused: bool
    paused_at: datetime | None
    turn_limit: int | None
    clock_from: datetime | None
    banner: str | None
    version: int
    created: datetime
    expires: datetime


@dataclass(frozen=True, slots=True)
class Presence:
    """A client of a hosted game as last heard from (``role`` None: a facilitator)."""

    client_id: str
    role: str | None
    seen: datetime


@dataclass(frozen=True, slots=True)
class Marker:
    """Where a hosted game is: its event count and its hosting version. Two markers that
    differ mean something changed."""

    next_seq: int
    version: int


@dataclass(frozen=True)
class Update:
    """What changed since a client's last event: new events (with their times), the seats
    and the hosting row, read in one snapshot."""

    events: tuple[Event, ...]
    times: tuple[datetime, ...]
    seats: tuple[Seat, ...]
    hosted: HostedGame
    status: str
    last_moves: dict[str, datetime]  # when each role last acted

    def turn_started(self, role: str | None) -> datetime:
        """When ``role``'s turn began: the last action by any other role (or hosting)."""
        others = [t for r, t in self.last_moves.items() if r != role]
        return max(others, default=self.hosted.created)
