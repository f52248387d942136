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

from debate.scoring.index import deterrence_index, resolve_weights
from debate.scoring.package import Package, Party
from debate.scoring.results import CriterionScore, Scorecard, StressResult
from debate.scoring.scorer import score, stress_test
from debate.scoring.stress import default_cards
from debate.vocabulary.cards import CardEffect, Selector, StressCard
from debate.vocabulary.criteria import CRITERION_IDS, CRITERION_NAMES, DEFAULT_CRITERIA

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
