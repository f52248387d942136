"""The ``debate`` command. Each group of subcommands lives in ``debate.commands.<module>``
and is imported only when one of its commands runs (or its own ``--help`` is asked for):
``debate --help`` lists the commands from :data:`COMMANDS` alone, so it starts as fast as
typer itself, and nothing heavy (Textual, the database, the engine) is imported until a
command that needs it runs.

Adding a command:

1. write ``debate/commands/<module>.py`` with a ``register(app)`` that adds the command(s)
   to the typer app it is given (``app.command("name")(function)`` or ``app.add_typer``);
   keep its heavy imports inside the command functions;
2. add one line per command name to :data:`COMMANDS` below: the module, and the one-line
   help that ``debate --help`` shows (``tests/test_cli_lazy.py`` checks it is the
   command's own first docstring line, so the two cannot drift apart).
"""

# No `from __future__ import annotations`: typer reads the root callback's annotations,
# which name typer itself, imported inside build_app().
import gc
import os
import sys
from functools import cache
from importlib import import_module
from typing import Any

from debate import collector

#: Command name -> (module under debate.commands that registers it, its one-line help).
COMMANDS: dict[str, tuple[str, str]] = {
    "delete": ("sessions", "Delete a session with its events and annotations."),
    "export": ("sessions", "Export a whole session (motion snapshot, seats, events, annotations)."),
    "import": (
        "sessions",
        "Import session documents; each is checked completely before anything is written, "
        "and each is reported (a bad one does not stop the others).",
    ),
    "motions": ("motions", "List, check and describe motion files."),
    "play": ("play", "Open the lobby, or start solo practice on MOTION as the role --as."),
    "replay": ("replay", "Replay a saved session: step through it, annotate, branch, export."),
    "score": (
        "score",
        "Score a package file: each criterion with its reasons, and the Deterrence Index.",
    ),
    "sessions": (
        "sessions",
        "List saved sessions, newest first (a page at a time), branches under their parent.",
    ),
    "simulate": ("simulate", "Run bot-vs-bot games of a motion and summarise how it plays."),
    # Hosted games (docs/seminar.md).
    "host": (
        "seminar",
        "Host a game: one join code per human seat and one for the facilitator.",
    ),
    "state": ("seminar", "What a code's seat sees now (its own brief only)."),
    "act": (
        "seminar",
        "Play one action as the code's seat (the facilitator: as the seat to play).",
    ),
    "referee": (
        "seminar",
        "Play the scripted seats and run the turn clock of a hosted game (facilitator code), "
        "until the game is over or Ctrl+C.",
    ),
    "join": (
        "seminar_tui",
        "Your seat's debate table in a hosted game (your brief only; others' moves live).",
    ),
    "facilitate": (
        "seminar_tui",
        "The facilitator's console of a hosted game: every brief, pace, timer, seats.",
    ),
    "serve": (
        "seminar_tui",
        "Serve the game to web browsers (textual-serve), in restricted mode: Join a game and "
        "solo practice only; no database path or URL is shown.",
    ),
}


#: Commands that open a screen: the collector stays held until it is drawn (debate.collector).
OPENS_A_SCREEN = frozenset({"play", "replay", "join", "facilitate"})


@cache
def build_app() -> Any:
    """The typer application (built on first use: bare ``debate`` needs no typer at all)."""
    import typer
    from typer.core import TyperGroup

    from debate.commands.common import DbOption, ThemeOption, done, use_theme
    from debate.commands.plain_params import use_plain_conversion
    from debate.paths import default_db_path

    class LazyGroup(TyperGroup):
        """A typer group whose subcommands are imported on first use (see COMMANDS)."""

        _listing = False

        def list_commands(self, ctx: Any) -> list[str]:
            return sorted(set(self.commands) | set(COMMANDS))

        def get_command(self, ctx: Any, cmd_name: str) -> Any:
            if cmd_name in self.commands or cmd_name not in COMMANDS:
                return self.commands.get(cmd_name)
            module, short_help = COMMANDS[cmd_name]
            if self._listing:  # `debate --help`: the listed line, without the module
                return typer.core.TyperCommand(name=cmd_name, help=short_help)
            sub = typer.Typer()
            import_module(f"debate.commands.{module}").register(sub)
            for name, command in typer.main.get_group(sub).commands.items():
                use_plain_conversion(command, ctx)
                self.commands.setdefault(name, command)
            return self.commands.get(cmd_name)

        def resolve_command(self, ctx: Any, args: list[str]) -> Any:
            name, command, rest = super().resolve_command(ctx, args)
            if name not in OPENS_A_SCREEN:  # those release it once their screen is drawn
                collector.release()
            return name, command, rest

        def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
            use_plain_conversion(self, ctx)  # the root's own options (--db, --theme, --help)
            return super().parse_args(ctx, args)  # type: ignore[no-any-return]

        def format_help(self, ctx: Any, formatter: Any) -> None:
            self._listing = True
            try:
                super().format_help(ctx, formatter)
            finally:
                self._listing = False
            done()  # the help is all `debate --help` does: nothing to close

    root = typer.Typer(
        name="debate",
        cls=LazyGroup,
        help="Guarantees: a debate game on security guarantees for Ukraine. "
        "Run with no command to open the game's lobby.\n\n"
        f"Games are saved in {default_db_path()} unless --db or DEBATE_DB names another "
        "database.",
        no_args_is_help=False,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @root.callback(invoke_without_command=True)
    def _root(ctx: typer.Context, db: DbOption = None, theme: ThemeOption = None) -> None:
        use_theme(theme)
        if db is not None:
            # `debate --db X sessions` means `debate sessions --db X`: hand it down.
            ctx.default_map = {name: {"db": db} for name in COMMANDS}
        if ctx.invoked_subcommand is None:
            from debate.commands.play import open_lobby

            open_lobby(db)

    return root


def __getattr__(name: str) -> Any:
    if name == "app":  # `from debate.cli import app`: the typer application
        return build_app()
    raise AttributeError(name)


def main() -> None:
    """The ``debate`` console script."""
    # Start-up builds a few hundred thousand long-lived objects (modules, pydantic schemas,
    # then a session's events and states) and almost no cyclic garbage, so the collector's
    # default pace (every 700 allocations) rescans them again and again: 7% of `debate play`
    # to its table, 20% of a 50,000-event export. Collect about seventy times less often,
    # and not at all until the first screen is drawn or a command starts (debate.collector).
    gc.set_threshold(50_000, 50, 1000)
    collector.hold()
    if len(sys.argv) == 1:
        # Bare `debate`: straight to the lobby, which needs neither typer nor the database.
        from debate.tui import create_app

        if create_app(db_url=os.environ.get("DEBATE_DB") or None).run_and_close():
            _leave_at_once()
        return
    app = build_app()
    from debate.commands.common import QUICK_EXIT

    QUICK_EXIT["done"] = False  # only this run's command may say so
    try:
        app()
    except SystemExit as e:
        code = e.code
    else:
        code = 0
    if QUICK_EXIT["done"] and code in (0, None):
        _leave_at_once()
    sys.exit(code)


def _leave_at_once() -> None:
    """The command ended with everything written out and closed: leave now, rather than
    wait for the interpreter to free it object by object (quitting the replay of a long
    session took most of a second more, over a second from the lobby; `debate score`, 30 ms).
    A closed pipe, say, leaves the usual way instead, which reports it."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        return
    os._exit(0)
