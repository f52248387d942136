"""`debate sessions`, `debate export`, `debate import`, `debate delete`: saved sessions.

Export formats are pluggable: :data:`EXPORT_WRITERS` maps a format name to a writer
``(store, session_id) -> str``, given either as the function itself or as
``"package.module:function"`` (imported only when that format is asked for), so another
module can add, for example, ``"md": "debate.report.markdown:session_markdown"`` with one
line here, or call :func:`register_export_format` at import time.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from debate.commands.common import DbOption, JsonOption, bad_input_exits, err, fail, out, print_json
from debate.validation import parse_json, read_text

if TYPE_CHECKING:
    from debate.store import SessionInfo, Store

ExportWriter = Callable[["Store", str], str]


def write_json(store: Store, session_id: str) -> str:
    """The session document (docs/sessions.md), pretty-printed, ending in a newline."""
    return json.dumps(store.export_json(session_id), indent=2, ensure_ascii=False) + "\n"


#: Export format -> writer (or "module:function" of one, imported on first use).
EXPORT_WRITERS: dict[str, ExportWriter | str] = {
    "json": write_json,
    # The debriefs (debate.commands.replay.EXPORT_FORMATS): listed here too, since commands
    # are loaded one module at a time and `debate export` does not load the replay command.
    "md": "debate.report.exports:markdown_export",
    "html": "debate.report.exports:html_export",
}


def register_export_format(name: str, writer: ExportWriter | str) -> None:
    """Make ``debate export --format NAME`` available."""
    EXPORT_WRITERS[name] = writer


def export_writer(name: str) -> ExportWriter:
    """The writer for a format; unknown names are bad input (exit 2)."""
    writer = EXPORT_WRITERS.get(name)
    if writer is None:
        known = ", ".join(sorted(EXPORT_WRITERS))
        fail(f"unknown export format {name!r} (available: {known})", code=2)
    if isinstance(writer, str):
        module, _, function = writer.partition(":")
        try:
            writer = getattr(import_module(module), function)
        except (ImportError, AttributeError) as e:
            fail(f"export format {name!r} is not available in this installation ({e})")
        assert callable(writer)
    return writer


@contextmanager
def store_errors() -> Iterator[None]:
    """Report store refusals as one clean message with the right exit code."""
    from debate.store import StoreError

    try:
        with bad_input_exits():
            yield
    except StoreError as e:
        fail(e.message, code=e.exit_code)


def open_for_cli(db: str | None) -> Store:
    """Open the store for a command, telling the user (on stderr) about any upgrade."""
    from debate.store import open_store

    store = open_store(db)
    migrated = store.migrated
    if migrated is not None and migrated.from_revision is not None:
        backup = f"; backup copy: {migrated.backup}" if migrated.backup else ""
        err.print(
            escape(
                f"upgraded {store.where} from schema {migrated.from_revision} "
                f"to {migrated.to_revision}{backup}"
            )
        )
    return store


# -- commands --------------------------------------------------------------------------------

SessionId = Annotated[str, typer.Argument(help="Session id, as `debate sessions` lists it.")]


#: Sessions `debate sessions` lists unless told otherwise (--limit N, --all).
PAGE = 50


def list_sessions(
    db: DbOption = None,
    motion: Annotated[str | None, typer.Option("--motion", help="Only this motion id.")] = None,
    search: Annotated[
        str | None, typer.Option("--search", help="Text in the id, title, motion or players.")
    ] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="active, finished or abandoned.")
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="List at most this many sessions.")
    ] = PAGE,
    everything: Annotated[
        bool, typer.Option("--all", help="List every session (no --limit).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """List saved sessions, newest first (a page at a time), branches under their parent.

    Sessions are ordered by their last update; --limit (default 50) keeps the newest, --all
    lists them all. A branch sits under its parent when both are listed.
    """
    from debate.store import STATUSES

    if status is not None and status not in STATUSES:
        fail(f"unknown status {status!r} (one of: {', '.join(STATUSES)})", code=2)
    page = None if everything else limit
    with store_errors():
        store = open_for_cli(db)
        infos = store.list_sessions(motion_id=motion, text=search, status=status, limit=page)
        total = (
            store.count_sessions(motion_id=motion, text=search, status=status)
            if page is not None and len(infos) == page
            else len(infos)
        )
    if as_json:
        print_json([i.to_json() for i in infos])
    elif not infos:
        err.print("no saved sessions" + (" match" if motion or search or status else ""))
    else:
        out.print(_sessions_table(infos))
    if total > len(infos) and not as_json:
        err.print(f"showing the newest {len(infos)} of {total} sessions: --all lists every one")


def _sessions_table(infos: list[SessionInfo]) -> Table:
    table = Table(title="Saved sessions", title_justify="left")
    for col in ("id", "title", "motion", "seats", "turns", "status", "updated"):
        # Ids are typed back in other commands: never break them.
        table.add_column(col, overflow="fold", no_wrap=col == "id")
    from debate.store.branches import walk_forest

    # Branches sit under the session they were forked from, indented.
    for depth, info in walk_forest(infos):
        branch = "  " * (depth - 1) + f"└ at {info.fork_seq} " if depth else ""
        table.add_row(
            escape(info.id),
            escape(branch) + escape(info.title),
            escape(info.motion_id),
            escape(_seats_text(info)),
            str(info.turns),
            escape(info.status),
            _local_time(info.updated),
        )
    return table


def export(
    session_id: SessionId,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Output format: json, or one another module registered (debriefs: md, html).",
        ),
    ] = "json",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of to stdout.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a whole session (motion snapshot, seats, events, annotations)."""
    writer = export_writer(fmt)
    if output is not None and output.is_dir():
        fail(f"-o {output} is a directory; give a file name", code=2)
    with store_errors():
        text = writer(open_for_cli(db), session_id)
    if output is None:
        sys.stdout.write(text)
        return
    try:
        _write_atomically(output, text)
    except OSError as e:
        fail(f"cannot write {output}: {e.strerror}", code=1)
    err.print(escape(f"wrote {output}"))


def import_session(
    file: Annotated[Path, typer.Argument(help="A session document (JSON); - reads stdin.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import a session document; it is checked completely before anything is written."""
    from debate.store.document import validate_document

    with store_errors():
        name = "<stdin>" if str(file) == "-" else str(file)
        document = _read_json(file, name)
        validate_document(document, name)  # before the database is even opened
        store = open_for_cli(db)
        info = store.import_json(document, name)
    if as_json:
        print_json(info.to_json())
        return
    wanted = document.get("session", {}).get("id") if isinstance(document, dict) else None
    renamed = f" (id {wanted} is taken in this database)" if wanted and wanted != info.id else ""
    out.print(escape(f"imported session {info.id}{renamed}: {info.title}, {info.events} events"))


def delete(
    session_id: SessionId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Delete a session with its events and annotations."""
    with store_errors():
        store = open_for_cli(db)
        info = store.get(session_id)
        if not yes:
            # typer.confirm prints plain text: no markup to escape.
            question = (
                f"Delete session {info.id} \u201c{info.title}\u201d "
                f"({info.events} events, {info.status})?"
            )
            try:
                confirmed = typer.confirm(question, default=False, err=True)
            except typer.Abort:
                confirmed = False
            if not confirmed:
                fail("nothing deleted", code=1)
        store.delete(session_id)
    err.print(escape(f"deleted session {info.id}"))


def register(app: typer.Typer) -> None:
    app.command("sessions")(list_sessions)
    app.command("export")(export)
    app.command("import")(import_session)
    app.command("delete")(delete)


# -- helpers ---------------------------------------------------------------------------------


def _seats_text(info: SessionInfo) -> str:
    """``kyiv: Olena; kremlin: bot (hard)``: people by name, scripted seats by difficulty."""
    parts = []
    for seat in info.seats:
        who = seat.player if seat.kind == "human" else f"bot ({seat.difficulty or 'scripted'})"
        parts.append(f"{seat.role}: {who}")
    return "; ".join(parts)


def _local_time(value: datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _read_json(file: Path, name: str) -> Any:
    text = sys.stdin.read() if name == "<stdin>" else read_text(file, name)
    return parse_json(text, name)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` so that it is either the old file or the whole new one."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
