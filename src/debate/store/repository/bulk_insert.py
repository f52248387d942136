"""Many rows into one table inside the caller's transaction, as cheaply as the driver allows.

PostgreSQL gets one ``COPY ... FROM STDIN`` (psycopg 3), SQLite one ``executemany`` of an
INSERT built once; SQLAlchemy's per-row parameter handling cost more than the database's
own work for the thousands of event rows of `debate simulate --save`. The values are
converted as SQLAlchemy would convert them (the columns' own bind processors), so what is
stored, and how it reads back, does not depend on the path that wrote it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.exc import DBAPIError


class BulkInsert:
    """``INSERT INTO table (columns)`` for a batch of tuples given in ``columns`` order."""

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        self.table = table
        self.columns = tuple(columns)
        missing = [c for c in self.columns if c not in table.c]
        assert not missing, f"no column {missing} in {table.name}"  # a typo fails at import
        self._sqlite: tuple[str, list[Callable[[Any], Any] | None]] | None = None

    def run(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        if not rows:
            return
        name = conn.dialect.name
        if name == "postgresql":
            self._copy(conn, rows)
        elif name == "sqlite":
            sql, converters = self._sqlite_statement(conn)
            conn.exec_driver_sql(sql, _converted(rows, converters))
        else:  # any other database SQLAlchemy drives: its own executemany
            named = [dict(zip(self.columns, r, strict=True)) for r in rows]
            conn.execute(insert(self.table), named)

    def _sqlite_statement(self, conn: Connection) -> tuple[str, list[Callable[[Any], Any] | None]]:
        if self._sqlite is None:
            dialect = conn.dialect
            quote = dialect.identifier_preparer.quote
            names = ", ".join(quote(c) for c in self.columns)
            marks = ", ".join("?" for _ in self.columns)
            sql = f"INSERT INTO {quote(self.table.name)} ({names}) VALUES ({marks})"
            converters: list[Callable[[Any], Any] | None] = [
                self.table.c[c].type.dialect_impl(dialect).bind_processor(dialect)
                for c in self.columns
            ]
            self._sqlite = (sql, converters)
        return self._sqlite

    def _copy(self, conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
        import psycopg
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.table.name), sql.SQL(", ").join(map(sql.Identifier, self.columns))
        )
        driver = conn.connection.driver_connection
        assert isinstance(driver, psycopg.Connection)
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row(row)
        except psycopg.Error as e:
            # The same exception SQLAlchemy raises for a failed statement (IntegrityError
            # for a duplicate id...), so callers and translate_errors treat both alike.
            raise DBAPIError.instance(
                statement.as_string(driver), None, e, psycopg.Error
            ) from e


def _converted(
    rows: Sequence[tuple[Any, ...]], converters: Sequence[Callable[[Any], Any] | None]
) -> Sequence[tuple[Any, ...]]:
    """``rows`` with each value passed through its column's bind processor; a batch shares
    its timestamps, so each distinct value is converted once."""
    active = [(i, f) for i, f in enumerate(converters) if f is not None]
    if not active:
        return rows
    seen: dict[tuple[int, Any], Any] = {}
    out = []
    for row in rows:
        values = list(row)
        for i, convert in active:
            value = values[i]
            if value is not None:
                key = (i, value)
                if key not in seen:
                    seen[key] = convert(value)
                values[i] = seen[key]
        out.append(tuple(values))
    return out
