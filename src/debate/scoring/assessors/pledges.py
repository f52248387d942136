"""Pledges that act only after an attack: defence pacts, assurances, alliance membership.

Each is worth what its wording promises (fight > assist > consult; collective defence above
political membership), scaled by how much of that wording survives a weak legal basis. A
party's pledges do not add up: only its strongest counts (amount 1 on a unit curve).
"""

from __future__ import annotations

from dataclasses import dataclass

from debate.scoring.assessors.collector import PLEDGES, Collector, years_of
from debate.scoring.rubric import Rubric
from debate.vocabulary.commitments import Assurance, DefencePact, Membership


@dataclass(frozen=True, slots=True)
class _Terms:
    """A pledge's coefficients on each criterion it bears on, and what to call it."""

    engage: float
    oblige: float
    durable: float
    cost: float
    nuke: float
    what: str


def pledge(
    col: Collector,
    idx: int,
    c: DefencePact | Assurance | Membership,
    standing: float,
    nuclear: bool,
) -> None:
    r, who = col.rubric, c.by
    paper = r.paper_scale(r.paper.obligation_floor, c.basis)
    conventional = 1.0 if nuclear else r.nuclear.conventional_share
    t = _terms(r, c, col.years(years_of(c)))
    col.add(
        "guarantor_standing",
        who,
        PLEDGES,
        idx,
        1.0,
        standing * t.engage * paper,
        t.what,
        "walter2002",
    )
    col.add("obligation", who, PLEDGES, idx, 1.0, t.oblige * paper, t.what, "leeds2003")
    col.add(
        "legal_durability",
        who,
        PLEDGES,
        idx,
        1.0,
        r.basis[c.basis] * t.durable,
        col.legal(c.basis, years=years_of(c)),
        "leeds2003",
    )
    if t.cost > 0:
        col.add(
            "cost_to_aggressor",
            f"{who}/military",
            PLEDGES,
            idx,
            1.0,
            t.cost * standing * paper,
            "war with this state",
            "huth1988",
        )
    if t.nuke > 0:
        col.add(
            "nuclear_resilience",
            who,
            PLEDGES,
            idx,
            1.0,
            t.nuke * conventional * paper,
            t.what if nuclear else f"{t.what}, by a non-nuclear state",
            "huth1988",
        )


def _terms(r: Rubric, c: DefencePact | Assurance | Membership, term: float) -> _Terms:
    if isinstance(c, DefencePact):
        level = c.obligation
        return _Terms(
            engage=r.engagement.defence_pact[level],
            oblige=r.obligation.defence_pact[level],
            durable=r.durability.defence_pact * term,
            cost=r.cost.defence_pact[level],
            nuke=r.nuclear.defence_pact[level],
            what=f"a pact to {level}, after an attack",
        )
    if isinstance(c, Membership):
        collective = c.collective_defence
        return _Terms(
            engage=r.engagement.membership_collective
            if collective
            else r.engagement.membership_political,
            oblige=r.obligation.membership_collective
            if collective
            else r.obligation.membership_political,
            durable=r.durability.membership,
            cost=r.cost.membership_collective if collective else 0.0,
            nuke=r.nuclear.membership_collective if collective else 0.0,
            what=f"{c.alliance} membership" + (" with collective defence" if collective else ""),
        )
    return _Terms(
        engage=r.engagement.assurance[c.obligation],
        oblige=r.obligation.assurance[c.obligation],
        durable=r.durability.assurance,
        cost=0.0,
        nuke=r.nuclear.assurance,
        what=f"an assurance to {c.obligation.replace('_', ' ')}",
    )
