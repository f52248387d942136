"""Where motion files are looked for (light: no model is imported, for `debate motions list`)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

MOTIONS_ENV = "DEBATE_MOTIONS"
_REPO_MOTIONS = Path(__file__).resolve().parents[3] / "motions"


def default_motion_dirs(extra: Iterable[Path | str] = ()) -> list[Path]:
    """Where motions are looked for: ``--dir`` options, ``$DEBATE_MOTIONS``, ``./motions``,
    and the project's own ``motions/`` (for an editable install run from elsewhere)."""
    dirs = [Path(d) for d in extra]
    if env := os.environ.get(MOTIONS_ENV):
        dirs += [Path(p) for p in env.split(os.pathsep) if p]
    dirs += [Path("motions"), _REPO_MOTIONS]
    seen: set[Path] = set()
    out = []
    for d in dirs:
        key = d.resolve()
        if key not in seen and d.is_dir():
            seen.add(key)
            out.append(d)
    return out


def motion_files(dirs: Iterable[Path]) -> list[Path]:
    """Every ``*.toml`` in ``dirs``, in the order they are listed: directory by directory,
    by name within one."""
    return [path for d in dirs for path in sorted(d.glob("*.toml"))]
