"""`debate motions list|check|schema`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from debate.commands.common import (
    JsonOption,
    bad_input_exits,
    done,
    err,
    out,
    print_json,
    safe,
)

motions_app = typer.Typer(help="List, check and describe motion files.", no_args_is_help=True)

DirOption = Annotated[
    list[Path] | None,
    typer.Option("--dir", help="Also look for motions in this directory (repeatable)."),
]


@motions_app.command("list")
def list_motions(dirs: DirOption = None, as_json: JsonOption = False) -> None:
    """List the motions found in motions/ (and in --dir)."""
    # Light imports only: an unchanged valid file is listed from the cache, without the
    # motion models (debate.motions.listing).
    from debate.motions.listing import list_motion_files
    from debate.motions.places import default_motion_dirs

    found = list_motion_files(default_motion_dirs(dirs or []))
    if as_json:
        print_json(
            [
                {
                    "id": m.id,
                    "title": m.title,
                    "file": str(f.path),
                    "roles": [role_id for role_id, _ in m.roles],
                }
                if (m := f.summary) is not None
                else {"file": str(f.path), "error": str(f.error)}
                for f in found
            ]
        )
        done()
        return
    table = Table(title="Motions", title_justify="left")
    for col in ("id", "proposition", "roles", "file"):
        # Ids are typed back in other commands: never break them mid-word.
        table.add_column(col, overflow="fold", no_wrap=col == "id")
    ids = [f.summary.id for f in found if f.summary is not None]
    for f in found:
        motion, path = f.summary, f.path
        if motion is not None and ids.count(motion.id) > 1:
            table.add_row(
                f"[red]{safe(motion.id)}[/]",
                "[red]duplicate id: give each motion its own[/]",
                "",
                safe(str(path)),
            )
            continue
        if motion is None:
            table.add_row(
                "[red]invalid[/]", "[red]run `debate motions check` on it[/]", "", safe(str(path))
            )
        else:
            roles = ", ".join(name for _, name in motion.roles)
            table.add_row(safe(motion.id), safe(motion.title), safe(roles), safe(str(path)))
    if not found:
        err.print("no motion files found (looked in ./motions and --dir)")
    out.print(table)
    done()


@motions_app.command("check")
def check(files: Annotated[list[Path], typer.Argument(help="Motion files to check.")]) -> None:
    """Validate motion files: print "ok" per valid file; on problems exit 2 naming each."""
    from debate.motions import load_motion
    from debate.validation import DataError

    failed = False
    for path in files:
        try:
            load_motion(path)
        except DataError as e:
            failed = True
            for problem in e.problems:
                err.print(safe(str(problem)), style="red")
        else:
            out.print(f"{safe(str(path))}: ok")
    if failed:
        raise typer.Exit(2)
    done()


@motions_app.command("schema")
def schema() -> None:
    """Print the JSON Schema of the motion format (for editor completion)."""
    from debate.motions import motion_schema

    print_json(motion_schema())
    done()


@motions_app.command("show")
def show(
    motion: Annotated[str, typer.Argument(help="Motion id or path.")], dirs: DirOption = None
) -> None:
    """Show a motion's proposition, roles and public positions."""
    from debate.motions import resolve_motion

    with bad_input_exits():
        m = resolve_motion(motion, dirs or [])
    out.print(f"[bold]{safe(m.title)}[/]\n{safe(m.summary)}\n")
    for role in m.roles:
        out.print(f"[bold]{safe(role.symbol)} {safe(role.name)}[/]: {safe(role.position)}")
    src = m.source
    out.print(
        f"\nSource: {safe(src.author)}, {safe(src.title)}, {safe(src.outlet)}, "
        f"{safe(src.date)}" + (f", {safe(src.url)}" if src.url else "")
    )
    done()


def register(app: typer.Typer) -> None:
    app.add_typer(motions_app, name="motions")
