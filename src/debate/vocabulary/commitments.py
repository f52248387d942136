"""Commitment types: the one definition shared by the engine, the scorer and package files.

A commitment is what a party puts on the table: troops, a treaty, funding, or a concession.
Each kind is a small frozen pydantic model; :data:`Commitment` is their union, told apart by
the ``kind`` field, so a commitment parses from TOML or JSON in one step:

>>> from pydantic import TypeAdapter
>>> c = TypeAdapter(Commitment).validate_python(
...     {"by": "us", "kind": "troops", "size": 60000, "basis": "statute"})
>>> c.kind, c.timing, c.withdrawal
('troops', 'standing', 'guarantor')
>>> describe(c)
'troops 60,000 standing, statute, withdrawal: guarantor'
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
from typing import Annotated, Literal, TypeAlias

from pydantic import BaseModel, Field, TypeAdapter

from debate.validation import ADAPTER_CONFIG, RECORD_CONFIG

Tier: TypeAlias = Literal[
    "superpower",
    "great_power",
    "middle_power",
    "international_body",
    "protected_party",
    "aggressor",
]
TIERS: tuple[Tier, ...] = (
    "superpower",
    "great_power",
    "middle_power",
    "international_body",
    "protected_party",
    "aggressor",
)

Basis: TypeAlias = Literal[
    "declaration",
    "memorandum",
    "executive",
    "un_resolution",
    "treaty",
    "ratified_treaty",
    "statute",
]
#: Legal bases from weakest to strongest (used by the scorer and by "strengthen basis" tests).
BASES: tuple[Basis, ...] = (
    "declaration",
    "memorandum",
    "executive",
    "un_resolution",
    "treaty",
    "ratified_treaty",
    "statute",
)

Timing: TypeAlias = Literal["standing", "on_attack"]
Withdrawal: TypeAlias = Literal["none", "any_party", "guarantor", "host", "aggressor"]
Composition: TypeAlias = Literal["infantry", "armour", "air", "air_defence", "support"]
Mandate: TypeAlias = Literal["observe", "self_defence", "enforce"]
PactObligation: TypeAlias = Literal["consult", "assist", "fight"]
AssuranceObligation: TypeAlias = Literal["refrain", "consult", "seek_un_action"]
ArmsLevel: TypeAlias = Literal["drip", "sustained", "full"]
Severity: TypeAlias = Literal["targeted", "sectoral", "comprehensive"]
HybridDomain: TypeAlias = Literal[
    "cyber",
    "intelligence",
    "counter_terrorism",
    "border",
    "energy",
    "information",
    "nonproliferation",
]
Readiness: TypeAlias = Literal["low", "medium", "high"]
Equipment: TypeAlias = Literal["poor", "adequate", "modern"]
RecognitionScope: TypeAlias = Literal["de_facto", "de_jure"]
ReliefScope: TypeAlias = Literal["partial", "full"]

# Plausible ranges of every quantity (docs/packages.md, "Bounds", gives the reason for each).
# Ints are strict (``true`` is not 1, ``3.0`` is not 3); floats are finite (no inf, no NaN).
# Outside its range a value is refused with the field's path; inside it, the scorer's curves
# give diminishing returns (docs/scoring.md).
#: Largest foreign force a package may station or promise: the US peak in Vietnam (1968-69)
#: was about 540,000; Korea 1951-53 about 300,000.
MAX_TROOPS = 1_000_000
#: Largest national army (own forces, force caps): China's PLA, about 2 million active.
MAX_ARMY = 5_000_000
#: Largest peacekeeping force: UNPROFOR peaked near 39,000, IFOR at 60,000.
MAX_PEACEKEEPERS = 100_000
#: Largest monitoring mission: the OSCE SMM in Ukraine peaked near 1,300 monitors.
MAX_MONITORS = 10_000
#: Money per year, $bn: the whole US defence budget is under 1,000; aid to Ukraine from all
#: donors has run at tens of billions a year.
MAX_USD_BN_PER_YEAR = 500.0
#: Longest fixed term: the longest treaty terms in force run 50-99 years (0 = open-ended).
MAX_YEARS = 99
#: Widest demilitarised zone: Sinai's zones after 1979 run to tens of km; Korea's is 4 km.
MAX_WIDTH_KM = 200.0

Size = Annotated[int, Field(strict=True, ge=1, le=MAX_TROOPS)]
ArmySize = Annotated[int, Field(strict=True, ge=1, le=MAX_ARMY)]
ForceCap = Annotated[int, Field(strict=True, ge=0, le=MAX_ARMY)]
PeacekeeperSize = Annotated[int, Field(strict=True, ge=1, le=MAX_PEACEKEEPERS)]
MonitorSize = Annotated[int, Field(strict=True, ge=1, le=MAX_MONITORS)]
Years = Annotated[int, Field(strict=True, ge=0, le=MAX_YEARS)]
UsdBn = Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0, le=MAX_USD_BN_PER_YEAR)]
WidthKm = Annotated[float, Field(strict=True, allow_inf_nan=False, gt=0, le=MAX_WIDTH_KM)]
StrictBool = Annotated[bool, Field(strict=True)]


class _Terms(BaseModel):
    """Fields every commitment has: who makes it, and an optional note."""

    model_config = RECORD_CONFIG

    by: str = Field(min_length=1, description="id of the party (role) that makes the commitment")
    note: str | None = Field(default=None, max_length=500)


class Troops(_Terms):
    kind: Literal["troops"] = "troops"
    size: Size
    timing: Timing = "standing"
    basis: Basis
    withdrawal: Withdrawal = "guarantor"
    years: Years = 0
    composition: tuple[Composition, ...] = Field(default=(), max_length=5)


class Peacekeepers(_Terms):
    kind: Literal["peacekeepers"] = "peacekeepers"
    size: PeacekeeperSize
    armed: StrictBool = True
    mandate: Mandate
    basis: Basis
    withdrawal: Withdrawal
    years: Years = 0


class Monitors(_Terms):
    kind: Literal["monitors"] = "monitors"
    size: MonitorSize
    basis: Basis
    withdrawal: Withdrawal


class DefencePact(_Terms):
    kind: Literal["defence_pact"] = "defence_pact"
    obligation: PactObligation
    basis: Basis
    years: Years = 0


class Assurance(_Terms):
    kind: Literal["assurance"] = "assurance"
    obligation: AssuranceObligation
    basis: Basis


class Funding(_Terms):
    kind: Literal["funding"] = "funding"
    usd_bn_per_year: UsdBn
    years: Years
    basis: Basis


class Arms(_Terms):
    kind: Literal["arms"] = "arms"
    level: ArmsLevel
    years: Years
    basis: Basis


class Sanctions(_Terms):
    kind: Literal["sanctions"] = "sanctions"
    severity: Severity
    snapback: StrictBool = False
    basis: Basis


class Membership(_Terms):
    kind: Literal["membership"] = "membership"
    alliance: str = Field(min_length=1, max_length=80)
    collective_defence: StrictBool = True
    basis: Basis


class HybridDefence(_Terms):
    kind: Literal["hybrid_defence"] = "hybrid_defence"
    domains: tuple[HybridDomain, ...] = Field(min_length=1, max_length=7)
    basis: Basis
    years: Years = 0


class OwnForces(_Terms):
    kind: Literal["own_forces"] = "own_forces"
    size: ArmySize
    readiness: Readiness
    equipment: Equipment


class Dmz(_Terms):
    kind: Literal["dmz"] = "dmz"
    width_km: WidthKm
    monitored: StrictBool = True


class Demilitarisation(_Terms):
    kind: Literal["demilitarisation"] = "demilitarisation"
    force_cap: ForceCap


class Recognition(_Terms):
    kind: Literal["recognition"] = "recognition"
    scope: RecognitionScope


class Neutrality(_Terms):
    kind: Literal["neutrality"] = "neutrality"
    alliances: tuple[Annotated[str, Field(min_length=1, max_length=80)], ...] = Field(
        default=(), max_length=20
    )


class ForeignTroopBan(_Terms):
    kind: Literal["foreign_troop_ban"] = "foreign_troop_ban"
    allows_peacekeepers: StrictBool = False


class SanctionsRelief(_Terms):
    kind: Literal["sanctions_relief"] = "sanctions_relief"
    scope: ReliefScope


Commitment = Annotated[
    Troops
    | Peacekeepers
    | Monitors
    | DefencePact
    | Assurance
    | Funding
    | Arms
    | Sanctions
    | Membership
    | HybridDefence
    | OwnForces
    | Dmz
    | Demilitarisation
    | Recognition
    | Neutrality
    | ForeignTroopBan
    | SanctionsRelief,
    Field(discriminator="kind"),
]

CommitmentKind: TypeAlias = Literal[
    "troops",
    "peacekeepers",
    "monitors",
    "defence_pact",
    "assurance",
    "funding",
    "arms",
    "sanctions",
    "membership",
    "hybrid_defence",
    "own_forces",
    "dmz",
    "demilitarisation",
    "recognition",
    "neutrality",
    "foreign_troop_ban",
    "sanctions_relief",
]

#: Every kind, mapped to its model, in the order of the package format's table.
KIND_MODELS: dict[str, type[_Terms]] = {
    "troops": Troops,
    "peacekeepers": Peacekeepers,
    "monitors": Monitors,
    "defence_pact": DefencePact,
    "assurance": Assurance,
    "funding": Funding,
    "arms": Arms,
    "sanctions": Sanctions,
    "membership": Membership,
    "hybrid_defence": HybridDefence,
    "own_forces": OwnForces,
    "dmz": Dmz,
    "demilitarisation": Demilitarisation,
    "recognition": Recognition,
    "neutrality": Neutrality,
    "foreign_troop_ban": ForeignTroopBan,
    "sanctions_relief": SanctionsRelief,
}
KINDS: tuple[str, ...] = tuple(KIND_MODELS)

#: Kinds that give something up rather than guarantee something: they count against deterrence.
CONCESSION_KINDS: frozenset[str] = frozenset(
    {"demilitarisation", "recognition", "neutrality", "foreign_troop_ban", "sanctions_relief"}
)

COMMITMENT_ADAPTER: TypeAdapter[Commitment] = TypeAdapter(Commitment, config=ADAPTER_CONFIG)


def parse_commitment(data: object) -> Commitment:
    """Validate a mapping (or JSON-like object) as a commitment of any kind."""
    return COMMITMENT_ADAPTER.validate_python(data)


#: Field values as a reader says them (the rest only lose their underscores).
_WORDS: dict[str, str] = {
    "un_resolution": "UN resolution",
    "self_defence": "self-defence",
    "on_attack": "on attack",
    "any_party": "any party",
}


def word(value: object) -> str:
    """A field value in words: ``ratified_treaty`` -> ``ratified treaty``.

    >>> word("ratified_treaty"), word("un_resolution")
    ('ratified treaty', 'UN resolution')
    """
    text = str(value)
    return _WORDS.get(text, text.replace("_", " "))


def describe(c: Commitment) -> str:
    """A short human summary of a commitment's key fields (plain text, never markup).

    >>> describe(Funding(by="eu", usd_bn_per_year=20, years=4, basis="ratified_treaty"))
    'funding $20bn/yr for 4 yrs, ratified treaty'
    >>> describe(Arms(by="us", level="sustained", years=0, basis="statute"))
    'arms (sustained) open-ended, statute'
    """
    w = word
    match c:
        case Troops():
            text = f"troops {c.size:,} {w(c.timing)}, {w(c.basis)}, withdrawal: {w(c.withdrawal)}"
            if c.composition:
                text += " (" + ", ".join(w(x) for x in c.composition) + ")"
            return text
        case Peacekeepers():
            arms = "armed" if c.armed else "unarmed"
            return f"peacekeepers {c.size:,} {arms}, {w(c.mandate)}, {w(c.basis)}"
        case Monitors():
            return f"monitors {c.size:,}, {w(c.basis)}, withdrawal: {w(c.withdrawal)}"
        case DefencePact():
            return f"defence pact to {c.obligation}, {w(c.basis)}"
        case Assurance():
            return f"assurance to {w(c.obligation)}, {w(c.basis)}"
        case Funding():
            return f"funding ${c.usd_bn_per_year:g}bn/yr {_span(c.years)}, {w(c.basis)}"
        case Arms():
            return f"arms ({c.level}) {_span(c.years)}, {w(c.basis)}"
        case Sanctions():
            snap = " with snapback" if c.snapback else ""
            return f"{c.severity} sanctions{snap}, {w(c.basis)}"
        case Membership():
            return f"membership of {c.alliance}, {w(c.basis)}"
        case HybridDefence():
            return f"hybrid defence ({', '.join(w(d) for d in c.domains)}), {w(c.basis)}"
        case OwnForces():
            return f"own forces {c.size:,}, {c.readiness} readiness, {c.equipment} kit"
        case Dmz():
            return f"DMZ {c.width_km:g} km" + (", monitored" if c.monitored else "")
        case Demilitarisation():
            return f"demilitarisation: force cap {c.force_cap:,}"
        case Recognition():
            return f"recognition of annexed land ({w(c.scope)})"
        case Neutrality():
            names = ", ".join(c.alliances) or "all alliances"
            return f"neutrality (renounces {names})"
        case ForeignTroopBan():
            return "a ban on foreign troops" + (
                " (peacekeepers allowed)" if c.allows_peacekeepers else ""
            )
        case SanctionsRelief():
            return f"sanctions relief ({c.scope})"
    raise AssertionError(f"unhandled commitment kind {c.kind}")  # pragma: no cover


def _span(years: int) -> str:
    return f"for {years} yrs" if years else "open-ended"


def kind_fields(kind: str) -> dict[str, object]:
    """The fields of a kind other than ``by``, ``kind`` and ``note``, with their defaults.

    Required fields map to ``...``. Forms in the UI are built from this.
    """
    model = KIND_MODELS[kind]
    out: dict[str, object] = {}
    for name, info in model.model_fields.items():
        if name in {"by", "kind", "note"}:
            continue
        out[name] = ... if info.is_required() else info.default
    return out
