"""Every command writes its output through ``views.output`` (or a Rich console from
``views.console``), the places that keep a file's control characters from the terminal: no command
module writes to standard output or standard error itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import intervjufas.cli

CLI = Path(intervjufas.cli.__file__).parent
# The command-line framework (its version line, its error handler) and the completion script
# (written for the shell, text of the program's own).
OWN_TEXT_ONLY = {"app.py", "groups.py", "completion.py"}


def direct_writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            found.append(f"{path.name}:{node.lineno}: print()")
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ("stdout", "stderr")
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            found.append(f"{path.name}:{node.lineno}: sys.{node.attr}")
    return found


@pytest.mark.parametrize(
    "path", sorted(p for p in CLI.glob("*.py") if p.name not in OWN_TEXT_ONLY), ids=lambda p: p.name
)
def test_commands_write_only_through_the_output_views(path: Path) -> None:
    assert direct_writes(path) == []


def test_the_check_sees_a_direct_write(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import sys\nprint('x')\nsys.stdout.write('y')\n", encoding="utf-8")
    assert direct_writes(sample) == ["sample.py:2: print()", "sample.py:3: sys.stdout"]
