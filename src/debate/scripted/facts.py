"""What scripted roles notice about the table: plain predicates on commitments and state.

These are the observations a policy's rules fire on ("this guarantee acts only after an
attack", "a superpower has troops standing"). They read the engine's state; they do not
score anything (the scorer in :mod:`debate.scoring` does that).

>>> from debate.vocabulary.commitments import Troops, Funding
>>> acts_only_after_attack(Troops(by="us", size=5000, timing="on_attack", basis="statute"))
True
>>> paper_basis(Funding(by="eu", usd_bn_per_year=5, years=2, basis="memorandum"))
True
"""

from __future__ import annotations

from debate.engine.state import GameState, TabledCommitment
from debate.vocabulary.commitments import (
    CONCESSION_KINDS,
    Assurance,
    Commitment,
    DefencePact,
    Peacekeepers,
    Troops,
)

#: Guarantor tiers from strongest to weakest (the aggressor would least like to fight the first).
TIER_RANK: dict[str, int] = {
    "superpower": 0,
    "great_power": 1,
    "middle_power": 2,
    "international_body": 3,
    "protected_party": 4,
    "aggressor": 5,
}
GUARANTOR_TIERS: tuple[str, ...] = (
    "superpower",
    "great_power",
    "middle_power",
    "international_body",
)


def acts_only_after_attack(terms: Commitment) -> bool:
    """A guarantee that switches on only once an attack has begun."""
    if isinstance(terms, Troops):
        return terms.timing == "on_attack"
    return isinstance(terms, DefencePact | Assurance)


def paper_basis(terms: Commitment) -> bool:
    """Resting on a declaration or a memorandum (the Budapest pattern)."""
    return getattr(terms, "basis", None) in ("declaration", "memorandum")


def executive_basis(terms: Commitment) -> bool:
    """Resting on an executive act, which the next executive can revoke."""
    return getattr(terms, "basis", None) == "executive"


def is_force_on_the_ground(terms: Commitment) -> bool:
    """Standing troops or armed peacekeepers: something in place before an attack."""
    if isinstance(terms, Troops):
        return terms.timing == "standing" and terms.size > 0
    return isinstance(terms, Peacekeepers) and terms.armed and terms.size > 0


def is_guarantee(state: GameState, c: TabledCommitment) -> bool:
    """A commitment by a guarantor that protects (not a concession, not the parties' own)."""
    tier = state.role(c.owner).guarantor.tier
    return tier in GUARANTOR_TIERS and c.terms.kind not in CONCESSION_KINDS


def nuclear(state: GameState, role: str) -> bool:
    return state.role(role).guarantor.nuclear


def tier(state: GameState, role: str) -> str:
    return state.role(role).guarantor.tier


def superpower_on_the_ground(state: GameState) -> bool:
    """A nuclear superpower has standing troops in the package (Brussels's backstop)."""
    return any(
        isinstance(c.terms, Troops)
        and is_force_on_the_ground(c.terms)
        and tier(state, c.owner) == "superpower"
        and nuclear(state, c.owner)
        for c in state.active_commitments()
    )


def guarantors_by_strength(state: GameState, exclude: str | None = None) -> list[str]:
    """Seated guarantor roles, strongest first (tier, then nuclear), in turn order on ties."""
    found = [r for r in state.roles if r != exclude and tier(state, r) in GUARANTOR_TIERS]
    return sorted(found, key=lambda r: (TIER_RANK[tier(state, r)], not nuclear(state, r)))


def protected_role(state: GameState) -> str | None:
    """The seated protected party."""
    rid = state.motion.protected.id
    return rid if rid in state.roles else None


def aggressor_role(state: GameState) -> str | None:
    """The seated aggressor, if any."""
    agg = state.motion.aggressor
    return agg.id if agg is not None and agg.id in state.roles else None


def package_kinds(state: GameState) -> dict[str, int]:
    """How many active commitments of each kind are on the table (insertion-ordered)."""
    out: dict[str, int] = {}
    for c in state.active_commitments():
        out[c.terms.kind] = out.get(c.terms.kind, 0) + 1
    return out


def last_negotiation_turn(state: GameState) -> bool:
    """Whether this is the role's last turn before the vote phase."""
    phases = state.motion.phases
    nxt = state.phase_index + 1
    last_round = state.round >= state.phase.rounds
    return last_round and nxt < len(phases) and phases[nxt].actions == ("vote",)


def answers_in_time(state: GameState, target: str) -> bool:
    """Whether ``target`` still has a turn before the vote (to answer a demand or a
    challenge made now, by the role whose turn it is)."""
    if state.finished or state.in_vote:
        return False
    if state.roles.index(target) >= state.turn_index or state.round < state.phase.rounds:
        return True
    phases = state.motion.phases
    return state.phase_index + 1 < len(phases) and phases[state.phase_index + 1].actions != (
        "vote",
    )
