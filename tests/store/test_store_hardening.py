"""Issue 10, store items: half-created files (4), crafted documents (5), hung servers (7),
games left active (8), damaged rows (9), read-only databases (10), NUL (11), and the small
ones of item 12 (strict seeds, export modes, several imports, id prefixes, a missing --db)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import pytest
from store_games import SEATS, full_game, motion
from typer.testing import CliRunner, Result

from debate.cli import app
from debate.engine import Event, Speak
from debate.store import (
    InvalidRequest,
    InvalidSeat,
    NoDatabase,
    Seat,
    Store,
    StoreError,
    StoreUnavailable,
    open_store,
)
from debate.store.convert import motion_snapshot_text

runner = CliRunner()


def debate(*args: str, env: dict[str, str] | None = None) -> Result:
    return runner.invoke(app, list(args), env={"COLUMNS": "250", **(env or {})})


def finished_session(store: Store, title: str = "Monday seminar") -> str:
    sid = store.create_session(motion(), SEATS, seed=3, title=title).id
    events = full_game()
    for seq, event in enumerate(events):
        store.append(sid, event, seq, finish=seq == len(events) - 1)
    return sid


def clean_exit_2(result: Result, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and not _crashed(result)
    for text in expected:
        assert text in result.stderr, (text, result.stderr)


def _crashed(result: Result) -> bool:
    return result.exception is not None and not isinstance(result.exception, SystemExit)


# -- item 4: a 0-byte database file -----------------------------------------------------------


def test_an_empty_file_is_a_new_database_not_a_bricked_one(tmp_path: Path) -> None:
    path = tmp_path / "debate.db"
    path.write_bytes(b"")  # what a kill right after SQLite created the file leaves
    store = open_store(str(path))
    assert store.list_sessions() == []
    finished_session(store)
    store.close()
    assert len(open_store(str(path)).list_sessions()) == 1


def _first_open(path: str) -> int:
    return len(open_store(path).list_sessions())


def test_concurrent_first_opens_all_succeed(tmp_path: Path) -> None:
    paths = [tmp_path / f"race{i}.db" for i in range(3)]
    paths[1].write_bytes(b"")
    with ProcessPoolExecutor(6, mp_context=get_context("fork")) as pool:
        counts = list(pool.map(_first_open, [str(p) for p in paths for _ in range(4)]))
    assert counts == [0] * 12


class _SwitchingCursor:
    """A cursor whose ``PRAGMA journal_mode = WAL`` fails like SQLite's when another
    connection switches the same new database at that moment, ``busy`` times over."""

    def __init__(self, busy: int, code: int = sqlite3.SQLITE_BUSY) -> None:
        self.busy, self.code, self.tries = busy, code, 0

    def execute(self, sql: str) -> None:
        assert sql == "PRAGMA journal_mode = WAL"
        self.tries += 1
        if self.tries <= self.busy:
            error = sqlite3.OperationalError("database is locked")
            error.sqlite_errorcode = self.code
            raise error


def test_switching_a_new_database_to_wal_waits_for_another_switch() -> None:
    # SQLite answers "database is locked" at once here, without its busy timeout: several
    # programs opening one new file together failed about once in 150 tries.
    from debate.store.database import _write_ahead_logging

    cursor = _SwitchingCursor(busy=3)
    _write_ahead_logging(cursor)  # type: ignore[arg-type]
    assert cursor.tries == 4


def test_switching_to_wal_gives_up_after_the_busy_timeout_or_on_other_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from debate.store import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)
    forever = _SwitchingCursor(busy=10**6)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError):
        database._write_ahead_logging(forever)  # type: ignore[arg-type]
    assert forever.tries > 1 and time.monotonic() - started < 5
    other = _SwitchingCursor(busy=1, code=sqlite3.SQLITE_IOERR)
    with pytest.raises(sqlite3.OperationalError):
        database._write_ahead_logging(other)  # type: ignore[arg-type]
    assert other.tries == 1


def _new_file_opened_at(args: tuple[str, float]) -> str:
    """Open ``path`` as the store's connections are opened, at the given moment."""
    from debate.store.database import _sqlite_on_connect

    path, moment = args
    while time.time() < moment:
        pass
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        _sqlite_on_connect(conn, None)
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    except sqlite3.Error as e:
        return repr(e)
    finally:
        conn.close()


def test_many_programs_opening_one_new_file_at_the_same_moment_all_get_wal(
    tmp_path: Path,
) -> None:
    with ProcessPoolExecutor(6, mp_context=get_context("fork")) as pool:
        for round_ in range(40):
            path, moment = str(tmp_path / f"new{round_}.db"), time.time() + 0.1
            assert list(pool.map(_new_file_opened_at, [(path, moment)] * 6)) == ["wal"] * 6


# -- item 5: crafted import documents -----------------------------------------------------------


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    store = open_store(str(tmp_path / "source.db"))
    sid = finished_session(store)
    store.annotate(sid, 2, "Dr Ivanova", "A turning point.")
    doc = store.export_json(sid)
    store.close()
    return doc


def _rehash(doc: dict[str, Any]) -> None:
    doc["motion"]["sha256"] = motion_snapshot_text(doc["motion"]["snapshot"])[1]


def _no_protected_party(doc: dict[str, Any]) -> None:
    for role in doc["motion"]["snapshot"]["roles"]:
        if role["guarantor"]["tier"] == "protected_party":
            role["guarantor"]["tier"] = "middle_power"
    _rehash(doc)


def _unknown_criterion(doc: dict[str, Any]) -> None:
    doc["motion"]["snapshot"]["criteria"].append({"id": "bravado", "weight": 1.0})
    _rehash(doc)


def _event_time(value: str) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        doc["events"][0]["at"] = value

    return mutate


def _set(section: str, key: str, value: Any) -> Any:
    def mutate(doc: dict[str, Any]) -> None:
        doc[section][key] = value

    return mutate


def _nul_speech(doc: dict[str, Any]) -> None:
    speech = next(e for e in doc["events"] if e["action"]["type"] == "speak")
    speech["action"]["text"] = "before\x00after"


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (_no_protected_party, "motion.snapshot.roles"),
        (_unknown_criterion, "motion.snapshot.criteria[0].id"),
        (_event_time("0001-01-01T00:00:00+14:00"), "events[0].at"),
        (_event_time("9999-12-31T23:59:59+00:00"), "events[0].at"),
        (_set("session", "updated", "9999-12-31T23:59:59+00:00"), "session.updated"),
        (_set("session", "seed", True), "session.seed"),
        (_set("session", "title", "\x1b]52;c;aGk=\x07Seminar"), "session.title"),
        (_nul_speech, ".action.text"),
    ],
    ids=["no-protected-party", "unknown-criterion", "year-1-east", "year-9999",
         "updated-9999", "seed-true", "title-escape", "nul"],
)
def test_a_crafted_document_is_refused_with_exit_2_naming_the_field(
    document: dict[str, Any], tmp_path: Path, mutate: Any, field: str
) -> None:
    mutate(document)
    file = tmp_path / "crafted.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    db = tmp_path / "target.db"
    open_store(str(db)).close()
    before = db.read_bytes()
    result = debate("import", str(file), "--db", str(db))
    clean_exit_2(result, str(file), field)
    assert "\x1b" not in result.output
    assert db.read_bytes() == before


def test_an_infinite_weight_in_a_document_is_refused(document: dict[str, Any]) -> None:
    from debate.validation import DataError

    document["motion"]["snapshot"]["criteria"].append({"id": "capability", "weight": float("inf")})
    _rehash(document)
    with pytest.raises(DataError, match="criteria"):
        from debate.store.document import validate_document

        validate_document(document, "doc.json")


# -- item 7: a server that accepts but never answers ----------------------------------------


@pytest.fixture
def silent_server() -> Iterator[int]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])  # and never say a word
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def test_a_silent_server_times_out_and_says_so(
    silent_server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_CONNECT_TIMEOUT", "2")
    url = f"postgresql://postgres@127.0.0.1:{silent_server}/debate"
    started = time.monotonic()
    with pytest.raises(StoreUnavailable, match="timed out connecting"):
        open_store(url)
    result = debate("sessions", "--db", url)
    assert result.exit_code == 1 and "timed out connecting" in result.stderr
    assert time.monotonic() - started < 55  # it gave up: it did not hang


# -- item 8: the last event and the finished status together --------------------------------


def test_the_last_event_marks_the_game_finished_in_the_same_write(store: Store) -> None:
    sid = finished_session(store)
    assert store.get(sid).status == "finished"


def test_the_controller_never_writes_the_status_separately() -> None:
    from store_games import _SCRIPT  # type: ignore[attr-defined]

    from debate.play import GameController

    calls: list[tuple[str, Any]] = []

    class Recorder:
        def create_session(self, *a: Any, **k: Any) -> str:
            return "s1"

        def append(self, sid: Any, event: Event, expected_seq: int, finish: bool = False) -> int:
            calls.append(("append", finish))
            return expected_seq + 1

        def load(self, sid: Any) -> Any:
            raise AssertionError

        def set_status(self, sid: Any, status: str) -> None:
            calls.append(("set_status", status))

    game = GameController.start(Recorder(), motion(), SEATS, seed=3)
    for actor, action, rationale in _SCRIPT:
        game.submit(action, actor, rationale)
    assert game.finished
    assert calls[-1] == ("append", True) and all(name == "append" for name, _ in calls)
    assert [f for _, f in calls].count(True) == 1


def test_an_interrupted_simulate_save_leaves_only_whole_finished_games(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import debate.commands.simulate as simulate
    from debate.store.repository.whole_games import WholeGames

    real = WholeGames.save_whole_games
    batches: list[int] = []

    def flaky(self: Any, *args: Any, **kwargs: Any) -> Any:
        if len(batches) == 1:  # the second batch of games fails to save
            raise StoreUnavailable("the disk is full")
        batches.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(simulate, "SAVE_BATCH", 2)  # games are saved two per transaction
    monkeypatch.setattr(WholeGames, "save_whole_games", flaky)
    db = tmp_path / "sim.db"
    result = debate("simulate", "guarantees", "--games", "6", "--save", "--db", str(db))
    assert result.exit_code == 1 and "disk is full" in result.stderr
    monkeypatch.setattr(WholeGames, "save_whole_games", real)
    saved = open_store(str(db)).list_sessions()
    assert len(saved) == 2
    assert all(s.status == "finished" and s.events > 0 for s in saved)


# -- item 9: damaged rows ---------------------------------------------------------------------


def _damage(path: Path, sql: str, *args: Any) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(sql, args)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE sessions SET created = 'last tuesday' WHERE id = ?",
        "UPDATE seats SET kind = 'robot' WHERE session_id = ?",
    ],
    ids=["created", "seat-kind"],
)
def test_a_damaged_row_is_reported_by_id_and_the_rest_listed(
    tmp_path: Path, damage: str
) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    good, bad = finished_session(store, "Good game"), finished_session(store, "Bad game")
    store.close()
    _damage(path, damage, bad)
    result = debate("sessions", "--db", str(path))
    assert result.exit_code == 1 and not _crashed(result)
    assert good in result.stdout and "Good game" in result.stdout
    assert f"session {bad} is damaged" in result.stderr
    assert [i.id for i in open_store(str(path)).list_sessions()] == [good]


def test_corrupt_event_json_is_a_clean_error_naming_the_event(tmp_path: Path) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    sid = finished_session(store)
    store.close()
    _damage(path, "UPDATE events SET payload = '{broken' WHERE session_id = ? AND seq = 4", sid)
    for fmt in ("json", "md"):
        result = debate("export", sid, "--db", str(path), "--format", fmt)
        assert result.exit_code == 1 and not _crashed(result), result.output
        assert "event 4" in result.stderr


def test_a_far_future_time_does_not_break_the_listing_east_of_utc(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    sid = finished_session(store)
    store.close()
    _damage(path, "UPDATE sessions SET updated = '9999-12-31 23:59:59.000000' WHERE id = ?", sid)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        result = debate("sessions", "--db", str(path))
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert result.exit_code == 0 and sid in result.stdout, result.output


# -- item 10: read-only databases ---------------------------------------------------------------


def test_reading_commands_open_read_only_and_change_nothing(tmp_path: Path) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    sid = finished_session(store)
    store.close()
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for args in (["sessions"], ["export", sid], ["export", sid, "--format", "html"]):
        result = debate(*args, "--db", str(path))
        assert result.exit_code == 0, result.output
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.suffix == ".db"} == {
        "games.db": before["games.db"]
    }
    readonly = open_store(str(path), readonly=True)
    with pytest.raises(StoreError, match="read-only"):
        readonly.set_title(sid, "renamed")


def test_a_file_nobody_may_write_is_still_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    sid = finished_session(store)
    store.close()
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    real_access = os.access
    # Root may write anything; pretend to be a user who may not.
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if mode & os.W_OK
                        else real_access(p, mode, **k))
    try:
        result = debate("sessions", "--db", str(path), "--json")
        assert result.exit_code == 0, result.output
        assert [s["id"] for s in json.loads(result.stdout)] == [sid]
        from debate.store import dispose_all

        dispose_all()
        anyone = open_store(str(path))  # the lobby and the replay open it the same way
        assert [i.id for i in anyone.list_sessions()] == [sid]
        with pytest.raises(StoreError, match="read-only"):
            anyone.set_title(sid, "renamed")
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


# -- item 11: NUL -------------------------------------------------------------------------------


def test_nul_is_refused_before_it_reaches_either_database(store: Store) -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Speak(text="a\x00b")
    with pytest.raises(InvalidRequest):
        store.create_session(motion(), SEATS, seed=1, title="a\x00b")
    sid = store.create_session(motion(), SEATS, seed=1).id
    sneaky = Event.model_construct(
        seq=0, actor="kyiv", action=Speak.model_construct(text="a\x00b"), rationale=None
    )
    with pytest.raises(InvalidRequest, match="NUL"):
        store.append(sid, sneaky, 0)
    assert store.get(sid).events == 0


# -- item 12: the small ones ------------------------------------------------------------------


def test_export_respects_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "games.db"
    sid = finished_session(open_store(str(path)))
    old = os.umask(0o022)
    try:
        result = debate("export", sid, "--db", str(path), "--format", "html", "-o",
                        str(tmp_path / "report.html"))
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644


def test_import_takes_several_files_and_reports_each(
    document: dict[str, Any], tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps(document), encoding="utf-8")
    bad.write_text("{not json", encoding="utf-8")
    db = tmp_path / "target.db"
    result = debate("import", str(good), str(bad), str(good), "--db", str(db))
    assert result.exit_code == 2, result.output
    assert result.stdout.count("imported session") == 2 and str(bad) in result.stderr
    assert len(open_store(str(db)).list_sessions()) == 2


def test_ids_accept_a_unique_prefix(document: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "games.db"
    store = open_store(str(path))
    for wanted in ("seminar-a1", "seminar-b2"):
        store.import_json({**document, "session": {**document["session"], "id": wanted}})
    assert store.resolve_id("seminar-a") == "seminar-a1"
    exported = debate("export", "seminar-b", "--db", str(path))
    assert exported.exit_code == 0, exported.output
    assert json.loads(exported.stdout)["session"]["id"] == "seminar-b2"
    ambiguous = debate("export", "semi", "--db", str(path))
    assert ambiguous.exit_code == 2 and "several session ids" in ambiguous.stderr
    assert "seminar-a1, seminar-b2" in ambiguous.stderr
    missing = debate("export", "zzzz", "--db", str(path))
    assert missing.exit_code == 2 and "no session 'zzzz'" in missing.stderr
    wildcard = debate("export", "%", "--db", str(path))  # LIKE wildcards are literal
    assert wildcard.exit_code == 2


def test_a_missing_db_is_created_only_by_commands_that_write(
    document: dict[str, Any], tmp_path: Path
) -> None:
    typo = tmp_path / "typo.db"
    for args in (["sessions"], ["export", "abc"], ["delete", "abc", "--yes"]):
        result = debate(*args, "--db", str(typo))
        assert result.exit_code == 2 and f"no database at {typo}" in result.stderr, args
        assert not typo.exists()
    with pytest.raises(NoDatabase):
        open_store(str(typo), create=False)
    file = tmp_path / "doc.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    assert debate("import", str(file), "--db", str(typo)).exit_code == 0
    assert typo.is_file()


def test_the_default_database_is_named_in_help_and_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from debate.paths import default_db_path

    listed = debate("sessions")
    assert listed.exit_code == 0 and str(default_db_path()) in listed.stderr.replace("\n", "")
    assert "debate.db" in debate("--help").stdout


# -- item 1 on the command line: sessions, exports -----------------------------------------


def test_sessions_and_every_export_make_escape_sequences_visible(tmp_path: Path) -> None:
    osc52 = "\x1b]52;c;aGVsbG8=\x07"
    path = tmp_path / "games.db"
    store = open_store(str(path))
    sid = store.create_session(motion(), SEATS, seed=3, title="Seminar").id
    speech = Event(seq=0, actor="kyiv", action=Speak(text=f"Hear {osc52} me \u202eout\x9b2J"))
    store.append(sid, speech, 0)
    store.annotate(sid, 0, "Dr Ivanova", f"note {osc52}")
    store.close()
    _damage(path, "UPDATE sessions SET title = ? WHERE id = ?", f"Seminar {osc52}", sid)
    outputs = [debate("sessions", "--db", str(path))]
    for fmt in ("md", "html", "json"):
        outputs.append(
            debate("export", sid, "--db", str(path), "--format", fmt, "--instructor")
        )
    for result in outputs:
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in ("\x1b", "\x07", "\x9b", "\u202e"))
    assert "␛]52;c;aGVsbG8=␇" in outputs[0].stdout and "52;c;aGVsbG8=␇" in outputs[1].stdout
    assert "␛]52" in outputs[2].stdout
    assert json.loads(outputs[3].stdout)["events"][0]["action"]["text"].startswith(
        f"Hear {osc52}"
    )  # the JSON document keeps the data, escaped


def test_an_id_of_a_megabyte_is_not_echoed_back(tmp_path: Path) -> None:
    path = tmp_path / "games.db"
    open_store(str(path)).close()
    result = debate("export", "\x1b[2J" + "a" * 1_000_000, "--db", str(path))
    assert result.exit_code == 2 and len(result.stderr) < 3000
    assert "\x1b" not in result.stderr and "no session" in result.stderr


def test_a_game_left_active_behind_its_last_event_loads_as_finished(store: Store) -> None:
    sid = finished_session(store)
    store.set_status(sid, "active")  # what a kill between two writes used to leave
    assert store.load(sid).info.status == "finished"


def test_a_typed_backslash_u0000_is_text_not_a_nul(tmp_path: Path) -> None:
    """Only a real NUL is refused: the six characters \\u0000 typed by a player are text."""
    store = open_store(str(tmp_path / "games.db"))
    sid = store.create_session(motion(), SEATS, seed=3).id
    typed = Event(seq=0, actor="kyiv", action=Speak(text="escape sequences like \\u0000"))
    store.append(sid, typed, 0)
    assert store.load(sid).events[0].action.text == "escape sequences like \\u0000"
    store.close()


# -- seats: checked when made, with no pydantic (issue 15) ------------------------------------
@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (("", "A"), "role: 1 to 40 characters, not 0"),
        (("k" * 41, "A"), "role: 1 to 40 characters, not 41"),
        (("kyiv", ""), "player: 1 to 80 characters, not 0"),
        (("kyiv", "x" * 81), "player: 1 to 80 characters, not 81"),
        (("kyiv", "A", "robot"), "kind: one of human, scripted, not 'robot'"),
        (("kyiv", "A", ["human"]), "kind: one of human, scripted"),
        (("kyiv", "A", "scripted", "d" * 41), "difficulty: at most 40 characters, not 41"),
        ((7, "A"), "role: a string, not int"),
        (("kyiv", None), "player: a string, not NoneType"),
        (("kyiv", "A", "scripted", 3), "difficulty: a string or None, not int"),
        (("kyiv", "A", "\u202e"), "kind: one of human, scripted, not '\\u202e'"),
        (("kyiv", "A\udcff"), "player: U+DCFF is not valid Unicode text"),
        (("\ud800", "A"), "role: U+D800 is not valid Unicode text"),
        (("kyiv", "A", "scripted", "x\udfff"), "difficulty: U+DFFF is not valid Unicode text"),
    ],
)
def test_a_seat_with_a_bad_value_is_refused_when_made(args: tuple, problem: str) -> None:
    with pytest.raises(InvalidSeat) as refused:
        Seat(*args)
    assert problem in str(refused.value)
    assert "\u202e" not in str(refused.value)  # a control or bidi character is shown, not obeyed


def test_seats_at_their_limits_are_made_and_compare_by_value() -> None:
    longest = Seat("k" * 40, "p" * 80, "scripted", "d" * 40)
    assert longest == Seat("k" * 40, "p" * 80, "scripted", "d" * 40)
    assert hash(Seat("kyiv", "A")) == hash(Seat("kyiv", "A", "human", None))
    with pytest.raises(AttributeError):
        longest.player = "other"  # type: ignore[misc]


def test_the_store_package_loads_without_pydantic() -> None:
    # A pydantic record in the store built its validator at import, and the first validator
    # loads pydantic's schema builder and looks up plugins: before `debate play`'s table.
    code = "import sys, debate.store; print(sorted(m for m in sys.modules if 'pydantic' in m))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
