"""Why an action was refused. Every refusal is an :class:`IllegalAction` with a reason
a player can read; the subclasses let callers (and tests) tell the rules apart."""

from __future__ import annotations


class IllegalAction(Exception):
    """An action the rules refuse. The state it was tried on is unchanged."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class GameOver(IllegalAction):
    """The game has finished."""


class UnknownRole(IllegalAction):
    """The actor or the target is not seated in this game."""


class NotYourTurn(IllegalAction):
    """Another role is to play."""


class WrongPhase(IllegalAction):
    """This kind of action is not allowed in the current phase."""


class UnknownCommitment(IllegalAction):
    """No commitment with that id is on the table."""


class NotYourCommitment(IllegalAction):
    """A role may only propose, amend or withdraw its own commitments."""


class CommitmentWithdrawn(IllegalAction):
    """The commitment has been withdrawn."""


class KindNotAllowed(IllegalAction):
    """The role may not make (or demand) a commitment of this kind."""


class UnknownClaim(IllegalAction):
    """A cited claim is not in the motion's claim bank."""


class UnknownCriterion(IllegalAction):
    """A criterion id the scorer does not know."""


class InvalidChallenge(IllegalAction):
    """A challenge on one's own commitment, a duplicate, or an answer to a closed one."""


class UnknownChallenge(IllegalAction):
    """No challenge with that id."""


class InvalidDemand(IllegalAction):
    """A demand of oneself, of a role that may not make it, or an answer to a closed one."""


class UnknownDemand(IllegalAction):
    """No demand with that id."""


class AlreadyVoted(IllegalAction):
    """A role votes once."""


class CorruptLog(Exception):
    """Replaying stored events failed: an event is out of sequence or breaks the rules."""
