"""Seeded randomness for scripted roles: one generator per decision, one temper per game.

Each decision draws from a generator derived from (game seed, event number, role), so a
game resumed mid-way (in the TUI, or replayed from a saved log) makes the same choices it
would have made uninterrupted, and a decision never depends on how many random numbers an
earlier one used. String seeds are hashed with SHA-512 by :mod:`random`, so the derivation
does not depend on ``PYTHONHASHSEED`` or on the process.

A role's *disposition* (how far Washington will go this game, say) must stay the same for a
whole game, so it cannot come from one decision's draws. The generator therefore also
carries its game's seed, and :func:`disposition` derives a fixed draw from (game seed, role,
trait). A plain :class:`random.Random` carries no game: the disposition is then one draw from
it, and a :class:`Typical` generator gives the middle value.

>>> decision_rng(7, 12, "kremlin").random() == decision_rng(7, 12, "kremlin").random()
True
>>> decision_rng(7, 12, "kremlin").random() == decision_rng(7, 13, "kremlin").random()
False
>>> a = disposition(decision_rng(7, 3, "washington"), "washington", "resolve")
>>> a == disposition(decision_rng(7, 40, "washington"), "washington", "resolve")
True
>>> a == disposition(decision_rng(8, 3, "washington"), "washington", "resolve")
False
>>> Typical(1).random(), disposition(Typical(1), "washington", "resolve")
(0.5, 0.5)
"""

from __future__ import annotations

import random
from typing import Any


class GameRandom(random.Random):
    """A decision's generator that also knows the seed of the game it belongs to."""

    def __init__(self, x: Any = None, game: str | None = None) -> None:
        super().__init__(x)
        self.game = game

    def __reduce__(self) -> tuple[Any, ...]:
        # random.Random pickles as (class, (), state): keep the game with it.
        return (type(self), (None, self.game), self.getstate())


def decision_rng(seed: int | str, seq: int, role: str) -> GameRandom:
    """The generator for ``role``'s decision at event ``seq`` of the game seeded ``seed``."""
    return GameRandom(f"{seed}:{seq}:{role}", game=str(seed))


def disposition(rng: random.Random, role: str, trait: str) -> float:
    """A draw in [0, 1) that is the same for every decision of ``role`` in one game."""
    if isinstance(rng, Typical):
        return 0.5
    game = getattr(rng, "game", None)
    if game is None:
        return rng.random()
    return random.Random(f"{game}:{role}:disposition:{trait}").random()


class Typical(random.Random):
    """A generator whose coin flips always come out the most likely way.

    ``random()`` is pinned at 0.5, so a rule written as ``rng.random() < p`` fires exactly
    when ``p > 0.5``. The hard difficulty uses it to predict how another role will most
    likely answer (its choices among equals still vary with the seed).
    """

    def random(self) -> float:
        return 0.5
