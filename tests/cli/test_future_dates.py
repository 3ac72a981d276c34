"""A report dated after today is accepted (a planned mapping), with one ``Varning:`` on standard
error – whether the date is typed at the date question or given in an answers file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers import run_cli


def ahead() -> str:
    """A date three weeks ahead of today, as the program sees it when the test runs."""
    return (dt.date.today() + dt.timedelta(days=21)).isoformat()


def warning(date: str) -> str:
    return f"Varning: Datumet {date} ligger i framtiden (idag är {dt.date.today().isoformat()})."


def answers(tmp_path: Path, datum: str) -> Path:
    path = tmp_path / "svar.yaml"
    path.write_text(
        f"uppdrag: Lager\ndatum: {datum}\nfore_kunden: Kravprofil\n"
        "fore_lagga_till: nej\nfore_utveckla: nej\nfore_ta_bort: nej\n",
        encoding="utf-8",
    )
    return path


def test_a_future_date_in_an_answers_file_is_kept_with_a_warning(tmp_path: Path, reports_dir: Path) -> None:
    date = ahead()
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(answers(tmp_path, date)))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip().split("\n") == [warning(date)]
    (path,) = reports_dir.glob("*.md")
    assert path.name.startswith(date)


def test_today_and_earlier_dates_say_nothing(tmp_path: Path, reports_dir: Path) -> None:
    result = run_cli("kartlagg", "--steg", "1", "--svar", str(answers(tmp_path, dt.date.today().isoformat())))
    assert result.exit_code == 0, result.output
    assert "Varning" not in result.stderr


def test_a_future_date_typed_at_the_date_question(reports_dir: Path) -> None:
    date = ahead()
    typed = f"Lager\nNordlager AB\n\n\n1\n{date}\n"  # uppdrag, kund, roll, forms, individuellt, datum
    result = run_cli("kartlagg", "--enkel", "--steg", "1", "--uppfoljning", "ingen", input=typed)
    assert result.exit_code == 130, result.output  # (the input ends at the first question of Steg 1)
    assert warning(date) in result.stderr.split("\n")
    assert "Steg 1 · fråga 1 av" in result.stdout  # the session went on
