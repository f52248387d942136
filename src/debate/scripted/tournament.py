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
from collections.abc import Mapping, Sequence
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


def summarise(
    games: Sequence[GameSummary],
    seats: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The tournament's figures: index distribution, agreement, roles, failing criteria,
    breaking cards. ``seats`` (role -> difficulty) is echoed into the roles' entries."""
    if not games:
        raise ValueError("no games to summarise")
    n = len(games)
    index = [g.deterrence_index for g in games]
    return {
        "games": n,
        "deterrence_index": _distribution(index),
        "agreement_rate": round(sum(g.agreed for g in games) / n, 3),
        "roles": _roles(games, seats or {}),
        "criteria_failing": _failing(games),
        "stress_breaking": _breaking(games),
    }


def _distribution(values: list[float]) -> dict[str, Any]:
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


def _roles(games: Sequence[GameSummary], seats: Mapping[str, str]) -> list[dict[str, Any]]:
    objective: dict[str, list[float]] = {}
    debate: dict[str, list[float]] = {}
    for g in games:
        for role, value in g.objectives:
            objective.setdefault(role, []).append(value)
        for role, value in g.debate:
            debate.setdefault(role, []).append(value)
    return [
        {
            "role": role,
            "difficulty": seats.get(role),
            "mean_objective": round(statistics.fmean(values), 1),
            "mean_debate_points": round(statistics.fmean(debate.get(role, [0.0])), 1),
        }
        for role, values in objective.items()
    ]


def _failing(games: Sequence[GameSummary]) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for g in games:
        for cid, score in g.criteria:
            counts.setdefault(cid, 0)
            if score < FAILING_BELOW:
                counts[cid] += 1
    ranked = sorted(
        ((c, k) for k, c in counts.items() if c), key=lambda t: -t[0]
    )  # stable: criteria order on ties
    return [
        {
            "id": cid,
            "name": CRITERION_NAMES.get(cid, cid),
            "games": count,
            "rate": round(count / len(games), 3),
        }
        for count, cid in ranked
    ]


def _breaking(games: Sequence[GameSummary]) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    after: dict[str, list[float]] = {}
    for g in games:
        for card, name, value in g.stress:
            names[card] = name
            after.setdefault(card, []).append(value)
            broke = g.deterrence_index - value > BREAK_DROP or value < BREAK_BELOW
            counts[card] = counts.get(card, 0) + int(broke)
    ranked = sorted(((c, k) for k, c in counts.items()), key=lambda t: -t[0])
    return [
        {
            "card": card,
            "name": names[card],
            "games": count,
            "rate": round(count / len(games), 3),
            "mean_index_after": round(statistics.fmean(after[card]), 1),
        }
        for count, card in ranked
    ]
