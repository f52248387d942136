"""What an event settled besides itself, and why a stretch of play moved the index.

The wording of the event itself is the transcript's (:mod:`debate.history.transcript`);
:func:`consequences` adds the side effects a reader would otherwise have to work out
(challenges that closed, commitments discounted, the vote's outcome), and :func:`explain`
lists both for a turning point, so every screen and export says why the index moved.

>>> from debate.engine import Pass, Speak, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> s0 = new_game(tiny_motion())
>>> s1, _ = apply(s0, "kyiv", Speak(text="Our army holds."))
>>> consequences(s0, s1)
[]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from debate.engine import Event, GameState, fold
from debate.history.timeline import TurningPoint
from debate.history.transcript import criterion_name, entry_for

#: How each closing of a challenge reads.
_CLOSED = {
    "lapsed": "went unanswered and lapsed: {cid} is discounted (counts at half), {who} scores",
    "conceded": "was conceded: {cid} is discounted (counts at half), {who} scores",
    "rebutted": "was rebutted",
    "amended": "was answered by amending {cid}",
    "withdrawn": "ended with {cid} withdrawn",
    "expired": "expired when the vote began",
}


def _name(state: GameState, role: str) -> str:
    spec = state.motion.role_by_id.get(role)
    return spec.name if spec else role


def consequences(before: GameState, after: GameState) -> list[str]:
    """Challenges closed, commitments discounted and the vote's outcome between two states."""
    out = []
    named: set[str] = set()  # commitments whose discount a challenge line already explains
    # Records are frozen and replaced when they change, so an event that changed none (most
    # do) leaves dicts that compare equal by identity, in C, without the loops below.
    challenges = after.challenges.items() if after.challenges != before.challenges else ()
    for xid, ch in challenges:
        old = before.challenges.get(xid)
        if old is not None and old.status != ch.status:
            named.add(ch.commitment_id)
            who = _name(after, ch.challenger)
            how = _CLOSED.get(ch.status, ch.status).format(cid=ch.commitment_id, who=who)
            out.append(
                f"{who}'s challenge {xid} to {ch.commitment_id} on "
                f"{criterion_name(ch.criterion)} {how}"
            )
    tabled = after.commitments.items() if after.commitments != before.commitments else ()
    for cid, c in tabled:
        old_c = before.commitments.get(cid)
        fresh = old_c is not None and c.discounted and not old_c.discounted
        if fresh and cid not in named:
            out.append(f"{cid} is discounted")
    if after.finished and not before.finished:
        out.append("the package is " + ("accepted" if after.agreed else "rejected"))
    return out


def turn_starts(states: Iterable[GameState]) -> list[int]:
    """Points at which a turn began, plus the last point (the stretches turning points use).
    Reads the states once, in order (a generator over a long session will do)."""
    marks: list[int] = []
    last = -1
    for last, state in enumerate(states):
        if state.actions_this_turn == 0:
            marks.append(last)
    return marks if marks and marks[-1] == last else [*marks, last]


def explain(
    tp: TurningPoint,
    events: Sequence[Event],
    state_at: Callable[[int], GameState],
    end: GameState,
) -> list[str]:
    """Why the index moved over ``tp``: each event of the stretch and what it settled.
    ``state_at(k)`` gives the state after ``k`` events (only the stretch's first is asked
    for: the rest are folded from it); ``end`` is the session's last state."""
    lines = []
    state = state_at(tp.seq)
    for k in range(tp.seq, min(tp.end, len(events))):
        event = events[k]
        lines.append(f"{_name(end, event.actor)} {entry_for(event, end).summary}")
        after = fold(state.motion, [event], start=state)
        lines += consequences(state, after)
        state = after
    return lines
