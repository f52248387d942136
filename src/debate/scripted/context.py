"""The pieces every policy is built from: a decision context and candidate actions.

A rule looks at the :class:`Ctx` (state, role, generator, difficulty) and offers
:class:`Candidate` actions, each with a priority and a rationale naming the rule that fired
and the claims or criteria it rests on. The difficulty decides how a candidate is picked.

>>> from debate.engine import new_game
>>> from debate.engine.testing import tiny_motion
>>> ctx = Ctx(new_game(tiny_motion()), "kyiv", random.Random(0), "normal")
>>> ctx.claims_for("pre_positioning")
('after_is_empty',)
>>> speech = ctx.speech("argue", rule="kyiv.argue", why="keeps the floor")
>>> speech.action.type, speech.rationale.startswith("kyiv.argue: keeps the floor")
('speak', True)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from debate.engine.actions import MAX_NOTE, Action, Challenge, Demand, Propose, Speak
from debate.engine.rules import legal_action_types
from debate.engine.state import ChallengeRecord, GameState, TabledCommitment
from debate.motions.model import Motion, Role
from debate.scripted.facts import answers_in_time
from debate.scripted.lines import Topic, pick_line
from debate.scripted.rng import disposition
from debate.vocabulary.commitments import Commitment, describe
from debate.vocabulary.criteria import CRITERION_NAMES

T = TypeVar("T")

#: Rationales are stored in events (at most 1000 characters there).
MAX_RATIONALE = 900


class Candidate:
    """An action a rule proposes, how much the policy wants it, and why.

    The action (with the claims it rests on) and the explanation may be given as functions:
    a policy offers many candidates per decision and most are never taken, so their text
    is only written when needed.
    """

    __slots__ = ("_built", "_make", "_why", "priority", "rule")

    def __init__(
        self,
        action: Action | Callable[[], tuple[Action, tuple[str, ...]]],
        rule: str,
        why: str | Callable[[], str],
        priority: float,
        rests_on: tuple[str, ...] = (),
    ) -> None:
        self.rule = rule
        self.priority = priority
        self._why = why
        self._built: tuple[Action, tuple[str, ...]] | None = None
        self._make: Callable[[], tuple[Action, tuple[str, ...]]] | None = None
        if callable(action):
            self._make = action
        else:
            self._built = (action, rests_on)

    def _build(self) -> tuple[Action, tuple[str, ...]]:
        if self._built is None:
            assert self._make is not None
            self._built = self._make()
        return self._built

    @property
    def action(self) -> Action:
        return self._build()[0]

    @property
    def rests_on(self) -> tuple[str, ...]:
        return self._build()[1]

    @property
    def why(self) -> str:
        if callable(self._why):
            self._why = self._why()
        return self._why

    @property
    def rationale(self) -> str:
        """``rule: why (rests on ...)``, short enough for an event."""
        text = f"{self.rule}: {self.why}"
        if self.rests_on:
            text += f" (rests on {', '.join(self.rests_on)})"
        return text[:MAX_RATIONALE]

    def __repr__(self) -> str:
        return f"Candidate({self.rule!r}, priority={self.priority:g})"


@dataclass
class Ctx:
    """One decision: who decides, on what state, with which generator and difficulty."""

    state: GameState
    role: str
    rng: random.Random
    difficulty: str = "normal"

    # -- who and where ------------------------------------------------------------------
    @cached_property
    def spec(self) -> Role:
        return self.state.role(self.role)

    @property
    def tier(self) -> str:
        return self.spec.guarantor.tier

    @cached_property
    def allowed(self) -> tuple[str, ...]:
        """Action types the engine would consider now."""
        return legal_action_types(self.state, self.role)

    def can(self, action_type: str) -> bool:
        return action_type in self.allowed

    def name(self, role: str) -> str:
        return self.state.role(role).name

    def chance(self, p: float) -> bool:
        """A coin flip that comes up with probability ``p``."""
        return self.rng.random() < p

    def disposition(self, trait: str) -> float:
        """This role's temper on ``trait`` for the whole game, in [0, 1) (drawn once per game
        from the seed the generator carries: see :func:`debate.scripted.rng.disposition`)."""
        cache = self.__dict__.setdefault("_dispositions", {})
        if trait not in cache:
            cache[trait] = disposition(self.rng, self.role, trait)
        value: float = cache[trait]
        return value

    def variants(self, options: list[T]) -> list[T]:
        """The options a rule should offer: one at random, or all of them for the hard
        difficulty (which compares them with the scorer)."""
        return list(options) if self.difficulty == "hard" else [self.rng.choice(options)]

    # -- what is on the table -------------------------------------------------------------
    @cached_property
    def active(self) -> tuple[TabledCommitment, ...]:
        """Commitments on the table (the state does not change during a decision)."""
        return tuple(self.state.active_commitments())

    def mine(self) -> list[TabledCommitment]:
        return [c for c in self.active if c.owner == self.role]

    def others(self) -> list[TabledCommitment]:
        return [c for c in self.active if c.owner != self.role]

    def mine_of_kind(self, kind: str) -> list[TabledCommitment]:
        return [c for c in self.mine() if c.terms.kind == kind]

    def challenged_before(self, commitment_id: str, criterion: str) -> bool:
        """Whether this role has ever challenged that commitment on that criterion."""
        return any(
            ch.challenger == self.role
            and ch.commitment_id == commitment_id
            and ch.criterion == criterion
            for ch in self.state.challenges.values()
        )

    def demands_made(self, kind: str, target: str) -> int:
        """How many demands of this kind this role has made of ``target`` so far."""
        return sum(
            d.by == self.role and d.target == target and d.terms.kind == kind
            for d in self.state.demands.values()
        )

    def challenges_against_me(self, criteria: tuple[str, ...] = ()) -> list[ChallengeRecord]:
        """Every challenge ever made on this role's commitments (optionally on ``criteria``)."""
        return [
            ch
            for ch in self.state.challenges.values()
            if ch.target == self.role and (not criteria or ch.criterion in criteria)
        ]

    # -- what the role may do -------------------------------------------------------------
    def may_propose(self, kind: str) -> bool:
        return self.can("propose") and kind in self.spec.may_commit

    def may_demand(self, kind: str, target: str | None) -> bool:
        return (
            target is not None
            and target != self.role
            and target in self.state.roles
            and self.can("demand")
            and kind in self.spec.may_demand
            and kind in self.state.role(target).may_commit
        )

    def knows_criterion(self, criterion: str) -> bool:
        return criterion in self.state.motion.criterion_weights

    def claims_for(
        self, *criteria: str, k: int = 2, prefer: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        """Up to ``k`` claim ids of this motion: the ``prefer``-red ones it has, then those
        that bear on most of ``criteria`` (in the motion's order on ties)."""
        return _claims_for(self.state.motion, criteria, k, prefer)

    # -- building candidates ----------------------------------------------------------------
    def line(
        self, topic: Topic, prefer: str | None = None, **fill: str
    ) -> tuple[str, tuple[str, ...]]:
        """A scripted line for ``topic``, filled in: (text, criteria it invokes)."""
        line = pick_line(self.role, self.tier, topic, self.rng, prefer)
        criteria = tuple(c for c in line.criteria if self.knows_criterion(c))
        return line.fill(**fill), criteria

    def speech(
        self,
        topic: Topic,
        *,
        rule: str,
        why: str,
        priority: float = 5.0,
        criterion: str | None = None,
    ) -> Candidate:
        """A speech from the scripted lines; ``criterion`` is invoked (it rebuts challenges)."""

        def make() -> tuple[Action, tuple[str, ...]]:
            fill = {"criterion": CRITERION_NAMES.get(criterion, criterion)} if criterion else {}
            text, criteria = self.line(topic, criterion, **fill)
            if criterion is not None and self.knows_criterion(criterion):
                criteria = (criterion, *(c for c in criteria if c != criterion))
            claims = self.claims_for(*criteria) if criteria else ()
            rests = tuple(f"claim {c}" for c in claims) or tuple(f"criterion {c}" for c in criteria)
            return Speak(text=text, claims=claims, criteria=criteria), rests

        return Candidate(make, rule, why, priority)

    def challenge(
        self,
        target: TabledCommitment,
        criterion: str,
        topic: Topic,
        *,
        rule: str,
        why: str,
        priority: float,
        claim_criteria: tuple[str, ...] = (),
        prefer: tuple[str, ...] = (),
    ) -> Candidate | None:
        """A challenge on ``target`` (None if the criterion is unknown or already raised)."""
        if not self.can("challenge") or not self.knows_criterion(criterion):
            return None
        if self.challenged_before(target.id, criterion):
            return None

        def make() -> tuple[Action, tuple[str, ...]]:
            claims = self.claims_for(*(claim_criteria or (criterion,)), prefer=prefer)
            text, _ = self.line(topic, criterion, commitment=describe(target.terms))
            action = Challenge(
                commitment_id=target.id, criterion=criterion, claims=claims, text=text
            )
            return action, (f"criterion {criterion}", *(f"claim {c}" for c in claims))

        return Candidate(
            make, rule, lambda: f"{target.id} ({describe(target.terms)}): {why}", priority
        )

    def demand(
        self,
        terms: Commitment,
        *,
        rule: str,
        why: str,
        priority: float,
        claims_on: tuple[str, ...] = (),
        prefer: tuple[str, ...] = (),
    ) -> Candidate | None:
        """A demand that ``terms.by`` make ``terms`` (None if the rules would not allow it, or,
        above the easy difficulty, if ``terms.by`` has no turn left to answer it)."""
        if not self.may_demand(terms.kind, terms.by):
            return None
        if self.difficulty != "easy" and not answers_in_time(self.state, terms.by):
            return None  # a demand nobody can answer before the vote is a wasted action

        def make() -> tuple[Action, tuple[str, ...]]:
            text, _ = self.line("demand", commitment=describe(terms), target=self.name(terms.by))
            return Demand(commitment=terms, text=text[:MAX_NOTE]), self._rests(claims_on, prefer)

        return Candidate(make, rule, why, priority)

    def propose(
        self,
        terms: Commitment,
        *,
        rule: str,
        why: str,
        priority: float,
        claims_on: tuple[str, ...] = (),
        prefer: tuple[str, ...] = (),
    ) -> Candidate | None:
        """Table ``terms`` (None if this role may not)."""
        if not self.may_propose(terms.kind) or terms.by != self.role:
            return None
        return Candidate(
            Propose(commitment=terms), rule, why, priority, self._rests(claims_on, prefer)
        )

    def _rests(self, claims_on: tuple[str, ...], prefer: tuple[str, ...]) -> tuple[str, ...]:
        """What an action rests on, for its rationale: the claims cited, else the criteria."""
        claims = self.claims_for(*claims_on, prefer=prefer) if claims_on or prefer else ()
        return tuple(f"claim {c}" for c in claims) or tuple(f"criterion {c}" for c in claims_on)


_claims_memo: dict[
    tuple[int, tuple[str, ...], int, tuple[str, ...]], tuple[object, tuple[str, ...]]
] = {}


def _claims_for(
    motion: Motion, criteria: tuple[str, ...], k: int, prefer: tuple[str, ...]
) -> tuple[str, ...]:
    # Pure in the motion, asked thousands of times per tournament: memoised (the motion is
    # kept in the entry so its id cannot be reused while the entry lives).
    key = (id(motion), criteria, k, prefer)
    hit = _claims_memo.get(key)
    if hit is not None and hit[0] is motion:
        return hit[1]
    bank = motion.claim_by_id
    chosen = [cid for cid in prefer if cid in bank][:k]
    wanted = set(criteria)
    scored = [
        (len(wanted.intersection(c.criteria)), i, c.id)
        for i, c in enumerate(motion.claims)
        if wanted.intersection(c.criteria) and c.id not in chosen
    ]
    scored.sort(key=lambda t: (-t[0], t[1]))
    chosen += [cid for _, _, cid in scored[: k - len(chosen)]]
    if len(_claims_memo) > 4096:
        _claims_memo.clear()
    _claims_memo[key] = (motion, tuple(chosen))
    return tuple(chosen)
