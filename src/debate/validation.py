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

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

# Discriminator tags pydantic inserts in locations (e.g. the commitment kind); they are not
# field names a person wrote, so they are dropped from paths.
_TAG_LOC = re.compile(r"^[a-z_]+$")


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


def problems_from(error: ValidationError, file: str, data: Any = None) -> list[Problem]:
    """Turn a pydantic ValidationError into problems with readable field paths."""
    problems = []
    for err in error.errors():
        loc = _clean_loc(err["loc"], data)
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field (not part of the format)"
        elif err["type"] == "missing":
            message = "required field is missing"
        elif err["type"] == "union_tag_invalid":
            ctx = err.get("ctx") or {}
            message = f"unknown kind {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}"
        problems.append(Problem(file, field_path(loc), message))
    return problems


def _clean_loc(loc: tuple[str | int, ...], data: Any) -> list[str | int]:
    """Drop discriminator tags that pydantic adds to a location but the file does not hold."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if (
            isinstance(part, str)
            and isinstance(node, dict)
            and part not in node
            and _TAG_LOC.match(part)
            and node.get("kind") == part
        ):
            continue
        out.append(part)
        try:
            node = node[part]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            node = None
    return out


def read_data(path: Path) -> Any:
    """Parse a TOML or JSON file (by suffix; TOML if unknown) into Python data."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(name, "", "file not found")]) from None
    except IsADirectoryError:
        raise DataError([Problem(name, "", "is a directory, not a file")]) from None
    except UnicodeDecodeError:
        raise DataError([Problem(name, "", "not UTF-8 text")]) from None
    except OSError as e:
        raise DataError([Problem(name, "", f"cannot read: {e.strerror}")]) from None
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as e:
            msg = f"malformed JSON at line {e.lineno}, column {e.colno}: {e.msg}"
            raise DataError([Problem(name, "", msg)]) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise DataError([Problem(name, "", f"malformed TOML: {e}")]) from None


def validate_data(data: Any, model: type[M], file: str) -> M:
    """Validate already-parsed data as ``model``; raise :class:`DataError` on problems."""
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise DataError(problems_from(e, file, data)) from None


def load_file(path: Path, model: type[M]) -> M:
    """Read and validate a TOML or JSON data file as ``model``."""
    return validate_data(read_data(path), model, str(path))
