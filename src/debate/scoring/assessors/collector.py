"""What reading a package gathers, and the helpers every commitment kind uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from debate.scoring.assessment import Assessment, Concession
from debate.scoring.combine import Curve, Layer, Line, Stack, saturate, unit
from debate.scoring.package import Package
from debate.scoring.rubric import Rubric
from debate.vocabulary.commitments import Basis, Commitment, Equipment, Readiness, Withdrawal
from debate.vocabulary.criteria import CRITERION_IDS

#: Families of stacks: what a party's lines of that family sum into before the curve.
FORCES, PLEDGES = "forces", "pledges"


@dataclass(slots=True)
class Collector:
    """Layers and amounts gathered while walking a package's commitments once."""

    package: Package
    rubric: Rubric
    layers: dict[tuple[str, str, str], list[Layer]] = field(default_factory=dict)
    zero: dict[str, list[Line]] = field(default_factory=dict)
    presence: list[Layer] = field(default_factory=list)
    own: list[Layer] = field(default_factory=list)
    own_pool: list[tuple[int, float, float]] = field(default_factory=list)
    stationed: list[Layer] = field(default_factory=list)
    threat: float | None = None
    threat_lines: list[Line] = field(default_factory=list)
    caps: list[tuple[int, int]] = field(default_factory=list)
    bans: list[tuple[int, bool]] = field(default_factory=list)
    foreign_troops: list[int] = field(default_factory=list)
    foreign_peacekeepers: list[int] = field(default_factory=list)
    funding: list[Layer] = field(default_factory=list)
    hybrid: list[tuple[int, tuple[str, ...], float, str]] = field(default_factory=list)
    monitors: list[Layer] = field(default_factory=list)
    watching: list[Layer] = field(default_factory=list)
    dmz: list[Layer] = field(default_factory=list)
    economic: set[str] = field(default_factory=set)
    reliefs: list[tuple[int, float]] = field(default_factory=list)
    concessions: list[Concession] = field(default_factory=list)
    standing: dict[str, float] = field(default_factory=dict)  # per guarantor, computed once

    def add(
        self,
        criterion: str,
        group: str,
        family: str,
        idx: int,
        amount: float,
        weight: float,
        note: str,
        source: str,
    ) -> None:
        """One layer: ``amount`` counted at ``weight`` (0-1) on a party's stack of a family.
        Pledges have amount 1: only a party's best pledge counts."""
        key = (criterion, group, family)
        layers = self.layers.get(key)
        if layers is None:
            layers = self.layers[key] = []
        layers.append(Layer(idx, amount, weight, note, source))

    def nothing(self, criterion: str, idx: int, note: str, source: str) -> None:
        """A ``+0.0`` line: the commitment bears on the criterion but gives nothing."""
        self.zero.setdefault(criterion, []).append(Line(0.0, (idx,), note, source))

    def legal(self, basis: Basis, withdrawal: Withdrawal | None = None, years: int = 0) -> str:
        """Why a commitment is as durable as it is: ``statute (100%), the host can end it``."""
        r = self.rubric
        text = f"{basis.replace('_', ' ')} ({r.basis[basis]:.0%})"
        if withdrawal is not None:
            text += f", {who_ends(withdrawal)} can end it ({r.withdrawal[withdrawal]:.0%})"
        if years:
            text += f", {years}-year term ({self.years(years):.0%})"
        return text

    def credibility(self, basis: Basis, withdrawal: Withdrawal) -> float:
        """How sure it is that a stationed force is still there when an attack comes: who can
        send it home, and what keeps it there (Fortna; Reiter and Poast). Its term counts on
        legal durability (and the ten-year card), not here: the force is there today."""
        r = self.rubric
        return r.credibility.withdrawal[withdrawal] * r.paper_scale(
            r.credibility.basis_floor, basis
        )

    def kept_by(self, basis: Basis, withdrawal: Withdrawal) -> str:
        """``kept there by a ratified treaty, the guarantor can send it home: 85%``."""
        cred = self.credibility(basis, withdrawal)
        return f"kept there by {_ACTS[basis]}, {who_ends(withdrawal)} can send it home: {cred:.0%}"

    def presence_weight(self, standing: float) -> float:
        """How much a stationed soldier counts by who sent it: ``1 - share * (1 - standing)``."""
        return 1.0 - self.rubric.forces.presence_standing_share * (1.0 - standing)

    def composition(self, arms: tuple[str, ...]) -> float:
        """A force's fighting value per soldier: more distinct arms, more value (0-1).
        Unknown composition counts as the least a stated one can (one arm)."""
        f = self.rubric.forces
        if not arms:
            return f.composition_unknown
        return f.composition_base + f.composition_per_type * len(set(arms))

    def durable(self, basis: Basis, withdrawal: Withdrawal, years: int = 0) -> float:
        """How well a presence outlasts a change of government: basis, who can end it, term."""
        return self.rubric.basis[basis] * self.rubric.withdrawal[withdrawal] * self.years(years)

    def years(self, years: int) -> float:
        """A time-limited commitment's share of durability (open-ended = 1, above any term)."""
        if years <= 0:
            return 1.0
        floor = self.rubric.durability.time_limited_floor
        return floor + (1.0 - floor) * min(1.0, years / self.rubric.scales.full_years)

    def horizon(self, years: int) -> float:
        """Years of money a pledge is worth: ``H * (1 - exp(-years / H))``, open-ended = H.
        Money promised further out is less certain (Leeds), so 100 years is worth about H and
        open-ended funding is never worth less than any fixed term."""
        h = float(self.rubric.scales.funding_horizon_years)
        return h if years <= 0 else h * saturate(years, h)

    def quality(self, readiness: Readiness, equipment: Equipment) -> float:
        f = self.rubric.forces
        return f.readiness[readiness] * f.equipment[equipment]

    def assessment(self) -> Assessment:
        """What was gathered, ready to evaluate."""
        pkg, r = self.package, self.rubric
        side = [p for p in pkg.parties if pkg.aggressor_side(p.id)]
        threat = r.scales.reference_threat if self.threat is None else self.threat
        default_threat = Line(
            0.0,
            (),
            f"no aggressor force stated: measured against {threat:,.0f} effective troops",
            "huth1988",
        )
        half = r.scales.defence_ratio_half * threat

        def ratio(x: float) -> float:
            return x / (x + half) if x > 0 else 0.0

        own_share = r.nuclear.own_forces

        def own_nuclear(x: float) -> float:
            return own_share * ratio(x)

        stacks: dict[str, list[Stack]] = {cid: [] for cid in CRITERION_IDS}
        for (criterion, group, family), layers in self.layers.items():
            curve: Curve = r.force_share if family == FORCES else unit
            stacks[criterion].append(Stack(group, curve, layers))
        scales = r.scales
        peacekeeper_watch = r.separation.peacekeepers
        return Assessment(
            package=pkg,
            rubric=r,
            stacks=stacks,
            zero=self.zero,
            presence=Stack("presence", r.force_share, self.presence),
            local=Stack("local", ratio, [*self.own, *self.stationed]),
            own=self.own,
            own_pool=sorted(self.own_pool, key=lambda p: -p[2]),
            own_nuclear=Stack("own", own_nuclear, list(self.own)),
            threat=threat,
            threat_lines=self.threat_lines or [default_threat],
            caps=self.caps,
            bans=self.bans,
            foreign_troops=self.foreign_troops,
            foreign_peacekeepers=self.foreign_peacekeepers,
            funding=Stack("funding", lambda x: saturate(x, scales.funding_bn), self.funding),
            hybrid=self.hybrid,
            watchers=[
                Stack("monitors", lambda x: saturate(x, scales.monitors), self.monitors),
                Stack(
                    "peacekeepers",
                    lambda x: peacekeeper_watch * saturate(x, scales.observers),
                    self.watching,
                ),
            ],
            dmz=self.dmz,
            economic=self.economic,
            reliefs=self.reliefs,
            concessions=self.concessions,
            aggressor_nuclear=any(p.nuclear for p in side),
            protected_nuclear=pkg.party(pkg.protected).nuclear,
            nuclear_names=", ".join(p.name for p in side),
        )


def who_ends(withdrawal: Withdrawal) -> str:
    return {"none": "no one", "any_party": "any party"}.get(withdrawal, f"the {withdrawal}")


_ACTS: dict[Basis, str] = {
    "declaration": "a declaration",
    "memorandum": "a memorandum",
    "executive": "an executive act",
    "un_resolution": "a UN resolution",
    "treaty": "a treaty",
    "ratified_treaty": "a ratified treaty",
    "statute": "a statute",
}


def act(basis: Basis) -> str:
    """``a ratified treaty``."""
    return _ACTS[basis]


def years_of(c: Commitment) -> int:
    """A commitment's term in years, 0 (open-ended) for kinds that have none."""
    years = c.__dict__.get("years", 0)  # pydantic keeps field values in __dict__
    return years if isinstance(years, int) else 0
