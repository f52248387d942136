"""The facilitator's console: every brief, who is connected, the transcript and scores live,
and the powers of :class:`debate.seminar.pace.Console` through a command line:

    pause | resume | timer SECONDS | timer off | say TEXT | say | bot ROLE [LEVEL]
    | human ROLE | end

(``say`` alone clears the banner; ``human ROLE`` shows the seat's new code once.)
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from typing import ClassVar

from rich.console import Group
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static, TabbedContent, TabPane

from debate.seminar import SeatClient, SeminarError
from debate.seminar.follow import GONE_SECONDS
from debate.seminar.pace import Console
from debate.tui.screens.joined import FollowsTheGame, SeminarBanner, banner_text
from debate.tui.styles import APP_TCSS
from debate.tui.text import literal, role_label
from debate.tui.widgets import PackagePanel, Scoreboard, StatusLine, Transcript
from debate.tui.widgets.brief import brief_renderable

HELP = (
    "pause · resume · timer SECONDS · timer off · say TEXT · say · bot ROLE [easy|normal|hard]"
    " · human ROLE · end"
)


class FacilitatorScreen(FollowsTheGame, Screen[None]):
    CSS_PATH = APP_TCSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.lobby", "Lobby")]

    def __init__(self, client: SeatClient, follow: bool = True) -> None:
        super().__init__()
        self.client = client
        self.console = Console(client)
        self.connection: str | None = None
        self.shown_seq = -1
        self._follow = follow
        self._stop = threading.Event()
        game = client.game
        #: Every seat's private brief (only the facilitator's console shows them all).
        self.briefs = Group(*(brief_renderable(game.motion, r) for r in game.state.roles))

    def compose(self) -> ComposeResult:
        motion = self.client.game.motion
        yield Header()
        yield SeminarBanner(id="seminar-banner")
        yield StatusLine(id="status")
        with Horizontal(id="table"):
            yield Transcript(motion, id="transcript")
            with TabbedContent(id="side", initial="tab-seats"):
                with TabPane("Seats", id="tab-seats"):
                    yield Static(id="seats-panel")
                with TabPane("Package", id="tab-package"):
                    yield PackagePanel(id="package")
                with TabPane("Scores", id="tab-scores"):
                    yield Scoreboard(motion, id="scores")
                with TabPane("Briefs", id="tab-briefs"):
                    yield VerticalScroll(Static(self.briefs, id="all-briefs"))
        yield Label(HELP, id="facilitate-help")
        yield Input(placeholder="command (pause, timer 90, say …)", id="facilitate-command")
        yield Footer()

    def on_mount(self) -> None:
        game = self.client.game
        self.sub_title = f"Facilitator · {game.motion.title}"
        self.query_one("#facilitate-command", Input).focus()
        self.show_all()
        self.set_interval(1.0, self.show_banner)
        if self._follow:
            self.run_worker(self._following, thread=True, group="follow", exit_on_error=False)

    def on_unmount(self) -> None:
        self._stop.set()

    # -- showing -----------------------------------------------------------------------------
    def remote_changed(self) -> None:
        from debate.store import StoreError

        try:
            self.client.refresh()
        except StoreError as e:
            self.connection_changed(f"connection lost ({e.message}); retrying")
            return
        self.show_all()

    def connection_changed(self, message: str | None) -> None:
        self.connection = message
        self.show_banner()

    def show_banner(self) -> None:
        text = banner_text(self.client, self.connection, datetime.now(UTC))
        banner = self.query_one(SeminarBanner)
        banner.set_class(not text.plain, "-empty")
        banner.update(text)
        self.show_seats()

    def show_seats(self) -> None:
        from debate.store import StoreError

        game = self.client.game
        try:
            here = self.client.store.present(self.client.session_id, GONE_SECONDS)
        except StoreError:
            here = []
        connected = {p.role for p in here}
        lines = [Text("Seats", style="bold")]
        for role in game.state.roles:
            seat = game.seat(role)
            line = Text.assemble(role_label(game.motion, role, seat.player), " · ")
            if seat.kind == "scripted":
                line.append(f"scripted ({seat.difficulty})", "cyan")
            elif role in connected:
                line.append("connected", "green")
            else:
                line.append("not connected", "dim")
            lines.append(line)
        lines.append(literal(f"\nFacilitator screens: {sum(p.role is None for p in here)}"))
        self.query_one("#seats-panel", Static).update(Group(*lines))

    def show_all(self) -> None:
        game, state = self.client.game, self.client.game.state
        self.query_one(Transcript).show(game.events, state)
        self.query_one(PackagePanel).show(state)
        self._show_scoreboard()
        role = state.current_role
        self.query_one(StatusLine).show(state, game.seat(role).player if role else None)
        self.shown_seq = state.seq
        self.show_banner()

    def _show_scoreboard(self) -> None:
        # Scored while the Scores tab is open only: the scorer's modules and validators took
        # longer than the console took to draw (issue 15), and filling the hidden tab after
        # each move laid the screen out again.
        if self.query_one("#side", TabbedContent).active == "tab-scores":
            self.query_one(Scoreboard).show_scores(self.client.game.scores)

    @on(TabbedContent.TabActivated, "#side")
    def _tab_shown(self) -> None:
        self._show_scoreboard()

    # -- commands ----------------------------------------------------------------------------
    @on(Input.Submitted, "#facilitate-command")
    def _command(self, event: Input.Submitted) -> None:
        from debate.store import StoreError

        event.input.value = ""
        try:
            said = self.run_command(event.value)
        except (SeminarError, StoreError) as e:
            self.notify(e.message, title="Refused", severity="warning", markup=False)
            return
        if said:
            self.notify(said, title="Done", markup=False, timeout=30)
        self.show_all()

    def run_command(self, line: str) -> str | None:
        """Carry out one console command; what to tell the facilitator, if anything."""
        verb, _, rest = line.strip().partition(" ")
        rest = rest.strip()
        console = self.console
        match verb.lower():
            case "pause":
                console.pause()
            case "resume":
                console.resume()
            case "timer":
                if rest.lower() in ("off", "none", "0", ""):
                    console.set_limit(None)
                elif rest.isdigit():
                    console.set_limit(int(rest))
                else:
                    raise SeminarError("timer SECONDS, or timer off")
            case "say":
                console.set_banner(rest or None)
            case "bot":
                role, _, level = rest.partition(" ")
                console.hand_to_scripted(role, level.strip() or "normal")
            case "human":
                code = console.hand_to_human(rest)
                return f"New code for {rest}: {code}"
            case "end":
                console.end_debate()
            case _:
                raise SeminarError(f"unknown command {verb!r}: {HELP}")
        return None
