"""Waiting for a hosted game to change, without a server of our own.

PostgreSQL pushes: every append and every change of a hosted game NOTIFYs the session's
channel (:func:`debate.store.hosted.channel`), and a :class:`ListenWatcher` LISTENs on it
with a connection of its own. SQLite has no push; a :class:`PollWatcher` reads
``PRAGMA data_version`` (which changes when another connection commits) every
:data:`POLL_SECONDS`. Either way :meth:`wait` returns early when something may have
changed, or at the timeout; the caller then reads what is new with
:meth:`debate.store.Store.update_since`. A lost connection raises
:class:`~debate.store.errors.StoreUnavailable`; the caller retries with :meth:`reconnect`.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Any, Protocol
from urllib.parse import quote

from debate.store.database import Target
from debate.store.errors import StoreUnavailable
from debate.store.hosted import channel

#: How often SQLite is polled for a commit by another connection (seconds).
POLL_SECONDS = 0.1


class Watcher(Protocol):
    def wait(self, timeout: float) -> bool:
        """Block until the game may have changed (True) or ``timeout`` passed (False)."""
        ...

    def reconnect(self) -> None: ...

    def close(self) -> None: ...


class PollWatcher:
    """SQLite: notice commits by polling ``PRAGMA data_version`` on a private connection."""

    def __init__(self, target: Target) -> None:
        self._target = target
        self._conn: sqlite3.Connection | None = None
        self._version: int | None = None
        self.reconnect()

    def reconnect(self) -> None:
        self.close()
        assert self._target.path is not None
        uri = f"file:{quote(str(self._target.path))}?mode=ro"
        try:
            self._conn = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False
            )
            self._version = self._read()
        except sqlite3.Error as e:
            self.close()
            raise StoreUnavailable(f"cannot watch {self._target.display}: {e}") from None

    def _read(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> bool:
        if self._conn is None:
            raise StoreUnavailable(f"not connected to {self._target.display}")
        deadline = time.monotonic() + timeout
        while True:
            try:
                now = self._read()
            except sqlite3.Error as e:
                self.close()
                raise StoreUnavailable(f"lost {self._target.display}: {e}") from None
            if now != self._version:
                self._version = now
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_SECONDS, left))

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


class ListenWatcher:
    """PostgreSQL: LISTEN on the session's channel with a dedicated psycopg 3 connection."""

    def __init__(self, target: Target, session_id: str) -> None:
        self._target = target
        self._channel = channel(session_id)
        self._conn: Any = None
        self.reconnect()

    def reconnect(self) -> None:
        import psycopg
        from psycopg import sql

        self.close()
        url = self._target.url.set(drivername="postgresql")
        try:
            self._conn = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
            )
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        except psycopg.Error as e:
            self.close()
            raise StoreUnavailable(f"cannot listen on {self._target.display}: {e}") from None

    def wait(self, timeout: float) -> bool:
        import psycopg

        if self._conn is None:
            raise StoreUnavailable(f"not connected to {self._target.display}")
        try:
            got = False
            for _ in self._conn.notifies(timeout=timeout, stop_after=1):
                got = True
            if got:  # drain what else has arrived, so one wake-up covers a burst
                for _ in self._conn.notifies(timeout=0.0):
                    pass
            elif self._conn.closed or self._conn.broken:
                raise StoreUnavailable(f"lost {self._target.display}")
            return got
        except psycopg.Error as e:
            self.close()
            raise StoreUnavailable(f"lost {self._target.display}: {e}") from None

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:  # already broken: nothing more to close
                pass
            finally:
                self._conn = None


def watcher_for(target: Target, session_id: str) -> Watcher:
    """The right watcher for the database (an in-memory SQLite database cannot be watched
    from another connection; it is polled by the caller instead)."""
    if target.is_sqlite:
        return PollWatcher(target)
    return ListenWatcher(target, session_id)
