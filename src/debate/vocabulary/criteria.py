"""The deterrence criteria the scorer computes, with default weights (data in criteria.toml)."""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import tomllib
from importlib import resources

from pydantic import BaseModel, Field

from debate.validation import RECORD_CONFIG


class CriterionInfo(BaseModel):
    model_config = RECORD_CONFIG

    id: str
    name: str
    weight: float = Field(ge=0)
    description: str


def _load_defaults() -> tuple[CriterionInfo, ...]:
    # Package data, read once at import: a small table, not user input.
    text = resources.files("debate.vocabulary").joinpath("criteria.toml").read_text("utf-8")
    return tuple(CriterionInfo.model_validate(c) for c in tomllib.loads(text)["criteria"])


DEFAULT_CRITERIA: tuple[CriterionInfo, ...] = _load_defaults()
CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in DEFAULT_CRITERIA)
CRITERION_NAMES: dict[str, str] = {c.id: c.name for c in DEFAULT_CRITERIA}
