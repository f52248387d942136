"""Shared fixtures. Each area's tests keep their own fixtures beside them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from debate.engine.testing import tiny_motion
from debate.motions import Motion, load_motion

# Never touch the real per-user database: the default database of every test (and of every
# `debate` subprocess a test starts, which inherits this environment) lives in a temporary
# data directory, and no DEBATE_DB set outside leaks in.
os.environ["DEBATE_DATA_DIR"] = tempfile.mkdtemp(prefix="debate-test-data-")
os.environ.pop("DEBATE_DB", None)

ROOT = Path(__file__).resolve().parents[1]
MOTIONS_DIR = ROOT / "motions"


@pytest.fixture
def tiny() -> Motion:
    """A three-role motion small enough to read (debate.engine.testing)."""
    return tiny_motion()


@pytest.fixture(scope="session")
def article_motion() -> Motion:
    """The shipped motion drawn from the article (motions/guarantees.toml)."""
    return load_motion(MOTIONS_DIR / "guarantees.toml")


@pytest.fixture(scope="session")
def all_motions() -> list[Motion]:
    return [load_motion(p) for p in sorted(MOTIONS_DIR.glob("*.toml"))]


@pytest.fixture(autouse=True)
def _own_config_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Settings (the saved theme) go to a fresh folder: never the developer's own, and a
    theme saved by one test never changes another's screen."""
    monkeypatch.setenv("DEBATE_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("DEBATE_THEME", raising=False)
