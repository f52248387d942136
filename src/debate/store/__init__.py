"""Saved sessions: SQLModel tables, the sessions repository, migrations, JSON documents.

Everything above the engine saves and loads games through :func:`open_store` and the
:class:`Store` it returns; nothing here is imported (and no database is touched) until a
command needs it.

>>> import os, tempfile
>>> here = os.getcwd()
>>> os.chdir(tempfile.mkdtemp())
>>> saved = os.environ.get("DEBATE_DATA_DIR")
>>> os.environ["DEBATE_DATA_DIR"] = os.getcwd()   # instead of the user's data directory
>>> store = open_store()          # the per-user default database
>>> store.where == os.path.join(os.getcwd(), "debate.db")
True
>>> store.list_sessions()
[]
>>> store.close()
>>> os.chdir(here)
>>> if saved is None: del os.environ["DEBATE_DATA_DIR"]
... else: os.environ["DEBATE_DATA_DIR"] = saved
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate.lazy_names import lazy_names
from debate.paths import default_db_path
from debate.store.errors import (
    AnnotationNotFound,
    CorruptDatabase,
    CorruptSession,
    InvalidRequest,
    NewerSchema,
    NoDatabase,
    NotADebateDatabase,
    SequenceConflict,
    SessionNotFound,
    StoreError,
    StoreUnavailable,
)
from debate.store.records import (
    STATUSES,
    Annotation,
    InvalidSeat,
    LoadedSession,
    Seat,
    SeatKind,
    SessionInfo,
    Status,
    StoredSession,
    check_seed,
)

if TYPE_CHECKING:
    from debate.store.database import DB_ENV, SCHEMA_HEAD, Migrated, resolve
    from debate.store.engines import dispose_all
    from debate.store.repository import Store

#: Names whose modules import SQLAlchemy and SQLModel (about 200 ms): loaded on first use, so
#: that a command may name seats, check a seed or catch a store error before (or without)
#: opening a database, e.g. `debate play` paints its table first (issue 15).
_LAZY = {
    "DB_ENV": "debate.store.database",
    "SCHEMA_HEAD": "debate.store.database",
    "Migrated": "debate.store.database",
    "resolve": "debate.store.database",
    "dispose_all": "debate.store.engines",
    "Store": "debate.store.repository",
}
__getattr__ = lazy_names(__name__, _LAZY)


def open_store(url: str | None = None, create: bool = True, readonly: bool = False) -> Store:
    """Open (creating, or upgrading after a backup, if needed) the session database.

    ``url`` is any SQLAlchemy URL or an SQLite file path; None means ``$DEBATE_DB``, else
    the per-user default database (``debate.store.database.default_db_path``). With
    ``create=False`` a path that does not exist is refused (:class:`NoDatabase`) rather
    than created; ``readonly`` opens an SQLite file read-only. Each process keeps one engine
    per database. A file that is not a debate database, is damaged, or was written by a
    newer version raises a :class:`StoreError` subclass and is left untouched.
    """
    from debate.store.database import resolve
    from debate.store.engines import prepared_engine
    from debate.store.repository import Store

    target = resolve(url)
    engine, migrated = prepared_engine(target, create=create, readonly=readonly)
    return Store(engine, target, migrated)


__all__ = [
    "DB_ENV",
    "SCHEMA_HEAD",
    "STATUSES",
    "Annotation",
    "AnnotationNotFound",
    "CorruptDatabase",
    "CorruptSession",
    "InvalidRequest",
    "InvalidSeat",
    "LoadedSession",
    "Migrated",
    "NewerSchema",
    "NoDatabase",
    "NotADebateDatabase",
    "Seat",
    "SeatKind",
    "SequenceConflict",
    "SessionInfo",
    "SessionNotFound",
    "Status",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "StoredSession",
    "check_seed",
    "default_db_path",
    "dispose_all",
    "open_store",
    "resolve",
]
