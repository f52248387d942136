"""Games played elsewhere and saved whole (`debate simulate --save`).

A :class:`WholeGame` carries its events already in the form they are stored, so that the
process that played a game serialises it (in parallel with the other workers) and only
strings travel to the process that saves it: pickling the engine's event models cost more
than writing them.

>>> from debate.engine.actions import Pass
>>> from debate.engine.events import Event
>>> game = whole_game(7, "demo", [Event(seq=0, actor="kyiv", action=Pass())])
>>> game.events
((0, 'kyiv', 'pass', '{"seq":0,"actor":"kyiv","action":{"type":"pass"},"rationale":null}'),)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from debate.store.convert import stored_event
from debate.store.records import Status

if TYPE_CHECKING:
    from debate.engine import Event

#: An event as stored: ``(seq, actor, kind, payload)``, payload the engine's JSON of it.
StoredEvent: TypeAlias = tuple[int, str, str, str]


@dataclass(frozen=True, slots=True)
class WholeGame:
    """One game to save whole: seed, title (None: the motion's), events, status. Build it
    with :func:`whole_game`, which serialises the events exactly as an append would."""

    seed: int
    title: str | None
    events: tuple[StoredEvent, ...]
    status: Status = "finished"


def whole_game(
    seed: int, title: str | None, events: Iterable[Event], status: Status = "finished"
) -> WholeGame:
    """A game ready for :meth:`debate.store.Store.save_whole_games`."""
    return WholeGame(seed, title, tuple(stored_event(e) for e in events), status)
