"""What a command imports before it does its work: no pydantic for any command (Typer's value
conversion is replaced, see ``cli.coercion``), and no YAML before the first question of a mapping
once the built-in question sets are cached."""

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
    [
        ["lista", "--help"],
        ["kartlagg", "--help"],
        ["jamfor", "--help"],
        ["lista"],
        ["trend", "--per", "kvartal"],
        ["plan", "--json"],
        ["fragor"],
    ],
)
def test_no_command_imports_pydantic(program: str, args: list[str]) -> None:
    code, modules, errors = imported(program, *args)
    assert code == 0, errors
    assert "pydantic" not in tops(modules)


def test_a_wrong_value_still_gets_typers_check_and_a_swedish_line(program: str) -> None:
    code, _, errors = imported(program, "kartlagg", "--steg", "tre")
    assert code == 2
    assert "Fel: ogiltigt värde för --steg / -s: värdet är inte ett heltal." in errors


def test_no_yaml_before_the_first_question_once_the_sets_are_cached(program: str, tmp_path: Path) -> None:
    folder = str(tmp_path / "mapp")
    first_code, first, _ = imported(program, "kartlagg", "--katalog", folder)  # fills the cache
    code, modules, errors = imported(program, "kartlagg", "--katalog", folder)
    # (without a terminal it stops where the first question would be asked)
    assert first_code == code == 1
    assert "Standardinmatningen är ingen terminal" in errors
    assert "yaml" in tops(first)
    assert not {"yaml", "pydantic"} & tops(modules), sorted(tops(modules))


def test_tab_in_bash_reads_only_file_names(
    program: str, reports: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("_INTERVJUFAS_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "intervjufas visa 2024")
    monkeypatch.setenv("COMP_CWORD", "2")
    code, modules, errors = imported(program)
    assert code == 0, errors
    assert not {"yaml", "pydantic", "questionary"} & tops(modules)
    assert "typer.rich_utils" not in modules  # (no help is drawn, so Swedish help texts are not loaded)
