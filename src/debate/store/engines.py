"""One engine per process per database: checked, migrated (or opened read-only) on first use.

See :mod:`debate.store.database` for the order in which a database is inspected before
anything can write to it.
"""

from __future__ import annotations

import os
import threading

from sqlalchemy import Engine

from debate.store.database import (
    SCHEMA_HEAD,
    Migrated,
    Target,
    check_revision,
    create_store_engine,
    guarded,
    inspect_server,
    inspect_sqlite_file,
    migrate,
)
from debate.store.readonly import create_readonly_engine

# -- one engine per process per database -----------------------------------------------------

_LOCK = threading.RLock()
_ENGINES: dict[str, Engine] = {}
_READY: set[str] = set()  # databases checked (and migrated) by this process


def prepared_engine(
    target: Target, create: bool = True, readonly: bool = False
) -> tuple[Engine, Migrated | None]:
    """The process's engine for ``target``, checked and migrated on first use.

    ``create=False`` refuses an SQLite path that does not exist (:class:`NoDatabase`)
    instead of creating it (the per-user default is always created). ``readonly`` opens an
    existing, current SQLite file read-only (a file that needs creating or upgrading is
    opened for writing, as that is what it needs)."""
    from debate.store.errors import NoDatabase

    path = target.path
    if path is not None and not create and not target.default and not path.exists():
        raise NoDatabase(
            f"no database at {path} (check the path; commands that save games create it)"
        )
    if path is not None and path.is_file() and not _writable(path):
        readonly = True  # a file (or folder) this user may not write: read it, never fail
    if readonly and path is not None and inspect_sqlite_file(path) == SCHEMA_HEAD:
        return _readonly_engine(target), None
    with _LOCK:
        key = target.key
        engine = _ENGINES.get(key)
        file_gone = target.path is not None and not target.path.exists()
        if engine is not None and key in _READY and not file_gone:
            return engine, None
        if engine is not None:  # the file was removed since: start afresh
            engine.dispose()
            _ENGINES.pop(key, None)
            _READY.discard(key)
            engine = None
        if target.path is not None:
            revision = inspect_sqlite_file(target.path)
        engine = create_store_engine(target)
        try:
            if target.path is None:
                revision = guarded(lambda: inspect_server(engine, target), target)
            if revision is not None:
                check_revision(revision, target.display)
            migrated = (
                guarded(lambda: migrate(engine, target), target)
                if revision != SCHEMA_HEAD
                else None
            )
        except BaseException:
            engine.dispose()
            raise
        _ENGINES[key] = engine
        _READY.add(key)
        return engine, migrated


def _writable(path: os.PathLike[str]) -> bool:
    folder = os.path.dirname(os.fspath(path)) or "."
    return os.access(path, os.W_OK) and os.access(folder, os.W_OK)


def _readonly_engine(target: Target) -> Engine:
    key = target.key + "#readonly"
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = create_readonly_engine(target)
        return engine


def forget_engine(target: Target) -> None:
    """Dispose of the process's engine for ``target`` (tests; closing a store)."""
    with _LOCK:
        engine = _ENGINES.pop(target.key, None)
        readonly = _ENGINES.pop(target.key + "#readonly", None)
        _READY.discard(target.key)
    for e in (engine, readonly):
        if e is not None:
            e.dispose()


def dispose_all() -> None:
    """Dispose of every engine this process opened."""
    with _LOCK:
        engines = list(_ENGINES.values())
        _ENGINES.clear()
        _READY.clear()
    for engine in engines:
        engine.dispose()


def _after_fork_in_child() -> None:
    # A forked child must not reuse the parent's pooled connections.
    for engine in list(_ENGINES.values()):
        engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork_in_child)


