"""Red lines: which of a role's lines the package on the table crosses (pure).

A red line is data in the motion (:class:`debate.motions.model.RedLine`): the package crosses
it when every ``crossed_by`` test matches an active commitment and no ``unless`` test does.

>>> from debate.engine import Propose, apply, new_game
>>> from debate.engine.testing import tiny_motion
>>> state = new_game(tiny_motion())
>>> crossed_red_lines(state, "kyiv")
()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from debate.engine.state import GameState
    from debate.motions.model import RedLine, RedLineTest
    from debate.vocabulary.commitments import Commitment


def matches(test: RedLineTest, owner: str, terms: Commitment) -> bool:
    """Whether one commitment (made by ``owner``) is what ``test`` looks for."""
    if terms.kind != test.kind or (test.by is not None and owner != test.by):
        return False
    for field, values in test.where.items():
        value = getattr(terms, field, None)
        held = value if isinstance(value, tuple) else (value,)
        if not any(v in values for v in held):
            return False
    for field, bound in test.below.items():
        value = getattr(terms, field, None)
        if not isinstance(value, int | float) or value >= bound:
            return False
    return True


def _found(test: RedLineTest, package: list[tuple[str, Commitment]]) -> bool:
    return any(matches(test, owner, terms) for owner, terms in package)


def is_crossed(line: RedLine, package: list[tuple[str, Commitment]]) -> bool:
    """Whether ``package`` ((owner, terms) pairs) crosses ``line``."""
    if not line.crossed_by:
        return False
    if not all(_found(t, package) for t in line.crossed_by):
        return False
    return not any(_found(t, package) for t in line.unless)


def crossed_red_lines(state: GameState, role: str) -> tuple[RedLine, ...]:
    """``role``'s red lines that the package on the table crosses, in brief order."""
    package = [(c.owner, c.terms) for c in state.active_commitments()]
    lines = state.motion.role_by_id[role].brief.red_lines
    return tuple(line for line in lines if is_crossed(line, package))


def newly_crossed(before: GameState, after: GameState, role: str) -> tuple[RedLine, ...]:
    """Red lines of ``role`` crossed in ``after`` but not in ``before`` (what a move would
    cross: the forms warn with this before the move is made)."""
    was = [line.text for line in crossed_red_lines(before, role)]
    return tuple(line for line in crossed_red_lines(after, role) if line.text not in was)
