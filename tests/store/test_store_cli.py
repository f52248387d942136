"""`debate sessions | export | import | delete`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from store_games import SEATS, full_game, motion
from typer.testing import CliRunner, Result

from debate.cli import app
from debate.commands import sessions as sessions_cli
from debate.store import Store, open_store

runner = CliRunner()


def debate(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), input=input, env={"COLUMNS": "250", **(env or {})})


def saved(store: Store, title: str = "Monday seminar", events: int = 15) -> str:
    sid = store.create_session(motion(), SEATS, seed=3, title=title).id
    for seq, event in enumerate(full_game()[:events]):
        store.append(sid, event, seq)
    return sid


def outline(store: Store, session_id: str) -> str:
    """A toy export format, plugged in by the tests."""
    info = store.get(session_id)
    return f"{info.title}: {info.events} events\n"


def test_sessions_lists_a_table_and_json(db_url: str, store: Store) -> None:
    first = saved(store)
    second = saved(store, "Tuesday [red]practice[/]", events=4)
    store.set_status(first, "finished")
    table = debate("sessions", "--db", db_url)
    assert table.exit_code == 0, table.output
    for expected in (
        first,
        second,
        "Monday seminar",
        "Tuesday [red]practice[/]",
        "Sam “the envoy” [bold]O'Neil[/]",
        "finished",
        "tiny",
    ):
        assert expected in table.stdout, expected
    as_json = debate("sessions", "--db", db_url, "--json")
    assert as_json.exit_code == 0
    listed = json.loads(as_json.stdout)
    assert [s["id"] for s in listed] == [first, second]
    assert listed[0]["turns"] == 9 and listed[1]["events"] == 4
    assert listed[0]["seats"][1] == {
        "role": "kremlin",
        "player": "Scripted Kremlin",
        "kind": "scripted",
        "difficulty": "hard",
    }
    only = json.loads(debate("sessions", "--db", db_url, "--json", "--search", "TUESDAY").stdout)
    assert [s["id"] for s in only] == [second]
    finished = debate("sessions", "--db", db_url, "--json", "--status", "finished")
    assert [s["id"] for s in json.loads(finished.stdout)] == [first]


def test_sessions_shows_branches_under_their_parent(db_url: str, store: Store) -> None:
    parent = saved(store, "Parent game")
    saved(store, "Unrelated game")
    branch = store.fork(parent, 6, title="What if Kyiv stood firm").id
    store.fork(branch, 3, title="Second thoughts")
    rows = [line for line in debate("sessions", "--db", db_url).stdout.splitlines()
            if "game" in line or "Kyiv" in line or "thoughts" in line]
    titles = [next(t for t in ("Parent game", "What if Kyiv", "Second thoughts",
                               "Unrelated game") if t in row) for row in rows]
    parent_at = titles.index("Parent game")
    # The branch comes right after its parent, and the branch of the branch right after it.
    assert titles[parent_at + 1 : parent_at + 3] == ["What if Kyiv", "Second thoughts"]
    assert "└ at 6 What if Kyiv stood firm" in rows[parent_at + 1]
    assert "  └ at 3 Second thoughts" in rows[parent_at + 2]


def test_db_given_before_the_command_applies_to_it(db_url: str, store: Store) -> None:
    sid = saved(store)
    listed = debate("--db", db_url, "sessions", "--json")
    assert listed.exit_code == 0, listed.output
    assert [s["id"] for s in json.loads(listed.stdout)] == [sid]


def test_export_to_a_directory_is_bad_input(db_url: str, store: Store, tmp_path: Path) -> None:
    result = debate("export", saved(store), "--db", db_url, "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.output


def test_sessions_on_an_empty_database_and_bad_filters(db_url: str, store: Store) -> None:
    empty = debate("sessions", "--db", db_url)
    assert empty.exit_code == 0 and "no saved sessions" in empty.stderr
    assert json.loads(debate("sessions", "--db", db_url, "--json").stdout) == []
    bad = debate("sessions", "--db", db_url, "--status", "paused")
    assert bad.exit_code == 2 and "unknown status 'paused'" in bad.stderr


def test_export_writes_the_session_document(db_url: str, store: Store, tmp_path: Path) -> None:
    sid = saved(store)
    printed = debate("export", sid, "--db", db_url, "--instructor")
    assert printed.exit_code == 0, printed.output
    assert json.loads(printed.stdout) == store.export_json(sid)
    target = tmp_path / "out" / "game.json"
    target.parent.mkdir()
    written = debate(
        "export", sid, "--format", "json", "-o", str(target), "--db", db_url, "--instructor"
    )
    assert written.exit_code == 0 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == printed.stdout
    assert [p.name for p in target.parent.iterdir()] == ["game.json"]  # no temp file left


def test_export_refuses_unknown_sessions_and_formats(db_url: str, store: Store) -> None:
    sid = saved(store, events=2)
    missing = debate("export", "deadbeef", "--db", db_url)
    assert missing.exit_code == 2 and "no session 'deadbeef'" in missing.stderr
    assert "Traceback" not in missing.output
    pdf = debate("export", sid, "--format", "pdf", "--db", db_url)
    assert pdf.exit_code == 2 and "unknown export format 'pdf' (available: " in pdf.stderr
    assert "json" in pdf.stderr.split("available:")[1]


def test_export_formats_plug_in(
    tmp_path: Path, store: Store, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid = saved(store, title="Plugged", events=3)
    monkeypatch.setitem(sessions_cli.EXPORT_WRITERS, "outline", f"{__name__}:outline")
    sessions_cli.register_export_format("outline2", outline)
    monkeypatch.setitem(sessions_cli.EXPORT_WRITERS, "broken", "debate.no_such_module:write")
    try:
        for fmt in ("outline", "outline2"):
            result = debate("export", sid, "--format", fmt, "--db", db_url, "--instructor")
            assert result.exit_code == 0, result.output
            assert result.stdout == "Plugged: 3 events\n"
        broken = debate("export", sid, "--format", "broken", "--db", db_url)
        assert broken.exit_code == 1 and "not available" in broken.stderr
    finally:
        sessions_cli.EXPORT_WRITERS.pop("outline2", None)


def test_import_stores_a_document_and_reports_its_id(
    db_url: str, store: Store, tmp_path: Path
) -> None:
    sid = saved(store)
    file = tmp_path / "game.json"
    file.write_text(json.dumps(store.export_json(sid)), encoding="utf-8")
    store.delete(sid)
    imported = debate("import", str(file), "--db", db_url)
    assert imported.exit_code == 0, imported.output
    assert f"imported session {sid}" in imported.stdout
    again = debate("import", str(file), "--db", db_url, "--json")
    assert again.exit_code == 0
    info = json.loads(again.stdout)
    assert info["id"] != sid and info["events"] == 15
    piped = debate("import", "-", "--db", db_url, input=file.read_text(encoding="utf-8"))
    assert piped.exit_code == 0 and "is taken in this database" in piped.stdout
    assert len(store.list_sessions()) == 3


def test_import_refuses_a_bad_document_naming_file_and_field(
    db_url: str, store: Store, tmp_path: Path
) -> None:
    sid = saved(store)
    doc = store.export_json(sid)
    doc["events"][3]["actor"] = "washington"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    before = store.list_sessions()
    result = debate("import", str(bad), "--db", db_url)
    assert result.exit_code == 2
    assert f"{bad}: events[3]: the rules refuse this event on replay" in result.stderr
    assert "Traceback" not in result.output
    assert store.list_sessions() == before

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "debate-session",\n "version": }', encoding="utf-8")
    malformed = debate("import", str(broken), "--db", db_url)
    assert malformed.exit_code == 2 and "malformed JSON at line 2" in malformed.stderr
    missing = debate("import", str(tmp_path / "nope.json"), "--db", db_url)
    assert missing.exit_code == 2 and "file not found" in missing.stderr
    assert store.list_sessions() == before
    fresh = tmp_path / "never.db"
    refused = debate("import", str(bad), "--db", str(fresh))
    assert refused.exit_code == 2 and not fresh.exists()  # no database made for nothing


def test_delete_asks_first_unless_told_yes(db_url: str, store: Store) -> None:
    keep, drop = saved(store, "Keep"), saved(store, "Drop", events=2)
    declined = debate("delete", drop, "--db", db_url, input="n\n")
    assert declined.exit_code == 1 and "nothing deleted" in declined.stderr
    assert "Delete session" in declined.stderr and "Drop" in declined.stderr
    no_answer = debate("delete", drop, "--db", db_url, input="")
    assert no_answer.exit_code == 1
    assert {i.id for i in store.list_sessions()} == {keep, drop}
    confirmed = debate("delete", drop, "--db", db_url, input="y\n")
    assert confirmed.exit_code == 0, confirmed.output
    assert [i.id for i in store.list_sessions()] == [keep]
    forced = debate("delete", keep, "--yes", "--db", db_url)
    assert forced.exit_code == 0 and f"deleted session {keep}" in forced.stderr
    assert store.list_sessions() == []
    gone = debate("delete", keep, "--yes", "--db", db_url)
    assert gone.exit_code == 2 and f"no session '{keep}'" in gone.stderr


def test_commands_refuse_a_file_that_is_not_a_debate_database(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n")
    for args in (["sessions"], ["export", "x"], ["delete", "x", "--yes"]):
        result = debate(*args, "--db", str(notes))
        assert result.exit_code == 2, args
        assert "not an SQLite database" in result.stderr and "Traceback" not in result.output
    assert notes.read_text() == "shopping list\n"


def test_commands_read_debate_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    missing = debate("sessions", "--json", env={"DEBATE_DB": str(tmp_path / "env.db")})
    assert missing.exit_code == 2 and "no database at" in missing.stderr  # a typo, not a DB
    assert not (tmp_path / "env.db").exists()
    open_store(str(tmp_path / "env.db")).close()
    result = debate("sessions", "--json", env={"DEBATE_DB": str(tmp_path / "env.db")})
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert (tmp_path / "env.db").is_file() and not (tmp_path / "saves").exists()
