"""Motion files already validated, kept between runs (issue 15).

Validating a motion builds the pydantic motion models' validators and checks every card's
legal ladder: about 50 ms that `debate play MOTION` would spend before its table appears,
on every start, for a file that has not changed. A file that loads and validates is
therefore pickled into ``<cache dir>/motions/``, named by a hash of its resolved path,
with what must not have changed for the copy to stand: the file's size, times and inode,
and the stamp of the code that decides what is valid (the same as the motion listing's).

Unpickling runs code, so a copy is read back only from a folder and a file this user owns
and nobody else may write: as trusted as the user's own files. Anything else (no copy, a
stale, damaged or foreign one) means the file is loaded and validated again, and a file
that fails is never kept. A cache that cannot be written is done without.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from debate.motions.listing import code_stamp, file_state, settled
from debate.motions.loader import discover_motions, load_motion
from debate.motions.model import Motion
from debate.paths import cache_dir
from debate.validation import DataError

#: Changes whenever what is pickled changes shape: older copies are then ignored.
FORMAT = 1
FOLDER = "motions"


def load_validated(path: Path | str, folder: Path | None = None) -> Motion:
    """The motion in ``path``: its kept copy if the file is unchanged, else loaded and
    fully checked (:func:`~debate.motions.loader.load_motion`) and kept for next time.

    Raises :class:`~debate.validation.DataError` as :func:`load_motion` does.
    """
    path = Path(path)
    folder = folder or cache_dir() / FOLDER
    key, before = file_state(path)
    if key is None:
        return load_motion(path)  # unreadable: the loader says why
    copy = folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    stamp = code_stamp()
    kept = _read(copy, (FORMAT, key, before, stamp))
    if kept is not None:
        return kept
    motion = load_motion(path)
    # Kept only if the file did not change while it was read, and has settled.
    if file_state(path) == (key, before) and settled(before):
        _write(copy, (FORMAT, key, before, stamp), motion)
    return motion


def discover_validated(dirs: Iterable[Path]) -> list[tuple[Path, Motion | DataError]]:
    """As :func:`~debate.motions.loader.discover_motions`, each unchanged valid file from
    its kept copy (the motion pickers; `debate motions check` always validates in full)."""
    return discover_motions(dirs, load_validated)


def _trusted(st: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    getuid = getattr(os, "getuid", None)
    mine = getuid is None or st.st_uid == getuid()
    return mine and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(copy: Path, expected: tuple[Any, ...]) -> Motion | None:
    try:
        if not (_trusted(copy.parent.stat()) and _trusted(copy.stat())):
            return None
        header, motion = pickle.loads(copy.read_bytes())
    except Exception:  # missing, unreadable, damaged, or pickled by other code: reload
        return None
    if header != list(expected) or type(motion) is not Motion:
        return None
    return motion


def _write(copy: Path, header: tuple[Any, ...], motion: Motion) -> None:
    """Replace the copy in one step (a reader never sees half a file)."""
    partial = copy.with_name(f"{copy.name}.{os.getpid()}.partial")
    try:
        copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps((list(header), motion), pickle.HIGHEST_PROTOCOL))
        os.replace(partial, copy)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
