"""Finding, loading and checking motion files."""

from __future__ import annotations

from collections.abc import Iterable
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
    "resolve_motion",
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


def discover_motions(dirs: Iterable[Path]) -> list[tuple[Path, Motion | DataError]]:
    """Every ``*.toml`` in ``dirs``, loaded; a broken file comes back as its DataError."""
    found: list[tuple[Path, Motion | DataError]] = []
    for path in motion_files(dirs):
        try:
            found.append((path, load_motion(path)))
        except DataError as e:
            found.append((path, e))
    return found


def resolve_motion(ref: str, extra_dirs: Iterable[Path | str] = ()) -> Motion:
    """A motion by id (searched in the motion directories) or by path to a file."""
    candidate = Path(ref)
    if candidate.suffix in {".toml", ".json"} or candidate.is_file():
        return load_motion(candidate)
    dirs = default_motion_dirs(extra_dirs)
    if named := _file_named_after(ref, dirs):
        return named
    ids: list[str] = []
    for _, motion in discover_motions(dirs):
        if isinstance(motion, Motion):
            if motion.id == ref:
                return motion
            ids.append(motion.id)
    known = ", ".join(sorted(set(ids))) or "none found"
    raise DataError([Problem(ref, "", f"no motion with this id or path (known ids: {known})")])


def _file_named_after(ref: str, dirs: Iterable[Path]) -> Motion | None:
    """The motion in the first ``<dir>/<ref>.toml`` if that file declares id ``ref``: the
    usual layout, found without loading every other motion (start-up time, issue 15).
    None sends the caller to the full search, which also reports broken files."""
    if not ref or Path(ref).name != ref:
        return None
    for d in dirs:
        path = d / f"{ref}.toml"
        if path.is_file():
            try:
                motion = load_motion(path)
            except DataError:
                return None
            return motion if motion.id == ref else None
    return None


def motion_schema() -> dict[str, Any]:
    """The JSON Schema of the motion format, for editor completion."""
    schema = Motion.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Guarantees motion"
    return schema
