"""The cyclic garbage collector at start-up: held until the first screen is drawn.

Start-up builds a few hundred thousand long-lived objects (modules, classes, pydantic
models, widgets, a loaded session) and almost no cyclic garbage, so a collection pass
during it scans tens of thousands of new objects and finds nothing: two passes of ~9 ms
each came before `debate play MOTION` drew its table (issue 15).

:func:`debate.cli.main` holds the collector (:func:`hold`). A command that opens a screen
releases it once that screen is drawn (``DebateApp``); any other command, as it starts
(``cli.LazyGroup``). :func:`release` freezes what start-up built (``gc.freeze``: moved out
of the collector's generations, so the first passes after it do not scan it all again, a
~27 ms pause just after the table's first frame) and collection resumes. Returning to the
lobby thaws it (:func:`thaw`, ``gc.unfreeze``): what start-up left behind can then be
collected like anything else. Nothing happens unless :func:`hold` was called,
so a test process that builds many apps is never frozen.
"""

from __future__ import annotations

import gc

_state = {"held": False, "frozen": False}


def hold() -> None:
    """No collection until :func:`release` (start-up of the ``debate`` program)."""
    gc.disable()
    _state["held"] = True


def release() -> None:
    """End :func:`hold`: freeze what was built meanwhile and collect again as usual. Does
    nothing if the collector is not held."""
    if not _state["held"]:
        return
    _state["held"] = False
    gc.freeze()
    _state["frozen"] = True
    gc.enable()


def thaw() -> None:
    """Give what :func:`release` froze back to the collector (once; nothing otherwise)."""
    if _state["frozen"]:
        _state["frozen"] = False
        gc.unfreeze()


def is_held() -> bool:
    return _state["held"]
