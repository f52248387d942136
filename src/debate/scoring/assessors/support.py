"""Support over time from a guarantor: funding, arms, sanctions, hybrid defence; and
demilitarised zones (whoever accepts them).

Funding sums over every guarantor before its curve (dollars are dollars), each dollar counted
at its legal basis and its money-years horizon; arms count best per party.
"""

from __future__ import annotations

from debate.scoring.assessors.collector import PLEDGES, Collector, years_of
from debate.scoring.combine import Layer
from debate.vocabulary.commitments import Arms, Dmz, Funding, HybridDefence, Sanctions


def guarantee(
    col: Collector, idx: int, c: Funding | Arms | Sanctions | HybridDefence, standing: float
) -> None:
    """What a guarantor's support gives, on each criterion it bears on."""
    r, who = col.rubric, c.by
    match c:
        case Funding():
            horizon = col.horizon(c.years)
            term = f"for {c.years} years" if c.years else "open-ended"
            col.funding.append(
                Layer(
                    idx,
                    c.usd_bn_per_year * horizon,
                    r.paper_scale(r.paper.sustainability_floor, c.basis),
                    f"${c.usd_bn_per_year:,.4g}bn a year {term} (worth {horizon:.1f} years), "
                    f"{c.basis.replace('_', ' ')}",
                    "bondarev2025",
                )
            )
            engage, durable = r.engagement.funding, r.durability.funding * col.years(c.years)
        case Arms():
            floor, full = r.sustainability.arms_years_floor, r.sustainability.arms_full_years
            span = 1.0 if c.years == 0 else floor + (1.0 - floor) * min(1.0, c.years / full)
            paper = r.paper_scale(r.paper.sustainability_floor, c.basis)
            col.add(
                "sustainability",
                who,
                PLEDGES,
                idx,
                1.0,
                r.sustainability.arms[c.level] * span * paper,
                f"{c.level} arms supply",
                "bondarev2025",
            )
            col.add(
                "cost_to_aggressor",
                f"{who}/military",
                PLEDGES,
                idx,
                1.0,
                r.cost.arms[c.level] * r.paper_scale(r.paper.obligation_floor, c.basis),
                f"{c.level} arms make a war costlier",
                "huth1988",
            )
            engage, durable = r.engagement.arms[c.level], r.durability.arms * col.years(c.years)
        case Sanctions():
            value = r.cost.sanctions[c.severity] * (1.0 if c.snapback else r.cost.no_snapback)
            value *= r.paper_scale(r.paper.sanctions_floor, c.basis)
            group = f"{who}/economic"
            col.add(
                "cost_to_aggressor",
                group,
                PLEDGES,
                idx,
                1.0,
                value,
                f"{c.severity} sanctions",
                "hufbauer2007",
            )
            col.economic.add(group)
            engage, durable = r.engagement.sanctions, r.durability.sanctions
        case HybridDefence():
            strength = r.paper_scale(r.paper.hybrid_floor, c.basis) * col.years(c.years)
            col.hybrid.append((idx, tuple(c.domains), strength, "hybrid-threat cover"))
            engage = r.engagement.hybrid_defence
            durable = r.durability.hybrid_defence * col.years(c.years)
    col.add(
        "guarantor_standing",
        who,
        PLEDGES,
        idx,
        1.0,
        standing * engage,
        "support engages it a little",
        "walter2002",
    )
    col.add(
        "legal_durability",
        who,
        PLEDGES,
        idx,
        1.0,
        r.basis[c.basis] * durable,
        col.legal(c.basis, years=years_of(c)),
        "leeds2003",
    )


_NOT_A_GUARANTEE = {
    "funding": ("sustainability", "the protected party's own money is not a guarantee"),
    "arms": ("sustainability", "the protected party's own arms are not a guarantee"),
    "sanctions": ("cost_to_aggressor", "the protected party's own sanctions are not a guarantee"),
    "hybrid_defence": ("hybrid", "the protected party's own cover is not a guarantee"),
}


def own_paper(col: Collector, idx: int, c: Funding | Arms | Sanctions | HybridDefence) -> None:
    """The protected party's own money, arms, sanctions or cyber cover: its effort, but no
    guarantee by anyone (guarantees are what guarantors give)."""
    criterion, note = _NOT_A_GUARANTEE[c.kind]
    col.nothing(criterion, idx, note, "walter2002")


def dmz(col: Collector, idx: int, c: Dmz, what: str) -> None:
    """A demilitarised zone separates the forces. Its width sums over the package's DMZ lines;
    flagged monitored, it counts in full only as far as monitors or peacekeepers are there."""
    flagged = 1.0 if c.monitored else 0.0
    note = f"{what}, {c.width_km:g} km" + (", to be monitored" if c.monitored else ", unmonitored")
    col.dmz.append(Layer(idx, c.width_km, flagged, note, "fortna2003"))
