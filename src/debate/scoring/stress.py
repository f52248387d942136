"""Applying stress-test cards: which commitments a scenario defeats, and by how much.

A card's effects select commitments (:class:`~debate.vocabulary.cards.Selector`); each selected
commitment keeps ``effect.kept`` of its value (0 when voided). When several effects of one
card select the same commitment, the harshest counts. Cards never touch the aggressor's side
(they test the guarantees, not the threat) nor a concession (voiding one would raise the
index); a card whose precondition the package does not meet does nothing; a card scoped to
``each_guarantor`` hits one guarantor's commitments at a time.

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

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

from pydantic import BaseModel

from debate.scoring.package import Package, Party
from debate.validation import RECORD_CONFIG
from debate.vocabulary import cards
from debate.vocabulary.cards import Selector, StressCard
from debate.vocabulary.commitments import CONCESSION_KINDS, Commitment


class CardDeck(BaseModel):
    """The format of ``cards.toml``: a list of cards."""

    model_config = RECORD_CONFIG

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
    """Whether a selector matches a commitment made by ``party``."""
    return cards.selects(selector, c.kind, c.__dict__, party.tier, party.nuclear)


def applies(card: StressCard, package: Package) -> bool:
    """Whether the package meets the card's precondition."""
    wants = card.requires.aggressor_nuclear
    if wants is None:
        return True
    nuclear = any(p.nuclear for p in package.parties if package.aggressor_side(p.id))
    return nuclear == wants


class CardMatcher:
    """A package read once for matching cards against it (one per stress test).

    Only commitments a card may break are candidates: guarantees by the protected party or a
    guarantor (never a concession), and a DMZ whoever accepted it.
    """

    def __init__(self, package: Package, factors: Sequence[float]) -> None:
        commitments = package.commitments
        parties = package.party_by_id
        self.kinds = [c.kind for c in commitments]
        self.parties = [parties[c.by] for c in commitments]
        # What `cards.selects` reads of each commitment, in its argument order.
        self.rows = [
            (c.kind, c.__dict__, p.tier, p.nuclear)
            for c, p in zip(commitments, self.parties, strict=True)
        ]
        self.touchable = [
            i
            for i, c in enumerate(commitments)
            if factors[i] > 0
            and c.kind not in CONCESSION_KINDS
            and (c.kind == "dmz" or not package.aggressor_side(c.by))
        ]
        self.by_kind: dict[str, list[int]] = {}
        for i in self.touchable:
            self.by_kind.setdefault(self.kinds[i], []).append(i)
        self.guarantors = [
            p.id
            for p in package.parties
            if p.id != package.protected and not package.aggressor_side(p.id)
        ]

    def candidates(self, selector: Selector) -> list[int]:
        if not selector.kinds:
            return self.touchable
        return sorted(i for k in set(selector.kinds) for i in self.by_kind.get(k, ()))

    def matching(self, selector: Selector, only: str | None = None) -> list[int]:
        rows, selects = self.rows, cards.selects
        return [
            i
            for i in self._may_match(selector)
            if (only is None or self.parties[i].id == only) and selects(selector, *rows[i])
        ]

    def _may_match(self, selector: Selector) -> list[int]:
        """The candidates left once those whose ``where`` fields hold none of the accepted
        values are set aside, cheaply (``value in accepted``, or a list field): ``selects``
        would refuse them, and it still decides for the rest."""
        out = self.candidates(selector)
        rows = self.rows
        for name, accepted in selector.where.items():
            out = [
                i for i in out if (v := rows[i][1].get(name)) in accepted or isinstance(v, tuple)
            ]
        return out

    def holds(self, selector: Selector) -> bool:
        """Whether the package holds at least one match (stops at the first)."""
        rows, selects = self.rows, cards.selects
        return any(selects(selector, *rows[i]) for i in self.candidates(selector))

    def effects(self, card: StressCard, only: str | None = None) -> list[tuple[int, float, str]]:
        """What a card does: (commitment index, share kept, reason) per defeated commitment,
        in package order; with ``only``, to that party's commitments alone. When several
        effects select one commitment, the harshest counts."""
        worst: dict[int, tuple[float, str]] = {}
        for effect in card.effects:
            if effect.unless is not None and self.holds(effect.unless):
                continue
            kept = effect.kept
            for i in self.matching(effect, only):
                cur = worst.get(i)
                if cur is None or kept < cur[0]:
                    worst[i] = (kept, effect.reason)
        return [(i, kept, reason) for i, (kept, reason) in sorted(worst.items())]


def card_effects(
    card: StressCard, package: Package, factors: Sequence[float]
) -> list[tuple[int, float, str]]:
    """What one card does to a package (see :meth:`CardMatcher.effects`)."""
    return CardMatcher(package, factors).effects(card)
