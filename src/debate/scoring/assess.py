"""Reading a package into criterion items: the first of the scorer's two steps.

Scoring runs in two steps so stress tests stay cheap:

1. :func:`assess` reads the package once and turns every commitment into *layers*: its
   amount (soldiers, dollars, km; 1 for a pledge) and the weight it counts at, on each
   criterion it bears on, grouped in per-party *stacks* that are summed before any curve.
   Nothing here depends on cards. The readers live in :mod:`debate.scoring.assessors`.
2. :func:`~debate.scoring.evaluate.evaluate` combines the stacks under a list of *factors*
   (1 = counts in full, 0.5 = discounted, 0 = voided) into criterion scores (0-100). A
   stress card only changes factors, so each card costs one pass over the stacks.

Every combination only ever adds non-negative value or multiplies by a factor in [0, 1], and
every layer's weight is monotone in the terms that should matter (a stronger basis, a standing
force rather than a promise, a force no one else can send home...). Summing amounts before the
curves is what makes splitting, merging and reordering lines change nothing. See
``docs/scoring.md`` and ``tests/test_scoring_properties.py``.

>>> from debate.scoring.package import Package
>>> pkg = Package.model_validate({"title": "t", "protected": "p", "aggressor": "a",
...     "parties": [{"id": "p", "name": "P", "tier": "protected_party"},
...                 {"id": "a", "name": "A", "tier": "aggressor"}],
...     "commitments": [{"by": "p", "kind": "recognition", "scope": "de_jure"}]})
>>> from debate.scoring.evaluate import evaluate
>>> scores = evaluate(assess(pkg), [1.0], explain=True)
>>> line = scores["concessions"].lines[1]
>>> scores["concessions"].score, line.points, line.idx, line.note
(50.0, -50.0, (0,), 'a territorial concession (de jure)')
>>> label(pkg, 0)
'#1 P: recognition of annexed land (de jure)'
"""

from __future__ import annotations

from debate.scoring.assessment import Assessment
from debate.scoring.assessors.collector import Collector
from debate.scoring.assessors.sides import read
from debate.scoring.combine import Line
from debate.scoring.package import Package
from debate.scoring.rubric import RUBRIC, Rubric
from debate.vocabulary.commitments import describe

__all__ = ["Assessment", "Line", "assess", "label"]


def assess(package: Package, rubric: Rubric = RUBRIC) -> Assessment:
    """Read every commitment of a package into criterion items (independent of factors)."""
    collector = Collector(package, rubric)
    read(collector)
    return collector.assessment()


def label(package: Package, idx: int) -> str:
    """``#3 United States: troops 60,000 standing, ...`` (plain text, never markup).

    A package built from a game carries its commitment ids, and reasons use them (``c7``), so
    they match the package panel whatever was withdrawn before.
    """
    c = package.commitments[idx]
    return f"{package.commitment_name(idx)} {package.party(c.by).name}: {describe(c)}"
