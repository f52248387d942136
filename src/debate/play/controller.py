"""The headless game: a saved session's motion, seats, events and states.

The controller is what the TUI (and its tests) drive. Every action goes through
:meth:`GameController.submit`, which asks the engine, then commits the event through the
store *before* anything on screen changes; a refused action raises
:class:`~debate.engine.IllegalAction` and changes nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from typing import Any, Protocol

from debate.engine import Action, Event, GameState, apply, replay
from debate.history.transcript import TranscriptEntry, entries
from debate.motions import Motion
from debate.play.scores import ScoreBook
from debate.play.scripted_seat import ScriptedMove, choose
from debate.text_safety import name_problem

#: Longest player name accepted (names are shown in narrow panels).
MAX_NAME = 40


class SeatLike(Protocol):
    """A seat as the store keeps it (``debate.store.Seat``)."""

    role: str
    player: str
    kind: str  # "human" | "scripted"
    difficulty: str | None


class StoreLike(Protocol):
    """The part of the store's repository the game uses."""

    def create_session(
        self, motion: Motion, seats: Sequence[Any], seed: int, title: Any = ...
    ) -> Any: ...
    def append(
        self, session_id: Any, event: Event, expected_seq: int, finish: bool = ...
    ) -> Any: ...
    def load(self, session_id: Any) -> Any: ...


def check_player_name(name: str) -> str | None:
    """Why a player name is not acceptable, or None if it is."""
    if not name.strip():
        return "a human seat needs a player name"
    if len(name) > MAX_NAME:
        return f"player names are limited to {MAX_NAME} characters (this one has {len(name)})"
    return name_problem(name)


class GameController:
    """One session being played."""

    def __init__(
        self,
        store: StoreLike,
        session_id: Any,
        motion: Motion,
        seats: Iterable[SeatLike],
        seed: int,
        events: Sequence[Event] = (),
    ) -> None:
        self._store = store
        self._session_id = session_id
        #: A new game still being saved (see :meth:`start_later`); None once it is saved.
        self._saving: Future[None] | None = None
        self._unsaved: tuple[Callable[[], StoreLike], str | None] | None = None
        self.motion = motion
        self.seed = seed
        self.seats: dict[str, SeatLike] = {s.role: s for s in seats}
        self.events: list[Event] = list(events)
        #: states[k] is the fold of the first k events.
        self.states: list[GameState] = replay(motion, self.events, list(self.seats))
        self.scores = ScoreBook(self.states)
        #: Coaching (solo practice only): after each turn of the human seat, the move the
        #: role's scripted lookahead rates best, if it beats the turn played.
        self.coaching = False
        self._advice: dict[int, Any] = {}

    # -- opening a game ------------------------------------------------------------------
    @classmethod
    def start(
        cls,
        store: StoreLike,
        motion: Motion,
        seats: Sequence[SeatLike],
        seed: int,
        title: str | None = None,
    ) -> GameController:
        """Create and save a new session, and return its controller."""
        created = store.create_session(motion, list(seats), seed, title=title)
        session_id = getattr(created, "id", created)
        return cls(store, session_id, motion, seats, seed)

    @classmethod
    def start_later(
        cls,
        open_store: Callable[[], StoreLike],
        motion: Motion,
        seats: Sequence[SeatLike],
        seed: int,
        title: str | None = None,
    ) -> GameController:
        """A new game whose store is opened and session created by :meth:`save_in_background`
        (or, failing that, by the first call that needs them), so that its table can be shown
        before the database is even imported. Nothing is played until the session exists:
        :meth:`submit` waits for it, and the event is committed before it returns."""
        game = cls(None, None, motion, seats, seed)  # type: ignore[arg-type]
        game._unsaved = (open_store, title)
        return game

    def save_in_background(self) -> Future[None] | None:
        """Create the session of a :meth:`start_later` game in a thread; None if there is
        nothing to save. The future carries the store's error if it could not be opened."""
        if self._unsaved is None or self._saving is not None:
            return self._saving
        saving: Future[None] = Future()
        saving.set_running_or_notify_cancel()

        def save() -> None:
            try:
                self._create_session()
            except BaseException as e:  # handed to whoever waits, never lost in the thread
                saving.set_exception(e)
            else:
                saving.set_result(None)

        self._saving = saving
        threading.Thread(target=save, name="save-new-game", daemon=True).start()
        return saving

    def settle(self) -> bool:
        """Wait for a save in progress to end, e.g. before the process exits: a database
        being created must not be cut off half-way (its error stays for whoever needs it).
        True if the game is saved in a store (False: never saved, or it could not be)."""
        if self._saving is not None:
            return self._saving.exception() is None
        return self._unsaved is None

    def _create_session(self) -> None:
        assert self._unsaved is not None
        open_store, title = self._unsaved
        store = open_store()
        created = store.create_session(self.motion, list(self.seats.values()), self.seed,
                                       title=title)
        self._store, self._session_id = store, getattr(created, "id", created)

    def _wait_until_saved(self) -> None:
        if self._unsaved is None:
            return
        if self._saving is None:
            self._create_session()
        else:
            self._saving.result()
        self._unsaved = None

    @property
    def store(self) -> StoreLike:
        """The store the game is saved in (for a new game, once it is saved)."""
        self._wait_until_saved()
        return self._store

    @property
    def session_id(self) -> Any:
        self._wait_until_saved()
        return self._session_id

    @classmethod
    def resume(cls, store: StoreLike, session_id: Any) -> GameController:
        """Reopen a saved session exactly where it stopped."""
        loaded = store.load(session_id)
        info = loaded.info
        return cls(
            store,
            getattr(info, "id", session_id),
            loaded.motion,
            loaded.seats,
            int(getattr(info, "seed", 0) or 0),
            loaded.events,
        )

    # -- where the game is ---------------------------------------------------------------
    @property
    def state(self) -> GameState:
        return self.states[-1]

    @property
    def finished(self) -> bool:
        return self.state.finished

    @property
    def current_role(self) -> str | None:
        return self.state.current_role

    def seat(self, role: str) -> SeatLike:
        return self.seats[role]

    def is_human(self, role: str | None) -> bool:
        return role is not None and self.seats[role].kind == "human"

    @property
    def human_roles(self) -> list[str]:
        return [r for r in self.state.roles if self.is_human(r)]

    def last_human_actor(self) -> str | None:
        """The human seat that acted last (who holds the keyboard between turns)."""
        return next((e.actor for e in reversed(self.events) if self.is_human(e.actor)), None)

    def transcript(self, since: int = 0) -> list[TranscriptEntry]:
        return entries(self.events[since:], self.state)

    # -- acting --------------------------------------------------------------------------
    def submit(
        self, action: Action, actor: str | None = None, rationale: str | None = None
    ) -> Event:
        """Apply ``action`` for ``actor`` (default: the role to play), then save it.

        Raises :class:`~debate.engine.IllegalAction` (nothing changes) or the store's error
        (nothing changes either: the event is kept only once it is committed).
        """
        role = actor or self.current_role
        if role is None:
            from debate.engine.errors import GameOver

            raise GameOver("the game is over")
        new_state, event = apply(self.state, role, action, rationale)
        from debate.store.errors import SequenceConflict

        try:
            # The last event and the finished status are written in one transaction.
            self.store.append(
                self.session_id, event, expected_seq=event.seq, finish=new_state.finished
            )
        except SequenceConflict:
            # Another screen played first: take its events, so the next try can succeed.
            self.reload()
            raise
        self.events.append(event)
        self.states.append(new_state)
        return event

    # -- following other screens ---------------------------------------------------------
    def catch_up(self, events: Iterable[Event]) -> int:
        """Apply events saved by another screen (those already known are skipped); return
        how many were new. Raises ``CorruptLog`` if they do not continue this game."""
        from debate.engine import fold

        added = 0
        for event in events:
            if event.seq < len(self.events):
                continue
            self.states.append(fold(self.motion, [event], start=self.state))
            self.events.append(event)
            added += 1
        return added

    def reseat(self, seats: Iterable[SeatLike]) -> None:
        """Take the seats as saved now (a hosted game may hand a seat to a scripted role)."""
        self.seats = {s.role: s for s in seats}

    def reload(self) -> None:
        """Read the events saved since this controller last looked (and the seats)."""
        loaded = self.store.load(self.session_id)
        self.reseat(loaded.seats)
        self.catch_up(loaded.events)

    # -- coaching ----------------------------------------------------------------------------
    @property
    def can_coach(self) -> bool:
        """Coaching is for solo practice: exactly one human seat (never in a seminar)."""
        return len(self.human_roles) == 1

    def turns_of(self, role: str) -> list[tuple[int, int]]:
        """(first event, point after the last event) of each turn ``role`` played."""
        spans: list[tuple[int, int]] = []
        for k, event in enumerate(self.events):
            if event.actor != role:
                continue
            if spans and spans[-1][1] == k and self.states[k].actions_this_turn != 0:
                spans[-1] = (spans[-1][0], k + 1)
            else:
                spans.append((k, k + 1))
        return spans

    def advice_for(self, start: int, end: int) -> Any:
        """The coach's advice for the turn from point ``start`` to ``end`` (or None)."""
        from debate.scripted.coach import advise

        if start not in self._advice:
            role = self.events[start].actor
            self._advice[start] = advise(self.states[start], self.states[end], role)
        return self._advice[start]

    def missed_opportunities(self, role: str) -> list[Any]:
        """Every turn of ``role`` where the coach saw a better move."""
        found = (self.advice_for(a, b) for a, b in self.turns_of(role))
        return [advice for advice in found if advice is not None]

    def scripted_move(self) -> ScriptedMove:
        """What the scripted seat to play would do now (pure: nothing is applied)."""
        role = self.current_role
        if role is None or self.is_human(role):
            raise ValueError("no scripted seat is to play")
        seat = self.seats[role]
        return choose(self.motion, self.state, role, seat.difficulty or "normal", self.seed)

    def play_scripted(self) -> Event:
        """Choose and submit the scripted seat's move."""
        move = self.scripted_move()
        return self.submit(move.action, rationale=move.rationale)
