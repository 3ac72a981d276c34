"""Tab in real shells (bash, zsh, fish) in a pseudo-terminal: a RAPPORT completes from the words
the commands accept – a word of the assignment or customer, not only the start of a file name – and
several matches leave the typed words on the line and list the reports.  zsh and fish are tested
where they are installed (CI has bash only)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pexpect
import pytest

from helpers import FIXTURE_REPORTS

from .conftest import TIMEOUT

pytestmark = pytest.mark.e2e
READY = "KLAR> "
NORDLAGER = [
    "2024-01-15-lagerarbetare-till-nordlager",
    "2024-02-20-truckforare-till-nordlager",
    "2024-03-05-plockare-till-nordlager",
]


def start_shell(shell: str, program: str, tmp_path: Path) -> pexpect.spawn:
    """The shell with the program's completion loaded (as ``--install-completion`` sets it up)."""
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here (CI runs bash only)")
    reports = tmp_path / "rapporter"
    shutil.copytree(FIXTURE_REPORTS, reports)
    env = {
        **os.environ,
        "INTERVJUFAS_KATALOG": str(reports),
        "HOME": str(tmp_path),
        "ZDOTDIR": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "PATH": os.pathsep.join([str(Path(program).parent), "/usr/bin", "/bin"]),
        "TERM": "xterm",
        "PS1": READY,
    }
    script = subprocess.run(
        [program], env={**env, "_INTERVJUFAS_COMPLETE": f"source_{shell}"}, capture_output=True, text=True, check=True
    ).stdout
    (tmp_path / "komplettering").write_text(script, encoding="utf-8")
    from intervjufas.cli.completion import ZSH_WORDS

    setup = {
        "bash": ["bash", "--norc", "--noprofile", "-i"],
        "zsh": ["zsh", "-i"],
        "fish": ["fish", "--no-config", "-i"],
    }[shell]
    (tmp_path / ".zshrc").write_text(
        f"autoload -Uz compinit; compinit -u\nsource {tmp_path / 'komplettering'}\n{ZSH_WORDS}\nPS1='{READY}'\n"
    )
    child = pexpect.spawn(setup[0], setup[1:], env=env, encoding="utf-8", dimensions=(40, 200), timeout=TIMEOUT)
    if shell == "fish":
        child.sendline(f"source {tmp_path / 'komplettering'}; function fish_prompt; echo -n '{READY}'; end")
    elif shell == "bash":
        child.sendline(f"source {tmp_path / 'komplettering'}")
    child.sendline("echo BE''REDD")  # (a line the shell has run: its line editor reads the next keys)
    child.expect_exact("BEREDD")
    child.expect_exact(READY)
    return child


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_word_of_the_assignment_completes_to_its_report(shell: str, program: str, tmp_path: Path) -> None:
    child = start_shell(shell, program, tmp_path)
    child.send("intervjufas visa truckfor\t")
    child.expect_exact("2024-02-20-truckforare-till-nordlager")
    child.close(force=True)


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_several_matches_keep_the_words_and_list_the_reports(shell: str, program: str, tmp_path: Path) -> None:
    """bash and zsh would put the matches' common start ('2024-0') in place of the words; fish lists
    matches inside names by itself."""
    child = start_shell(shell, program, tmp_path)
    child.send("intervjufas visa nordlager\t\t" if shell == "bash" else "intervjufas visa nordlager\t")
    for stem in NORDLAGER:
        child.expect_exact(stem)
    child.expect_exact("intervjufas visa nordlager")  # the line drawn again below the list: as typed
    child.close(force=True)
