"""Hosted games, headless: `debate host`, `debate state`, `debate act`, `debate referee`.

`host` creates a game and prints its join codes; `state` prints what a code's seat sees;
`act` plays one action as that seat; `referee` plays the scripted seats and runs the turn
clock of a game nobody has a screen open on. Exit codes: 0 ok, 1 a runtime failure (the
database), 2 bad input (a wrong code, an illegal action, not your turn, paused game).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from debate.commands.common import DbOption, JsonOption, bad_input_exits, err, fail, out, print_json

if TYPE_CHECKING:
    from debate.seminar import SeatClient
    from debate.store import Store

CodeArg = Annotated[str, typer.Argument(help="A join code (a seat's, or the facilitator's).")]


@contextmanager
def seminar_errors() -> Iterator[None]:
    """Store and seminar refusals as one clean message with the right exit code."""
    from debate.seminar import SeminarError
    from debate.store import StoreError

    try:
        with bad_input_exits():
            yield
    except SeminarError as e:
        fail(e.message, code=e.exit_code)
    except StoreError as e:
        fail(e.message, code=e.exit_code)


def open_client(code: str, db: str | None) -> tuple[Store, SeatClient]:
    from debate.seminar import SeatClient
    from debate.store import open_store

    with seminar_errors():
        store = open_store(db)
        return store, SeatClient.open(store, code)


def host(
    motion: Annotated[str, typer.Argument(help="Motion id or path.")],
    seat: Annotated[
        list[str] | None,
        typer.Option(
            "--seat",
            help="ROLE=human or ROLE=scripted[:easy|normal|hard] (repeatable; roles not "
            "named are human, optional ones left out).",
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Seed of the scripted roles.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Session title.")] = None,
    dirs: Annotated[
        list[Path] | None, typer.Option("--dir", help="Also look for motions here.")
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Host a game: one join code per human seat and one for the facilitator."""
    from debate.motions import resolve_motion
    from debate.seminar import host_game, parse_seat
    from debate.store import check_seed, open_store

    if seed is not None and (problem := check_seed(seed)):
        fail(f"--seed: {problem}", code=2)
    with seminar_errors():
        chosen = resolve_motion(motion, dirs or [])
        specs = [parse_seat(s) for s in seat or []]
        store = open_store(db)
        game_seed = seed if seed is not None else random.randrange(1, 10_000)
        codes = host_game(store, chosen, specs, game_seed, title=title)
    if as_json:
        print_json(codes.to_json())
        return
    table = Table(title=f"Hosted game {codes.session}: {escape(chosen.title)}")
    table.add_column("seat")
    table.add_column("join code", style="bold")
    for role, code in codes.seats.items():
        table.add_row(escape(chosen.role_by_id[role].name), code)
    table.add_row("[i]facilitator[/]", codes.facilitator)
    out.print(table)
    out.print(
        "Students: [b]debate join CODE[/] (same --db). Facilitator: [b]debate facilitate "
        "CODE[/]. The codes are shown only now; keep the facilitator's to yourself."
    )


def state(code: CodeArg, db: DbOption = None, as_json: JsonOption = False) -> None:
    """What a code's seat sees now (its own brief only)."""
    _store, client = open_client(code, db)
    with seminar_errors():
        view = client.view()
    if as_json:
        print_json(view)
        return
    out.print(f"session {view['session']}  seat {view['role'] or 'facilitator'}")
    out.print(f"to play: {view['to_play']}  next event: {view['next_seq']}")
    out.print(f"paused: {view['paused']}  finished: {view['finished']}")
    out.print(f"legal now: {', '.join(view['legal']) or '-'}")
    out.print(f"Deterrence Index: {view['deterrence_index']}")
    for line in view["transcript"][-10:]:
        text = f": {line['text']}" if line["text"] else ""
        out.print(escape(f"#{line['seq']} {line['role']} {line['summary']}{text}"))


def parse_action(text: str) -> tuple[Any, str | None]:
    """An action (the engine's JSON), or an event-shaped object with ``action`` and an
    optional ``rationale``."""
    from pydantic import ValidationError

    from debate.engine import ACTION_ADAPTER
    from debate.validation import DataError, parse_json

    try:  # the same guarded parser as every file: deep nesting, huge numbers, NaN, NUL
        data = parse_json(text, "--action")
    except DataError as e:
        fail("; ".join(str(p) for p in e.problems), code=2)
    rationale = None
    if isinstance(data, dict) and "action" in data and "type" not in data:
        rationale = data.get("rationale")
        data = data["action"]
        if rationale is not None and not isinstance(rationale, str):
            fail("--action: rationale must be a string", code=2)
    try:
        return ACTION_ADAPTER.validate_python(data), rationale
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in x['loc']) or 'action'}: {x['msg']}" for x in e.errors()
        )
        fail(f"--action is not a valid action: {problems}", code=2)


def act(
    code: CodeArg,
    action: Annotated[str, typer.Option("--action", help="The action as JSON.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Play one action as the code's seat (the facilitator: as the seat to play)."""
    parsed, rationale = parse_action(action)
    _store, client = open_client(code, db)
    with seminar_errors():
        event = client.act(parsed, rationale=rationale)
    if as_json:
        print_json(
            {
                "session": client.session_id,
                "role": event.actor,
                "event": event.model_dump(mode="json"),
                "next_seq": client.game.state.seq,
                "to_play": client.to_play,
                "finished": client.finished,
            }
        )
        return
    err.print(f"saved event {event.seq} ({event.action.type} by {event.actor})")


def referee(
    code: CodeArg,
    db: DbOption = None,
    stay: Annotated[
        bool, typer.Option("--stay", help="Keep running after the game is over.")
    ] = False,
) -> None:
    """Play the scripted seats and run the turn clock of a hosted game (facilitator code),
    until the game is over or Ctrl+C."""
    import threading

    from debate.seminar.follow import follow

    _store, client = open_client(code, db)
    if not client.facilitator:
        fail("debate referee needs the facilitator's code", code=2)
    stop = threading.Event()
    seen = [client.game.state.seq]

    def changed() -> None:
        for entry in client.game.transcript(since=seen[0]):
            err.print(escape(f"#{entry.seq} {entry.role} {entry.summary}"), highlight=False)
        seen[0] = client.game.state.seq
        if client.finished and not stay:
            stop.set()

    def status(message: str | None) -> None:
        if message:
            err.print(escape(message), style="yellow")

    err.print(f"refereeing session {client.session_id} (Ctrl+C stops)")
    with suppress(KeyboardInterrupt):
        follow(client, stop, changed, status, presence_role=None)
    with seminar_errors():
        client.refresh()
    if client.finished:
        err.print("the game is over")


def pace_headless(
    client: SeatClient,
    pause: bool,
    resume: bool,
    timer: str | None,
    say: str | None,
    bot: list[str],
    human: list[str],
    end: bool,
    as_json: bool,
) -> None:
    """`debate facilitate CODE --pause ...`: the console's powers from a script."""
    from debate.seminar import SeminarError
    from debate.seminar.pace import Console

    if pause and resume:
        fail("--pause and --resume contradict each other", code=2)
    codes: dict[str, str] = {}
    with seminar_errors():
        console = Console(client)
        for spec in bot:
            role, _, level = spec.partition(":")
            console.hand_to_scripted(role, level or "normal")
        for role in human:
            codes[role] = console.hand_to_human(role)
        if timer is not None:
            if timer.lower() == "off":
                console.set_limit(None)
            elif timer.isdigit():
                console.set_limit(int(timer))
            else:
                raise SeminarError("--timer takes a number of seconds, or off")
        if say is not None:
            console.set_banner(say or None)
        if resume:
            console.resume()
        if end:
            console.end_debate()
        if pause:
            console.pause()
        client.refresh()
    document = {
        "session": client.session_id,
        "paused": client.paused,
        "turn_limit": client.hosted.turn_limit,
        "banner": client.hosted.banner,
        "to_play": client.to_play,
        "next_seq": client.game.state.seq,
        "codes": codes,
    }
    if as_json:
        print_json(document)
        return
    for role, new in codes.items():
        out.print(f"new code for {escape(role)}: [b]{new}[/]")
    err.print(
        f"paused: {client.paused}  turn limit: {client.hosted.turn_limit or '-'}  "
        f"to play: {client.to_play}"
    )


def register(app: typer.Typer) -> None:
    app.command("host")(host)
    app.command("state")(state)
    app.command("act")(act)
    app.command("referee")(referee)
