"""Reason lines as people read them: grouped, rounded so they add up, each with its source.

Three rules make a criterion's reasons exact:

- lines of one party, one kind and one reason are *grouped* into one line once there are more
  than :data:`GROUP_AT` of them ("1,000 United States troops lines, 50,000 in all");
- points are *rounded by largest remainder*: each line's points are rounded to 0.1 so that
  they add up to the criterion's score as shown (rounded to 0.1), not merely close to it;
- every line ends with the key of its source in docs/scoring.md's bibliography.

>>> lines = [Line(100 / 3, (0,), "a", "huth1988"), Line(100 / 3, (1,), "b", "huth1988"),
...          Line(100 / 3, (2,), "c", "huth1988")]
>>> [points for points, _ in rounded(lines, 100.0)]
[33.4, 33.3, 33.3]
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from debate.scoring.combine import Line
from debate.scoring.package import Package
from debate.vocabulary.commitments import describe, word

#: More lines than this of one party, kind and reason are shown as one.
GROUP_AT = 5


def reasons(
    package: Package,
    lines: Sequence[Line],
    score: float,
    labels: dict[tuple[int, ...], str] | None = None,
) -> tuple[str, ...]:
    """The reason strings of one criterion, adding up to ``score`` (as shown, to 0.1).
    ``labels`` caches commitment labels across the criteria of one scorecard."""
    merged = group(package, lines)
    if labels is None:
        labels = {}
    out = []
    for tenths, line in zip(_tenths(merged, score), merged, strict=True):
        name = labels.get(line.idx)
        if name is None:
            name = labels[line.idx] = _label(package, line)
        out.append(f"{_signed(tenths)} {name}{line.note} [{line.source}]")
    return tuple(out)


def group(package: Package, lines: Sequence[Line]) -> list[Line]:
    """Lines of one party, kind, reason and source merged when there are many of them."""
    if len(lines) <= GROUP_AT:
        return list(lines)
    commitments = package.commitments
    keys: list[tuple[str, str, str, str] | None] = []
    count: dict[tuple[str, str, str, str], int] = {}
    for line in lines:
        if len(line.idx) == 1:
            c = commitments[line.idx[0]]
            new: tuple[str, str, str, str] = (c.by, str(c.kind), line.note, line.source)
            count[new] = count.get(new, 0) + 1
            keys.append(new)
        else:
            keys.append(None)
    big = {key for key, n in count.items() if n > GROUP_AT}
    if not big:
        return list(lines)
    merged: dict[tuple[str, str, str, str], tuple[Line, list[int]]] = {}
    out: list[Line] = []
    for line, key in zip(lines, keys, strict=True):
        if key is None or key not in big:
            out.append(line)
            continue
        got = merged.get(key)
        if got is None:
            got = merged[key] = (Line(0.0, (), line.note, line.source), [])
            out.append(got[0])
        got[0].points += line.points
        got[1].extend(line.idx)
    for into, idx in merged.values():
        into.idx = tuple(idx)
    return out


def rounded(lines: Sequence[Line], score: float) -> list[tuple[float, Line]]:
    """Each line's points rounded to 0.1 so that they add up to ``score`` rounded to 0.1
    (largest remainder: the lines losing most to rounding down get the spare tenths)."""
    return [(f / 10.0, ln) for f, ln in zip(_tenths(lines, score), lines, strict=True)]


def _tenths(lines: Sequence[Line], score: float) -> list[int]:
    """:func:`rounded`'s points, in whole tenths."""
    target = round(float(f"{score:.1f}") * 10)
    units = [ln.points * 10.0 for ln in lines]
    floors = [math.floor(u) for u in units]
    spare = target - sum(floors)
    movable = [i for i, ln in enumerate(lines) if ln.points != 0.0] or list(range(len(lines)))
    if movable and spare:
        if spare > 0:
            order = sorted(movable, key=lambda i: (-(units[i] - floors[i]), i))
            step = 1
        else:
            order = sorted(movable, key=lambda i: (units[i] - floors[i], i))
            step = -1
        for k in range(abs(spare)):
            floors[order[k % len(order)]] += step
    return floors


def _signed(tenths: int) -> str:
    """``+12.3`` from a whole number of tenths (never ``-0.0``)."""
    whole, tenth = divmod(abs(tenths), 10)
    return f"{'-' if tenths < 0 else '+'}{whole}.{tenth}"


def _label(package: Package, line: Line) -> str:
    if not line.idx:
        return ""
    if len(line.idx) == 1:
        i = line.idx[0]
        c = package.commitments[i]
        return f"{package.commitment_name(i)} {package.party(c.by).name}: {describe(c)}: "
    first = package.commitments[line.idx[0]]
    party = package.party(first.by).name
    n = len(line.idx)
    total = ""
    size = first.__dict__.get("size")
    if isinstance(size, int):
        soldiers = sum(package.commitments[i].__dict__.get("size", 0) for i in line.idx)
        total = f", {soldiers:,} in all"
    elif first.kind == "funding":
        usd = sum(package.commitments[i].__dict__.get("usd_bn_per_year", 0.0) for i in line.idx)
        total = f", ${usd:,.4g}bn a year in all"
    kind = word(first.kind)
    return f"{n:,} {party} {kind} lines ({package.commitment_name(line.idx[0])}...){total}: "
