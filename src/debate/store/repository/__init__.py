"""The sessions repository: the only way the rest of the program reads or writes saves.

Every write is one transaction. Appending an event checks the expected sequence number
and bumps it in the same transaction, so of two writers racing for event *n* exactly one
succeeds and the other gets :class:`~debate.store.errors.SequenceConflict` with nothing
written.

>>> import tempfile, pathlib
>>> from debate.engine import Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> from debate.store import Seat, open_store
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> store = open_store(str(folder / "example.db"))
>>> seats = [Seat("kyiv", "Olena", "human"), Seat("kremlin", "Bot", "scripted", "easy"),
...          Seat("washington", "Sam", "human")]
>>> info = store.create_session(tiny_motion(), seats, seed=7)
>>> state, event = apply(new_game(tiny_motion()), "kyiv", Speak(text="Army first."))
>>> store.append(info.id, event, expected_seq=0)
1
>>> from debate.store import SequenceConflict
>>> try:
...     store.append(info.id, event, expected_seq=0)  # a stale writer
... except SequenceConflict as e:
...     print("conflict:", e.expected, "is taken; next is", e.actual)
conflict: 0 is taken; next is 1
>>> loaded = store.load(info.id)
>>> len(loaded.events), loaded.state.seq, loaded.info.turns
(1, 1, 1)
>>> store.close()
"""

from __future__ import annotations

from debate.store.errors import StoreError
from debate.store.repository.annotations import Annotating
from debate.store.repository.branches import Branching
from debate.store.repository.documents import Documents
from debate.store.repository.events import EventLog
from debate.store.repository.hosting import Hosting
from debate.store.repository.whole_games import WholeGames


class Store(Documents, Branching, WholeGames, EventLog, Annotating, Hosting):
    """Saved sessions in one database. Get one with :func:`debate.store.open_store`.

    One facade over the repository's parts: sessions (:mod:`.sessions`), events
    (:mod:`.events`), whole games saved in batches (:mod:`.whole_games`), branches
    (:mod:`.branches`), annotations (:mod:`.annotations`), JSON documents
    (:mod:`.documents`) and hosted games (:mod:`.hosting`).
    """


__all__ = ["Store", "StoreError"]
