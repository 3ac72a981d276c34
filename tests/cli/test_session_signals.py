"""Signals once a session is over: while its closing lines are shown, a SIGINT, SIGTERM or SIGHUP
interrupts nothing (the report is saved; the lines are shown whole and the command ends as the
session did); a second one stops the lines as any stop does."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest

from helpers import run_cli
from intervjufas.views import session_result

ANSWERS = """\
uppdrag: Butikssäljare till Centrum
intervjuform: [Snabbintervju]
forbered: Ringde kunden.
genomfor: Snabbintervjuer.
folj_upp: Återkoppling samma dag.
"""
STOPS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


def closing_lines_after(monkeypatch: pytest.MonkeyPatch, signals: list[int]) -> None:
    """The closing lines are shown right after ``signals`` reach the program."""
    shown = session_result.show_session_result

    def signalled_first(*args: Any, **kwargs: Any) -> None:
        for signum in signals:
            os.kill(os.getpid(), signum)  # (handled before the next line runs)
        shown(*args, **kwargs)

    monkeypatch.setattr(session_result, "show_session_result", signalled_first)


@pytest.mark.parametrize("signum", STOPS, ids=lambda s: signal.Signals(s).name)
def test_a_stop_while_the_closing_lines_are_shown_interrupts_nothing(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    closing_lines_after(monkeypatch, [signum])
    before = signal.getsignal(signum)
    result = run_cli("snabb", "--svar", str(answers))
    assert result.exit_code == 0, result.output
    [path] = reports_dir.glob("*.md")
    assert f"Rapporten är sparad i {path}" in result.stdout
    assert "Avbrutet" not in result.output
    assert signal.getsignal(signum) is before  # (the program's handlers are gone again)


def test_a_second_stop_ends_the_closing_lines(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    closing_lines_after(monkeypatch, [signal.SIGINT, signal.SIGTERM])
    result = run_cli("snabb", "--svar", str(answers))
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert result.stderr.strip() == "Avbrutet."
    assert len(list(reports_dir.glob("*.md"))) == 1  # (saved before the lines)
