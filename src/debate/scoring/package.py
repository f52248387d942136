"""The package format: who the parties are and what each of them commits to.

A package is what the scorer rates. Instructors write one as a TOML (or JSON) file; the game
builds one from the commitments on the table (:mod:`debate.scoring.game`). Reading files is
:func:`debate.validation.load_file`'s job; this module only validates data.

>>> pkg = Package.model_validate({
...     "title": "Korea 1953-54",
...     "protected": "rok", "aggressor": "dprk",
...     "parties": [
...         {"id": "us", "name": "United States", "tier": "superpower", "nuclear": True},
...         {"id": "rok", "name": "South Korea", "tier": "protected_party"},
...         {"id": "dprk", "name": "North Korea", "tier": "aggressor"}],
...     "commitments": [{"by": "us", "kind": "troops", "size": 60000,
...                      "basis": "ratified_treaty"}]})
>>> pkg.party("us").name, pkg.commitments[0].timing
('United States', 'standing')

Cross-references are checked and reported with the field path that holds the mistake:

>>> from pydantic import ValidationError
>>> try:
...     Package.model_validate({**pkg.model_dump(), "aggressor": "ussr"})
... except ValidationError as e:
...     print(e.errors()[0]["loc"], e.errors()[0]["msg"])
('aggressor',) unknown party 'ussr' (parties: dprk, rok, us)
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
from functools import cached_property
from typing import Any, Self

from pydantic import BaseModel, Field, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from debate.validation import RECORD_CONFIG, PlainText
from debate.vocabulary.commitments import Commitment, Tier


class Party(BaseModel):
    """A state, alliance or body that makes commitments (or is protected, or threatens)."""

    model_config = RECORD_CONFIG

    id: PlainText = Field(min_length=1, max_length=60, description="referred to by `by`")
    name: PlainText = Field(min_length=1, max_length=120)
    tier: Tier
    nuclear: bool = False


class Package(BaseModel):
    """A package of commitments between a protected party, its guarantors and an aggressor."""

    model_config = RECORD_CONFIG

    title: str = Field(min_length=1, max_length=200)
    protected: str = Field(min_length=1, description="id of the protected party")
    aggressor: str = Field(min_length=1, description="id of the potential aggressor")
    parties: tuple[Party, ...] = Field(min_length=2)
    commitments: tuple[Commitment, ...] = ()
    ids: tuple[str, ...] = Field(
        default=(),
        description="the commitments' ids in a game (c1, c2...), used in reasons; "
        "empty for a package file (reasons then number them #1, #2...)",
    )

    @model_validator(mode="after")
    def _check_references(self) -> Self:
        problems: list[InitErrorDetails] = []

        def problem(loc: tuple[str | int, ...], message: str, value: Any) -> None:
            problems.append(
                InitErrorDetails(
                    type=PydanticCustomError("reference", message), loc=loc, input=value
                )
            )

        ids: set[str] = set()
        names: dict[str, str] = {}
        for i, party in enumerate(self.parties):
            if party.id in ids:
                problem(("parties", i, "id"), f"duplicate party id {party.id!r}", party.id)
            ids.add(party.id)
            # A party is a party: one state, one id. The same state under a second id would
            # let one promise count as several guarantors'.
            name = " ".join(party.name.casefold().split())
            if name in names:
                problem(
                    ("parties", i, "name"),
                    f"party {party.name!r} is already listed as {names[name]!r}: one id per party",
                    party.name,
                )
            names.setdefault(name, party.id)
        known = ", ".join(sorted(ids))
        for field in ("protected", "aggressor"):
            value = getattr(self, field)
            if value not in ids:
                problem((field,), f"unknown party {value!r} (parties: {known})", value)
        if self.protected == self.aggressor:
            problem(("aggressor",), "the aggressor cannot be the protected party", self.aggressor)
        for i, c in enumerate(self.commitments):
            if c.by not in ids:
                problem(
                    ("commitments", i, "by"), f"unknown party {c.by!r} (parties: {known})", c.by
                )
        if self.ids and len(self.ids) != len(self.commitments):
            problem(("ids",), "one id per commitment, or none", self.ids)
        if problems:
            # A ValidationError keeps each problem's own location (a plain ValueError
            # would point at the whole package).
            raise ValidationError.from_exception_data("Package", problems)
        return self

    @cached_property
    def party_by_id(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    def commitment_name(self, idx: int) -> str:
        """How reasons name commitment ``idx``: its game id (``c7``) when the package came
        from a game, else its place in the file (``#3``)."""
        return self.ids[idx] if idx < len(self.ids) else f"#{idx + 1}"

    def party(self, party_id: str) -> Party:
        """The party with this id (KeyError if none)."""
        return self.party_by_id[party_id]

    def aggressor_side(self, party_id: str) -> bool:
        """Whether a party is the aggressor or of tier ``aggressor``: its word guarantees
        nothing (only its own forces, the threat, and a DMZ it accepts matter)."""
        return party_id == self.aggressor or self.party_by_id[party_id].tier == "aggressor"
