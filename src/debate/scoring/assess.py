"""The criteria: what each commitment is worth on each criterion, and how values combine.

Scoring runs in two steps so stress tests stay cheap:

1. :func:`assess` reads the package once and turns every commitment into *items*: its value
   (0-1) on each criterion it bears on, with a short reason. Nothing here depends on cards.
2. :meth:`Assessment.evaluate` combines the items under a list of *factors* (1 = counts in
   full, 0.5 = discounted, 0 = voided) into criterion scores (0-100). A stress card only
   changes factors, so each card costs one pass over the items.

Every combination below only ever adds non-negative value or multiplies by a factor in [0, 1],
and every item's value is monotone in the terms that should matter (a stronger basis, a
standing force rather than a promise, a larger force...). That is what makes the scorer's
guarantees hold: see ``docs/scoring.md`` and ``tests/test_scoring_properties.py``.

>>> from debate.scoring.package import Package
>>> pkg = Package.model_validate({"title": "t", "protected": "p", "aggressor": "a",
...     "parties": [{"id": "p", "name": "P", "tier": "protected_party"},
...                 {"id": "a", "name": "A", "tier": "aggressor"}],
...     "commitments": [{"by": "p", "kind": "recognition", "scope": "de_jure"}]})
>>> scores = assess(pkg).evaluate([1.0], explain=True)
>>> scores["concessions"].score, scores["concessions"].lines[1]
(50.0, (-50.0, 0, 'a territorial concession (de jure)'))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import get_args

from debate.engine.commitments import (
    CONCESSION_KINDS,
    Arms,
    Assurance,
    Basis,
    Commitment,
    DefencePact,
    Demilitarisation,
    Dmz,
    ForeignTroopBan,
    Funding,
    HybridDefence,
    HybridDomain,
    Membership,
    Monitors,
    Neutrality,
    OwnForces,
    Peacekeepers,
    Recognition,
    Sanctions,
    SanctionsRelief,
    Troops,
    Withdrawal,
    describe,
)
from debate.scoring.criteria import CRITERION_IDS
from debate.scoring.package import Package
from debate.scoring.rubric import RUBRIC, Rubric

#: cyber, intelligence, counter_terrorism, border, energy, information, nonproliferation
HYBRID_DOMAIN_COUNT = len(get_args(HybridDomain))

#: A reason before formatting: (signed points, commitment index or -1, why).
Line = tuple[float, int, str]


@dataclass(slots=True)
class Item:
    """One commitment's value (0-1, at full factor) on one criterion."""

    idx: int
    group: str  # items of one group do not add up: only the group's best counts
    value: float
    note: str
    scaled: bool = True  # False: the value already reflects the factors


@dataclass(slots=True)
class Amount:
    """One commitment's contribution to a summed quantity (troops, dollars)."""

    idx: int
    amount: float
    note: str


@dataclass(slots=True)
class Result:
    """A criterion's score (0-100) and, when explained, its reason lines."""

    score: float
    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Packed:
    """A grouped criterion's items as parallel lists: the fast path of stress tests, where
    only the score is wanted (same arithmetic as :func:`_grouped`, without the reasons)."""

    idx: list[int]
    value: list[float]
    group: list[int]
    groups: int
    economic: list[bool]

    @classmethod
    def of(cls, items: list[Item], economic: set[int] | None = None) -> Packed:
        numbers: dict[str, int] = {}
        group = [numbers.setdefault(it.group, len(numbers)) for it in items]
        flags = [economic is not None and it.idx in economic for it in items]
        return cls([it.idx for it in items], [it.value for it in items], group, len(numbers), flags)

    def rest(self, eff: Sequence[float], economic_share: float = 1.0) -> float:
        """``(1 - a)(1 - b)...`` over each group's best value under the factors."""
        best = [0.0] * self.groups
        if economic_share < 1.0:
            for i, v, g, e in zip(self.idx, self.value, self.group, self.economic, strict=True):
                x = v * eff[i] * (economic_share if e else 1.0)
                if x > best[g]:
                    best[g] = x
        else:
            for i, v, g in zip(self.idx, self.value, self.group, strict=True):
                x = v * eff[i]
                if x > best[g]:
                    best[g] = x
        rest = 1.0
        for b in best:
            rest *= 1.0 - b
        return rest


@dataclass(slots=True)
class Assessment:
    """Everything :func:`assess` learned about a package, ready to evaluate under factors."""

    package: Package
    rubric: Rubric
    grouped: dict[str, list[Item]]  # criteria combined as "best per group, then together"
    zero: dict[str, list[Line]]  # commitments that bear on a criterion but give nothing
    presence: list[Amount]
    own: list[Amount]  # the protected party's own forces (quality-weighted)
    own_pool: list[tuple[int, float, float]]  # (idx, headcount, quality), best quality first
    stationed: list[Amount]
    threat: float | None
    threat_lines: list[Line]
    caps: list[tuple[int, int]]  # (idx, force cap)
    bans: list[tuple[int, bool]]  # (idx, allows peacekeepers)
    foreign_troops: list[int]
    foreign_peacekeepers: list[int]
    funding: list[Amount]
    hybrid: list[tuple[int, tuple[str, ...], float]]
    economic: set[int]  # indices of cost items that relief scales down
    reliefs: list[tuple[int, float]]  # (idx, share of sanctions' cost left)
    concessions: list[Item]
    aggressor_nuclear: bool
    protected_nuclear: bool
    nuclear_names: str
    packed: dict[str, Packed] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.packed = {
            cid: Packed.of(items, self.economic if cid == "cost_to_aggressor" else None)
            for cid, items in self.grouped.items()
        }

    # -- factors ---------------------------------------------------------------------------
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

    # -- evaluation ------------------------------------------------------------------------
    def evaluate(self, factors: Sequence[float], explain: bool = False) -> dict[str, Result]:
        """Every criterion's score under these factors (one per commitment)."""
        eff = self.effective(factors)
        if not explain:
            return self._scores(eff)
        out = {
            "pre_positioning": self._pre_positioning(eff, True),
            "local_denial": self._local_denial(eff, True),
            "guarantor_standing": _grouped(self.grouped["guarantor_standing"], eff, True),
            "obligation": _grouped(self.grouped["obligation"], eff, True),
            "legal_durability": _grouped(self.grouped["legal_durability"], eff, True),
            "separation": _grouped(self.grouped["separation"], eff, True),
            "sustainability": self._sustainability(eff, True),
            "hybrid": self._hybrid(eff, True),
            "cost_to_aggressor": self._cost(eff, True),
            "nuclear_resilience": self._nuclear(eff, True),
            "concessions": self._concessions(eff, True),
        }
        for cid, result in out.items():
            result.lines.extend(self.zero.get(cid, ()))
            if self.bans:
                result.lines.extend(self._ban_lines(cid, eff, factors))
            if not result.lines:
                result.lines.append((0.0, -1, "nothing in the package bears on this"))
        return out

    def _scores(self, eff: list[float]) -> dict[str, Result]:
        """The fast path: scores only, from the packed items."""
        packed = self.packed

        def grouped(cid: str) -> Result:
            return Result(100.0 * (1.0 - packed[cid].rest(eff)))

        return {
            "pre_positioning": self._pre_positioning(eff, False),
            "local_denial": self._local_denial(eff, False),
            "guarantor_standing": grouped("guarantor_standing"),
            "obligation": grouped("obligation"),
            "legal_durability": grouped("legal_durability"),
            "separation": grouped("separation"),
            "sustainability": self._sustainability(eff, False),
            "hybrid": self._hybrid(eff, False),
            "cost_to_aggressor": Result(
                100.0 * (1.0 - packed["cost_to_aggressor"].rest(eff, self._relief(eff)))
            ),
            "nuclear_resilience": self._nuclear(eff, False),
            "concessions": self._concessions(eff, False),
        }

    def _relief(self, eff: Sequence[float]) -> float:
        """Share of the sanctions' cost that sanctions relief leaves."""
        relief = 1.0
        for idx, left in self.reliefs:
            relief *= 1.0 - eff[idx] * (1.0 - left)
        return relief

    def _ban_lines(self, cid: str, eff: list[float], factors: Sequence[float]) -> list[Line]:
        if cid not in ("pre_positioning", "local_denial"):
            return []
        return [
            (0.0, i, "voided by the ban on foreign forces in this package")
            for i in (*self.foreign_troops, *self.foreign_peacekeepers)
            if factors[i] > 0 and eff[i] == 0
        ]

    def _pre_positioning(self, eff: list[float], explain: bool) -> Result:
        scales = self.rubric.scales
        total = sum(a.amount * eff[a.idx] for a in self.presence)
        share = scales.tripwire_share
        score = 100.0 * (
            share * _saturate(total, scales.tripwire_troops)
            + (1.0 - share) * _saturate(total, scales.presence_troops)
        )
        return Result(score, _proportional(self.presence, eff, total, score) if explain else [])

    def _local_denial(self, eff: list[float], explain: bool) -> Result:
        own_full, own, cap_idx = self._own_strength(eff)
        stationed = sum(a.amount * eff[a.idx] for a in self.stationed)
        threat = self._threat()
        score = self._ratio_score(own + stationed, threat)
        if not explain:
            return Result(score)
        full = self._ratio_score(own_full + stationed, threat)
        lines = _proportional([*self.own, *self.stationed], eff, own_full + stationed, full)
        if cap_idx >= 0 and full > score:
            lines.append((score - full, cap_idx, "caps the protected party's forces"))
        lines.extend(self.threat_lines)
        return Result(score, lines)

    def _threat(self) -> float:
        return self.rubric.scales.reference_threat if self.threat is None else self.threat

    def _ratio_score(self, defence: float, threat: float) -> float:
        if defence <= 0:
            return 0.0
        return 100.0 * defence / (defence + self.rubric.scales.defence_ratio_half * threat)

    def _own_strength(self, eff: list[float]) -> tuple[float, float, int]:
        """The protected party's forces: full strength, strength left under the tightest
        force cap, and that cap's index (-1 if none binds).

        A cap keeps the best-equipped troops first, so adding forces never lowers what is
        left; a discounted cap (factor f) removes only f of what it would cut.
        """
        full = sum(a.amount * eff[a.idx] for a in self.own)
        kept, which = full, -1
        for idx, cap in self.caps:
            f = eff[idx]
            if f <= 0:
                continue
            room, top = float(cap), 0.0
            for i, size, quality in self.own_pool:
                take = min(size * eff[i], room)
                top += take * quality
                room -= take
                if room <= 0:
                    break
            value = (1.0 - f) * full + f * top
            if value < kept:
                kept, which = value, idx
        return full, kept, which

    def _sustainability(self, eff: list[float], explain: bool) -> Result:
        total = sum(a.amount * eff[a.idx] for a in self.funding)
        funded = _saturate(total, self.rubric.scales.funding_bn)
        score = 100.0 * (1.0 - (1.0 - funded) * self.packed["sustainability"].rest(eff))
        if not explain:
            return Result(score)
        arms = _best_per_group(self.grouped["sustainability"], eff)
        parts: list[tuple[float, int, str | None]] = [(funded, -1, None)]
        parts += [(v, it.idx, it.note) for v, it in arms.values()]
        parts.sort(key=lambda p: (-p[0], p[1]))
        lines: list[Line] = []
        rest = 1.0
        for value, idx, note in parts:
            points = 100.0 * rest * value
            rest *= 1.0 - value
            if note is None:
                lines += _proportional(self.funding, eff, total, points)
            else:
                lines.append((points, idx, note))
        lines += _unchosen(self.grouped["sustainability"], arms, eff)
        return Result(score, lines)

    def _hybrid(self, eff: list[float], explain: bool) -> Result:
        best: dict[str, tuple[float, int]] = {}
        for idx, domains, strength in self.hybrid:
            value = strength * eff[idx]
            for d in domains:
                cur = best.get(d)
                if cur is None or value > cur[0]:
                    best[d] = (value, idx)
        per_domain = 100.0 / HYBRID_DOMAIN_COUNT
        score = per_domain * sum(v for v, _ in best.values())
        if not explain:
            return Result(score)
        credit: dict[int, list[str]] = {}
        points: dict[int, float] = {}
        for d, (value, idx) in best.items():
            credit.setdefault(idx, []).append(d)
            points[idx] = points.get(idx, 0.0) + per_domain * value
        lines: list[Line] = []
        for idx, _, strength in self.hybrid:
            if idx in credit:
                covered = ", ".join(sorted(credit[idx]))
                lines.append(
                    (points[idx], idx, f"covers {covered} ({strength * eff[idx]:.0%} strength)")
                )
            else:
                lines.append((0.0, idx, "domains already covered by a stronger commitment"))
        return Result(score, lines)

    def _cost(self, eff: list[float], explain: bool) -> Result:
        items = self.grouped["cost_to_aggressor"]
        relief = self._relief(eff)
        scaled = (
            [
                Item(it.idx, it.group, it.value * relief, it.note)
                if it.idx in self.economic
                else it
                for it in items
            ]
            if relief < 1.0
            else items
        )
        result = _grouped(scaled, eff, False)
        if not explain:
            return result
        full = _grouped(items, eff, True)
        lost = full.score - result.score
        if lost > 0:
            weights = [
                (-math.log(max(1e-12, 1.0 - eff[i] * (1.0 - left))), i) for i, left in self.reliefs
            ]
            total = sum(w for w, _ in weights) or 1.0
            full.lines += [
                (-lost * w / total, i, "relief lowers the sanctions' cost") for w, i in weights
            ]
        full.score = result.score
        return full

    def _nuclear(self, eff: list[float], explain: bool) -> Result:
        if not self.aggressor_nuclear:
            line = (100.0, -1, f"no nuclear weapons on the aggressor's side ({self.nuclear_names})")
            return Result(100.0, [line] if explain else [])
        items = self.grouped["nuclear_resilience"]
        rubric = self.rubric.nuclear
        own = self._ratio_score(self._own_strength(eff)[1], self._threat()) / 100.0
        value, note = (
            rubric.own_forces * own,
            "the protected party's own army holds whatever happens",
        )
        if self.protected_nuclear and rubric.own_deterrent > value:
            value, note = rubric.own_deterrent, "the protected party's own nuclear deterrent"
        if not explain:
            return Result(
                100.0 * (1.0 - self.packed["nuclear_resilience"].rest(eff) * (1.0 - value))
            )
        if value > 0:
            own_idx = self.own[0].idx if self.own else -1
            items = [*items, Item(own_idx, "\0own", value, note, scaled=False)]
        return _grouped(items, eff, explain)

    def _concessions(self, eff: list[float], explain: bool) -> Result:
        current = 100.0
        lines: list[Line] = []
        if explain and self.concessions:
            lines.append((100.0, -1, "full marks before any concession"))
        for it in self.concessions:
            loss = current * it.value * eff[it.idx]
            current -= loss
            if explain:
                lines.append((-loss, it.idx, it.note))
        if explain and not self.concessions:
            lines.append((100.0, -1, "nothing is given up"))
        return Result(current, lines)


# -- combining items -----------------------------------------------------------------------
def _saturate(amount: float, scale: float) -> float:
    """0 at 0, 63% at ``scale``, approaching 1: more always counts, with diminishing returns."""
    return 1.0 - math.exp(-amount / scale) if amount > 0 else 0.0


def _best_per_group(items: list[Item], eff: Sequence[float]) -> dict[str, tuple[float, Item]]:
    best: dict[str, tuple[float, Item]] = {}
    for it in items:
        value = it.value * eff[it.idx] if it.scaled and it.idx >= 0 else it.value
        cur = best.get(it.group)
        if cur is None or value > cur[0]:
            best[it.group] = (value, it)
    return best


def _grouped(items: list[Item], eff: Sequence[float], explain: bool) -> Result:
    """Best item per group, then the groups combine as independent chances:
    ``1 - (1 - a)(1 - b)...``. One party stacking paper adds nothing; two guarantors add up."""
    best = _best_per_group(items, eff)
    if not explain:
        rest = 1.0
        for value, _ in best.values():
            rest *= 1.0 - value
        return Result(100.0 * (1.0 - rest))
    ordered = sorted(best.values(), key=lambda t: (-t[0], t[1].idx))
    rest = 1.0
    lines: list[Line] = []
    for value, it in ordered:
        lines.append((100.0 * rest * value, it.idx, _with_factor(it, eff)))
        rest *= 1.0 - value
    lines += _unchosen(items, best, eff)
    return Result(100.0 * (1.0 - rest), lines)


def _with_factor(it: Item, eff: Sequence[float]) -> str:
    factor = eff[it.idx] if it.scaled and it.idx >= 0 else 1.0
    if factor >= 1.0:
        return it.note
    if factor <= 0.0:
        return f"{it.note} (voided)"
    return f"{it.note} (counted at {factor:.0%})"


def _unchosen(
    items: list[Item], best: dict[str, tuple[float, Item]], eff: Sequence[float]
) -> list[Line]:
    chosen = {id(it) for _, it in best.values()}
    return [
        (0.0, it.idx, _with_factor(it, eff) + "; the same party's stronger commitment counts")
        for it in items
        if id(it) not in chosen
    ]


def _proportional(
    amounts: list[Amount], eff: Sequence[float], total: float, score: float
) -> list[Line]:
    """Split a score over the amounts that summed to ``total``, in proportion."""
    lines: list[Line] = []
    for a in amounts:
        share = a.amount * eff[a.idx] / total if total > 0 else 0.0
        note = a.note
        if eff[a.idx] <= 0:
            note += " (voided)"
        elif eff[a.idx] < 1:
            note += f" (counted at {eff[a.idx]:.0%})"
        lines.append((score * share, a.idx, note))
    lines.sort(key=lambda line: (-line[0], line[1]))
    return lines


# -- reading a package ---------------------------------------------------------------------
def assess(package: Package, rubric: Rubric = RUBRIC) -> Assessment:
    """Read every commitment of a package into criterion items (independent of factors)."""
    return _Reader(package, rubric).read()


class _Reader:
    """Walks the commitments once; each kind adds its items to the criteria it bears on."""

    def __init__(self, package: Package, rubric: Rubric) -> None:
        self.pkg = package
        self.r = rubric
        self.grouped: dict[str, list[Item]] = {cid: [] for cid in CRITERION_IDS}
        self.zero: dict[str, list[Line]] = {}
        self.presence: list[Amount] = []
        self.own: list[Amount] = []
        self.own_pool: list[tuple[int, float, float]] = []
        self.stationed: list[Amount] = []
        self.threat: float | None = None
        self.threat_lines: list[Line] = []
        self.caps: list[tuple[int, int]] = []
        self.bans: list[tuple[int, bool]] = []
        self.foreign_troops: list[int] = []
        self.foreign_peacekeepers: list[int] = []
        self.funding: list[Amount] = []
        self.hybrid: list[tuple[int, tuple[str, ...], float]] = []
        self.economic: set[int] = set()
        self.reliefs: list[tuple[int, float]] = []
        self.concessions: list[Item] = []
        self.standing: dict[str, float] = {}

    def read(self) -> Assessment:
        for idx, c in enumerate(self.pkg.commitments):
            if self.pkg.aggressor_side(c.by):
                self._aggressor(idx, c)
            elif c.by == self.pkg.protected:
                self._protected(idx, c)
            else:
                self._guarantor(idx, c)
        side = [p for p in self.pkg.parties if self.pkg.aggressor_side(p.id)]
        protected = self.pkg.party(self.pkg.protected)
        return Assessment(
            package=self.pkg,
            rubric=self.r,
            grouped=self.grouped,
            zero=self.zero,
            presence=self.presence,
            own=self.own,
            own_pool=sorted(self.own_pool, key=lambda p: -p[2]),
            stationed=self.stationed,
            threat=self.threat,
            threat_lines=self.threat_lines
            or [
                (
                    0.0,
                    -1,
                    f"no aggressor force stated: measured against "
                    f"{self.r.scales.reference_threat:,.0f} effective troops",
                )
            ],
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
            protected_nuclear=protected.nuclear,
            nuclear_names=", ".join(p.name for p in side),
        )

    # -- helpers ---------------------------------------------------------------------------
    def add(self, criterion: str, idx: int, value: float, note: str, group: str) -> None:
        # Every value is a product of rubric shares, each validated to lie in [0, 1].
        self.grouped[criterion].append(Item(idx, group, value, note))

    def nothing(self, criterion: str, idx: int, note: str) -> None:
        self.zero.setdefault(criterion, []).append((0.0, idx, note))

    def legal(self, basis: Basis, withdrawal: Withdrawal | None = None, years: int = 0) -> str:
        """Why a commitment is as durable as it is: ``statute (100%), the host can end it``."""
        r = self.r
        text = f"{basis.replace('_', ' ')} ({r.basis[basis]:.0%})"
        if withdrawal is not None:
            who = {"none": "no one", "any_party": "any party"}.get(withdrawal, f"the {withdrawal}")
            text += f", {who} can end it ({r.withdrawal[withdrawal]:.0%})"
        if years:
            text += f", {years}-year term ({self.years(years):.0%})"
        return text

    def trip(self, size: float) -> float:
        return _saturate(size, self.r.scales.tripwire_troops)

    def years(self, years: int) -> float:
        """A time-limited commitment's share of durability (open-ended = 1)."""
        if years <= 0:
            return 1.0
        floor = self.r.durability.time_limited_floor
        return floor + (1.0 - floor) * min(1.0, years / self.r.scales.full_years)

    def quality(self, readiness: str, equipment: str) -> float:
        f = self.r.forces
        return f.readiness[readiness] * f.equipment[equipment]  # type: ignore[index]

    # -- the three sides ---------------------------------------------------------------------
    def _aggressor(self, idx: int, c: Commitment) -> None:
        if isinstance(c, OwnForces):
            strength = c.size * self.quality(c.readiness, c.equipment)
            self.threat = (self.threat or 0.0) + strength
            self.threat_lines.append(
                (
                    0.0,
                    idx,
                    f"the threat local defence is measured against ({strength:,.0f} effective)",
                )
            )
        elif isinstance(c, Dmz):
            self._dmz(idx, c, "a buffer the aggressor accepts")
        else:
            self.nothing(
                "guarantor_standing", idx, "made by the aggressor's side: counts for nothing"
            )

    def _protected(self, idx: int, c: Commitment) -> None:
        r = self.r
        match c:
            case OwnForces():
                quality = self.quality(c.readiness, c.equipment)
                self.own.append(Amount(idx, c.size * quality, "the protected party's own army"))
                self.own_pool.append((idx, float(c.size), quality))
            case Troops() if c.timing == "standing":
                quality = r.forces.host_troops_quality
                self.own.append(Amount(idx, c.size * quality, "the protected party's own troops"))
                self.own_pool.append((idx, float(c.size), quality))
            case Troops():
                self.nothing("local_denial", idx, "mobilised only after an attack")
            case Funding() | Arms() | Sanctions() | HybridDefence() | Dmz():
                self._shared(idx, c)
            case _ if c.kind in CONCESSION_KINDS:
                self._concession(idx, c)
            case _:
                self.nothing("guarantor_standing", idx, "a party cannot guarantee itself")

    def _guarantor(self, idx: int, c: Commitment) -> None:
        party = self.pkg.party(c.by)
        standing = self.standing.get(c.by)
        if standing is None:
            standing = self.standing[c.by] = self.r.standing_of(party.tier, party.nuclear)
        match c:
            case Troops():
                self._troops(idx, c, standing, party.nuclear)
            case Peacekeepers():
                self._peacekeepers(idx, c, standing, party.nuclear)
            case Monitors():
                self._monitors(idx, c, standing)
            case DefencePact() | Assurance() | Membership():
                self._pledge(idx, c, standing, party.nuclear)
            case Funding() | Arms() | Sanctions() | HybridDefence() | Dmz():
                self._shared(idx, c)
                if not isinstance(c, Dmz):
                    self._support(idx, c, standing)
            case OwnForces():
                self.nothing(
                    "local_denial", idx, "a guarantor's army at home is not stationed here"
                )
            case _:
                self._concession(idx, c)

    # -- kinds -------------------------------------------------------------------------------
    def _troops(self, idx: int, c: Troops, standing: float, nuclear: bool) -> None:
        r, who = self.r, c.by
        comp = r.forces.composition_unknown
        if c.composition:
            comp = r.forces.composition_base + r.forces.composition_per_type * len(
                set(c.composition)
            )
        trip = self.trip(c.size)
        durable = r.basis[c.basis] * r.withdrawal[c.withdrawal] * self.years(c.years)
        self.foreign_troops.append(idx)
        if c.timing == "standing":
            weight = 1.0 - r.forces.presence_standing_share * (1.0 - standing)
            self.presence.append(Amount(idx, c.size * comp * weight, "stationed before any attack"))
            self.stationed.append(Amount(idx, c.size * comp, "stationed on the spot"))
            self.add(
                "guarantor_standing",
                idx,
                standing * r.engagement.troops_standing * trip,
                "its own soldiers stand in the way",
                who,
            )
            self.add(
                "obligation",
                idx,
                r.obligation.troops_standing * trip,
                "a tripwire: fighting starts without a decision",
                who,
            )
            self.add(
                "legal_durability",
                idx,
                durable * r.durability.troops_standing,
                self.legal(c.basis, c.withdrawal, c.years),
                who,
            )
            self.add(
                "cost_to_aggressor",
                idx,
                r.cost.troops_standing * standing * trip,
                "an attack means fighting this state",
                f"{who}/military",
            )
            pair = r.nuclear.troops_standing
            self.add(
                "nuclear_resilience",
                idx,
                (pair.nuclear if nuclear else pair.conventional) * trip,
                "a nuclear power's soldiers on the spot"
                if nuclear
                else "a non-nuclear contingent, exposed to threats",
                who,
            )
        else:
            paper = r.paper_scale(r.paper.obligation_floor, c.basis)
            self.nothing("pre_positioning", idx, "arrives only after an attack")
            self.nothing("local_denial", idx, "arrives only after an attack")
            self.add(
                "guarantor_standing",
                idx,
                standing * r.engagement.troops_on_attack * trip,
                "promises its soldiers, after an attack",
                who,
            )
            self.add(
                "obligation",
                idx,
                r.obligation.troops_on_attack * trip * paper,
                "forces promised only after an attack",
                who,
            )
            self.add(
                "legal_durability",
                idx,
                durable * r.durability.troops_on_attack,
                self.legal(c.basis, c.withdrawal, c.years),
                who,
            )
            self.add(
                "cost_to_aggressor",
                idx,
                r.cost.troops_on_attack * standing * trip,
                "may have to fight this state later",
                f"{who}/military",
            )
            pair = r.nuclear.troops_on_attack
            self.add(
                "nuclear_resilience",
                idx,
                (pair.nuclear if nuclear else pair.conventional) * trip,
                "a promise to come, which threats can talk away",
                who,
            )

    def _peacekeepers(self, idx: int, c: Peacekeepers, standing: float, nuclear: bool) -> None:
        r, who = self.r, c.by
        arm = 1.0 if c.armed else r.forces.unarmed
        trip = self.trip(c.size)
        weight = 1.0 - r.forces.presence_standing_share * (1.0 - standing)
        self.foreign_peacekeepers.append(idx)
        what = f"{'armed' if c.armed else 'unarmed'} peacekeepers, {c.mandate.replace('_', ' ')}"
        self.presence.append(
            Amount(idx, c.size * r.forces.peacekeeper_presence[c.mandate] * arm * weight, what)
        )
        combat = r.forces.peacekeeper_combat[c.mandate] * arm
        if combat > 0:
            self.stationed.append(Amount(idx, c.size * combat, what))
        else:
            self.nothing("local_denial", idx, "observers cannot hold ground")
        paper = r.paper_scale(r.paper.obligation_floor, c.basis)
        self.add(
            "guarantor_standing", idx, standing * r.engagement.peacekeepers * arm * trip, what, who
        )
        self.add(
            "obligation",
            idx,
            r.obligation.peacekeepers[c.mandate] * arm * trip * paper,
            f"mandate: {c.mandate.replace('_', ' ')}",
            who,
        )
        self.add(
            "legal_durability",
            idx,
            r.basis[c.basis]
            * r.withdrawal[c.withdrawal]
            * self.years(c.years)
            * r.durability.peacekeepers,
            self.legal(c.basis, c.withdrawal, c.years),
            who,
        )
        self.add(
            "separation",
            idx,
            r.separation.peacekeepers
            * _saturate(c.size, r.scales.observers)
            * r.withdrawal[c.withdrawal],
            "peacekeepers watch the line",
            f"#{idx}",
        )
        pair = r.nuclear.peacekeepers
        self.add(
            "nuclear_resilience",
            idx,
            (pair.nuclear if nuclear else pair.conventional) * arm * trip,
            what,
            who,
        )

    def _monitors(self, idx: int, c: Monitors, standing: float) -> None:
        r, who = self.r, c.by
        seen = _saturate(c.size, r.scales.monitors)
        self.add(
            "guarantor_standing",
            idx,
            standing * r.engagement.monitors * (1.0 if c.size else 0.0),
            "its monitors witness any attack",
            who,
        )
        self.add(
            "obligation",
            idx,
            r.obligation.monitors * r.paper_scale(r.paper.obligation_floor, c.basis),
            "monitors report; they do not defend",
            who,
        )
        self.add(
            "legal_durability",
            idx,
            r.basis[c.basis] * r.withdrawal[c.withdrawal] * r.durability.monitors,
            self.legal(c.basis, c.withdrawal),
            who,
        )
        self.add(
            "separation",
            idx,
            seen * r.paper_scale(r.paper.monitors_floor, c.basis) * r.withdrawal[c.withdrawal],
            f"{c.size:,} monitors make violations visible",
            f"#{idx}",
        )

    def _pledge(
        self, idx: int, c: DefencePact | Assurance | Membership, standing: float, nuclear: bool
    ) -> None:
        r, who = self.r, c.by
        paper = r.paper_scale(r.paper.obligation_floor, c.basis)
        conventional = 1.0 if nuclear else r.nuclear.conventional_share
        if isinstance(c, DefencePact):
            level = c.obligation
            engage, oblige = r.engagement.defence_pact[level], r.obligation.defence_pact[level]
            durable = r.durability.defence_pact * self.years(c.years)
            cost, nuke = r.cost.defence_pact[level], r.nuclear.defence_pact[level]
            what = f"a pact to {level}, after an attack"
        elif isinstance(c, Membership):
            collective = c.collective_defence
            engage = (
                r.engagement.membership_collective
                if collective
                else r.engagement.membership_political
            )
            oblige = (
                r.obligation.membership_collective
                if collective
                else r.obligation.membership_political
            )
            durable = r.durability.membership
            cost = r.cost.membership_collective if collective else 0.0
            nuke = r.nuclear.membership_collective if collective else 0.0
            what = f"{c.alliance} membership" + (" with collective defence" if collective else "")
        else:
            level_a = c.obligation
            engage, oblige = r.engagement.assurance[level_a], r.obligation.assurance[level_a]
            durable, cost, nuke = r.durability.assurance, 0.0, r.nuclear.assurance
            what = f"an assurance to {level_a.replace('_', ' ')}"
        self.add("guarantor_standing", idx, standing * engage * paper, what, who)
        self.add("obligation", idx, oblige * paper, what, who)
        self.add(
            "legal_durability",
            idx,
            r.basis[c.basis] * durable,
            self.legal(c.basis, years=_years_of(c)),
            who,
        )
        if cost > 0:
            self.add(
                "cost_to_aggressor",
                idx,
                cost * standing * paper,
                "war with this state",
                f"{who}/military",
            )
        if nuke > 0:
            self.add(
                "nuclear_resilience",
                idx,
                nuke * conventional * paper,
                what if nuclear else f"{what}, by a non-nuclear state",
                who,
            )

    def _shared(self, idx: int, c: Funding | Arms | Sanctions | HybridDefence | Dmz) -> None:
        """Kinds that count the same whether the protected party or a guarantor makes them."""
        r, who = self.r, c.by
        match c:
            case Funding():
                years = c.years or r.scales.open_ended_years
                amount = (
                    c.usd_bn_per_year * years * r.paper_scale(r.paper.sustainability_floor, c.basis)
                )
                self.funding.append(
                    Amount(idx, amount, f"${c.usd_bn_per_year:g}bn a year for {years} years")
                )
            case Arms():
                floor, full = r.sustainability.arms_years_floor, r.sustainability.arms_full_years
                span = 1.0 if c.years == 0 else floor + (1.0 - floor) * min(1.0, c.years / full)
                value = (
                    r.sustainability.arms[c.level]
                    * span
                    * r.paper_scale(r.paper.sustainability_floor, c.basis)
                )
                self.add("sustainability", idx, value, f"{c.level} arms supply", who)
            case Sanctions():
                value = r.cost.sanctions[c.severity] * (1.0 if c.snapback else r.cost.no_snapback)
                value *= r.paper_scale(r.paper.sanctions_floor, c.basis)
                self.add(
                    "cost_to_aggressor", idx, value, f"{c.severity} sanctions", f"{who}/economic"
                )
                self.economic.add(idx)
            case HybridDefence():
                strength = r.paper_scale(r.paper.hybrid_floor, c.basis) * self.years(c.years)
                self.hybrid.append((idx, tuple(c.domains), strength))
            case Dmz():
                self._dmz(idx, c, "a demilitarised buffer")

    def _support(
        self, idx: int, c: Funding | Arms | Sanctions | HybridDefence, standing: float
    ) -> None:
        """A guarantor's support also engages it a little and lasts as long as its basis."""
        r, who = self.r, c.by
        match c:
            case Funding():
                engage, durable = r.engagement.funding, r.durability.funding * self.years(c.years)
            case Arms():
                engage, durable = (
                    r.engagement.arms[c.level],
                    r.durability.arms * self.years(c.years),
                )
                self.add(
                    "cost_to_aggressor",
                    idx,
                    r.cost.arms[c.level] * r.paper_scale(r.paper.obligation_floor, c.basis),
                    f"{c.level} arms make a war costlier",
                    f"{who}/military",
                )
            case Sanctions():
                engage, durable = r.engagement.sanctions, r.durability.sanctions
            case HybridDefence():
                engage, durable = (
                    r.engagement.hybrid_defence,
                    r.durability.hybrid_defence * self.years(c.years),
                )
        self.add("guarantor_standing", idx, standing * engage, "support engages it a little", who)
        self.add(
            "legal_durability",
            idx,
            r.basis[c.basis] * durable,
            self.legal(c.basis, years=_years_of(c)),
            who,
        )

    def _dmz(self, idx: int, c: Dmz, what: str) -> None:
        r = self.r
        value = _saturate(c.width_km, r.scales.dmz_km) * (
            1.0 if c.monitored else r.separation.unmonitored_dmz
        )
        note = f"{what}, {c.width_km:g} km" + (", monitored" if c.monitored else ", unmonitored")
        self.add("separation", idx, value, note, f"#{idx}")

    def _concession(self, idx: int, c: Commitment) -> None:
        r = self.r.concessions
        match c:
            case Demilitarisation():
                severity = r.demilitarisation_min + r.demilitarisation_span * math.exp(
                    -c.force_cap / self.r.scales.demilitarisation_scale
                )
                self.caps.append((idx, c.force_cap))
                note = "a cap on the protected party's forces"
            case Recognition():
                severity = r.recognition[c.scope]
                note = f"a territorial concession ({c.scope.replace('_', ' ')})"
            case Neutrality():
                severity = r.neutrality_named if c.alliances else r.neutrality_all
                note = "renounces alliances"
            case ForeignTroopBan():
                severity = (
                    r.foreign_troop_ban_peacekeepers_allowed
                    if c.allows_peacekeepers
                    else r.foreign_troop_ban
                )
                self.bans.append((idx, c.allows_peacekeepers))
                note = "no foreign forces may stand in the country"
            case SanctionsRelief():
                severity = r.sanctions_relief[c.scope]
                self.reliefs.append((idx, self.r.cost.relief[c.scope]))
                note = f"{c.scope} sanctions relief"
            case _:  # pragma: no cover - every other kind is handled by the caller
                raise AssertionError(f"not a concession: {c.kind}")
        self.concessions.append(Item(idx, f"#{idx}", severity, note))


def label(package: Package, idx: int) -> str:
    """``#3 United States: troops 60,000 standing, ...`` (plain text, never markup)."""
    c = package.commitments[idx]
    return f"#{idx + 1} {package.party(c.by).name}: {describe(c)}"


def _years_of(c: Commitment) -> int:
    """A commitment's term in years, 0 (open-ended) for kinds that have none."""
    years = c.__dict__.get("years", 0)  # pydantic keeps field values in __dict__
    return years if isinstance(years, int) else 0
