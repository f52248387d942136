"""The pure core (engine, scoring, scripted roles) imports no UI, database or terminal library,
directly or through another module. Checked two ways: import-linter's contract in
pyproject.toml, and by importing the core in a fresh interpreter and looking at sys.modules."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("debate.engine", "debate.scoring", "debate.scripted")
FORBIDDEN = ("textual", "sqlmodel", "sqlalchemy", "rich", "typer", "alembic")


def core_modules() -> list[str]:
    mods = []
    for pkg in CORE:
        base = ROOT / "src" / Path(*pkg.split("."))
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(ROOT / "src").with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            mods.append(".".join(parts))
    return mods


def test_importing_the_core_loads_no_ui_or_database_library() -> None:
    modules = core_modules()
    assert any(m.startswith("debate.engine") for m in modules)
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], check=True,
                                       capture_output=True, text=True).stdout)
    leaked = sorted(m for m in loaded if m.split(".")[0] in FORBIDDEN)
    assert leaked == [], f"the pure core pulled in {leaked}"


def test_import_linter_contract_holds() -> None:
    exe = shutil.which("lint-imports")
    assert exe, "import-linter is part of the test extras: pip install -e '.[test]'"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
