"""The examples in the report modules' and replay widgets' docstrings run as shown."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "debate.report.escape",
    "debate.report.replay",
    "debate.report.sample",
    "debate.report.summaries",
    "debate.report.svg",
    "debate.history.timeline",
    "debate.tui.widgets.index_chart",
    "debate.tui.widgets.timeline",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
