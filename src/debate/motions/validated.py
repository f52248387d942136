"""Motion files already validated, kept between runs (issue 15).

Validating a motion builds the pydantic motion models' validators and checks every card's
legal ladder: about 50 ms that `debate play MOTION` would spend before its table appears,
on every start, for a file that has not changed. A file that loads and validates is
therefore pickled into ``<cache dir>/motions/``, named by a hash of its resolved path,
with what must not have changed for the copy to stand: the file's size, times and inode,
and the stamp of the code that decides what is valid (the same as the motion listing's).

Unpickling runs code, so a copy is read back only from a folder and a file this user owns
and nobody else may write (opened without following symlinks, checked on the open handle):
as trusted as the user's own files. Where that cannot be checked (no POSIX owners, as on
Windows) nothing is kept. Anything else (no copy, a stale, damaged or foreign one) means
the file is loaded and validated again, and a file that fails is never kept. A cache that
cannot be written is done without.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import tempfile
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
#: Copies are kept only where a file's owner can be checked and symlinks refused (POSIX).
KEEPS_COPIES = hasattr(os, "getuid") and hasattr(os, "O_NOFOLLOW") and os.open in os.supports_dir_fd


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
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open_folder(folder: Path) -> int | None:
    """A handle on ``folder`` if it is trusted (not a symlink); None otherwise. Entries are
    then opened through the handle, so a folder swapped after the check is never read."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    if _trusted(os.fstat(fd)):
        return fd
    os.close(fd)
    return None


def _read(copy: Path, expected: tuple[Any, ...]) -> Motion | None:
    if not KEEPS_COPIES:
        return None
    folder = _open_folder(copy.parent)
    if folder is None:
        return None
    try:
        fd = os.open(copy.name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
        with os.fdopen(fd, "rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                return None
            header, motion = pickle.load(file)
    except Exception:  # missing, unreadable, damaged, or pickled by other code: reload
        return None
    finally:
        os.close(folder)
    if header != list(expected) or type(motion) is not Motion:
        return None
    return motion


def _write(copy: Path, header: tuple[Any, ...], motion: Motion) -> None:
    """Replace the copy in one step (a reader never sees half a file), in a private file
    (``mkstemp``: mode 0600 whatever the umask, a fresh name) in a trusted folder."""
    if not KEEPS_COPIES:
        return
    with contextlib.suppress(OSError):
        copy.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder = _open_folder(copy.parent)
    if folder is None:
        return
    os.close(folder)
    partial: str | None = None
    try:
        data = pickle.dumps((list(header), motion), pickle.HIGHEST_PROTOCOL)
        fd, partial = tempfile.mkstemp(dir=copy.parent, prefix=copy.name, suffix=".partial")
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(partial, copy)
    except Exception:  # cannot be pickled or written: done without
        if partial is not None:
            with contextlib.suppress(OSError):
                os.unlink(partial)
