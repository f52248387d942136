"""Reading data files (TOML or JSON) into pydantic models with errors people can act on.

Every problem names the file, the field path (``roles[2].guarantor.tier``) and what is
wrong, in plain language; malformed TOML or JSON gives the line and column.

>>> from pydantic import BaseModel
>>> class Point(BaseModel):
...     x: int
>>> try:
...     validate_data({"x": "north"}, Point, "p.toml")
... except DataError as e:
...     print(e)
p.toml: x: Input should be a valid integer, unable to parse string as an integer
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import stat
import tomllib
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from debate.text_safety import clip, name_problem, neutralise, text_problem

M = TypeVar("M", bound=BaseModel)

#: Every data model's configuration: unknown fields are errors and values never change. The
#: validator is built on first use instead of at import (``defer_build``), so a process pays
#: only for the models it validates: the debate table paints before any action model exists.
RECORD_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)
#: The same for a TypeAdapter of a union of models (Action, Commitment, list[Event]).
ADAPTER_CONFIG = ConfigDict(defer_build=True)

#: Largest data file read (motions, packages, session documents): 16 MiB.
MAX_FILE_BYTES = 16 * 1024 * 1024


def _plain(value: str) -> str:
    if problem := name_problem(value):
        raise PydanticCustomError("control_character", problem)
    return value


def _no_nul(value: str) -> str:
    if problem := text_problem(value):
        raise PydanticCustomError("nul_character", problem)
    return value


#: A name, title or id: no control character (not even a newline) and no bidi override.
PlainText = Annotated[str, AfterValidator(_plain)]
#: Free text (speeches, notes, briefs): anything but NUL; renderers neutralise the rest.
SafeText = Annotated[str, AfterValidator(_no_nul)]
#: A float that is a real number (no inf, no NaN).
FiniteFloat = Annotated[float, Field(allow_inf_nan=False)]

# Discriminator tags pydantic inserts in locations (e.g. the commitment kind); they are not
# field names a person wrote, so they are dropped from paths.
_TAG_LOC = re.compile(r"^[a-z_]+$")
_BOUND_ERRORS = frozenset({"greater_than", "greater_than_equal", "less_than", "less_than_equal"})


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file."""

    file: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}: " if self.path else f"{self.file}: "
        return where + self.message


class DataError(Exception):
    """A data file that could not be read or validated; ``problems`` lists every problem."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def field_path(parts: Iterable[str | int]) -> str:
    """``('roles', 2, 'guarantor', 'tier')`` -> ``roles[2].guarantor.tier``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def problems_from(
    error: ValidationError, file: str, data: Any = None, model: type[BaseModel] | None = None
) -> list[Problem]:
    """Turn a pydantic ValidationError into problems with readable field paths.

    With ``model``, an unknown field also names the closest known one (a likely typo).
    """
    problems = []
    for err in error.errors():
        loc = _clean_loc(err["loc"], data)
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field (not part of the format)"
            if model is not None and err["loc"]:
                message += _field_hint(model, err["loc"][:-1], str(err["loc"][-1]))
        elif err["type"] == "literal_error":
            # pydantic's "Input should be 'a' or 'b'" does not say what was written.
            expected = (err.get("ctx") or {}).get("expected", "")
            message = f"{clip(err['input'])} is not allowed; expected {expected}"
        elif err["type"] in _BOUND_ERRORS:
            bound = message.replace("Input ", "it ", 1)
            message = f"{clip(err['input'])} is out of range; {bound}"
        elif err["type"] == "string_pattern_mismatch":
            # The regex means nothing to a person; the field's description says what fits.
            described = _description(model, err["loc"]) if model is not None else None
            message = f"{clip(err['input'])} is not allowed" + (
                f"; expected {described}" if described else f" ({message})"
            )
        elif err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "union_tag_invalid":
            ctx = err.get("ctx") or {}
            message = f"unknown kind {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
        problems.append(Problem(file, field_path(loc), neutralise(message)[:300]))
    return problems


def _field_hint(model: type[BaseModel], parent: Sequence[str | int], name: str) -> str:
    """``; did you mean 'color'?`` or the list of fields allowed at ``parent``."""
    fields = _fields_at(model, parent)
    if not fields:
        return ""
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]!r}?"
    return "; allowed here: " + ", ".join(fields)


def _description(model: type[BaseModel], loc: Sequence[str | int]) -> str | None:
    """The description of the field at a raw pydantic location, if it has one."""
    if not loc or not isinstance(loc[-1], str):
        return None
    for m in _models_in(_step_all(model, loc[:-1])):
        field = m.model_fields.get(loc[-1])
        if field is not None and field.description:
            return field.description
    return None


def _step_all(model: type[BaseModel], loc: Sequence[str | int]) -> Any:
    tp: Any = model
    for part in loc:
        tp = _step(tp, part)
        if tp is None:
            return None
    return tp


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names of the model found by following a raw pydantic location from ``model``."""
    names: dict[str, None] = {}
    for m in _models_in(_step_all(model, loc)):
        names.update(dict.fromkeys(m.model_fields))
    return list(names)


def _step(tp: Any, part: str | int) -> Any:
    tp = _unwrap(tp)
    origin = get_origin(tp)
    if isinstance(part, int):
        return get_args(tp)[0] if origin in (tuple, list) and get_args(tp) else None
    if origin is dict:
        return get_args(tp)[1]
    models = _models_in(tp)
    if len(models) > 1:  # a discriminated union: the location holds the tag of one member
        for m in models:
            if any(get_args(f.annotation) == (part,) for f in m.model_fields.values()):
                return m
    for m in models:
        if part in m.model_fields:
            return m.model_fields[part].annotation
    return None


def _unwrap(tp: Any) -> Any:
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    if get_origin(tp) in (Union, types.UnionType):
        members = [a for a in get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return _unwrap(members[0])
    return tp


def _models_in(tp: Any) -> list[type[BaseModel]]:
    tp = _unwrap(tp)
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return [tp]
    if get_origin(tp) in (Union, types.UnionType):
        return [m for a in get_args(tp) for m in _models_in(a)]
    return []


def _clean_loc(loc: tuple[str | int, ...], data: Any) -> list[str | int]:
    """Drop discriminator tags (a commitment's ``kind``, an action's ``type``) that pydantic
    adds to a location but the file does not hold."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if (
            isinstance(part, str)
            and isinstance(node, dict)
            and part not in node
            and _TAG_LOC.match(part)
            and part in (node.get("kind"), node.get("type"))
        ):
            continue
        out.append(part)
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            node = None
    return out


def read_text(path: Path, name: str | None = None, limit: int = MAX_FILE_BYTES) -> str:
    """A UTF-8 text file's content; every way of failing is a :class:`DataError`.

    Only regular files are read (a FIFO, a device or a symlink to one is refused without
    blocking), and at most ``limit`` bytes of them."""
    name = name or str(path)

    def refuse(message: str) -> DataError:
        return DataError([Problem(name, "", message)])

    try:
        # O_NONBLOCK: opening a FIFO with no writer must not wait forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise refuse("file not found") from None
    except IsADirectoryError:
        raise refuse("is a directory, not a file") from None
    except OSError as e:
        raise refuse(f"cannot read: {e.strerror}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise refuse("is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise refuse("is not a regular file (a pipe, device or socket); give a file")
        if info.st_size > limit:
            raise refuse(f"is too large ({info.st_size} bytes; at most {limit})")
        with os.fdopen(fd, "rb") as f:
            fd = -1
            data = f.read(limit + 1)
    except OSError as e:
        raise refuse(f"cannot read: {e.strerror}") from None
    finally:
        if fd >= 0:
            os.close(fd)
    return decode_text(data, name, limit)


def decode_text(data: bytes, name: str, limit: int = MAX_FILE_BYTES) -> str:
    """Bytes read from a file or stdin as text, within the size cap, as UTF-8."""
    if len(data) > limit:
        raise DataError([Problem(name, "", f"is too large (more than {limit} bytes)")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError([Problem(name, "", "not UTF-8 text")]) from None


def parse_json(text: str, name: str) -> Any:
    """JSON text as Python data; malformed JSON is a problem with its line and column.
    ``NaN``/``Infinity`` (refused naming their field), numbers too long to convert and
    nesting too deep are refused."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        msg = f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}"
        raise DataError([Problem(name, "", msg)]) from None
    except RecursionError:
        raise DataError([Problem(name, "", "nested too deeply to read")]) from None
    except ValueError as e:
        raise DataError([Problem(name, "", f"unreadable number: {clip(str(e), 120)}")]) from None
    return check_strings(data, name)


def parse_toml(text: str, name: str) -> Any:
    """TOML text as Python data, with the same refusals as :func:`parse_json`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DataError([Problem(name, "", f"malformed TOML: {clip(str(e), 200)}")]) from None
    except RecursionError:
        raise DataError([Problem(name, "", "nested too deeply to read")]) from None
    except ValueError as e:
        raise DataError([Problem(name, "", f"unreadable number: {clip(str(e), 120)}")]) from None
    return check_strings(data, name)


def check_strings(data: Any, name: str) -> Any:
    """Refuse NUL in any string (key or value) of parsed data, naming the field path;
    non-finite floats are refused the same way (TOML writes them as ``inf``/``nan``)."""
    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack and len(problems) < 20:
        node, path = stack.pop()
        if isinstance(node, str):
            if problem := text_problem(node):
                problems.append(Problem(name, field_path(path), problem))
        elif isinstance(node, float):
            if not math.isfinite(node):
                problems.append(Problem(name, field_path(path), f"{node} is not a finite number"))
        elif isinstance(node, dict):
            for key, value in node.items():
                if problem := text_problem(str(key)):
                    problems.append(Problem(name, field_path(path), f"a key: {problem}"))
                stack.append((value, (*path, str(key))))
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in enumerate(node))
    if problems:
        raise DataError(sorted(problems, key=lambda p: p.path))
    return data


def read_data(path: Path) -> Any:
    """Parse a TOML or JSON file (by suffix; TOML if unknown) into Python data."""
    name = str(path)
    text = read_text(path)
    if path.suffix.lower() == ".json":
        return parse_json(text, name)
    return parse_toml(text, name)


def validate_data(data: Any, model: type[M], file: str) -> M:
    """Validate already-parsed data as ``model``; raise :class:`DataError` on problems."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise DataError(problems_from(e, file, data, model)) from None
    except RecursionError:
        raise DataError([Problem(file, "", "nested too deeply to read")]) from None


def load_file(path: Path, model: type[M]) -> M:
    """Read and validate a TOML or JSON data file as ``model``."""
    return validate_data(read_data(path), model, str(path))
