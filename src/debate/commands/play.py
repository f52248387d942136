"""`debate play [MOTION] [--as ROLE] [--seed S] [--db URL]` and the lobby of bare `debate`.

Without MOTION the lobby opens. With MOTION a solo practice game starts at once: the role
named by --as (default: the protected party) is human, every other role scripted (normal).
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Annotated

import typer

from debate.commands.common import (
    DbOption,
    ThemeOption,
    bad_input_exits,
    done,
    fail,
    use_theme,
)

MotionArg = Annotated[
    str | None, typer.Argument(help="Motion id or path: start solo practice on it at once.")
]
RoleOption = Annotated[
    str | None, typer.Option("--as", help="Your role (default: the protected party, e.g. kyiv).")
]
SeedOption = Annotated[
    int | None, typer.Option("--seed", help="Seed of the scripted roles (default: random).")
]
NameOption = Annotated[str, typer.Option("--name", help="Your player name (max 40).")]
DirOption = Annotated[
    list[Path] | None,
    typer.Option("--dir", help="Also look for motions in this directory (repeatable)."),
]


def open_lobby(db: str | None = None, motion_dirs: list[Path] | None = None) -> None:
    """Run the game's lobby (what `debate` with no command does).

    The lobby needs no database: the app opens it when a screen first asks for it (Continue,
    Replay, a new game), so the lobby paints before SQLAlchemy is even imported.
    """
    from debate.tui import create_app

    url = db if db is not None else os.environ.get("DEBATE_DB")
    if create_app(db_url=url, motion_dirs=motion_dirs or []).run_and_close():
        done()  # everything is saved: see debate.cli.main


def play(
    motion: MotionArg = None,
    role: RoleOption = None,
    seed: SeedOption = None,
    name: NameOption = "You",
    db: DbOption = None,
    dirs: DirOption = None,
    theme: ThemeOption = None,
) -> None:
    """Open the lobby, or start solo practice on MOTION as the role --as."""
    use_theme(theme)
    if motion is None:
        if role is not None or seed is not None:
            fail("--as and --seed need a MOTION to start a game on", code=2)
        open_lobby(db, dirs)
        return
    from debate.motions import resolve_motion
    from debate.play import check_player_name

    with bad_input_exits():
        chosen = resolve_motion(motion, dirs or [])
    role_id = role or chosen.protected.id
    if role_id not in chosen.role_by_id:
        known = ", ".join(r.id for r in chosen.roles)
        fail(f"no role {role_id!r} in motion {chosen.id!r} (roles: {known})", code=2)
    if problem := check_player_name(name):
        fail(problem, code=2)
    from debate.store import check_seed

    if seed is not None and (problem := check_seed(seed)):
        fail(f"--seed: {problem}", code=2)
    game_seed = seed if seed is not None else random.randrange(1, 10_000)
    started = []

    def table(app):  # type: ignore[no-untyped-def]
        from debate.play import GameController
        from debate.store import Seat, open_store

        seats = [
            Seat(r.id, name, "human")
            if r.id == role_id
            else Seat(r.id, f"{r.name} (normal)", "scripted", "normal")
            for r in chosen.roles
            if not r.optional or r.id == role_id
        ]
        # The table is drawn first; the store is opened and the session saved behind it.
        game = GameController.start_later(
            lambda: open_store(db), chosen, seats, game_seed, title=chosen.title
        )
        started.append(game)
        return app.table_for(game)

    from debate.tui import create_app

    # The table is the app's first screen (the lobby replaces it when it is left).
    app = create_app(db_url=db, motion_dirs=dirs or [], first_screen=table)
    ended_well = app.run_and_close()
    # Quit at once: let the new game's database be written whole (the table starts its save
    # when it closes, if it had not yet), then close it too.
    saved = [game for game in started if game.settle()]
    if app.failure is not None:
        fail(app.failure, code=1)
    if ended_well:
        for game in saved:
            game.store.close()
        done()  # everything is saved: see debate.cli.main


def register(app: typer.Typer) -> None:
    app.command("play")(play)
