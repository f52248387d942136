"""The example session in saves/examples imports and replays to the figures recorded beside it.

The sidecar (``*.expected.json``) was computed by folding the events and scoring each state
when the example was made (``python -m debate.report.example``). If the scorer changes on
purpose, regenerate the example; if it changes by accident, this test says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from debate.cli import app
from debate.engine import replay
from debate.report.example import expected_figures
from debate.report.saved import load_debrief
from debate.store import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "saves" / "examples"
DOCUMENTS = sorted(p for p in EXAMPLES.glob("*.json") if not p.name.endswith(".expected.json"))


def test_there_is_at_least_one_complete_example() -> None:
    assert DOCUMENTS, "saves/examples/ holds no session document"
    for doc in DOCUMENTS:
        assert doc.with_suffix(".expected.json").is_file(), f"{doc.name} has no sidecar"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.stem)
def test_example_imports_and_replays_to_the_recorded_scores(document: Path, tmp_path: Path) -> None:
    expected = json.loads(document.with_suffix(".expected.json").read_text("utf-8"))
    db = str(tmp_path / "import.db")
    result = CliRunner().invoke(app, ["import", str(document), "--db", db, "--json"])
    assert result.exit_code == 0, result.stderr
    session_id = json.loads(result.stdout)["id"]

    store = open_store(db)
    try:
        loaded = store.load(session_id)
        assert loaded.state.finished and len(loaded.events) == expected["events"]
        assert loaded.annotations, "the example carries instructor notes"
        assert all(e.rationale for e in loaded.events), "scripted moves explain themselves"
        got = expected_figures(loaded.motion, list(loaded.events), loaded.roles)
        assert got["agreed"] == expected["agreed"]
        assert got["deterrence_index"] == pytest.approx(expected["deterrence_index"], abs=1e-9)
        assert got["criteria"] == pytest.approx(expected["criteria"], abs=1e-9)
        assert got["stress"] == pytest.approx(expected["stress"], abs=1e-9)
        assert got["index_trace"] == pytest.approx(expected["index_trace"], abs=1e-9)
        # The debrief an instructor exports reads the same figures.
        debrief = load_debrief(store, session_id)
        final = debrief.final.deterrence_index
        assert final == pytest.approx(expected["deterrence_index"], abs=1e-9)
        assert len(debrief.trace) == expected["events"] + 1
        assert len(replay(loaded.motion, list(loaded.events), loaded.roles)) == len(
            expected["index_trace"]
        )
    finally:
        store.close()
