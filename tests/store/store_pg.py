"""A throw-away PostgreSQL database for the store tests (server on 127.0.0.1:5432)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest

from debate.store import dispose_all

PG_SERVER = "host=127.0.0.1 port=5432 user=postgres connect_timeout=5"
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@contextmanager
def pg_database(prefix: str = "debate_test") -> Iterator[str]:
    """A brand-new, empty PostgreSQL database for the duration; dropped afterwards."""
    name = f"{prefix}_{secrets.token_hex(5)}"
    try:
        admin = psycopg.connect(f"{PG_SERVER} dbname=test", autocommit=True)
    except psycopg.OperationalError as e:
        pytest.fail(
            "the store tests need PostgreSQL on 127.0.0.1:5432 (user postgres, database "
            f"test) and it is not reachable: {e}".strip(),
            pytrace=False,
        )
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
        yield PG_URL.format(name=name)
    finally:
        dispose_all()  # close pooled connections, or DROP DATABASE would wait on them
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def emptied(url: str) -> str:
    """``url`` (a PostgreSQL database of a test run) with every table of the store emptied,
    so each test starts from nothing; the tables come from the store's own metadata."""
    from sqlalchemy import text

    from debate.store import open_store
    from debate.store.tables import STORE_METADATA

    tables = ", ".join(t.name for t in STORE_METADATA.sorted_tables)
    store = open_store(url)
    with store.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY"))
    return url
