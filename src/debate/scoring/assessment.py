"""A package read into criterion items, ready to score under any factors.

:func:`debate.scoring.assess.assess` builds an :class:`Assessment` once per package;
:meth:`Assessment.evaluate` then scores every criterion under a list of factors (one per
commitment: 1 counts in full, 0.5 discounted, 0 voided). A stress card only changes factors,
so each card costs one pass over the items, on the fast path without reasons.

The criteria combined as "best per group, then together" are scored here; the others have
their own arithmetic in :mod:`debate.scoring.evaluators`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from debate.scoring.combine import Amount, Item, Line, Packed, Result, grouped
from debate.scoring.evaluators import costs, forces, support
from debate.scoring.package import Package
from debate.scoring.rubric import Rubric

#: Criteria scored as "the best item per group, then the groups together".
GROUPED = ("guarantor_standing", "obligation", "legal_durability", "separation")


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

    def evaluate(self, factors: Sequence[float], explain: bool = False) -> dict[str, Result]:
        """Every criterion's score under these factors (one per commitment)."""
        eff = self.effective(factors)
        if not explain:
            return self._scores(eff)
        out = {
            "pre_positioning": forces.pre_positioning(self, eff, True),
            "local_denial": forces.local_denial(self, eff, True),
            **{cid: grouped(self.grouped[cid], eff, True) for cid in GROUPED},
            "sustainability": support.sustainability(self, eff, True),
            "hybrid": support.hybrid(self, eff, True),
            "cost_to_aggressor": costs.cost_to_aggressor(self, eff, True),
            "nuclear_resilience": forces.nuclear_resilience(self, eff, True),
            "concessions": costs.concessions(self, eff, True),
        }
        for cid, result in out.items():
            result.lines.extend(self.zero.get(cid, ()))
            if self.bans:
                result.lines.extend(self._ban_lines(cid, eff, factors))
            if not result.lines:
                result.lines.append((0.0, -1, "nothing in the package bears on this"))
        return out

    def _scores(self, eff: list[float]) -> dict[str, Result]:
        """The fast path: scores only, from the packed items."""
        packed = self.packed
        return {
            "pre_positioning": forces.pre_positioning(self, eff, False),
            "local_denial": forces.local_denial(self, eff, False),
            **{cid: Result(100.0 * (1.0 - packed[cid].rest(eff))) for cid in GROUPED},
            "sustainability": support.sustainability(self, eff, False),
            "hybrid": support.hybrid(self, eff, False),
            "cost_to_aggressor": costs.cost_to_aggressor(self, eff, False),
            "nuclear_resilience": forces.nuclear_resilience(self, eff, False),
            "concessions": costs.concessions(self, eff, False),
        }

    def _ban_lines(self, cid: str, eff: list[float], factors: Sequence[float]) -> list[Line]:
        if cid not in ("pre_positioning", "local_denial"):
            return []
        return [
            (0.0, i, "voided by the ban on foreign forces in this package")
            for i in (*self.foreign_troops, *self.foreign_peacekeepers)
            if factors[i] > 0 and eff[i] == 0
        ]
