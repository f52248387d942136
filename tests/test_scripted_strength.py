"""The difficulties are measurably different: over 200 seeds against normal opponents on
the main motion, a hard Kyiv ends with a higher mean Deterrence Index than an easy Kyiv,
and a hard Kremlin with a lower one than an easy Kremlin."""

from __future__ import annotations

import math
import statistics

from debate.motions import Motion
from debate.scripted import default_seats, play_game

SEEDS = range(200)


def final_indices(motion: Motion, role: str, difficulty: str) -> list[float]:
    seats = default_seats(motion, {role: difficulty})
    return [play_game(motion, seats, seed).deterrence_index for seed in SEEDS]


def welch_t(a: list[float], b: list[float]) -> float:
    """How many standard errors mean(a) lies above mean(b)."""
    se = math.sqrt(statistics.variance(a) / len(a) + statistics.variance(b) / len(b))
    return (statistics.fmean(a) - statistics.fmean(b)) / (se or 1e-9)


def test_a_hard_kyiv_raises_the_index_more_than_an_easy_kyiv(article_motion: Motion) -> None:
    hard = final_indices(article_motion, "kyiv", "hard")
    easy = final_indices(article_motion, "kyiv", "easy")
    assert statistics.fmean(hard) > statistics.fmean(easy)
    assert welch_t(hard, easy) > 3, (statistics.fmean(hard), statistics.fmean(easy))


def test_a_hard_kremlin_lowers_the_index_more_than_an_easy_kremlin(article_motion: Motion) -> None:
    hard = final_indices(article_motion, "kremlin", "hard")
    easy = final_indices(article_motion, "kremlin", "easy")
    assert statistics.fmean(hard) < statistics.fmean(easy)
    assert welch_t(easy, hard) > 3, (statistics.fmean(hard), statistics.fmean(easy))
