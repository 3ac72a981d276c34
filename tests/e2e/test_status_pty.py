"""The program started without a command in a real pseudo-terminal: what is left to do (a mapping
with Steg 2 and 3 left, and the command that continues it), then the short help; into a pipe, the
help alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Terminal, report_paths, write_answers

Run = Callable[..., Terminal]


@pytest.mark.e2e
def test_the_program_alone_shows_what_is_left(run: Run, run_command: Callable, reports_dir: Path) -> None:
    answers = write_answers(
        reports_dir.parent,
        "steg1.yaml",
        {
            "uppdrag": "Lagerarbetare",
            "kund": "Nordlager AB",
            "datum": "2024-05-02",
            "fore_lagga_till": "Ja",
            "fore_lagga_till_vad": [{"moment": "Välkomstsamtal", "varfor": "Tryggare kandidater"}],
            "fore_utveckla": "Nej",
            "fore_ta_bort": "Nej",
        },
    )
    made = run_command("kartlagg", "--steg", "1", "--svar", str(answers))
    assert made.returncode == 0, made.stderr
    [report] = report_paths(reports_dir)

    t = run()
    t.expect("Dina kartläggningar med steg kvar:")
    t.expect("2024-05-02  Lagerarbetare · Nordlager AB: Steg 2 och Steg 3 kvar")
    t.expect(f"kartlagg --fortsatt {report.stem} --steg 2")
    t.expect("Nordlager AB: 1 öppet moment")
    t.expect("plan --kund 'Nordlager AB'")
    t.expect(f"Rapporterna: {reports_dir} (1 rapport)")
    t.expect("Användning: intervjufas")
    assert t.wait_exit() == 0

    piped = run_command()
    assert piped.returncode == 0
    assert "Användning: intervjufas" in piped.stdout and "steg kvar" not in piped.stdout
