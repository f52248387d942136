"""A package read into criterion items, ready to score under any factors.

:func:`debate.scoring.assess.assess` builds an :class:`Assessment` once per package;
:func:`debate.scoring.evaluate.evaluate` then scores every criterion under a list of factors
(one per commitment: 1 counts in full, 0.5 discounted, 0 voided). This module holds the
facts only, so the evaluators can read an Assessment without importing back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from debate.scoring.combine import Amount, Item, Line, Packed
from debate.scoring.package import Package
from debate.scoring.rubric import Rubric


@dataclass(slots=True)
class Assessment:
    """Everything :func:`~debate.scoring.assess.assess` learned about a package."""

    package: Package
    rubric: Rubric
    grouped: dict[str, list[Item]]  # criteria combined as "best per group, then together"
    zero: dict[str, list[Line]]  # commitments that bear on a criterion but give nothing
    presence: list[Amount]
    own: list[Amount]  # the protected party's own forces (quality-weighted)
    own_pool: list[tuple[int, float, float]]  # (idx, headcount, quality), best quality first
    stationed: list[Amount]
    threat: float | None
    threat_lines: list[Line]
    caps: list[tuple[int, int]]  # (idx, force cap)
    bans: list[tuple[int, bool]]  # (idx, allows peacekeepers)
    foreign_troops: list[int]
    foreign_peacekeepers: list[int]
    funding: list[Amount]
    hybrid: list[tuple[int, tuple[str, ...], float]]
    economic: set[int]  # indices of cost items that relief scales down
    reliefs: list[tuple[int, float]]  # (idx, share of sanctions' cost left)
    concessions: list[Item]
    aggressor_nuclear: bool
    protected_nuclear: bool
    nuclear_names: str
    packed: dict[str, Packed] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.packed = {
            cid: Packed.of(items, self.economic if cid == "cost_to_aggressor" else None)
            for cid, items in self.grouped.items()
        }

    def effective(self, factors: Sequence[float]) -> list[float]:
        """Factors after a foreign-troop ban voids the foreign forces it excludes."""
        eff = list(factors)
        if self.bans:
            troop_ban = max(factors[i] for i, _ in self.bans)
            pk_ban = max((factors[i] for i, allows in self.bans if not allows), default=0.0)
            for i in self.foreign_troops:
                eff[i] *= 1.0 - troop_ban
            for i in self.foreign_peacekeepers:
                eff[i] *= 1.0 - pk_ban
        return eff
