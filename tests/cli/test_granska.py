"""``intervjufas granska``: findings as ``fil:rad: vad (maskerat)`` and a summary, exit 1 when
anything is found, JSON for scripts, named reports and folders, one warning per file that cannot
be read, recovery files, and a second scan that reads only what changed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from helpers import PERSONAL_DATA_TEXT as TEXT
from helpers import command
from helpers import settled_report as report
from intervjufas.folder.recovery import recovery_dir

granska = command("granska")
HOUR_AGO = time.time() - 3600


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
    found = {"fil": "a.md", "sokvag": str(path)}
    assert json.loads(result.stdout) == {
        "format": 2,
        "antal_genomsokta": 1,
        "antal_rapporter_med_fynd": 1,
        "fynd": [
            {**found, "rad": 9, "personuppgift": "telefon", "personuppgift_text": "telefonnummer", "maskerat": "***-*** 45 67"},
            {**found, "rad": 9, "personuppgift": "e_post", "personuppgift_text": "e-postadress", "maskerat": "a***@exempel.se"},
            {**found, "rad": 10, "personuppgift": "personnummer", "personuppgift_text": "personnummer", "maskerat": "******-9876"},
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
    reports_dir.mkdir()
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


# -- the forms people write personal data in ------------------------------------------------------

NEW_FORMS = [
    ("850412 1230", "personnummer", "****** 1230"),
    ("19850412 1230", "personnummer", "******** 1230"),
    ("850412 - 1230", "personnummer", "****** - 1230"),
    ("85 04 12-1230", "personnummer", "** ** **-1230"),
    ("850412–1230", "personnummer", "******–1230"),
    ("850412—1230", "personnummer", "******—1230"),
    ("850412\u20111230", "personnummer", "******\u20111230"),
    ("070.123.45.67", "telefonnummer", "***.***.45.67"),
    ("070/1234567", "telefonnummer", "***/***4567"),
    ("070–123 45 67", "telefonnummer", "***–*** 45 67"),
    ("namn (at) firma.se", "e-postadress", "n***@firma.se"),
    ("namn [at] firma [dot] se", "e-postadress", "n***@firma.se"),
    ("namn @ firma.se", "e-postadress", "n***@firma.se"),
]


@pytest.mark.parametrize(("written", "what", "masked"), NEW_FORMS)
def test_every_form_is_found_and_shown_masked(
    reports_dir: Path, written: str, what: str, masked: str
) -> None:
    path = report(reports_dir, "a.md", TEXT.replace("070-123 45 67", written))
    result = granska()
    assert result.exit_code == 1
    assert f"{path}:9: {what} ({masked})\n" in result.stdout
    digits = [part for part in written.replace("(", " ").split() if len(part) > 4]
    assert not any(part in result.output for part in digits if part not in masked)


def test_every_form_in_one_report_with_its_line(reports_dir: Path) -> None:
    body = "".join(f"Rad med {written} här.\n" for written, _, _ in NEW_FORMS)
    path = report(reports_dir, "a.md", f"---\nformat: 1\n---\n{body}")
    result = granska("--json")
    assert result.exit_code == 1
    found = [(f["rad"], f["maskerat"]) for f in json.loads(result.stdout)["fynd"]]
    assert found == [(line, masked) for line, (_, _, masked) in enumerate(NEW_FORMS, start=4)]
    assert str(path) in result.stdout


@pytest.mark.parametrize(
    "text",
    [
        "Bokningen 20240305-1200 bekräftades.",
        "Loggat 20240305 1200 av systemet.",
        "Möte 08.12.2026 kl. 08.30–12.00.",
        "Nästa gång 08/12 2026.",
        "Version 1.0.70123456, order 850412-12304.",
        "Lön 45 000–50 000 kr, OCR 4711 850412 1230 55.",
        "Möte @ 10.30 i rum (a) 3.",
    ],
)
def test_near_misses_are_not_findings(reports_dir: Path, text: str) -> None:
    report(reports_dir, "a.md", f"---\nformat: 1\n---\n{text}\n")
    result = granska()
    assert (result.exit_code, result.stdout) == (
        0,
        f"Inga personuppgifter hittades i 1 rapport i {reports_dir}.\n",
    )


def test_a_written_out_address_is_found_as_the_report_keeps_it(reports_dir: Path) -> None:
    """A report keeps a typed "[" as "\\[" (so that Markdown reads no link): the address is found
    in the answer, in the map's note and in its table."""
    from intervjufas.model.answers import Answer, Moment
    from intervjufas.questionsets.catalog import builtin_set
    from intervjufas.report.model import Report
    from intervjufas.report.render import render

    questionnaire = builtin_set("kartlaggning")
    made = Report.new(questionnaire)
    made.answers["uppdrag"] = Answer("Lager")
    made.answers["fore_kunden"] = Answer("Mejla namn [at] firma [dot] se.")
    made.answers["fore_karta"] = Answer((Moment("Kallelse", (), "Kopia till namn [at] firma.se", id="m1"),))
    text = render(made, questionnaire)
    assert "namn \\[at\\] firma" in text
    path = report(reports_dir, "a.md", text)
    result = granska("--json")
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if "\\[at\\]" in line]
    found = [(f["rad"], f["maskerat"]) for f in json.loads(result.stdout)["fynd"]]
    assert {line for line, _ in found} >= set(lines) and len(lines) >= 3
    assert {masked for _, masked in found} == {"n***@firma.se"}
    assert str(path) in result.stdout
