"""Validated motions are kept between runs (issue 15): a kept copy is used only while it is
exactly what validating the file again would give, and only from a folder nobody else may
write to."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from debate.motions import listing, validated
from debate.motions.validated import discover_validated, load_validated
from debate.validation import DataError
from motion_loads import count_loads

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "motions" / "before_aggression.toml"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files that had to be loaded and validated (the others came from a kept copy)."""
    return count_loads(monkeypatch, validated)


@pytest.fixture
def motion_file(tmp_path: Path) -> Path:
    path = tmp_path / "motions" / "before_aggression.toml"
    path.parent.mkdir()
    path.write_text(SHIPPED.read_text("utf-8"), "utf-8")
    return path


def kept_copies(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle")) if folder.exists() else []


@pytest.fixture
def kept(motion_file: Path, tmp_path: Path, loads: list[Path]) -> tuple[Path, Path]:
    """(folder, copy): the motion file loaded once, its copy kept in ``folder``."""
    folder = tmp_path / "kept"
    load_validated(motion_file, folder)
    (copy,) = kept_copies(folder)
    return folder, copy


def test_an_unchanged_file_comes_from_its_kept_copy(
    motion_file: Path, tmp_path: Path, loads: list[Path]
) -> None:
    folder = tmp_path / "kept"
    first = load_validated(motion_file, folder)
    second = load_validated(motion_file, folder)
    assert loads == [motion_file]
    assert second == first and second is not first
    assert second.role_by_id.keys() == first.role_by_id.keys()
    assert len(kept_copies(folder)) == 1


def test_an_edited_file_is_validated_again(
    motion_file: Path, tmp_path: Path, loads: list[Path]
) -> None:
    folder = tmp_path / "kept"
    load_validated(motion_file, folder)
    text = motion_file.read_text("utf-8")
    motion_file.write_text(text.replace('title = "', 'title = "Edited: ', 1), "utf-8")
    edited = load_validated(motion_file, folder)
    assert len(loads) == 2 and edited.title.startswith("Edited: ")
    assert load_validated(motion_file, folder).title == edited.title
    assert len(loads) == 2


def test_an_invalid_file_is_never_kept(
    motion_file: Path, tmp_path: Path, loads: list[Path]
) -> None:
    folder = tmp_path / "kept"
    motion_file.write_text(motion_file.read_text("utf-8") + "\nstray = 1\n", "utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match="stray"):
            load_validated(motion_file, folder)
    assert len(loads) == 2 and kept_copies(folder) == []


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_copy_is_replaced(
    motion_file: Path, kept: tuple[Path, Path], loads: list[Path], damage: bytes
) -> None:
    folder, copy = kept
    expected = load_validated(motion_file, folder)
    assert len(loads) == 1
    copy.write_bytes(damage)
    assert load_validated(motion_file, folder) == expected
    assert load_validated(motion_file, folder) == expected
    assert len(loads) == 2


def test_a_copy_others_may_write_is_not_read(
    motion_file: Path, kept: tuple[Path, Path], loads: list[Path]
) -> None:
    folder, copy = kept
    os.chmod(copy, 0o666)
    load_validated(motion_file, folder)
    os.chmod(folder, 0o777)
    load_validated(motion_file, folder)
    assert len(loads) == 3


def test_a_copy_made_by_other_code_or_for_another_file_is_not_used(
    motion_file: Path, tmp_path: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kept"
    load_validated(motion_file, folder)
    monkeypatch.setattr(validated, "code_stamp", lambda: [["model.py", 1, 2]])
    load_validated(motion_file, folder)
    assert len(loads) == 2
    other = motion_file.with_name("copy.toml")
    other.write_text(motion_file.read_text("utf-8"), "utf-8")
    (copy,) = kept_copies(folder)
    load_validated(other, folder)  # its own copy, under its own name
    target = next(p for p in kept_copies(folder) if p != copy)
    target.write_bytes(copy.read_bytes())  # the first file's copy under the second's name
    load_validated(other, folder)
    assert len(loads) == 4


def test_a_file_just_written_is_not_kept_yet(
    motion_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kept"
    monkeypatch.setattr(listing, "SETTLE_NS", 3_600 * 10**9)
    load_validated(motion_file, folder)
    assert kept_copies(folder) == []


def test_the_motion_pickers_see_what_full_validation_sees(
    motion_file: Path, tmp_path: Path, loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEBATE_DATA_DIR", str(tmp_path / "data"))
    broken = motion_file.with_name("broken.toml")
    broken.write_text("title = 3\n", "utf-8")
    for _ in range(2):
        found = discover_validated([motion_file.parent])
        assert [p.name for p, _ in found] == ["before_aggression.toml", "broken.toml"]
        assert found[0][1].id == "before_aggression"  # type: ignore[union-attr]
        assert isinstance(found[1][1], DataError)
    assert loads == [motion_file, broken, broken]


def test_copies_are_private_whatever_the_umask(
    motion_file: Path, tmp_path: Path, loads: list[Path]
) -> None:
    folder = tmp_path / "kept"
    old = os.umask(0o002)  # the usual umask where each user has a group of their own
    try:
        load_validated(motion_file, folder)
        load_validated(motion_file, folder)
    finally:
        os.umask(old)
    (copy,) = kept_copies(folder)
    assert copy.stat().st_mode & 0o777 == 0o600 and folder.stat().st_mode & 0o777 == 0o700
    assert len(loads) == 1


def test_a_symlinked_folder_or_copy_is_not_followed(
    motion_file: Path, tmp_path: Path, kept: tuple[Path, Path], loads: list[Path]
) -> None:
    real, copy = kept
    link = tmp_path / "elsewhere"
    link.symlink_to(real, target_is_directory=True)
    load_validated(motion_file, link)  # the folder is a symlink: neither read nor written
    assert len(loads) == 2 and kept_copies(real) == [copy]
    moved = copy.with_name("moved.pickle")
    copy.rename(moved)
    copy.symlink_to(moved)
    load_validated(motion_file, real)  # the copy is a symlink: validated again, replaced
    assert len(loads) == 3 and not copy.is_symlink()
