"""Who made a commitment decides what it can count for.

The aggressor's side guarantees nothing: only its own forces (the threat) and a DMZ it accepts
matter. The protected party counts with its army, its support and its concessions, but cannot
guarantee itself. Guarantors count on every criterion, weighted by their standing.
"""

from __future__ import annotations

from debate.scoring.assessors import forces, pledges, support
from debate.scoring.assessors.collector import Collector
from debate.scoring.assessors.concessions import concession
from debate.scoring.combine import Amount
from debate.vocabulary.commitments import (
    CONCESSION_KINDS,
    Arms,
    Assurance,
    Commitment,
    DefencePact,
    Dmz,
    Funding,
    HybridDefence,
    Membership,
    Monitors,
    OwnForces,
    Peacekeepers,
    Sanctions,
    Troops,
)


def read(col: Collector) -> None:
    """Walk the package's commitments once, each into the collector."""
    pkg = col.package
    for idx, c in enumerate(pkg.commitments):
        if pkg.aggressor_side(c.by):
            _aggressor(col, idx, c)
        elif c.by == pkg.protected:
            _protected(col, idx, c)
        else:
            _guarantor(col, idx, c)


def _aggressor(col: Collector, idx: int, c: Commitment) -> None:
    if isinstance(c, OwnForces):
        strength = c.size * col.quality(c.readiness, c.equipment)
        col.threat = (col.threat or 0.0) + strength
        col.threat_lines.append(
            (0.0, idx, f"the threat local defence is measured against ({strength:,.0f} effective)")
        )
    elif isinstance(c, Dmz):
        support.dmz(col, idx, c, "a buffer the aggressor accepts")
    else:
        col.nothing("guarantor_standing", idx, "made by the aggressor's side: counts for nothing")


def _protected(col: Collector, idx: int, c: Commitment) -> None:
    match c:
        case OwnForces():
            quality = col.quality(c.readiness, c.equipment)
            col.own.append(Amount(idx, c.size * quality, "the protected party's own army"))
            col.own_pool.append((idx, float(c.size), quality))
        case Troops() if c.timing == "standing":
            quality = col.rubric.forces.host_troops_quality
            col.own.append(Amount(idx, c.size * quality, "the protected party's own troops"))
            col.own_pool.append((idx, float(c.size), quality))
        case Troops():
            col.nothing("local_denial", idx, "mobilised only after an attack")
        case Funding() | Arms() | Sanctions() | HybridDefence() | Dmz():
            support.shared(col, idx, c)
        case _ if c.kind in CONCESSION_KINDS:
            concession(col, idx, c)
        case _:
            col.nothing("guarantor_standing", idx, "a party cannot guarantee itself")


def _guarantor(col: Collector, idx: int, c: Commitment) -> None:
    party = col.package.party(c.by)
    standing = col.standing.get(c.by)
    if standing is None:
        standing = col.standing[c.by] = col.rubric.standing_of(party.tier, party.nuclear)
    match c:
        case Troops():
            forces.troops(col, idx, c, standing, party.nuclear)
        case Peacekeepers():
            forces.peacekeepers(col, idx, c, standing, party.nuclear)
        case Monitors():
            forces.monitors(col, idx, c, standing)
        case DefencePact() | Assurance() | Membership():
            pledges.pledge(col, idx, c, standing, party.nuclear)
        case Funding() | Arms() | Sanctions() | HybridDefence() | Dmz():
            support.shared(col, idx, c)
            if not isinstance(c, Dmz):
                support.engagement(col, idx, c, standing)
        case OwnForces():
            col.nothing("local_denial", idx, "a guarantor's army at home is not stationed here")
        case _:
            concession(col, idx, c)
