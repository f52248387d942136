"""Normal-difficulty games are a real negotiation: over many seeds, with every seat normal,
outcomes vary (some packages signed, some not; weak and strong packages; no role always fully
satisfied), on the main motion within the ranges an instructor can plan a seminar on, and on
every other shipped motion without a degenerate outcome.

Each check plays 100 complete games on one process (about a second per motion)."""

from __future__ import annotations

from pathlib import Path

import pytest

from debate.motions import Motion, load_motion
from debate.scripted import GameResult, default_seats, play_game
from debate.scripted.policies.kremlin import GAIN_WEIGHT, TOLERANCE
from debate.scripted.tournament import summarise

MOTIONS_DIR = Path(__file__).resolve().parents[1] / "motions"
SEEDS = range(100)


def tournament(motion: Motion) -> tuple[list[GameResult], dict[str, object]]:
    seats = default_seats(motion)
    games = [play_game(motion, seats, seed) for seed in SEEDS]
    return games, summarise([g.summary() for g in games], seats)


def never_always_satisfied(games: list[GameResult]) -> dict[str, int]:
    """Per role, in how many games its brief was fully met (100)."""
    return {
        role: sum(g.role_scores[role].objective >= 100.0 for g in games)
        for role in games[0].role_scores
    }


def test_the_main_motion_plays_as_a_negotiation(article_motion: Motion) -> None:
    games, figures = tournament(article_motion)
    rate = figures["agreement_rate"]
    assert 0.15 <= rate <= 0.70, rate  # type: ignore[operator]
    index = figures["deterrence_index"]
    assert index["q3"] - index["q1"] >= 10, index  # type: ignore[index]
    full = never_always_satisfied(games)
    assert all(n < len(games) for n in full.values()), full
    # Every seat's vote depends on the package: each signs some packages and refuses others.
    for role in default_seats(article_motion):
        votes = {g.final.votes[role] for g in games}
        assert votes == {True, False}, role
    # The Kremlin signs when what it gained outweighs the deterrence it faces (its temper
    # for the game sets how much deterrence it lives with, within TOLERANCE).
    low, high = TOLERANCE
    for g in games:
        bar = GAIN_WEIGHT * (100 - g.scorecard.scores()["concessions"])
        if g.final.votes["kremlin"]:
            assert g.deterrence_index <= high + bar, g.seed
        else:
            assert g.deterrence_index > low + bar, g.seed


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(MOTIONS_DIR.glob("*.toml")) if p.stem != "guarantees"],
    ids=lambda p: p.stem,
)
def test_other_shipped_motions_have_no_degenerate_outcome(path: Path) -> None:
    games, figures = tournament(load_motion(path))
    assert 0.0 < figures["agreement_rate"] < 1.0, figures["agreement_rate"]  # type: ignore[operator]
    index = figures["deterrence_index"]
    assert index["q3"] - index["q1"] >= 5, index  # type: ignore[index]
    assert index["max"] - index["min"] >= 30, index  # type: ignore[index]
    full = never_always_satisfied(games)
    assert all(n < len(games) for n in full.values()), full
