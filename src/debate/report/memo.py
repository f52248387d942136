"""The scorer, once per distinct package: what a long session's charts and exports need.

``score_game(state)`` scores the package on the table and each seated role. Across a
session the package changes rarely (speeches, passes and most challenges leave it as it
was: in a 10,000-event scripted session a few dozen events change it), yet reports ask for
the scores at every point. :class:`PackageMemo` is a drop-in scorer that keeps one result
per *package fingerprint* and derives the rest:

* the package a state scores is made of the motion, the seated roles and the active
  commitments (their owner, terms and discount); with the vote's outcome (a rejected
  package is scored as no deal) that is the fingerprint;
* the scorecard and each role's objective score (red lines included) depend on nothing
  else, so they are computed once per fingerprint;
* a role's debate points change with speeches and challenges: they are read from each state
  (``RoleScore.debate``), which is cheap.

The result equals ``score_game(state)`` exactly (``tests/test_report_memo.py`` compares the
two over whole sessions). Lookups keep it cheap: states share the commitment records
they did not change, so a state holding the very records the previous one scored is
answered by comparing them (most events); else a fingerprint by identity of those records
costs a few microseconds; only when it misses is the fingerprint by value (terms compared
field by field) computed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from debate.scoring.game import GameScores, score_game

if TYPE_CHECKING:
    from debate.engine import GameState
    from debate.scoring.results import Scorecard

Scorer = Callable[["GameState"], GameScores]


class PackageMemo:
    """``score_game``, computed once per distinct package (see the module docstring)."""

    def __init__(self, scorer: Scorer = score_game) -> None:
        self.scorer = scorer
        self._by_identity: dict[Hashable, tuple[Any, GameScores]] = {}
        self._by_value: dict[Hashable, GameScores] = {}
        self._motions: dict[int, Any] = {}  # keeps the motions whose id() is in the keys
        self.computed = 0  # packages actually scored (for tests and benchmarks)
        self._last: tuple[GameScores, tuple[int, ...], GameScores] | None = None
        # The package the previous state scored, by identity: the next state (one event on)
        # nearly always holds the same records, a tuple comparison with no hashing.
        self._previous: tuple[Any, tuple[str, ...], bool | None, tuple[Any, ...]] | None = None
        self._previous_scores: GameScores | None = None

    def __call__(self, state: GameState) -> GameScores:
        base = self._package_scores(state)
        points = state.points
        debates = tuple(
            p.total if (p := points.get(role_id)) is not None else 0 for role_id in base.roles
        )
        last = self._last
        if last is not None and last[0] is base and last[1] == debates:
            return last[2]
        if all(s.debate == d for s, d in zip(base.roles.values(), debates, strict=True)):
            scores = base
        else:
            scores = GameScores(
                base.card,
                {
                    r: s if s.debate == d else replace(s, debate=d)
                    for (r, s), d in zip(base.roles.items(), debates, strict=True)
                },
            )
        self._last = (base, debates, scores)
        return scores

    def card(self, state: GameState) -> Scorecard:
        """The package's scorecard alone, which is all a trace of the index or the criteria
        needs: no role's score is rebuilt for a speech's debate points."""
        return self._package_scores(state).card

    def _package_scores(self, state: GameState) -> GameScores:
        motion = state.motion
        records = tuple(state.commitments.values())
        agreed = state.agreed
        previous = self._previous
        if (
            previous is not None
            and previous[0] is motion
            and previous[1] == state.roles
            and previous[2] == agreed
            and previous[3] == records  # the same records (or equal ones: the same package)
        ):
            assert self._previous_scores is not None
            return self._previous_scores
        scores = self._scores(state, motion, agreed, records)
        self._previous, self._previous_scores = (motion, state.roles, agreed, records), scores
        return scores

    def _scores(
        self, state: GameState, motion: Any, agreed: bool | None, records: tuple[Any, ...]
    ) -> GameScores:
        self._motions.setdefault(id(motion), motion)
        quick = (id(motion), state.roles, agreed, tuple(map(id, records)))
        found = self._by_identity.get(quick)
        if found is not None:
            return found[1]
        key = (id(motion), state.roles, agreed, _package_value(state))
        scores = self._by_value.get(key)
        if scores is None:
            scores = self.scorer(state)
            self._by_value[key] = scores
            self.computed += 1
        self._by_identity[quick] = (records, scores)  # the records keep their ids valid
        return scores


def _package_value(state: GameState) -> tuple[Hashable, ...]:
    out: list[Hashable] = []
    for tabled in state.active_commitments():
        terms: Hashable
        try:
            hash(tabled.terms)
            terms = tabled.terms
        except TypeError:  # a model with an unhashable field: compare its JSON instead
            terms = (type(tabled.terms).__name__, tabled.terms.model_dump_json())
        # The id too: reasons name commitments by it (c7), so a re-tabled line is not the same.
        out.append((tabled.id, tabled.owner, terms, tabled.discounted))
    return tuple(out)


def card_reader(scorer: Scorer) -> Callable[[GameState], Scorecard]:
    """A function from a state to its scorecard: :meth:`PackageMemo.card` for the memo,
    else the card of ``scorer``'s result."""
    if isinstance(scorer, PackageMemo):
        return scorer.card
    return lambda state: scorer(state).card


def memoised(scorer: Scorer) -> Scorer:
    """A :class:`PackageMemo` for the real scorer; any other scorer (a test's stand-in,
    which may read more of the state than the package) is used as it is."""
    return PackageMemo() if scorer is score_game else scorer
