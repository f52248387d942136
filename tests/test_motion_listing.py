"""`debate motions list` remembers valid motion files between runs (issue 15): what it shows
stays exactly what loading every file would show, whatever happens to the files or the cache.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from debate.motions import listing, loader
from debate.motions.listing import ListedFile, MotionSummary, list_motion_files
from motion_loads import count_loads

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "motions" / "before_aggression.toml"
TITLE = "Security guarantees must operate before aggression, not after"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files that had to be loaded and validated (the others came from the cache)."""
    return count_loads(monkeypatch, loader)


@pytest.fixture
def motions(tmp_path: Path) -> Path:
    folder = tmp_path / "motions"
    folder.mkdir()
    (folder / "before_aggression.toml").write_text(SHIPPED.read_text("utf-8"), "utf-8")
    return folder


def summaries(found: list[ListedFile]) -> list[MotionSummary | None]:
    return [f.summary for f in found]


def test_a_valid_file_is_loaded_once_then_listed_from_the_cache(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    cache = tmp_path / "cache.json"
    first = list_motion_files([motions], cache)
    second = list_motion_files([motions], cache)
    assert loads == [motions / "before_aggression.toml"]
    assert summaries(first) == summaries(second)
    (summary,) = summaries(second)
    assert summary is not None and summary.id == "before_aggression" and summary.title == TITLE
    assert summary.roles[0] == ("kyiv", "Kyiv")
    assert [f.path for f in second] == [motions / "before_aggression.toml"]


def test_a_changed_file_is_loaded_again(motions: Path, tmp_path: Path, loads: list[Path]) -> None:
    cache = tmp_path / "cache.json"
    path = motions / "before_aggression.toml"
    list_motion_files([motions], cache)
    path.write_text(path.read_text("utf-8").replace(TITLE, "A new proposition"), "utf-8")
    (found,) = list_motion_files([motions], cache)
    assert found.summary is not None and found.summary.title == "A new proposition"
    assert len(loads) == 2


def test_a_file_rewritten_with_the_same_size_and_time_is_loaded_again(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    cache = tmp_path / "cache.json"
    path = motions / "before_aggression.toml"
    list_motion_files([motions], cache)
    before = path.stat()
    same_length = TITLE.replace("before", "BEFORE")
    path.write_text(path.read_text("utf-8").replace(TITLE, same_length), "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    (found,) = list_motion_files([motions], cache)
    assert found.summary is not None and found.summary.title == same_length


def test_a_file_that_breaks_is_reported_not_listed_from_the_cache(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    cache = tmp_path / "cache.json"
    path = motions / "before_aggression.toml"
    list_motion_files([motions], cache)
    path.write_text(path.read_text("utf-8").replace('id = "kyiv"', 'id = "Kyiv!"'), "utf-8")
    for _ in range(2):  # and a broken file is never remembered: found out every time
        (found,) = list_motion_files([motions], cache)
        assert found.summary is None and found.error is not None
        assert "before_aggression.toml" in str(found.error)
    assert len(loads) == 3
    assert str(path.resolve()) not in json.loads(cache.read_text("utf-8"))["files"]


@pytest.mark.parametrize(
    "damage",
    [
        b"not json at all {",
        b'{"format": 1, "code": "\xff"}',
        b"[]",
        b'{"format": 999, "code": [], "files": {}}',
    ],
    ids=["not-json", "not-utf8", "not-an-object", "other-format"],
)
def test_a_damaged_cache_is_ignored_and_rewritten(
    motions: Path, tmp_path: Path, loads: list[Path], damage: bytes
) -> None:
    cache = tmp_path / "cache.json"
    cache.write_bytes(damage)
    (found,) = list_motion_files([motions], cache)
    assert found.summary is not None and found.summary.title == TITLE
    assert json.loads(cache.read_text("utf-8"))["format"] == listing.FORMAT
    list_motion_files([motions], cache)
    assert len(loads) == 1


def test_a_cache_entry_of_the_wrong_shape_is_not_trusted(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    cache = tmp_path / "cache.json"
    list_motion_files([motions], cache)
    document = json.loads(cache.read_text("utf-8"))
    (entry,) = document["files"].values()
    entry["roles"] = [["kyiv"]]  # a role without its name
    cache.write_text(json.dumps(document), "utf-8")
    (found,) = list_motion_files([motions], cache)
    assert found.summary is not None and found.summary.roles[0] == ("kyiv", "Kyiv")
    assert len(loads) == 2


def test_changed_validation_code_empties_the_cache(
    motions: Path, tmp_path: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache.json"
    list_motion_files([motions], cache)
    monkeypatch.setattr(listing, "code_stamp", lambda: [["model.py", 1, 2]])
    list_motion_files([motions], cache)
    assert len(loads) == 2


def test_the_code_stamp_covers_the_model_and_pydantic() -> None:
    names = [Path(name) for name, _, _ in listing.code_stamp()]
    assert {"model.py", "loader.py", "commitments.py", "cards.py", "validation.py"} <= {
        n.name for n in names
    }
    assert any(n.parent.name == "pydantic" and n.name == "version.py" for n in names)


def test_a_file_changed_a_moment_ago_is_not_remembered_yet(
    motions: Path, tmp_path: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two edits within the file system's timestamp resolution could look like one.
    monkeypatch.setattr(listing, "SETTLE_NS", 3_600 * 10**9)
    cache = tmp_path / "cache.json"
    list_motion_files([motions], cache)
    list_motion_files([motions], cache)
    assert len(loads) == 2


def test_a_cache_that_cannot_be_written_is_done_without(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    (found,) = list_motion_files([motions], blocker / "cache.json")
    assert found.summary is not None and found.summary.title == TITLE
    assert blocker.read_text("utf-8") == "not a folder"


def test_other_folders_entries_are_kept_and_vanished_files_dropped(
    motions: Path, tmp_path: Path, loads: list[Path]
) -> None:
    cache = tmp_path / "cache.json"
    other = tmp_path / "other"
    other.mkdir()
    (other / "mine.toml").write_text(SHIPPED.read_text("utf-8"), "utf-8")
    list_motion_files([motions, other], cache)
    list_motion_files([motions], cache)  # `other` not listed this time: still remembered
    assert len(json.loads(cache.read_text("utf-8"))["files"]) == 2
    (other / "mine.toml").unlink()
    (motions / "before_aggression.toml").write_text(SHIPPED.read_text("utf-8") + "\n", "utf-8")
    list_motion_files([motions], cache)
    assert list(json.loads(cache.read_text("utf-8"))["files"]) == [
        str((motions / "before_aggression.toml").resolve())
    ]


def _debate(args: list[str], data: Path) -> tuple[str, list[str]]:
    """``debate ARGS`` in a fresh process: its output and the modules it imported."""
    code = (
        "import json, sys\n"
        "from debate.cli import app\n"  # not main(), which leaves before the report below
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
        env={"PATH": "", "COLUMNS": "200", "DEBATE_DATA_DIR": str(data)},
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("as_json", [False, True], ids=["table", "json"])
def test_a_warm_listing_imports_no_motion_model_and_prints_the_same(
    tmp_path: Path, as_json: bool
) -> None:
    args = ["motions", "list", *(["--json"] if as_json else [])]
    cold, cold_modules = _debate(args, tmp_path)
    warm, warm_modules = _debate(args, tmp_path)
    assert "debate.motions.model" in cold_modules  # the first run checked every file
    assert warm == cold
    heavy = ("pydantic", "debate.motions.model", "debate.validation", "typer._adapters")
    assert not [m for m in warm_modules if m.startswith(heavy)]
    assert (tmp_path / "cache" / listing.CACHE_NAME).is_file()
