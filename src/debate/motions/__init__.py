"""Motions: the debate's data, loaded from TOML files and validated.

The names below are imported on first use, so that a light submodule (``places``,
``listing``) can be used without building the pydantic models (`debate motions list`,
issue 15).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from debate.motions.loader import (
        discover_motions,
        load_motion,
        motion_schema,
        resolve_motion,
    )
    from debate.motions.model import Claim, Criterion, Motion, Objective, Phase, Role, Source
    from debate.motions.places import MOTIONS_ENV, default_motion_dirs

#: Name -> the submodule defining it.
_HOMES = {
    "MOTIONS_ENV": "places",
    "default_motion_dirs": "places",
    "discover_motions": "loader",
    "load_motion": "loader",
    "motion_schema": "loader",
    "resolve_motion": "loader",
    **dict.fromkeys(("Claim", "Criterion", "Motion", "Objective", "Phase", "Role", "Source"),
                    "model"),
}

__all__ = [
    "MOTIONS_ENV",
    "Claim",
    "Criterion",
    "Motion",
    "Objective",
    "Phase",
    "Role",
    "Source",
    "default_motion_dirs",
    "discover_motions",
    "load_motion",
    "motion_schema",
    "resolve_motion",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'debate.motions' has no attribute {name!r}")
    value = getattr(import_module(f"debate.motions.{home}"), name)
    globals()[name] = value  # found once
    return value
