"""The rubric's coefficients, as data (``rubric.toml``), validated and order-checked.

The scorer's formulas live in :mod:`debate.scoring.assessors` (what each commitment is worth)
and :mod:`debate.scoring.evaluators` (how criteria add up); the numbers they use live here so
an instructor can read (and a maintainer can tune) them without touching code. The validators
enforce the orderings the scorer's guarantees rest on: a stronger legal basis never counts
less, a standing force never counts less than one promised for after an attack, fight never
less than assist, and so on. Each level table is typed by the commitment vocabulary it rates
(:mod:`debate.vocabulary.commitments`) and must rate every level, weakest first where levels are
ordered.

>>> RUBRIC.basis["statute"] > RUBRIC.basis["executive"]
True
>>> RUBRIC.paper_scale(0.4, "declaration")
0.46
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import itertools
import math
import tomllib
from importlib import resources
from typing import Annotated, Any, Self, get_args

from pydantic import AfterValidator, BaseModel, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from debate.validation import RECORD_CONFIG
from debate.vocabulary.commitments import (
    ArmsLevel,
    AssuranceObligation,
    Basis,
    Equipment,
    Mandate,
    PactObligation,
    Readiness,
    RecognitionScope,
    ReliefScope,
    Severity,
    Tier,
    Withdrawal,
)

#: A share between 0 and 1.
Unit = Annotated[float, Field(ge=0, le=1)]


def _levels(levels: Any, ordered: bool = True) -> AfterValidator:
    """A table that rates every level of the ``levels`` Literal and, if ``ordered``, never
    rates a level below a weaker one (the Literal lists the levels weakest first)."""
    order: tuple[str, ...] = get_args(levels)

    def check(table: dict[Any, float], info: ValidationInfo) -> dict[Any, float]:
        name = info.field_name
        _require(set(table) == set(order), f"{name} needs exactly: {', '.join(order)}")
        if ordered:
            values = [table[k] for k in order]
            _require(
                all(a <= b for a, b in itertools.pairwise(values)),
                f"{name} must not decrease along {' < '.join(order)}",
            )
        return table

    return AfterValidator(check)


PactLevels = Annotated[dict[PactObligation, Unit], _levels(PactObligation)]
ArmsLevels = Annotated[dict[ArmsLevel, Unit], _levels(ArmsLevel)]
MandateLevels = Annotated[dict[Mandate, Unit], _levels(Mandate)]
SeverityLevels = Annotated[dict[Severity, Unit], _levels(Severity)]
ReadinessLevels = Annotated[dict[Readiness, Unit], _levels(Readiness)]
EquipmentLevels = Annotated[dict[Equipment, Unit], _levels(Equipment)]
BasisLevels = Annotated[dict[Basis, Unit], _levels(Basis)]
AssuranceLevels = Annotated[
    dict[AssuranceObligation, Unit], _levels(AssuranceObligation, ordered=False)
]
WithdrawalLevels = Annotated[dict[Withdrawal, Unit], _levels(Withdrawal, ordered=False)]
RecognitionLevels = Annotated[
    dict[RecognitionScope, Unit], _levels(RecognitionScope, ordered=False)
]
ReliefLevels = Annotated[dict[ReliefScope, Unit], _levels(ReliefScope, ordered=False)]


class _Section(BaseModel):
    model_config = RECORD_CONFIG

    @model_validator(mode="after")
    def _standing_first(self) -> Self:
        # Wherever a section rates troops both ways, a standing force must count at least as
        # much as the same force promised for after an attack: the guarantee that moving
        # troops from standing to on_attack never raises the index rests on it.
        standing = getattr(self, "troops_standing", None)
        on_attack = getattr(self, "troops_on_attack", None)
        if standing is None or on_attack is None:
            return self
        pairs = (
            [(getattr(standing, k), getattr(on_attack, k)) for k in type(standing).model_fields]
            if isinstance(standing, BaseModel)
            else [(standing, on_attack)]
        )
        _require(
            all(s >= a for s, a in pairs),
            f"{type(self).__name__.lower()}: troops_standing must be >= troops_on_attack",
        )
        return self


class Scales(_Section):
    presence_troops: float = Field(gt=0)
    tripwire_troops: float = Field(gt=0)
    tripwire_share: Unit
    reference_threat: float = Field(gt=0)
    defence_ratio_half: float = Field(gt=0)
    dmz_km: float = Field(gt=0)
    monitors: float = Field(gt=0)
    observers: float = Field(gt=0)
    funding_bn: float = Field(gt=0)
    funding_horizon_years: int = Field(ge=1)
    full_years: int = Field(ge=1)
    buck_passing: Unit
    demilitarisation_scale: float = Field(gt=0)
    index_lift: float = Field(gt=0)
    cap_floor: float = Field(ge=0, le=100)


class Paper(_Section):
    forces_floor: Unit
    obligation_floor: Unit
    sustainability_floor: Unit
    sanctions_floor: Unit
    hybrid_floor: Unit
    monitors_floor: Unit

    @model_validator(mode="after")
    def _forces_first(self) -> Self:
        # Standing troops scale by forces_floor, troops promised on attack by
        # obligation_floor: moving troops to on_attack must never raise the index.
        _require(
            self.forces_floor >= self.obligation_floor,
            "paper: forces_floor must be >= obligation_floor",
        )
        return self


class Standing(_Section):
    superpower: Unit
    great_power: Unit
    middle_power: Unit
    international_body: Unit
    protected_party: Unit
    aggressor: Unit
    nuclear_state_bonus: Unit
    nuclear_alliance_bonus: Unit

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        _require(self.aggressor == 0, "the aggressor's standing as a guarantor must be 0")
        _require(
            self.superpower >= self.great_power >= self.middle_power,
            "standing must not rise from superpower to great_power to middle_power",
        )
        return self


class Forces(_Section):
    readiness: ReadinessLevels
    equipment: EquipmentLevels
    composition_unknown: Unit
    composition_base: Unit
    composition_per_type: Unit
    host_troops_quality: Unit
    presence_standing_share: Unit
    peacekeeper_presence: MandateLevels
    peacekeeper_combat: MandateLevels
    unarmed: Unit

    @model_validator(mode="after")
    def _composition_bounded(self) -> Self:
        _require(
            self.composition_base + 5 * self.composition_per_type <= 1.0,
            "composition_base + 5 * composition_per_type must not exceed 1",
        )
        # Unknown must never beat known: saying nothing about a force's arms counts at most
        # as much as naming one arm.
        _require(
            self.composition_unknown <= self.composition_base + self.composition_per_type,
            "composition_unknown must not exceed composition_base + composition_per_type",
        )
        return self


class Engagement(_Section):
    troops_standing: Unit
    troops_on_attack: Unit
    peacekeepers: Unit
    monitors: Unit
    defence_pact: PactLevels
    membership_collective: Unit
    membership_political: Unit
    assurance: AssuranceLevels
    funding: Unit
    arms: ArmsLevels
    sanctions: Unit
    hybrid_defence: Unit


class Obligation(_Section):
    troops_standing: Unit
    troops_on_attack: Unit
    peacekeepers: MandateLevels
    monitors: Unit
    defence_pact: PactLevels
    membership_collective: Unit
    membership_political: Unit
    assurance: AssuranceLevels


class Durability(_Section):
    troops_standing: Unit
    troops_on_attack: Unit
    peacekeepers: Unit
    monitors: Unit
    defence_pact: Unit
    membership: Unit
    assurance: Unit
    funding: Unit
    arms: Unit
    sanctions: Unit
    hybrid_defence: Unit
    time_limited_floor: Unit


class Credibility(_Section):
    """How sure it is that a stationed force is still there when an attack comes."""

    withdrawal: WithdrawalLevels
    basis_floor: Unit

    @model_validator(mode="after")
    def _dismissable_counts_least(self) -> Self:
        w = self.withdrawal
        _require(
            w["aggressor"] <= w["host"] <= w["any_party"] <= w["guarantor"] <= w["none"],
            "credibility.withdrawal must not decrease along aggressor < host < any_party < "
            "guarantor < none",
        )
        return self


class Separation(_Section):
    unmonitored_dmz: Unit
    peacekeepers: Unit


class Sustainability(_Section):
    arms: ArmsLevels
    arms_years_floor: Unit
    arms_full_years: int = Field(ge=1)


class Cost(_Section):
    sanctions: SeverityLevels
    no_snapback: Unit
    troops_standing: Unit
    troops_on_attack: Unit
    defence_pact: PactLevels
    membership_collective: Unit
    arms: ArmsLevels
    relief: ReliefLevels


class NuclearPair(_Section):
    nuclear: Unit
    conventional: Unit


class Nuclear(_Section):
    troops_standing: NuclearPair
    troops_on_attack: NuclearPair
    peacekeepers: NuclearPair
    defence_pact: PactLevels
    membership_collective: Unit
    assurance: Unit
    conventional_share: Unit
    own_forces: Unit
    own_deterrent: Unit


class Concessions(_Section):
    demilitarisation_min: Unit
    demilitarisation_span: Unit
    recognition: RecognitionLevels
    neutrality_all: Unit
    neutrality_named: Unit
    foreign_troop_ban: Unit
    foreign_troop_ban_peacekeepers_allowed: Unit
    sanctions_relief: ReliefLevels

    @model_validator(mode="after")
    def _bounded(self) -> Self:
        _require(
            self.demilitarisation_min + self.demilitarisation_span <= 1,
            "demilitarisation_min + demilitarisation_span must not exceed 1",
        )
        return self


class Rubric(_Section):
    """Every coefficient of the scorer. See ``rubric.toml`` and docs/scoring.md."""

    scales: Scales
    basis: BasisLevels
    paper: Paper
    withdrawal: WithdrawalLevels
    standing: Standing
    forces: Forces
    engagement: Engagement
    obligation: Obligation
    durability: Durability
    credibility: Credibility
    separation: Separation
    sustainability: Sustainability
    cost: Cost
    nuclear: Nuclear
    concessions: Concessions

    def paper_scale(self, floor: float, basis: Basis) -> float:
        """``floor + (1 - floor) * basis strength``: weak paper still counts a little."""
        return round(floor + (1.0 - floor) * self.basis[basis], 12)

    def force_share(self, troops: float) -> float:
        """How fully a force of ``troops`` effective soldiers counts (0-1): the tripwire share
        that any contingent earns at once, then the rest growing with its size.

        >>> [round(RUBRIC.force_share(n), 2) for n in (5_000, 15_000, 50_000, 100_000)]
        [0.34, 0.63, 0.91, 0.99]
        """
        if troops <= 0:
            return 0.0
        s = self.scales
        share = s.tripwire_share
        # share * sat(troops, tripwire) + (1 - share) * sat(troops, presence), inlined: the
        # scorer calls this for every layer of every force stack.
        return (
            1.0
            - share * math.exp(-troops / s.tripwire_troops)
            - (1.0 - share) * math.exp(-troops / s.presence_troops)
        )

    def standing_of(self, tier: Tier, nuclear: bool) -> float:
        """How much the aggressor would fear fighting a party of this tier (0-1)."""
        base: float = getattr(self.standing, tier)
        if tier == "aggressor" or tier == "protected_party" or not nuclear:
            return base
        bonus = (
            self.standing.nuclear_alliance_bonus
            if tier == "international_body"
            else self.standing.nuclear_state_bonus
        )
        return min(1.0, base + bonus)


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise PydanticCustomError("rubric", message)


def load_rubric(text: str) -> Rubric:
    """Parse and validate rubric TOML text (raises pydantic.ValidationError)."""
    return Rubric.model_validate(tomllib.loads(text))


def _load_default() -> Rubric:
    # Package data read once at import: a small, trusted table.
    text = resources.files("debate.scoring").joinpath("rubric.toml").read_text("utf-8")
    return load_rubric(text)


RUBRIC: Rubric = _load_default()
