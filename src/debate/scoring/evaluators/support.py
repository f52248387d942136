"""Criteria of support over time: sustainability of funding and arms, hybrid-threat coverage."""

from __future__ import annotations

from typing import get_args

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Line, Result, best_per_group, proportional, saturate, unchosen
from debate.vocabulary.commitments import HybridDomain

#: cyber, intelligence, counter_terrorism, border, energy, information, nonproliferation
HYBRID_DOMAIN_COUNT = len(get_args(HybridDomain))


def sustainability(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Funding adds up (then saturates); arms count best per party; the two combine."""
    total = sum(x.amount * eff[x.idx] for x in a.funding)
    funded = saturate(total, a.rubric.scales.funding_bn)
    score = 100.0 * (1.0 - (1.0 - funded) * a.packed["sustainability"].rest(eff))
    if not explain:
        return Result(score)
    arms = best_per_group(a.grouped["sustainability"], eff)
    parts: list[tuple[float, int, str | None]] = [(funded, -1, None)]
    parts += [(v, it.idx, it.note) for v, it in arms.values()]
    parts.sort(key=lambda p: (-p[0], p[1]))
    lines: list[Line] = []
    rest = 1.0
    for value, idx, note in parts:
        points = 100.0 * rest * value
        rest *= 1.0 - value
        if note is None:
            lines += proportional(a.funding, eff, total, points)
        else:
            lines.append((points, idx, note))
    lines += unchosen(a.grouped["sustainability"], arms, eff)
    return Result(score, lines)


def hybrid(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Each of the seven domains takes its best cover; the score is their average."""
    best: dict[str, tuple[float, int]] = {}
    for idx, domains, strength in a.hybrid:
        value = strength * eff[idx]
        for d in domains:
            cur = best.get(d)
            if cur is None or value > cur[0]:
                best[d] = (value, idx)
    per_domain = 100.0 / HYBRID_DOMAIN_COUNT
    score = per_domain * sum(v for v, _ in best.values())
    if not explain:
        return Result(score)
    credit: dict[int, list[str]] = {}
    points: dict[int, float] = {}
    for d, (value, idx) in best.items():
        credit.setdefault(idx, []).append(d)
        points[idx] = points.get(idx, 0.0) + per_domain * value
    lines: list[Line] = []
    for idx, _, strength in a.hybrid:
        if idx in credit:
            covered = ", ".join(sorted(credit[idx]))
            lines.append(
                (points[idx], idx, f"covers {covered} ({strength * eff[idx]:.0%} strength)")
            )
        else:
            lines.append((0.0, idx, "domains already covered by a stronger commitment"))
    return Result(score, lines)
