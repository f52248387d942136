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
class ObjectiveResult:
    """One objective of a brief, judged: its share met (0-1) and the evidence."""

    id: str
    text: str
    credit: float
    why: str

    @property
    def verdict(self) -> str:
        """``met``, ``partly met`` or ``missed``."""
        if self.credit >= 1.0:
            return "met"
        return "missed" if self.credit <= 0.0 else "partly met"


@dataclass(frozen=True, slots=True)
class RoleScore:
    """How a role did: its brief's objectives met (0-100) and its debate points.

    ``outcome`` is ``open`` until the vote is complete, then ``agreed`` or ``no_deal`` (a
    rejected package: the role scores its stated no-deal outcome). ``red_lines`` are the
    texts of the role's red lines the package crosses; each costs points while it stands.
    """

    role: str
    objective: float
    debate: int
    details: tuple[str, ...]
    objectives: tuple[ObjectiveResult, ...] = ()
    red_lines: tuple[str, ...] = ()
    outcome: str = "open"

    @property
    def met(self) -> int:
        return sum(o.credit >= 1.0 for o in self.objectives)


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
    ids: list[str] = []
    for tabled in state.active_commitments():
        ids.append(tabled.id)
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
        ids=tuple(ids),
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
    """Each seated role's objective score and its debate points.

    The objective score is the weighted share of its brief's objectives met (partial credit
    short of a threshold), less the cost of each red line the package crosses. A rejected
    package is no deal: each role scores its brief's stated no-deal outcome (or, if the
    motion states none, its objectives against an empty table), and red lines cost nothing.
    """
    from debate.scoring.red_lines import crossed_red_lines

    agreed = state.agreed
    outcome = "open" if agreed is None else ("agreed" if agreed else "no_deal")
    if agreed is False:  # nothing on the table is in force: judge the empty table
        empty = state.copy()
        empty.commitments = {}
        values, kinds = score_state(empty).scores(), {}
    else:
        values, kinds = scorecard.scores(), _kinds(state)
    out: dict[str, RoleScore] = {}
    for role_id in state.roles:
        brief = state.motion.role_by_id[role_id].brief
        results = tuple(
            ObjectiveResult(o.id, o.text, *_credit(o, values, kinds)) for o in brief.objectives
        )
        weights = [o.weight for o in brief.objectives]
        if sum(weights) <= 0:
            weights = [1.0] * len(results)
        total = sum(w * r.credit for w, r in zip(weights, results, strict=True))
        objective = 100.0 * total / sum(weights)
        details = [f"{_verdict(r.credit)}: {r.text} ({r.why})" for r in results]
        crossed = crossed_red_lines(state, role_id)
        if outcome == "no_deal":
            if brief.no_deal is not None:
                objective = brief.no_deal.objective
                details = [f"No deal: the package was rejected. {brief.no_deal.text}"]
            else:
                details.insert(0, "No deal: the package was rejected (scored as an empty table)")
            details += [f"red line crossed, but the package was rejected: {r.text}"
                        for r in crossed]
        else:
            for line in crossed:
                objective -= line.cost
                details.append(f"red line crossed (-{line.cost:g}): {line.text}")
        points = state.points.get(role_id)
        debate = points.total if points is not None else 0
        out[role_id] = RoleScore(
            role_id,
            round(max(0.0, objective), 6),
            debate,
            tuple(details),
            results,
            tuple(line.text for line in crossed),
            outcome,
        )
    return out


def _kinds(state: GameState) -> dict[str, float]:
    """Kind -> best factor among the active commitments of that kind."""
    kinds: dict[str, float] = {}
    for tabled in state.active_commitments():
        factor = DISCOUNTED if tabled.discounted else 1.0
        kinds[tabled.terms.kind] = max(kinds.get(tabled.terms.kind, 0.0), factor)
    return kinds


def _credit(o: Objective, values: dict[str, float], kinds: dict[str, float]) -> tuple[float, str]:
    """Share of one objective met (0-1), and the evidence (in words, no ids)."""
    from debate.vocabulary.criteria import CRITERION_NAMES

    if o.wants_kind is not None:
        kind = o.wants_kind.replace("_", " ")
        got = kinds.get(o.wants_kind, 0.0)
        if got >= 1.0:
            return 1.0, f"{kind} is on the table"
        if got > 0:
            return got, f"{kind} is on the table but discounted"
        return 0.0, f"no {kind} on the table"
    if o.avoids_kind is not None:
        kind = o.avoids_kind.replace("_", " ")
        if o.avoids_kind in kinds:
            return 0.0, f"{kind} is on the table"
        return 1.0, f"no {kind} on the table"
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
    if criterion == INDEX_ID:
        name = "Deterrence Index"
    else:
        name = CRITERION_NAMES.get(criterion, criterion.replace("_", " "))
    return max(0.0, credit), f"{name} {value:.0f}, wanted {' and '.join(wanted)}"


def _verdict(credit: float) -> str:
    if credit >= 1.0:
        return "met"
    if credit <= 0.0:
        return "not met"
    return f"partly met ({credit:.0%})"
