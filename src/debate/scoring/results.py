"""What the scorer returns: plain frozen records, easy to render and to serialise.

>>> card = Scorecard("Demo", 42.0, (CriterionScore("hybrid", "Hybrid-threat coverage", 20.0,
...                                  ("+20.0 #1 EU: hybrid defence (cyber), treaty",)),))
>>> card.criterion("hybrid").score
20.0
>>> card.to_dict()["criteria"][0]["reasons"]
['+20.0 #1 EU: hybrid defence (cyber), treaty']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class CriterionScore:
    """One criterion's score (0-100) and one reason line per contributing commitment."""

    id: str
    name: str
    score: float
    reasons: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "score": round(self.score, 1),
            "reasons": list(self.reasons),
        }


@dataclass(frozen=True, slots=True)
class StressResult:
    """The index after one stress-test card, with one line per commitment it defeated."""

    card: str
    name: str
    deterrence_index: float
    defeated: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``stress`` entry of ``debate score --json`` (card, index, defeated)."""
        return {
            "card": self.card,
            "deterrence_index": round(self.deterrence_index, 1),
            "defeated": list(self.defeated),
        }


@dataclass(frozen=True, slots=True)
class Scorecard:
    """A package's criteria and its Deterrence Index (0-100).

    ``index_reasons`` explains how the criteria were aggregated (the weakest-link cap).
    """

    title: str
    deterrence_index: float
    criteria: tuple[CriterionScore, ...]
    index_reasons: tuple[str, ...] = ()

    def criterion(self, criterion_id: str) -> CriterionScore:
        """The score of one criterion by id (KeyError if the scorer has no such criterion)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def scores(self) -> dict[str, float]:
        """Criterion id -> score, plus ``deterrence_index``."""
        out = {c.id: c.score for c in self.criteria}
        out["deterrence_index"] = self.deterrence_index
        return out

    def to_dict(self, stress: Sequence[StressResult] = ()) -> dict[str, Any]:
        """The JSON document of ``debate score --json`` (``stress`` empty unless given)."""
        return {
            "title": self.title,
            "deterrence_index": round(self.deterrence_index, 1),
            "criteria": [c.to_dict() for c in self.criteria],
            "stress": [s.to_dict() for s in stress],
        }
