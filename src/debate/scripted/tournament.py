"""Figures of a bot tournament: what ``debate simulate`` prints (and its ``--json``).

Pure: from the games' summaries to one JSON-ready dictionary.

>>> from debate.scripted.runner import GameSummary
>>> games = [GameSummary(s, di, di > 50, (("hybrid", 30.0),), (("kyiv", 60.0),),
...                      (("kyiv", 2.0),), (("new_administration", "New administration", di - 25),))
...          for s, di in enumerate([20.0, 40.0, 60.0, 80.0])]
>>> figures = summarise(games)
>>> figures["deterrence_index"]["mean"], figures["agreement_rate"]
(50.0, 0.5)
>>> figures["criteria_failing"][0]["id"], figures["criteria_failing"][0]["rate"]
('hybrid', 1.0)
>>> figures["stress_breaking"][0]["games"]
4
"""

from __future__ import annotations

import statistics
from array import array
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from debate.scripted.runner import GameSummary
from debate.vocabulary.criteria import CRITERION_NAMES

#: A criterion "fails" in a game when it scores below this.
FAILING_BELOW = 40.0
#: A stress card "breaks" the package when the index drops by more than this...
BREAK_DROP = 20.0
#: ...or ends below this.
BREAK_BELOW = 40.0
#: Histogram bins of the final index: [0, 10), [10, 20), ... [90, 100].
BIN_WIDTH = 10


class Tally:
    """A tournament's figures gathered one game at a time: a few numbers per game are kept
    (packed doubles, about a hundred bytes a game) instead of the games' summaries, so that
    the memory of a long ``debate simulate`` stays flat. :meth:`figures` gives exactly what
    :func:`summarise` gives for the same games."""

    def __init__(self) -> None:
        self.games = 0
        self.agreed = 0
        self.index = array("d")
        self.objective: dict[str, array[float]] = {}
        self.debate: dict[str, array[float]] = {}
        self.failing: dict[str, int] = {}  # criterion -> games it failed (in first-seen order)
        self.broke: dict[str, int] = {}  # card -> games it broke the package
        self.card_names: dict[str, str] = {}
        self.after: dict[str, array[float]] = {}  # card -> index after it, game by game

    def add(self, g: GameSummary) -> None:
        self.games += 1
        self.agreed += bool(g.agreed)
        self.index.append(g.deterrence_index)
        for role, value in g.objectives:
            self.objective.setdefault(role, array("d")).append(value)
        for role, value in g.debate:
            self.debate.setdefault(role, array("d")).append(value)
        for cid, score in g.criteria:
            self.failing[cid] = self.failing.get(cid, 0) + (score < FAILING_BELOW)
        for card, name, value in g.stress:
            self.card_names[card] = name
            self.after.setdefault(card, array("d")).append(value)
            broke = g.deterrence_index - value > BREAK_DROP or value < BREAK_BELOW
            self.broke[card] = self.broke.get(card, 0) + broke

    def figures(self, seats: Mapping[str, str] | None = None) -> dict[str, Any]:
        """The tournament's figures: index distribution, agreement, roles, failing criteria,
        breaking cards. ``seats`` (role -> difficulty) is echoed into the roles' entries."""
        if not self.games:
            raise ValueError("no games to summarise")
        return {
            "games": self.games,
            "deterrence_index": _distribution(self.index),
            "agreement_rate": round(self.agreed / self.games, 3),
            "roles": self._roles(seats or {}),
            "criteria_failing": self._failing(),
            "stress_breaking": self._breaking(),
        }

    def _roles(self, seats: Mapping[str, str]) -> list[dict[str, Any]]:
        return [
            {
                "role": role,
                "difficulty": seats.get(role),
                "mean_objective": round(statistics.fmean(values), 1),
                "mean_debate_points": round(statistics.fmean(self.debate.get(role, [0.0])), 1),
            }
            for role, values in self.objective.items()
        ]

    def _failing(self) -> list[dict[str, Any]]:
        ranked = sorted(
            ((c, k) for k, c in self.failing.items() if c), key=lambda t: -t[0]
        )  # stable: criteria order on ties
        return [
            {
                "id": cid,
                "name": CRITERION_NAMES.get(cid, cid),
                "games": count,
                "rate": round(count / self.games, 3),
            }
            for count, cid in ranked
        ]

    def _breaking(self) -> list[dict[str, Any]]:
        ranked = sorted(((c, k) for k, c in self.broke.items()), key=lambda t: -t[0])
        return [
            {
                "card": card,
                "name": self.card_names[card],
                "games": count,
                "rate": round(count / self.games, 3),
                "mean_index_after": round(statistics.fmean(self.after[card]), 1),
            }
            for count, card in ranked
        ]


def summarise(
    games: Iterable[GameSummary],
    seats: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The tournament's figures (:meth:`Tally.figures`) of ``games``."""
    tally = Tally()
    for g in games:
        tally.add(g)
    return tally.figures(seats)


def _distribution(values: Sequence[float]) -> dict[str, Any]:
    if len(values) > 1:
        q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    else:
        q1 = median = q3 = values[0]
    bins = [0] * (100 // BIN_WIDTH)
    for v in values:
        bins[min(int(v // BIN_WIDTH), len(bins) - 1)] += 1
    return {
        "mean": round(statistics.fmean(values), 1),
        "min": round(min(values), 1),
        "q1": round(q1, 1),
        "median": round(median, 1),
        "q3": round(q3, 1),
        "max": round(max(values), 1),
        "histogram": [
            {"from": i * BIN_WIDTH, "to": (i + 1) * BIN_WIDTH, "count": c}
            for i, c in enumerate(bins)
        ],
    }
