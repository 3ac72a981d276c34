"""A reports folder that does not exist is an error (``Fel:``, exit 1) for every command that reads
it, with and without ``--json``: a mistyped folder must never look like an empty one."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

READING = [
    ["lista"],
    ["lista", "--json"],
    ["plan"],
    ["plan", "--json"],
    ["trend"],
    ["trend", "--json"],
    ["trend", "--kund", "nordlager"],
    ["karta"],
    ["karta", "--json"],
    ["karta", "--historik"],
    ["karta", "--historik", "--json"],
    ["karta", "lager"],
    ["visa", "lager"],
    ["jamfor", "lager"],
    ["jamfor", "lager", "--json"],
    ["exportera", "lager", "--format", "html"],
    ["granska"],
    ["granska", "--json"],
    ["granska", "lager"],
    ["rensa", "--aldre-an", "1å"],
]


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_missing_folder_named_with_katalog_is_an_error(args: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "finns-inte"
    result = run_cli(*args, "--katalog", str(missing))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Fel: Rapportmappen {missing} finns inte. Ange rapportmappen med --katalog, "
        "INTERVJUFAS_KATALOG eller 'intervjufas installningar katalog MAPP'; den skapas när du gör din första kartläggning.\n"
    )


@pytest.mark.parametrize("args", READING, ids=" ".join)
def test_a_missing_folder_from_the_environment_is_an_error(args: list[str], reports_dir: Path) -> None:
    assert not reports_dir.exists()
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"Fel: Rapportmappen {reports_dir} finns inte.")


@pytest.mark.parametrize("args", [["lista"], ["plan", "--json"], ["visa", "lager"]], ids=" ".join)
def test_a_file_in_the_folders_place_is_an_error(args: list[str], tmp_path: Path) -> None:
    a_file = tmp_path / "rapporter.md"
    a_file.write_text("x", encoding="utf-8")
    result = run_cli(*args, "--katalog", str(a_file))
    assert (result.exit_code, result.stderr) == (1, f"Fel: Rapportmappen {a_file} är ingen mapp.\n")


def test_a_report_named_by_its_path_needs_no_folder(reports: Path, tmp_path: Path) -> None:
    report = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    result = run_cli("visa", str(report), "--katalog", str(tmp_path / "finns-inte"))
    assert result.exit_code == 0, result.output
    assert "Lagerarbetare till Nordlager" in result.stdout


def test_recovery_files_are_still_scanned_with_a_warning(reports_dir: Path) -> None:
    from intervjufas.folder.recovery import recovery_dir

    recovery_dir().mkdir(parents=True, exist_ok=True)
    (recovery_dir() / "lager-20260101-120000.md").write_text("Ring 070-123 45 67\n", encoding="utf-8")
    result = run_cli("granska")
    assert result.stderr.startswith(f"Varning: Rapportmappen {reports_dir} finns inte.")
    assert result.stderr.rstrip().endswith("Bara återställningsfilerna granskas.")
    assert "lager-20260101-120000.md" in result.stdout
