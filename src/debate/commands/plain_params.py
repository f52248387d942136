"""Command-line strings, paths and whole numbers converted without building pydantic TypeAdapters.

typer (0.2x) converts each parameter's value with a pydantic ``TypeAdapter`` built the first
time the parameter is processed, even when the value is the default ``None``. Importing
pydantic's schema machinery for that costs about 50 ms, which is most of what `debate motions
list` has to spend (issue 15). Our commands' options are mostly plain ``str`` and ``Path``,
and for those the adapters do nothing a few lines cannot: a ``str`` stays as it is, a ``Path``
is ``Path(value)`` followed by typer's own checks (exists, file_okay, dir_okay...), and an
``int`` typed as decimal digits is ``int(value)``. So :func:`use_plain_conversion` gives such
parameters a converter that does exactly that; any other type, an ``int`` with a range or
a counter, or a value that is not a plain ``str`` (``+7``, ``1_000``, `` 7``, more than 18
digits...) still goes to typer's adapter.
The first adapter built in a process also loads pydantic's schema builder and looks up its
plugins: for ``debate play MOTION --seed N`` that was before the table's first frame.

Against another typer (no ``typer._coercion``, no per-parameter ``_runtime_param``) this
changes nothing and typer converts values its own way.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_path
except ImportError:  # a typer without pydantic adapters: nothing to avoid
    TYPER_ADAPTERS = False
else:
    TYPER_ADAPTERS = True


#: A whole number as typed that ``int()`` reads exactly as pydantic does (no sign but a minus,
#: no underscore or space, fewer digits than any limit on integer strings).
_PLAIN_INT = re.compile(r"-?[0-9]{1,18}")


def use_plain_conversion(command: Any, ctx: Any) -> None:
    """Give ``command``'s plain bool, str, int and Path parameters (and its subcommands', for a
    group) the converter below, unless typer has built its own for them already.

    ``ctx`` is the context the command is run under (or its parent's): its ``--help``
    option, made on first use from the context's help option names, is made now so that it
    gets the converter too.
    """
    if not TYPER_ADAPTERS:
        return
    params = list(getattr(command, "params", ()))
    # Not for a command naming its own help options: its context will not have ctx's.
    if "help_option_names" not in getattr(command, "context_settings", {}):
        params.append(command.get_help_option(ctx))
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", "absent") is not None:
            continue
        if _plain_item(descriptor) is not None:
            param._runtime_param = PlainParam(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
    for sub in getattr(command, "commands", {}).values():
        use_plain_conversion(sub, ctx)


def _plain_item(descriptor: Any) -> type | None:
    """``bool``, ``str``, ``int`` or ``Path`` if the parameter holds one or a list of them,
    with no parser, range, counter or file handle that typer would have to handle; None
    otherwise."""
    info = descriptor.parameter_info
    if info.parser is not None or descriptor.file_annotation is not None:
        return None
    annotation = _item_of(descriptor.annotation)
    if annotation in (bool, str):
        return annotation  # type: ignore[no-any-return]
    if annotation is int:
        ranged = (info.min, info.max) != (None, None) or info.clamp
        return None if ranged or getattr(info, "count", False) else int
    # allow_dash: typer compares its Path, never equal to "-", with "-" (kept as it is).
    if annotation is Path and info.path_type in (None, Path) and not info.allow_dash:
        return Path
    return None


def _item_of(annotation: Any) -> Any:
    """``X`` for ``list[X]``, else the annotation itself."""
    if getattr(annotation, "__origin__", None) is list:
        (annotation,) = annotation.__args__
    return annotation


if TYPER_ADAPTERS:

    class PlainParam(RuntimeParam):
        """typer's conversion of a bool, str, int or Path parameter, for plain values (typer's own
        fields only: a dataclass of our own costs most of a millisecond a process)."""

        @property
        def item(self) -> Any:
            return _item_of(self.annotation)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.item is not self.annotation:  # a list of them
                if isinstance(value, list | tuple) and all(self._plain(v) for v in value):
                    return [self._one(v, param, ctx) for v in value]
            elif self._plain(value):
                return self._one(value, param, ctx)
            # Anything unusual (bytes, an object from a default_map...): typer's own way.
            typer_way = build_runtime_param(param.type_descriptor)
            return typer_way._coerce_value(value, param=param, ctx=ctx)

        def _plain(self, value: object) -> bool:
            """A value passed on as it is: a str (a bool for a flag, which typer itself
            passes on without conversion when it is one; for a number, its digits)."""
            if self.item is int:
                return type(value) is str and _PLAIN_INT.fullmatch(value) is not None
            return type(value) is (bool if self.item is bool else str)

        def _one(self, value: str | bool, param: Any, ctx: Any) -> Any:
            if self.item is int:
                return int(value)
            if isinstance(value, bool) or self.item is not Path:
                return value
            # typer's checks on the text as typed (its messages quote it), then the Path its
            # adapter would have made (pydantic's Path(value)).
            checked = coerce_cli_path(
                value, self.parameter_info, path_type=None, param=param, ctx=ctx
            )
            return Path(os.fsdecode(checked))
