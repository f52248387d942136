"""A motion named on the command line: by path to its file, or by its id."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from debate.motions.listing import list_motion_files
from debate.motions.model import Motion
from debate.motions.places import default_motion_dirs
from debate.motions.validated import load_validated
from debate.validation import DataError, Problem


def resolve_motion(ref: str, extra_dirs: Iterable[Path | str] = ()) -> Motion:
    """A motion by id (searched in the motion directories) or by path to a file.

    An id is looked up in the motion listing (:mod:`debate.motions.listing`, which knows the
    id of every unchanged valid file without loading it), so only the motion asked for is
    loaded: the first file, in search order, that declares the id. A file unchanged since
    it was last validated comes from its kept copy (:mod:`debate.motions.validated`).
    """
    candidate = Path(ref)
    if candidate.suffix in {".toml", ".json"} or candidate.is_file():
        return load_validated(candidate)
    listed = list_motion_files(default_motion_dirs(extra_dirs))
    ids = [f.summary.id for f in listed if f.summary is not None]
    for found in listed:
        if found.summary is not None and found.summary.id == ref:
            motion = load_validated(found.path)
            if motion.id == ref:  # else it changed since it was listed: not this file
                return motion
    known = ", ".join(sorted(set(ids))) or "none found"
    raise DataError([Problem(ref, "", f"no motion with this id or path (known ids: {known})")])
