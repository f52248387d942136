"""Following a hosted game from one process: wake on every change, keep presence, and do
the referee's duty; reconnect with backoff after a lost connection.

:func:`follow` is a loop for a thread (or the whole of ``debate referee``): it calls
``on_change()`` whenever the game may have changed (the caller then refreshes its own
:class:`~debate.seminar.SeatClient`), and ``on_status(message)`` when the connection is
lost (a message) or back (None).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from debate.seminar.client import SeatClient
from debate.seminar.referee import duty, release

#: Longest wait between two looks at the game (timer expiry, lease takeover).
TICK_SECONDS = 0.25
#: How often a client says it is still there.
PRESENCE_SECONDS = 2.0
#: Clients not heard from for this long are shown as gone.
GONE_SECONDS = 6.0
MAX_BACKOFF = 8.0


def follow(
    referee: SeatClient,
    stop: threading.Event,
    on_change: Callable[[], None] = lambda: None,
    on_status: Callable[[str | None], None] = lambda _m: None,
    presence_role: str | None = None,
    play: bool = True,
) -> None:
    """Run until ``stop`` is set. ``referee`` is this loop's own client (not shared with a
    screen); ``presence_role`` is the seat shown as connected (None: the facilitator)."""
    from debate.store import StoreError

    store, sid = referee.store, referee.session_id
    watcher: Any = None
    backoff = 0.5
    last_touch = 0.0
    try:
        while not stop.is_set():
            try:
                if watcher is None:
                    watcher = store.watch(sid)
                    referee.refresh()  # catch up from the last event number
                    on_status(None)
                    on_change()
                    backoff = 0.5
                if time.monotonic() - last_touch >= PRESENCE_SECONDS:
                    store.touch(sid, referee.client_id, presence_role)
                    last_touch = time.monotonic()
                if play and duty(referee) is not None:
                    on_change()
                    continue
                if watcher.wait(TICK_SECONDS) and referee.refresh():
                    on_change()
            except StoreError as e:
                if watcher is not None:
                    watcher.close()
                    watcher = None
                on_status(f"connection lost ({e.message}); retrying in {backoff:.1f} s")
                stop.wait(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
    finally:
        if watcher is not None:
            watcher.close()
        try:
            if play:
                release(referee)
            store.leave(sid, referee.client_id)
        except StoreError:
            pass
