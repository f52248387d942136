"""Scripted lines are data: validated, complete for every voice the policies use, and
paraphrased (no 8-word run of the source article)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from debate.scripted.lines import (
    ROLE_VOICES,
    TIER_VOICE,
    TOPICS,
    load_lines,
    pick_line,
    shipped_lines,
)
from debate.validation import DataError

ROOT = Path(__file__).resolve().parents[1]
# The team's copy of the source article sits beside the repository (shared/reference/).
ARTICLE = ROOT.parent / "shared" / "reference" / "article.txt"
SCRIPTED = ROOT / "src" / "debate" / "scripted"


def _title() -> str:
    """The article's headline (its first '# ' line): citing it is not copying it."""
    lines = ARTICLE.read_text("utf-8").splitlines()
    return next(line[2:] for line in lines if line.startswith("# "))


def test_shipped_lines_load_and_cover_every_voice() -> None:
    lines = shipped_lines().lines
    voices = {line.voice for line in lines}
    assert set(ROLE_VOICES) <= voices
    assert set(TIER_VOICE.values()) <= voices
    for topic in TOPICS:  # the last-resort voice answers every topic
        assert any(line.voice == "any" and line.topic == topic for line in lines), topic
    for voice in ROLE_VOICES:
        for topic in ("opening", "argue"):
            assert pick_line(voice, "superpower", topic, random.Random(0)).voice == voice


def test_lines_fall_back_by_tier_then_to_any() -> None:
    rng = random.Random(0)
    assert pick_line("taiwan", "protected_party", "opening", rng).voice == "protected_party"
    assert pick_line("taiwan", "protected_party", "challenge_nuclear", rng).voice == "any"


def test_pick_line_prefers_the_criterion_asked_for() -> None:
    for seed in range(20):
        line = pick_line("kyiv", "protected_party", "rebut", random.Random(seed), "local_denial")
        assert "local_denial" in line.criteria


@pytest.mark.parametrize(
    ("toml", "path", "message"),
    [
        (
            '[[lines]]\nvoice = "kyiv"\ntopic = "argue"\ntext = "Hello {who}"\n',
            "lines[0].text",
            "unknown placeholder {who}",
        ),
        (
            '[[lines]]\nvoice = "kyiv"\ntopic = "argue"\ntext = "x"\ncriteria = ["morale"]\n',
            "lines[0].criteria",
            "unknown criterion 'morale'",
        ),
        (
            '[[lines]]\nvoice = "ottawa"\ntopic = "argue"\ntext = "x"\n',
            "lines[0].voice",
            "unknown voice 'ottawa'",
        ),
        (
            '[[lines]]\nvoice = "kyiv"\ntopic = "boast"\ntext = "x"\n',
            "lines[0].topic",
            "'boast' is not allowed",
        ),
        (
            '[[lines]]\nvoice = "kyiv"\ntopic = "argue"\ntext = "x"\n',
            "lines",
            "voice 'any' needs a line for topic 'opening'",
        ),
    ],
)
def test_a_bad_lines_file_names_the_field(toml: str, path: str, message: str) -> None:
    with pytest.raises(DataError) as caught:
        load_lines(toml, "bad.toml")
    problems = caught.value.problems
    assert any(
        p.file == "bad.toml" and p.path == path and message in p.message for p in problems
    ), [str(p) for p in problems]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))


def _runs(words: list[str], n: int = 8) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not ARTICLE.exists(), reason="the reference article is not on this machine")
def test_no_scripted_text_copies_eight_words_of_the_article() -> None:
    article = _runs(_words(ARTICLE.read_text("utf-8")))
    title = _words(_title())
    texts = {f"line {i}": line.text for i, line in enumerate(shipped_lines().lines)}
    texts.update({p.name: p.read_text("utf-8") for p in sorted(SCRIPTED.rglob("*.py"))})
    for where, text in texts.items():
        words = _words(text)
        cited = {run for run in _runs(words) if " ".join(run) in " ".join(title)}
        copied = (_runs(words) - cited) & article
        assert not copied, f"{where} copies the article: {' '.join(sorted(copied)[0])}"
