"""Commands printed for copying – the resume command after Ctrl-C, "continue with Steg 2", the
first command in an empty folder – stand alone on a line in a narrow terminal
(60 columns): the program never breaks them, so what the terminal shows copies back whole."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pexpect
import pytest

from .conftest import ENTER, TIMEOUT, Terminal, program_env, write_answers

COLUMNS = 60
STEP_1 = {
    "uppdrag": "Butikssäljare till Centrumgallerian i Norrköping",
    "fore_kunden": "Kravprofil",
    "fore_lagga_till": "nej",
    "fore_utveckla": "nej",
    "fore_ta_bort": "nej",
}

pytestmark = pytest.mark.e2e


def narrow(program: str, reports_dir: Path, home_dir: Path, *args: str) -> Terminal:
    """The program in a pseudo-terminal 60 columns wide."""
    child = pexpect.spawn(
        program,
        list(args),
        env=program_env(reports_dir, home_dir),
        cwd=str(reports_dir.parent),
        dimensions=(40, COLUMNS),
        encoding="utf-8",
        codec_errors="replace",
        timeout=TIMEOUT,
    )
    return Terminal(child, plain="--enkel" in args)


def copied(t: Terminal, lead: str) -> list[str]:
    """The command printed after ``lead``: its own line, indented, longer than the terminal is
    wide (so a program that wrapped it would have broken it), read back as shell words."""
    match = re.search(re.escape(lead) + r"\n  (\S[^\n]*)\n", t.output)
    assert match is not None, t.output
    assert len(match[1]) > COLUMNS, match[1]
    return shlex.split(match[1])


def test_continue_with_the_next_step(program: str, reports_dir: Path, home_dir: Path, tmp_path: Path) -> None:
    answers = write_answers(tmp_path, "steg1.yaml", STEP_1)
    t = narrow(program, reports_dir, home_dir, "kartlagg", "--steg", "1", "--svar", str(answers))
    assert t.wait_exit() == 0
    (report,) = reports_dir.glob("*.md")
    words = copied(t, "Fortsätt med Steg 2 när det passar:")
    assert words[1:] == ["kartlagg", "--fortsatt", str(report.resolve()), "--steg", "2"]


def test_the_resume_command_after_ctrl_c(program: str, reports_dir: Path, home_dir: Path) -> None:
    t = narrow(program, reports_dir, home_dir, "snabb", "--enkel")
    t.expect("Svar (måste besvaras): ")
    t.send("Plockare till Nordlagers centrallager i Jönköping" + ENTER)
    t.expect("Svar, eller Enter för att hoppa över: ")
    t.interrupt()
    assert t.wait_exit() == 130
    (report,) = reports_dir.glob("*.md")
    assert f"Avbrutet. Svaren är sparade i {report}. Fortsätt med:\n" in t.output
    words = copied(t, "Fortsätt med:")
    assert words[1:] == ["snabb", "--fortsatt", str(report.resolve()), "--enkel"]


def test_the_first_command_in_an_empty_folder(program: str, reports_dir: Path, home_dir: Path) -> None:
    reports_dir.mkdir(parents=True)
    t = narrow(program, reports_dir, home_dir, "lista")
    assert t.wait_exit() == 0
    assert copied_or_short(t, "Börja en kartläggning med:") == ["intervjufas", "kartlagg"]


def copied_or_short(t: Terminal, lead: str) -> list[str]:
    """A command that may fit the width: still on its own line after ``lead``."""
    match = re.search(re.escape(lead) + r"\n  (\S[^\n]*)\n", t.output)
    assert match is not None, t.output
    return shlex.split(match[1])
