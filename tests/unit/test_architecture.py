"""The house rules, checked on the source: layers depend in one direction, only the interface
layers draw or read the terminal, package files stay empty, modules and functions stay small,
and ``--help`` never loads the prompting libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "intervjufas"

# Each layer may import the layers listed for it (and itself); nothing else of the program.
ALLOWED = {
    "errors": {"questionsets"},  # only for a type annotation (TYPE_CHECKING)
    "private": {"errors"},
    "terminal": set(),
    "model": {"errors"},
    "questionsets": {"errors", "private", "model"},
    "reports": {"errors", "private", "model", "questionsets"},
    "asking": {"errors", "private", "model", "questionsets", "reports"},
    "reading": {"errors", "private", "model", "questionsets", "reports"},
    "views": {"errors", "private", "model", "questionsets", "reports", "asking", "reading", "terminal"},
    "cli": {"errors", "private", "model", "questionsets", "reports", "asking", "reading", "views", "terminal"},
}
INTERFACE_LIBRARIES = ("rich", "typer", "click", "questionary", "prompt_toolkit")
# The interactive prompter is the one piece of the core's 'asking' layer that draws (with Rich).
MAY_DRAW = ("views/", "cli/", "asking/questionary_prompter.py", "asking/questionary_lists.py")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def imported(path: Path) -> list[str]:
    """Every module imported anywhere in the file (also inside functions)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def relative(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_dependencies_point_one_way(path: Path) -> None:
    own = layer(path)
    if own in ("__init__", "__main__"):
        return
    for name in imported(path):
        parts = name.split(".")
        if parts[0] != "intervjufas" or len(parts) < 2:
            continue
        target = parts[1]
        assert target == own or target in ALLOWED[own], f"{relative(path)} imports {name}"


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_only_the_interface_draws(path: Path) -> None:
    name = relative(path)
    if name.startswith(MAY_DRAW) or name in ("terminal.py", "questionsets/schema.py"):
        return  # (terminal.py gathers the facts; the schema module prints itself under `python -m`)
    for module in imported(path):
        assert module.split(".")[0] not in INTERFACE_LIBRARIES, f"{name} imports {module}"
    source = path.read_text(encoding="utf-8")
    for call in ("print(", "input(", "isatty(", '"TERM"', "get_terminal_size"):
        assert call not in source.replace("_print(", ""), f"{name} uses {call}"


def test_package_files_are_empty() -> None:
    for path in PACKAGE.rglob("__init__.py"):
        if path.parent != PACKAGE:
            assert path.read_text(encoding="utf-8") == "", relative(path)


@pytest.mark.parametrize("path", modules(), ids=relative)
def test_small_modules_and_functions(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= 400, f"{relative(path)} has {source.count(chr(10))} lines"
    tree = ast.parse(source)
    assert ast.get_docstring(tree) or path.name == "__init__.py", f"{relative(path)} has no docstring"
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
            assert length <= 60, f"{relative(path)}: {node.name} has {length} lines"


@pytest.mark.parametrize("arguments", [["--help"], ["lista", "--help"], ["--version"]])
def test_help_does_not_load_the_prompting_libraries(arguments: list[str]) -> None:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "intervjufas", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    loaded = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    heavy = {name for name in loaded if name.split(".")[0] in ("questionary", "prompt_toolkit", "yaml")}
    assert not heavy, sorted(heavy)[:5]
