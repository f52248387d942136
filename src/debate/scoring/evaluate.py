"""Scores of an :class:`~debate.scoring.assessment.Assessment` under a list of factors.

A stress card only changes factors, so each card costs one pass over the items, on the fast
path without reasons. The criteria combined as "best per group, then together" are scored
here; the others have their own arithmetic in :mod:`debate.scoring.evaluators`.
"""

from __future__ import annotations

from collections.abc import Sequence

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Line, Result, grouped
from debate.scoring.evaluators import costs, forces, support

#: Criteria scored as "the best item per group, then the groups together".
GROUPED = ("guarantor_standing", "obligation", "legal_durability", "separation")


def evaluate(a: Assessment, factors: Sequence[float], explain: bool = False) -> dict[str, Result]:
    """Every criterion's score for the assessed package under these factors (one per
    commitment: 1 counts in full, 0.5 discounted, 0 voided)."""
    eff = a.effective(factors)
    if not explain:
        return _scores(a, eff)
    out = {
        "pre_positioning": forces.pre_positioning(a, eff, True),
        "local_denial": forces.local_denial(a, eff, True),
        **{cid: grouped(a.grouped[cid], eff, True) for cid in GROUPED},
        "sustainability": support.sustainability(a, eff, True),
        "hybrid": support.hybrid(a, eff, True),
        "cost_to_aggressor": costs.cost_to_aggressor(a, eff, True),
        "nuclear_resilience": forces.nuclear_resilience(a, eff, True),
        "concessions": costs.concessions(a, eff, True),
    }
    for cid, result in out.items():
        result.lines.extend(a.zero.get(cid, ()))
        if a.bans:
            result.lines.extend(_ban_lines(a, cid, eff, factors))
        if not result.lines:
            result.lines.append((0.0, -1, "nothing in the package bears on this"))
    return out


def _scores(a: Assessment, eff: list[float]) -> dict[str, Result]:
    """The fast path: scores only, from the packed items."""
    packed = a.packed
    return {
        "pre_positioning": forces.pre_positioning(a, eff, False),
        "local_denial": forces.local_denial(a, eff, False),
        **{cid: Result(100.0 * (1.0 - packed[cid].rest(eff))) for cid in GROUPED},
        "sustainability": support.sustainability(a, eff, False),
        "hybrid": support.hybrid(a, eff, False),
        "cost_to_aggressor": costs.cost_to_aggressor(a, eff, False),
        "nuclear_resilience": forces.nuclear_resilience(a, eff, False),
        "concessions": costs.concessions(a, eff, False),
    }


def _ban_lines(a: Assessment, cid: str, eff: list[float], factors: Sequence[float]) -> list[Line]:
    if cid not in ("pre_positioning", "local_denial"):
        return []
    return [
        (0.0, i, "voided by the ban on foreign forces in this package")
        for i in (*a.foreign_troops, *a.foreign_peacekeepers)
        if factors[i] > 0 and eff[i] == 0
    ]
