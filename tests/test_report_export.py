"""`debate export ID --format md|html|json`, with the real scorer, on a saved session."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from debate.cli import app
from debate.engine import fold
from debate.report.exports import render_export
from debate.report.sample import MARKUP_SPEECH, sample_events, sample_motion, save_sample
from debate.report.saved import load_debrief
from debate.scoring.game import score_state, stress_state
from debate.store import Store, open_store

NOTE = "Compare with <script>alert('x')</script> and [bold red]this[/]"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[str, Store, str]]:
    url = str(tmp_path / "export.db")
    store = open_store(url)
    sid = save_sample(store, title="Seminar [b]3[/b] <i>A</i>")
    store.annotate(sid, 4, "Prof <X>", NOTE)
    yield url, store, sid
    store.close()


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_debrief_figures_come_from_the_scorer(db: tuple[str, Store, str]) -> None:
    _, store, sid = db
    d = load_debrief(store, sid)
    events = sample_events()
    for k in (0, 5, 11, 20):
        state = fold(sample_motion(), events[:k])
        assert d.trace[k] == pytest.approx(score_state(state).deterrence_index)
    end = fold(sample_motion(), events)
    assert [(c.id, c.score, c.reasons) for c in d.final.card.criteria] == [
        (c.id, c.score, c.reasons) for c in score_state(end).criteria
    ]
    assert [(s.card, s.deterrence_index) for s in d.stress] == [
        (s.card, s.deterrence_index) for s in stress_state(end)
    ]
    assert set(d.final.roles) == {"kyiv", "kremlin", "washington"}
    assert [n.point for n in d.notes] == [5]  # attached to event seq 4, shown under event 5


def test_export_markdown_to_a_file(db: tuple[str, Store, str], tmp_path: Path) -> None:
    url, _, sid = db
    target = tmp_path / "debrief.md"
    code, out, errors = run(
        "export", sid, "--format", "md", "-o", str(target), "--db", url, "--instructor"
    )
    assert code == 0, errors
    assert out == "" and "wrote" in errors
    text = target.read_text(encoding="utf-8")
    for piece in ("## Transcript", "## Stress test", "## Annotations", "Index, event by event"):
        assert piece in text
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert html.escape(MARKUP_SPEECH, quote=False) in rendered.replace("&quot;", '"')
    assert html.escape(NOTE, quote=False) in rendered and "<script" not in rendered
    assert "Seminar [b]3[/b] &lt;i&gt;A&lt;/i&gt;" in rendered


def test_export_html_to_stdout(db: tuple[str, Store, str]) -> None:
    url, _, sid = db
    code, out, errors = run("export", sid, "--format", "html", "--db", url, "--instructor")
    assert code == 0, errors
    assert out.startswith("<!DOCTYPE html>") and out.rstrip().endswith("</html>")
    assert "<script" not in out.lower().replace("&lt;script", "")
    assert html.escape(NOTE) in out and html.escape(MARKUP_SPEECH) in out
    assert "<svg" in out and "http://" not in out.replace("http://www.w3.org/2000/svg", "")


def test_export_json_is_the_store_document(db: tuple[str, Store, str]) -> None:
    url, store, sid = db
    code, out, errors = run("export", sid, "--format", "json", "--db", url, "--instructor")
    assert code == 0, errors
    assert json.loads(out) == store.export_json(sid)
    assert out == render_export(store, sid, "json")  # the replay screen writes the same bytes


def test_export_of_an_unknown_session_or_format_is_bad_input(db: tuple[str, Store, str]) -> None:
    url, _, sid = db
    code, _, errors = run("export", "nope", "--format", "md", "--db", url)
    assert code == 2 and "nope" in errors and "Traceback" not in errors
    code, _, errors = run("export", sid, "--format", "pdf", "--db", url)
    assert code == 2 and "md" in errors and "html" in errors


def test_replay_command_refuses_an_unknown_session(db: tuple[str, Store, str]) -> None:
    url, _, sid = db
    code, _, errors = run("replay", "nope", "--db", url)
    assert code == 2 and "nope" in errors
    code, _, errors = run("replay", sid, "--at", "99", "--db", url, "--instructor")
    assert code == 2 and "0 to 20" in errors


def test_a_game_still_being_played_is_exported_or_replayed_only_by_the_instructor(
    db: tuple[str, Store, str],
) -> None:
    url, store, _ = db
    sid = save_sample(store, title="In play", events=10)  # a game half played
    assert store.load(sid).info.status == "active"
    for command in (("export", sid, "--format", "md"), ("export", sid), ("replay", sid)):
        code, out, errors = run(*command, "--db", url)
        assert code == 2 and out == ""
        assert "still being played" in errors and "private brief" in errors
        assert "--instructor" in errors
