"""Stress-test card format: which commitments a scenario defeats, as data.

A card holds one or more effects. Each effect selects commitments with a :class:`Selector`
(by kind, by field values, by the tier or nuclear status of the party that made them) and
voids or discounts them, unless the package also holds something matching ``unless``.

>>> card = StressCard.model_validate({
...     "id": "new_administration", "name": "New administration",
...     "description": "A new government takes office in a guarantor's capital.",
...     "effects": [{"effect": "void", "where": {"basis": ["executive"]},
...                  "reason": "an executive act falls with the administration"}]})
>>> card.effects[0].effect, card.effects[0].kept
('void', 0.0)
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from debate.validation import FiniteFloat, PlainText, SafeText
from debate.vocabulary.commitments import CommitmentKind, Tier

#: A value a selector compares a commitment field with (finite, bounded).
Scalar = (
    StrictBool
    | Annotated[int, Field(strict=True, ge=-(10**12), le=10**12)]
    | Annotated[FiniteFloat, Field(ge=-1e12, le=1e12)]
    | Annotated[PlainText, Field(max_length=100)]
)


class Selector(BaseModel):
    """Matches commitments. Every non-empty test must hold; an empty selector matches all."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kinds: tuple[CommitmentKind, ...] = ()
    where: dict[str, tuple[Scalar, ...]] = Field(
        default_factory=dict,
        description="field name -> accepted values, e.g. {timing = ['on_attack']}",
    )
    by_tier: tuple[Tier, ...] = ()
    by_nuclear: bool | None = None
    max_years: int | None = Field(
        default=None,
        strict=True,
        ge=0,
        le=1000,
        description="only time-limited commitments lasting at most this many years "
        "(open-ended ones, years = 0, never match)",
    )


class CardEffect(Selector):
    """What a card does to the commitments its selector fields match."""

    effect: Literal["void", "discount"]
    factor: FiniteFloat = Field(
        default=0.5, ge=0, le=1, description="share of value a discount keeps"
    )
    unless: Selector | None = Field(
        default=None, description="the effect does not apply if the package holds a match"
    )
    reason: SafeText = Field(min_length=1, max_length=300)

    @property
    def kept(self) -> float:
        """Share of a matched commitment's value that survives (0 for a void)."""
        return 0.0 if self.effect == "void" else self.factor


class StressCard(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: PlainText = Field(min_length=1, max_length=80)
    description: SafeText = Field(min_length=1, max_length=600)
    effects: tuple[CardEffect, ...] = Field(min_length=1)
