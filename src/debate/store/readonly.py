"""Opening an SQLite file read-only: for commands that only read, and for files (or
folders) the user cannot write."""

from __future__ import annotations

import os
import sqlite3
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event

from debate.store.database import BUSY_TIMEOUT_MS, Target, sqlite_on_begin


def create_readonly_engine(target: Target) -> Engine:
    """An engine that can only read ``target``'s SQLite file (a read-only file, a file in
    a read-only folder, or a command that only reads). Nothing is ever written, not even
    a write-ahead log when none is pending."""
    assert target.path is not None
    path = target.path
    wal = path.with_name(path.name + "-wal")
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    flags = "mode=ro" if wal.exists() or writable else "mode=ro&immutable=1"
    uri = f"file:{quote(str(path))}?{flags}"
    engine = create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )
    event.listen(engine, "connect", _sqlite_readonly_on_connect)
    event.listen(engine, "begin", sqlite_on_begin)
    return engine


def _sqlite_readonly_on_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA query_only = ON")
    cur.close()
