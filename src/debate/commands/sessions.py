"""`debate sessions`, `debate export`, `debate import`, `debate delete`: saved sessions.

Export formats are pluggable: :data:`EXPORT_WRITERS` maps a format name to a writer
``(store, session_id) -> str``, given either as the function itself or as
``"package.module:function"`` (imported only when that format is asked for), so another
module can add, for example, ``"md": "debate.report.markdown:session_markdown"`` with one
line here, or call :func:`register_export_format` at import time.
"""

from __future__ import annotations

import gc
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
from rich.table import Table

from debate.commands.common import (
    DbOption,
    InstructorOption,
    JsonOption,
    bad_input_exits,
    done,
    err,
    fail,
    out,
    print_json,
    refuse_unless_instructor,
    safe,
)
from debate.text_safety import json_safe, neutralise
from debate.validation import MAX_FILE_BYTES, decode_text, parse_json, read_text

if TYPE_CHECKING:
    from debate.store import SessionInfo, Store

ExportWriter = Callable[["Store", str], str]


def write_json(store: Store, session_id: str) -> str:
    """The session document (docs/sessions.md), pretty-printed, ending in a newline."""
    return json_safe(json.dumps(store.export_json(session_id), indent=2, ensure_ascii=False)) + "\n"


#: Export format -> writer (or "module:function" of one, imported on first use).
EXPORT_WRITERS: dict[str, ExportWriter | str] = {
    "json": write_json,
    # The debriefs and the instructor's assessment sheet, imported when asked for.
    "md": "debate.report.exports:markdown_export",
    "html": "debate.report.exports:html_export",
    "csv": "debate.report.exports:csv_export",
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


def open_for_cli(db: str | None, write: bool = False, create: bool | None = None) -> Store:
    """Open the store for a command, telling the user (on stderr) about any upgrade.

    A command that only reads opens the database read-only, and refuses a ``--db`` path
    that does not exist; only commands that save (``create``) make a new database."""
    from debate.store import open_store

    store = open_store(db, create=write if create is None else create, readonly=not write)
    migrated = store.migrated
    if migrated is not None and migrated.from_revision is not None:
        backup = f"; backup copy: {migrated.backup}" if migrated.backup else ""
        err.print(
            safe(
                f"upgraded {store.where} from schema {migrated.from_revision} "
                f"to {migrated.to_revision}{backup}"
            )
        )
    return store


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside: for building an export, which keeps what it
    builds until it has written it and makes no cycles (3 objects for a 50,000-event
    session), so the collector's passes over its hundreds of thousands of objects found
    nothing and cost 7% of that export."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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
        listing = store.scan_sessions(motion_id=motion, text=search, status=status, limit=page)
        infos = listing.sessions
        total = (
            store.count_sessions(motion_id=motion, text=search, status=status)
            if page is not None and len(infos) + len(listing.damaged) == page
            else len(infos)
        )
    err.print(safe(f"database: {store.where}"), style="dim")
    if as_json:
        print_json([i.to_json() for i in infos])
    elif not infos:
        err.print("no saved sessions" + (" match" if motion or search or status else ""))
    else:
        out.print(_sessions_table(infos))
    if total > len(infos) and not as_json:
        err.print(f"showing the newest {len(infos)} of {total} sessions: --all lists every one")
    for sid, problem in listing.damaged:
        err.print(safe(f"session {sid} is damaged and was left out: {problem}"), style="red")
    if listing.damaged:
        raise typer.Exit(1)
    store.close()
    done()


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
            safe(info.id),
            safe(branch) + safe(info.title),
            safe(info.motion_id),
            safe(_seats_text(info)),
            str(info.turns),
            safe(info.status),
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
    instructor: InstructorOption = False,
    compare_parent: Annotated[
        bool,
        typer.Option(
            "--compare-parent",
            help="For a branch (md or html): add its comparison with the parent session.",
        ),
    ] = False,
) -> None:
    """Export a whole session (motion snapshot, seats, events, annotations)."""
    writer = export_writer(fmt)
    if compare_parent:
        if fmt not in ("md", "html"):
            fail("--compare-parent works with --format md or html", code=2)
        from debate.report.exports import compared_export

        def writer(store: Any, sid: str) -> str:
            try:
                return compared_export(store, sid, fmt)
            except ValueError as e:
                fail(str(e), code=2)

    if output is not None and output.is_dir():
        fail(f"-o {output} is a directory; give a file name", code=2)
    with store_errors():
        store = open_for_cli(db)
        sid = store.resolve_id(session_id)
        refuse_unless_instructor(store, sid, instructor, "Exporting")
        with collector_paused():
            text = writer(store, sid)
        store.close()
    if output is None:
        sys.stdout.write(text)
    else:
        try:
            _write_atomically(output, text)
        except OSError as e:
            fail(f"cannot write {output}: {e.strerror}", code=1)
        err.print(safe(f"wrote {output}"))
    done()  # a long session's export built a lot: no need to free it object by object


def import_session(
    files: Annotated[
        list[Path], typer.Argument(help="Session documents (JSON); - reads stdin.")
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Import session documents; each is checked completely before anything is written,
    and each is reported (a bad one does not stop the others). Exit 2 if any was bad
    input, else 1 if any could not be stored."""
    from debate.store import StoreError
    from debate.store.document import validate_document
    from debate.validation import DataError

    store: Store | None = None
    imported: list[dict[str, Any]] = []
    code = 0
    for file in files:
        name = "<stdin>" if str(file) == "-" else str(file)
        try:
            document = _read_json(file, name)
            validate_document(document, name)  # before the database is even opened
            store = store or open_for_cli(db, write=True)
            info = store.import_json(document, name)
        except DataError as e:
            for problem in e.problems:
                err.print(safe(problem), style="red")
            code = 2
            continue
        except StoreError as e:
            err.print(safe(f"{name}: not imported: {e.message}"), style="red")
            code = 2 if 2 in (code, e.exit_code) else 1
            if store is None:  # the database itself cannot be opened: stop here
                break
            continue
        imported.append(info.to_json())
        if not as_json:
            wanted = document["session"]["id"]
            taken = f" (id {wanted} is taken in this database)" if wanted != info.id else ""
            out.print(
                safe(f"{name}: imported session {info.id}{taken}: {info.title}, "
                     f"{info.events} events")
            )
    if as_json:
        print_json(imported[0] if len(files) == 1 and imported else imported)
    if code:
        raise typer.Exit(code)


def delete(
    session_id: SessionId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Delete a session with its events and annotations."""
    with store_errors():
        store = open_for_cli(db, write=True, create=False)
        info = store.get(store.resolve_id(session_id))
        if not yes:
            # typer.confirm prints plain text: no markup to escape.
            question = neutralise(
                f"Delete session {info.id} \u201c{info.title}\u201d "
                f"({info.events} events, {info.status})?"
            )
            try:
                confirmed = typer.confirm(question, default=False, err=True)
            except typer.Abort:
                confirmed = False
            if not confirmed:
                fail("nothing deleted", code=1)
        store.delete(info.id)
    err.print(safe(f"deleted session {info.id}"))


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
    try:
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError):  # a time at the edge of the calendar: show it in UTC
        return value.strftime("%Y-%m-%d %H:%M UTC")


def _read_json(file: Path, name: str) -> Any:
    if name == "<stdin>":
        text = decode_text(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), name)
    else:
        text = read_text(file, name)
    return parse_json(text, name)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``path`` so that it is either the old file or the whole new one."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it the mode any new file gets (the
        # umask decides, 0644 usually), like the TUI's exports.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (read by setting it, then putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
