"""The default criteria table, read from ``criteria.toml`` and validated when this module is
imported: :mod:`debate.vocabulary.criteria` imports it on the first use of one of its names
(Python's import lock makes that once, whichever thread asks first)."""

# No `from __future__ import annotations`: as in criteria.py.
import tomllib
from importlib import resources

from debate.vocabulary.criteria import CriterionInfo

# Package data: a small table, not user input.
_TEXT = resources.files("debate.vocabulary").joinpath("criteria.toml").read_text("utf-8")

DEFAULT_CRITERIA: tuple[CriterionInfo, ...] = tuple(
    CriterionInfo.model_validate(c) for c in tomllib.loads(_TEXT)["criteria"]
)
CRITERION_IDS: tuple[str, ...] = tuple(c.id for c in DEFAULT_CRITERIA)
CRITERION_NAMES: dict[str, str] = {c.id: c.name for c in DEFAULT_CRITERIA}
