"""Saved sessions: Continue (games still being played) and Replay (all of them).

The list is read from the database a page at a time, newest first; its last line, when
more sessions are saved, reads the next page.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from debate.tui.styles import APP_TCSS
from debate.tui.text import shown

#: Sessions read per page; the option that reads the next one.
PAGE = 100
MORE = "__more__"

TITLES = {
    "continue": "Continue a saved game (Enter resumes it)",
    "replay": "Saved sessions (Enter opens one)",
}


def session_label(info: Any) -> Text:
    """Two lines: the title, then motion, seats, events and status (no clock times, so
    the list reads the same in a seminar and in a test)."""
    out = Text(info.title, style="bold")
    out.append(f"\n  {info.motion_id} · ")
    for i, seat in enumerate(info.seats):
        if i:
            out.append(", ")
        out.append(seat.player if seat.kind == "human" else f"{seat.role}: scripted")
        if seat.kind == "human":
            out.append(f" ({seat.role})", style="dim")
    out.append(f" · {info.events} events · {info.status}", style="dim")
    return shown(out)


def _has(listing: OptionList, option_id: str) -> bool:
    try:
        listing.get_option_index(option_id)
    except OptionDoesNotExist:
        return False
    return True


class SessionsScreen(Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Back")]

    def __init__(self, purpose: Literal["continue", "replay"]) -> None:
        super().__init__()
        self.purpose = purpose
        self.ids: list[str] = []
        self.rows_read = 0  # listed and damaged sessions: where the next page starts
        self.damaged = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(TITLES[self.purpose], style="bold"), classes="screen-title")
        yield OptionList(id="session-list")
        yield Static(id="session-note")
        yield Footer()

    def on_mount(self) -> None:
        listing = self.query_one("#session-list", OptionList)
        infos = self._read_page()
        if infos is None:
            return
        if infos:
            listing.highlighted = 0
        else:
            empty = "No game to continue." if self.purpose == "continue" else "No saved session."
            self.query_one("#session-note", Static).update(Text(empty, style="dim italic"))
        listing.focus()

    def _read_page(self) -> list[Any] | None:
        """Add the next page of sessions to the list (None: the store cannot be read)."""
        app: Any = self.app
        listing = self.query_one("#session-list", OptionList)
        try:
            status = "active" if self.purpose == "continue" else None
            # One more than a page: whether there is a next page, without counting.
            page = app.store.scan_sessions(status=status, limit=PAGE + 1, offset=self.rows_read)
        except Exception as e:  # a store that cannot open says why, in words
            self.query_one("#session-note", Static).update(Text(f"Cannot read saves: {e}"))
            return None
        if _has(listing, MORE):
            listing.remove_option(MORE)
        infos = page.sessions
        # Damaged sessions take their place in the page: counted, said, never shown.
        read = len(infos) + len(page.damaged)
        more = read > PAGE
        if more and not page.damaged:  # the extra row is the last one: leave it for later
            infos, read = infos[:PAGE], PAGE
        self.rows_read += read
        self.damaged += len(page.damaged)
        for info in infos:
            self.ids.append(info.id)
            listing.add_option(Option(session_label(info), id=info.id))
        if self.damaged:
            self.query_one("#session-note", Static).update(
                Text(f"{self.damaged} damaged session(s) left out: `debate sessions` names them.")
            )
        if more:
            listing.add_option(
                Option(Text(f"… more sessions (Enter lists {PAGE} more)", style="dim"), id=MORE)
            )
        return infos

    @on(OptionList.OptionSelected, "#session-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        session_id = event.option.id
        if session_id is None:
            return
        if session_id == MORE:
            listing = self.query_one("#session-list", OptionList)
            first_new = len(self.ids)
            self._read_page()
            listing.highlighted = first_new
            return
        app: Any = self.app
        if self.purpose == "continue":
            app.resume(session_id)
        else:
            from debate.tui.navigation import open_replay

            open_replay(app, session_id)
