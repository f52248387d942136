"""Criteria of what a war or a deal costs: the cost to the aggressor, and the concessions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from debate.scoring.assessment import Assessment, Concession
from debate.scoring.combine import Line, Result, grouped
from debate.scoring.evaluators import OUTDONE


def cost_to_aggressor(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Economic and military costs, best per party; sanctions relief scales the economic."""
    relief = _relief(a, eff)
    beta = a.rubric.scales.buck_passing
    stacks = a.stacks["cost_to_aggressor"]
    scale = dict.fromkeys(a.economic, relief) if relief < 1.0 else None
    if not explain or scale is None:
        return grouped(stacks, eff, beta, explain, OUTDONE, scale)
    result = grouped(stacks, eff, beta, False, OUTDONE, scale)  # its score; lines from `full`
    full = grouped(stacks, eff, beta, True, OUTDONE)
    lost = full.score - result.score
    if lost > 0:
        weights = [(-math.log(max(1e-12, 1.0 - eff[i] * (1.0 - left))), i) for i, left in a.reliefs]
        total = sum(w for w, _ in weights) or 1.0
        full.lines += [
            Line(-lost * w / total, (i,), "relief lowers the sanctions' cost", "hufbauer2007")
            for w, i in weights
        ]
    full.score = result.score
    return full


def _relief(a: Assessment, eff: Sequence[float]) -> float:
    """Share of the sanctions' cost that sanctions relief leaves."""
    relief = 1.0
    for idx, left in a.reliefs:
        relief *= 1.0 - eff[idx] * (1.0 - left)
    return relief


def concessions(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Starts at 100; the harshest concession of each family takes its share of what is left.
    The loss is split over the families by their logarithmic share, so the order in which the
    package lists them does not matter."""
    worst: dict[str, tuple[float, Concession]] = {}
    for c in a.concessions:
        v = c.severity * eff[c.idx]
        cur = worst.get(c.family)
        if cur is None or v > cur[0]:
            worst[c.family] = (v, c)
    score = 100.0
    for v, _ in worst.values():
        score *= 1.0 - v
    if not explain:
        return Result(score)
    lines = [Line(100.0, (), "no land, forces or alliances given up", "bondarev2025")]
    logs = {fam: -math.log(max(1e-12, 1.0 - v)) for fam, (v, _) in worst.items()}
    total = sum(logs.values())
    for fam, (_, c) in worst.items():
        share = logs[fam] / total if total > 0 else 0.0
        lines.append(Line(-(100.0 - score) * share, (c.idx,), c.note, "bondarev2025"))
    chosen = {id(c) for _, c in worst.values()}
    lines += [
        Line(
            0.0, (c.idx,), c.note + "; a harsher concession of the same kind counts", "bondarev2025"
        )
        for c in a.concessions
        if id(c) not in chosen
    ]
    return Result(score, lines)
