"""Package names imported on first use (PEP 562), so that importing a package for one light
name does not build the models or load the libraries its other names need (issue 15).

>>> import sys, types
>>> package = types.ModuleType("demo")
>>> sys.modules["demo"] = package
>>> package.__getattr__ = lazy_names("demo", {"dedent": "textwrap"})
>>> package.dedent("  x")
'x'
>>> "dedent" in vars(package)   # found once, then an ordinary attribute
True
>>> del sys.modules["demo"]
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: each name in ``homes`` is imported from the
    module named beside it (a full dotted name) when first asked for, then kept."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
