"""What a command imports before it does its work: a help screen loads neither pydantic (which
Typer converts command-line values with) nor the command modules it does not show, and a mapping
loads no YAML before its first question once the built-in question sets are cached."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def imported(program: str, *args: str) -> tuple[int, set[str], str]:
    run = subprocess.run(
        [sys.executable, "-X", "importtime", program, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    modules = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if "|" in line}
    errors = "\n".join(line for line in run.stderr.splitlines() if not line.startswith("import time:"))
    return run.returncode, modules, errors


def tops(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


@pytest.mark.parametrize(
    "args",
    [["--help"], ["-h"], [], ["--version"], ["lista", "--help"], ["kartlagg", "--help"], ["jamfor", "-h"]],
    ids=lambda args: " ".join(args) or "(nothing)",
)
def test_no_help_imports_pydantic_or_the_prompting_libraries(program: str, args: list[str]) -> None:
    code, modules, errors = imported(program, *args)
    assert code == 0, errors
    assert not {"pydantic", "questionary", "prompt_toolkit", "yaml"} & tops(modules), sorted(tops(modules))
    assert "typer.rich_utils" not in modules  # (the program draws its help itself, in Swedish)


@pytest.mark.parametrize(("command", "module"), [("lista", "reading_cmds"), ("kartlagg", "session_cmds")])
def test_a_command_loads_only_its_own_module(program: str, command: str, module: str) -> None:
    code, modules, errors = imported(program, command, "--help")
    assert code == 0, errors
    loaded = {name.rsplit(".", 1)[1] for name in modules if name.endswith("_cmds")}
    assert loaded == {module}


def test_the_top_level_help_loads_every_command_module(program: str) -> None:
    code, modules, errors = imported(program, "--help")
    assert code == 0, errors
    assert {"intervjufas.cli.session_cmds", "intervjufas.cli.set_cmds"} <= modules


def test_a_wrong_value_still_gets_typers_check_and_a_swedish_line(program: str) -> None:
    code, _, errors = imported(program, "kartlagg", "--steg", "tre")
    assert code == 2
    assert "Fel: Ogiltigt värde för --steg / -s: värdet är inte ett heltal." in errors


def test_no_yaml_before_the_first_question_once_the_sets_are_cached(program: str, tmp_path: Path) -> None:
    folder = str(tmp_path / "mapp")
    first_code, first, _ = imported(program, "kartlagg", "--katalog", folder)  # fills the cache
    code, modules, errors = imported(program, "kartlagg", "--katalog", folder)
    # (without a terminal it stops where the first question would be asked)
    assert first_code == code == 1
    assert "Standardinmatningen är ingen terminal" in errors
    assert "yaml" in tops(first)
    assert "yaml" not in tops(modules), sorted(tops(modules))


def test_tab_in_bash_reads_only_file_names(
    program: str, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_INTERVJUFAS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "intervjufas visa 2024")
    monkeypatch.setenv("COMP_CWORD", "2")
    code, modules, errors = imported(program)
    assert code == 0, errors
    assert not {"yaml", "questionary"} & tops(modules)  # (Typer converts the words typed with pydantic)
    assert "typer.rich_utils" not in modules and "intervjufas.cli.help_screen" not in modules  # (no help drawn)
    assert "intervjufas.cli.set_cmds" not in modules  # (only the module of the command being completed)


@pytest.mark.parametrize("args", [["lista"], ["lista", "--json"], ["plan"]], ids=" ".join)
def test_a_command_given_no_values_does_not_import_pydantic(program: str, reports: Path, args: list[str]) -> None:
    code, modules, errors = imported(program, *args, "--katalog", str(reports))
    assert code == 0, errors
    # (the folder given is a value: converted by Typer, which imports pydantic; absent ones are not)
    assert "pydantic" in tops(modules)
    code, modules, errors = imported(program, *args)  # (the folder from INTERVJUFAS_KATALOG)
    assert code == 0, errors
    assert "pydantic" not in tops(modules)
