"""Criteria of support and separation: sustainability, hybrid-threat coverage, separation."""

from __future__ import annotations

from typing import get_args

from debate.scoring.assessment import Assessment
from debate.scoring.combine import (
    Layer,
    Line,
    Result,
    Stack,
    combine,
    grouped,
    saturate,
    stack_lines,
)
from debate.scoring.evaluators import OUTDONE
from debate.vocabulary.commitments import HybridDomain

#: cyber, intelligence, counter_terrorism, border, energy, information, nonproliferation
HYBRID_DOMAIN_COUNT = len(get_args(HybridDomain))


def sustainability(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Guarantors' money sums (then saturates); arms count best per party; the two combine."""
    funded = a.funding.value(eff)
    beta = a.rubric.scales.buck_passing
    arms = grouped(a.stacks["sustainability"], eff, beta, explain, OUTDONE)
    rest = 1.0 - arms.score / 100.0
    score = 100.0 * (1.0 - (1.0 - funded) * rest)
    if not explain:
        return Result(score)
    lines = stack_lines(a.funding, eff, 100.0 * funded, funded, "")
    lines += [Line(ln.points * (1.0 - funded), ln.idx, ln.note, ln.source) for ln in arms.lines]
    return Result(score, lines)


def hybrid(a: Assessment, eff: list[float], explain: bool) -> Result:
    """Each of the seven domains takes its best cover; the score is their average."""
    best: dict[str, tuple[float, int]] = {}
    for idx, domains, strength, _ in a.hybrid:
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
        if value > 0:
            credit.setdefault(idx, []).append(d)
            points[idx] = points.get(idx, 0.0) + per_domain * value
    lines: list[Line] = []
    for idx, _, strength, _ in a.hybrid:
        if idx in credit:
            covered = ", ".join(sorted(credit[idx]))
            note = f"covers {covered} ({strength * eff[idx]:.0%} strength)"
            lines.append(Line(points[idx], (idx,), note, "bondarev2025"))
        elif eff[idx] > 0:
            note = "domains already covered by a stronger commitment"
            lines.append(Line(0.0, (idx,), note, "bondarev2025"))
    return Result(score, lines)


def separation(a: Assessment, eff: list[float], explain: bool) -> Result:
    """A DMZ, monitors and peacekeepers watching the line, as independent chances (Fortna).
    A DMZ flagged monitored counts in full only as far as monitors or peacekeepers are there."""
    monitors, watching = a.watchers
    mon, pk = monitors.value(eff), watching.value(eff)
    watched = combine([mon, pk])
    dmz = a.watched_dmz.get(watched)
    if dmz is None:  # one stack per watch level: a card that spares the watchers reuses it
        dmz = a.watched_dmz[watched] = _dmz_stack(a, watched)
    d = dmz.value(eff)
    score = 100.0 * combine([d, mon, pk])
    if not explain:
        return Result(score)
    parts = sorted([(d, 0, dmz), (mon, 1, monitors), (pk, 2, watching)], key=lambda t: -t[0])
    rest, lines = 1.0, []
    for v, _, stack in parts:
        lines += stack_lines(stack, eff, 100.0 * rest * v, v, "")
        rest *= 1.0 - v
    flagged = {lay.idx for lay in a.dmz if lay.weight > 0}
    for ln in lines:
        if ln.idx and ln.idx[0] in flagged and watched < 1.0:
            ln.note += f" (watched {watched:.0%}: it counts as monitored only with monitors)"
    return Result(score, lines)


def _dmz_stack(a: Assessment, watched: float) -> Stack:
    """The DMZs as a stack, a monitored one counting as far as it is ``watched`` (0-1)."""
    r = a.rubric
    u = r.separation.unmonitored_dmz
    return Stack(
        "dmz",
        lambda x: saturate(x, r.scales.dmz_km),
        [
            Layer(lay.idx, lay.amount, u + (1.0 - u) * watched * lay.weight, lay.note, lay.source)
            for lay in a.dmz
        ],
    )
