"""The examples in the docstrings run and say what they show (one list of the modules whose
examples are not run elsewhere)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    # reports and the replay's widgets
    "debate.report.escape",
    "debate.report.replay",
    "debate.report.sample",
    "debate.report.summaries",
    "debate.report.svg",
    "debate.history.timeline",
    "debate.tui.widgets.index_chart",
    "debate.tui.widgets.timeline",
    "debate.tui.forms",
    # the store
    "debate.store",
    "debate.store.branches",
    "debate.store.convert",
    "debate.store.database",
    "debate.store.document",
    "debate.store.records",
    "debate.store.repository",
    # hosted games
    "debate.seminar.codes",
    "debate.seminar.clock",
    "debate.seminar.host",
    "debate.store.hosted",
    # the bottom layer
    "debate.lazy_names",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEBATE_DB", raising=False)  # the store's examples use the default
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
