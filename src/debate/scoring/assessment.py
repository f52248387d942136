"""A package read into stacks and amounts, ready to score under any factors.

:func:`debate.scoring.assess.assess` builds an :class:`Assessment` once per package;
:func:`debate.scoring.evaluate.evaluate` then scores every criterion under a list of factors
(one per commitment: 1 counts in full, 0.5 discounted, 0 voided). This module holds the
facts only, so the evaluators can read an Assessment without importing back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from debate.scoring.combine import Layer, Line, Stack, picker
from debate.scoring.package import Package
from debate.scoring.rubric import Rubric


@dataclass(slots=True)
class Concession:
    """One concession: its family (only the harshest of a family counts) and severity."""

    idx: int
    family: str
    severity: float
    note: str


@dataclass(slots=True)
class Assessment:
    """Everything :func:`~debate.scoring.assess.assess` learned about a package."""

    package: Package
    rubric: Rubric
    stacks: dict[str, list[Stack]]  # per criterion: each party's stacks (best per party)
    zero: dict[str, list[Line]]  # commitments that bear on a criterion but give nothing
    presence: Stack  # forces in place before any attack, all guarantors together
    local: Stack  # the protected army (weight 1) and the stationed forces, against the threat
    own: list[Layer]  # the protected party's own army (quality-weighted), part of ``local``
    own_pool: list[tuple[int, float, float]]  # (idx, headcount, quality), best quality first
    own_nuclear: Stack  # the protected army on its own, as nuclear resilience
    threat: float
    threat_lines: list[Line]
    caps: list[tuple[int, int]]  # (idx, force cap)
    bans: list[tuple[int, bool]]  # (idx, allows peacekeepers)
    foreign_troops: list[int]
    foreign_peacekeepers: list[int]
    funding: Stack
    hybrid: list[tuple[int, tuple[str, ...], float, str]]  # (idx, domains, strength, note)
    watchers: list[Stack]  # monitors and peacekeepers watching the line (separation)
    dmz: list[Layer]  # weight 1 when flagged monitored (counts only if watchers are there)
    economic: set[str]  # groups of cost stacks that sanctions relief scales down
    reliefs: list[tuple[int, float]]  # (idx, share of sanctions' cost left)
    concessions: list[Concession]
    aggressor_nuclear: bool
    protected_nuclear: bool
    nuclear_names: str
    unstressed: dict[tuple[object, ...], float] = field(default_factory=dict)  # index, no card
    memo: dict[str, dict[object, float]] = field(default_factory=dict)
    capped: dict[tuple[float, ...], tuple[float, float, int]] = field(default_factory=dict)
    watched_dmz: dict[float, Stack] = field(default_factory=dict)  # separation, by watch
    # The first factors scored without reasons, and those scores (see evaluate.scores).
    reference: tuple[list[float], dict[str, float]] | None = None
    _deps: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _keys: dict[str, Callable[[Sequence[float]], object]] = field(default_factory=dict)
    _sets: dict[str, frozenset[int]] = field(default_factory=dict)

    def dependency_sets(self) -> dict[str, frozenset[int]]:
        """Per criterion, its :meth:`dependencies` as a set."""
        if not self._sets:
            self._sets = {cid: frozenset(deps) for cid, deps in self.dependencies().items()}
        return self._sets

    def dependency_keys(self) -> dict[str, Callable[[Sequence[float]], object]]:
        """Per criterion, a function returning the factors of its :meth:`dependencies` (a
        cache key for its score)."""
        if not self._keys:
            self._keys = {cid: picker(deps) for cid, deps in self.dependencies().items()}
        return self._keys

    def dependencies(self) -> dict[str, tuple[int, ...]]:
        """Per criterion, the commitments whose factors its score can depend on."""
        if self._deps:
            return self._deps

        def of(*groups: Iterable[Layer]) -> set[int]:
            return {lay.idx for g in groups for lay in g}

        stacks = {cid: of(*(s.layers for s in self.stacks[cid])) for cid in self.stacks}
        caps = {i for i, _ in self.caps}
        deps = {
            "pre_positioning": of(self.presence.layers),
            "local_denial": of(self.local.layers) | caps,
            "separation": of(*(w.layers for w in self.watchers), self.dmz),
            "sustainability": of(self.funding.layers) | stacks["sustainability"],
            "hybrid": {idx for idx, *_ in self.hybrid},
            "cost_to_aggressor": stacks["cost_to_aggressor"] | {i for i, _ in self.reliefs},
            "nuclear_resilience": stacks["nuclear_resilience"] | of(self.own) | caps,
            "concessions": {c.idx for c in self.concessions},
        }
        for cid in ("guarantor_standing", "obligation", "legal_durability"):
            deps[cid] = stacks[cid]
        self._deps = {cid: tuple(sorted(d)) for cid, d in deps.items()}
        return self._deps

    def effective(self, factors: Sequence[float]) -> list[float]:
        """Factors after a foreign-troop ban voids the foreign forces it excludes."""
        eff = list(factors)
        if self.bans:
            troop_ban = max(factors[i] for i, _ in self.bans)
            pk_ban = max((factors[i] for i, allows in self.bans if not allows), default=0.0)
            for i in self.foreign_troops:
                eff[i] *= 1.0 - troop_ban
            for i in self.foreign_peacekeepers:
                eff[i] *= 1.0 - pk_ban
        return eff
