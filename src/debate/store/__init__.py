"""Saved sessions: SQLModel tables, the sessions repository, migrations, JSON documents.

Everything above the engine saves and loads games through :func:`open_store` and the
:class:`Store` it returns; nothing here is imported (and no database is touched) until a
command needs it.

>>> import os, tempfile
>>> here = os.getcwd()
>>> os.chdir(tempfile.mkdtemp())
>>> store = open_store()          # saves/debate.db under the working directory
>>> store.where.endswith(os.path.join("saves", "debate.db"))
True
>>> store.list_sessions()
[]
>>> store.close()
>>> os.chdir(here)
"""

from __future__ import annotations

from debate.store.database import DB_ENV, DEFAULT_DB, SCHEMA_HEAD, Migrated, dispose_all, resolve
from debate.store.errors import (
    AnnotationNotFound,
    CorruptDatabase,
    CorruptSession,
    InvalidRequest,
    NewerSchema,
    NotADebateDatabase,
    SequenceConflict,
    SessionNotFound,
    StoreError,
    StoreUnavailable,
)
from debate.store.records import (
    STATUSES,
    Annotation,
    LoadedSession,
    Seat,
    SeatKind,
    SessionInfo,
    Status,
    check_seed,
)
from debate.store.repository import Store


def open_store(url: str | None = None) -> Store:
    """Open (creating, or upgrading after a backup, if needed) the session database.

    ``url`` is any SQLAlchemy URL or an SQLite file path; None means ``$DEBATE_DB``, else
    ``saves/debate.db`` under the current working directory. Each process keeps one engine
    per database. A file that is not a debate database, is damaged, or was written by a
    newer version raises a :class:`StoreError` subclass and is left untouched.
    """
    from debate.store.database import prepared_engine

    target = resolve(url)
    engine, migrated = prepared_engine(target)
    return Store(engine, target, migrated)


__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "SCHEMA_HEAD",
    "STATUSES",
    "Annotation",
    "AnnotationNotFound",
    "CorruptDatabase",
    "CorruptSession",
    "InvalidRequest",
    "LoadedSession",
    "Migrated",
    "NewerSchema",
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
    "check_seed",
    "dispose_all",
    "open_store",
]
