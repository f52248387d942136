"""Commitment forms as data: which fields a kind has, and what is wrong with typed values.

The TUI builds a form from :func:`field_specs` and calls :func:`check_commitment` on every
keystroke, so each field can show its own error beside it. Nothing here knows about widgets.

>>> [f.name for f in field_specs("funding")]
['usd_bn_per_year', 'years', 'basis']
>>> commitment, errors = check_commitment(
...     "funding", "washington", {"usd_bn_per_year": "20", "years": "x", "basis": "statute"})
>>> commitment is None, errors
(True, {'years': 'a whole number is needed'})
"""

from __future__ import annotations

import math
import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import ValidationError

from debate.text_safety import name_problem, text_problem
from debate.vocabulary.commitments import KIND_MODELS, Commitment, kind_fields, parse_commitment

FieldType = Literal["int", "float", "bool", "choice", "multi", "list", "text"]
#: A raw form value: text typed in an input, a chosen option, a set of options, a switch.
RawValue = str | bool | tuple[str, ...] | list[str] | None
#: The largest magnitude a form accepts in a number field (any plausible figure fits).
MAX_NUMBER = 10**12


#: Field name -> (label with its unit, one line saying what it means). Forms show both.
FIELD_HELP: dict[str, tuple[str, str]] = {
    "size": ("size (people)", "How many people: soldiers, peacekeepers or monitors."),
    "timing": ("timing", "standing: in place before any attack; on attack: sent only after one."),
    "basis": (
        "legal basis",
        "What binds it, weakest to strongest: declaration, memorandum, executive act, "
        "UN resolution, treaty, ratified treaty, statute (a law).",
    ),
    "withdrawal": (
        "who may pull out",
        "Who can end it early: none, any party, the guarantor, the host (Ukraine can ask it "
        "to leave) or the aggressor.",
    ),
    "years": ("years (0=no end)", "How many years it runs; 0 means open-ended."),
    "composition": ("composition", "The arms of service the force brings."),
    "armed": ("armed", "Whether the peacekeepers carry weapons."),
    "mandate": (
        "mandate", "observe only, defend themselves (self-defence), or enforce the ceasefire."
    ),
    "obligation": (
        "obligation",
        "What it binds the guarantor to: consult, assist, fight (a pact); refrain, consult, "
        "seek UN action (an assurance).",
    ),
    "usd_bn_per_year": ("US$ bn a year", "Money each year, in billions of US dollars."),
    "level": ("arms level", "drip: small, irregular; sustained: steady; full: all that is needed."),
    "severity": ("severity", "targeted (people, firms), sectoral, or comprehensive sanctions."),
    "snapback": ("snapback", "Whether relief ends by itself if the aggressor breaks the deal."),
    "alliance": ("alliance", "The alliance joined, by name (NATO, EU...)."),
    "collective_defence": (
        "collective defence", "Whether membership brings a mutual defence clause."
    ),
    "domains": ("domains", "The hybrid threats covered: cyber, intelligence, energy..."),
    "readiness": ("readiness", "How quickly the army can fight: low, medium, high."),
    "equipment": ("equipment", "How well it is armed: poor, adequate, modern."),
    "width_km": ("width (km)", "Width of the demilitarised zone, in kilometres."),
    "monitored": ("monitored", "Whether observers watch the zone."),
    "force_cap": ("force cap (troops)", "The largest army Ukraine may keep, in soldiers."),
    "scope": ("scope", "de facto (in practice) or de jure (in law); partial or full relief."),
    "alliances": (
        "alliances given up", "Alliances renounced, comma-separated; empty means all of them."
    ),
    "allows_peacekeepers": (
        "peacekeepers allowed", "Whether foreign peacekeepers are exempt from the ban."
    ),
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of a commitment form."""

    name: str
    type: FieldType
    required: bool
    default: object = None
    options: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The field as a person reads it, with its unit: ``usd_bn_per_year`` ->
        ``US$ bn a year``."""
        known = FIELD_HELP.get(self.name)
        return known[0] if known else self.name.replace("_", " ")

    @property
    def help(self) -> str:
        """One line saying what the field means."""
        known = FIELD_HELP.get(self.name)
        return known[1] if known else ""


def field_specs(kind: str) -> list[FieldSpec]:
    """The editable fields of a commitment kind, in declaration order."""
    model = KIND_MODELS[kind]
    specs = []
    for name, default in kind_fields(kind).items():
        annotation = model.model_fields[name].annotation
        ftype, options = _classify(annotation)
        required = default is ...
        specs.append(FieldSpec(name, ftype, required, None if required else default, options))
    return specs


def initial_values(kind: str, current: Commitment | None = None) -> dict[str, RawValue]:
    """Form values to start from: an existing commitment's terms, else the defaults."""
    out: dict[str, RawValue] = {}
    for spec in field_specs(kind):
        value = getattr(current, spec.name) if current is not None else spec.default
        out[spec.name] = to_raw(spec, value)
    return out


def to_raw(spec: FieldSpec, value: object) -> RawValue:
    """A model value as the form shows it."""
    if value is None or value is ...:
        return {"multi": (), "bool": False}.get(spec.type, "")  # type: ignore[return-value]
    if spec.type == "multi":
        return tuple(str(v) for v in value)  # type: ignore[attr-defined]
    if spec.type == "list":
        return ", ".join(str(v) for v in value)  # type: ignore[attr-defined]
    if spec.type == "bool":
        return bool(value)
    if spec.type == "float" and isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def check_commitment(
    kind: str, by: str, raw: dict[str, RawValue], note: str | None = None
) -> tuple[Commitment | None, dict[str, str]]:
    """Validate typed values; return the commitment, or None and an error per field name."""
    errors: dict[str, str] = {}
    data: dict[str, Any] = {"kind": kind, "by": by}
    if note:
        if problem := text_problem(note):
            errors["note"] = problem
        data["note"] = note
    for spec in field_specs(kind):
        value = raw.get(spec.name)
        try:
            converted = _convert(spec, value)
        except ValueError as e:
            errors[spec.name] = str(e)
            continue
        if converted is not None:
            data[spec.name] = converted
    if errors:
        return None, errors
    try:
        return parse_commitment(data), {}
    except ValidationError as e:
        for problem in e.errors():
            loc = [p for p in problem["loc"] if p != kind]
            name = str(loc[0]) if loc else "kind"
            errors.setdefault(name, _plain_message(problem["msg"]))
        return None, errors


def _convert(spec: FieldSpec, value: RawValue) -> object:
    text = value.strip() if isinstance(value, str) else value
    empty = text is None or text == "" or (spec.type == "multi" and not text)
    if empty:
        if spec.required:
            raise ValueError("choose at least one" if spec.type == "multi" else "required")
        return None  # the model's default applies
    if spec.type == "int":
        digits = str(text).replace(",", "").replace("_", "")
        if len(digits.lstrip("+-")) > 13:  # never convert a 400-digit string
            raise ValueError(f"too large (at most {MAX_NUMBER:,})")
        try:
            number = int(digits)
        except ValueError:
            raise ValueError("a whole number is needed") from None
        if abs(number) > MAX_NUMBER:
            raise ValueError(f"too large (at most {MAX_NUMBER:,})")
        return number
    if spec.type == "float":
        try:
            real = float(str(text).replace(",", ""))
        except ValueError:
            raise ValueError("a number is needed") from None
        if not math.isfinite(real):
            raise ValueError("a finite number is needed")
        if abs(real) > MAX_NUMBER:
            raise ValueError(f"too large (at most {MAX_NUMBER:,})")
        return real
    if spec.type == "bool":
        return bool(text)
    if spec.type == "choice":
        if text not in spec.options:
            raise ValueError("choose one of: " + ", ".join(spec.options))
        return text
    if spec.type == "multi":
        assert isinstance(text, tuple | list)
        unknown = [v for v in text if v not in spec.options]
        if unknown:
            raise ValueError(f"unknown option {unknown[0]!r}")
        return tuple(text)
    if spec.type == "list":  # free text items, comma-separated in one input
        items = tuple(part.strip() for part in str(text).split(",") if part.strip())
        for item in items:
            if problem := name_problem(item):
                raise ValueError(problem)
        return items
    if isinstance(text, str) and (problem := text_problem(text)):
        raise ValueError(problem)
    return text


def _plain_message(msg: str) -> str:
    # pydantic says "Input should be greater than or equal to 0"; a form says it shorter.
    return msg.replace("Input should be ", "must be ").replace("Value error, ", "")


def _classify(annotation: Any) -> tuple[FieldType, tuple[str, ...]]:
    origin = get_origin(annotation)
    if origin is Literal:
        return "choice", tuple(str(a) for a in get_args(annotation))
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return _classify(inner[0])
    if origin is tuple:
        item = get_args(annotation)[0]
        if get_origin(item) is Literal:
            return "multi", tuple(str(a) for a in get_args(item))
        return "list", ()
    if annotation is bool:
        return "bool", ()
    if annotation is int:
        return "int", ()
    if annotation is float:
        return "float", ()
    return "text", ()
