"""Personal data in an answers file (``--svar``): one ``Varning:`` per finding naming the file, the
line of the answer, the question id and the kind (masked), the report still written; with
``--strikt`` the same lines as errors, exit 1 and nothing written."""

from __future__ import annotations

from pathlib import Path

from helpers import command
from intervjufas.questionsets.catalog import builtin_set
from intervjufas.report.parse import parse

kartlagg = command("kartlagg")
snabb = command("snabb")

ANSWERS = """\
uppdrag: Lagerarbetare till Nordlager
kund: Nordlager AB
fore_kunden: |
  Vi går igenom kravprofilen.
  Kandidaten nås på 070-123 45 67 eller anna.svensson@exempel.se.
fore_lagga_till: Ja
fore_lagga_till_vad:
  - moment: Samtal med 811218-9876 inför intervjun
    varfor: Tryggare kandidat
fore_utveckla: Nej
fore_ta_bort: Nej
fore_betyg_kund: 4
"""
CLEAN = """\
uppdrag: Lagerarbetare till Nordlager
fore_kunden: Vi går igenom kravprofilen och ringer varje kandidat dagen innan.
fore_lagga_till: Nej
fore_utveckla: Nej
fore_ta_bort: Nej
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "svar.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_each_finding_is_a_warning_and_the_report_is_written(tmp_path: Path, reports_dir: Path) -> None:
    answers = write(tmp_path, ANSWERS)
    result = kartlagg("--svar", str(answers), "--steg", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Varning: {answers}:3: 'fore_kunden' innehåller det som ser ut som ett telefonnummer (***-*** 45 67).",
        f"Varning: {answers}:3: 'fore_kunden' innehåller det som ser ut som en e-postadress (a***@exempel.se).",
        f"Varning: {answers}:7: 'fore_lagga_till_vad' innehåller det som ser ut som ett personnummer "
        "(******-9876).",
    ]
    [path] = reports_dir.glob("*.md")
    report = parse(path.read_text(encoding="utf-8"), builtin_set("kartlaggning"))
    assert "070-123 45 67" in str(report.answers["fore_kunden"].value)
    assert "Rapporten är sparad i" in result.stdout


def test_strict_makes_findings_errors_and_writes_nothing(tmp_path: Path, reports_dir: Path) -> None:
    answers = write(tmp_path, ANSWERS)
    result = kartlagg("--svar", str(answers), "--steg", "1", "--strikt")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 4
    assert all(line.startswith("Fel: ") for line in lines)
    assert lines[0] == (
        f"Fel: {answers}:3: 'fore_kunden' innehåller det som ser ut som ett telefonnummer (***-*** 45 67)."
    )
    assert lines[-1] == (
        f"Fel: Svarsfilen {answers} innehåller det som ser ut som personuppgifter (3 fynd); med --strikt "
        "sparas ingenting. Skriv om svaren och kör igen."
    )
    assert result.stdout == ""
    assert not reports_dir.exists() or list(reports_dir.iterdir()) == []


def test_strict_with_a_clean_file_writes_the_report_without_warnings(
    tmp_path: Path, reports_dir: Path
) -> None:
    result = kartlagg("--svar", str(write(tmp_path, CLEAN)), "--steg", "1", "--strikt")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert len(list(reports_dir.glob("*.md"))) == 1


def test_the_warnings_never_show_the_full_numbers(tmp_path: Path) -> None:
    for strict in ([], ["--strikt"]):
        result = kartlagg("--svar", str(write(tmp_path, ANSWERS)), "--steg", "1", *strict)
        for secret in ("070-123 45 67", "anna.svensson", "811218-9876"):
            assert secret not in result.stderr


def test_strict_without_an_answers_file_is_a_usage_error(reports_dir: Path) -> None:
    result = snabb("--strikt")
    assert result.exit_code == 2
    assert result.stderr == "Fel: --strikt gäller svar från en fil och kräver --svar FIL. Se 'intervjufas snabb --help'.\n"


def test_answers_not_from_the_file_are_not_reported(tmp_path: Path, reports_dir: Path) -> None:
    """Defaults from an earlier report (--utga-fran) were checked when they were typed; only the
    file's own answers are named, with the file's lines."""
    first = kartlagg("--svar", str(write(tmp_path, ANSWERS)), "--steg", "1")
    assert first.exit_code == 0
    [earlier] = reports_dir.glob("*.md")
    again = kartlagg(
        "--svar", str(write(tmp_path, "uppdrag: Nytt uppdrag\n")), "--steg", "1", "--utga-fran", earlier.name
    )
    assert again.exit_code == 0, again.output
    assert again.stderr == ""


def test_piped_plain_answers_are_warned_about_but_not_asked_about(reports_dir: Path) -> None:
    """With ``--enkel`` and the answers piped in, a question of the guard's own would eat the next
    line: the answer is kept with a warning, and the next line answers the next question."""
    result = snabb("--enkel", input="Lager, ring 070-123 45 67\nNordlager AB\n")
    assert result.exit_code == 130  # the piped answers ran out
    assert (
        "Varning: Svaret innehåller det som ser ut som ett telefonnummer (***-*** 45 67).\n" in result.stdout
    )
    assert "Vad vill du göra med svaret?" not in result.stdout
    [path] = reports_dir.glob("*.md")
    report = parse(path.read_text(encoding="utf-8"), builtin_set("snabbformat"))
    assert report.answers["uppdrag"].value == "Lager, ring 070-123 45 67"
    assert report.answers["kund"].value == "Nordlager AB"


def test_the_forms_word_processors_and_people_write_are_caught_with_strikt(
    tmp_path: Path, reports_dir: Path
) -> None:
    answers = write(
        tmp_path,
        "uppdrag: Lagerarbetare till Nordlager\n"
        "fore_kunden: Kandidaten 850412–1230 nås på 070.123.45.67 eller namn (at) firma [dot] se.\n"
        "fore_kandidaten: Bokningen 20240305-1200 flyttades till 08.12.2026 kl. 08.30–12.00.\n"
        "fore_lagga_till: Nej\nfore_utveckla: Nej\nfore_ta_bort: Nej\n",
    )
    result = kartlagg("--svar", str(answers), "--steg", "1", "--strikt")
    assert result.exit_code == 1
    found = "'fore_kunden' innehåller det som ser ut som"
    assert result.stderr.splitlines()[:3] == [
        f"Fel: {answers}:2: {found} ett personnummer (******–1230).",
        f"Fel: {answers}:2: {found} ett telefonnummer (***.***.45.67).",
        f"Fel: {answers}:2: {found} en e-postadress (n***@firma.se).",
    ]
    assert "fore_kandidaten" not in result.stderr  # (a date and time, a date, a time range)
    assert not list(reports_dir.glob("*.md"))
