"""Every command the program prints runs as printed – also when the program is not on PATH (right
after the README's first command, before the environment is activated): then the printed commands
start with the program's full path."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS

NOT_ON_PATH = {"PATH": "/usr/bin:/bin"}


def test_the_folder_hint_and_conflict_copies(run_command: Callable, program: str, reports_dir: Path) -> None:
    reports_dir.mkdir(parents=True, exist_ok=True)
    empty = run_command("lista", **NOT_ON_PATH)
    assert empty.returncode == 0, empty.stderr
    assert f"Börja en kartläggning med:\n  {program} kartlagg\n" in empty.stdout
    original = reports_dir / "2024-01-15-lagerarbetare-till-nordlager.md"
    shutil.copy(FIXTURE_REPORTS / original.name, original)
    text = original.read_text(encoding="utf-8").replace(
        "format: 1\n", f"format: 1\nkonfliktkopia_av: {original.name}\n", 1
    )
    (reports_dir / f"{original.stem}-konflikt.md").write_text(text, encoding="utf-8")
    listed = run_command("lista", **NOT_ON_PATH)
    command = re.search(r"Jämför dem med '([^']+)'", listed.stderr)
    assert command is not None, listed.stderr
    assert command[1].startswith(f"{program} jamfor ")
    compared = subprocess.run(
        shlex.split(command[1]),
        capture_output=True,
        text=True,
        env=os.environ | {"INTERVJUFAS_KATALOG": str(reports_dir)},
        check=False,
    )
    assert compared.returncode == 0, compared.stderr
    assert "Jämförelse av två rapporter" in compared.stdout


@pytest.mark.e2e
def test_the_resume_command_runs_as_printed(run_command: Callable, program: str, reports_dir: Path) -> None:
    stopped = subprocess.run(
        [program, "snabb", "--enkel"],
        input="Plockare till Nordlager\n",
        capture_output=True,
        text=True,
        env=os.environ | NOT_ON_PATH | {"INTERVJUFAS_KATALOG": str(reports_dir)},
        check=False,
    )
    assert stopped.returncode == 130, stopped.stderr
    resume = re.search(r"Fortsätt med:\n  (.+)$", stopped.stderr, re.MULTILINE)
    assert resume is not None, stopped.stderr
    words = shlex.split(resume[1])
    assert words[:2] == [program, "snabb"] and "--enkel" in words
    again = subprocess.run(
        words, input="", capture_output=True, text=True, env=os.environ | NOT_ON_PATH, check=False
    )
    assert again.returncode == 130
    assert "Fortsätter 20" in again.stdout and "(Plockare till Nordlager)" in again.stdout
