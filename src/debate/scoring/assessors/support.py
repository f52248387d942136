"""Support over time: funding, arms, sanctions, hybrid defence, and demilitarised zones.

These count the same whether the protected party or a guarantor makes them; a guarantor's
support also engages it a little and lasts as long as its basis.
"""

from __future__ import annotations

from debate.scoring.assessors.collector import Collector, years_of
from debate.scoring.combine import Amount, saturate
from debate.vocabulary.commitments import Arms, Dmz, Funding, HybridDefence, Sanctions


def shared(col: Collector, idx: int, c: Funding | Arms | Sanctions | HybridDefence | Dmz) -> None:
    """What these kinds give whoever makes them (but the aggressor's side)."""
    r, who = col.rubric, c.by
    match c:
        case Funding():
            years = c.years or r.scales.open_ended_years
            amount = (
                c.usd_bn_per_year * years * r.paper_scale(r.paper.sustainability_floor, c.basis)
            )
            col.funding.append(
                Amount(idx, amount, f"${c.usd_bn_per_year:g}bn a year for {years} years")
            )
        case Arms():
            floor, full = r.sustainability.arms_years_floor, r.sustainability.arms_full_years
            span = 1.0 if c.years == 0 else floor + (1.0 - floor) * min(1.0, c.years / full)
            value = (
                r.sustainability.arms[c.level]
                * span
                * r.paper_scale(r.paper.sustainability_floor, c.basis)
            )
            col.add("sustainability", idx, value, f"{c.level} arms supply", who)
        case Sanctions():
            value = r.cost.sanctions[c.severity] * (1.0 if c.snapback else r.cost.no_snapback)
            value *= r.paper_scale(r.paper.sanctions_floor, c.basis)
            col.add("cost_to_aggressor", idx, value, f"{c.severity} sanctions", f"{who}/economic")
            col.economic.add(idx)
        case HybridDefence():
            strength = r.paper_scale(r.paper.hybrid_floor, c.basis) * col.years(c.years)
            col.hybrid.append((idx, tuple(c.domains), strength))
        case Dmz():
            dmz(col, idx, c, "a demilitarised buffer")


def engagement(
    col: Collector, idx: int, c: Funding | Arms | Sanctions | HybridDefence, standing: float
) -> None:
    """A guarantor's support also engages it a little and lasts as long as its basis."""
    r, who = col.rubric, c.by
    match c:
        case Funding():
            engage, durable = r.engagement.funding, r.durability.funding * col.years(c.years)
        case Arms():
            engage, durable = r.engagement.arms[c.level], r.durability.arms * col.years(c.years)
            col.add(
                "cost_to_aggressor",
                idx,
                r.cost.arms[c.level] * r.paper_scale(r.paper.obligation_floor, c.basis),
                f"{c.level} arms make a war costlier",
                f"{who}/military",
            )
        case Sanctions():
            engage, durable = r.engagement.sanctions, r.durability.sanctions
        case HybridDefence():
            engage = r.engagement.hybrid_defence
            durable = r.durability.hybrid_defence * col.years(c.years)
    col.add("guarantor_standing", idx, standing * engage, "support engages it a little", who)
    col.add(
        "legal_durability",
        idx,
        r.basis[c.basis] * durable,
        col.legal(c.basis, years=years_of(c)),
        who,
    )


def dmz(col: Collector, idx: int, c: Dmz, what: str) -> None:
    """A demilitarised zone separates the forces; unmonitored, it counts half."""
    r = col.rubric
    value = saturate(c.width_km, r.scales.dmz_km) * (
        1.0 if c.monitored else r.separation.unmonitored_dmz
    )
    note = f"{what}, {c.width_km:g} km" + (", monitored" if c.monitored else ", unmonitored")
    col.add("separation", idx, value, note, f"#{idx}")
