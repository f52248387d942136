"""Counting the motion files that had to be loaded and validated (the motion caches' tests)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from debate.motions import listing


def count_loads(monkeypatch: pytest.MonkeyPatch, module: ModuleType) -> list[Path]:
    """The files ``module.load_motion`` loads from now on, in order (the others came from a
    cache). Files count as settled at once, so that a test need not wait for them."""
    loaded: list[Path] = []
    real = module.load_motion

    def counting(path: Path | str) -> object:
        loaded.append(Path(path))
        return real(path)

    monkeypatch.setattr(module, "load_motion", counting)
    monkeypatch.setattr(listing, "SETTLE_NS", -(10**18))
    return loaded
