"""What an event settled besides itself, in plain text, for transcripts and timelines.

The wording of the event itself is the debate table's (:mod:`debate.history.transcript`); this
adds the side effects a reader would otherwise have to work out: challenges that closed,
commitments that were discounted, the outcome of the vote.

>>> from debate.engine import Pass, Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> s0 = new_game(tiny_motion())
>>> s1, _ = apply(s0, "kyiv", Speak(text="Our army holds."))
>>> consequences(s0, s1)
[]

The function lives in :mod:`debate.history.effects` (shared with the live table).
"""

from __future__ import annotations

from debate.history.effects import consequences

__all__ = ["consequences"]
