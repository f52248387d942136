"""The scorer seen from the game: the package on the table, role scores, the stress test.

>>> from debate.engine import Propose, apply, new_game
>>> from debate.vocabulary.commitments import OwnForces
>>> from debate.engine.testing import tiny_motion
>>> state = new_game(tiny_motion())
>>> army = OwnForces(by="kyiv", size=800_000, readiness="high", equipment="modern")
>>> state, _ = apply(state, "kyiv", Propose(commitment=army))
>>> package, factors = package_from_state(state)
>>> [p.id for p in package.parties], package.protected, package.aggressor, factors
(['kyiv', 'kremlin', 'washington'], 'kyiv', 'kremlin', [1.0])
>>> card = score_state(state)
>>> round(card.criterion("local_denial").score)
94
>>> role_scores(state, card)["kyiv"].details  # an army alone is not a guarantee
('partly met (20%): Move the index. (Deterrence Index 12, wanted at least 60)',)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from debate.scoring.package import Package, Party
from debate.scoring.results import Scorecard, StressResult
from debate.scoring.scorer import score, stress_test
from debate.scoring.stress import default_cards

if TYPE_CHECKING:  # the engine and motions import the scoring package; avoid a cycle
    from debate.engine.state import GameState
    from debate.motions.model import Objective
    from debate.vocabulary.commitments import Commitment

#: Objectives may name the index itself as their criterion.
INDEX_ID = "deterrence_index"
#: A commitment discounted by a lost (conceded or unanswered) challenge counts at this share.
DISCOUNTED = 0.5
_PLACEHOLDER_AGGRESSOR = "aggressor"


@dataclass(frozen=True, slots=True)
class RoleScore:
    """How a role did: its brief's objectives met (0-100) and its debate points."""

    role: str
    objective: float
    debate: int
    details: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GameScores:
    """Everything scored at one point of a game: the package's scorecard and each seated
    role's score. Reports, the replay screen and the debate table all read this."""

    card: Scorecard
    roles: dict[str, RoleScore]

    @property
    def deterrence_index(self) -> float:
        return self.card.deterrence_index


def package_from_state(state: GameState) -> tuple[Package, list[float]]:
    """The package on the table, and one factor per commitment (0.5 if discounted).

    Parties are the seated roles with their guarantor profiles; the aggressor role is added
    as a party even when it is not seated (a package always names an aggressor).
    """
    motion = state.motion
    parties = [_party(r, state) for r in state.roles]
    aggressor = motion.aggressor
    if aggressor is None:
        aggressor_id = _PLACEHOLDER_AGGRESSOR
        while aggressor_id in motion.role_by_id:
            aggressor_id += "_"
        parties.append(Party(id=aggressor_id, name="Aggressor", tier="aggressor"))
    else:
        aggressor_id = aggressor.id
        if aggressor_id not in state.roles:
            parties.append(_party(aggressor_id, state))
    commitments: list[Commitment] = []
    factors: list[float] = []
    for tabled in state.active_commitments():
        terms = tabled.terms
        if terms.by != tabled.owner:  # the owner is who stands behind it
            terms = terms.model_copy(update={"by": tabled.owner})
        commitments.append(terms)
        factors.append(DISCOUNTED if tabled.discounted else 1.0)
    package = Package(
        title=motion.title,
        protected=motion.protected.id,
        aggressor=aggressor_id,
        parties=tuple(parties),
        commitments=tuple(commitments),
    )
    return package, factors


def _party(role_id: str, state: GameState) -> Party:
    role = state.motion.role_by_id[role_id]
    return Party(
        id=role.id, name=role.name, tier=role.guarantor.tier, nuclear=role.guarantor.nuclear
    )


def score_state(state: GameState) -> Scorecard:
    """Score the package on the table with the motion's criterion weights."""
    package, factors = package_from_state(state)
    return score(package, weights=state.motion.criterion_weights, factors=factors)


def score_game(state: GameState) -> GameScores:
    """The scorecard of the package on the table and every seated role's score."""
    card = score_state(state)
    return GameScores(card, role_scores(state, card))


def stress_state(state: GameState) -> tuple[StressResult, ...]:
    """Stress-test the package on the table with the motion's cards (or the default set)."""
    package, factors = package_from_state(state)
    cards = state.motion.cards or default_cards()
    return stress_test(package, cards, weights=state.motion.criterion_weights, factors=factors)


def role_scores(state: GameState, scorecard: Scorecard) -> dict[str, RoleScore]:
    """Each seated role's objective score (weighted share of its brief's objectives met,
    with partial credit short of a threshold) and its debate points."""
    values = scorecard.scores()
    kinds: dict[str, float] = {}  # kind -> best factor among active commitments of it
    for tabled in state.active_commitments():
        factor = DISCOUNTED if tabled.discounted else 1.0
        kinds[tabled.terms.kind] = max(kinds.get(tabled.terms.kind, 0.0), factor)
    out: dict[str, RoleScore] = {}
    for role_id in state.roles:
        role = state.motion.role_by_id[role_id]
        credits = [(o, *_credit(o, values, kinds)) for o in role.brief.objectives]
        weights = [o.weight for o, _, _ in credits]
        if sum(weights) <= 0:
            weights = [1.0] * len(credits)
        total = sum(w * c for w, (_, c, _) in zip(weights, credits, strict=True))
        objective = 100.0 * total / sum(weights)
        details = tuple(f"{_verdict(c)}: {o.text} ({why})" for o, c, why in credits)
        points = state.points.get(role_id)
        debate = points.total if points is not None else 0
        out[role_id] = RoleScore(role_id, round(objective, 6), debate, details)
    return out


def _credit(o: Objective, values: dict[str, float], kinds: dict[str, float]) -> tuple[float, str]:
    """Share of one objective met (0-1), and the evidence."""
    if o.wants_kind is not None:
        got = kinds.get(o.wants_kind, 0.0)
        if got >= 1.0:
            return 1.0, f"{o.wants_kind} is on the table"
        if got > 0:
            return got, f"{o.wants_kind} is on the table but discounted"
        return 0.0, f"no {o.wants_kind} on the table"
    if o.avoids_kind is not None:
        if o.avoids_kind in kinds:
            return 0.0, f"{o.avoids_kind} is on the table"
        return 1.0, f"no {o.avoids_kind} on the table"
    criterion = o.criterion or INDEX_ID
    value = values.get(criterion, 0.0)
    credit = 1.0
    wanted = []
    if o.at_least is not None:
        wanted.append(f"at least {o.at_least:g}")
        if value < o.at_least:
            credit = min(credit, value / o.at_least if o.at_least > 0 else 1.0)
    if o.at_most is not None:
        wanted.append(f"at most {o.at_most:g}")
        if value > o.at_most:
            room = 100.0 - o.at_most
            credit = min(credit, (100.0 - value) / room if room > 0 else 0.0)
    name = "Deterrence Index" if criterion == INDEX_ID else criterion.replace("_", " ")
    return max(0.0, credit), f"{name} {value:.0f}, wanted {' and '.join(wanted)}"


def _verdict(credit: float) -> str:
    if credit >= 1.0:
        return "met"
    if credit <= 0.0:
        return "not met"
    return f"partly met ({credit:.0%})"
