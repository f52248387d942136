"""Scoring a package, and stress-testing it with scenario cards.

>>> from debate.scoring.package import Package
>>> pkg = Package.model_validate({
...     "title": "Paper only", "protected": "ua", "aggressor": "ru",
...     "parties": [
...         {"id": "us", "name": "United States", "tier": "superpower", "nuclear": True},
...         {"id": "ua", "name": "Ukraine", "tier": "protected_party"},
...         {"id": "ru", "name": "Russia", "tier": "aggressor", "nuclear": True}],
...     "commitments": [{"by": "us", "kind": "assurance", "obligation": "seek_un_action",
...                      "basis": "memorandum"}]})
>>> card = score(pkg)
>>> card.deterrence_index < 25
True
>>> (reason,) = card.criterion("obligation").reasons
>>> reason.split(": ")[0], reason.split(": ")[-1]
('+5.2 #1 United States', 'an assurance to seek un action [leeds2003]')
>>> from debate.scoring.stress import default_cards
>>> [r.card for r in stress_test(pkg, default_cards())][:2]
['nuclear_blackmail', 'new_administration']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from debate.scoring.assess import Assessment, assess, label
from debate.scoring.evaluate import evaluate, scores
from debate.scoring.explain import reasons
from debate.scoring.index import deterrence_index, resolve_weights
from debate.scoring.package import Package
from debate.scoring.results import CriterionScore, Scorecard, StressResult
from debate.vocabulary.criteria import CRITERION_IDS, CRITERION_NAMES

if TYPE_CHECKING:
    # Imported by stress_test itself: scoring alone needs no card model (`debate score`).
    from debate.scoring.stress import CardMatcher
    from debate.vocabulary.cards import StressCard

__all__ = ["score", "stress_test"]


def score(
    package: Package,
    weights: Mapping[str, float] | None = None,
    factors: Sequence[float] | None = None,
) -> Scorecard:
    """Rate a package on every criterion, with reasons, and its Deterrence Index.

    ``weights`` overrides criterion weights (a motion's); ``factors[i]`` multiplies commitment
    ``i``'s contribution (1.0 by default; the game passes 0.5 for a commitment discounted by
    a lost challenge, 0 voids it).
    """
    w = resolve_weights(weights)
    f = _factors(package, factors)
    assessment = _assessment(package)
    results = evaluate(assessment, f, explain=True)
    criteria = []
    labels: dict[tuple[int, ...], str] = {}
    for cid in CRITERION_IDS:
        value = _clamp(results[cid].score)
        lines = reasons(package, results[cid].lines, value, labels)
        criteria.append(CriterionScore(cid, CRITERION_NAMES[cid], value, lines))
    index, why = deterrence_index({c.id: c.score for c in criteria}, w, explain=True)
    return Scorecard(package.title, index, tuple(criteria), why)


def stress_test(
    package: Package,
    cards: Sequence[StressCard],
    weights: Mapping[str, float] | None = None,
    factors: Sequence[float] | None = None,
) -> tuple[StressResult, ...]:
    """Apply each card to the package on its own and recompute the index.

    Each result lists the commitments the card defeated, one line each with the reason.
    """
    from debate.scoring.stress import CardMatcher

    w = resolve_weights(weights)
    f = _factors(package, factors)
    assessment = _assessment(package)
    matcher = CardMatcher(package, f)
    labels: dict[int, str] = {}
    return tuple(_apply_card(assessment, matcher, card, w, f, labels) for card in cards)


def _apply_card(
    assessment: Assessment,
    matcher: CardMatcher,
    card: StressCard,
    weights: Mapping[str, float],
    factors: list[float],
    labels: dict[int, str],
) -> StressResult:
    """One card on its own. A card whose precondition fails changes nothing; a card scoped
    to ``each_guarantor`` is tried on each guarantor in turn and the worst case is reported
    (the guarantor whose change of government hurts most)."""
    from debate.scoring.stress import applies

    if not applies(card, assessment.package):
        index = base(assessment, factors, weights)
        return StressResult(card.id, f"{card.name} (does not apply)", index, ())
    hits = matcher.effects(card)
    if card.scope == "package":
        if not hits:  # nothing defeated: the index is the package's own
            return StressResult(card.id, card.name, base(assessment, factors, weights), ())
        index = _index(assessment, _stressed(factors, hits), weights)
        return _result(assessment.package, card, index, hits, labels, None)
    return _worst_guarantor(assessment, matcher, card, hits, weights, factors, labels)


def _worst_guarantor(
    assessment: Assessment,
    matcher: CardMatcher,
    card: StressCard,
    hits: list[tuple[int, float, str]],
    weights: Mapping[str, float],
    factors: list[float],
    labels: dict[int, str],
) -> StressResult:
    """A card scoped to ``each_guarantor``: its share on each guarantor in turn, the lowest
    index reported (the first guarantor in package order on a tie). Only that one's lines
    are written out."""
    package = assessment.package
    mine: dict[str, list[tuple[int, float, str]]] = {}
    for hit in hits:
        mine.setdefault(package.commitments[hit[0]].by, []).append(hit)
    worst: tuple[float, str] | None = None
    for party in matcher.guarantors:
        own = mine.get(party)
        if not own:
            continue
        index = _index(assessment, _stressed(factors, own), weights)
        if worst is None or index < worst[0]:
            worst = (index, party)
    if worst is None:
        return StressResult(card.id, card.name, base(assessment, factors, weights), ())
    index, party = worst
    return _result(package, card, index, mine[party], labels, party)


def _stressed(factors: list[float], effects: list[tuple[int, float, str]]) -> list[float]:
    """The factors once ``effects`` (index, share kept, reason) have hit the package."""
    stressed = list(factors)
    for idx, kept, _ in effects:
        stressed[idx] = factors[idx] * kept
    return stressed


def _result(
    package: Package,
    card: StressCard,
    index: float,
    effects: list[tuple[int, float, str]],
    labels: dict[int, str],
    only: str | None,
) -> StressResult:
    """A card's result with one line per defeated commitment (``only``: the guarantor hit)."""
    defeated = []
    for idx, kept, reason in effects:
        outcome = "voided" if kept == 0 else f"kept at {kept:.0%}"
        name = labels.get(idx)
        if name is None:
            name = labels[idx] = label(package, idx)
        defeated.append(f"{name}: {outcome}: {reason}")
    name = card.name if only is None else f"{card.name} in {package.party(only).name}"
    return StressResult(card.id, name, index, tuple(defeated))


def _index(assessment: Assessment, factors: list[float], weights: Mapping[str, float]) -> float:
    index, _ = deterrence_index(scores(assessment, assessment.effective(factors)), weights)
    return index


def base(assessment: Assessment, factors: list[float], weights: Mapping[str, float]) -> float:
    """The index before any card (computed once per package, factors and weights)."""
    key = (tuple(factors), tuple(sorted(weights.items())))
    got = assessment.unstressed.get(key)
    if got is None:
        got = assessment.unstressed[key] = _index(assessment, factors, weights)
    return got


# The last package read, kept by identity: `debate score --stress` and the debrief score a
# package and then stress-test the same object, which need not be read twice. A package is
# frozen, and holding it here keeps its id from being reused.
_last_read: tuple[Package, Assessment] | None = None


def _assessment(package: Package) -> Assessment:
    global _last_read
    cached = _last_read
    if cached is not None and cached[0] is package:
        return cached[1]
    assessment = assess(package)
    _last_read = (package, assessment)
    return assessment


def _factors(package: Package, factors: Sequence[float] | None) -> list[float]:
    n = len(package.commitments)
    if factors is None:
        return [1.0] * n
    if len(factors) != n:
        raise ValueError(f"{len(factors)} factors for {n} commitments")
    out = [float(x) for x in factors]
    for i, x in enumerate(out):
        if not 0.0 <= x <= 1.0:  # also refuses NaN
            raise ValueError(f"factor {i} must be between 0 and 1, not {x!r}")
    return out


def _clamp(x: float) -> float:
    return 0.0 if x < 0 else 100.0 if x > 100 else x
