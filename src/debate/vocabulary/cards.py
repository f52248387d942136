"""Stress-test card format: which commitments a scenario defeats, as data.

A card holds a *precondition* (``requires``: the scenario needs, say, a nuclear aggressor), a
*scope* (the whole package, or one guarantor's capital at a time) and one or more effects.
Each effect selects commitments with a :class:`Selector` (by kind, by field values, by the
tier or nuclear status of the party that made them) and voids or discounts them, unless the
package also holds something matching ``unless``.

Validation refuses a card that could raise the Deterrence Index or break the legal ladder:

- an effect may not select a concession (voiding a concession would *raise* the index);
- after the card, a stronger legal basis must keep at least the share a weaker one keeps
  (declaration <= memorandum <= executive <= un_resolution <= treaty <= ratified_treaty <=
  statute), for every kind, party and field value the card tells apart.

>>> card = StressCard.model_validate({
...     "id": "new_administration", "name": "New administration",
...     "description": "A new government takes office in a guarantor's capital.",
...     "scope": "each_guarantor",
...     "effects": [{"effect": "void", "where": {"basis": ["declaration", "memorandum",
...                                                        "executive"]},
...                  "reason": "an executive act falls with the administration"}]})
>>> card.effects[0].effect, card.effects[0].kept, card.scope
('void', 0.0, 'each_guarantor')
>>> from pydantic import ValidationError
>>> try:
...     StressCard.model_validate({**card.model_dump(), "effects": [{"effect": "void",
...         "where": {"basis": ["executive"]}, "reason": "only executive acts"}]})
... except ValidationError as e:
...     print(e.errors()[0]["msg"].removeprefix("Value error, "))
breaks the legal ladder: troops by a superpower on a memorandum keeps 100% but on ...
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import itertools
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, Field, StrictBool, model_validator

from debate.validation import RECORD_CONFIG, FiniteFloat, PlainText, SafeText
from debate.vocabulary.commitments import (
    BASES,
    CONCESSION_KINDS,
    KIND_MODELS,
    CommitmentKind,
    Tier,
)

#: A value a selector compares a commitment field with (finite, bounded).
Scalar = (
    StrictBool
    | Annotated[int, Field(strict=True, ge=-(10**12), le=10**12)]
    | Annotated[FiniteFloat, Field(ge=-1e12, le=1e12)]
    | Annotated[PlainText, Field(max_length=100)]
)
_MISSING = object()


class Selector(BaseModel):
    """Matches commitments. Every non-empty test must hold; an empty selector matches all."""

    model_config = RECORD_CONFIG

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
        le=99,
        description="only time-limited commitments lasting at most this many years "
        "(open-ended ones, years = 0, never match)",
    )


class CardEffect(Selector):
    """What a card does to the commitments its selector fields match."""

    effect: Literal["void", "discount"]
    factor: FiniteFloat = Field(
        default=0.5, ge=0, le=1, description="share a discount keeps"
    )
    unless: Selector | None = Field(
        default=None, description="the effect does not apply if the package holds a match"
    )
    reason: SafeText = Field(min_length=1, max_length=300)

    @property
    def kept(self) -> float:
        """Share of a matched commitment's value that survives (0 for a void)."""
        return 0.0 if self.effect == "void" else self.factor


class Precondition(BaseModel):
    """What the package must be like for the scenario to make sense at all."""

    model_config = RECORD_CONFIG

    aggressor_nuclear: bool | None = Field(
        default=None,
        description="true: only when a party on the aggressor's side has nuclear weapons",
    )


class StressCard(BaseModel):
    model_config = RECORD_CONFIG

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: PlainText = Field(min_length=1, max_length=80)
    description: SafeText = Field(min_length=1, max_length=600)
    # Made without validating (it has nothing to check): a validator built at import makes
    # pydantic look for plugins, and loads importlib.metadata (issue 15, start-up).
    requires: Precondition = Precondition.model_construct()
    scope: Literal["package", "each_guarantor"] = Field(
        default="package",
        description="each_guarantor: the card hits one guarantor's commitments at a time "
        "(one government changes, not all); the stress test reports the one whose loss "
        "hurts most",
    )
    effects: tuple[CardEffect, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _cannot_raise_the_index(self) -> "StressCard":
        for i, effect in enumerate(self.effects):
            touched = CONCESSION_KINDS.intersection(effect.kinds)
            if touched:
                raise ValueError(
                    f"effects[{i}].kinds: a card may not touch a concession "
                    f"({', '.join(sorted(touched))}): voiding one would raise the index"
                )
        problem = ladder_problem(self.effects)
        if problem:
            raise ValueError(f"breaks the legal ladder: {problem}")
        return self


def selects(
    selector: Selector, kind: str, fields: Mapping[str, Any], tier: str, nuclear: bool
) -> bool:
    """Whether a selector matches a commitment of ``kind`` with these field values, made by a
    party of this tier and nuclear status.

    ``where`` values match a field's value, or any item of a list field (composition,
    domains); a commitment without the field does not match.
    """
    if selector.kinds and kind not in selector.kinds:
        return False
    if selector.by_tier and tier not in selector.by_tier:
        return False
    if selector.by_nuclear is not None and nuclear != selector.by_nuclear:
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


_GUARANTOR_TIERS = ("superpower", "great_power", "middle_power", "international_body")
_ACTS = {
    "declaration": "a declaration",
    "memorandum": "a memorandum",
    "executive": "an executive act",
    "un_resolution": "a UN resolution",
    "treaty": "a treaty",
    "ratified_treaty": "a ratified treaty",
    "statute": "a statute",
}


def ladder_problem(effects: tuple[CardEffect, ...]) -> str | None:
    """Why these effects would let a weaker legal basis keep more than a stronger one, or None.

    Probes every kind with a ``basis``, every tier and nuclear status, every value of the
    fields the effects test, and every combination of ``unless`` conditions being met.
    """
    # Each effect's selector without its basis test, and the bases it accepts (None: all):
    # whether an effect selects a probe is then decided once for every basis (start-up
    # time: a motion's cards are checked each time it loads).
    unbased = [e.model_copy(update={"where": {k: v for k, v in e.where.items()
                                              if k != "basis"}}) for e in effects]
    bases_of = [e.where.get("basis") for e in effects]
    for kind, model in KIND_MODELS.items():
        if "basis" not in model.model_fields or kind in CONCESSION_KINDS:
            continue
        # Only effects that can select this kind matter (and only their `unless` switches):
        # a kind no effect names keeps everything on every basis.
        touching = [i for i, e in enumerate(effects) if not e.kinds or kind in e.kinds]
        if not touching:
            continue
        conditional = [i for i in touching if effects[i].unless is not None]
        for fields in _probes(model, effects):
            for tier, nuclear in itertools.product(
                (*_GUARANTOR_TIERS, "protected_party"), (False, True)
            ):
                hits = [i for i in touching if selects(unbased[i], kind, fields, tier, nuclear)]
                if not hits:
                    continue
                for met in itertools.product((False, True), repeat=len(conditional)):
                    off = {i for i, m in zip(conditional, met, strict=True) if m}
                    kept = [
                        min((effects[i].kept for i in hits if i not in off
                             and _accepts(bases_of[i], basis)), default=1.0)
                        for basis in BASES
                    ]
                    for (weak, a), (strong, b) in itertools.pairwise(zip(BASES, kept, strict=True)):
                        if b < a:
                            return (
                                f"{kind} by a {tier.replace('_', ' ')} on {_ACTS[weak]} keeps "
                                f"{a:.0%} but on {_ACTS[strong]} {b:.0%}"
                            )
    return None


def _accepts(bases: tuple[Any, ...] | None, basis: str) -> bool:
    return bases is None or any(_same(basis, b) for b in bases)


def _probes(model: type[BaseModel], effects: tuple[CardEffect, ...]) -> Iterator[dict[str, Any]]:
    """Field values worth trying: every literal value of each field an effect tests."""
    tested: set[str] = set()
    years: set[int] = {0, 1}
    for e in effects:
        for sel in (e, e.unless):
            if sel is None:
                continue
            tested.update(name for name in sel.where if name != "basis")
            if sel.max_years is not None:
                years.update({sel.max_years, sel.max_years + 1})
    options: dict[str, tuple[Any, ...]] = {}
    for name in sorted(tested):
        info = model.model_fields.get(name)
        if info is None:
            continue
        values = _values(info.annotation)
        if values:
            options[name] = values
    if "years" in model.model_fields:
        options["years"] = tuple(sorted(years))
    names = list(options)
    for combo in itertools.product(*(options[n] for n in names)):
        yield {n: (v,) if _is_tuple(model, n) else v for n, v in zip(names, combo, strict=True)}


def _values(annotation: Any) -> tuple[Any, ...]:
    args = get_args(annotation)
    if annotation is bool:
        return (False, True)
    if args and all(isinstance(a, str) for a in args):  # a Literal
        return args
    if args and get_args(args[0]):  # tuple[Literal[...], ...]
        return get_args(args[0])
    return ()


def _is_tuple(model: type[BaseModel], name: str) -> bool:
    annotation = model.model_fields[name].annotation
    return getattr(annotation, "__origin__", None) is tuple
