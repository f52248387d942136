"""Issue 10: hostile text on the command line (item 1), impossible numbers (items 2 and 3),
hostile files (item 6) and the small ones of item 12 that concern files and messages.
Every reproducer here failed before the fix."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from debate.cli import app
from debate.play.forms import check_commitment
from debate.validation import DataError, parse_json, parse_toml

ROOT = Path(__file__).resolve().parents[1]
GUARANTEES = ROOT / "motions" / "guarantees.toml"
BUDAPEST = ROOT / "docs" / "cases" / "failed_budapest_1994.toml"
OSC52 = "\x1b]52;c;aGVsbG8=\x07"
runner = CliRunner()


def debate(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "200"})


def raw(text: str) -> bool:
    """Whether ``text`` holds a character a terminal would obey (ESC, BEL, C1, bidi)."""
    return any(c in text for c in ("\x1b", "\x07", "\x9b", "\u202e"))


def motion_file(tmp_path: Path, old: str, new: str, name: str = "m.toml") -> Path:
    text = GUARANTEES.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# -- item 1: hostile text on the command line ---------------------------------------------


def test_motions_show_and_list_make_escape_sequences_visible(tmp_path: Path) -> None:
    path = motion_file(tmp_path, "Peace talks dwell", "Peace \\u001b]52;c;aGk=\\u0007 talks dwell")
    shown = debate("motions", "show", str(path))
    assert shown.exit_code == 0, shown.output
    assert not raw(shown.output) and "␛]52;c;aGk=␇" in shown.output
    listed = debate("motions", "list", "--dir", str(tmp_path))
    assert listed.exit_code == 0 and not raw(listed.output)


def test_emoji_codes_in_file_text_are_shown_as_typed(tmp_path: Path) -> None:
    package = tmp_path / "p.toml"
    package.write_text(BUDAPEST.read_text("utf-8").replace('title = "', 'title = ":fire: ', 1),
                       "utf-8")
    scored = debate("score", str(package))
    assert scored.exit_code == 0, scored.output
    assert ":fire: " in scored.output and "\U0001f525" not in scored.output


def test_a_motion_title_with_a_control_character_is_refused_naming_the_field(
    tmp_path: Path,
) -> None:
    path = motion_file(tmp_path, 'title = "Ukraine can', 'title = "\\u001b[2JUkraine can')
    checked = debate("motions", "check", str(path))
    assert checked.exit_code == 2
    assert f"{path}: title: control character U+001B" in checked.stderr
    assert not raw(checked.output)


def test_score_shows_a_hostile_package_title_and_note_neutralised(tmp_path: Path) -> None:
    text = BUDAPEST.read_text(encoding="utf-8")
    text = text.replace('title = "Ukraine 1994', 'title = "\\u001b]0;pwned\\u0007Ukraine 1994')
    text = text.replace('note = "seek Security', 'note = "\\u009b2J\\u202eseek Security')
    path = tmp_path / "package.toml"
    path.write_text(text, encoding="utf-8")
    result = debate("score", str(path), "--stress")
    assert result.exit_code == 0, result.output
    assert not raw(result.output) and "␛]0;pwned␇" in result.output
    as_json = debate("score", str(path), "--json")
    assert as_json.exit_code == 0 and not raw(as_json.stdout)
    assert "\\u001b]0;pwned" in as_json.stdout  # the same data, escaped


# -- items 2 and 3: impossible numbers ----------------------------------------------------


@pytest.mark.parametrize("typed", ["inf", "-inf", "nan", "1e309", "Infinity"])
def test_a_form_refuses_a_money_figure_that_is_not_finite(typed: str) -> None:
    commitment, errors = check_commitment(
        "funding", "washington", {"usd_bn_per_year": typed, "years": "5", "basis": "statute"}
    )
    assert commitment is None and "usd_bn_per_year" in errors


def test_a_form_refuses_a_400_digit_troop_size_before_converting_it() -> None:
    commitment, errors = check_commitment(
        "troops", "washington", {"size": "9" * 400, "basis": "statute", "timing": "standing"}
    )
    assert commitment is None and "too large" in errors["size"]


def test_the_commitment_models_refuse_non_finite_and_huge_numbers() -> None:
    from pydantic import ValidationError

    from debate.vocabulary.commitments import parse_commitment

    for data in (
        {"by": "us", "kind": "funding", "usd_bn_per_year": math.inf, "basis": "statute"},
        {"by": "us", "kind": "troops", "size": 10**400, "basis": "statute"},
    ):
        with pytest.raises(ValidationError):
            parse_commitment(data)


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("weight = 3.0", "weight = inf", "criteria[0].weight"),
        ("weight = 3.0", "weight = nan", "criteria[0].weight"),
        ("weight = 3.0", "weight = 1e300", "criteria[0].weight"),
        ("rounds = 1", "rounds = 99999999999999999999", "phases[0].rounds"),
        ("rounds = 1", "rounds = true", "phases[0].rounds"),  # strict: true is not 1
    ],
)
def test_a_motion_with_an_impossible_number_is_refused(
    tmp_path: Path, old: str, new: str, field: str
) -> None:
    path = motion_file(tmp_path, old, new)
    result = debate("motions", "check", str(path))
    assert result.exit_code == 2 and f"{path}: {field}:" in result.stderr, result.output
    simulated = debate("simulate", str(path), "--games", "1", "--json")
    assert simulated.exit_code == 2 and "NaN" not in simulated.stdout


@pytest.mark.parametrize("value", ["inf", "nan", "-inf"])
def test_a_package_with_a_non_finite_figure_is_refused(tmp_path: Path, value: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(
        BUDAPEST.read_text(encoding="utf-8")
        + f'\n[[commitments]]\nby = "us"\nkind = "funding"\nusd_bn_per_year = {value}\n'
        'basis = "statute"\n',
        encoding="utf-8",
    )
    result = debate("score", str(path), "--json")
    assert result.exit_code == 2 and "usd_bn_per_year" in result.stderr
    assert "not a finite number" in result.stderr and result.stdout == ""


def test_json_input_refuses_infinity_nan_and_1e309() -> None:
    for text in ('{"x": Infinity}', '{"x": NaN}', '{"x": 1e309}', '{"x": -Infinity}'):
        with pytest.raises(DataError) as refused:
            parse_json(text, "doc.json")
        assert "doc.json" in str(refused.value)


def test_json_output_is_never_nan(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from debate.commands.common import print_json

    with pytest.raises(typer.Exit) as exited:
        print_json({"index": math.nan})
    assert exited.value.exit_code == 1
    assert "NaN" not in capsys.readouterr().out


# -- item 6: hostile files ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000, "9" * 5000],
    ids=["deep-list", "deep-object", "5000-digits"],
)
def test_json_beyond_the_parsers_limits_is_bad_input(text: str) -> None:
    with pytest.raises(DataError) as refused:
        parse_json(text, "deep.json")
    assert str(refused.value).startswith("deep.json: ")


def test_toml_beyond_the_parsers_limits_is_bad_input() -> None:
    for text in ("x = " + "[" * 100_000 + "]" * 100_000, "x = " + "9" * 5000):
        with pytest.raises(DataError) as refused:
            parse_toml(text, "deep.toml")
        assert str(refused.value).startswith("deep.toml: ")


@pytest.mark.parametrize("command", ["score", "motions check", "import"])
def test_deep_nesting_gives_exit_2_naming_the_file(tmp_path: Path, command: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"a":' * 50_000 + "1" + "}" * 50_000, encoding="utf-8")
    result = debate(*command.split(), str(path))
    assert result.exit_code == 2 and str(path) in result.stderr
    assert "Traceback" not in result.output and not isinstance(result.exception, RecursionError)


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The whole command line in a child process (a hang fails by timeout, not forever)."""
    return subprocess.run(
        [sys.executable, "-c", "from debate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("command", ["score", "motions check", "import", "motions show"])
def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "input.toml"
    os.mkfifo(fifo)
    result = _cli(*command.split(), str(fifo))
    assert result.returncode == 2, result.stderr
    assert str(fifo) in result.stderr and "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "package.toml"
    link.symlink_to("/dev/zero")
    result = _cli("score", str(link))
    assert result.returncode == 2 and "not a regular file" in result.stderr


@pytest.mark.parametrize("target", ["fifo", "zero"])
def test_a_db_that_is_a_fifo_or_a_device_is_refused(tmp_path: Path, target: str) -> None:
    path = tmp_path / "games.db"
    if target == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    result = _cli("sessions", "--db", str(path))
    assert result.returncode == 2 and "not a regular file" in result.stderr, result.stderr


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    from debate import validation

    path = tmp_path / "big.json"
    path.write_text(json.dumps({"pad": "x" * 5000}), encoding="utf-8")
    with pytest.raises(DataError, match="too large"):
        validation.read_text(path, limit=1000)


# -- item 12: messages that echo a bad value ------------------------------------------------


def test_a_bad_value_is_quoted_short_and_escaped(tmp_path: Path) -> None:
    huge = "\\u001b" + "x" * 1_000_000
    path = motion_file(tmp_path, 'agreement = "unanimous"', f'agreement = "{huge}"')
    result = debate("motions", "check", str(path))
    assert result.exit_code == 2 and "agreement" in result.stderr
    assert len(result.stderr) < 2000 and not raw(result.stderr)
