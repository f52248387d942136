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
from pydantic import BaseModel, Field

from debate.lazy_names import lazy_names
from debate.validation import RECORD_CONFIG


class CriterionInfo(BaseModel):
    model_config = RECORD_CONFIG

    id: str
    name: str
    weight: float = Field(ge=0)
    description: str


# Read on first use, from criteria_defaults (see the module docstring).
DEFAULT_CRITERIA: tuple[CriterionInfo, ...]
CRITERION_IDS: tuple[str, ...]
CRITERION_NAMES: dict[str, str]
__getattr__ = lazy_names(
    __name__,
    dict.fromkeys(
        ("DEFAULT_CRITERIA", "CRITERION_IDS", "CRITERION_NAMES"),
        "debate.vocabulary.criteria_defaults",
    ),
)
