"""One LISTEN connection for every hosted game a process follows (PostgreSQL).

A process that follows many games at once (a load test, a front end serving many seats)
would otherwise hold one connection per game. :class:`SharedListener` LISTENs on every
channel through one connection, in one thread, and wakes each game's subscribers; after a
lost connection it reconnects with backoff and wakes everyone, who then catch up.
"""

from __future__ import annotations

import threading
from typing import Any

from debate.store.database import Target
from debate.store.errors import StoreUnavailable
from debate.store.hosted import channel

_LISTENERS: dict[str, SharedListener] = {}
_LOCK = threading.Lock()


class Subscription:
    """A :class:`~debate.store.live.Watcher` on a :class:`SharedListener`."""

    def __init__(self, listener: SharedListener, name: str) -> None:
        self._listener = listener
        self._name = name
        self._event = threading.Event()

    def wake(self) -> None:
        self._event.set()

    def wait(self, timeout: float) -> bool:
        got = self._event.wait(timeout)
        self._event.clear()
        if self._listener.problem is not None:
            raise StoreUnavailable(self._listener.problem)
        return got

    def reconnect(self) -> None:
        self._listener.subscribe_again(self)

    def close(self) -> None:
        self._listener.unsubscribe(self)


class SharedListener:
    def __init__(self, target: Target) -> None:
        self._target = target
        self._subs: dict[str, set[Subscription]] = {}
        self._listening: set[str] = set()
        self._lock = threading.Lock()
        self.problem: str | None = None
        self._conn: Any = None
        self._thread = threading.Thread(target=self._run, name="debate-listen", daemon=True)
        self._thread.start()

    def subscribe(self, session_id: str) -> Subscription:
        sub = Subscription(self, channel(session_id))
        self.subscribe_again(sub)
        return sub

    def subscribe_again(self, sub: Subscription) -> None:
        with self._lock:
            self._subs.setdefault(sub._name, set()).add(sub)

    def unsubscribe(self, sub: Subscription) -> None:
        with self._lock:
            self._subs.get(sub._name, set()).discard(sub)

    def _connect(self) -> None:
        import psycopg

        url = self._target.url.set(drivername="postgresql")
        self._conn = psycopg.connect(
            url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
        )
        self._listening = set()

    def _listen_new(self) -> None:
        from psycopg import sql

        with self._lock:
            wanted = {name for name, subs in self._subs.items() if subs}
        for name in wanted - self._listening:
            self._conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(name)))
            self._listening.add(name)

    def _wake(self, name: str | None) -> None:
        with self._lock:
            subs = [s for n, group in self._subs.items() if name in (None, n) for s in group]
        for sub in subs:
            sub.wake()

    def _run(self) -> None:
        import time

        backoff = 0.5
        while True:
            try:
                if self._conn is None:
                    self._connect()
                    if self.problem is not None:
                        self.problem = None
                        self._wake(None)  # back: everyone catches up
                    backoff = 0.5
                self._listen_new()
                for note in self._conn.notifies(timeout=0.1):
                    self._wake(note.channel)
            except Exception as e:  # any driver failure: reconnect
                self.problem = f"lost {self._target.display}: {e}".strip()
                self._wake(None)
                try:
                    if self._conn is not None:
                        self._conn.close()
                finally:
                    self._conn = None
                time.sleep(backoff)
                backoff = min(backoff * 2, 8.0)


def shared_listener(target: Target) -> SharedListener:
    """The process's listener for ``target`` (started on first use)."""
    with _LOCK:
        listener = _LISTENERS.get(target.key)
        if listener is None:
            listener = _LISTENERS[target.key] = SharedListener(target)
        return listener
