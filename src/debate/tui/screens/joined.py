"""The debate table for one seat of a hosted game (``debate join``, Join a game).

The same :class:`TableScreen` as hot-seat play, told three things more: the seat is
fixed (its own brief only, no hand-over), the action bar is open only on this seat's turn
of a running game, and other screens' moves arrive live. A thread follows the game
(:func:`debate.seminar.follow.follow`: LISTEN/NOTIFY or polling, presence, the referee's
duty under the lease) and wakes the screen, which then reads what is new.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from rich.text import Text
from textual.widgets import Static

from debate.engine import Action
from debate.seminar import GameMovedOn, Refused, SeatClient
from debate.tui.screens.table import TableScreen
from debate.tui.text import literal


class SeminarBanner(Static):
    """Pause, timer, the facilitator's message and the connection, in one or two lines."""

    DEFAULT_CSS = """
    SeminarBanner { height: auto; max-height: 3; padding: 0 1; background: $warning 30%; }
    SeminarBanner.-empty { display: none; }
    """


def banner_text(client: SeatClient, connection: str | None, now: datetime) -> Text:
    parts: list[Text] = []
    if client.revoked:
        parts.append(literal("Your code no longer opens this seat: ask the facilitator.", "bold"))
    if connection:
        parts.append(literal(connection, "bold red"))
    if client.paused:
        parts.append(literal("The facilitator has paused the game.", "bold"))
    if client.hosted.banner:
        parts.append(Text.assemble(("Facilitator: ", "bold"), client.hosted.banner))
    due = client.deadline()
    if due is not None:
        left = max(int((due - now).total_seconds()), 0)
        parts.append(literal(f"Time left for this turn: {left // 60}:{left % 60:02d}"))
    return Text("  ·  ").join(parts)


def open_referee(client: SeatClient, stop: threading.Event, post: Any, status: Any) -> Any:
    """The follow thread's own client of the game (retried with backoff while the database
    is out of reach); None if the screen closed first."""
    from debate.store import StoreError

    backoff = 0.5
    while not stop.is_set():
        try:
            return SeatClient(client.store, client.session_id, None)
        except StoreError as e:
            post(status, f"connection lost ({e.message}); retrying in {backoff:.1f} s")
            stop.wait(backoff)
            backoff = min(backoff * 2, 8.0)
    return None


class FollowsTheGame:
    """For a screen of a hosted game (a seat's table, the facilitator's console): a thread
    follows the game (its own client, retried while the database is out of reach) and wakes
    the screen's ``remote_changed``/``connection_changed`` on the app's thread. Presence is
    reported for ``client.role`` (None: the facilitator)."""

    # Provided by the screen (annotations only: nothing here shadows the screen's own).
    client: SeatClient
    _stop: threading.Event
    app: Any
    remote_changed: Callable[[], None]
    connection_changed: Callable[[str | None], None]

    def _following(self) -> None:
        from debate.seminar.follow import follow

        referee = open_referee(self.client, self._stop, self._from_thread, self.connection_changed)
        if referee is None:
            return
        follow(
            referee,
            self._stop,
            on_change=lambda: self._from_thread(self.remote_changed),
            on_status=lambda message: self._from_thread(self.connection_changed, message),
            presence_role=self.client.role,
        )

    def _from_thread(self, callback: Any, *args: Any) -> None:
        if not self._stop.is_set():
            try:
                self.app.call_from_thread(callback, *args)
            except RuntimeError:  # the app is closing
                self._stop.set()


class JoinedTableScreen(FollowsTheGame, TableScreen):
    """The table of one seat (``client.role``) of a hosted game."""

    coaching_offered = False  # a hosted game is a seminar, even with one person seated

    def __init__(self, client: SeatClient, follow: bool = True) -> None:
        super().__init__(client.game, scripted_delay=0)
        self.client = client
        self.hot_seat = False
        self.viewer = self.keyboard = client.role
        self.connection: str | None = None
        self._follow = follow
        self._stop = threading.Event()

    def on_mount(self) -> None:
        self.mount(SeminarBanner(id="seminar-banner"), before="#table")
        super().on_mount()
        self.set_interval(1.0, self._show_banner)
        if self._follow:
            self.run_worker(self._following, thread=True, group="follow", exit_on_error=False)

    def on_unmount(self) -> None:
        self._stop.set()
        super().on_unmount()

    # -- live updates ------------------------------------------------------------------------
    def remote_changed(self) -> None:
        """Something may have changed in the database: read it and show it."""
        from debate.store import StoreError

        try:
            changed = self.client.refresh()
        except StoreError as e:
            self.connection_changed(f"connection lost ({e.message}); retrying")
            return
        if changed or self.shown_seq != self.game.state.seq:
            self.advance()
        else:
            self._show_banner()

    def connection_changed(self, message: str | None) -> None:
        # Served to a browser, a store error must not name the database.
        self.connection = None if message is None else self.app.redact(message)
        self._show_banner()

    def _show_banner(self) -> None:
        text = banner_text(self.client, self.connection, datetime.now(UTC))
        banner = self.query_one(SeminarBanner)
        banner.set_class(not text.plain, "-empty")
        banner.update(text)

    # -- the table's rules for a joined seat ---------------------------------------------
    def legal(self) -> tuple[str, ...]:
        return self.client.legal()

    def advance(self) -> None:
        if self.game.finished:
            from debate.tui.screens.stress import StressScreen

            self._stop.set()
            self.app.switch_screen(StressScreen(self.game))
            return
        role = self.game.current_role
        if role is not None and role != self.client.role:
            name = self.game.motion.role_by_id[role].name
            kind = "" if self.game.is_human(role) else " (scripted)"
            self.note = literal(f"Waiting for {name}{kind}…", "dim")
        elif self.note is not None and self.note.plain.startswith("Waiting"):
            self.note = None
        self.refresh_table()
        self._show_banner()

    def submit(self, action: Action, rationale: str | None = None) -> bool:
        from debate.store import StoreError

        try:
            self.client.act(action, rationale=rationale)
        except GameMovedOn as e:
            self.note = literal(f"{e.message[0].upper()}{e.message[1:]}", "bold yellow")
            self.notify("The game moved on", title="Not saved", severity="warning")
            self.refresh_table()
            return False
        except Refused as e:
            self.refuse(e.message)
            return False
        except StoreError as e:
            message = self.app.redact(f"Not saved, so not played: {e.message}")
            self.note = literal(message, "bold red")
            self.notify(e.message, title="Saving failed", severity="error", markup=False)
            self.refresh_table()
            return False
        self.note = None
        self.advance()
        return True
