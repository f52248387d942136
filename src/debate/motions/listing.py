"""What `debate motions list` shows of each motion file, remembered between runs.

Listing used to load and fully validate every motion file, which means building the
pydantic motion models first: most of the command's time (issue 15). A file that validates
is now remembered in ``<cache dir>/motion-listing.json`` (:func:`debate.paths.cache_dir`)
with only what the listing shows (id, title, roles), under its resolved path and its size,
modification and change times and inode, and under a stamp of the code that decides what
is valid (this package, the vocabulary, validation, pydantic's version). If any of these
changes, the file is loaded and checked again.

A file that fails is never remembered, so its problems are found afresh every time; a
damaged or unreadable cache is ignored (and rewritten); a cache that cannot be written is
done without. Nothing here imports the models until a file has to be loaded.
`debate motions check` always validates in full.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debate.motions.places import motion_files
from debate.paths import cache_dir

if TYPE_CHECKING:
    from debate.validation import DataError

#: Changes whenever the cache's layout does: an older cache is then ignored.
FORMAT = 1
CACHE_NAME = "motion-listing.json"
#: A file changed this recently is not remembered yet: a second edit within the file
#: system's timestamp resolution could leave its size and times as they were.
SETTLE_NS = 2_000_000_000


@dataclass(frozen=True)
class MotionSummary:
    """What the listing shows of a valid motion."""

    id: str
    title: str
    roles: tuple[tuple[str, str], ...]  # (role id, role name), in the motion's order


@dataclass(frozen=True)
class ListedFile:
    """One motion file found: its summary if it is valid, else what is wrong with it."""

    path: Path
    summary: MotionSummary | None = None
    error: DataError | None = None


def list_motion_files(dirs: Iterable[Path], cache_file: Path | None = None) -> list[ListedFile]:
    """Every ``*.toml`` in ``dirs`` (as :func:`~debate.motions.loader.discover_motions`
    orders them), each summarised from the cache if it is unchanged, else loaded."""
    cache_file = cache_file or cache_dir() / CACHE_NAME
    stamp = code_stamp()
    remembered = _read_cache(cache_file, stamp)
    files = dict(remembered)
    listed: list[ListedFile] = []
    for path in motion_files(dirs):
        key, before = file_state(path)
        entry = remembered.get(key) if key else None
        if entry is not None and entry["state"] == before:
            listed.append(ListedFile(path, _summary(entry)))
            continue
        found = _load(path)
        listed.append(found)
        if key is None:
            continue
        files.pop(key, None)
        # Remembered only if it did not change while it was read, and has settled.
        if found.summary is not None and file_state(path) == (key, before) and settled(before):
            files[key] = _entry(before, found.summary)
    if files != remembered:
        # Entries of files now gone are dropped; those of other folders are kept.
        _write_cache(cache_file, stamp, {k: v for k, v in files.items() if os.path.exists(k)})
    return listed


def code_stamp() -> list[list[Any]]:
    """Name, size and modification time of each file that decides whether a motion is
    valid: this package, the vocabulary, validation and text safety, pydantic's version."""
    debate = Path(__file__).resolve().parents[1]
    sources = [
        *sorted((debate / "motions").glob("*.py")),
        *sorted((debate / "vocabulary").glob("*.py")),
        *sorted((debate / "vocabulary").glob("*.toml")),
        debate / "validation.py",
        debate / "text_safety.py",
    ]
    spec = find_spec("pydantic")
    if spec is not None and spec.submodule_search_locations:
        sources.append(Path(next(iter(spec.submodule_search_locations))) / "version.py")
    stamp: list[list[Any]] = []
    for source in sources:
        try:
            st = source.stat()
        except OSError:
            stamp.append([str(source), None, None])
        else:
            stamp.append([str(source), st.st_size, st.st_mtime_ns])
    return stamp


def file_state(path: Path) -> tuple[str | None, list[int] | None]:
    """The cache key of a file (its resolved path) and what must not have changed."""
    try:
        resolved = path.resolve()
        st = resolved.stat()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop
        return None, None
    return str(resolved), [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def settled(state: list[int] | None) -> bool:
    return state is not None and time.time_ns() - max(state[1], state[2]) > SETTLE_NS


def _load(path: Path) -> ListedFile:
    from debate.motions.loader import load_motion
    from debate.validation import DataError

    try:
        motion = load_motion(path)
    except DataError as e:
        return ListedFile(path, error=e)
    roles = tuple((r.id, r.name) for r in motion.roles)
    return ListedFile(path, MotionSummary(motion.id, motion.title, roles))


def _entry(state: list[int] | None, summary: MotionSummary) -> dict[str, Any]:
    return {
        "state": state,
        "id": summary.id,
        "title": summary.title,
        "roles": [list(role) for role in summary.roles],
    }


def _summary(entry: dict[str, Any]) -> MotionSummary:
    roles = tuple((role_id, name) for role_id, name in entry["roles"])
    return MotionSummary(entry["id"], entry["title"], roles)


def _read_cache(cache_file: Path, stamp: list[list[Any]]) -> dict[str, dict[str, Any]]:
    """The remembered entries, if the cache is readable, whole and made by this code."""
    try:
        data = json.loads(cache_file.read_bytes())
    except (OSError, ValueError):  # missing, unreadable, not JSON (or not UTF-8)
        return {}
    if not (isinstance(data, dict) and data.get("format") == FORMAT
            and data.get("code") == stamp and isinstance(data.get("files"), dict)):
        return {}
    return {key: entry for key, entry in data["files"].items() if _well_formed(entry)}


def _well_formed(entry: object) -> bool:
    """Whether a cache entry has the shape :func:`_entry` writes (else it is skipped)."""
    if not isinstance(entry, dict) or set(entry) != {"state", "id", "title", "roles"}:
        return False
    state, roles = entry["state"], entry["roles"]
    return (
        isinstance(state, list) and len(state) == 4
        and all(type(n) is int for n in state)
        and isinstance(entry["id"], str) and isinstance(entry["title"], str)
        and isinstance(roles, list)
        and all(isinstance(r, list) and len(r) == 2 and all(isinstance(s, str) for s in r)
                for r in roles)
    )


def _write_cache(cache_file: Path, stamp: list[list[Any]], files: dict[str, Any]) -> None:
    """Replace the cache in one step (a reader never sees half a file); any failure leaves
    the listing uncached, never broken."""
    text = json.dumps({"format": FORMAT, "code": stamp, "files": files}, indent=1)
    partial = cache_file.with_name(f"{cache_file.name}.{os.getpid()}.partial")
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(text, "utf-8")
        os.replace(partial, cache_file)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
