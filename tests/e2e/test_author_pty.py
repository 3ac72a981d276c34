"""The author in a real terminal: the first session asks once for the name to put on the reports
(the login name offered), remembers it privately, and the next session goes straight to work."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.front_matter import read_front_matter

from .conftest import ENTER, Terminal

Run = Callable[..., Terminal]
QUESTION = "Vilket namn ska stå som författare till dina rapporter?"
CLEAR_LINE = "\x15"  # Ctrl-U: the offered login name goes
FIRST, SECOND = builtin_set("snabbformat").metadata[:2]


@pytest.mark.e2e
def test_the_author_is_asked_once_and_remembered(run: Run, reports_dir: Path, home_dir: Path) -> None:
    t = run("snabb", INTERVJUFAS_FORFATTARE=None)
    t.expect(QUESTION)
    t.send(CLEAR_LINE + "Åsa Lind" + ENTER)
    t.answer_text(FIRST.text, "Kock till Hamnen")
    t.expect(SECOND.text)
    t.interrupt()
    assert t.wait_exit() == 130
    remembered = home_dir / ".config" / "intervjufas" / "forfattare.txt"
    assert remembered.read_text(encoding="utf-8") == "Åsa Lind\n"
    if os.name == "posix":
        assert oct(remembered.stat().st_mode & 0o777) == "0o600"
    (report,) = reports_dir.glob("*.md")
    assert read_front_matter(report, check=True)["forfattare"] == "Åsa Lind"

    again = run("snabb", INTERVJUFAS_FORFATTARE=None)
    again.expect(FIRST.text)
    assert QUESTION not in again.output
    again.interrupt()
    assert again.wait_exit() == 130
