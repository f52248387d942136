"""Motions: the debate's data, loaded from TOML files and validated.

The names below are imported on first use, so that a light submodule (``places``,
``listing``) can be used without building the pydantic models (`debate motions list`,
issue 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from debate.lazy_names import lazy_names

if TYPE_CHECKING:
    from debate.motions.loader import (
        discover_motions,
        load_motion,
        motion_schema,
    )
    from debate.motions.model import Claim, Criterion, Motion, Objective, Phase, Role, Source
    from debate.motions.places import MOTIONS_ENV, default_motion_dirs
    from debate.motions.resolve import resolve_motion

#: Name -> the submodule defining it.
_HOMES = {
    "MOTIONS_ENV": "debate.motions.places",
    "default_motion_dirs": "debate.motions.places",
    "discover_motions": "debate.motions.loader",
    "load_motion": "debate.motions.loader",
    "motion_schema": "debate.motions.loader",
    "resolve_motion": "debate.motions.resolve",
    **dict.fromkeys(("Claim", "Criterion", "Motion", "Objective", "Phase", "Role", "Source"),
                    "debate.motions.model"),
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


__getattr__ = lazy_names(__name__, _HOMES)
