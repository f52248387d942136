"""`debate replay ID [--at N] [--db URL]`, and the Markdown and HTML debrief exports.

The replay opens the game's app directly on the replay screen of a saved session. The
exports plug into `debate export --format md|html` through the sessions command's format
registry (the JSON document stays the store's own).
"""

from __future__ import annotations

from typing import Annotated

import typer

from debate.commands.common import (
    QUICK_EXIT,
    DbOption,
    InstructorOption,
    fail,
    refuse_if_in_play,
)

#: Debrief formats added to `debate export` (imported only when asked for).
EXPORT_FORMATS: dict[str, str] = {
    "md": "debate.report.exports:markdown_export",
    "html": "debate.report.exports:html_export",
    "csv": "debate.report.exports:csv_export",
}


def replay(
    session_id: Annotated[str, typer.Argument(help="Session id, as `debate sessions` lists it.")],
    at: Annotated[
        int | None,
        typer.Option("--at", help="Open at this event number (0 = start; default: the end)."),
    ] = None,
    db: DbOption = None,
    instructor: InstructorOption = False,
) -> None:
    """Replay a saved session: step through it, annotate, branch, export."""
    from debate.report.saved import load_replay
    from debate.store import StoreError, open_store

    try:
        store = open_store(db, create=False)
        session_id = store.resolve_id(session_id)  # a unique prefix of an id will do
        info = store.get(session_id)
        loaded = load_replay(store, session_id)  # one that no longer replays is refused here
    except StoreError as e:
        fail(e.message, code=e.exit_code)
    if not instructor:
        record = loaded[0]
        refuse_if_in_play(record.status, record.motion, record.seats, session_id, "Replaying")
    if at is not None and not 0 <= at <= info.events:
        fail(f"session {session_id} has events 0 to {info.events}; --at {at} is outside", code=2)

    from debate.tui import create_app
    from debate.tui.screens.replay import open_replay_screen

    def start(app):  # type: ignore[no-untyped-def]
        open_replay_screen(app, session_id, start=at, confirmed=instructor, loaded=loaded)

    create_app(store=store, on_ready=start).run()
    store.close()  # everything is saved: a long session need not be freed object by object
    QUICK_EXIT["after_app"] = True


def register(app: typer.Typer) -> None:
    from debate.commands.sessions import register_export_format

    for name, writer in EXPORT_FORMATS.items():
        register_export_format(name, writer)
    app.command("replay")(replay)
