"""Criteria of what a war or a deal costs: the cost to the aggressor, and the concessions."""

from __future__ import annotations

import math
from collections.abc import Sequence

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Item, Line, Result, grouped


def cost_to_aggressor(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Economic and military costs, best per party; sanctions relief scales the economic."""
    relief = _relief(a, eff)
    if not explain:
        return Result(100.0 * (1.0 - a.packed["cost_to_aggressor"].rest(eff, relief)))
    items = a.grouped["cost_to_aggressor"]
    scaled = (
        [
            Item(it.idx, it.group, it.value * relief, it.note) if it.idx in a.economic else it
            for it in items
        ]
        if relief < 1.0
        else items
    )
    result = grouped(scaled, eff, False)
    full = grouped(items, eff, True)
    lost = full.score - result.score
    if lost > 0:
        weights = [(-math.log(max(1e-12, 1.0 - eff[i] * (1.0 - left))), i) for i, left in a.reliefs]
        total = sum(w for w, _ in weights) or 1.0
        full.lines += [
            (-lost * w / total, i, "relief lowers the sanctions' cost") for w, i in weights
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
    """Starts at 100; each concession takes its share of what is left."""
    current = 100.0
    lines: list[Line] = []
    if explain and a.concessions:
        lines.append((100.0, -1, "full marks before any concession"))
    for it in a.concessions:
        loss = current * it.value * eff[it.idx]
        current -= loss
        if explain:
            lines.append((-loss, it.idx, it.note))
    if explain and not a.concessions:
        lines.append((100.0, -1, "nothing is given up"))
    return Result(current, lines)
