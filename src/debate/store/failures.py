"""Database failures as readable :class:`StoreError` messages, and the server timeouts."""

from __future__ import annotations

import os
import sqlite3

from sqlalchemy.exc import DBAPIError

from debate.store.errors import CorruptDatabase, StoreError, StoreUnavailable

#: Seconds to wait for a database server to answer a connection (``$DEBATE_CONNECT_TIMEOUT``).
CONNECT_TIMEOUT_ENV = "DEBATE_CONNECT_TIMEOUT"
CONNECT_TIMEOUT_S = 10
#: Longest a single statement may run on a server before it is cancelled (milliseconds).
STATEMENT_TIMEOUT_MS = 30_000


def connect_timeout() -> int:
    """Seconds to wait for a database server to accept a connection (at least 2: libpq's
    own minimum)."""
    try:
        return max(2, int(os.environ.get(CONNECT_TIMEOUT_ENV, CONNECT_TIMEOUT_S)))
    except ValueError:
        return CONNECT_TIMEOUT_S


def db_failure(error: DBAPIError, where: str) -> StoreError:
    """A readable :class:`StoreError` for a database failure reported through SQLAlchemy."""
    detail = str(error.orig).strip() if error.orig is not None else str(error)
    return _failure(detail.splitlines()[0] if detail else type(error).__name__, where)


def sqlite_failure(error: sqlite3.Error, where: str) -> StoreError:
    """The same, for an error raised by the sqlite3 module directly."""
    return _failure(str(error) or type(error).__name__, where)


def _failure(detail: str, where: str) -> StoreError:
    if "timeout expired" in detail or "timed out" in detail:
        return StoreUnavailable(
            f"timed out connecting to {where}: no answer within {connect_timeout()} s "
            f"(is the server up and reachable?) [{detail}]"
        )
    if "statement timeout" in detail:
        return StoreUnavailable(
            f"{where} did not answer a query within {STATEMENT_TIMEOUT_MS // 1000} s; "
            "nothing was changed"
        )
    if "readonly" in detail or "read-only" in detail:
        return StoreUnavailable(f"{where} is read-only: {detail}")
    if "malformed" in detail or "not a database" in detail:
        return CorruptDatabase(f"{where} is damaged ({detail})")
    if "locked" in detail or "busy" in detail:
        return StoreUnavailable(f"{where} is busy (another program holds it): {detail}")
    return StoreUnavailable(f"cannot use {where}: {detail}")
