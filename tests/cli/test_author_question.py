"""Who makes a report: ``$INTERVJUFAS_FORFATTARE``, else the remembered name, else asked once in
an interactive session (and remembered, privately); never asked with answers from a file or
without a terminal, where the login name is used and not remembered."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.files.settings import author_name, remembered_file
from intervjufas.report.front_matter import read_front_matter
from intervjufas.terminal import TerminalFacts

QUESTION = "Vilket namn ska stå som författare till dina rapporter?"
ANSWERS = "uppdrag: Kock till Hamnen\nforbered: Ringde kunden.\n"
AT_A_TERMINAL = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True, stderr_is_terminal=True)


@pytest.fixture
def unnamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERVJUFAS_FORFATTARE")


def only_report(folder: Path) -> dict:
    (path,) = folder.glob("*.md")
    return read_front_matter(path, check=True)


def test_the_variable_names_the_author_before_the_remembered_name(
    monkeypatch: pytest.MonkeyPatch, unnamed: None
) -> None:
    assert author_name() == getpass.getuser()
    remembered_file().parent.mkdir(parents=True)
    remembered_file().write_text("Åsa Lind\n", encoding="utf-8")
    assert author_name() == "Åsa Lind"
    monkeypatch.setenv("INTERVJUFAS_FORFATTARE", " Jonas Ek ")
    assert author_name() == "Jonas Ek"


def test_answers_from_a_file_use_the_login_name_without_asking(
    unnamed: None, tmp_path: Path, reports_dir: Path
) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    result = run_cli("snabb", "--svar", str(answers), facts=AT_A_TERMINAL)
    assert result.exit_code == 0, result.output
    assert QUESTION not in result.output
    assert only_report(reports_dir)["forfattare"] == getpass.getuser()
    assert not remembered_file().exists()


def test_lines_piped_in_are_answers_not_a_name(unnamed: None, reports_dir: Path) -> None:
    result = run_cli("snabb", "--enkel", input="Kock till Hamnen\n", facts=TerminalFacts())
    assert QUESTION not in result.output
    assert only_report(reports_dir)["metadata"]["uppdrag"] == "Kock till Hamnen"
    assert only_report(reports_dir)["forfattare"] == getpass.getuser()
    assert not remembered_file().exists()


def test_the_first_session_at_a_terminal_asks_and_remembers(unnamed: None, reports_dir: Path) -> None:
    result = run_cli("snabb", "--enkel", input="  Åsa   Lind \nKock till Hamnen\n", facts=AT_A_TERMINAL)
    assert result.output.count(QUESTION) == 1
    assert f"[standard: {getpass.getuser()}]" in result.output  # the login name is offered
    assert remembered_file().read_text(encoding="utf-8") == "Åsa Lind\n"
    if os.name == "posix":
        assert oct(remembered_file().stat().st_mode & 0o777) == "0o600"
    assert only_report(reports_dir)["forfattare"] == "Åsa Lind"
    again = run_cli("snabb", "--enkel", input="Bagare till Hörnet\n", facts=AT_A_TERMINAL)
    assert QUESTION not in again.output


def test_an_empty_answer_takes_the_login_name(unnamed: None, reports_dir: Path) -> None:
    run_cli("snabb", "--enkel", input="\nKock till Hamnen\n", facts=AT_A_TERMINAL)
    assert remembered_file().read_text(encoding="utf-8") == f"{getpass.getuser()}\n"


def test_continuing_a_report_does_not_ask(unnamed: None, reports_dir: Path, tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_text("uppdrag: Kock till Hamnen\n", encoding="utf-8")
    run_cli("snabb", "--svar", str(answers), "--steg", "1")
    (path,) = reports_dir.glob("*.md")
    result = run_cli("snabb", "--enkel", "--fortsatt", path.name, input="", facts=AT_A_TERMINAL)
    assert QUESTION not in result.output
    assert not remembered_file().exists()
