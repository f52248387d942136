"""Scripted lines: what scripted roles say, as data (``lines.toml``, validated here).

Lines are chosen by *voice* (a role id of the shipped motions, else a voice for the role's
guarantor tier, else ``any``) and *topic*. Read once, at import.

>>> line = pick_line("kyiv", "protected_party", "opening", random.Random(1))
>>> line.voice, line.topic
('kyiv', 'opening')
>>> pick_line("nobody", "aggressor", "challenge_nuclear", random.Random(1)).voice
'aggressor'
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import random
import string
import tomllib
from functools import cache
from importlib import resources
from typing import Literal, TypeAlias, get_args

from pydantic import BaseModel, Field, field_validator

from debate.engine.actions import MAX_NOTE
from debate.validation import RECORD_CONFIG, DataError, Problem, validate_data
from debate.vocabulary.criteria import CRITERION_IDS

Topic: TypeAlias = Literal[
    "opening",
    "argue",
    "rebut",
    "concede",
    "challenge_after_attack",
    "challenge_paper",
    "challenge_executive",
    "challenge_nuclear",
    "demand",
    "reject",
]
TOPICS: tuple[Topic, ...] = get_args(Topic)

#: Voices a line may be written for, and the tier voice each guarantor tier falls back to.
ROLE_VOICES: tuple[str, ...] = ("kyiv", "kremlin", "washington", "brussels", "beijing")
TIER_VOICE: dict[str, str] = {
    "protected_party": "protected_party",
    "aggressor": "aggressor",
    "superpower": "guarantor",
    "great_power": "guarantor",
    "middle_power": "guarantor",
    "international_body": "observer",
}
VOICES: tuple[str, ...] = (*ROLE_VOICES, *dict.fromkeys(TIER_VOICE.values()), "any")

#: Placeholders a line's text may use (filled by the policy that speaks it).
PLACEHOLDERS: frozenset[str] = frozenset({"target", "commitment", "criterion"})
# A filled line must still fit the shortest text field it is used in (demand/reject notes).
_MAX_LINE = MAX_NOTE - 200


class Line(BaseModel):
    """One scripted line."""

    model_config = RECORD_CONFIG

    voice: str
    topic: Topic
    text: str = Field(min_length=1, max_length=_MAX_LINE)
    criteria: tuple[str, ...] = ()

    @field_validator("voice")
    @classmethod
    def _known_voice(cls, value: str) -> str:
        if value not in VOICES:
            raise ValueError(f"unknown voice {value!r} (known: {', '.join(VOICES)})")
        return value

    @field_validator("criteria")
    @classmethod
    def _known_criteria(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for c in value:
            if c not in CRITERION_IDS:
                raise ValueError(f"unknown criterion {c!r} (known: {', '.join(CRITERION_IDS)})")
        return value

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        for _, name, _, _ in string.Formatter().parse(value):
            if name is not None and name not in PLACEHOLDERS:
                raise ValueError(
                    f"unknown placeholder {{{name}}} (known: {', '.join(sorted(PLACEHOLDERS))})"
                )
        return value

    def fill(self, **values: str) -> str:
        """The text with its placeholders filled (missing ones become empty)."""
        wanted = {name: values.get(name, "") for name in PLACEHOLDERS}
        return self.text.format(**wanted)


class LinesFile(BaseModel):
    model_config = RECORD_CONFIG

    lines: tuple[Line, ...] = Field(min_length=1)


def load_lines(text: str, file: str = "lines.toml") -> LinesFile:
    """Parse and validate a lines file; a problem raises :class:`DataError` naming the field."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DataError([Problem(file, "", f"malformed TOML: {e}")]) from None
    lines = validate_data(data, LinesFile, file)
    present = {(line.voice, line.topic) for line in lines.lines}
    missing = [t for t in TOPICS if ("any", t) not in present]
    if missing:
        raise DataError(
            [Problem(file, "lines", f"voice 'any' needs a line for topic {t!r}") for t in missing]
        )
    return lines


@cache
def shipped_lines() -> LinesFile:
    """The package's own ``lines.toml`` (package data, read once)."""
    text = resources.files("debate.scripted").joinpath("lines.toml").read_text("utf-8")
    return load_lines(text, "debate/scripted/lines.toml")


@cache
def _index() -> dict[tuple[str, str], tuple[Line, ...]]:
    out: dict[tuple[str, str], list[Line]] = {}
    for line in shipped_lines().lines:
        out.setdefault((line.voice, line.topic), []).append(line)
    return {k: tuple(v) for k, v in out.items()}


def voice_chain(role_id: str, tier: str) -> tuple[str, ...]:
    """Voices tried for a role, most specific first.

    >>> voice_chain("kyiv", "protected_party")
    ('kyiv', 'protected_party', 'any')
    >>> voice_chain("poland", "middle_power")
    ('guarantor', 'any')
    """
    chain = [role_id] if role_id in ROLE_VOICES else []
    chain += [TIER_VOICE.get(tier, "any"), "any"]
    return tuple(dict.fromkeys(chain))


def lines_for(role_id: str, tier: str, topic: Topic) -> tuple[Line, ...]:
    """The lines a role may say on a topic (from the most specific voice that has any)."""
    index = _index()
    for voice in voice_chain(role_id, tier):
        found = index.get((voice, topic))
        if found:
            return found
    raise LookupError(f"no line for topic {topic!r}")  # load_lines guarantees 'any' has one


def pick_line(
    role_id: str,
    tier: str,
    topic: Topic,
    rng: random.Random,
    prefer_criterion: str | None = None,
) -> Line:
    """One line at random, preferring lines that invoke ``prefer_criterion``."""
    options = lines_for(role_id, tier, topic)
    if prefer_criterion is not None:
        matching = [line for line in options if prefer_criterion in line.criteria]
        if matching:
            return rng.choice(matching)
    return rng.choice(options)
