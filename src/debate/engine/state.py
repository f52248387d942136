"""Game state: what is on the table after some number of events.

A :class:`GameState` is never edited in place by callers: :func:`debate.engine.apply` returns
a new one. Records inside it (commitments, challenges, demands) are frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from debate.vocabulary.commitments import Commitment

ChallengeStatus = Literal[
    "open", "rebutted", "amended", "conceded", "lapsed", "withdrawn", "expired"
]
DemandStatus = Literal["pending", "accepted", "rejected"]

#: Challenge outcomes that count for the challenger.
CHALLENGE_WON: frozenset[str] = frozenset({"conceded", "lapsed", "withdrawn", "amended"})
#: Challenge outcomes that discount the challenged commitment.
CHALLENGE_DISCOUNTS: frozenset[str] = frozenset({"conceded", "lapsed"})

if TYPE_CHECKING:  # motions import the commitment types; avoid a cycle
    from debate.motions.model import Motion, Phase, Role


@dataclass(frozen=True, slots=True)
class TabledCommitment:
    """A commitment on the table, with its history flags."""

    id: str
    owner: str
    terms: Commitment
    tabled_at: int  # event seq
    from_demand: str | None = None
    amended: bool = False
    withdrawn: bool = False
    discounted: bool = False

    @property
    def active(self) -> bool:
        return not self.withdrawn

    @property
    def status(self) -> str:
        """One word for display: withdrawn, discounted, amended or active."""
        if self.withdrawn:
            return "withdrawn"
        if self.discounted:
            return "discounted"
        return "amended" if self.amended else "active"


@dataclass(frozen=True, slots=True)
class ChallengeRecord:
    id: str
    challenger: str
    target: str
    commitment_id: str
    criterion: str
    claims: tuple[str, ...]
    made_turn: int
    made_at: int  # event seq
    status: ChallengeStatus = "open"


@dataclass(frozen=True, slots=True)
class DemandRecord:
    id: str
    by: str
    target: str
    terms: Commitment
    made_at: int
    status: DemandStatus = "pending"
    commitment_id: str | None = None  # set when accepted, or the counter-proposal's id


@dataclass(frozen=True, slots=True)
class DebatePoints:
    """Points a role earns from the debate itself, besides the package's score."""

    speeches: int = 0
    claims_cited: int = 0
    rebuttals: int = 0
    challenges_won: int = 0
    challenges_lost: int = 0

    def add(self, speeches: int = 0, claims_cited: int = 0, rebuttals: int = 0,
            challenges_won: int = 0, challenges_lost: int = 0) -> DebatePoints:
        """These points plus the given ones (built directly: this runs on every event)."""
        return DebatePoints(self.speeches + speeches, self.claims_cited + claims_cited,
                            self.rebuttals + rebuttals, self.challenges_won + challenges_won,
                            self.challenges_lost + challenges_lost)

    @property
    def total(self) -> int:
        return (
            self.claims_cited + 2 * self.rebuttals + 3 * self.challenges_won - self.challenges_lost
        )


@dataclass(slots=True)
class GameState:
    """The fold of a session's events.

    Treat instances as immutable: the engine copies before it changes anything, so a
    refused action leaves the state it was tried on untouched.
    """

    motion: Motion
    roles: tuple[str, ...]  # seated roles, in turn order
    seq: int = 0  # number of events applied
    phase_index: int = 0
    round: int = 1
    turn_index: int = 0
    turn_no: int = 0  # turns started so far, over the whole game, from 0
    actions_this_turn: int = 0
    finished: bool = False
    commitments: dict[str, TabledCommitment] = field(default_factory=dict)
    challenges: dict[str, ChallengeRecord] = field(default_factory=dict)
    # Ids of the challenges still open, in order: closed ones never reopen, so turn ends
    # scan only these instead of every challenge ever made.
    open_challenge_ids: dict[str, None] = field(default_factory=dict)
    demands: dict[str, DemandRecord] = field(default_factory=dict)
    votes: dict[str, bool] = field(default_factory=dict)
    points: dict[str, DebatePoints] = field(default_factory=dict)

    def copy(self) -> GameState:
        """A copy whose containers may be changed without touching this state."""
        # Field by field, not dataclasses.replace (which looks the fields up on every call):
        # this runs for every event of every fold. tests/engine/test_rules.py checks every field.
        return GameState(
            self.motion, self.roles, self.seq, self.phase_index, self.round, self.turn_index,
            self.turn_no, self.actions_this_turn, self.finished,
            dict(self.commitments), dict(self.challenges), dict(self.open_challenge_ids),
            dict(self.demands), dict(self.votes), dict(self.points),
        )

    # -- where the game is ----------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self.motion.phases[min(self.phase_index, len(self.motion.phases) - 1)]

    @property
    def current_role(self) -> str | None:
        """The role to play, or None once the game is over."""
        return None if self.finished else self.roles[self.turn_index]

    def role(self, role_id: str) -> Role:
        return self.motion.role_by_id[role_id]

    @property
    def in_vote(self) -> bool:
        return not self.finished and self.phase.actions == ("vote",)

    # -- what is on the table ---------------------------------------------------------------
    def active_commitments(self) -> list[TabledCommitment]:
        """Commitments not withdrawn, in the order they were tabled."""
        return [c for c in self.commitments.values() if c.active]

    def open_challenges(self, against: str | None = None) -> list[ChallengeRecord]:
        if not self.open_challenge_ids:  # nearly every turn end of a long game
            return []
        found = (self.challenges[cid] for cid in self.open_challenge_ids)
        return [c for c in found if against is None or c.target == against]

    def pending_demands(self, to: str | None = None) -> list[DemandRecord]:
        return [
            d
            for d in self.demands.values()
            if d.status == "pending" and (to is None or d.target == to)
        ]

    @property
    def agreed(self) -> bool | None:
        """Whether the package was accepted: None until the vote is complete."""
        if not self.finished:
            return None
        yes = sum(self.votes.values())
        if self.motion.agreement == "unanimous":
            return yes == len(self.roles)
        return yes * 2 > len(self.roles)
