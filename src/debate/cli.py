"""The ``debate`` command. Each group of subcommands lives in ``debate.commands.<name>``
and registers itself here; nothing heavy (Textual, the database) is imported until a
command that needs it runs."""

from __future__ import annotations

import importlib

import typer

from debate.commands.common import DbOption, ThemeOption, use_theme
from debate.paths import default_db_path

app = typer.Typer(
    name="debate",
    help="Guarantees: a debate game on security guarantees for Ukraine. "
    "Run with no command to open the game's lobby.\n\n"
    f"Games are saved in {default_db_path()} unless --db or DEBATE_DB names another "
    "database.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Modules under debate.commands that each define ``register(app)``.
COMMAND_MODULES: tuple[str, ...] = (
    "motions",
    "play",
    "replay",
    "score",
    "simulate",
    "sessions",
    "seminar",
    "seminar_tui",
)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, db: DbOption = None, theme: ThemeOption = None) -> None:
    use_theme(theme)
    if db is not None:
        # `debate --db X sessions` means `debate sessions --db X`: hand it down as a default.
        commands = getattr(ctx.command, "commands", {})
        ctx.default_map = {name: {"db": db} for name in commands}
    if ctx.invoked_subcommand is None:
        from debate.commands.play import open_lobby

        open_lobby(db)


for _name in COMMAND_MODULES:
    importlib.import_module(f"debate.commands.{_name}").register(app)


def main() -> None:
    app()
