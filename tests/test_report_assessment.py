"""Each role's result and the instructor's assessment sheet (CSV, rubric, debrief guide)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli import app
from debate.engine import fold
from debate.report.assessment import CSV_COLUMNS
from debate.report.markdown import render_markdown
from debate.report.sample import sample_events, sample_motion, save_sample
from debate.report.saved import load_debrief
from debate.store import Store, open_store


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, Store, str]]:
    url = str(tmp_path / "sheet.db")
    store = open_store(url)
    sid = save_sample(store)
    store.set_status(sid, "finished")
    yield url, store, sid
    store.close()


def test_the_csv_sheet_has_one_row_per_human_seat(db: tuple[str, Store, str]) -> None:
    url, store, sid = db
    result = CliRunner().invoke(app, ["export", sid, "--format", "csv", "--db", url])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1  # Kyiv is the only human seat; scripted seats are not graded
    row = rows[0]
    end = fold(sample_motion(), sample_events())
    d = load_debrief(store, sid)
    kyiv = d.results["kyiv"]
    assert row["role"] == "Kyiv" and row["player"] == "Olena [red]O[/] <b>K</b>"
    assert int(row["objectives_met"]) == kyiv.met
    assert int(row["objectives_total"]) == len(end.motion.role_by_id["kyiv"].brief.objectives)
    assert int(row["claims_cited"]) == end.points["kyiv"].claims_cited
    made = [c for c in end.challenges.values() if c.challenger == "kyiv"]
    assert int(row["challenges_made"]) == len(made)
    assert row["vote"] == ("accept" if end.votes["kyiv"] else "reject")
    contribution = sum(
        d.trace[k + 1] - d.trace[k] for k, e in enumerate(sample_events()) if e.actor == "kyiv"
    )
    assert float(row["index_contribution"]) == pytest.approx(contribution, abs=0.05)


def test_a_formula_in_a_name_is_kept_as_text(tmp_path: Path) -> None:
    from debate.report.assessment import _cell

    assert _cell("player", "=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("index_contribution", "-3.0") == "-3.0"


def test_the_markdown_has_each_roles_result_a_rubric_and_the_guide(
    db: tuple[str, Store, str],
) -> None:
    _, store, sid = db
    d = load_debrief(store, sid)
    text = render_markdown(d)
    assert "## Results by role" in text
    for role in ("Kyiv", "Kremlin", "Washington"):
        assert f"### {role} (" in text
    kyiv = d.results["kyiv"]
    assert kyiv.headline().startswith(f"Kyiv (Olena [red]O[/] <b>K</b>): {kyiv.met} of ")
    assert "## Assessment sheet (single-point rubric)" in text
    assert "| Concerns | Standard (evidence from the game) | Advanced |" in text
    assert "Answers challenges in time" in text
    assert "## Debrief guide" in text


def test_the_guide_lists_the_motions_questions() -> None:
    from debate.motions import load_motion
    from debate.report.assessment import guide_markdown

    motion = load_motion(Path(__file__).parents[1] / "motions" / "guarantees.toml")
    assert len(motion.debrief_questions) >= 3

    class D:  # the guide reads only the motion
        pass

    d = D()
    d.motion = motion  # type: ignore[attr-defined]
    lines = guide_markdown(d)  # type: ignore[arg-type]
    assert lines[0] == "## Debrief guide" and lines[2].startswith("1. ")


def test_every_export_format_works_in_a_fresh_process(db: tuple[str, Store, str]) -> None:
    """`debate export` loads its own command module only (commands are lazy): every format
    the README lists must be known there, not only after another command was imported."""
    import subprocess
    import sys

    url, _, sid = db
    for fmt in ("json", "md", "html", "csv"):
        done = subprocess.run(
            [sys.executable, "-c", "from debate.cli import main; main()",
             "export", sid, "--format", fmt, "--db", url],
            capture_output=True, text=True, timeout=120,
        )
        assert done.returncode == 0, (fmt, done.stderr)
        assert done.stdout.strip(), fmt
