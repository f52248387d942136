"""`debate` loads each command's module only when that command runs (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from debate import cli

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = """\
title = "Two parties"
protected = "ua"
aggressor = "ru"
parties = [{id = "ua", name = "Ukraine", tier = "protected_party"},
           {id = "ru", name = "Russia", tier = "aggressor"}]
"""
HEAVY = ("debate.motions", "debate.engine", "debate.scripted", "debate.store", "sqlalchemy",
         "textual", "multiprocessing", "concurrent.futures")


def _reported(code: str, env: dict[str, str]) -> Any:
    """What ``code``, run in a fresh interpreter, prints as JSON on its last stderr line."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"PATH": "", **env})
    return json.loads(done.stderr.strip().splitlines()[-1])


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from debate.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    return set(_reported(code, {"COLUMNS": "100"}))


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_each_listed_help_line_is_the_commands_own(command: str) -> None:
    module, short_help = cli.COMMANDS[command]
    sub = typer.Typer()
    __import__(f"debate.commands.{module}", fromlist=["register"]).register(sub)
    real = typer.main.get_group(sub).commands[command]
    assert real.get_short_help_str(500) == short_help


def test_help_lists_every_command_without_importing_them() -> None:
    loaded = _modules_after(["--help"])
    shared = {"debate.commands.common", "debate.commands.plain_params"}
    assert not [m for m in loaded if m.startswith(HEAVY) or (m.startswith("debate.commands.")
                and m not in shared)]
    result = CliRunner().invoke(cli.app, ["--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    for name in cli.COMMANDS:
        assert f" {name} " in result.output


def test_a_command_loads_its_own_module_only() -> None:
    loaded = _modules_after(["score", "--help"])
    assert "debate.commands.score" in loaded
    assert "debate.commands.simulate" not in loaded and "debate.commands.sessions" not in loaded
    assert "textual" not in loaded and "sqlalchemy" not in loaded
    simulate = _modules_after(["simulate", "--help"])
    assert "debate.commands.simulate" in simulate
    assert not {"debate.motions.model", "multiprocessing", "concurrent.futures"} & simulate


def test_listing_sessions_loads_no_engine_screen_or_migration(tmp_path: Path) -> None:
    from debate.store import open_store

    db = tmp_path / "empty.db"
    open_store(str(db)).close()
    loaded = _modules_after(["sessions", "--db", str(db)])
    assert "debate.store" in loaded
    heavy = ("textual", "alembic", "debate.engine", "debate.tui", "debate.store.document")
    assert not [m for m in loaded if m.startswith(heavy)]


def test_play_options_are_read_without_a_pydantic_adapter(tmp_path: Path) -> None:
    # typer builds a pydantic TypeAdapter for each parameter it converts itself; the first
    # one loads pydantic's schema builder and plugins, before the table's first frame.
    code = (
        "import json, sys\n"
        "from debate.cli import app\n"
        "try:\n    app(['play', 'no-such-motion', '--as', 'kyiv', '--seed', '-12'])\n"
        "except SystemExit as e:\n    code = e.code\n"
        "print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    code_seen, loaded = _reported(code, {"DEBATE_DATA_DIR": str(tmp_path), "COLUMNS": "100"})
    assert code_seen == 2  # parsed, then refused for the motion
    assert "typer._adapters" not in loaded


def test_unknown_command_is_still_refused() -> None:
    result = CliRunner().invoke(cli.app, ["nonsense"])
    assert result.exit_code == 2
    assert "No such command" in result.output


def test_bare_debate_opens_the_lobby_without_opening_the_database(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import debate.tui

    made: dict[str, object] = {}

    class FakeApp:
        def run_and_close(self) -> bool:
            made["ran"] = True
            return False  # as if the app failed: the process is not ended at once

    def fake_create_app(**kwargs: object) -> FakeApp:
        made.update(kwargs)
        return FakeApp()

    monkeypatch.setattr(debate.tui, "create_app", fake_create_app)
    result = CliRunner().invoke(cli.app, ["--db", "/nonexistent/dir/x.db"])
    assert result.exit_code == 0, result.output
    assert made["ran"] and made["db_url"] == "/nonexistent/dir/x.db"
    assert made.get("store") is None


@pytest.mark.parametrize(("code", "quick"), [(None, True), (0, True), (1, False)])
def test_main_leaves_at_once_after_a_full_screen_app(
    monkeypatch: pytest.MonkeyPatch, code: int | None, quick: bool
) -> None:
    from debate.commands import common

    def fake_app() -> None:
        common.done()
        raise SystemExit(code)

    exits: list[int] = []

    def fake_exit(status: int) -> None:
        exits.append(status)
        raise SystemExit(status)

    monkeypatch.setattr(cli, "build_app", lambda: fake_app)
    monkeypatch.setattr(cli.sys, "argv", ["debate", "replay", "x"])
    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    monkeypatch.setitem(common.QUICK_EXIT, "done", True)  # left over: main() clears it
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert exits == ([0] if quick else [])
    assert ended.value.code == (0 if quick else code)


def test_main_leaves_the_usual_way_unless_this_run_said_it_was_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from debate.commands import common

    exits: list[int] = []
    monkeypatch.setattr(cli, "build_app", lambda: lambda: None)  # a command that says nothing
    # A command, whatever pytest was started with (a bare `debate` would open the lobby).
    monkeypatch.setattr(cli.sys, "argv", ["debate", "sessions"])
    monkeypatch.setattr(cli.os, "_exit", exits.append)
    monkeypatch.setitem(common.QUICK_EXIT, "done", True)  # left over by an earlier run
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert exits == [] and ended.value.code == 0


def _run_main(argv: list[str], data: Path) -> subprocess.CompletedProcess[str]:
    """``debate ARGV`` through :func:`cli.main` in a fresh process that reports on stderr
    whether the interpreter's teardown (atexit) ran."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('torn down', file=sys.stderr))\n"
        f"sys.argv = ['debate', *{argv!r}]\n"
        "from debate.cli import main\n"
        "main()\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={"PATH": "", "COLUMNS": "100", "DEBATE_DATA_DIR": str(data)})


@pytest.mark.parametrize("command", ["score", "motions list"])
def test_read_only_commands_leave_at_once_with_their_output_written(
    tmp_path: Path, command: str
) -> None:
    package = tmp_path / "package.toml"
    package.write_text(PACKAGE, "utf-8")
    argv = ["score", str(package)] if command == "score" else ["motions", "list"]
    done = _run_main(argv, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "torn down" not in done.stderr
    assert ("Deterrence Index" if command == "score" else "guarantees") in done.stdout


def test_a_failed_command_leaves_the_usual_way_with_its_code(tmp_path: Path) -> None:
    failed = _run_main(["score", str(tmp_path / "missing.toml")], tmp_path)
    assert failed.returncode == 2 and "torn down" in failed.stderr
    assert "file not found" in failed.stderr


def test_bare_debate_goes_to_the_lobby_without_typer_or_the_database() -> None:
    code = (
        "import json, sys\n"
        "sys.argv = ['debate']\n"
        "import debate.tui\n"
        "made = {}\n"
        "class App:\n"
        "    def run_and_close(self):\n"
        "        made['ran'] = True\n"
        "        return False\n"
        "debate.tui.create_app = lambda **kw: made.update(kw) or App()\n"
        "from debate.cli import main\n"
        "main()\n"
        "print(json.dumps([made, sorted(sys.modules)]), file=sys.stderr)\n"
    )
    made, loaded = _reported(code, {"DEBATE_DB": "/tmp/somewhere.db"})
    assert made == {"ran": True, "db_url": "/tmp/somewhere.db"}
    assert not [m for m in loaded if m.startswith(("typer", "sqlalchemy", "sqlmodel"))]


def test_the_painted_lobby_has_loaded_no_motion_model_or_database() -> None:
    # The lobby paints before any motion file or the database is needed: pydantic's motion
    # models cost about 90 ms and SQLAlchemy more (issue 15's start-up goal).
    code = (
        "import asyncio, json, sys\n"
        "from debate.tui import create_app\n"
        "async def main():\n"
        "    app = create_app(db_url='/nonexistent/never.db')\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        await pilot.pause()\n"
        "        shown = type(app.screen).__name__\n"
        "    print(json.dumps([shown, sorted(sys.modules)]), file=sys.stderr)\n"
        "asyncio.run(main())\n"
    )
    shown, loaded = _reported(code, {"HOME": "/nonexistent"})
    assert shown == "LobbyScreen"
    heavy = ("debate.motions", "pydantic", "sqlalchemy", "sqlmodel", "debate.store")
    assert not [m for m in loaded if m.startswith(heavy)]


@pytest.mark.parametrize("to_file", [False, True])
def test_an_export_leaves_at_once_with_every_byte_written(tmp_path: Path, to_file: bool) -> None:
    from debate.engine import Pass
    from debate.engine.testing import tiny_motion
    from debate.play import GameController
    from debate.store import Seat, open_store

    db = tmp_path / "games.db"
    store = open_store(str(db))
    seats = [Seat(r.id, r.name, "human") for r in tiny_motion().roles]
    game = GameController.start(store, tiny_motion(), seats, seed=1)
    while not game.state.in_vote:
        game.submit(Pass())
    played = len(game.events)
    store.close()
    target = tmp_path / "out.json"
    argv = ["export", str(game.session_id), "--instructor", "--db", str(db)]
    done = _run_main([*argv, "-o", str(target)] if to_file else argv, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "torn down" not in done.stderr
    text = target.read_text("utf-8") if to_file else done.stdout
    document = json.loads(text)  # complete: nothing was cut off by the quick exit
    assert len(document["events"]) == played > 0


@pytest.mark.parametrize("ended_well", [True, False])
def test_bare_debate_leaves_at_once_once_the_lobby_ends_well(
    monkeypatch: pytest.MonkeyPatch, ended_well: bool
) -> None:
    import debate.tui

    class FakeApp:
        def run_and_close(self) -> bool:
            return ended_well

    exits: list[int] = []
    monkeypatch.setattr(debate.tui, "create_app", lambda **kwargs: FakeApp())
    monkeypatch.setattr(cli.sys, "argv", ["debate"])
    monkeypatch.setattr(cli.os, "_exit", exits.append)
    cli.main()
    assert exits == ([0] if ended_well else [])


@pytest.mark.parametrize(("code", "closed"), [(0, True), (2, False)])
def test_run_and_close_closes_the_store_only_after_a_good_end(code: int, closed: bool) -> None:
    from debate.tui import create_app

    class Store:
        closed = False

        def close(self) -> None:
            self.closed = True

    store = Store()
    app = create_app(store=store, on_ready=lambda app: app.exit(return_code=code))
    assert app.run_and_close(headless=True, size=(80, 24)) is closed
    assert store.closed is closed


def test_the_debate_table_shows_without_forms_or_motion_validators(tmp_path: Path) -> None:
    # `debate play MOTION` (issue 15): an unchanged motion comes from its validated copy, the
    # table's first complete frame comes before the scorer, any model validator and Rich's
    # pretty-printer are loaded, the action forms load when one opens, and the table is the
    # app's first screen: no lobby is built beneath it.
    code = (
        "import asyncio, json, sys\n"
        "import debate.tui.screens.table as table\n"
        "from debate.motions import resolve_motion\n"
        "from debate.play import GameController\n"
        "from debate.store import Seat\n"
        "from debate.tui import create_app\n"
        "from pydantic import BaseModel\n"
        "table.SAVE_AFTER = 3600\n"
        "motion = resolve_motion('guarantees')\n"
        "seats = [Seat(r.id, 'You', 'human') if r.id == 'kyiv' else\n"
        "         Seat(r.id, r.name, 'scripted', 'normal') for r in motion.roles\n"
        "         if not r.optional]\n"
        "from debate.tui.screens.lobby import LobbyScreen\n"
        "painted = []  # lobbies built\n"
        "built = LobbyScreen.__init__\n"
        "def counted(screen, *args, **kwargs):\n"
        "    painted.append(type(screen).__name__)\n"
        "    built(screen, *args, **kwargs)\n"
        "LobbyScreen.__init__ = counted\n"
        "at_first_frame = []\n"
        "first_advance = table.TableScreen._first_advance\n"
        "def first_frame(screen):\n"
        "    at_first_frame.append([screen.scores_shown, sorted(sys.modules),\n"
        "                           sorted(built_models())])\n"
        "    first_advance(screen)\n"
        "table.TableScreen._first_advance = first_frame\n"
        "def table(app):\n"
        "    return app.table_for(GameController.start_later(lambda: None, motion, seats, 1))\n"
        "def models(cls):\n"
        "    for sub in cls.__subclasses__():\n"
        "        yield sub\n"
        "        yield from models(sub)\n"
        "def built_models():\n"
        "    return {m.__name__ for m in models(BaseModel)\n"
        "            if m.__module__.startswith('debate.') and m.__pydantic_complete__}\n"
        "async def main():\n"
        "    app = create_app(db_url='/nonexistent/never.db', first_screen=table)\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        for _ in range(500):  # until the scores follow the first frame\n"
        "            await pilot.pause(0.01)\n"
        "            if getattr(app.screen, 'scores_shown', False):\n"
        "                break\n"
        "        await pilot.pause()\n"
        "        shown = [type(s).__name__ for s in app.screen_stack]\n"
        "        built = sorted(built_models())\n"
        "        status = str(app.screen.query_one('#status').render())\n"
        "    forms = sorted(m for m in sys.modules if m.startswith('debate.tui.forms.'))\n"
        "    print(json.dumps([shown, painted, built, forms, at_first_frame, status]),\n"
        "          file=sys.stderr)\n"
        "asyncio.run(main())\n"
    )
    env = {"DEBATE_DATA_DIR": str(tmp_path), "HOME": "/nonexistent"}
    first = _reported(code, env)
    shown, lobby_painted, built, forms, at_first_frame, status = _reported(code, env)
    assert shown == first[0] == ["TableScreen"]
    assert lobby_painted == []
    assert "Motion" in first[2] and "Motion" not in built
    scoring = {"CriterionInfo", "Rubric", "Package", "Party"}
    assert not set(built) - scoring
    assert forms == []
    # The first complete frame: no score yet, nothing of the scorer, no validator built.
    [[scores_shown, loaded, built_then]] = at_first_frame
    assert not scores_shown and built_then == []
    late = [m for m in loaded if m.startswith(("debate.scoring", "rich.pretty"))]
    assert late == [] and not {"attr", "attrs"} & {m.split(".")[0] for m in loaded}
    # Nor any other validator (a seat's, say): the first one built looks up pydantic's plugins.
    assert "pydantic.plugin._loader" not in loaded
    # Then the scores follow at once.
    assert status.startswith("Index ") and not status.startswith("Index …")
