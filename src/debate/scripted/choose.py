"""Choosing a scripted role's action: the entry point the game and the runner call.

>>> import random
>>> from debate.engine import new_game
>>> from debate.engine.testing import tiny_motion
>>> motion = tiny_motion()
>>> state = new_game(motion)
>>> decision = choose_action(motion, state, "kyiv", "normal", decision_rng(1, state.seq, "kyiv"))
>>> decision.action.type, decision.rationale.split(":")[0]
('propose', 'kyiv.army_first')

The same inputs always give the same decision, and it is always an action the engine
accepts for the role whose turn it is.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from debate.engine.actions import Action, Pass, Speak, Vote
from debate.engine.errors import IllegalAction
from debate.engine.events import Event
from debate.engine.rules import apply
from debate.engine.state import GameState
from debate.motions.model import Motion
from debate.scripted import lookahead
from debate.scripted.context import Candidate, Ctx
from debate.scripted.lines import Topic
from debate.scripted.policies import policy_for
from debate.scripted.policies.base import ANSWER_DEMAND, Policy
from debate.scripted.rng import decision_rng

DIFFICULTIES: tuple[str, ...] = ("easy", "normal", "hard")

#: The easy difficulty speaks one of its scripted lines this often, else acts at random.
EASY_SPEECH_SHARE = 0.65
#: Random spread added to the normal policy's own rule priorities (not to answers).
JITTER = 2.0


@dataclass(frozen=True)
class Decision:
    """An action for a scripted role, and why it was taken (stored in the event)."""

    action: Action
    rationale: str


def choose_action(
    motion: Motion, state: GameState, role: str, difficulty: str, rng: random.Random
) -> Decision:
    """The action ``role`` takes now at ``difficulty``; always one the engine accepts.

    Pure: the result depends only on the arguments (use
    :func:`~debate.scripted.rng.decision_rng` for ``rng`` to make a game resumable).
    Raises ValueError if it is not ``role``'s turn or the difficulty is unknown.
    """
    return decide(motion, state, role, difficulty, rng)[0]


def decide(
    motion: Motion, state: GameState, role: str, difficulty: str, rng: random.Random
) -> tuple[Decision, GameState, Event]:
    """Like :func:`choose_action`, also returning the state and event once it is applied."""
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"unknown difficulty {difficulty!r} (known: {', '.join(DIFFICULTIES)})")
    if state.finished or state.current_role != role:
        raise ValueError(f"it is not {role}'s turn")
    ctx = Ctx(state, role, rng, difficulty)
    for c in _ordered(ctx):
        try:
            new, event = apply(state, role, c.action, c.rationale)
        except IllegalAction:
            continue  # a rule's guess was refused: try the next, never stall
        return Decision(c.action, c.rationale), new, event
    raise AssertionError(f"no legal action found for {role}")  # pragma: no cover


def _ordered(ctx: Ctx) -> Iterator[Candidate]:
    """Candidates in the order the difficulty prefers them, then always-legal fallbacks."""
    policy = policy_for(ctx.state.motion, ctx.role)
    if ctx.state.in_vote:
        yield policy.vote(ctx)
    elif ctx.difficulty == "easy":
        yield from _easy(ctx, policy, policy.candidates(ctx))
    elif ctx.difficulty == "hard":
        yield from lookahead.rank(ctx, policy.candidates(ctx))
    else:
        # Answers outrank every rule of the role's own (see policies.base), so the rules
        # are only worked out when nothing is addressed to the role.
        yield from _normal(ctx, policy.answers(ctx))
        yield from _normal(ctx, policy.initiatives(ctx))
    yield from _fallbacks(ctx)


def _normal(ctx: Ctx, candidates: list[Candidate]) -> list[Candidate]:
    """Highest priority first; the role's own rules get a little random spread."""
    keyed = [
        (c.priority + (ctx.rng.random() * JITTER if c.priority < ANSWER_DEMAND else 0.0), i, c)
        for i, c in enumerate(candidates)
    ]
    keyed.sort(key=lambda t: (-t[0], t[1]))
    return [c for _, _, c in keyed]


def _easy(ctx: Ctx, policy: Policy, candidates: list[Candidate]) -> list[Candidate]:
    """Mostly a scripted line; otherwise any of the rules' candidates, at random."""
    shuffled = list(candidates)
    ctx.rng.shuffle(shuffled)
    if ctx.can("speak") and ctx.chance(EASY_SPEECH_SHARE):
        topic: Topic = "opening" if ctx.state.phase_index == 0 else "argue"
        speech = ctx.speech(
            topic,
            rule=policy.rule("scripted_line"),
            why="says one of its scripted lines (easy difficulty)",
        )
        return [speech, *shuffled]
    return shuffled


def _fallbacks(ctx: Ctx) -> list[Candidate]:
    """Always-legal last resorts: pass, or in a phase without passing, vote no or speak."""
    why = "no rule produced an action the rules accept"
    return [
        Candidate(Pass(), f"{ctx.role}.fallback", why, 0.0),
        Candidate(Vote(accept=False), f"{ctx.role}.fallback", why, 0.0),
        Candidate(Speak(text="We have nothing to add."), f"{ctx.role}.fallback", why, 0.0),
    ]


__all__ = ["DIFFICULTIES", "Decision", "choose_action", "decide", "decision_rng"]
