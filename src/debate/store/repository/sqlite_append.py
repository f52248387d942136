"""Appending an event on SQLite straight through the DBAPI (the hot path of every action)."""

from __future__ import annotations

import sqlite3
from typing import Any, NoReturn

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from debate.store.database import db_failure, sqlite_failure
from debate.store.errors import SequenceConflict, SessionNotFound
from debate.store.repository.queries import BUMP_SEQ, BUMP_SEQ_FINISH, INSERT_EVENT, NEXT_SEQ


def refuse_append(session_id: str, expected: int, actual: int | None, where: str) -> NoReturn:
    if actual is None:
        raise SessionNotFound(f"no session {session_id!r} in {where}")
    raise SequenceConflict(session_id, expected, actual)


class _DriverStatement:
    """A Core statement compiled once for a dialect and run straight on a DBAPI cursor,
    with the same SQL and the same type conversions SQLAlchemy would apply."""

    def __init__(self, statement: Any, dialect: Any, column_keys: list[str] | None = None):
        compiled = statement.compile(dialect=dialect, column_keys=column_keys)
        self.sql: str = compiled.string
        # Literal values of the statement itself (the 1 in next_seq + 1, ...).
        self._defaults = {n: b.value for n, b in compiled.binds.items() if not b.required}
        self._order: list[str] = list(compiled.positiontup or [])
        self._convert = {
            name: proc
            for name, bind in compiled.binds.items()
            if (proc := bind.type.dialect_impl(dialect).bind_processor(dialect)) is not None
        }

    def args(self, values: dict[str, Any]) -> tuple[Any, ...]:
        merged = {**self._defaults, **values}
        out = []
        for name in self._order:
            value = merged[name]
            convert = self._convert.get(name)
            out.append(convert(value) if convert is not None and value is not None else value)
        return tuple(out)


class SqliteAppender:
    """The append path on SQLite: the statements of :meth:`debate.store.Store.append`, run on a
    pooled DBAPI connection of the same engine. Appends happen on every action a player takes,
    and going through SQLAlchemy's execution layer tripled their cost (bench/bench_store.py)."""

    _compiled: (
        tuple[_DriverStatement, _DriverStatement, _DriverStatement, _DriverStatement] | None
    ) = None

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        if SqliteAppender._compiled is None:  # the same SQL for every SQLite engine
            dialect = engine.dialect
            SqliteAppender._compiled = (
                _DriverStatement(BUMP_SEQ, dialect),
                _DriverStatement(BUMP_SEQ_FINISH, dialect),
                _DriverStatement(NEXT_SEQ, dialect),
                _DriverStatement(
                    INSERT_EVENT, dialect, ["session_id", "seq", "actor", "kind", "payload", "at"]
                ),
            )
        self._bump, self._finish, self._next, self._insert = SqliteAppender._compiled

    def append(
        self, bump: dict[str, Any], row: dict[str, Any], where: str, finish: bool = False
    ) -> None:
        statement = self._finish if finish else self._bump
        try:
            raw = self._engine.raw_connection()
        except DBAPIError as e:
            raise db_failure(e, where) from None
        try:
            cur = raw.cursor()
            cur.execute("BEGIN IMMEDIATE")  # take the write lock before reading next_seq
            try:
                cur.execute(statement.sql, statement.args(bump))
                if cur.rowcount != 1:
                    found = cur.execute(self._next.sql, self._next.args(bump)).fetchone()
                    refuse_append(bump["sid"], bump["expected"], found and found[0], where)
                cur.execute(self._insert.sql, self._insert.args(row))
                cur.execute("COMMIT")
            except BaseException:
                raw.rollback()
                raise
        except sqlite3.IntegrityError:
            raise SequenceConflict(bump["sid"], bump["expected"], bump["expected"] + 1) from None
        except sqlite3.Error as e:
            raise sqlite_failure(e, where) from None
        finally:
            raw.close()
