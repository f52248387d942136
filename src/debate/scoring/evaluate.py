"""Scores of an :class:`~debate.scoring.assessment.Assessment` under a list of factors.

A stress card only changes factors, so each card costs one pass over the stacks, on the fast
path without reasons. Criteria combined as "each party's best stack, then the parties
together" are scored here; the others have their own arithmetic in
:mod:`debate.scoring.evaluators`.
"""

from __future__ import annotations

from collections.abc import Sequence

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Line, Result, grouped
from debate.scoring.evaluators import OUTDONE, costs, forces, support

#: Criteria scored as "each party's best stack, then the parties together".
GROUPED = ("guarantor_standing", "obligation", "legal_durability")


def evaluate(a: Assessment, factors: Sequence[float], explain: bool = False) -> dict[str, Result]:
    """Every criterion's score for the assessed package under these factors (one per
    commitment: 1 counts in full, 0.5 discounted, 0 voided)."""
    eff = a.effective(factors)
    beta = a.rubric.scales.buck_passing
    out = {
        "pre_positioning": forces.pre_positioning(a, eff, explain),
        "local_denial": forces.local_denial(a, eff, explain),
        **{cid: grouped(a.stacks[cid], eff, beta, explain, OUTDONE) for cid in GROUPED},
        "separation": support.separation(a, eff, explain),
        "sustainability": support.sustainability(a, eff, explain),
        "hybrid": support.hybrid(a, eff, explain),
        "cost_to_aggressor": costs.cost_to_aggressor(a, eff, explain),
        "nuclear_resilience": forces.nuclear_resilience(a, eff, explain),
        "concessions": costs.concessions(a, eff, explain),
    }
    if explain:
        for cid, result in out.items():
            result.lines.extend(a.zero.get(cid, ()))
            if a.bans and cid in ("pre_positioning", "local_denial"):
                result.lines.extend(_ban_lines(a, cid, eff, factors))
    return out


def _ban_lines(a: Assessment, cid: str, eff: list[float], factors: Sequence[float]) -> list[Line]:
    source = "schelling1966" if cid == "pre_positioning" else "huth1988"
    return [
        Line(0.0, (i,), "voided by the ban on foreign forces in this package", source)
        for i in (*a.foreign_troops, *a.foreign_peacekeepers)
        if factors[i] > 0 and eff[i] == 0
    ]
