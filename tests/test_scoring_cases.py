"""The calibration set (docs/cases/): historical guarantee arrangements with known outcomes.

File names say the outcome: ``held_*.toml`` (no renewed aggression) or ``failed_*.toml``.
The index must rank every arrangement that held above every one that failed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from debate.scoring import Package, score
from debate.validation import load_file

CASES = Path(__file__).resolve().parents[1] / "docs" / "cases"
FILES = sorted(CASES.glob("*.toml"))


def outcome(path: Path) -> str:
    return path.stem.split("_", 1)[0]


def test_the_set_has_at_least_six_cases_of_both_outcomes() -> None:
    outcomes = [outcome(p) for p in FILES]
    assert len(FILES) >= 6
    assert set(outcomes) == {"held", "failed"}
    assert outcomes.count("held") >= 3 and outcomes.count("failed") >= 3


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_case_is_a_valid_package_whose_facts_are_sourced(path: Path) -> None:
    package = load_file(path, Package)
    text = path.read_text("utf-8")
    assert re.search(rf"^# OUTCOME: {outcome(path)}\.", text, re.MULTILINE), "outcome line"
    assert "# Sources" in text
    sources = set(re.findall(r"^# \[(\d+)\]", text, re.MULTILINE))
    for i, c in enumerate(package.commitments):
        assert c.note, f"commitments[{i}] has no note"
        cited = set(re.findall(r"\[(\d+)\]", c.note))
        assert cited, f"commitments[{i}] cites no source"
        assert cited <= sources, f"commitments[{i}] cites a source the file does not list"


def test_every_arrangement_that_held_scores_above_every_one_that_failed() -> None:
    index = {p.stem: score(load_file(p, Package)).deterrence_index for p in FILES}
    held = {k: v for k, v in index.items() if k.startswith("held")}
    failed = {k: v for k, v in index.items() if k.startswith("failed")}
    assert min(held.values()) > max(failed.values()), (held, failed)


def test_the_calibration_table_in_the_docs_is_current() -> None:
    doc = (CASES.parent / "scoring.md").read_text("utf-8")
    rows = re.findall(r"^\| (.+?) \| (held|failed) \| (\d+\.\d) \|$", doc, re.MULTILINE)
    by_title = {}
    for path in FILES:
        package = load_file(path, Package)
        by_title[package.title] = (outcome(path), round(score(package).deterrence_index, 1))
    assert len(rows) == len(FILES)
    for title, result, index in rows:
        assert by_title[title.replace('"', "'")] == (result, float(index)), title
