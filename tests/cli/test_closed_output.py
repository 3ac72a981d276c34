"""A closed standard output ends every command quietly with the status of SIGPIPE (141): the
installed program writing into a pipe whose reader is gone (``intervjufas --help | head -1``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS

BROKEN_PIPE = 141
HELP = [["--help"], ["-h"], [], ["kartlagg", "--help"], ["lista", "-h"], ["--version"]]


def run_into_closed_pipe(program: str, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run the program with stdout a pipe whose reading end is already closed."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run(
            [program, *args], stdin=subprocess.DEVNULL, stdout=writing, stderr=subprocess.PIPE,
            env=env, timeout=60, check=False,
        )
    finally:
        os.close(writing)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Many reports (more output than a pipe holds) in a folder of their own."""
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for number in range(60):
        for report in (path for path in FIXTURE_REPORTS.glob("2024-*.md") if "trasig" not in path.name):
            shutil.copy(report, folder / f"{report.stem}-{number}.md")
    return {**os.environ, "INTERVJUFAS_KATALOG": str(folder), "COLUMNS": "120", "HOME": str(tmp_path)}


@pytest.mark.parametrize(
    "args",
    [*HELP, ["lista"], ["plan"], ["fragor", "--visa", "kartlaggning"], ["fragor"]],
    ids=lambda args: " ".join(args) or "(nothing)",
)
def test_a_closed_pipe_ends_the_command_quietly(program: str, env: dict[str, str], args: list[str]) -> None:
    done = run_into_closed_pipe(program, args, env)
    assert (done.returncode, done.stderr.decode()) == (BROKEN_PIPE, "")


@pytest.mark.parametrize("args", [["--help"], ["kartlagg", "--help"], ["lista"]], ids=" ".join)
def test_head_reads_the_first_line_and_the_program_ends_quietly(
    program: str, env: dict[str, str], args: list[str]
) -> None:
    """``intervjufas … | head -1``: 0 when everything was written before head left, else 141."""
    process = subprocess.Popen(
        [program, *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    code = process.wait(timeout=60)
    assert first
    assert code in (0, BROKEN_PIPE) and stderr == b"", (code, stderr)
