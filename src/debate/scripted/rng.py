"""Seeded randomness for scripted roles: one generator per decision.

Each decision draws from a generator derived from (game seed, event number, role), so a
game resumed mid-way (in the TUI, or replayed from a saved log) makes the same choices it
would have made uninterrupted, and a decision never depends on how many random numbers an
earlier one used. String seeds are hashed with SHA-512 by :mod:`random`, so the derivation
does not depend on ``PYTHONHASHSEED`` or on the process.

>>> decision_rng(7, 12, "kremlin").random() == decision_rng(7, 12, "kremlin").random()
True
>>> decision_rng(7, 12, "kremlin").random() == decision_rng(7, 13, "kremlin").random()
False
>>> Typical(1).random()
0.5
"""

from __future__ import annotations

import random


def decision_rng(seed: int | str, seq: int, role: str) -> random.Random:
    """The generator for ``role``'s decision at event ``seq`` of the game seeded ``seed``."""
    return random.Random(f"{seed}:{seq}:{role}")


class Typical(random.Random):
    """A generator whose coin flips always come out the most likely way.

    ``random()`` is pinned at 0.5, so a rule written as ``rng.random() < p`` fires exactly
    when ``p > 0.5``. The hard difficulty uses it to predict how another role will most
    likely answer (its choices among equals still vary with the seed).
    """

    def random(self) -> float:
        return 0.5
