"""`debate score FILE [--json] [--stress] [--motion M]` (issue 3, "CLI")."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner, Result

from debate.cli import app
from debate.scoring import CRITERION_IDS, default_cards

ROOT = Path(__file__).resolve().parents[1]
KOREA = ROOT / "docs" / "cases" / "held_korea_1953.toml"
ENV = {"COLUMNS": "400"}  # wide enough that Rich never wraps a line mid-message


def run(*args: str) -> Result:
    return CliRunner().invoke(app, ["score", *args], env=ENV)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_table_shows_every_criterion_its_reasons_and_the_index() -> None:
    result = run(str(KOREA))
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "Korea 1953-54: armistice, US forces, mutual defence treaty" in out
    assert "Forces in place before aggression" in out and "Freedom from concessions" in out
    assert "+81.3 #1 United States: troops 75,000 standing" in out
    assert "Deterrence Index: 68.7 / 100" in out
    assert "Stress test" not in out


def test_json_is_exactly_one_document_in_the_issues_shape() -> None:
    result = run(str(KOREA), "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert list(doc) == ["title", "deterrence_index", "criteria", "stress"]
    assert doc["stress"] == []
    assert [c["id"] for c in doc["criteria"]] == list(CRITERION_IDS)
    assert all(list(c) == ["id", "name", "score", "reasons"] for c in doc["criteria"])
    assert doc["deterrence_index"] == 68.7


def test_stress_adds_one_row_per_card() -> None:
    doc = json.loads(run(str(KOREA), "--json", "--stress").stdout)
    assert [s["card"] for s in doc["stress"]] == [c.id for c in default_cards()]
    assert all(list(s) == ["card", "deterrence_index", "defeated"] for s in doc["stress"])
    table = flat(run(str(KOREA), "--stress").stdout)
    assert "Stress test" in table
    for card in default_cards():
        assert card.name in table


def test_a_motion_brings_its_weights_and_cards() -> None:
    doc = json.loads(run(str(KOREA), "--json", "--stress", "--motion", "guarantees").stdout)
    from debate.motions import resolve_motion

    motion = resolve_motion("guarantees")
    assert [s["card"] for s in doc["stress"]] == [c.id for c in motion.cards]
    bad = run(str(KOREA), "--motion", "no_such_motion")
    assert bad.exit_code == 2
    assert "no motion with this id or path" in flat(bad.stderr)


def test_a_json_package_file_scores_like_its_toml_twin(tmp_path: Path) -> None:
    from debate.scoring import Package
    from debate.validation import load_file

    twin = tmp_path / "korea.json"
    twin.write_text(json.dumps(load_file(KOREA, Package).model_dump(mode="json")), "utf-8")
    assert json.loads(run(str(twin), "--json").stdout) == json.loads(
        run(str(KOREA), "--json").stdout
    )


def test_an_invalid_file_exits_2_naming_file_field_and_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    us_troops = 'by = "us"\nkind = "troops"'
    text = KOREA.read_text("utf-8").replace(us_troops, us_troops.replace("us", "uk"))
    bad.write_text(text, "utf-8")
    result = run(str(bad), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{bad}: commitments[0].by: unknown party 'uk'" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_missing_or_malformed_files_exit_2(tmp_path: Path) -> None:
    missing = run(str(tmp_path / "none.toml"))
    assert missing.exit_code == 2
    assert "file not found" in flat(missing.stderr)
    broken = tmp_path / "broken.toml"
    broken.write_text('title = "x\n', "utf-8")
    result = run(str(broken))
    assert result.exit_code == 2
    assert "malformed TOML" in flat(result.stderr)
    assert "Traceback" not in result.output


def test_text_from_the_file_is_shown_literally_never_as_markup(tmp_path: Path) -> None:
    odd = tmp_path / "odd.toml"
    odd.write_text(
        KOREA.read_text("utf-8")
        .replace('title = "Korea 1953-54', 'title = "[bold red]Korea[/] 1953-54')
        .replace('name = "United States"', 'name = "[blink]United States"'),
        "utf-8",
    )
    out = flat(run(str(odd)).stdout)
    assert "[bold red]Korea[/] 1953-54" in out
    assert "#1 [blink]United States: troops" in out
