"""Plain str, bool, int and Path options are converted without pydantic TypeAdapters (issue 15),
and exactly as typer's own adapters convert them: same values, same refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import pytest
import typer

from debate import cli
from debate.commands import plain_params

try:
    from typer._click import Context
    from typer._click.exceptions import BadParameter
    from typer._coercion import build_runtime_param
except ImportError:  # another typer: plain_params leaves its conversion alone
    pytest.skip("typer converts without pydantic adapters", allow_module_level=True)

PlainParam = plain_params.PlainParam
use_plain_conversion = plain_params.use_plain_conversion


def _every_command() -> tuple[Context, list[Any]]:
    """The root group (with every command loaded) and each command, groups included."""
    group = typer.main.get_command(cli.build_app())
    ctx = Context(group, info_name="debate")
    commands = [group]
    for name in sorted(cli.COMMANDS):
        command = group.get_command(ctx, name)
        commands.append(command)
        commands.extend(getattr(command, "commands", {}).values())
    use_plain_conversion(group, ctx)
    return ctx, commands


def _outcome(convert: Any, value: object, param: Any, ctx: Context) -> object:
    try:
        return ("value", convert.coerce(value, param=param, ctx=ctx))
    except BadParameter as e:
        return ("refused", e.format_message())


def test_every_plain_parameter_converts_as_typer_would(tmp_path: Path) -> None:
    ctx, commands = _every_command()
    a_file, a_dir = tmp_path / "package.toml", tmp_path / "folder"
    a_file.write_text("x", "utf-8")
    a_dir.mkdir()
    values: list[object] = [
        "guarantees", "", "-", "ünï", str(a_file), str(a_dir), str(tmp_path / "missing"),
        f"{a_dir}/", True, False, None, b"bytes", ("a", str(a_file)), [], 7,
        # Numbers as typed: the plain ones, and every other spelling typer's adapter judges.
        "7", "-3", "0", "-0", "007", "999999999999999999", "99999999999999999999999", "+7",
        " 7", "7 ", "1_000", "7.0", "7.5", "1e3", "٣", "0x10", "-", "--7", 7.0, -2,
    ]
    plain = plain_ints = 0
    for command in commands:
        for param in [*command.params, command.get_help_option(ctx)]:
            if not isinstance(param._runtime_param, PlainParam):
                continue
            plain += 1
            plain_ints += param._runtime_param.item is int
            typer_way = build_runtime_param(param.type_descriptor)
            for value in values:
                ours = _outcome(param._runtime_param, value, param, ctx)
                theirs = _outcome(typer_way, value, param, ctx)
                assert ours == theirs, (command.name, param.name, value)
    assert plain >= 30  # --db, --theme, --help, FILE, --dir, --motion... on every command
    assert plain_ints >= 3  # play --seed, host --seed, simulate --seed...


def test_other_types_keep_typers_own_conversion() -> None:
    _, commands = _every_command()
    by_name = {(c.name, p.name): p for c in commands for p in c.params}
    limit = by_name[("sessions", "limit")]  # an int with a minimum: typer's adapter
    assert limit._runtime_param is None


def test_typers_path_checks_still_apply(tmp_path: Path) -> None:
    app = typer.Typer()

    @app.command()
    def main(
        must_exist: Annotated[Path | None, typer.Option(exists=True)] = None,
        file_only: Annotated[Path | None, typer.Option(exists=True, dir_okay=False)] = None,
        dir_only: Annotated[Path | None, typer.Option(file_okay=False)] = None,
        resolved: Annotated[list[Path] | None, typer.Option(resolve_path=True)] = None,
    ) -> None:
        pass

    command = typer.main.get_command(app)
    ctx = Context(command, info_name="main")
    use_plain_conversion(command, ctx)
    a_file, a_dir = tmp_path / "a.toml", tmp_path / "dir"
    a_file.write_text("x", "utf-8")
    a_dir.mkdir()
    values: list[object] = [str(a_file), str(a_dir), str(tmp_path / "nothing"), "rel/../x",
                            (str(a_file), "rel")]
    refused = 0
    for param in command.params:
        assert isinstance(param._runtime_param, PlainParam)
        typer_way = build_runtime_param(param.type_descriptor)
        for value in values:
            ours = _outcome(param._runtime_param, value, param, ctx)
            assert ours == _outcome(typer_way, value, param, ctx), (param.name, value)
            refused += ours[0] == "refused"  # type: ignore[index]
    assert refused >= 5
