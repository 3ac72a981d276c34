"""The fast conversion of command-line values gives exactly what Typer's own (pydantic) conversion
gives – the same value, or the same error – for every parameter of every command."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer
from typer import core
from typer._coercion import build_runtime_param

from intervjufas.cli.coercion import _FastRuntimeParam
from intervjufas.cli.main import app
from intervjufas.errors import IntervjufasError

SAMPLES: list[Any] = [
    None,
    "",
    "x",
    "3",
    " 7 ",
    "-2",
    "1_000",
    "3.5",
    "abc",
    "md",
    "MARKDOWN",
    "månad",
    "kvartal",
    "text",
]
LISTS: list[Any] = [[], ["1", "2"], ["x"], ("3",)]


def all_parameters() -> list[tuple[str, Any]]:
    group = typer.main.get_command(app)
    found = [(f"(app) {p.name}", p) for p in group.params]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found += [(f"{name} {p.name}", p) for p in command.params]
    return found


def outcome(convert: Any) -> tuple[str, Any]:
    try:
        value = convert()
    except (IntervjufasError, typer.BadParameter, ValueError) as error:
        return ("error", f"{type(error).__name__}: {getattr(error, 'message', error)}")
    if isinstance(value, Enum):
        return ("value", (type(value).__name__, value.value))
    if isinstance(value, Path):
        return ("value", ("Path", str(value)))
    return ("value", value)


@pytest.mark.parametrize(("label", "param"), all_parameters(), ids=[label for label, _ in all_parameters()])
def test_same_result_as_typer(label: str, param: Any) -> None:
    ctx = typer.Context(typer.main.get_command(app))
    fast = _FastRuntimeParam(param.type_descriptor, lambda d: None)
    full = build_runtime_param(param.type_descriptor)  # Typer's own
    multiple = param.multiple or param.nargs == -1
    for value in LISTS if multiple else SAMPLES:
        fast.full = full  # the fall-back is Typer's own converter, as in the program
        assert outcome(lambda v=value: fast.coerce(v, param, ctx)) == outcome(
            lambda v=value: full.coerce(v, param=param, ctx=ctx)
        ), (label, value)


def test_a_value_that_is_not_clearly_valid_goes_to_typer() -> None:
    calls = []

    class Full:
        def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
            calls.append(value)
            return "typer"

    group = typer.main.get_command(app)
    steps = next(p for p in group.commands["kartlagg"].params if p.name == "steg")  # type: ignore[attr-defined]
    fast = _FastRuntimeParam(steps.type_descriptor, lambda d: Full())
    ctx = typer.Context(group)
    assert fast.coerce(["1", "2"], steps, ctx) == [1, 2]
    assert calls == []
    assert fast.coerce(["ett"], steps, ctx) == "typer"
    assert calls == [["ett"]]


def test_installed_once() -> None:
    from intervjufas.cli import coercion

    builder = core.build_runtime_param
    assert getattr(builder, "fast_path", False)
    coercion.install()
    assert core.build_runtime_param is builder
