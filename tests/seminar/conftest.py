"""Fixtures of the hosted-game tests: every test runs on an SQLite file AND on PostgreSQL
(the server on 127.0.0.1:5432, a throw-away database per run, as in tests/store/)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from store_pg import emptied, pg_database

from debate.store import Store, open_store


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    with pg_database("debate_seminar") as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("db") / "seminar.db")
    return emptied(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()
