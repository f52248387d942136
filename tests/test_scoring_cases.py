"""The calibration set (docs/cases/): historical guarantee arrangements with known outcomes.

File names say the outcome: ``held_*.toml`` (no renewed aggression) or ``failed_*.toml``.
The index is checked by its AUC over the whole set (the chance that an arrangement that held
scores above one that failed), reported in docs/scoring.md; the first nine cases, the ones the
rubric was first written against, must still rank every held one above every failed one.
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


#: The nine cases the rubric was first calibrated on (the others were added untuned).
FIRST_NINE = {
    "held_korea_1953", "held_japan_1960", "held_taiwan_1955", "held_west_germany_1955",
    "failed_budapest_1994", "failed_georgia_2008", "failed_minsk_2015", "failed_munich_1938",
    "failed_south_vietnam_1973",
}
#: The AUC the set must keep (docs/scoring.md reports the exact figure).
AUC_FLOOR = 0.8


def test_the_set_has_at_least_twenty_nine_cases_of_both_outcomes() -> None:
    outcomes = [outcome(p) for p in FILES]
    assert len(FILES) >= 29
    assert set(outcomes) == {"held", "failed"}
    assert outcomes.count("held") >= 12 and outcomes.count("failed") >= 12
    assert {p.stem for p in FILES} >= FIRST_NINE


def auc(held: list[float], failed: list[float]) -> float:
    """Share of (held, failed) pairs ranked the right way, ties counting half."""
    pairs = [(h > f) + 0.5 * (h == f) for h in held for f in failed]
    return sum(pairs) / len(pairs)


def test_the_index_separates_what_held_from_what_failed_and_the_docs_say_how_well() -> None:
    index = {p.stem: score(load_file(p, Package)).deterrence_index for p in FILES}
    held = [v for k, v in index.items() if k.startswith("held")]
    failed = [v for k, v in index.items() if k.startswith("failed")]
    value = auc(held, failed)
    assert value >= AUC_FLOOR, value
    doc = (CASES.parent / "scoring.md").read_text("utf-8")
    reported = re.search(r"AUC of (\d\.\d\d) over (\d+) cases", doc)
    assert reported, "docs/scoring.md must report the AUC"
    assert (float(reported[1]), int(reported[2])) == (round(value, 2), len(FILES))


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


def test_in_the_first_nine_every_held_arrangement_scores_above_every_failed_one() -> None:
    index = {
        p.stem: score(load_file(p, Package)).deterrence_index
        for p in FILES
        if p.stem in FIRST_NINE
    }
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
