"""How criterion items combine into a score (0-100), with one reason line per commitment.

An :class:`Item` is one commitment's value (0-1) on one criterion; an :class:`Amount` is its
share of a summed quantity (troops, dollars). Every combination here only adds non-negative
value or multiplies by factors in [0, 1]: that is what keeps the scorer monotone.

>>> items = [Item(0, "us", 0.5, "a pact"), Item(1, "us", 0.8, "troops"),
...          Item(2, "uk", 0.5, "a pact")]
>>> result = grouped(items, [1.0, 1.0, 0.5], explain=True)
>>> round(result.score, 1)  # the best per party, then 1 - (1 - 0.8)(1 - 0.25)
85.0
>>> for points, idx, note in result.lines:
...     print(f"{points:+.1f} #{idx}: {note}")
+80.0 #1: troops
+5.0 #2: a pact (counted at 50%)
+0.0 #0: a pact; the same party's stronger commitment counts
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

#: A reason before formatting: (signed points, commitment index or -1, why).
Line = tuple[float, int, str]


@dataclass(slots=True)
class Item:
    """One commitment's value (0-1, at full factor) on one criterion."""

    idx: int
    group: str  # items of one group do not add up: only the group's best counts
    value: float
    note: str
    scaled: bool = True  # False: the value already reflects the factors


@dataclass(slots=True)
class Amount:
    """One commitment's contribution to a summed quantity (troops, dollars)."""

    idx: int
    amount: float
    note: str


@dataclass(slots=True)
class Result:
    """A criterion's score (0-100) and, when explained, its reason lines."""

    score: float
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Packed:
    """A grouped criterion's items as parallel lists: the fast path of stress tests, where
    only the score is wanted (same arithmetic as :func:`grouped`, without the reasons)."""

    idx: list[int]
    value: list[float]
    group: list[int]
    groups: int
    economic: list[bool]

    @classmethod
    def of(cls, items: list[Item], economic: set[int] | None = None) -> Packed:
        numbers: dict[str, int] = {}
        group = [numbers.setdefault(it.group, len(numbers)) for it in items]
        flags = [economic is not None and it.idx in economic for it in items]
        return cls([it.idx for it in items], [it.value for it in items], group, len(numbers), flags)

    def rest(self, eff: Sequence[float], economic_share: float = 1.0) -> float:
        """``(1 - a)(1 - b)...`` over each group's best value under the factors."""
        best = [0.0] * self.groups
        if economic_share < 1.0:
            for i, v, g, e in zip(self.idx, self.value, self.group, self.economic, strict=True):
                x = v * eff[i] * (economic_share if e else 1.0)
                if x > best[g]:
                    best[g] = x
        else:
            for i, v, g in zip(self.idx, self.value, self.group, strict=True):
                x = v * eff[i]
                if x > best[g]:
                    best[g] = x
        rest = 1.0
        for b in best:
            rest *= 1.0 - b
        return rest


def saturate(amount: float, scale: float) -> float:
    """0 at 0, 63% at ``scale``, approaching 1: more always counts, with diminishing returns.

    >>> round(saturate(5_000, 5_000), 3), saturate(0, 5_000)
    (0.632, 0.0)
    """
    return 1.0 - math.exp(-amount / scale) if amount > 0 else 0.0


def best_per_group(items: list[Item], eff: Sequence[float]) -> dict[str, tuple[float, Item]]:
    """Each group's strongest item under the factors, with its value."""
    best: dict[str, tuple[float, Item]] = {}
    for it in items:
        value = it.value * eff[it.idx] if it.scaled and it.idx >= 0 else it.value
        cur = best.get(it.group)
        if cur is None or value > cur[0]:
            best[it.group] = (value, it)
    return best


def grouped(items: list[Item], eff: Sequence[float], explain: bool) -> Result:
    """Best item per group, then the groups combine as independent chances:
    ``1 - (1 - a)(1 - b)...``. One party stacking paper adds nothing; two guarantors add up."""
    best = best_per_group(items, eff)
    if not explain:
        rest = 1.0
        for value, _ in best.values():
            rest *= 1.0 - value
        return Result(100.0 * (1.0 - rest))
    ordered = sorted(best.values(), key=lambda t: (-t[0], t[1].idx))
    rest = 1.0
    lines: list[Line] = []
    for value, it in ordered:
        lines.append((100.0 * rest * value, it.idx, with_factor(it, eff)))
        rest *= 1.0 - value
    lines += unchosen(items, best, eff)
    return Result(100.0 * (1.0 - rest), lines)


def with_factor(it: Item, eff: Sequence[float]) -> str:
    """An item's note, saying when a factor discounted or voided it."""
    factor = eff[it.idx] if it.scaled and it.idx >= 0 else 1.0
    return it.note + _factor_suffix(factor)


def unchosen(
    items: list[Item], best: dict[str, tuple[float, Item]], eff: Sequence[float]
) -> list[Line]:
    """A ``+0.0`` line for every item outdone by a stronger one of its group."""
    chosen = {id(it) for _, it in best.values()}
    return [
        (0.0, it.idx, with_factor(it, eff) + "; the same party's stronger commitment counts")
        for it in items
        if id(it) not in chosen
    ]


def proportional(
    amounts: list[Amount], eff: Sequence[float], total: float, score: float
) -> list[Line]:
    """Split a score over the amounts that summed to ``total``, in proportion."""
    lines: list[Line] = []
    for a in amounts:
        share = a.amount * eff[a.idx] / total if total > 0 else 0.0
        lines.append((score * share, a.idx, a.note + _factor_suffix(eff[a.idx])))
    lines.sort(key=lambda line: (-line[0], line[1]))
    return lines


def _factor_suffix(factor: float) -> str:
    if factor >= 1.0:
        return ""
    if factor <= 0.0:
        return " (voided)"
    return f" (counted at {factor:.0%})"
