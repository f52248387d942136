"""Forces a guarantor sends: troops (standing, or promised for after an attack),
peacekeepers and monitors.

A force counts by its size *summed* with the same party's other forces before any curve
(:class:`~debate.scoring.combine.Stack`), each soldier weighted by how credible its presence
is: who can send it home, on what legal basis, for how long
(:meth:`~debate.scoring.assessors.collector.Collector.credibility`). A tripwire the aggressor
can dismiss is worth a small fraction of one it cannot: UNEF left Sinai in May 1967 when Egypt
asked, weeks before the war (Fortna 2004); small or removable tripwires do not deter by
themselves (Reiter and Poast 2021).
"""

from __future__ import annotations

from dataclasses import dataclass

from debate.scoring.assessors.collector import FORCES, PLEDGES, Collector
from debate.scoring.combine import Layer
from debate.vocabulary.commitments import Monitors, Peacekeepers, Troops


@dataclass(frozen=True, slots=True)
class _TroopNotes:
    """Why troops count, on each criterion, for one timing."""

    engaged: str
    obliged: str
    costly: str
    nuclear: str
    conventional: str


_NOTES = {
    "standing": _TroopNotes(
        engaged="its own soldiers stand in the way",
        obliged="a tripwire: fighting starts without a decision",
        costly="an attack means fighting this state",
        nuclear="a nuclear power's soldiers on the spot",
        conventional="a non-nuclear contingent, exposed to threats",
    ),
    "on_attack": _TroopNotes(
        engaged="promises its soldiers, after an attack",
        obliged="forces promised only after an attack",
        costly="may have to fight this state later",
        nuclear="a promise to come, which threats can talk away",
        conventional="a promise to come, which threats can talk away",
    ),
}


def troops(col: Collector, idx: int, c: Troops, standing: float, nuclear: bool) -> None:
    """A guarantor's troops: effective soldiers ``size * composition``, each counted at the
    credibility of its presence (standing) or of the promise (on attack)."""
    r, who = col.rubric, c.by
    in_place = c.timing == "standing"
    notes = _NOTES[c.timing]
    strength = c.size * col.composition(c.composition)
    col.foreign_troops.append(idx)
    # Standing: is it still there when the attack comes? On attack: is the promise kept?
    # (never more than the same force standing: the promise's paper floor is lower)
    floor = r.credibility.basis_floor if in_place else r.paper.obligation_floor
    presence = r.credibility.withdrawal[c.withdrawal]
    cred = presence * r.paper_scale(floor, c.basis)
    if in_place:
        kept = col.kept_by(c.basis, c.withdrawal)
        col.presence.append(
            Layer(
                idx,
                strength * col.presence_weight(standing),
                cred,
                f"stationed before any attack; {kept}",
                "schelling1966",
            )
        )
        col.stationed.append(
            Layer(idx, strength, cred, f"stationed on the spot; {kept}", "huth1988")
        )
    else:
        col.nothing("pre_positioning", idx, "arrives only after an attack", "schelling1966")
        col.nothing("local_denial", idx, "arrives only after an attack", "huth1988")

    def pick(if_standing: float, if_on_attack: float) -> float:
        return if_standing if in_place else if_on_attack

    engage = pick(r.engagement.troops_standing, r.engagement.troops_on_attack)
    col.add(
        "guarantor_standing",
        who,
        FORCES,
        idx,
        strength,
        standing * engage * presence,
        notes.engaged,
        "walter2002",
    )
    oblige = pick(r.obligation.troops_standing, r.obligation.troops_on_attack)
    col.add("obligation", who, FORCES, idx, strength, oblige * cred, notes.obliged, "schelling1966")
    col.add(
        "legal_durability",
        who,
        FORCES,
        idx,
        strength,
        col.durable(c.basis, c.withdrawal, c.years)
        * pick(r.durability.troops_standing, r.durability.troops_on_attack),
        col.legal(c.basis, c.withdrawal, c.years),
        "leeds2003",
    )
    cost = pick(r.cost.troops_standing, r.cost.troops_on_attack)
    col.add(
        "cost_to_aggressor",
        f"{who}/military",
        FORCES,
        idx,
        strength,
        cost * standing * presence,
        notes.costly,
        "huth1988",
    )
    pair = r.nuclear.troops_standing if in_place else r.nuclear.troops_on_attack
    col.add(
        "nuclear_resilience",
        who,
        FORCES,
        idx,
        strength,
        (pair.nuclear if nuclear else pair.conventional) * cred,
        notes.nuclear if nuclear else notes.conventional,
        "huth1988",
    )


def peacekeepers(col: Collector, idx: int, c: Peacekeepers, standing: float, nuclear: bool) -> None:
    """Peacekeepers stand in place and watch the line; their mandate sets how far they fight.
    Like troops, they count with their size and the credibility of their presence."""
    r, who = col.rubric, c.by
    arm = 1.0 if c.armed else r.forces.unarmed
    cred = col.credibility(c.basis, c.withdrawal)
    kept = col.kept_by(c.basis, c.withdrawal)
    col.foreign_peacekeepers.append(idx)
    what = f"{'armed' if c.armed else 'unarmed'} peacekeepers, {c.mandate.replace('_', ' ')}"
    presence = r.forces.peacekeeper_presence[c.mandate] * arm * col.presence_weight(standing)
    col.presence.append(Layer(idx, c.size * presence, cred, f"{what}; {kept}", "fortna2004"))
    combat = r.forces.peacekeeper_combat[c.mandate] * arm
    if combat > 0:
        col.stationed.append(Layer(idx, c.size * combat, cred, f"{what}; {kept}", "huth1988"))
    else:
        col.nothing("local_denial", idx, "observers cannot hold ground", "huth1988")
    col.add(
        "guarantor_standing",
        who,
        FORCES,
        idx,
        c.size,
        standing * r.engagement.peacekeepers * arm * cred,
        what,
        "walter2002",
    )
    col.add(
        "obligation",
        who,
        FORCES,
        idx,
        c.size,
        r.obligation.peacekeepers[c.mandate] * arm * cred,
        f"mandate: {c.mandate.replace('_', ' ')}",
        "fortna2004",
    )
    col.add(
        "legal_durability",
        who,
        FORCES,
        idx,
        c.size,
        col.durable(c.basis, c.withdrawal, c.years) * r.durability.peacekeepers,
        col.legal(c.basis, c.withdrawal, c.years),
        "leeds2003",
    )
    col.watching.append(
        Layer(idx, c.size, r.withdrawal[c.withdrawal], "peacekeepers watch the line", "fortna2003")
    )
    pair = r.nuclear.peacekeepers
    col.add(
        "nuclear_resilience",
        who,
        FORCES,
        idx,
        c.size,
        (pair.nuclear if nuclear else pair.conventional) * arm * cred,
        what,
        "huth1988",
    )


def monitors(col: Collector, idx: int, c: Monitors, standing: float) -> None:
    """Monitors witness and report: they make violations visible but defend nothing."""
    r, who = col.rubric, c.by
    col.add(
        "guarantor_standing",
        who,
        PLEDGES,
        idx,
        1.0,
        standing * r.engagement.monitors,
        "its monitors witness any attack",
        "walter2002",
    )
    col.add(
        "obligation",
        who,
        PLEDGES,
        idx,
        1.0,
        r.obligation.monitors * r.paper_scale(r.paper.obligation_floor, c.basis),
        "monitors report; they do not defend",
        "fortna2003",
    )
    col.add(
        "legal_durability",
        who,
        PLEDGES,
        idx,
        1.0,
        col.durable(c.basis, c.withdrawal) * r.durability.monitors,
        col.legal(c.basis, c.withdrawal),
        "leeds2003",
    )
    col.monitors.append(
        Layer(
            idx,
            float(c.size),
            r.paper_scale(r.paper.monitors_floor, c.basis) * r.withdrawal[c.withdrawal],
            "monitors make violations visible",
            "fortna2003",
        )
    )
