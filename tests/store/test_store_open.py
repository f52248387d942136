"""Opening databases: where the default lives, SQLite settings, migrations and upgrades,
and files refused without a single byte changed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from store_games import SEATS, full_game, motion
from store_pg import pg_database

from debate.store import (
    SCHEMA_HEAD,
    CorruptDatabase,
    NewerSchema,
    NotADebateDatabase,
    Store,
    StoreUnavailable,
    dispose_all,
    open_store,
)
from debate.store.convert import motion_to_snapshot
from debate.store.database import (
    MIGRATIONS_DIR,
    create_store_engine,
    known_revisions,
    resolve,
)
from debate.store.tables import STORE_METADATA, VERSION_TABLE


@pytest.fixture(autouse=True)
def _no_cached_engines() -> Iterator[None]:
    yield
    dispose_all()


def snapshot_of(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def saved_game(path: Path) -> str:
    """An SQLite debate database holding one finished game; closed cleanly."""
    store = open_store(str(path))
    sid = store.create_session(motion(), SEATS, seed=1).id
    for seq, event in enumerate(full_game()):
        store.append(sid, event, seq)
    store.close()
    assert not path.with_name(path.name + "-wal").exists()
    return sid


# -- where the database is ------------------------------------------------------------------


def test_the_default_database_is_one_per_user_whatever_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DEBATE_DB", raising=False)
    monkeypatch.setenv("DEBATE_DATA_DIR", str(tmp_path / "data"))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    monkeypatch.chdir(first)
    a = open_store()
    monkeypatch.chdir(second)
    b = open_store()
    assert a.where == b.where == str(tmp_path / "data" / "debate.db")
    assert (tmp_path / "data" / "debate.db").is_file()
    assert not (first / "saves").exists() and not (second / "saves").exists()
    assert a.engine is b.engine


def test_without_an_override_the_default_is_in_the_platform_user_data_dir(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from platformdirs import user_data_dir

    from debate.paths import default_db_path

    monkeypatch.delenv("DEBATE_DATA_DIR", raising=False)
    assert default_db_path() == Path(user_data_dir("debate-guarantees", appauthor=False)) / (
        "debate.db"
    )


def test_debate_db_overrides_the_default_and_an_argument_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DEBATE_DB", str(tmp_path / "from_env.db"))
    assert open_store().where == str(tmp_path / "from_env.db")
    assert open_store("given.db").where == str(tmp_path / "given.db")
    assert not (tmp_path / "saves").exists()


def test_one_engine_per_database_whatever_it_is_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "one.db"
    stores = [open_store("one.db"), open_store(str(path)), open_store(f"sqlite:///{path}")]
    assert len({id(s.engine) for s in stores}) == 1
    assert open_store("two.db").engine is not stores[0].engine


def test_importing_the_store_and_the_cli_opens_no_database(tmp_path: Path) -> None:
    code = (
        "import os, debate.cli, debate.store, debate.store.repository, "
        "debate.commands.sessions\n"
        "from debate.store import engines\n"
        "assert not engines._ENGINES, engines._ENGINES\n"
        "assert not os.path.exists('saves')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DEBATE_DB"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_postgresql_urls_get_the_psycopg_driver() -> None:
    assert resolve("postgresql://postgres@127.0.0.1/test").url.drivername == "postgresql+psycopg"
    assert resolve("postgresql+psycopg://u@h/d").url.drivername == "postgresql+psycopg"
    assert resolve("sqlite:////x/y.db").path == Path("/x/y.db")
    assert resolve("sqlite:///x/y.db").path == Path.cwd() / "x" / "y.db"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://postgres@127.0.0.1:1/test", "cannot use"),
        ("nosuchdb://somewhere/x", "no database driver"),
    ],
)
def test_an_unreachable_database_is_a_clear_runtime_error(url: str, message: str) -> None:
    with pytest.raises(StoreUnavailable, match=message) as failed:
        open_store(url)
    assert failed.value.exit_code == 1


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "pragmas.db"))
    with store.engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 10_000,
        "synchronous": 2,
    }


# -- migrations ------------------------------------------------------------------------------


def test_schema_head_is_the_newest_shipped_migration() -> None:
    assert known_revisions() == ["0001", "0002", "0003", "0004"]
    assert known_revisions()[-1] == SCHEMA_HEAD
    assert (MIGRATIONS_DIR / "env.py").is_file()


def test_the_migrations_build_exactly_the_tables_of_the_models(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, STORE_METADATA) == []
        assert (
            conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == SCHEMA_HEAD
        )


def _version_0001_with_a_game(engine: Engine) -> str:
    """Build the schema as revision 0001 left it, holding one game; return its id."""
    snapshot, digest = motion_to_snapshot(motion())
    with engine.connect() as conn, conn.begin():
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        stamp = "2025-08-18 12:00:00"
        conn.execute(
            text("INSERT INTO motion_snapshots VALUES (:d, 'tiny', :s, :t)"),
            {"d": digest, "s": snapshot, "t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO sessions (id, title, motion_id, motion_title, motion_sha256, seed,"
                " status, created, updated, next_seq, turns, last_actor)"
                " VALUES ('old00001', 'Old game', 'tiny', :mt, :d, 5, 'finished', :t, :t,"
                " 15, 9, 'washington')"
            ),
            {"mt": motion().title, "d": digest, "t": stamp},
        )
        for i, seat in enumerate(SEATS):
            conn.execute(
                text("INSERT INTO seats VALUES ('old00001', :r, :i, :p, :k, :d)"),
                {"r": seat.role, "i": i, "p": seat.player, "k": seat.kind, "d": seat.difficulty},
            )
        for event in full_game():
            conn.execute(
                text("INSERT INTO events VALUES ('old00001', :s, :a, :k, :p, :t)"),
                {
                    "s": event.seq,
                    "a": event.actor,
                    "k": event.action.type,
                    "p": event.model_dump_json(),
                    "t": stamp,
                },
            )
    return "old00001"


def _check_upgraded(store: Store, sid: str) -> None:
    loaded = store.load(sid)
    assert list(loaded.events) == full_game()  # rebuilding `sessions` cascaded into nothing
    assert loaded.state.finished and loaded.info.status == "finished"
    store.annotate(sid, 0, "Dr. Kim", "annotations exist from schema 0002 on")
    with pytest.raises(IntegrityError), store.engine.begin() as conn:  # 0002's CHECK
        conn.execute(text("UPDATE sessions SET status = 'paused'"))


def test_an_older_sqlite_database_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = create_store_engine(resolve(str(path)))
    sid = _version_0001_with_a_game(engine)
    engine.dispose()

    store = open_store(str(path))
    assert store.migrated is not None
    assert (store.migrated.from_revision, store.migrated.to_revision) == ("0001", SCHEMA_HEAD)
    backup = store.backup_path
    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith("old.db.v0001-") and backup.suffix == ".bak"
    _check_upgraded(store, sid)
    with sqlite3.connect(backup) as old:  # the backup is the database as it was
        assert old.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall() == [("0001",)]
        assert old.execute("SELECT count(*) FROM events").fetchone() == (15,)
    store.close()
    assert open_store(str(path)).migrated is None  # upgraded once only


@pytest.mark.postgres
def test_an_older_postgresql_database_is_upgraded() -> None:
    with pg_database("debate_test_upgrade") as url:
        engine = create_store_engine(resolve(url))
        sid = _version_0001_with_a_game(engine)
        engine.dispose()
        store = open_store(url)
        assert store.migrated is not None and store.migrated.from_revision == "0001"
        assert store.backup_path is None
        _check_upgraded(store, sid)


# -- refusals ------------------------------------------------------------------------------


def _foreign_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE players (name TEXT)")
        conn.execute("INSERT INTO players VALUES ('someone else')")
    conn.close()


def _corrupted(path: Path) -> None:
    saved_game(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):  # scribble over every page after the 2nd
        data[start + 8 : start + 200] = bytes(range(192))
    path.write_bytes(bytes(data))


def _truncated(path: Path) -> None:
    saved_game(path)
    path.write_bytes(path.read_bytes()[: 3 * 4096 + 100])


def _newer(path: Path) -> None:
    saved_game(path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"UPDATE {VERSION_TABLE} SET version_num = '9999_from_the_future'")
    conn.close()


@pytest.mark.parametrize(
    ("make", "error", "message"),
    [
        (lambda p: p.write_text("name,score\nolena,3\n"), NotADebateDatabase, "not an SQLite"),
        (lambda p: p.write_bytes(os.urandom(8192)), NotADebateDatabase, "not an SQLite"),
        (_foreign_sqlite, NotADebateDatabase, "not a debate one"),
        (_corrupted, CorruptDatabase, "damaged"),
        (_truncated, CorruptDatabase, "damaged"),
        (_newer, NewerSchema, "newer version"),
    ],
    ids=["text", "random", "foreign", "corrupted", "truncated", "newer"],
)
def test_a_file_that_is_not_a_usable_debate_database_is_refused_untouched(
    tmp_path: Path, make: object, error: type[Exception], message: str
) -> None:
    path = tmp_path / "refused.db"
    make(path)  # type: ignore[operator]
    before = snapshot_of(tmp_path)
    for _ in range(2):  # and refused again: nothing was cached or half-done
        with pytest.raises(error, match=message) as refused:
            open_store(str(path))
        assert refused.value.exit_code == 2  # type: ignore[attr-defined]
        assert str(path) in str(refused.value)
    assert snapshot_of(tmp_path) == before


def test_a_directory_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(NotADebateDatabase, match="directory"):
        open_store(str(tmp_path))


@pytest.mark.postgres
def test_a_postgresql_database_of_another_program_or_a_newer_version_is_refused() -> None:
    with pg_database("debate_test_foreign") as url:
        engine = create_store_engine(resolve(url))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE players (name TEXT)"))
        with pytest.raises(NotADebateDatabase, match="players"):
            open_store(url)
        with engine.connect() as conn:
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            assert set(tables) == {"players"}
            conn.execute(text("DROP TABLE players"))
            conn.commit()
        open_store(url).close()  # an empty database is initialised
        with engine.begin() as conn:
            conn.execute(text(f"UPDATE {VERSION_TABLE} SET version_num = '9999'"))
        with pytest.raises(NewerSchema, match="9999"):
            open_store(url)
        with engine.connect() as conn:
            assert conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == "9999"
        engine.dispose()
