"""Why the store refused. Every refusal is a :class:`StoreError` with a message a person can
act on; ``exit_code`` says how the command line reports it (1 runtime failure, 2 bad input).

A database that is refused at open (:class:`NotADebateDatabase`, :class:`CorruptDatabase`,
:class:`NewerSchema`) has only been read, never written: the file is left byte for byte as
it was.
"""

from __future__ import annotations


class StoreError(Exception):
    """Base class: something the store could not do."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class StoreUnavailable(StoreError):
    """The database cannot be reached or opened (server down, no permission, locked)."""


class NotADebateDatabase(StoreError):
    """The file or database exists but was not made by this program (or is empty)."""

    exit_code = 2


class NoDatabase(StoreError):
    """``--db`` names a file that does not exist, for a command that only reads."""

    exit_code = 2


class CorruptDatabase(StoreError):
    """An SQLite file whose pages fail SQLite's own integrity check."""

    exit_code = 2


class NewerSchema(StoreError):
    """The database was written by a newer version of the program; upgrade the program."""

    exit_code = 2


class SessionNotFound(StoreError):
    """No session with that id."""

    exit_code = 2


class AnnotationNotFound(StoreError):
    """No annotation with that id."""

    exit_code = 2


class InvalidRequest(StoreError, ValueError):
    """Arguments the store cannot accept: an unknown status, a seq out of range, bad seats."""

    exit_code = 2


class CorruptSession(StoreError):
    """A stored session no longer replays (its motion snapshot or event log is damaged)."""


class SequenceConflict(StoreError):
    """A stale writer: the session already holds an event at (or after) ``expected``.

    Nothing was written. Reload the session and decide again.
    """

    def __init__(self, session_id: str, expected: int, actual: int) -> None:
        self.session_id = session_id
        self.expected = expected
        self.actual = actual
        super().__init__(
            f"session {session_id}: the next event is number {actual}, not {expected} "
            "(another writer got there first); nothing was written"
        )
