"""Why a seminar client refused: each with a message a player can read and an exit code."""

from __future__ import annotations


class SeminarError(Exception):
    """Something a hosted game could not do; ``exit_code`` 2 is bad input, 1 a failure."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadCode(SeminarError):
    """A code that opens nothing (wrong or expired: deliberately not told apart)."""

    def __init__(self) -> None:
        super().__init__(
            "this code does not open any game: it is wrong or has expired "
            "(ask the facilitator for a new one)"
        )


class Refused(SeminarError):
    """An action this seat may not take now (not its turn, paused, illegal...)."""


class GameMovedOn(Refused):
    """Another screen saved an action first; the client has reloaded the fresh state."""

    def __init__(self) -> None:
        super().__init__("the game moved on: another action was saved first (state reloaded)")
