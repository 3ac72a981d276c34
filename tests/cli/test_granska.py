"""``intervjufas granska``: findings as ``fil:rad: vad (maskerat)`` and a summary, exit 1 when
anything is found, JSON for scripts, named reports and folders, one warning per file that cannot
be read, recovery files, and a second scan that reads only what changed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers import command
from intervjufas.reports.recovery import recovery_dir

granska = command("granska")
HOUR_AGO = time.time() - 3600
TEXT = """\
---
format: 1
id: 0123456789ab
---
# Kartlägg intervjufasen: Lager

### Hur förbereder du kunden? <!-- fraga: fore_kunden -->

Vi ringer kandidaten på 070-123 45 67 och mejlar anna.svensson@exempel.se.
Personnummer 811218-9876.
"""


def report(folder: Path, name: str, text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, (HOUR_AGO, HOUR_AGO))
    return path


def test_a_clean_folder_exits_0(reports: Path) -> None:
    result = granska()
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Inga personuppgifter hittades i 5 rapporter i {reports}.\n"
    assert result.stderr == ""  # a report with a broken header is still text to scan


def test_findings_are_listed_masked_and_exit_1(reports_dir: Path) -> None:
    path = report(reports_dir, "2024-01-15-lager.md")
    report(reports_dir, "2024-02-01-rent.md", "inget här\n")
    result = granska()
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}:9: telefonnummer (***-*** 45 67)",
        f"{path}:9: e-postadress (a***@exempel.se)",
        f"{path}:10: personnummer (******-9876)",
        f"3 fynd i 1 av 2 rapporter i {reports_dir}. Skriv om eller ta bort uppgifterna på raderna ovan – "
        "beskriv processen, inte personerna.",
    ]
    for secret in ("070-123", "anna.svensson", "811218"):
        assert secret not in result.output


def test_json_for_scripts(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md")
    result = granska("--json")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "genomsokta": 1,
        "rapporter_med_fynd": 1,
        "fynd": [
            {"fil": "a.md", "sokvag": str(path), "rad": 9, "typ": "telefon", "maskerat": "***-*** 45 67"},
            {"fil": "a.md", "sokvag": str(path), "rad": 9, "typ": "e-post", "maskerat": "a***@exempel.se"},
            {"fil": "a.md", "sokvag": str(path), "rad": 10, "typ": "personnummer", "maskerat": "******-9876"},
        ],
    }
    report(reports_dir, "a.md", "rent\n")
    clean = granska("--json")
    assert (clean.exit_code, json.loads(clean.stdout)["fynd"]) == (0, [])


def test_named_reports_prefixes_and_folders(reports_dir: Path, tmp_path: Path) -> None:
    report(reports_dir, "2024-01-15-lager.md")
    clean = report(reports_dir, "2024-02-01-rent.md", "inget\n")
    other = report(tmp_path / "annan", "x.md")
    assert granska("2024-02").stdout == "Inga personuppgifter hittades i 1 rapport.\n"
    assert granska(str(clean)).exit_code == 0
    result = granska(str(tmp_path / "annan"))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{other}:9: telefonnummer")
    assert "3 fynd i 1 rapport." in result.stdout


def test_an_unknown_name_is_an_error_before_anything_is_scanned(reports_dir: Path) -> None:
    report(reports_dir, "a.md")
    result = granska("a.md", "finns-inte")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Fel: Hittar ingen rapport som heter eller börjar med 'finns-inte'")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_file_that_cannot_be_read_is_one_warning_and_the_rest_is_scanned(reports_dir: Path) -> None:
    report(reports_dir, "a.md")
    os.mkfifo(reports_dir / "b.md")
    result = granska()
    assert result.exit_code == 1
    assert result.stderr == f"Varning: {reports_dir / 'b.md'}: kan inte läsas (det är ingen vanlig fil)\n"
    assert "3 fynd i 1 rapport" in result.stdout


def test_recovery_files_are_scanned_with_the_folder(reports_dir: Path) -> None:
    kept = report(recovery_dir(), "lager-20260101-120000.md")
    result = granska()
    assert result.exit_code == 1
    assert f"{kept}:9: telefonnummer" in result.stdout
    assert f"3 fynd i 1 rapport i {reports_dir} (varav 1 återställningsfil)." in result.stdout


def test_paths_under_the_working_folder_are_shown_relative(
    reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report(reports_dir, "a.md")
    monkeypatch.chdir(reports_dir.parent)
    shown = Path(reports_dir.name) / "a.md"
    assert granska().stdout.startswith(f"{shown}:9: telefonnummer (***-*** 45 67)\n")
    monkeypatch.chdir(reports_dir)
    assert granska().stdout.startswith("a.md:9: telefonnummer")


def test_an_empty_folder(reports_dir: Path) -> None:
    result = granska()
    assert (result.exit_code, result.stdout) == (0, f"Inga rapporter att granska i {reports_dir}.\n")


def test_a_second_scan_uses_the_cache_and_sees_edits(reports_dir: Path) -> None:
    path = report(reports_dir, "a.md")
    assert granska().exit_code == 1
    cache = list((Path(os.environ["XDG_CACHE_HOME"]) / "intervjufas" / "granska").glob("*.cache"))
    assert len(cache) == 1
    assert granska().exit_code == 1
    report(reports_dir, "a.md", TEXT.replace("070-123 45 67", "telefon"))  # edited by hand
    assert "telefonnummer" not in granska().stdout
    path.unlink()
    assert granska().stdout.startswith("Inga rapporter att granska")
