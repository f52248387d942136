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

from debate.paths import default_db_path
from debate.text_safety import json_safe, neutralise

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="DEBATE_DB",
        show_envvar=True,
        help="Database URL (any SQLAlchemy URL) or SQLite file path "
        f"[default: {default_db_path()}]",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]

#: Longest error message printed (longer ones are cut, saying how long they were).
MAX_MESSAGE = 2000


def _check_theme(value: str | None) -> str | None:
    if value is None:
        return None
    from debate.tui.settings import theme_name

    name = theme_name(value)
    if name is None:
        raise typer.BadParameter(f"unknown theme {value!r} (one of: dark, light, high-contrast)")
    return name


ThemeOption = Annotated[
    str | None,
    typer.Option(
        "--theme",
        callback=_check_theme,
        help="Start in this theme: dark, light or high-contrast (saved themes otherwise).",
    ),
]


def use_theme(theme: str | None) -> None:
    """Start the app in ``theme`` (the app reads DEBATE_THEME when it is built)."""
    if theme is not None:
        import os

        os.environ["DEBATE_THEME"] = theme


#: Set by a command (:func:`done`) once all it did is written out and closed: a full-screen
#: session ended well with everything saved (``DebateApp.run_and_close``), a table printed,
#: a file written. :func:`debate.cli.main` then ends the process without tearing down every
#: object it built (freeing a long replay's states took longer than the app took to quit;
#: the models and typer objects of `debate score`, about 30 ms).
QUICK_EXIT: dict[str, bool] = {"done": False}


def done() -> None:
    """Say that the command has finished and holds nothing open (see :data:`QUICK_EXIT`)."""
    QUICK_EXIT["done"] = True


# No emoji codes: file and player text shows as typed (escape() leaves ":fire:" alone), and
# Rich's emoji table is never loaded (a few ms a command, issue 15).
out = Console(highlight=False, emoji=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def safe(text: object) -> str:
    """Any text for a Rich markup string: control and bidi characters made visible
    (:func:`debate.text_safety.neutralise`), then markup escaped."""
    return escape(neutralise(str(text)))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a plain message (never markup) to stderr and exit with ``code``."""
    if len(message) > MAX_MESSAGE:  # never echo a megabyte of someone's input back
        message = message[:MAX_MESSAGE] + f"… ({len(message)} characters)"
    err.print(f"[bold red]error:[/] {safe(message)}")
    raise typer.Exit(code)


def print_json(document: Any) -> None:
    """Write exactly one JSON document to stdout: strict JSON (a NaN or infinity is a
    failure, never written), with no raw control or bidi character."""
    try:
        text = json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)
    except ValueError:
        fail("a result was not a finite number; nothing was written", code=1)
    sys.stdout.write(json_safe(text) + "\n")


@contextmanager
def bad_input_exits() -> Iterator[None]:
    """Report data-file problems (file, field path, message) and exit 2, no traceback."""
    from debate.validation import DataError

    try:
        yield
    except DataError as e:
        for problem in e.problems:
            err.print(safe(problem), style="red")
        raise typer.Exit(2) from None


InstructorOption = Annotated[
    bool,
    typer.Option(
        "--instructor",
        help="Go ahead with a session still being played (shows every private brief).",
    ),
]


def refuse_unless_instructor(store: Any, session_id: str, instructor: bool, action: str) -> None:
    """Exit 2, naming what would be revealed, if the session is still being played and the
    caller did not say ``--instructor``."""
    if instructor or store.get(session_id).status != "active":
        return  # only a session stored active can still be in play (the events may say over)
    loaded = store.load(session_id)
    refuse_if_in_play(loaded.info.status, loaded.motion, loaded.seats, session_id, action)


def refuse_if_in_play(status: str, motion: Any, seats: Any, session_id: str, action: str) -> None:
    """:func:`refuse_unless_instructor` for a session already loaded (status as loaded)."""
    from debate.report.privacy import still_played, what_it_reveals

    if still_played(status):
        text = what_it_reveals(motion, seats, session_id, action)
        fail(text + " Add --instructor to go ahead.", code=2)
