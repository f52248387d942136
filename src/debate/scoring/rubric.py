"""The rubric's coefficients, as data (``rubric.toml``), validated and order-checked.

The scorer's formulas live in :mod:`debate.scoring.assess`; the numbers they use live here so
an instructor can read (and a maintainer can tune) them without touching code. The validators
enforce the orderings the scorer's guarantees rest on: a stronger legal basis never counts
less, a standing force never counts less than one promised for after an attack, fight never
less than assist, and so on.

>>> RUBRIC.basis["statute"] > RUBRIC.basis["executive"]
True
>>> RUBRIC.paper_scale(0.4, "declaration")
0.46
"""

from __future__ import annotations

import itertools
import tomllib
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from debate.engine.commitments import BASES, Basis, Tier, Withdrawal

#: A share between 0 and 1.
Unit = Annotated[float, Field(ge=0, le=1)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    open_ended_years: int = Field(ge=1)
    full_years: int = Field(ge=1)
    demilitarisation_scale: float = Field(gt=0)
    index_lift: float = Field(gt=0)
    cap_floor: float = Field(ge=0, le=100)


class Paper(_Section):
    obligation_floor: Unit
    sustainability_floor: Unit
    sanctions_floor: Unit
    hybrid_floor: Unit
    monitors_floor: Unit


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
    def _ordered(self) -> Standing:
        _require(self.aggressor == 0, "the aggressor's standing as a guarantor must be 0")
        _require(
            self.superpower >= self.great_power >= self.middle_power,
            "standing must not rise from superpower to great_power to middle_power",
        )
        return self


class Forces(_Section):
    readiness: dict[Literal["low", "medium", "high"], Unit]
    equipment: dict[Literal["poor", "adequate", "modern"], Unit]
    composition_unknown: Unit
    composition_base: Unit
    composition_per_type: Unit
    host_troops_quality: Unit
    presence_standing_share: Unit
    peacekeeper_presence: dict[Literal["observe", "self_defence", "enforce"], Unit]
    peacekeeper_combat: dict[Literal["observe", "self_defence", "enforce"], Unit]
    unarmed: Unit

    @model_validator(mode="after")
    def _complete(self) -> Forces:
        _require(
            self.composition_base + 5 * self.composition_per_type <= 1.0,
            "composition_base + 5 * composition_per_type must not exceed 1",
        )
        _levels(self.readiness, ("low", "medium", "high"), "forces.readiness")
        _levels(self.equipment, ("poor", "adequate", "modern"), "forces.equipment")
        mandates = ("observe", "self_defence", "enforce")
        _levels(self.peacekeeper_presence, mandates, "forces.peacekeeper_presence")
        _levels(self.peacekeeper_combat, mandates, "forces.peacekeeper_combat")
        return self


PactLevels = dict[Literal["consult", "assist", "fight"], Unit]
AssuranceLevels = dict[Literal["refrain", "consult", "seek_un_action"], Unit]
ArmsLevels = dict[Literal["drip", "sustained", "full"], Unit]
MandateLevels = dict[Literal["observe", "self_defence", "enforce"], Unit]


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

    @model_validator(mode="after")
    def _ordered(self) -> Engagement:
        _standing_first(self.troops_standing, self.troops_on_attack, "engagement")
        _levels(self.defence_pact, ("consult", "assist", "fight"), "engagement.defence_pact")
        _levels(self.arms, ("drip", "sustained", "full"), "engagement.arms")
        _require(len(self.assurance) == 3, "engagement.assurance needs every obligation")
        return self


class Obligation(_Section):
    troops_standing: Unit
    troops_on_attack: Unit
    peacekeepers: MandateLevels
    monitors: Unit
    defence_pact: PactLevels
    membership_collective: Unit
    membership_political: Unit
    assurance: AssuranceLevels

    @model_validator(mode="after")
    def _ordered(self) -> Obligation:
        _standing_first(self.troops_standing, self.troops_on_attack, "obligation")
        _levels(self.defence_pact, ("consult", "assist", "fight"), "obligation.defence_pact")
        _levels(
            self.peacekeepers, ("observe", "self_defence", "enforce"), "obligation.peacekeepers"
        )
        _require(len(self.assurance) == 3, "obligation.assurance needs every obligation")
        return self


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

    @model_validator(mode="after")
    def _ordered(self) -> Durability:
        _standing_first(self.troops_standing, self.troops_on_attack, "durability")
        return self


class Separation(_Section):
    unmonitored_dmz: Unit
    peacekeepers: Unit


class Sustainability(_Section):
    arms: ArmsLevels
    arms_years_floor: Unit
    arms_full_years: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> Sustainability:
        _levels(self.arms, ("drip", "sustained", "full"), "sustainability.arms")
        return self


class Cost(_Section):
    sanctions: dict[Literal["targeted", "sectoral", "comprehensive"], Unit]
    no_snapback: Unit
    troops_standing: Unit
    troops_on_attack: Unit
    defence_pact: PactLevels
    membership_collective: Unit
    arms: ArmsLevels
    relief: dict[Literal["partial", "full"], Unit]

    @model_validator(mode="after")
    def _ordered(self) -> Cost:
        _standing_first(self.troops_standing, self.troops_on_attack, "cost")
        _levels(self.sanctions, ("targeted", "sectoral", "comprehensive"), "cost.sanctions")
        _levels(self.defence_pact, ("consult", "assist", "fight"), "cost.defence_pact")
        _levels(self.arms, ("drip", "sustained", "full"), "cost.arms")
        _require(len(self.relief) == 2, "cost.relief needs partial and full")
        return self


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

    @model_validator(mode="after")
    def _ordered(self) -> Nuclear:
        for pair in ("nuclear", "conventional"):
            _standing_first(
                getattr(self.troops_standing, pair), getattr(self.troops_on_attack, pair), "nuclear"
            )
        _levels(self.defence_pact, ("consult", "assist", "fight"), "nuclear.defence_pact")
        return self


class Concessions(_Section):
    demilitarisation_min: Unit
    demilitarisation_span: Unit
    recognition: dict[Literal["de_facto", "de_jure"], Unit]
    neutrality_all: Unit
    neutrality_named: Unit
    foreign_troop_ban: Unit
    foreign_troop_ban_peacekeepers_allowed: Unit
    sanctions_relief: dict[Literal["partial", "full"], Unit]

    @model_validator(mode="after")
    def _bounded(self) -> Concessions:
        _require(
            self.demilitarisation_min + self.demilitarisation_span <= 1,
            "demilitarisation_min + demilitarisation_span must not exceed 1",
        )
        _require(len(self.recognition) == 2, "concessions.recognition needs de_facto and de_jure")
        _require(len(self.sanctions_relief) == 2, "concessions.sanctions_relief needs both")
        return self


class Rubric(_Section):
    """Every coefficient of the scorer. See ``rubric.toml`` and docs/scoring.md."""

    scales: Scales
    basis: dict[Basis, Unit]
    paper: Paper
    withdrawal: dict[Withdrawal, Unit]
    standing: Standing
    forces: Forces
    engagement: Engagement
    obligation: Obligation
    durability: Durability
    separation: Separation
    sustainability: Sustainability
    cost: Cost
    nuclear: Nuclear
    concessions: Concessions

    @model_validator(mode="after")
    def _ordered(self) -> Rubric:
        _require(len(self.basis) == len(BASES), "basis needs a value for every legal basis")
        _levels(self.basis, BASES, "basis")
        _require(len(self.withdrawal) == 5, "withdrawal needs a value for every option")
        return self

    def paper_scale(self, floor: float, basis: Basis) -> float:
        """``floor + (1 - floor) * basis strength``: weak paper still counts a little."""
        return round(floor + (1.0 - floor) * self.basis[basis], 12)

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


def _standing_first(standing: float, on_attack: float, where: str) -> None:
    _require(standing >= on_attack, f"{where}: troops_standing must be >= troops_on_attack")


def _levels(table: dict[Any, float], order: tuple[str, ...], where: str) -> None:
    _require(set(table) == set(order), f"{where} needs exactly: {', '.join(order)}")
    values = [table[k] for k in order]
    _require(
        all(a <= b for a, b in itertools.pairwise(values)),
        f"{where} must not decrease along {' < '.join(order)}",
    )


def load_rubric(text: str) -> Rubric:
    """Parse and validate rubric TOML text (raises pydantic.ValidationError)."""
    return Rubric.model_validate(tomllib.loads(text))


def _load_default() -> Rubric:
    # Package data read once at import: a small, trusted table.
    text = resources.files("debate.scoring").joinpath("rubric.toml").read_text("utf-8")
    return load_rubric(text)


RUBRIC: Rubric = _load_default()
