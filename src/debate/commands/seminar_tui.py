"""Hosted games on screen: `debate join CODE`, `debate facilitate CODE`, `debate serve`."""

from __future__ import annotations

from typing import Annotated

import typer

from debate.commands.common import DbOption, JsonOption, fail
from debate.commands.seminar import CodeArg, open_client


def join(code: CodeArg, db: DbOption = None) -> None:
    """Your seat's debate table in a hosted game (your brief only; others' moves live). The
    facilitator's code opens the facilitator's console."""
    from debate.tui import create_app

    store, client = open_client(code, db)
    create_app(store=store, first_screen=lambda app: app.seat_screen(client)).run()


def facilitate(
    code: CodeArg,
    db: DbOption = None,
    pause: Annotated[bool, typer.Option("--pause", help="Pause the game (no screen).")] = False,
    resume: Annotated[bool, typer.Option("--resume", help="Resume it (no screen).")] = False,
    timer: Annotated[
        str | None, typer.Option("--timer", help="Per-turn limit in seconds, or 'off'.")
    ] = None,
    say: Annotated[
        str | None, typer.Option("--say", help="Banner to every seat ('' clears it).")
    ] = None,
    bot: Annotated[
        list[str] | None, typer.Option("--bot", help="ROLE[:LEVEL]: hand a seat to a script.")
    ] = None,
    human: Annotated[
        list[str] | None, typer.Option("--human", help="ROLE: back to a person (new code).")
    ] = None,
    end: Annotated[bool, typer.Option("--end", help="Close the debate: go to the vote.")] = False,
    as_json: JsonOption = False,
) -> None:
    """The facilitator's console of a hosted game: every brief, pace, timer, seats. With
    any of the options, does that without a screen and prints the outcome."""
    store, client = open_client(code, db)
    if not client.facilitator:
        fail("debate facilitate needs the facilitator's code", code=2)
    if pause or resume or timer is not None or say is not None or bot or human or end:
        from debate.commands.seminar import pace_headless

        pace_headless(client, pause, resume, timer, say, bot or [], human or [], end, as_json)
        return
    from debate.tui import create_app

    create_app(store=store, first_screen=lambda app: app.seat_screen(client)).run()


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    public_url: Annotated[
        str | None,
        typer.Option("--public-url", help="The URL browsers use (behind a reverse proxy)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Serve the game to web browsers (textual-serve), in restricted mode: Join a game and
    solo practice only; no database path or URL is shown."""
    from debate.commands.serving import run_server

    if not 0 < port < 65536:
        fail("--port must be between 1 and 65535", code=2)
    run_server(host, port, public_url, db)


def register(app: typer.Typer) -> None:
    app.command("join")(join)
    app.command("facilitate")(facilitate)
    app.command("serve")(serve)
