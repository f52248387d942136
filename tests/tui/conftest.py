"""Fixtures of the game's tests: a temporary SQLite store, the main motion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from debate.motions import Motion, load_motion

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "game.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[object]:
    from debate.store import open_store

    s = open_store(str(db_path))
    yield s
    s.close()


@pytest.fixture(scope="session")
def main_motion() -> Motion:
    return load_motion(ROOT / "motions" / "guarantees.toml")
