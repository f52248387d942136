"""What reading a package gathers, and the helpers every commitment kind uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from debate.scoring.assessment import Assessment
from debate.scoring.combine import Amount, Item, Line
from debate.scoring.package import Package
from debate.scoring.rubric import Rubric
from debate.vocabulary.commitments import Basis, Commitment, Equipment, Readiness, Withdrawal
from debate.vocabulary.criteria import CRITERION_IDS


def _criteria() -> dict[str, list[Item]]:
    return {cid: [] for cid in CRITERION_IDS}


@dataclass(slots=True)
class Collector:
    """Items and amounts gathered while walking a package's commitments once."""

    package: Package
    rubric: Rubric
    grouped: dict[str, list[Item]] = field(default_factory=_criteria)
    zero: dict[str, list[Line]] = field(default_factory=dict)
    presence: list[Amount] = field(default_factory=list)
    own: list[Amount] = field(default_factory=list)
    own_pool: list[tuple[int, float, float]] = field(default_factory=list)
    stationed: list[Amount] = field(default_factory=list)
    threat: float | None = None
    threat_lines: list[Line] = field(default_factory=list)
    caps: list[tuple[int, int]] = field(default_factory=list)
    bans: list[tuple[int, bool]] = field(default_factory=list)
    foreign_troops: list[int] = field(default_factory=list)
    foreign_peacekeepers: list[int] = field(default_factory=list)
    funding: list[Amount] = field(default_factory=list)
    hybrid: list[tuple[int, tuple[str, ...], float]] = field(default_factory=list)
    economic: set[int] = field(default_factory=set)
    reliefs: list[tuple[int, float]] = field(default_factory=list)
    concessions: list[Item] = field(default_factory=list)
    standing: dict[str, float] = field(default_factory=dict)  # per guarantor, computed once

    def add(self, criterion: str, idx: int, value: float, note: str, group: str) -> None:
        """One item: ``value`` (0-1) on a criterion; only the best of a ``group`` counts."""
        # Every value is a product of rubric shares, each validated to lie in [0, 1].
        self.grouped[criterion].append(Item(idx, group, value, note))

    def nothing(self, criterion: str, idx: int, note: str) -> None:
        """A ``+0.0`` line: the commitment bears on the criterion but gives nothing."""
        self.zero.setdefault(criterion, []).append((0.0, idx, note))

    def legal(self, basis: Basis, withdrawal: Withdrawal | None = None, years: int = 0) -> str:
        """Why a commitment is as durable as it is: ``statute (100%), the host can end it``."""
        r = self.rubric
        text = f"{basis.replace('_', ' ')} ({r.basis[basis]:.0%})"
        if withdrawal is not None:
            who = {"none": "no one", "any_party": "any party"}.get(withdrawal, f"the {withdrawal}")
            text += f", {who} can end it ({r.withdrawal[withdrawal]:.0%})"
        if years:
            text += f", {years}-year term ({self.years(years):.0%})"
        return text

    def presence_weight(self, standing: float) -> float:
        """How much a stationed soldier counts by who sent it: ``1 - share * (1 - standing)``."""
        return 1.0 - self.rubric.forces.presence_standing_share * (1.0 - standing)

    def composition(self, arms: tuple[str, ...]) -> float:
        """A force's fighting value per soldier: more distinct arms, more value (0-1)."""
        f = self.rubric.forces
        if not arms:
            return f.composition_unknown
        return f.composition_base + f.composition_per_type * len(set(arms))

    def durable(self, basis: Basis, withdrawal: Withdrawal, years: int = 0) -> float:
        """How well a presence outlasts a change of government: basis, who can end it, term."""
        return self.rubric.basis[basis] * self.rubric.withdrawal[withdrawal] * self.years(years)

    def years(self, years: int) -> float:
        """A time-limited commitment's share of durability (open-ended = 1)."""
        if years <= 0:
            return 1.0
        floor = self.rubric.durability.time_limited_floor
        return floor + (1.0 - floor) * min(1.0, years / self.rubric.scales.full_years)

    def quality(self, readiness: Readiness, equipment: Equipment) -> float:
        f = self.rubric.forces
        return f.readiness[readiness] * f.equipment[equipment]

    def assessment(self) -> Assessment:
        """What was gathered, ready to evaluate."""
        pkg = self.package
        side = [p for p in pkg.parties if pkg.aggressor_side(p.id)]
        default_threat = (
            0.0,
            -1,
            f"no aggressor force stated: measured against "
            f"{self.rubric.scales.reference_threat:,.0f} effective troops",
        )
        return Assessment(
            package=pkg,
            rubric=self.rubric,
            grouped=self.grouped,
            zero=self.zero,
            presence=self.presence,
            own=self.own,
            own_pool=sorted(self.own_pool, key=lambda p: -p[2]),
            stationed=self.stationed,
            threat=self.threat,
            threat_lines=self.threat_lines or [default_threat],
            caps=self.caps,
            bans=self.bans,
            foreign_troops=self.foreign_troops,
            foreign_peacekeepers=self.foreign_peacekeepers,
            funding=self.funding,
            hybrid=self.hybrid,
            economic=self.economic,
            reliefs=self.reliefs,
            concessions=self.concessions,
            aggressor_nuclear=any(p.nuclear for p in side),
            protected_nuclear=pkg.party(pkg.protected).nuclear,
            nuclear_names=", ".join(p.name for p in side),
        )


def years_of(c: Commitment) -> int:
    """A commitment's term in years, 0 (open-ended) for kinds that have none."""
    years = c.__dict__.get("years", 0)  # pydantic keeps field values in __dict__
    return years if isinstance(years, int) else 0
