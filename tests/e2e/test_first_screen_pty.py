"""The screen before the first question of ``kartlagg`` in a real terminal: written without loading
Rich, and byte for byte what Rich writes (Rich draws it when ``COLUMNS`` is set, since Rich sizes
its output by it)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pexpect
import pytest
from tests.e2e.conftest import DIMENSIONS, TIMEOUT, program_env

from intervjufas.questionsets.catalog import builtin_set

QUESTION = builtin_set("kartlaggning").metadata[0].text


def first_screen(program: str, reports: Path, home: Path, log: Path, columns: int, **env: str) -> bytes:
    """Everything ``kartlagg`` writes until its first question is drawn (stderr into ``log``)."""
    command = f"exec {shlex.quote(program)} kartlagg 2>{shlex.quote(str(log))}"
    child = pexpect.spawn(
        "/bin/sh",
        ["-c", command],
        env=program_env(reports, home, PROMPT_TOOLKIT_NO_CPR="1", **env),
        dimensions=(DIMENSIONS[0], columns),
        timeout=TIMEOUT,
    )
    try:
        child.expect_exact(QUESTION.encode())
        return bytes(child.before)
    finally:
        child.terminate(force=True)


def loaded(log: Path) -> set[str]:
    lines = log.read_text(encoding="utf-8").splitlines()
    return {line.split("|")[-1].strip() for line in lines if line.startswith("import time:")}


@pytest.mark.parametrize("columns", [DIMENSIONS[1], 60])
def test_the_first_screen_is_richs_without_rich(program: str, tmp_path: Path, columns: int) -> None:
    reports, home = tmp_path / "rapporter", tmp_path / "hem"
    quick_log, rich_log = tmp_path / "snabb.txt", tmp_path / "rich.txt"
    profile = {"PYTHONPROFILEIMPORTTIME": "1"}
    quick = first_screen(program, reports, home, quick_log, columns, **profile)
    by_rich = first_screen(program, reports, home, rich_log, columns, COLUMNS=str(columns), **profile)
    if columns == DIMENSIONS[1]:  # (narrower, the folder's long path may be a word Rich must break)
        assert "rich.console" not in loaded(quick_log)
    assert {"rich.console", "questionary"} <= loaded(rich_log)
    assert "questionary" in loaded(quick_log)
    assert b"Om uppdraget" in quick and b"\x1b[36m" in quick
    assert quick == by_rich
