"""Motions: the debate's data, loaded from TOML files and validated."""

from debate.motions.loader import (
    MOTIONS_ENV,
    default_motion_dirs,
    discover_motions,
    load_motion,
    motion_schema,
    resolve_motion,
)
from debate.motions.model import Claim, Criterion, Motion, Objective, Phase, Role, Source

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
