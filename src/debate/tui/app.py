"""The Textual application: lobby first, then the screens a game needs.

Build it with :func:`create_app`, which the ``debate`` command and the tests share:

    app = create_app(store=open_store("saves/debate.db"))
    app.run()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from debate.collector import release as release_collector
from debate.collector import thaw as thaw_collector
from debate.tui.commands import GameCommands
from debate.tui.styles import APP_TCSS
from debate.tui.theme import HIGH_CONTRAST

if TYPE_CHECKING:  # the engine and the store load with the first screen that needs them
    from debate.play import GameController

#: Seconds a scripted seat "thinks" before it acts (space skips the wait).
SCRIPTED_DELAY = 0.8
#: What a browser (``debate serve``) may not do without the facilitator's code: open other
#: games (continue, replay, sessions) or host one.
RESTRICTED_ACTIONS = frozenset({"continue", "replay", "host"})


class DebateApp(App[None]):
    """Guarantees: lobby, new game, debate table, hand-over, stress test, debrief."""

    # No CSS_PATH here: app.tcss comes with the first screen after the lobby, or from the
    # start when a command opens a screen at once (styles.py).
    TITLE = "Guarantees"
    COMMANDS = App.COMMANDS | {GameCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+l", "lobby", "Lobby", show=False),
    ]

    def __init__(
        self,
        store: Any = None,
        db_url: str | None = None,
        motion_dirs: Iterable[Path | str] = (),
        scripted_delay: float = SCRIPTED_DELAY,
        on_ready: Callable[[DebateApp], None] | None = None,
        export_dir: Path | str = "debriefs",
        restricted: bool = False,
        theme: str | None = None,
        first_screen: Callable[[DebateApp], Screen[Any]] | None = None,
    ) -> None:
        # A command that opens a screen at once (`debate play MOTION`, `debate replay ID`)
        # reads the app's stylesheet with the rest at start-up: added when that screen is
        # pushed, it would make Textual parse every stylesheet again and restyle every
        # widget (issue 15). The lobby alone does without it (styles.py).
        opens_a_screen = on_ready is not None or first_screen is not None
        super().__init__(css_path=APP_TCSS if opens_a_screen else None)
        self.export_dir = Path(export_dir)
        #: Served to browsers (``debate serve``): Join a game and solo practice only; saved
        #: games, replays and exports need the facilitator's code; no database is named.
        self.restricted = restricted
        self._store = store
        self.db_url = db_url
        self.motion_dirs = [Path(d) for d in motion_dirs]
        self.scripted_delay = scripted_delay
        self._on_ready = on_ready
        self._first_screen = first_screen
        #: Why the program must stop (e.g. a new game's database could not be opened): the
        #: command that ran the app reports it and exits with status 1.
        self.failure: str | None = None
        self.register_theme(HIGH_CONTRAST)
        from debate.tui.settings import start_theme

        self.theme = theme or start_theme()

    # -- services ------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        """The session store, opened on first use (the lobby itself needs no database)."""
        if self._store is None:
            from debate.store import open_store

            self._store = open_store(self.db_url)
        return self._store

    def get_default_screen(self) -> Screen[Any]:
        """The lobby, or the screen a command opens at once (``first_screen``): the app's
        first screen is drawn complete in its first frame, where a screen pushed above the
        lobby from ``on_mount`` was first drawn half-empty and complete one refresh later,
        ~55 ms into a ~340 ms start (issue 15). The lobby takes its place when it is left
        (:meth:`action_lobby`)."""
        if self._first_screen is not None:
            make, self._first_screen = self._first_screen, None
            screen = make(self)
            # What push_screen does: Textual's switch_screen (to the lobby) pops a result
            # callback, which the app's default screen lacks (Textualize/textual#2650).
            screen._push_result_callback(self, None)
            return screen
        from debate.tui.screens.lobby import LobbyScreen

        return LobbyScreen()

    def on_mount(self) -> None:
        # Remember the theme the player picks (from our palette entries or Textual's own).
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self._follow_background()
        # The first screen drawn ends the start-up without collection (debate.collector).
        self.call_after_refresh(release_collector)
        if self._on_ready is not None:
            # Before the first paint: the lobby is mounted beneath but never drawn, so a
            # command that opens a screen (`debate play MOTION`, `debate replay ID`) paints
            # that screen first (issue 15).
            self._on_ready(self)

    def fail(self, message: str) -> None:
        """Leave the app; the command that ran it prints ``message`` as its error."""
        self.failure = message
        self.exit(return_code=1)

    # -- restricted mode (debate serve) -------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.restricted and action in RESTRICTED_ACTIONS)

    def redact(self, message: str) -> str:
        """``message`` without the database's path or URL when served to browsers."""
        if not self.restricted:
            return message
        for where in {getattr(self._store, "where", None), self.db_url}:
            if where:
                message = message.replace(where, "the game database")
        return message

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        super().notify(self.redact(message), *args, **kwargs)

    # -- navigation ----------------------------------------------------------------------
    def action_lobby(self) -> None:
        """Close every screen above the lobby (the lobby replaces the first screen of a
        command that opened one at once)."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        from debate.tui.screens.lobby import LobbyScreen

        if not isinstance(self.screen, LobbyScreen):
            self.switch_screen(LobbyScreen())
        thaw_collector()  # start-up is over (debate.collector)

    def action_help(self) -> None:
        from debate.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_game(self) -> None:
        from debate.tui.screens.motions import MotionsScreen

        self.push_screen(MotionsScreen(purpose="new"))

    def action_motions(self) -> None:
        from debate.tui.screens.motions import MotionsScreen

        self.push_screen(MotionsScreen(purpose="browse"))

    def action_continue(self) -> None:
        from debate.tui.screens.sessions import SessionsScreen

        self.push_screen(SessionsScreen(purpose="continue"))

    def action_replay(self) -> None:
        from debate.tui.navigation import open_replay

        open_replay(self)

    def action_theme(self, name: str) -> None:
        self.theme = name

    def _theme_changed(self, theme: Any) -> None:
        from debate.tui.settings import save_theme

        self._follow_background()
        save_theme(getattr(theme, "name", str(theme)))

    def _follow_background(self) -> None:
        """Role labels are coloured for the current theme's background."""
        from debate.tui.text import set_background

        # The variables Textual generated for the theme in use (for its stylesheet, before
        # this runs); generating them again cost a third of a millisecond a start.
        variables = self.theme_variables or self.get_css_variables()
        grounds = [variables.get(k, "")[:7] for k in ("background", "surface", "panel")]
        set_background(*(g for g in grounds if len(g) == 7 and g.startswith("#")))

    def begin(self, game: GameController) -> None:
        """Show the debate table for ``game`` (above the lobby only)."""
        self.action_lobby()
        self.push_screen(self.table_for(game))

    def table_for(self, game: GameController) -> Screen[Any]:
        """The debate table of ``game`` (a command's ``first_screen`` may be one)."""
        from debate.tui.screens.table import TableScreen

        return TableScreen(game, self.scripted_delay)

    def action_host(self) -> None:
        from debate.tui.screens.motions import MotionsScreen

        self.push_screen(MotionsScreen(purpose="host"))

    def host(self, motion: Any, seats: list[Any], seed: int) -> None:
        """Host ``motion`` with ``seats`` and show its join codes."""
        from debate.seminar import SeatSpec, SeminarError, host_game
        from debate.store import StoreError
        from debate.tui.screens.hosted import HostedScreen

        specs = [SeatSpec(s.role, s.kind, s.difficulty) for s in seats]
        try:
            codes = host_game(self.store, motion, specs, seed)
        except (SeminarError, StoreError) as e:
            self.notify(e.message, title="Cannot host", severity="error", markup=False)
            return
        self.action_lobby()
        self.push_screen(HostedScreen(motion, codes))

    def action_join(self) -> None:
        from debate.tui.screens.join import JoinScreen

        self.push_screen(JoinScreen())

    def join(self, client: Any) -> None:
        """Show the table of one seat of a hosted game (or the facilitator's console)."""
        self.action_lobby()
        self.push_screen(self.seat_screen(client))

    def seat_screen(self, client: Any) -> Screen[Any]:
        """The table of a hosted game's seat, or the facilitator's console (a command's
        ``first_screen`` may be one)."""
        if client.facilitator:
            from debate.tui.screens.facilitate import FacilitatorScreen

            return FacilitatorScreen(client)
        from debate.tui.screens.joined import JoinedTableScreen

        return JoinedTableScreen(client)

    def run_and_close(self, **options: Any) -> bool:
        """Run the app (``options``: as :meth:`run`); once it has ended well, close the
        store and return True. Every action was saved as it was accepted, so the caller may
        then end the process at once rather than wait for a long session to be freed object
        by object (``debate.cli.main``: quitting a long replay took most of a second)."""
        self.run(**options)
        if self.return_code not in (0, None):
            return False
        if self._store is not None:
            self._store.close()
        return True

    def resume(self, session_id: str) -> None:
        from debate.play import GameController
        from debate.store import StoreError

        try:
            game = GameController.resume(self.store, session_id)
        except StoreError as e:  # deleted or damaged since the list was shown
            self.notify(e.message, title="Cannot continue", severity="error", markup=False)
            return
        self.begin(game)


def create_app(
    store: Any = None,
    db_url: str | None = None,
    motion_dirs: Iterable[Path | str] = (),
    scripted_delay: float = SCRIPTED_DELAY,
    on_ready: Callable[[DebateApp], None] | None = None,
    export_dir: Path | str = "debriefs",
    restricted: bool = False,
    theme: str | None = None,
    first_screen: Callable[[DebateApp], Screen[Any]] | None = None,
) -> DebateApp:
    """The game's app. ``store`` (or ``db_url``) says where sessions are saved;
    ``motion_dirs`` adds motion directories; ``on_ready`` runs once the lobby is mounted
    (``debate replay ID`` opens its screen above it); ``first_screen`` makes the screen
    shown first instead of the lobby, which takes its place when it is left (``debate
    play MOTION`` starts its table so); debriefs are exported to ``export_dir``;
    ``theme`` starts in a theme (default: ``DEBATE_THEME``, else the one saved last
    time)."""
    return DebateApp(
        store, db_url, motion_dirs, scripted_delay, on_ready, export_dir, restricted, theme,
        first_screen,
    )
