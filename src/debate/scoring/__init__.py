"""Deterrence scoring: explainable criteria, the Deterrence Index and stress-test cards.

Pure: no I/O beyond reading its own package data, no UI, no database. Read a package file
with ``debate.validation.load_file(path, Package)``, then:

>>> from debate.scoring import Package, score
>>> pkg = Package.model_validate({"title": "Empty", "protected": "p", "aggressor": "a",
...     "parties": [{"id": "p", "name": "P", "tier": "protected_party"},
...                 {"id": "a", "name": "A", "tier": "aggressor"}]})
>>> score(pkg).deterrence_index < 25
True

The game's side (packages built from a GameState, role scores) is in
:mod:`debate.scoring.game`, imported on its own to keep the engine -> scoring order simple.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate.lazy_names import lazy_names

if TYPE_CHECKING:
    from debate.scoring.index import deterrence_index, resolve_weights
    from debate.scoring.package import Package, Party
    from debate.scoring.results import CriterionScore, Scorecard, StressResult
    from debate.scoring.scorer import score, stress_test
    from debate.scoring.stress import default_cards
    from debate.vocabulary.cards import CardEffect, Selector, StressCard
    from debate.vocabulary.criteria import CRITERION_IDS, CRITERION_NAMES, DEFAULT_CRITERIA

# Each name is imported on first use, so that scoring a package does not build the stress
# cards' models (`debate score` without --stress, issue 15).
_HOMES = {
    "deterrence_index": "debate.scoring.index",
    "resolve_weights": "debate.scoring.index",
    "Package": "debate.scoring.package",
    "Party": "debate.scoring.package",
    "CriterionScore": "debate.scoring.results",
    "Scorecard": "debate.scoring.results",
    "StressResult": "debate.scoring.results",
    "score": "debate.scoring.scorer",
    "stress_test": "debate.scoring.scorer",
    "default_cards": "debate.scoring.stress",
    "CardEffect": "debate.vocabulary.cards",
    "Selector": "debate.vocabulary.cards",
    "StressCard": "debate.vocabulary.cards",
    "CRITERION_IDS": "debate.vocabulary.criteria",
    "CRITERION_NAMES": "debate.vocabulary.criteria",
    "DEFAULT_CRITERIA": "debate.vocabulary.criteria",
}

__all__ = [
    "CRITERION_IDS",
    "CRITERION_NAMES",
    "DEFAULT_CRITERIA",
    "CardEffect",
    "CriterionScore",
    "Package",
    "Party",
    "Scorecard",
    "Selector",
    "StressCard",
    "StressResult",
    "default_cards",
    "deterrence_index",
    "resolve_weights",
    "score",
    "stress_test",
]


__getattr__ = lazy_names(__name__, _HOMES)
