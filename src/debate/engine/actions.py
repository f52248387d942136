"""Actions a role can take on its turn: a pydantic union told apart by ``type``.

>>> from pydantic import TypeAdapter
>>> TypeAdapter(Action).validate_python({"type": "vote", "accept": True})
Vote(type='vote', accept=True)
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, Field, TypeAdapter

from debate.validation import ADAPTER_CONFIG, RECORD_CONFIG, SafeText
from debate.vocabulary.commitments import Commitment

#: Limits on player text; long input is refused by validation, not truncated.
MAX_SPEECH = 2000
MAX_NOTE = 500

#: An id of a commitment, challenge or demand, or of a claim or criterion.
RefId = Annotated[str, Field(max_length=40)]


class _Action(BaseModel):
    model_config = RECORD_CONFIG


class Speak(_Action):
    """An argument. Invoking a criterion rebuts open challenges on it against your commitments."""

    type: Literal["speak"] = "speak"
    text: SafeText = Field(min_length=1, max_length=MAX_SPEECH)
    claims: tuple[RefId, ...] = ()
    criteria: tuple[RefId, ...] = ()


class Propose(_Action):
    """Table a commitment of one's own (``commitment.by`` is the actor)."""

    type: Literal["propose"] = "propose"
    commitment: Commitment


class Amend(_Action):
    """Replace the terms of one's own commitment (same kind); answers challenges on it."""

    type: Literal["amend"] = "amend"
    commitment_id: RefId
    commitment: Commitment


class Withdraw(_Action):
    type: Literal["withdraw"] = "withdraw"
    commitment_id: RefId


class Challenge(_Action):
    """Contest another role's commitment on one criterion."""

    type: Literal["challenge"] = "challenge"
    commitment_id: RefId
    criterion: RefId
    claims: tuple[RefId, ...] = ()
    text: SafeText = Field(default="", max_length=MAX_SPEECH)


class Concede(_Action):
    """Accept a challenge against one's commitment: it is discounted."""

    type: Literal["concede"] = "concede"
    challenge_id: RefId


class Demand(_Action):
    """Ask another role for a commitment; ``commitment.by`` names the role asked."""

    type: Literal["demand"] = "demand"
    commitment: Commitment
    text: SafeText = Field(default="", max_length=MAX_NOTE)


class Accept(_Action):
    """Accept a demand addressed to you: it becomes your commitment."""

    type: Literal["accept"] = "accept"
    demand_id: RefId


class Reject(_Action):
    """Reject a demand addressed to you, optionally tabling a counter-proposal of your own."""

    type: Literal["reject"] = "reject"
    demand_id: RefId
    counter: Commitment | None = None
    text: SafeText = Field(default="", max_length=MAX_NOTE)


class Vote(_Action):
    type: Literal["vote"] = "vote"
    accept: bool


class Pass(_Action):
    """End your turn."""

    type: Literal["pass"] = "pass"


Action: TypeAlias = Annotated[
    Speak
    | Propose
    | Amend
    | Withdraw
    | Challenge
    | Concede
    | Demand
    | Accept
    | Reject
    | Vote
    | Pass,
    Field(discriminator="type"),
]
ACTION_ADAPTER: TypeAdapter[Action] = TypeAdapter(Action, config=ADAPTER_CONFIG)
