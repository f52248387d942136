"""Forces a guarantor sends: troops (standing, or promised for after an attack),
peacekeepers and monitors."""

from __future__ import annotations

from dataclasses import dataclass

from debate.scoring.assessors.collector import Collector
from debate.scoring.combine import Amount, saturate
from debate.vocabulary.commitments import Basis, Monitors, Peacekeepers, Troops


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
    """A guarantor's troops. Standing ones are stationed before any attack and act as a
    tripwire; ones promised for after an attack count less on every criterion and nothing
    on the two that measure what is in place.

    What they are worth grows with the force (:meth:`~debate.scoring.rubric.Rubric.force_share`
    of its size times its composition), not just its existence: small tripwires do not deter
    by themselves (Reiter and Poast). Their automaticity and their resilience to nuclear
    threats also rest on the legal basis: a force one leader stationed, one leader can
    withdraw before the shooting starts.
    """
    r, who = col.rubric, c.by
    in_place = c.timing == "standing"
    notes = _NOTES[c.timing]
    strength = c.size * col.composition(c.composition)
    size = r.force_share(strength)
    col.foreign_troops.append(idx)
    if in_place:
        col.presence.append(
            Amount(idx, strength * col.presence_weight(standing), "stationed before any attack")
        )
        col.stationed.append(Amount(idx, strength, "stationed on the spot"))
        paper = r.paper_scale(r.paper.forces_floor, c.basis)
        revocable = _revocable(c.basis, paper)
    else:
        col.nothing("pre_positioning", idx, "arrives only after an attack")
        col.nothing("local_denial", idx, "arrives only after an attack")
        paper = r.paper_scale(r.paper.obligation_floor, c.basis)
        revocable = ""

    def pick(if_standing: float, if_on_attack: float) -> float:
        return if_standing if in_place else if_on_attack

    engage = pick(r.engagement.troops_standing, r.engagement.troops_on_attack)
    col.add("guarantor_standing", idx, standing * engage * size, notes.engaged, who)
    oblige = pick(r.obligation.troops_standing, r.obligation.troops_on_attack)
    col.add("obligation", idx, oblige * size * paper, notes.obliged + revocable, who)
    col.add(
        "legal_durability",
        idx,
        col.durable(c.basis, c.withdrawal, c.years)
        * pick(r.durability.troops_standing, r.durability.troops_on_attack),
        col.legal(c.basis, c.withdrawal, c.years),
        who,
    )
    cost = pick(r.cost.troops_standing, r.cost.troops_on_attack)
    col.add("cost_to_aggressor", idx, cost * standing * size, notes.costly, f"{who}/military")
    pair = r.nuclear.troops_standing if in_place else r.nuclear.troops_on_attack
    col.add(
        "nuclear_resilience",
        idx,
        (pair.nuclear if nuclear else pair.conventional) * size * paper,
        (notes.nuclear if nuclear else notes.conventional) + revocable,
        who,
    )


def _revocable(basis: Basis, share: float) -> str:
    """What a weaker basis than a statute leaves of a standing force's automaticity."""
    if share >= 1.0:
        return ""
    return f", unless the {_ACTS[basis]} behind it is revoked first ({share:.0%})"


_ACTS: dict[Basis, str] = {
    "declaration": "declaration",
    "memorandum": "memorandum",
    "executive": "executive act",
    "un_resolution": "UN resolution",
    "treaty": "treaty",
    "ratified_treaty": "ratified treaty",
    "statute": "statute",
}


def peacekeepers(col: Collector, idx: int, c: Peacekeepers, standing: float, nuclear: bool) -> None:
    """Peacekeepers stand in place and watch the line; their mandate sets how far they fight.
    Like troops, they count with their size and, under nuclear threats, their basis."""
    r, who = col.rubric, c.by
    arm = 1.0 if c.armed else r.forces.unarmed
    size = r.force_share(c.size)
    col.foreign_peacekeepers.append(idx)
    what = f"{'armed' if c.armed else 'unarmed'} peacekeepers, {c.mandate.replace('_', ' ')}"
    presence = r.forces.peacekeeper_presence[c.mandate] * arm * col.presence_weight(standing)
    col.presence.append(Amount(idx, c.size * presence, what))
    combat = r.forces.peacekeeper_combat[c.mandate] * arm
    if combat > 0:
        col.stationed.append(Amount(idx, c.size * combat, what))
    else:
        col.nothing("local_denial", idx, "observers cannot hold ground")
    col.add("guarantor_standing", idx, standing * r.engagement.peacekeepers * arm * size, what, who)
    col.add(
        "obligation",
        idx,
        r.obligation.peacekeepers[c.mandate]
        * arm
        * size
        * r.paper_scale(r.paper.obligation_floor, c.basis),
        f"mandate: {c.mandate.replace('_', ' ')}",
        who,
    )
    col.add(
        "legal_durability",
        idx,
        col.durable(c.basis, c.withdrawal, c.years) * r.durability.peacekeepers,
        col.legal(c.basis, c.withdrawal, c.years),
        who,
    )
    col.add(
        "separation",
        idx,
        r.separation.peacekeepers
        * saturate(c.size, r.scales.observers)
        * r.withdrawal[c.withdrawal],
        "peacekeepers watch the line",
        f"#{idx}",
    )
    pair = r.nuclear.peacekeepers
    col.add(
        "nuclear_resilience",
        idx,
        (pair.nuclear if nuclear else pair.conventional)
        * arm
        * size
        * r.paper_scale(r.paper.forces_floor, c.basis),
        what,
        who,
    )


def monitors(col: Collector, idx: int, c: Monitors, standing: float) -> None:
    """Monitors witness and report: they make violations visible but defend nothing."""
    r, who = col.rubric, c.by
    seen = saturate(c.size, r.scales.monitors)
    col.add(
        "guarantor_standing",
        idx,
        standing * r.engagement.monitors * (1.0 if c.size else 0.0),
        "its monitors witness any attack",
        who,
    )
    col.add(
        "obligation",
        idx,
        r.obligation.monitors * r.paper_scale(r.paper.obligation_floor, c.basis),
        "monitors report; they do not defend",
        who,
    )
    col.add(
        "legal_durability",
        idx,
        col.durable(c.basis, c.withdrawal) * r.durability.monitors,
        col.legal(c.basis, c.withdrawal),
        who,
    )
    col.add(
        "separation",
        idx,
        seen * r.paper_scale(r.paper.monitors_floor, c.basis) * r.withdrawal[c.withdrawal],
        f"{c.size:,} monitors make violations visible",
        f"#{idx}",
    )
