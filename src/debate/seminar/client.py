"""One screen's hold on a hosted game: a seat (or the facilitator) opened by its code.

A :class:`SeatClient` keeps a :class:`~debate.play.GameController` of the session and
brings it up to date with :meth:`refresh` (events since its last one, the seats, the
hosting row). :meth:`act` appends with the expected event number: a client that loses a
race reloads and raises :class:`GameMovedOn`, so it is never stuck.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from debate.engine import Action, Event, IllegalAction, legal_action_types
from debate.play import GameController
from debate.seminar.clock import deadline
from debate.seminar.codes import code_hash
from debate.seminar.errors import BadCode, GameMovedOn, Refused


class HostedAppends:
    """The store as a hosted game's controller sees it: appends are also refused while the
    game is paused (:meth:`debate.store.Store.append_hosted`); everything else as is."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def append(
        self, session_id: str, event: Event, expected_seq: int, finish: bool = False
    ) -> int:
        return int(self._store.append_hosted(session_id, event, expected_seq, finish=finish))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


class SeatClient:
    """A hosted game as one seat sees it (``role`` None: the facilitator sees all)."""

    def __init__(
        self, store: Any, session_id: str, role: str | None, code_hash: str | None = None
    ) -> None:
        self.store = store
        self.session_id = session_id
        self.role = role
        #: The hash of the code this client was opened with: checked again whenever the
        #: seats change, so a code the facilitator replaced stops working on open screens.
        self._code_hash = code_hash
        self.revoked = False
        #: Names this client in presence rows and leases.
        self.client_id = secrets.token_hex(8)
        loaded = store.load(session_id)
        self.game = GameController(
            HostedAppends(store),
            session_id,
            loaded.motion,
            loaded.seats,
            loaded.info.seed,
            loaded.events,
        )
        self._update = store.update_since(session_id, len(loaded.events))
        self._apply(self._update)

    @classmethod
    def open(cls, store: Any, code: str) -> SeatClient:
        """The client a code opens; :class:`BadCode` if it opens nothing."""
        access = store.access(code_hash(code))
        if access is None:
            raise BadCode()
        return cls(store, access.session_id, access.role, code_hash(code))

    # -- keeping up ------------------------------------------------------------------------
    def _apply(self, update: Any) -> None:
        if self._code_hash is not None and update.hosted.version != getattr(
            getattr(self, "hosted", None), "version", None
        ):
            access = self.store.access(self._code_hash)
            self.revoked = access is None or access.role != self.role
        self.game.catch_up(update.events)
        self.game.reseat(update.seats)
        self.hosted = update.hosted
        self.status = update.status
        self._update = update

    def refresh(self) -> bool:
        """Read what changed since this client last looked; True if anything did."""
        before = (self.game.state.seq, self.hosted.version)
        self._apply(self.store.update_since(self.session_id, self.game.state.seq))
        return (self.game.state.seq, self.hosted.version) != before

    # -- where the game is -----------------------------------------------------------------
    @property
    def facilitator(self) -> bool:
        return self.role is None

    @property
    def paused(self) -> bool:
        return self.hosted.paused

    @property
    def finished(self) -> bool:
        return self.game.finished

    @property
    def to_play(self) -> str | None:
        return self.game.current_role

    def deadline(self) -> datetime | None:
        """When the seat to play passes automatically (None: no limit, paused, or over)."""
        if self.finished:
            return None
        started = self._update.turn_started(self.to_play)
        h = self.hosted
        return deadline(started, h.clock_from, h.turn_limit, h.paused)

    def my_turn(self) -> bool:
        role = self.to_play
        return (
            role is not None
            and not self.revoked
            and not self.paused
            and (self.facilitator or role == self.role)
            and self.game.is_human(role)
        )

    def legal(self) -> tuple[str, ...]:
        """Action types this client may take now (none off-turn, paused or over)."""
        if not self.my_turn():
            return ()
        role = self.to_play
        assert role is not None
        return legal_action_types(self.game.state, role)

    # -- acting ----------------------------------------------------------------------------
    def act(self, action: Action, rationale: str | None = None) -> Event:
        """Apply ``action`` as this seat (the facilitator: as the seat to play) and save it.
        Raises :class:`Refused` (nothing saved) or :class:`GameMovedOn` (state reloaded)."""
        from debate.store import SequenceConflict
        from debate.store.hosted import GamePaused

        role = self.to_play
        if self.finished or role is None:
            raise Refused("the game is over")
        if self.revoked:
            raise Refused("your code no longer opens this seat (ask the facilitator)")
        if self.paused:
            raise Refused("the game is paused by the facilitator")
        if not self.facilitator and role != self.role:
            raise Refused(f"it is {role}'s turn, not {self.role}'s")
        if not self.game.is_human(role):
            raise Refused(f"{role} is played by a scripted role")
        try:
            return self.game.submit(action, actor=role, rationale=rationale)
        except IllegalAction as e:
            raise Refused(e.reason) from None
        except GamePaused:
            self.refresh()
            raise Refused("the game is paused by the facilitator") from None
        except SequenceConflict:
            self.refresh()
            raise GameMovedOn() from None

    def view(self) -> dict[str, Any]:
        """This seat's view of the game as one JSON-ready document."""
        from debate.seminar.view import seat_view

        return seat_view(self)
