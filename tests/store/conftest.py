"""Store fixtures: every store test runs on an SQLite file AND on PostgreSQL.

PostgreSQL is the server on 127.0.0.1:5432 (user postgres, trust authentication). Each test
run creates its own database ``debate_test_<random>`` and drops it at the end, so parallel
runs never meet. If the server is down the PostgreSQL tests fail, loudly: they are never
skipped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from store_pg import emptied, pg_database

from debate.store import Store, open_store


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The test run's own PostgreSQL database."""
    with pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """An empty session database: a fresh SQLite file, or the run's PostgreSQL database
    with every table emptied."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("db") / "debate.db")
    return emptied(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()
