"""How quantities become a score: curves over *aggregated* amounts, and groups that combine.

The scorer never applies a curve to one line of a package. It sums what several lines give
first, then applies the curve once, so splitting a force into many lines, merging lines or
reordering them never changes a score (beyond rounding):

- a :class:`Stack` holds one party's lines of one family (forces, or pledges): each line is a
  :class:`Layer` with an *amount* (soldiers, $bn, km; 1 for a pledge) and a *weight* in [0, 1]
  (how credible that amount is: its legal basis, who can end it, its term);
- the stack's value is ``sum_k w_k * (curve(A_k) - curve(A_{k-1}))`` over its layers sorted by
  weight, most credible first, where ``A_k`` is the cumulative amount: the most credible
  soldiers take the first (steepest) part of the curve, weaker ones what is left. The value
  depends only on the multiset of (amount, weight) pairs, grows with every amount and every
  weight, and is at most the curve's top times the best weight;
- a party's value on a criterion is its best stack; parties then combine as chances,
  either independently (``1 - prod(1 - v)``) or with *buck-passing*: every guarantor after the
  strongest counts at a share ``beta`` (Christensen and Snyder 1990: allies count on each other
  to act and each waits for the others).

>>> force = lambda x: min(x, 10.0) / 10.0
>>> one = Stack("us", force, [Layer(0, 8.0, 1.0, "troops")])
>>> split = Stack("us", force, [Layer(0, 4.0, 1.0, "troops"), Layer(1, 4.0, 1.0, "troops")])
>>> one.value([1.0]), split.value([1.0, 1.0])
(0.8, 0.8)
>>> weak_first = Stack("us", force, [Layer(0, 5.0, 0.2, "decree"), Layer(1, 5.0, 1.0, "law")])
>>> round(weak_first.value([1.0, 1.0]), 3)  # the law's 5 count first, at 1; the decree's at 0.2
0.6
>>> round(combine([0.5, 0.5], beta=1.0), 3), round(combine([0.5, 0.5], beta=0.5), 3)
(0.75, 0.625)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

Curve = Callable[[float], float]


def saturate(amount: float, scale: float) -> float:
    """0 at 0, 63% at ``scale``, approaching 1: more always counts, with diminishing returns.

    >>> round(saturate(5_000, 5_000), 3), saturate(0, 5_000)
    (0.632, 0.0)
    """
    return 1.0 - math.exp(-amount / scale) if amount > 0 else 0.0


def unit(amount: float) -> float:
    """The curve of pledges: one pledge is all a party can give. A stack on this curve counts
    only its best layer, at that layer's factor (two pledges discounted to half do not make
    a whole one)."""
    return amount if amount < 1.0 else 1.0


@dataclass(slots=True)
class Line:
    """One reason before formatting: signed points, the commitments it credits (none for a
    fact about the package), why, and the source key (docs/scoring.md's bibliography)."""

    points: float
    idx: tuple[int, ...]
    note: str
    source: str


@dataclass(slots=True)
class Result:
    """A criterion's score (0-100) and, when explained, its reason lines."""

    score: float
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Layer:
    """One commitment's amount on a stack, counted at ``weight`` (0-1)."""

    idx: int
    amount: float
    weight: float
    note: str
    source: str = ""


@dataclass(slots=True)
class Stack:
    """One party's lines of one family, summed before the curve (see the module doc)."""

    group: str
    curve: Curve
    layers: list[Layer]
    # Values already computed, by the factors of the stack's layers: a stress card changes
    # few factors, so most stacks keep their value.
    _seen: dict[object, float] = field(default_factory=dict, repr=False)
    _key: Callable[[Sequence[float]], object] = field(default=tuple, repr=False)
    _rows: list[tuple[int, float, float]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        # Most credible first; ties by index only to make explanations deterministic.
        self.layers.sort(key=lambda lay: (-lay.weight, lay.idx))
        self._key = picker([lay.idx for lay in self.layers])
        self._rows = [(lay.idx, lay.amount, lay.weight) for lay in self.layers]

    def value(self, eff: Sequence[float]) -> float:
        key = self._key(eff)
        got = self._seen.get(key)
        if got is None:
            got = self._seen[key] = self._value(eff)
        return got

    def _value(self, eff: Sequence[float]) -> float:
        if self.curve is unit:  # pledges: the best one counts, at its factor
            best = 0.0
            for idx, _, weight in self._rows:
                v = weight * eff[idx]
                if v > best:
                    best = v
            return best
        total = prev = cum = 0.0
        curve = self.curve
        for idx, amount, weight in self._rows:
            a = amount * eff[idx]
            if a <= 0.0:
                continue
            cum += a
            c = curve(cum)
            total += weight * (c - prev)
            prev = c
        return total

    def shares(self, eff: Sequence[float]) -> list[tuple[Layer, float]]:
        """Each layer's part of :meth:`value`; layers of equal weight share their segment of
        the curve in proportion to their amounts, so the split does not depend on order."""
        out: list[tuple[Layer, float]] = []
        if self.curve is unit:
            best = max(self.layers, key=lambda lay: lay.weight * eff[lay.idx], default=None)
            return [
                (lay, lay.weight * eff[lay.idx] if lay is best else 0.0) for lay in self.layers
            ]
        prev = cum = 0.0
        i, layers = 0, self.layers
        while i < len(layers):
            j = i
            while j < len(layers) and layers[j].weight == layers[i].weight:
                j += 1
            tie = layers[i:j]
            amounts = [lay.amount * eff[lay.idx] for lay in tie]
            got = sum(amounts)
            if got > 0:
                cum += got
                c = self.curve(cum)
                segment = tie[0].weight * (c - prev)
                prev = c
                out += [(lay, segment * a / got) for lay, a in zip(tie, amounts, strict=True)]
            else:
                out += [(lay, 0.0) for lay in tie]
            i = j
        return out


def picker(indices: Sequence[int]) -> Callable[[Sequence[float]], object]:
    """A function of a list of factors that returns the factors at ``indices`` (in C, as a
    cache key): a tuple, one value when there is one index, an empty tuple when none."""
    if not indices:
        return lambda _: ()
    return itemgetter(*indices)


def combine(values: Sequence[float], beta: float = 1.0) -> float:
    """Groups' values (0-1) as chances; after the strongest, each counts at ``beta``."""
    rest, first = 1.0, True
    for v in sorted(values, reverse=True):
        rest *= 1.0 - (v if first else beta * v)
        first = False
    return 1.0 - rest


def best_stacks(
    stacks: Sequence[Stack], eff: Sequence[float], scale: Mapping[str, float] | None = None
) -> dict[str, tuple[float, Stack]]:
    """Each group's strongest stack under the factors, with its value (times ``scale``)."""
    best: dict[str, tuple[float, Stack]] = {}
    for s in stacks:
        v = s.value(eff)
        if scale is not None:
            v *= scale.get(s.group, 1.0)
        cur = best.get(s.group)
        if cur is None or v > cur[0]:
            best[s.group] = (v, s)
    return best


def grouped_score(stacks: Sequence[Stack], eff: Sequence[float], beta: float) -> float:
    """:func:`grouped`'s score alone (the fast path of stress tests)."""
    best: dict[str, float] = {}
    for s in stacks:
        v = s.value(eff)
        if v > best.get(s.group, -1.0):
            best[s.group] = v
    if len(best) == 1:
        (v,) = best.values()
        return 100.0 * v
    return 100.0 * combine(list(best.values()), beta)


def grouped(
    stacks: Sequence[Stack],
    eff: Sequence[float],
    beta: float,
    explain: bool,
    outdone: str,
    scale: Mapping[str, float] | None = None,
) -> Result:
    """Best stack per group, groups combined (:func:`combine`), with one line per layer.
    ``scale`` multiplies some groups' values (sanctions relief on economic costs)."""
    best = best_stacks(stacks, eff, scale)
    if not explain:
        return Result(100.0 * combine([v for v, _ in best.values()], beta))
    ordered = sorted(best.values(), key=lambda t: (-t[0], t[1].group))
    rest = 1.0
    lines: list[Line] = []
    for k, (v, s) in enumerate(ordered):
        share = v if k == 0 else beta * v
        points = 100.0 * rest * share
        rest *= 1.0 - share
        lines += stack_lines(s, eff, points, v, outdone)
    chosen = {id(s) for _, s in best.values()}
    for s in stacks:
        if id(s) not in chosen:
            lines += [
                Line(0.0, (lay.idx,), with_factor(lay.note, eff[lay.idx]) + outdone, lay.source)
                for lay in s.layers
            ]
    return Result(100.0 * (1.0 - rest), lines)


def stack_lines(
    s: Stack, eff: Sequence[float], points: float, value: float, outdone: str
) -> list[Line]:
    """A stack's ``points`` split over its layers by their share of its ``value``."""
    lines = []
    for lay, part in s.shares(eff):
        got = points * part / value if value > 0 else 0.0
        note = with_factor(lay.note, eff[lay.idx])
        if part <= 0.0 and eff[lay.idx] > 0:
            note += outdone
        lines.append(Line(got, (lay.idx,), note, lay.source))
    return lines


def with_factor(note: str, factor: float) -> str:
    """A note, saying when a factor discounted or voided its commitment."""
    if factor >= 1.0:
        return note
    if factor <= 0.0:
        return note + " (voided)"
    return note + f" (counted at {factor:.0%})"
