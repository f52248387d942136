"""The referee's duty: play the scripted seats and pass a seat whose time ran out.

Any client of a hosted game may do it, but only the holder of the session's lease (a row
with an expiry, :meth:`debate.store.Store.take_lease`) does: the others wait. If the holder
dies its lease runs out after :data:`LEASE_SECONDS` and the next client to look takes
over. The append itself is conditional on the event number, so even two holders could
never make two moves for one turn.
"""

from __future__ import annotations

from datetime import UTC, datetime

from debate.engine import Event, Pass
from debate.seminar.client import SeatClient

#: How long a lease lasts unless renewed (a dead holder is replaced after this).
LEASE_SECONDS = 3.0


def due(client: SeatClient, now: datetime | None = None) -> str | None:
    """What the referee must do now: ``"scripted"``, ``"timer"`` or None."""
    role = client.to_play
    if role is None or client.paused or client.finished:
        return None
    if not client.game.is_human(role):
        return "scripted"
    limit = client.deadline()
    if limit is not None and (now or datetime.now(UTC)) >= limit:
        return "timer"
    return None


def duty(client: SeatClient, now: datetime | None = None) -> Event | None:
    """Do what is due, if this client holds (or can take) the lease; the event saved, if
    any. ``client`` should be the referee's own (the facilitator's view of the game)."""
    from debate.store import SequenceConflict
    from debate.store.hosted import GamePaused

    if due(client, now) is None:
        return None
    store, sid = client.store, client.session_id
    holder = store.lease_holder(sid)
    if holder is not None and holder != client.client_id:
        return None
    if not store.take_lease(sid, client.client_id, LEASE_SECONDS):
        return None
    client.refresh()  # decide on what is saved, now that the lease is ours
    what = due(client, now)
    try:
        if what == "scripted":
            move = client.game.scripted_move()
            return client.game.submit(move.action, rationale=move.rationale)
        if what == "timer":
            limit = client.hosted.turn_limit
            role = client.to_play
            return client.game.submit(
                Pass(), actor=role, rationale=f"time ran out ({limit} s per turn): passes"
            )
    except (SequenceConflict, GamePaused):
        client.refresh()
    return None


def release(client: SeatClient) -> None:
    """Give the lease up (a referee that stops cleanly lets another take over at once)."""
    client.store.release_lease(client.session_id, client.client_id)
