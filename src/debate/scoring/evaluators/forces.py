"""Criteria measured by the forces in place: pre-positioning, local denial, nuclear resilience.

Local denial weighs the protected party's army (under the tightest force cap) plus the
stationed forces against the threat, Huth's local balance; nuclear resilience lets that army
hold whatever the guarantors fear. Every force counts at the credibility of its presence.
"""

from __future__ import annotations

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Line, Result, combine, grouped, stack_lines
from debate.scoring.evaluators import OUTDONE


def pre_positioning(a: Assessment, eff: list[float], explain: bool) -> Result:
    """``100 * force_share(stationed soldiers)``, the most credibly stationed counted first."""
    v = a.presence.value(eff)
    return Result(100.0 * v, stack_lines(a.presence, eff, 100.0 * v, v, "") if explain else [])


def local_denial(a: Assessment, eff: list[float], explain: bool) -> Result:
    capped, cap_idx = _capped(a, eff)
    v = a.local.value(capped)
    if not explain:
        return Result(100.0 * v)
    full = a.local.value(eff)
    lines = stack_lines(a.local, eff, 100.0 * full, full, "")
    if cap_idx >= 0 and full > v:
        lines.append(
            Line(100.0 * (v - full), (cap_idx,), "caps the protected party's forces", "huth1988")
        )
    lines.extend(a.threat_lines)
    return Result(100.0 * v, lines)


def nuclear_resilience(a: Assessment, eff: list[float], explain: bool) -> Result:
    if not a.aggressor_nuclear:
        note = f"no nuclear weapons on the aggressor's side ({a.nuclear_names})"
        return Result(100.0, [Line(100.0, (), note, "huth1988")] if explain else [])
    r = a.rubric
    capped, _ = _capped(a, eff)
    own = a.own_nuclear.value(capped)
    deterrent = a.protected_nuclear and r.nuclear.own_deterrent > own
    if deterrent:
        own = r.nuclear.own_deterrent
    stacks = a.stacks["nuclear_resilience"]
    beta = r.scales.buck_passing
    if not explain:
        best = [s.value(eff) for s in stacks]
        groups: dict[str, float] = {}
        for s, v in zip(stacks, best, strict=True):
            groups[s.group] = max(groups.get(s.group, 0.0), v)
        return Result(100.0 * (1.0 - (1.0 - own) * (1.0 - combine(list(groups.values()), beta))))
    guarantors = grouped(stacks, eff, beta, True, OUTDONE)
    lines = [Line(ln.points * (1.0 - own), ln.idx, ln.note, ln.source) for ln in guarantors.lines]
    if deterrent:
        lines.append(
            Line(100.0 * own, (), "the protected party's own nuclear deterrent", "huth1988")
        )
    else:
        whole = a.own_nuclear.value(eff)
        own_lines = stack_lines(a.own_nuclear, eff, 100.0 * whole, whole, "")
        scale = own / whole if whole > 0 else 0.0
        lines += [
            Line(
                ln.points * scale, ln.idx, ln.note + ", which holds whatever others fear", ln.source
            )
            for ln in own_lines
        ]
    score = 100.0 * (1.0 - (1.0 - own) * (1.0 - guarantors.score / 100.0))
    return Result(score, lines)


def _capped(a: Assessment, eff: list[float]) -> tuple[list[float], int]:
    """Factors with the protected army scaled down to what the tightest force cap leaves,
    and that cap's index (-1 if none binds)."""
    if not a.caps or not a.own:
        return eff, -1
    # Shared by local denial and nuclear resilience, and by cards that leave the army alone.
    key = (*[eff[lay.idx] for lay in a.own], *[eff[i] for i, _ in a.caps])
    cached = a.capped.get(key)
    if cached is None:
        cached = a.capped[key] = own_strength(a, eff)
    full, kept, which = cached
    if which < 0 or full <= 0:
        return eff, -1
    share = kept / full
    out = list(eff)
    for lay in a.own:
        out[lay.idx] *= share
    return out, which


def own_strength(a: Assessment, eff: list[float]) -> tuple[float, float, int]:
    """The protected party's forces: full strength, strength left under the tightest
    force cap, and that cap's index (-1 if none binds).

    A cap keeps the best-equipped troops first, so adding forces never lowers what is
    left; a discounted cap (factor f) removes only f of what it would cut.
    """
    full = sum(lay.amount * eff[lay.idx] for lay in a.own)
    kept, which = full, -1
    for idx, cap in a.caps:
        f = eff[idx]
        if f <= 0:
            continue
        room, top = float(cap), 0.0
        for i, size, quality in a.own_pool:
            take = min(size * eff[i], room)
            top += take * quality
            room -= take
            if room <= 0:
                break
        value = (1.0 - f) * full + f * top
        if value < kept:
            kept, which = value, idx
    return full, kept, which
