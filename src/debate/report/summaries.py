"""What an event settled besides itself, in plain text, for transcripts and timelines.

The wording of the event itself is the debate table's (:mod:`debate.history.transcript`); this
adds the side effects a reader would otherwise have to work out: challenges that closed,
commitments that were discounted, the outcome of the vote.

>>> from debate.engine import Pass, Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> s0 = new_game(tiny_motion())
>>> s1, _ = apply(s0, "kyiv", Speak(text="Our army holds."))
>>> consequences(s0, s1)
[]
"""

from __future__ import annotations

from debate.engine import GameState


def _name(state: GameState, role: str) -> str:
    spec = state.motion.role_by_id.get(role)
    return spec.name if spec else role


def consequences(before: GameState, after: GameState) -> list[str]:
    """Challenges closed, commitments discounted and the vote's outcome between two states."""
    out = []
    for cid, ch in after.challenges.items():
        old = before.challenges.get(cid)
        if old is not None and old.status != ch.status:
            out.append(
                f"challenge {cid} ({_name(after, ch.challenger)} on {ch.commitment_id}, "
                f"{ch.criterion}) {ch.status}"
            )
    for cid, c in after.commitments.items():
        old_c = before.commitments.get(cid)
        if old_c is not None and c.discounted and not old_c.discounted:
            out.append(f"{cid} is discounted")
    if after.finished and not before.finished:
        out.append("the package is " + ("accepted" if after.agreed else "rejected"))
    return out
