"""Networked seminar play: one hosted game, many screens, an instructor's console.

The shared state is the store itself (no server of our own): every client reads the
events and appends its own with the expected event number; join codes (stored hashed)
open one seat or the facilitator's console; one client at a time, holding a lease in the
database, plays the scripted seats and runs the turn clock. No Textual here.
"""

from debate.seminar.client import SeatClient
from debate.seminar.codes import code_hash, new_code, normalise
from debate.seminar.errors import BadCode, GameMovedOn, Refused, SeminarError
from debate.seminar.host import HostedCodes, SeatSpec, host_game, parse_seat

__all__ = [
    "BadCode",
    "GameMovedOn",
    "HostedCodes",
    "Refused",
    "SeatClient",
    "SeatSpec",
    "SeminarError",
    "code_hash",
    "host_game",
    "new_code",
    "normalise",
    "parse_seat",
]
