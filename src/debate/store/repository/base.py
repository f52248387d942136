"""The Store's connection to its database: transactions, and driver errors translated."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from debate.store.database import Migrated, Target, db_failure
from debate.store.engines import forget_engine
from debate.store.errors import CorruptSession, StoreError
from debate.store.repository.sqlite_append import SqliteAppender
from debate.text_safety import clip

P = ParamSpec("P")
R = TypeVar("R")


def translate_errors(method: Callable[P, R]) -> Callable[P, R]:
    """Driver failures leave the repository as :class:`StoreError`, never raw."""

    @wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except StoreError:
            raise
        except DBAPIError as e:
            store = args[0]
            assert isinstance(store, StoreBase)
            raise db_failure(e, store.where) from None
        except (ValueError, OverflowError) as e:
            # A row the program did not write: a time that is not a time, a seat of an
            # unknown kind, payload JSON that does not parse. Reported, never a traceback.
            store = args[0]
            assert isinstance(store, StoreBase)
            detail = clip(str(e).splitlines()[0] if str(e) else type(e).__name__, 120)
            raise CorruptSession(f"{store.where}: a stored row is damaged ({detail})") from None

    return wrapper


class StoreBase:
    """A database and its transactions; the parts of :class:`~debate.store.Store` build on it."""

    def __init__(self, engine: Engine, target: Target, migrated: Migrated | None = None) -> None:
        self._engine = engine
        self._target = target
        #: Set when opening upgraded an older database (or initialised an empty one).
        self.migrated = migrated
        self._fast = SqliteAppender(engine) if target.is_sqlite else None

    @property
    def where(self) -> str:
        """The database, as named in messages (file path, or URL without password)."""
        return self._target.display

    @property
    def backup_path(self) -> Path | None:
        """The copy written before upgrading an older SQLite file, if this open did that."""
        return self.migrated.backup if self.migrated else None

    @property
    def engine(self) -> Engine:
        return self._engine

    def close(self) -> None:
        """Dispose of the process's engine for this database (other Store objects on the
        same database reconnect on their next use through :func:`open_store`)."""
        forget_engine(self._target)

    # -- transactions --------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            if not self._target.is_sqlite:
                # One snapshot for the several SELECTs of a load (SQLite transactions
                # already read from one snapshot).
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(debate_write=True)
            with conn.begin():
                yield conn
