"""The house rules that tools can check: ruff clean everywhere, mypy --strict clean on the
engine and the scorer (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean() -> None:
    result = run("ruff", "check", "src", "tests", "bench")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean_on_engine_and_scoring() -> None:
    result = run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
