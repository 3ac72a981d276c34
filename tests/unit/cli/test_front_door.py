"""The command line uses its framework through the front door: no private Typer (or Click) module
or attribute is imported or touched and no framework function is replaced; the table of lazily
loaded commands is exactly what the command modules define."""

from __future__ import annotations

import ast
import importlib
from collections import defaultdict
from pathlib import Path

import pytest

import intervjufas.cli
from intervjufas.cli.app import COMMANDS, app
from intervjufas.cli.groups import Command

CLI = Path(intervjufas.cli.__file__).parent
FRAMEWORKS = ("typer", "click")


def _is_private(name: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in name.split("."))


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def framework_misuse(source: str) -> list[str]:
    """What in ``source`` reaches past the frameworks' public API."""
    tree = ast.parse(source)
    bound: set[str] = set()  # local names of framework modules, classes and functions
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FRAMEWORKS:
                    bound.add((alias.asname or alias.name).split(".")[0])
                    if _is_private(alias.name):
                        found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FRAMEWORKS:
            for alias in node.names:
                bound.add(alias.asname or alias.name)
                if _is_private(f"{node.module}.{alias.name}"):
                    found.append(f"line {node.lineno}: from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _is_private(node.attr) and _root_name(node) in bound:
            found.append(f"line {node.lineno}: .{node.attr}")
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and _root_name(target) in bound:
                found.append(f"line {node.lineno}: assigns {ast.unparse(target)}")
        is_setattr = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setattr"
        if is_setattr and node.args and _root_name(node.args[0]) in bound:
            found.append(f"line {node.lineno}: setattr on {ast.unparse(node.args[0])}")
    return found


@pytest.mark.parametrize("path", sorted(CLI.glob("*.py")), ids=lambda path: path.name)
def test_no_private_framework_internals(path: Path) -> None:
    assert framework_misuse(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "from typer._click import exceptions",
        "import typer._completion_shared",
        "from typer.core import _TyperParameter",
        "import typer\ntyper.core.build_runtime_param = None",
        "from typer import rich_utils\nrich_utils.OPTIONS_PANEL_TITLE = 'Flaggor'",
        "from typer.core import TyperArgument\nTyperArgument.display_type_rich = None",
        "import typer\nx = typer.main._get_params_name_from_function",
        "import typer.utils\nsetattr(typer.utils, 'get_params_from_function', None)",
    ],
)
def test_the_check_finds_what_it_is_for(source: str) -> None:
    assert framework_misuse(source)


def test_the_table_of_commands_is_what_the_modules_define() -> None:
    assert not app.registered_commands  # every command lives in a module of the table
    by_module: dict[str, list[str]] = defaultdict(list)
    for name, module in COMMANDS.items():
        by_module[module].append(name)
    for module, names in by_module.items():
        table = importlib.import_module(f"intervjufas.cli.{module}").commands
        assert list(table.typers) == names, module
        for name in names:
            command = table.build(name)
            assert isinstance(command, Command) and command.name == name, name


def test_every_value_has_a_name_in_the_help() -> None:
    """The help shows an option's value by its metavar (Typer's type names are English)."""
    for name, module in COMMANDS.items():
        command = importlib.import_module(f"intervjufas.cli.{module}").commands.build(name)
        for param in command.params:
            takes_value = param.param_type_name == "argument" or not param.is_flag
            assert not takes_value or param.metavar, f"{name} {param.name}"
