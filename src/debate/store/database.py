"""Finding, checking, opening and migrating the database.

Opening is careful in this order, so that a file we refuse is never written to:

1. ``resolve`` turns ``--db`` / ``$DEBATE_DB`` / the default into a target;
2. an SQLite file is inspected through a read-only connection (header, SQLite's
   ``quick_check``, the schema revision) before any engine exists for it;
3. only then is the engine created (WAL, foreign keys, busy timeout), and an empty or
   older database is migrated to the current revision, after a backup copy of an older
   SQLite file has been written next to it.

>>> t = resolve("games/seminar.db")
>>> t.url.drivername, t.path.name, t.default
('sqlite', 'seminar.db', False)
>>> resolve("postgresql://postgres@127.0.0.1/test").url.drivername
'postgresql+psycopg'
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from debate.paths import default_db_path
from debate.store.errors import (
    CorruptDatabase,
    NewerSchema,
    NotADebateDatabase,
    StoreError,
    StoreUnavailable,
)
from debate.store.failures import (
    CONNECT_TIMEOUT_ENV,
    CONNECT_TIMEOUT_S,
    STATEMENT_TIMEOUT_MS,
    connect_timeout,
    db_failure,
    sqlite_failure,
)
from debate.store.tables import VERSION_TABLE

#: Environment variable naming the database (any SQLAlchemy URL, or an SQLite file path).
DB_ENV = "DEBATE_DB"
#: The schema revision this version of the program writes (a test keeps it equal to the
#: newest migration in ``migrations/versions``).
SCHEMA_HEAD = "0004"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
#: How long an SQLite writer waits for another one before giving up.
BUSY_TIMEOUT_MS = 10_000

T = TypeVar("T")

_SQLITE_MAGIC = b"SQLite format 3\x00"
_PG_LOCK_KEY = 0x0DEB_A7E5  # advisory lock serialising migrations of one PostgreSQL database


@dataclass(frozen=True)
class Target:
    """A database to open: its SQLAlchemy URL and, for an SQLite file, the file."""

    url: URL
    path: Path | None  # None for a server database or an in-memory SQLite one
    default: bool = False  # the per-user default database (created by any command)

    @property
    def key(self) -> str:
        return self.url.render_as_string(hide_password=False)

    @property
    def display(self) -> str:
        """How to name the database in messages (file path, or URL without password)."""
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"


def resolve(url: str | None = None) -> Target:
    """The database ``url`` names; None means ``$DEBATE_DB``, else the per-user default
    (:func:`default_db_path`, its folder created). A string without ``://`` is an SQLite
    file path; ``postgresql://`` gets the psycopg 3 driver."""
    if url is None or not url.strip():
        url = os.environ.get(DB_ENV, "").strip() or None
    if url is None:
        path = default_db_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreUnavailable(f"cannot create {path.parent}: {e.strerror}") from None
        return Target(URL.create("sqlite", database=str(path)), path, default=True)
    if "://" not in url:
        return _sqlite_target(Path(url).expanduser())
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreUnavailable(f"not a database URL: {url!r}") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            return Target(parsed, None)
        return _sqlite_target(Path(parsed.database).expanduser())
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return Target(parsed, None)


def _sqlite_target(path: Path) -> Target:
    path = path.absolute()
    return Target(URL.create("sqlite", database=str(path)), path)


# -- inspecting without writing ----------------------------------------------------------


def inspect_sqlite_file(path: Path) -> str | None:
    """The schema revision of an SQLite file, None if the file is missing or holds no
    tables at all. Reads only; raises if the file is not one of ours or is damaged."""
    if not path.exists():
        return None
    if path.is_dir():
        raise NotADebateDatabase(f"{path} is a directory, not a database file")
    if not path.is_file():  # a FIFO would block the read below; a device never ends
        raise NotADebateDatabase(f"{path} is not a regular file (a pipe or device), not a database")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except OSError as e:
        raise StoreUnavailable(f"cannot read {path}: {e.strerror}") from None
    if not head:
        # What a process killed just after SQLite created the file leaves behind (and what
        # a concurrent first open sees): a new database, created under the write lock.
        return None
    if not head.startswith(_SQLITE_MAGIC) or len(head) < 100:
        raise NotADebateDatabase(f"{path} is not an SQLite database (so not a debate database)")
    # immutable=1 makes SQLite read without locks or side files; it is only safe when no
    # write-ahead log is pending, so with a -wal file present plain read-only mode is used.
    wal = path.with_name(path.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    uri = f"file:{quote(str(path))}?{flags}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreUnavailable(f"cannot open {path}: {e}") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
        if problems != ["ok"]:
            raise CorruptDatabase(
                f"{path} is damaged (SQLite integrity check: {'; '.join(problems)}); "
                "it was left as it is"
            )
        if VERSION_TABLE not in tables:
            if not tables:
                return None
            raise NotADebateDatabase(
                f"{path} is an SQLite database but not a debate one "
                f"(it has tables {', '.join(sorted(tables)[:5])} and no {VERSION_TABLE})"
            )
        return _read_revision(
            conn.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall(), str(path)
        )
    except sqlite3.DatabaseError as e:
        raise CorruptDatabase(f"{path} is damaged or not a database ({e}); left as it is") from None
    finally:
        conn.close()


def inspect_server(engine: Engine, target: Target) -> str | None:
    """Like :func:`inspect_sqlite_file`, for a database on a server (reads only)."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if VERSION_TABLE not in tables:
            if not tables:
                return None
            raise NotADebateDatabase(
                f"{target.display} holds other tables ({', '.join(sorted(tables)[:5])}) "
                f"and no {VERSION_TABLE}: not a debate database"
            )
        rows = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        conn.rollback()
    return _read_revision(rows, target.display)


def _read_revision(rows: Sequence[Any], where: str) -> str:
    if len(rows) != 1 or not isinstance(rows[0][0], str):
        raise NotADebateDatabase(f"{where}: the {VERSION_TABLE} table is damaged")
    return str(rows[0][0])


def check_revision(revision: str, where: str) -> None:
    """Raise :class:`NewerSchema` unless ``revision`` is one this program knows."""
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise NewerSchema(
            f"{where} was written by a newer version of this program (schema {revision!r}; "
            f"this version knows up to {SCHEMA_HEAD!r}); upgrade the program to open it. "
            "The database was left as it is."
        )


def known_revisions() -> list[str]:
    """Every revision in the shipped migrations, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return [s.revision for s in reversed(list(script.walk_revisions()))]


# -- engines -------------------------------------------------------------------------------


def create_store_engine(target: Target) -> Engine:
    """A new engine for ``target``; SQLite connections get WAL, foreign keys and a busy
    timeout, and explicit ``BEGIN`` (IMMEDIATE for writers) so transactions really are."""
    try:
        if not target.is_sqlite:
            return create_engine(
                target.url,
                pool_pre_ping=True,
                connect_args={
                    "connect_timeout": connect_timeout(),
                    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
                },
            )
        if target.path is None:
            engine = create_engine(
                target.url, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            engine = create_engine(target.url)
    except (NoSuchModuleError, ImportError) as e:
        raise StoreUnavailable(
            f"no database driver for {target.display} ({e}); for PostgreSQL install "
            "debate-guarantees[postgres]"
        ) from None
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # The sqlite3 module's own transaction handling skips BEGIN before DDL and cannot
    # take the write lock up front; switch it off and emit BEGIN in _sqlite_on_begin.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    _write_ahead_logging(cur)
    cur.execute("PRAGMA synchronous = FULL")  # a committed event survives power loss too
    cur.close()


def _write_ahead_logging(cur: sqlite3.Cursor) -> None:
    """Switch the database to WAL. SQLite answers "database is locked" at once, without
    waiting out the busy timeout, when another connection switches the same new database
    at the same moment (several players' programs opening a new file together): wait and
    try again for as long as the busy timeout would have waited."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if e.sqlite_errorcode != sqlite3.SQLITE_BUSY or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


def sqlite_on_begin(conn: Connection) -> None:
    # Writers take the write lock at BEGIN, so a second writer waits (busy timeout) and
    # then sees the first one's commit, instead of failing on a stale read snapshot.
    writing = conn.get_execution_options().get("debate_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


# -- migrations ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Migrated:
    """What opening did to an older or empty database."""

    from_revision: str | None
    to_revision: str
    backup: Path | None


def migrate(engine: Engine, target: Target) -> Migrated | None:
    """Bring the database to :data:`SCHEMA_HEAD` in one transaction, holding the write lock
    (SQLite) or an advisory lock (PostgreSQL) so that two processes never migrate at once.
    An older SQLite file is first copied to ``<name>.v<rev>-<time>.bak`` beside it."""
    from alembic import command
    from alembic.config import Config

    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        if target.is_sqlite:
            # Rebuilding a table (batch mode) drops it; with foreign keys on that would
            # cascade into its children. The pragma is a no-op inside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            conn.execution_options(debate_write=True)
            with conn.begin():
                if not target.is_sqlite:
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")
                current = _current_revision(conn)
                if current == SCHEMA_HEAD:
                    return None  # another process got there first
                if current is not None:
                    check_revision(current, target.display)
                backup = _backup_sqlite(target, current) if current and target.path else None
                config = Config()
                config.set_main_option("script_location", str(MIGRATIONS_DIR))
                config.attributes["connection"] = conn
                command.upgrade(config, SCHEMA_HEAD)
                if target.is_sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise CorruptDatabase(
                            f"{target.display}: upgrade found rows pointing nowhere ({broken[:3]})"
                        )
        finally:
            if target.is_sqlite:
                raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    return Migrated(current, SCHEMA_HEAD, backup)


def _current_revision(conn: Connection) -> str | None:
    if VERSION_TABLE not in set(inspect(conn).get_table_names()):
        return None
    rows = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    return _read_revision(rows, "database")


def _backup_sqlite(target: Target, revision: str) -> Path:
    """Copy the database (including its write-ahead log) next to it before upgrading."""
    assert target.path is not None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup = target.path.with_name(f"{target.path.name}.v{revision}-{stamp}.bak")
    n = 1
    while backup.exists():
        backup = target.path.with_name(f"{target.path.name}.v{revision}-{stamp}-{n}.bak")
        n += 1
    source = sqlite3.connect(f"file:{quote(str(target.path))}?mode=ro", uri=True)
    dest = sqlite3.connect(backup)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return backup


def guarded(action: Callable[[], T], target: Target) -> T:
    """Run ``action``, turning driver failures into :class:`StoreError`."""
    try:
        return action()
    except StoreError:
        raise
    except DBAPIError as e:
        raise db_failure(e, target.display) from None


__all__ = [
    "CONNECT_TIMEOUT_ENV",
    "CONNECT_TIMEOUT_S",
    "DB_ENV",
    "SCHEMA_HEAD",
    "STATEMENT_TIMEOUT_MS",
    "Migrated",
    "Target",
    "connect_timeout",
    "db_failure",
    "resolve",
    "sqlite_failure",
]
