"""Criteria measured by the forces in place: pre-positioning, local denial, nuclear resilience.

Local denial weighs the protected party's army (under the tightest force cap) plus the
stationed forces against the threat, Huth's local balance; nuclear resilience lets that army
hold whatever the guarantors fear.
"""

from __future__ import annotations

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Item, Result, grouped, proportional


def pre_positioning(a: Assessment, eff: list[float], explain: bool) -> Result:
    """``100 * force_share(stationed effective troops)``: what already stands in the way."""
    total = sum(x.amount * eff[x.idx] for x in a.presence)
    score = 100.0 * a.rubric.force_share(total)
    return Result(score, proportional(a.presence, eff, total, score) if explain else [])


def local_denial(a: Assessment, eff: list[float], explain: bool) -> Result:
    own_full, own, cap_idx = own_strength(a, eff)
    stationed = sum(x.amount * eff[x.idx] for x in a.stationed)
    threat = _threat(a)
    score = _ratio_score(a, own + stationed, threat)
    if not explain:
        return Result(score)
    full = _ratio_score(a, own_full + stationed, threat)
    lines = proportional([*a.own, *a.stationed], eff, own_full + stationed, full)
    if cap_idx >= 0 and full > score:
        lines.append((score - full, cap_idx, "caps the protected party's forces"))
    lines.extend(a.threat_lines)
    return Result(score, lines)


def nuclear_resilience(a: Assessment, eff: list[float], explain: bool) -> Result:
    if not a.aggressor_nuclear:
        line = (100.0, -1, f"no nuclear weapons on the aggressor's side ({a.nuclear_names})")
        return Result(100.0, [line] if explain else [])
    rubric = a.rubric.nuclear
    own = _ratio_score(a, own_strength(a, eff)[1], _threat(a)) / 100.0
    value, note = rubric.own_forces * own, "the protected party's own army holds whatever happens"
    if a.protected_nuclear and rubric.own_deterrent > value:
        value, note = rubric.own_deterrent, "the protected party's own nuclear deterrent"
    if not explain:
        return Result(100.0 * (1.0 - a.packed["nuclear_resilience"].rest(eff) * (1.0 - value)))
    items = a.grouped["nuclear_resilience"]
    if value > 0:
        own_idx = a.own[0].idx if a.own else -1
        items = [*items, Item(own_idx, "\0own", value, note, scaled=False)]
    return grouped(items, eff, explain)


def own_strength(a: Assessment, eff: list[float]) -> tuple[float, float, int]:
    """The protected party's forces: full strength, strength left under the tightest
    force cap, and that cap's index (-1 if none binds).

    A cap keeps the best-equipped troops first, so adding forces never lowers what is
    left; a discounted cap (factor f) removes only f of what it would cut.
    """
    full = sum(x.amount * eff[x.idx] for x in a.own)
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


def _threat(a: Assessment) -> float:
    return a.rubric.scales.reference_threat if a.threat is None else a.threat


def _ratio_score(a: Assessment, defence: float, threat: float) -> float:
    if defence <= 0:
        return 0.0
    return 100.0 * defence / (defence + a.rubric.scales.defence_ratio_half * threat)
