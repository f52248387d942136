"""The pure turn engine: actions in, events out, state = fold(events).

Imports nothing from textual, sqlmodel or rich (checked by import-linter and a test).
"""

from debate.engine.actions import (
    ACTION_ADAPTER,
    Accept,
    Action,
    Amend,
    Challenge,
    Concede,
    Demand,
    Pass,
    Propose,
    Reject,
    Speak,
    Vote,
    Withdraw,
)
from debate.engine.errors import CorruptLog, IllegalAction
from debate.engine.events import Event, events_from_json, events_to_json
from debate.engine.rules import apply, fold, legal_action_types, new_game, replay
from debate.engine.state import (
    ChallengeRecord,
    DebatePoints,
    DemandRecord,
    GameState,
    TabledCommitment,
)

__all__ = [
    "ACTION_ADAPTER",
    "Accept",
    "Action",
    "Amend",
    "Challenge",
    "ChallengeRecord",
    "Concede",
    "CorruptLog",
    "DebatePoints",
    "Demand",
    "DemandRecord",
    "Event",
    "GameState",
    "IllegalAction",
    "Pass",
    "Propose",
    "Reject",
    "Speak",
    "TabledCommitment",
    "Vote",
    "Withdraw",
    "apply",
    "events_from_json",
    "events_to_json",
    "fold",
    "legal_action_types",
    "new_game",
    "replay",
]
