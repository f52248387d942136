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

from debate.tui.commands import GameCommands
from debate.tui.theme import HIGH_CONTRAST

if TYPE_CHECKING:  # the engine and the store load with the first screen that needs them
    from debate.play import GameController

#: Seconds a scripted seat "thinks" before it acts (space skips the wait).
SCRIPTED_DELAY = 0.8


class DebateApp(App[None]):
    """Guarantees: lobby, new game, debate table, hand-over, stress test, debrief."""

    # No CSS_PATH here: app.tcss comes with the first screen after the lobby (styles.py).
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
    ) -> None:
        super().__init__()
        self.export_dir = Path(export_dir)
        self._store = store
        self.db_url = db_url
        self.motion_dirs = [Path(d) for d in motion_dirs]
        self.scripted_delay = scripted_delay
        self._on_ready = on_ready
        self.register_theme(HIGH_CONTRAST)

    # -- services ------------------------------------------------------------------------
    @property
    def store(self) -> Any:
        """The session store, opened on first use (the lobby itself needs no database)."""
        if self._store is None:
            from debate.store import open_store

            self._store = open_store(self.db_url)
        return self._store

    def get_default_screen(self) -> Screen[Any]:
        from debate.tui.screens.lobby import LobbyScreen

        return LobbyScreen()

    def on_mount(self) -> None:
        if self._on_ready is not None:
            self.call_after_refresh(self._on_ready, self)

    # -- navigation ----------------------------------------------------------------------
    def action_lobby(self) -> None:
        """Close every screen above the lobby."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

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

    def begin(self, game: GameController) -> None:
        """Show the debate table for ``game`` (above the lobby only)."""
        from debate.tui.screens.table import TableScreen

        self.action_lobby()
        self.push_screen(TableScreen(game, self.scripted_delay))

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
) -> DebateApp:
    """The game's app. ``store`` (or ``db_url``) says where sessions are saved;
    ``motion_dirs`` adds motion directories; ``on_ready`` runs once the lobby is shown
    (``debate play MOTION`` uses it to start a game directly); debriefs are exported to
    ``export_dir``."""
    return DebateApp(store, db_url, motion_dirs, scripted_delay, on_ready, export_dir)
