"""The motion format: a debate's proposition, roles, criteria, claims, phases and cards.

Motions are TOML files validated by these pydantic models. Everything the engine, the
scorer and the scripted roles need to know about a debate lives here, as data.
Cross-references (an objective's criterion, a claim's criteria, a role's commitment kinds,
the turn order) are checked by :meth:`Motion.reference_problems`, so a typo in a motion file
is reported with the field path that holds it.
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import re
import types
from functools import cached_property
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, Field, model_validator
from pydantic_core import PydanticCustomError

from debate.validation import RECORD_CONFIG, FiniteFloat, PlainText, SafeText
from debate.vocabulary.cards import StressCard
from debate.vocabulary.commitments import CommitmentKind, Tier

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", min_length=1, max_length=40)]

ActionType = Literal[
    "speak", "propose", "amend", "withdraw", "challenge", "concede", "demand", "accept",
    "reject", "vote", "pass",
]


def _reflow(text: str) -> str:
    r"""Join the lines of each paragraph: TOML multi-line strings break lines where the author
    did, and a screen of another width must wrap them itself. Blank lines stay paragraphs.

    >>> _reflow("A long\nsentence.\n\nNext  paragraph.")
    'A long sentence.\n\nNext paragraph.'
    """
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


#: Running text in a motion (summaries, positions, briefs), reflowed when loaded.
Prose = Annotated[SafeText, AfterValidator(_reflow)]
#: A criterion's or objective's weight: finite, and small enough that sums stay finite.
Weight = Annotated[FiniteFloat, Field(ge=0, le=1000)]
#: A score threshold on the 0-100 scale.
Threshold = Annotated[FiniteFloat, Field(ge=0, le=100)]

#: Colours every terminal theme can show (the 16 ANSI names) or an exact hex colour.
_BASE_COLORS = "black|red|green|yellow|blue|magenta|cyan|white"
COLOR_PATTERN = rf"^(?:(?:bright_)?(?:{_BASE_COLORS})|#[0-9a-fA-F]{{6}})$"

#: Criterion id that stands for the Deterrence Index itself in objectives.
INDEX_ID = "deterrence_index"


class _Model(BaseModel):
    model_config = RECORD_CONFIG


class Source(_Model):
    """A citation: who said it, where, when."""

    author: PlainText = Field(min_length=1, max_length=200)
    title: PlainText = Field(min_length=1, max_length=300)
    outlet: PlainText = Field(min_length=1, max_length=200)
    date: PlainText = Field(min_length=4, max_length=40, description="ISO date or year")
    url: PlainText | None = Field(default=None, max_length=500)


class Guarantor(_Model):
    """How the scorer sees a role as a party to the package."""

    tier: Tier
    nuclear: bool = False


class Objective(_Model):
    """One aim in a private brief, scored against the final package.

    Either a criterion (or ``deterrence_index``) with ``at_least`` / ``at_most``, or a
    commitment kind the role wants in (``wants_kind``) or kept out (``avoids_kind``).
    """

    id: Id
    text: SafeText = Field(min_length=1, max_length=300)
    weight: Weight = 1.0
    criterion: str | None = Field(default=None, max_length=40)
    at_least: Threshold | None = None
    at_most: Threshold | None = None
    wants_kind: CommitmentKind | None = None
    avoids_kind: CommitmentKind | None = None

    @model_validator(mode="after")
    def _one_test(self) -> "Objective":
        has_criterion = self.criterion is not None
        if has_criterion and self.at_least is None and self.at_most is None:
            raise PydanticCustomError(
                "objective", "an objective with a criterion needs at_least or at_most"
            )
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise PydanticCustomError(
                "objective", "at_least is above at_most: no score can meet both"
            )
        tests = sum([has_criterion, self.wants_kind is not None, self.avoids_kind is not None])
        if tests != 1:
            raise PydanticCustomError(
                "objective",
                "an objective needs exactly one of: criterion (with at_least/at_most), "
                "wants_kind, avoids_kind",
            )
        return self


class RedLineTest(_Model):
    """One commitment a red line looks for in the package: its kind, optionally whose it is,
    which values its fields hold (``where``) and numeric fields below a bound (``below``)."""

    kind: CommitmentKind
    by: str | None = Field(default=None, description="role id of the party that makes it")
    where: dict[str, tuple[str | bool, ...]] = Field(default_factory=dict)
    below: dict[str, Annotated[FiniteFloat, Field(ge=0, le=1e12)]] = Field(default_factory=dict)


class RedLine(_Model):
    """A line a role must not cross. The package crosses it when every ``crossed_by`` test
    matches a commitment on the table and no ``unless`` test does. A red line with no
    ``crossed_by`` is shown in the brief but never checked."""

    text: SafeText = Field(min_length=1, max_length=1000)
    crossed_by: tuple[RedLineTest, ...] = ()
    unless: tuple[RedLineTest, ...] = ()
    cost: FiniteFloat = Field(
        default=25.0, ge=0, le=100, description="objective points lost while it is crossed"
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_text(cls, data: Any) -> Any:
        return {"text": data} if isinstance(data, str) else data

    @property
    def checked(self) -> bool:
        return bool(self.crossed_by)


class NoDeal(_Model):
    """What a rejected package means for a role: its objective score and why."""

    objective: FiniteFloat = Field(
        ge=0, le=100, description="objective score (0-100) with no deal"
    )
    text: Prose = Field(min_length=1, max_length=500)


class Brief(_Model):
    """A role's private brief: seen only by its player and the instructor."""

    summary: Prose = Field(min_length=1, max_length=1500)
    objectives: tuple[Objective, ...] = Field(min_length=1)
    red_lines: tuple[RedLine, ...] = ()
    fallbacks: tuple[Annotated[SafeText, Field(max_length=1000)], ...] = ()
    no_deal: NoDeal | None = None


class Role(_Model):
    id: Id
    name: PlainText = Field(min_length=1, max_length=40)
    symbol: PlainText = Field(min_length=1, max_length=2, description="shown beside the name")
    color: str = Field(
        default="white",
        pattern=COLOR_PATTERN,
        description="a terminal colour name (black, red, green, yellow, blue, magenta, cyan, "
        "white, or bright_ plus one of those) or a hex colour like #ff8800",
    )
    position: Prose = Field(min_length=1, max_length=1500, description="public position")
    brief: Brief
    guarantor: Guarantor
    may_commit: tuple[CommitmentKind, ...] = ()
    may_demand: tuple[CommitmentKind, ...] = ()
    optional: bool = Field(default=False, description="may be left out of a game")


class Criterion(_Model):
    id: Id
    weight: Weight
    name: PlainText | None = Field(default=None, max_length=80)
    description: SafeText | None = Field(default=None, max_length=2000)


class Claim(_Model):
    """A paraphrased claim a speech can cite."""

    id: Id
    text: SafeText = Field(min_length=1, max_length=500)
    criteria: tuple[Annotated[str, Field(max_length=40)], ...] = ()
    source: PlainText = Field(
        min_length=1, max_length=300, description="reference: 'article' or a named study"
    )


class Phase(_Model):
    id: Id
    name: PlainText = Field(min_length=1, max_length=80)
    rounds: int = Field(strict=True, ge=1, le=20)
    actions: tuple[ActionType, ...] = Field(min_length=1)


class Motion(_Model):
    """A complete motion. Build one with :func:`debate.motions.load_motion`."""

    id: Id
    title: PlainText = Field(min_length=1, max_length=200, description="the proposition debated")
    summary: Prose = Field(min_length=1, max_length=2000)
    source: Source
    actions_per_turn: int = Field(default=2, strict=True, ge=1, le=10)
    agreement: Literal["unanimous", "majority"] = "unanimous"
    roles: tuple[Role, ...] = Field(min_length=2)
    turn_order: tuple[Annotated[str, Field(max_length=40)], ...] = Field(min_length=2)
    criteria: tuple[Criterion, ...] = ()
    claims: tuple[Claim, ...] = Field(min_length=1)
    phases: tuple[Phase, ...] = Field(min_length=1)
    cards: tuple[StressCard, ...] = ()
    debrief_questions: tuple[str, ...] = Field(
        default=(), description="questions for the instructor's debrief of this motion"
    )

    def reference_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Cross-reference problems, each as (field path, message); empty when consistent."""
        from debate.vocabulary.criteria import CRITERION_IDS

        errors: list[tuple[tuple[str | int, ...], str]] = []

        def dupes(items: tuple[_Model, ...], field: str) -> None:
            seen: set[str] = set()
            for i, item in enumerate(items):
                ident = item.id
                if ident in seen:
                    errors.append(((field, i, "id"), f"duplicate id {ident!r}"))
                seen.add(ident)

        dupes(self.roles, "roles")
        dupes(self.criteria, "criteria")
        dupes(self.claims, "claims")
        dupes(self.phases, "phases")
        dupes(self.cards, "cards")

        role_ids = {r.id for r in self.roles}
        known = set(CRITERION_IDS)
        for i, c in enumerate(self.criteria):
            if c.id not in known:
                errors.append((("criteria", i, "id"), _unknown("criterion", c.id, known)))
        for i, role in enumerate(self.roles):
            for j, o in enumerate(role.brief.objectives):
                if o.criterion is not None and o.criterion not in known | {INDEX_ID}:
                    errors.append(
                        (
                            ("roles", i, "brief", "objectives", j, "criterion"),
                            _unknown("criterion", o.criterion, known | {INDEX_ID}),
                        )
                    )
        for i, claim in enumerate(self.claims):
            for j, cid in enumerate(claim.criteria):
                if cid not in known:
                    errors.append((("claims", i, "criteria", j), _unknown("criterion", cid, known)))
        for i, rid in enumerate(self.turn_order):
            if rid not in role_ids:
                errors.append((("turn_order", i), _unknown("role", rid, role_ids)))
        missing = role_ids - set(self.turn_order)
        if missing:
            errors.append(
                (("turn_order",), f"roles missing from the turn order: {sorted(missing)}")
            )
        if len(set(self.turn_order)) != len(self.turn_order):
            errors.append((("turn_order",), "a role appears twice in the turn order"))
        for i, card in enumerate(self.cards):
            for j, eff in enumerate(card.effects):
                for sel_path, sel in (((), eff), (("unless",), eff.unless)):
                    if sel is None:
                        continue
                    for field, values in sel.where.items():
                        path = ("cards", i, "effects", j, *sel_path, "where", field)
                        # A typo in a field or value would make the card silently match nothing.
                        if not _field_exists(sel.kinds, field):
                            scope = f"in {list(sel.kinds)} " if sel.kinds else ""
                            errors.append(
                                (path, f"no commitment kind {scope}has a field {field!r}")
                            )
                            continue
                        for k, value in enumerate(values):
                            if not _value_fits(sel.kinds, field, value):
                                errors.append(
                                    ((*path, k), f"{value!r} is not a possible value of {field!r}")
                                )
        errors += self._role_problems()
        errors += self._red_line_problems()
        if sum(p.actions == ("vote",) for p in self.phases) != 1 or self.phases[-1].actions != (
            "vote",
        ):
            errors.append((("phases",), "the last phase, and only it, must allow exactly ['vote']"))
        for i, phase in enumerate(self.phases[:-1]):
            if "vote" in phase.actions:
                errors.append((("phases", i, "actions"), "only the final phase may allow 'vote'"))
        if not any(r.guarantor.tier == "protected_party" for r in self.roles):
            errors.append((("roles",), "no role has guarantor.tier = 'protected_party'"))
        return errors

    def _role_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Shared symbols, and demands or wanted kinds that no role could ever put on the table."""
        errors: list[tuple[tuple[str | int, ...], str]] = []
        symbols: dict[str, str] = {}
        for i, role in enumerate(self.roles):
            # Roles are told apart by symbol, not only by colour (colour-blind players).
            if role.symbol in symbols:
                errors.append(
                    (
                        ("roles", i, "symbol"),
                        f"symbol {role.symbol!r} is already {symbols[role.symbol]}'s",
                    )
                )
            symbols.setdefault(role.symbol, role.id)
        everyone = {k for r in self.roles for k in r.may_commit}
        for i, role in enumerate(self.roles):
            others = {k for n, r in enumerate(self.roles) if n != i for k in r.may_commit}
            for j, kind in enumerate(role.may_demand):
                if kind not in others:
                    errors.append(
                        (
                            ("roles", i, "may_demand", j),
                            f"no other role may commit {kind!r}, so this demand could never be met",
                        )
                    )
            for j, o in enumerate(role.brief.objectives):
                if o.wants_kind is not None and o.wants_kind not in everyone:
                    errors.append(
                        (
                            ("roles", i, "brief", "objectives", j, "wants_kind"),
                            f"no role may commit {o.wants_kind!r}: the objective is unreachable",
                        )
                    )
        return errors

    def _red_line_problems(self) -> list[tuple[tuple[str | int, ...], str]]:
        """Red-line tests naming a field, value or role that does not exist."""
        errors: list[tuple[tuple[str | int, ...], str]] = []
        role_ids = {r.id for r in self.roles}
        for i, role in enumerate(self.roles):
            for j, line in enumerate(role.brief.red_lines):
                for part in ("crossed_by", "unless"):
                    for k, test in enumerate(getattr(line, part)):
                        path = ("roles", i, "brief", "red_lines", j, part, k)
                        if test.by is not None and test.by not in role_ids:
                            errors.append(((*path, "by"), _unknown("role", test.by, role_ids)))
                        kinds = (test.kind,)
                        for field, values in test.where.items():
                            if not _field_exists(kinds, field):
                                problem = f"{test.kind!r} has no field {field!r}"
                                errors.append(((*path, "where", field), problem))
                                continue
                            for n, value in enumerate(values):
                                if not _value_fits(kinds, field, value):
                                    errors.append(
                                        (
                                            (*path, "where", field, n),
                                            f"{value!r} is not a possible value of {field!r}",
                                        )
                                    )
                        for field in test.below:
                            if not _value_fits(kinds, field, 0):
                                errors.append(
                                    (
                                        (*path, "below", field),
                                        f"{test.kind!r} has no numeric field {field!r}",
                                    )
                                )
        return errors

    # -- convenient look-ups -------------------------------------------------------------
    @cached_property
    def role_by_id(self) -> dict[str, Role]:
        return {r.id: r for r in self.roles}

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def criterion_weights(self) -> dict[str, float]:
        """Default weights overlaid with this motion's."""
        from debate.vocabulary.criteria import DEFAULT_CRITERIA

        weights = {c.id: c.weight for c in DEFAULT_CRITERIA}
        weights.update({c.id: c.weight for c in self.criteria})
        return weights

    @property
    def protected(self) -> Role:
        return next(r for r in self.roles if r.guarantor.tier == "protected_party")

    @property
    def aggressor(self) -> Role | None:
        return next((r for r in self.roles if r.guarantor.tier == "aggressor"), None)


def _unknown(what: str, value: str, known: set[str]) -> str:
    return f"unknown {what} {value!r} (known: {', '.join(sorted(known))})"


def _kind_models(kinds: tuple[str, ...]) -> list[type[BaseModel]]:
    from debate.vocabulary.commitments import KIND_MODELS

    return [KIND_MODELS[k] for k in kinds] if kinds else list(KIND_MODELS.values())


def _field_exists(kinds: tuple[str, ...], field: str) -> bool:
    return any(field in m.model_fields for m in _kind_models(kinds))


def _value_fits(kinds: tuple[str, ...], field: str, value: object) -> bool:
    """Whether some kind in ``kinds`` could hold ``value`` in ``field`` (or in its items)."""
    return any(
        _annotation_accepts(m.model_fields[field].annotation, value)
        for m in _kind_models(kinds)
        if field in m.model_fields
    )


def _annotation_accepts(annotation: Any, value: object) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _annotation_accepts(get_args(annotation)[0], value)
    if origin is Literal:
        return isinstance(value, str) and value in get_args(annotation)
    if origin in (tuple, list):  # a selector value matches one item of a tuple field
        return _annotation_accepts(get_args(annotation)[0], value)
    if origin in (Union, types.UnionType):
        return any(_annotation_accepts(a, value) for a in get_args(annotation))
    if annotation is type(None):
        return False
    if annotation is bool:
        return isinstance(value, bool)
    if annotation in (int, float):
        return isinstance(value, int | float) and not isinstance(value, bool)
    if annotation is str:
        return isinstance(value, str)
    return True
