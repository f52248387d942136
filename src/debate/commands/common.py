"""What every subcommand shares: the --db and --json options, consoles, clean failures.

Conventions (DESIGN.md section 4): ``--json`` prints exactly one JSON document on stdout;
messages go to stderr; exit 0 on success, 1 on a runtime failure, 2 on bad input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DEBATE_DB",
        show_envvar=True,
        help="Database URL (any SQLAlchemy URL) or SQLite file path [default: saves/debate.db]",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]

#: Set by a command once its full-screen app has ended and everything is saved and closed:
#: :func:`debate.cli.main` then ends the process without tearing down every object the
#: session built (freeing a long replay's states took longer than the app took to quit).
QUICK_EXIT: dict[str, bool] = {"after_app": False}

out = Console(highlight=False)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a plain message (never markup) to stderr and exit with ``code``."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)


def print_json(document: Any) -> None:
    """Write exactly one JSON document to stdout."""
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


@contextmanager
def bad_input_exits() -> Iterator[None]:
    """Report data-file problems (file, field path, message) and exit 2, no traceback."""
    from debate.validation import DataError

    try:
        yield
    except DataError as e:
        for problem in e.problems:
            err.print(escape(str(problem)), style="red")
        raise typer.Exit(2) from None
