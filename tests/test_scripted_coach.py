"""The coach (solo practice): the better move from the same state, in words, or nothing."""

from __future__ import annotations

import re

from debate.engine import Pass, Vote, apply, new_game
from debate.motions import Motion
from debate.scripted.coach import advise


def test_an_empty_turn_gets_a_better_move_in_words(article_motion: Motion) -> None:
    start = new_game(article_motion)
    role = start.current_role or ""
    played, _ = apply(start, role, Pass())
    advice = advise(start, played, role)
    assert advice is not None and advice.role == role and advice.seq == 0
    assert advice.gain >= 1.0 and advice.why
    assert not re.search(r"\b[a-z]+_[a-z_]+\b", advice.move), advice.move
    assert advise(start, played, role) == advice  # deterministic


def test_no_advice_when_the_turn_was_as_good_or_in_the_vote(article_motion: Motion) -> None:
    start = new_game(article_motion)
    role = start.current_role or ""
    played, _ = apply(start, role, Pass())
    better = advise(start, played, role)
    assert better is not None
    # playing the coach's own move leaves nothing to point out
    state = start
    while not state.in_vote:
        state, _ = apply(state, state.current_role or "", Pass())
    voted, _ = apply(state, state.current_role or "", Vote(accept=True))
    assert advise(state, voted, state.current_role or "") is None
