"""`debate` loads each command's module only when that command runs (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from debate import cli

HEAVY = ("debate.motions", "debate.engine", "debate.scripted", "debate.store", "sqlalchemy",
         "textual", "multiprocessing", "concurrent.futures")


def _modules_after(args: list[str]) -> set[str]:
    code = (
        "import json, sys\n"
        "from debate.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"COLUMNS": "100", "PATH": ""})
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_each_listed_help_line_is_the_commands_own(command: str) -> None:
    module, short_help = cli.COMMANDS[command]
    sub = typer.Typer()
    __import__(f"debate.commands.{module}", fromlist=["register"]).register(sub)
    real = typer.main.get_group(sub).commands[command]
    assert real.get_short_help_str(500) == short_help


def test_help_lists_every_command_without_importing_them() -> None:
    loaded = _modules_after(["--help"])
    assert not [m for m in loaded if m.startswith(HEAVY) or (m.startswith("debate.commands.")
                and m != "debate.commands.common")]
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
        common.QUICK_EXIT["after_app"] = True
        raise SystemExit(code)

    exits: list[int] = []

    def fake_exit(status: int) -> None:
        exits.append(status)
        raise SystemExit(status)

    monkeypatch.setattr(cli, "build_app", lambda: fake_app)
    monkeypatch.setattr(cli.sys, "argv", ["debate", "replay", "x"])
    monkeypatch.setattr(cli.os, "_exit", fake_exit)
    monkeypatch.setitem(common.QUICK_EXIT, "after_app", False)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert exits == ([0] if quick else [])
    assert ended.value.code == (0 if quick else code)


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
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"PATH": "", "DEBATE_DB": "/tmp/somewhere.db"})
    made, loaded = json.loads(done.stderr.strip().splitlines()[-1])
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
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={"PATH": "", "HOME": "/nonexistent"})
    shown, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert shown == "LobbyScreen"
    heavy = ("debate.motions", "pydantic", "sqlalchemy", "sqlmodel", "debate.store")
    assert not [m for m in loaded if m.startswith(heavy)]


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
