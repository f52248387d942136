"""Creating a hosted game: seats, a session, one code per human seat and the facilitator's.

>>> parse_seat("kremlin=scripted:hard")
SeatSpec(role='kremlin', kind='scripted', difficulty='hard')
>>> parse_seat("kyiv=human")
SeatSpec(role='kyiv', kind='human', difficulty=None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from debate.motions import Motion
from debate.play import DIFFICULTIES
from debate.seminar.codes import code_hash, new_code
from debate.seminar.errors import SeminarError

#: How long the codes of a hosted game work.
CODE_DAYS = 14


@dataclass(frozen=True)
class SeatSpec:
    role: str
    kind: str  # "human" | "scripted"
    difficulty: str | None = None


@dataclass(frozen=True)
class HostedCodes:
    """The codes of a new hosted game: shown once, never stored in clear."""

    session: str
    seats: dict[str, str]  # role -> code, human seats only
    facilitator: str

    def to_json(self) -> dict[str, Any]:
        return {"session": self.session, "seats": dict(self.seats), "facilitator": self.facilitator}


def parse_seat(text: str) -> SeatSpec:
    """``ROLE=human`` or ``ROLE=scripted[:easy|normal|hard]``."""
    role, sep, kind = text.partition("=")
    role, kind = role.strip(), kind.strip()
    kind, _, difficulty = kind.partition(":")
    if not sep or not role or kind not in ("human", "scripted"):
        raise SeminarError(f"--seat {text!r}: expected ROLE=human or ROLE=scripted[:LEVEL]")
    if kind == "human" and difficulty:
        raise SeminarError(f"--seat {text!r}: a human seat has no difficulty")
    if kind == "scripted":
        difficulty = difficulty or "normal"
        if difficulty not in DIFFICULTIES:
            raise SeminarError(
                f"--seat {text!r}: difficulty must be one of {', '.join(DIFFICULTIES)}"
            )
    return SeatSpec(role, kind, difficulty or None)


def seats_for(motion: Motion, specs: Sequence[SeatSpec]) -> list[Any]:
    """The store's seats: the roles named in ``specs`` as given, every other role that is
    not optional human; in the motion's order."""
    from debate.store import Seat

    chosen = {s.role: s for s in specs}
    if len(chosen) != len(specs):
        raise SeminarError("a role is given two --seat options")
    if unknown := [r for r in chosen if r not in motion.role_by_id]:
        known = ", ".join(r.id for r in motion.roles)
        raise SeminarError(f"no role {unknown[0]!r} in motion {motion.id!r} (roles: {known})")
    seats = []
    for role in motion.roles:
        spec = chosen.get(role.id)
        if spec is None and role.optional:
            continue
        spec = spec or SeatSpec(role.id, "human")
        if spec.kind == "human":
            seats.append(Seat(role.id, role.name, "human"))
        else:
            level = spec.difficulty or "normal"
            seats.append(Seat(role.id, f"{role.name} ({level})", "scripted", level))
    if not any(s.kind == "human" for s in seats):
        raise SeminarError("a hosted game needs at least one human seat")
    return seats


def host_game(
    store: Any,
    motion: Motion,
    specs: Sequence[SeatSpec],
    seed: int,
    title: str | None = None,
    days: int = CODE_DAYS,
) -> HostedCodes:
    """Create the session and its codes; return the codes (the only time they are seen)."""
    seats = seats_for(motion, specs)
    info = store.create_session(motion, seats, seed, title=title)
    codes = {s.role: new_code() for s in seats if s.kind == "human"}
    facilitator = new_code()
    hashes: dict[str | None, str] = {r: code_hash(c) for r, c in codes.items()}
    hashes[None] = code_hash(facilitator)
    store.host(info.id, hashes, datetime.now(UTC) + timedelta(days=days))
    return HostedCodes(info.id, codes, facilitator)
