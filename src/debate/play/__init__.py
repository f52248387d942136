"""The game played headless: what the TUI drives, and what its tests drive without a screen.

No Textual, no Rich here: the controller owns the session (motion, seats, events, states),
commits every accepted action through the store, and asks the scripted policy for moves.
"""

from debate.play.controller import MAX_NAME, GameController, check_player_name
from debate.play.scripted_seat import DIFFICULTIES, ScriptedMove, decision_rng

__all__ = [
    "DIFFICULTIES",
    "MAX_NAME",
    "GameController",
    "ScriptedMove",
    "check_player_name",
    "decision_rng",
]
