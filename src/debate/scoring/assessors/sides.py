"""Who made a commitment decides what it can count for.

The aggressor's side guarantees nothing: only its own forces (the threat) and a DMZ it accepts
matter. The protected party counts with its army, the DMZs it keeps and its concessions, but
cannot guarantee itself: its own money, arms, sanctions and hybrid cover are its effort, not a
guarantee. Guarantors count on every criterion, weighted by their standing.
"""

from __future__ import annotations

from debate.scoring.assessors import forces, pledges, support
from debate.scoring.assessors.collector import Collector
from debate.scoring.assessors.concessions import concession
from debate.scoring.combine import Layer, Line
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
            Line(
                0.0,
                (idx,),
                f"the threat local defence is measured against ({strength:,.0f} effective)",
                "huth1988",
            )
        )
    elif isinstance(c, Dmz):
        support.dmz(col, idx, c, "a buffer the aggressor accepts")
    else:
        col.nothing(
            "guarantor_standing",
            idx,
            "made by the aggressor's side: counts for nothing",
            "walter2002",
        )


def _protected(col: Collector, idx: int, c: Commitment) -> None:
    match c:
        case OwnForces():
            quality = col.quality(c.readiness, c.equipment)
            note = f"the protected party's own army ({c.readiness} readiness, {c.equipment} kit)"
            col.own.append(Layer(idx, c.size * quality, 1.0, note, "bondarev2025"))
            col.own_pool.append((idx, float(c.size), quality))
        case Troops() if c.timing == "standing":
            quality = col.rubric.forces.host_troops_quality
            note = "the protected party's own troops"
            col.own.append(Layer(idx, c.size * quality, 1.0, note, "bondarev2025"))
            col.own_pool.append((idx, float(c.size), quality))
        case Troops():
            col.nothing("local_denial", idx, "mobilised only after an attack", "huth1988")
        case Funding() | Arms() | Sanctions() | HybridDefence():
            support.own_paper(col, idx, c)
        case Dmz():
            support.dmz(col, idx, c, "a buffer the protected party keeps")
        case _ if c.kind in CONCESSION_KINDS:
            concession(col, idx, c)
        case _:
            col.nothing("guarantor_standing", idx, "a party cannot guarantee itself", "walter2002")


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
        case Funding() | Arms() | Sanctions() | HybridDefence():
            support.guarantee(col, idx, c, standing)
        case Dmz():
            support.dmz(col, idx, c, "a demilitarised buffer")
        case OwnForces():
            col.nothing(
                "local_denial", idx, "a guarantor's army at home is not stationed here", "huth1988"
            )
        case _:
            concession(col, idx, c)
