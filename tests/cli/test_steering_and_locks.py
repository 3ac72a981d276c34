"""Nothing a report says decides where the program writes or what it removes, and a lock that
cannot be taken stops the session from writing: a report carrying the recovery key is continued
where it is; only a private file in the user's private recovery folder is a recovery file; a
lock file that cannot be opened gives one ``Fel:`` line, leaves the report alone, and keeps the
session's answers in a recovery file with the command that goes on."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.files.locking import lock_path
from intervjufas.folder.recovery import recovery_dir, write_recovery
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.model import RECOVERY_KEY
from intervjufas.report.parse import parse
from intervjufas.report.render import render

STEP_1 = (
    "uppdrag: Butikssäljare\ndatum: 2024-05-01\nfore_kunden: Kravprofil\nfore_lagga_till: nej\n"
    "fore_utveckla: nej\nfore_ta_bort: nej\n"
)
STEP_2 = (
    "under_struktur: Ja\nunder_syfte: Ja\nunder_lagga_till: nej\nunder_utveckla: nej\nunder_ta_bort: nej\n"
)


def answers(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def first_report(tmp_path: Path, reports_dir: Path) -> Path:
    result = run_cli("kartlagg", "--steg", "1", "--svar", answers(tmp_path, "steg1.yaml", STEP_1))
    assert result.exit_code == 0, result.output
    (path,) = reports_dir.glob("*.md")
    return path


def with_recovery_key(path: Path, elsewhere: Path) -> None:
    questionnaire = builtin_set("kartlaggning")
    report = parse(path.read_text(encoding="utf-8"), questionnaire)
    report.extra_header[RECOVERY_KEY] = {"rapport": str(elsewhere / path.name), "katalog": str(elsewhere)}
    path.write_text(render(report, questionnaire), encoding="utf-8")


def test_a_report_carrying_the_recovery_key_is_continued_where_it_is(
    tmp_path: Path, reports_dir: Path
) -> None:
    path = first_report(tmp_path, reports_dir)
    elsewhere = tmp_path / "någon-annanstans"
    with_recovery_key(path, elsewhere)
    assert "aterstallning:" in path.read_text(encoding="utf-8")
    result = run_cli(
        "kartlagg", "--fortsatt", str(path), "--steg", "2", "--svar", answers(tmp_path, "s2.yaml", STEP_2)
    )
    assert result.exit_code == 0, result.output
    assert sorted(reports_dir.glob("*.md")) == [path]  # (not moved, not removed)
    assert not elsewhere.exists()
    assert "under_struktur" in parse(path.read_text(encoding="utf-8"), builtin_set("kartlaggning")).answers
    assert "Svaren från återställningsfilen" not in result.output


def recovery_file(tmp_path: Path, reports_dir: Path) -> tuple[Path, Path]:
    """A report and a genuine recovery file of it, as a failed save leaves them."""
    path = first_report(tmp_path, reports_dir)
    questionnaire = builtin_set("kartlaggning")
    report = parse(path.read_text(encoding="utf-8"), questionnaire)
    return path, write_recovery(report, questionnaire, path, reports_dir)


def test_a_recovery_file_in_the_private_recovery_folder_goes_back(tmp_path: Path, reports_dir: Path) -> None:
    path, recovered = recovery_file(tmp_path, reports_dir)
    result = run_cli(
        "kartlagg",
        "--fortsatt",
        str(recovered),
        "--steg",
        "2",
        "--svar",
        answers(tmp_path, "s2.yaml", STEP_2),
    )
    assert result.exit_code == 0, result.output
    assert not recovered.exists()
    assert sorted(reports_dir.glob("*.md")) == [path]
    assert "under_struktur" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(os.name != "posix", reason="modes are POSIX permissions")
@pytest.mark.parametrize("loose", ["folder", "file"])
def test_a_recovery_file_others_could_have_written_is_just_a_report(
    tmp_path: Path, reports_dir: Path, loose: str
) -> None:
    path, recovered = recovery_file(tmp_path, reports_dir)
    before = path.read_bytes()
    os.chmod(recovery_dir() if loose == "folder" else recovered, 0o777 if loose == "folder" else 0o666)
    result = run_cli(
        "kartlagg",
        "--fortsatt",
        str(recovered),
        "--steg",
        "2",
        "--svar",
        answers(tmp_path, "s2.yaml", STEP_2),
    )
    assert result.exit_code == 0, result.output
    assert recovered.exists() and "under_struktur" in recovered.read_text(encoding="utf-8")
    assert path.read_bytes() == before  # (the report it names was not touched)
    assert re.search(r"^Varning: .*används inte", result.stderr, re.MULTILINE), result.stderr


def test_a_lock_that_cannot_be_opened_refuses_the_session(tmp_path: Path, reports_dir: Path) -> None:
    path = first_report(tmp_path, reports_dir)
    before = path.read_bytes()
    lock_path(path).mkdir()  # (a lock file that no one can open)
    result = run_cli(
        "kartlagg", "--fortsatt", str(path), "--steg", "2", "--svar", answers(tmp_path, "s2.yaml", STEP_2)
    )
    assert result.exit_code == 1, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(
        f"Fel: Kan inte låsa rapporten {path}: låsfilen {lock_path(path)} går inte att använda"
    )
    assert path.read_bytes() == before


def test_a_new_report_whose_lock_cannot_be_opened_keeps_the_answers(
    tmp_path: Path, reports_dir: Path
) -> None:
    reports_dir.mkdir(parents=True)
    lock_path(reports_dir / "2024-05-01-butikssaljare.md").mkdir()
    result = run_cli("kartlagg", "--steg", "1", "--svar", answers(tmp_path, "steg1.yaml", STEP_1))
    assert result.exit_code == 1, result.output
    line, command_line = result.stderr.strip().splitlines()
    assert line.startswith("Fel: Kan inte låsa rapporten") and "återställningsfilen" in line, line
    assert line.endswith("Fortsätt med:") and command_line.startswith("  "), result.stderr
    assert list(reports_dir.glob("*.md")) == []
    (kept,) = recovery_dir().glob("*.md")
    assert "Kravprofil" in kept.read_text(encoding="utf-8")
    command = shlex.split(command_line)
    assert command[1:4] == ["kartlagg", "--fortsatt", str(kept.resolve())]
