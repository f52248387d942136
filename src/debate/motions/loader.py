"""Finding, loading and checking motion files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from debate.motions.model import Motion
from debate.motions.places import MOTIONS_ENV, default_motion_dirs, motion_files
from debate.validation import DataError, Problem, field_path, read_data, validate_data

__all__ = [
    "MOTIONS_ENV",
    "default_motion_dirs",
    "discover_motions",
    "load_motion",
    "motion_schema",
]


def load_motion(path: Path | str) -> Motion:
    """Load and fully check one motion file (schema and cross-references).

    Raises :class:`~debate.validation.DataError` listing every problem found.
    """
    path = Path(path)
    data = read_data(path)
    motion = validate_data(data, Motion, str(path))
    problems = [
        Problem(str(path), field_path(loc), msg) for loc, msg in motion.reference_problems()
    ]
    if problems:
        raise DataError(problems)
    return motion


def discover_motions(
    dirs: Iterable[Path], load: Callable[[Path], Motion] | None = None
) -> list[tuple[Path, Motion | DataError]]:
    """Every ``*.toml`` in ``dirs``, loaded (by ``load``, default :func:`load_motion`); a
    broken file comes back as its DataError."""
    found: list[tuple[Path, Motion | DataError]] = []
    for path in motion_files(dirs):
        try:
            found.append((path, (load or load_motion)(path)))
        except DataError as e:
            found.append((path, e))
    return found


def motion_schema() -> dict[str, Any]:
    """The JSON Schema of the motion format, for editor completion."""
    schema = Motion.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Guarantees motion"
    return schema
