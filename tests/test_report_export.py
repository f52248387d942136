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
from debate.report.debrief import build_debrief
from debate.report.exports import render_export
from debate.report.html import render_html
from debate.report.markdown import render_markdown
from debate.report.sample import MARKUP_SPEECH, sample_events, sample_motion, save_sample
from debate.report.saved import load_debrief, load_record
from debate.scoring.game import score_state, stress_state
from debate.store import CorruptSession, Store, open_store

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


def test_the_debrief_folds_once_and_equals_folding_again(
    db: tuple[str, Store, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_debrief's fold is also the store's check that the log replays: the debrief is
    the one loading (a fold) then building (another) gives, status included."""
    from debate.engine import rules

    _, store, sid = db
    applied = {"n": 0}
    execute = rules._execute

    def counting(state: object, event: object) -> None:
        applied["n"] += 1
        execute(state, event)  # type: ignore[arg-type]

    monkeypatch.setattr(rules, "_execute", counting)
    twice = build_debrief(load_record(store, sid))
    folded_twice = applied["n"]
    applied["n"] = 0
    once = load_debrief(store, sid)
    assert folded_twice - applied["n"] == len(sample_events())  # one whole fold fewer
    assert once == twice
    assert render_markdown(once) == render_markdown(twice)
    assert render_html(once) == render_html(twice)
    # Saved without `finish`, the row says active; the events say the game is over.
    assert store.get(sid).status == "active" and once.status == "finished"


def test_a_debrief_of_a_log_that_does_not_replay_is_refused_as_the_store_refuses_it(
    db: tuple[str, Store, str],
) -> None:
    from sqlalchemy import text

    url, store, sid = db
    bad = sample_events()[3].model_copy(update={"actor": "atlantis"})
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE events SET payload = :p WHERE session_id = :s AND seq = 3"),
            {"p": bad.model_dump_json(), "s": sid},
        )
    with pytest.raises(CorruptSession) as loading:
        store.load(sid)
    with pytest.raises(CorruptSession) as debriefing:
        load_debrief(store, sid)
    assert debriefing.value.message == loading.value.message
    code, out, errors = run("export", sid, "--format", "md", "--db", url, "--instructor")
    assert code == 1 and out == "" and "does not replay" in errors and "Traceback" not in errors


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


def test_the_collector_is_paused_only_while_the_export_is_built(
    db: tuple[str, Store, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from debate.report import exports

    url, _, sid = db
    seen = []
    markdown = exports.markdown_export

    def watched(store: Store, session_id: str) -> str:
        seen.append(gc.isenabled())
        return markdown(store, session_id)

    monkeypatch.setattr(exports, "markdown_export", watched)
    assert gc.isenabled()
    code, _, errors = run("export", sid, "--format", "md", "--db", url, "--instructor")
    assert code == 0, errors
    assert seen == [False] and gc.isenabled()


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
