"""The ``debate`` command. Each group of subcommands lives in ``debate.commands.<name>``
and registers itself here; nothing heavy (Textual, the database) is imported until a
command that needs it runs."""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="debate",
    help="Guarantees: a debate game on security guarantees for Ukraine. "
    "Run with no command to open the game's lobby.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)

#: Modules under debate.commands that each define ``register(app)``.
COMMAND_MODULES: tuple[str, ...] = ("motions", "play", "replay", "score", "simulate", "sessions")


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:
        ctx.invoke(_open_lobby)


def _open_lobby() -> None:
    from debate.commands.common import fail

    try:
        play = importlib.import_module("debate.commands.play")
    except ModuleNotFoundError:
        fail("the game's screens are not installed yet; see `debate --help`", code=1)
    play.open_lobby()


for _name in COMMAND_MODULES:
    importlib.import_module(f"debate.commands.{_name}").register(app)


def main() -> None:
    app()
