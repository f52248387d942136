"""Applying stress-test cards: which commitments a scenario defeats, and by how much.

A card's effects select commitments (:class:`~debate.vocabulary.cards.Selector`); each selected
commitment keeps ``effect.kept`` of its value (0 when voided). When several effects of one
card select the same commitment, the harshest counts. The aggressor's side is never touched:
cards stress the guarantees, not the threat (its own forces stay what the package says).

>>> from debate.vocabulary.cards import Selector
>>> from debate.vocabulary.commitments import Troops
>>> from debate.scoring.package import Party
>>> us = Party(id="us", name="US", tier="superpower", nuclear=True)
>>> troops = Troops(by="us", size=1000, basis="executive")
>>> selects(Selector(where={"basis": ("executive",)}), troops, us)
True
>>> selects(Selector(by_nuclear=False), troops, us)
False
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict

from debate.scoring.package import Package, Party
from debate.vocabulary.cards import Selector, StressCard
from debate.vocabulary.commitments import Commitment

_MISSING = object()


class CardDeck(BaseModel):
    """The format of ``cards.toml``: a list of cards."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cards: tuple[StressCard, ...]


@cache
def default_cards() -> tuple[StressCard, ...]:
    """The default stress-test cards (package data: ``debate/scoring/cards.toml``).

    >>> [c.id for c in default_cards()][:3]
    ['nuclear_blackmail', 'new_administration', 'withdrawal_demand']
    """
    text = resources.files("debate.scoring").joinpath("cards.toml").read_text("utf-8")
    return CardDeck.model_validate(tomllib.loads(text)).cards


def selects(selector: Selector, c: Commitment, party: Party) -> bool:
    """Whether a selector matches a commitment made by ``party``.

    ``where`` values match a field's value, or any item of a list field (composition,
    domains); a commitment without the field does not match.
    """
    return _selects(selector, c.kind, c.__dict__, party)


def _selects(selector: Selector, kind: str, fields: dict[str, Any], party: Party) -> bool:
    # ``fields`` is the commitment's __dict__: where pydantic keeps field values.
    if selector.kinds and kind not in selector.kinds:
        return False
    if selector.by_tier and party.tier not in selector.by_tier:
        return False
    if selector.by_nuclear is not None and party.nuclear != selector.by_nuclear:
        return False
    if selector.max_years is not None:
        years = fields.get("years", 0)
        if not 0 < years <= selector.max_years:
            return False
    for name, accepted in selector.where.items():
        value = fields.get(name, _MISSING)
        if value is _MISSING:
            return False
        if isinstance(value, tuple):
            if not any(_same(v, a) for v in value for a in accepted):
                return False
        elif not any(_same(value, a) for a in accepted):
            return False
    return True


def _same(value: object, accepted: object) -> bool:
    # True == 1 in Python; a card asking for `armed = [true]` must not match a size of 1.
    return value == accepted and isinstance(value, bool) == isinstance(accepted, bool)


class CardMatcher:
    """A package read once for matching cards against it (one per stress test).

    Only commitments a card may break are candidates: everything but void commitments and
    the aggressor's side, except a DMZ the aggressor accepts.
    """

    def __init__(self, package: Package, factors: Sequence[float]) -> None:
        commitments = package.commitments
        parties = package.party_by_id
        self.kinds = [c.kind for c in commitments]
        self.fields = [c.__dict__ for c in commitments]
        self.parties = [parties[c.by] for c in commitments]
        self.touchable = [
            i
            for i, c in enumerate(commitments)
            if factors[i] > 0 and (c.kind == "dmz" or not package.aggressor_side(c.by))
        ]
        self.by_kind: dict[str, list[int]] = {}
        for i in self.touchable:
            self.by_kind.setdefault(self.kinds[i], []).append(i)

    def candidates(self, selector: Selector) -> list[int]:
        if not selector.kinds:
            return self.touchable
        return sorted(i for k in set(selector.kinds) for i in self.by_kind.get(k, ()))

    def matching(self, selector: Selector) -> list[int]:
        return [
            i
            for i in self.candidates(selector)
            if _selects(selector, self.kinds[i], self.fields[i], self.parties[i])
        ]

    def effects(self, card: StressCard) -> list[tuple[int, float, str]]:
        """What a card does: (commitment index, share kept, reason) per defeated commitment,
        in package order. When several effects select one commitment, the harshest counts."""
        worst: dict[int, tuple[float, str]] = {}
        for effect in card.effects:
            if effect.unless is not None and self.matching(effect.unless):
                continue
            kept = effect.kept
            for i in self.matching(effect):
                cur = worst.get(i)
                if cur is None or kept < cur[0]:
                    worst[i] = (kept, effect.reason)
        return [(i, kept, reason) for i, (kept, reason) in sorted(worst.items())]


def card_effects(
    card: StressCard, package: Package, factors: Sequence[float]
) -> list[tuple[int, float, str]]:
    """What one card does to a package (see :meth:`CardMatcher.effects`)."""
    return CardMatcher(package, factors).effects(card)
