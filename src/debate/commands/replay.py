"""`debate replay ID [--at N] [--db URL] [--instructor]`.

The replay opens the game's app directly on the replay screen of a saved session (the
exports are `debate export`'s, in :mod:`debate.commands.sessions`).
"""

from __future__ import annotations

from typing import Annotated

import typer

from debate.commands.common import (
    DbOption,
    InstructorOption,
    done,
    fail,
    refuse_if_in_play,
)


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
        loaded = load_replay(store, session_id)  # one that no longer replays is refused here
    except StoreError as e:
        fail(e.message, code=e.exit_code)
    record = loaded[0]
    if not instructor:
        refuse_if_in_play(record.status, record.motion, record.seats, session_id, "Replaying")
    events = len(record.events)
    if at is not None and not 0 <= at <= events:
        fail(f"session {session_id} has events 0 to {events}; --at {at} is outside", code=2)

    from debate.tui import create_app
    from debate.tui.screens.replay import open_replay_screen

    def start(app):  # type: ignore[no-untyped-def]
        open_replay_screen(app, session_id, start=at, confirmed=instructor, loaded=loaded)

    if create_app(store=store, on_ready=start).run_and_close():
        done()  # everything is saved: a long session need not be freed object by object


def register(app: typer.Typer) -> None:
    app.command("replay")(replay)
