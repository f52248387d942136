"""Concessions: each takes its share of "freedom from concessions", and some also act where
they bite (a force cap lowers local denial, a ban voids foreign forces, relief lowers the cost
of sanctions). Concessions of one family do not stack: recognising the same annexation twice
gives it up once, and the tightest force cap is the one that binds."""

from __future__ import annotations

import math

from debate.scoring.assessment import Concession
from debate.scoring.assessors.collector import Collector
from debate.vocabulary.commitments import (
    Commitment,
    Demilitarisation,
    ForeignTroopBan,
    Neutrality,
    Recognition,
    SanctionsRelief,
)


def concession(col: Collector, idx: int, c: Commitment) -> None:
    r = col.rubric.concessions
    match c:
        case Demilitarisation():
            severity = r.demilitarisation_min + r.demilitarisation_span * math.exp(
                -c.force_cap / col.rubric.scales.demilitarisation_scale
            )
            col.caps.append((idx, c.force_cap))
            note = "a cap on the protected party's forces"
        case Recognition():
            severity = r.recognition[c.scope]
            note = f"a territorial concession ({c.scope.replace('_', ' ')})"
        case Neutrality():
            severity = r.neutrality_named if c.alliances else r.neutrality_all
            note = "renounces alliances"
        case ForeignTroopBan():
            severity = (
                r.foreign_troop_ban_peacekeepers_allowed
                if c.allows_peacekeepers
                else r.foreign_troop_ban
            )
            col.bans.append((idx, c.allows_peacekeepers))
            note = "no foreign forces may stand in the country"
        case SanctionsRelief():
            severity = r.sanctions_relief[c.scope]
            col.reliefs.append((idx, col.rubric.cost.relief[c.scope]))
            note = f"{c.scope} sanctions relief"
        case _:  # pragma: no cover - every other kind is handled by the caller
            raise AssertionError(f"not a concession: {c.kind}")
    col.concessions.append(Concession(idx, c.kind, severity, note))
