"""The facilitator's powers over a hosted game: pause and resume, the turn timer, a banner
to every seat, handing a seat to a scripted role and back, ending the debate early.

Everything is stored (never kept in a process), so it survives a restart of every client.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from debate.engine import Event, Pass
from debate.play import DIFFICULTIES
from debate.seminar.client import SeatClient
from debate.seminar.clock import MAX_LIMIT, resumed_clock
from debate.seminar.codes import code_hash, new_code
from debate.seminar.errors import Refused, SeminarError

#: Longest banner (shown in one line on every seat's screen).
MAX_BANNER = 200


class Console:
    """What the facilitator's code allows, on top of acting as any seat."""

    def __init__(self, client: SeatClient) -> None:
        if not client.facilitator:
            raise SeminarError("only the facilitator's code can do this")
        self.client = client

    @property
    def _store(self):  # type: ignore[no-untyped-def]
        return self.client.store

    @property
    def _sid(self) -> str:
        return self.client.session_id

    def _started(self) -> datetime:
        return self.client._update.turn_started(self.client.to_play)

    def pause(self) -> None:
        self.client.refresh()
        if not self.client.paused:
            self._store.set_pace(self._sid, paused=True, paused_at=datetime.now(UTC))
        self.client.refresh()

    def resume(self) -> None:
        self.client.refresh()
        h = self.client.hosted
        if h.paused:
            clock = resumed_clock(self._started(), h.clock_from, h.paused_at, datetime.now(UTC))
            self._store.set_pace(self._sid, paused=False, paused_at=None, clock_from=clock)
        self.client.refresh()

    def set_limit(self, seconds: int | None) -> None:
        """A per-turn time limit (None clears it); the seat to play gets the full time."""
        if seconds is not None and not 5 <= seconds <= MAX_LIMIT:
            raise SeminarError(f"a turn limit is between 5 and {MAX_LIMIT} seconds")
        self._store.set_pace(self._sid, turn_limit=seconds, clock_from=datetime.now(UTC))
        self.client.refresh()

    def set_banner(self, text: str | None) -> None:
        """A message shown to every seat (None or blank clears it); plain text only."""
        if text is not None:
            # Plain text on one line: no control characters (ESC, C1, bidi overrides).
            kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
            text = " ".join(kept.split())[:MAX_BANNER] or None
        self._store.set_pace(self._sid, banner=text)
        self.client.refresh()

    def hand_to_scripted(self, role: str, difficulty: str = "normal") -> None:
        """An absent student's seat is played by a scripted role; their code stops."""
        if difficulty not in DIFFICULTIES:
            raise SeminarError(f"difficulty must be one of {', '.join(DIFFICULTIES)}")
        name = self.client.game.motion.role_by_id[self._known(role)].name
        self._store.reseat(self._sid, role, "scripted", f"{name} ({difficulty})", difficulty, None)
        self.client.refresh()

    def hand_to_human(self, role: str, player: str | None = None) -> str:
        """Give the seat back to a person; returns the seat's new code (shown once)."""
        name = player or self.client.game.motion.role_by_id[self._known(role)].name
        code = new_code()
        self._store.reseat(self._sid, role, "human", name, None, code_hash(code))
        self.client.refresh()
        return code

    def _known(self, role: str) -> str:
        if role not in self.client.game.seats:
            raise SeminarError(f"no seat {role!r} in this game")
        return role

    def end_debate(self) -> list[Event]:
        """Close the debate now: every remaining turn before the vote is passed."""
        from debate.store import SequenceConflict

        client = self.client
        client.refresh()
        if client.paused:
            raise Refused("the game is paused: resume it first")
        done: list[Event] = []
        for _ in range(1000):
            client.refresh()
            state = client.game.state
            if state.finished or state.in_vote:
                return done
            role = client.to_play
            try:
                done.append(
                    client.game.submit(
                        Pass(), actor=role, rationale="the facilitator closed the debate"
                    )
                )
            except SequenceConflict:
                continue
        raise Refused("the debate could not be closed")  # pragma: no cover
