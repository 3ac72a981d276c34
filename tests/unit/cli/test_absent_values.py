"""Parameters not given are not sent through Typer's conversion (which builds a pydantic adapter),
and everything else about them is as Typer does it: the value None, a callback called with it, a
required one still missing, a given value converted."""

# (no "from __future__ import annotations": Typer reads the local commands' annotations)

from pathlib import Path
from typing import Annotated, Any

import pytest
import typer

from intervjufas.cli.absent_values import absent, skipping_absent
from intervjufas.cli.groups import CommandTable
from intervjufas.cli.usage_errors import CommandLineError


def _table(seen: dict[str, Any]) -> CommandTable:
    table = CommandTable()

    def noted(ctx: typer.Context, param: Any, value: Any) -> Any:
        seen.setdefault("callback", []).append(value)
        return value

    @table.command("prov")
    def prov(
        folder: Annotated[Path | None, typer.Option("--mapp")] = None,
        name: Annotated[str | None, typer.Option("--namn", callback=noted)] = None,
        count: Annotated[int, typer.Option("--antal")] = 3,
        words: Annotated[list[str] | None, typer.Option("--ord")] = None,
        flag: Annotated[bool, typer.Option("--flagga")] = False,
    ) -> None:
        seen.update(folder=folder, name=name, count=count, words=words, flag=flag)

    return table


def _run(table: CommandTable, *args: str) -> None:
    table.build("prov").main(list(args), standalone_mode=False)


def test_absent_values_are_none_and_callbacks_still_run() -> None:
    seen: dict[str, Any] = {}
    _run(_table(seen), "--flagga")
    assert seen == {"callback": [None], "folder": None, "name": None, "count": 3, "words": None, "flag": True}


def test_given_values_are_converted_by_typer() -> None:
    seen: dict[str, Any] = {}
    _run(_table(seen), "--mapp", "a/b", "--namn", "Anna", "--antal", "7", "--ord", "x", "--ord", "y")
    assert seen["folder"] == Path("a/b") and type(seen["folder"]) is not str
    assert (seen["name"], seen["count"], seen["words"], seen["callback"]) == ("Anna", 7, ["x", "y"], ["Anna"])
    with pytest.raises(CommandLineError, match="--antal"):
        _run(_table({}), "--antal", "sju")


def test_a_required_parameter_is_still_missing() -> None:
    table = CommandTable()

    @table.command("krav")
    def krav(name: Annotated[str, typer.Option("--namn")]) -> None:
        raise AssertionError("not run")

    with pytest.raises(CommandLineError, match="--namn saknas"):
        table.build("krav").main([], standalone_mode=False)


def test_only_a_single_optional_none_is_absent() -> None:
    command = _table({}).build("prov")
    by_name = {param.name: param for param in command.params}
    assert absent(by_name["folder"], None) and absent(by_name["name"], None)
    assert not absent(by_name["folder"], "a") and not absent(by_name["words"], None)
    assert all(isinstance(param, typer.core.TyperOption) for param in command.params)
    assert type(by_name["folder"]).__name__ == "SkippingAbsentTyperOption"  # (the built command's)
    plain = typer.core.TyperOption(param_decls=["--x"], type_descriptor=by_name["folder"].type_descriptor)
    copy = skipping_absent(plain)
    assert type(plain) is typer.core.TyperOption and isinstance(copy, typer.core.TyperOption) and copy is not plain
