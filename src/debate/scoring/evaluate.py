"""Scores of an :class:`~debate.scoring.assessment.Assessment` under a list of factors.

A stress card only changes factors, so each card costs one pass over the stacks, on the fast
path without reasons. Criteria combined as "each party's best stack, then the parties
together" are scored here; the others have their own arithmetic in
:mod:`debate.scoring.evaluators`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import compress
from operator import ne

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Line, Result, grouped, grouped_score
from debate.scoring.evaluators import OUTDONE, costs, forces, support

#: Criteria scored as "each party's best stack, then the parties together".
GROUPED = ("guarantor_standing", "obligation", "legal_durability")


def evaluate(a: Assessment, factors: Sequence[float], explain: bool = False) -> dict[str, Result]:
    """Every criterion's score for the assessed package under these factors (one per
    commitment: 1 counts in full, 0.5 discounted, 0 voided)."""
    eff = a.effective(factors)
    if not explain:
        return _fast(a, eff)
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


def _fast(a: Assessment, eff: list[float]) -> dict[str, Result]:
    return {cid: Result(value) for cid, value in scores(a, eff).items()}


def scores(a: Assessment, eff: list[float]) -> dict[str, float]:
    """Scores only, from effective factors. A stress card changes few factors, so a criterion
    none of whose commitments changed factor since the first evaluation keeps that one's
    score (found with a set test, without reading its commitments' factors); the others are
    memoised by their commitments' factors."""
    ref = a.reference
    if ref is None or len(ref[0]) != len(eff):
        out = {cid: _memoised(a, eff, cid) for cid in _CRITERIA}
        if ref is None:
            a.reference = (list(eff), dict(out))
        return out
    ref_eff, ref_scores = ref
    changed = set(compress(range(len(eff)), map(ne, eff, ref_eff)))
    deps = a.dependency_sets()
    return {
        cid: ref_scores[cid] if changed.isdisjoint(deps[cid]) else _memoised(a, eff, cid)
        for cid in _CRITERIA
    }


def _memoised(a: Assessment, eff: list[float], cid: str) -> float:
    """One criterion's score, computed once per list of its commitments' factors."""
    key = a.dependency_keys()[cid](eff)
    seen = a.memo.get(cid)
    if seen is None:
        seen = a.memo[cid] = {}
    got = seen.get(key)
    if got is None:
        got = seen[key] = _CRITERIA[cid](a, eff, a.rubric.scales.buck_passing)
    return got


def _grouped(cid: str) -> Callable[[Assessment, list[float], float], float]:
    return lambda a, eff, beta: grouped_score(a.stacks[cid], eff, beta)


_CRITERIA: dict[str, Callable[[Assessment, list[float], float], float]] = {
    "pre_positioning": lambda a, eff, _: forces.pre_positioning(a, eff, False).score,
    "local_denial": lambda a, eff, _: forces.local_denial(a, eff, False).score,
    **{cid: _grouped(cid) for cid in GROUPED},
    "separation": lambda a, eff, _: support.separation(a, eff, False).score,
    "sustainability": lambda a, eff, _: support.sustainability(a, eff, False).score,
    "hybrid": lambda a, eff, _: support.hybrid(a, eff, False).score,
    "cost_to_aggressor": lambda a, eff, _: costs.cost_to_aggressor(a, eff, False).score,
    "nuclear_resilience": lambda a, eff, _: forces.nuclear_resilience(a, eff, False).score,
    "concessions": lambda a, eff, _: costs.concessions(a, eff, False).score,
}


def _ban_lines(a: Assessment, cid: str, eff: list[float], factors: Sequence[float]) -> list[Line]:
    source = "schelling1966" if cid == "pre_positioning" else "huth1988"
    return [
        Line(0.0, (i,), "voided by the ban on foreign forces in this package", source)
        for i in (*a.foreign_troops, *a.foreign_peacekeepers)
        if factors[i] > 0 and eff[i] == 0
    ]
