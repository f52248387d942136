"""The deterrence criteria the scorer computes, with default weights (data in criteria.toml).

The table is read and validated when one of its names is first used, not at import: the
first validator a process builds makes pydantic look for plugins, which imports
``importlib.metadata`` and the modules it needs (about 25 ms), and the debate table imports
this module for the criteria's names long before it shows one (issue 15).

>>> from debate.vocabulary.criteria import CRITERION_IDS, CRITERION_NAMES, DEFAULT_CRITERIA
>>> first = DEFAULT_CRITERIA[0]
>>> CRITERION_IDS[0] == first.id and CRITERION_NAMES[first.id] == first.name
True
"""

# No `from __future__ import annotations`: pydantic would compile and evaluate every
# annotation string when building the models (issue 15, start-up).
import sys
import threading
import tomllib
from importlib import resources
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from debate.validation import RECORD_CONFIG


class CriterionInfo(BaseModel):
    model_config = RECORD_CONFIG

    id: str
    name: str
    weight: float = Field(ge=0)
    description: str


# Set on first use (see __getattr__).
DEFAULT_CRITERIA: tuple[CriterionInfo, ...]
CRITERION_IDS: tuple[str, ...]
CRITERION_NAMES: dict[str, str]
_ON_FIRST_USE = ("DEFAULT_CRITERIA", "CRITERION_IDS", "CRITERION_NAMES")
#: First uses may come from several threads at once (the table, a scripted seat's worker).
_LOADING = threading.Lock()


def _load_defaults() -> dict[str, Any]:
    # Package data, read once: a small table, not user input.
    text = resources.files("debate.vocabulary").joinpath("criteria.toml").read_text("utf-8")
    criteria = tuple(CriterionInfo.model_validate(c) for c in tomllib.loads(text)["criteria"])
    return {
        "DEFAULT_CRITERIA": criteria,
        "CRITERION_IDS": tuple(c.id for c in criteria),
        "CRITERION_NAMES": {c.id: c.name for c in criteria},
    }


if not TYPE_CHECKING:  # for type checkers the names above are declared, nothing else is

    def __getattr__(name: str) -> Any:
        if name not in _ON_FIRST_USE:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        module = vars(sys.modules[__name__])
        with _LOADING:
            if name not in module:  # not loaded by another thread meanwhile
                module.update(_load_defaults())  # ordinary attributes from now on
        return module[name]
