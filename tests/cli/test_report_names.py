"""Every command that takes a RAPPORT finds it by words from the assignment or customer: one match
is used, several are offered in a menu on a terminal, or listed with their dates (exit 1) when
nobody can choose."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli
from intervjufas.terminal import TerminalFacts

FIRST = "2024-01-15-lagerarbetare-till-nordlager.md"
SECOND = "2024-02-20-truckforare-till-nordlager.md"
QUICK = "2024-03-05-plockare-till-nordlager.md"
DUMB_TERMINAL = TerminalFacts(stdin_is_terminal=True, stdout_is_terminal=True, term="dumb")

STEP_1 = """\
uppdrag: Butikssäljare till Centrumhuset
kund: Centrumhuset
fore_kunden: Kravprofil
fore_lagga_till: nej
fore_utveckla: nej
fore_ta_bort: nej
"""
STEP_2 = """\
under_struktur: Ja
under_syfte: Ja
under_lagga_till: nej
under_utveckla: nej
under_ta_bort: nej
"""


def test_visa_by_words(reports: Path) -> None:
    result = run_cli("visa", "Lagerarbetare")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Kartlägg intervjufasen: Lagerarbetare till Nordlager\n")


def test_several_matches_without_a_terminal_are_listed_newest_first(reports: Path) -> None:
    result = run_cli("visa", "lager")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"Fel: 'lager' passar 3 rapporter i {reports}:"
    assert [line.split()[0] for line in lines[1:4]] == ["2024-03-05", "2024-02-20", "2024-01-15"]
    assert lines[1].endswith(f"({QUICK})")
    assert lines[-1] == "Ange rapporten med fler ord, ett datum eller filnamnet."


def test_a_menu_on_a_terminal(reports: Path) -> None:
    result = run_cli("visa", "lager", "--ingen-pager", facts=DUMB_TERMINAL, input="2\n")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "'lager' passar 3 rapporter." in out
    assert "Vilken rapport menar du?" in out
    assert f"  1) 2024-03-05  Plockare till Nordlager · nordlager ab  ({QUICK})" in out
    assert f"  2) 2024-02-20  Truckförare till Nordlager · Nordlager AB  ({SECOND})" in out
    assert "Truckförare" in out.split("Vilken rapport menar du?")[-1].split("\n", 3)[-1]  # the chosen report


def test_the_end_of_input_in_the_menu_stops_quietly(reports: Path) -> None:
    result = run_cli("visa", "lager", facts=DUMB_TERMINAL, input="")  # (Ctrl-D)
    assert result.exit_code == 130
    assert result.stderr.strip() == "Avbrutet."


def test_jamfor_by_words(reports: Path) -> None:
    one = run_cli("jamfor", "truckförare", columns=200)
    assert one.exit_code == 0, one.output
    assert f"A: {FIRST}" in one.stdout and f"B: {SECOND}" in one.stdout
    two = run_cli("jamfor", "lagerarbetare", "truckfor", columns=200)
    assert two.stdout == one.stdout


def test_fortsatt_and_utga_fran_by_words(reports_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "steg1.yaml").write_text(STEP_1, encoding="utf-8")
    (tmp_path / "steg2.yaml").write_text(STEP_2, encoding="utf-8")
    made = run_cli("kartlagg", "--steg", "1", "--svar", str(tmp_path / "steg1.yaml"))
    assert made.exit_code == 0, made.output
    (path,) = reports_dir.glob("*.md")
    resumed = run_cli(
        "kartlagg", "--fortsatt", "centrumhuset", "--steg", "2", "--svar", str(tmp_path / "steg2.yaml")
    )
    assert resumed.exit_code == 0, resumed.output
    assert list(reports_dir.glob("*.md")) == [path]
    assert "under_struktur" in path.read_text(encoding="utf-8")
    again = run_cli(
        "kartlagg", "--utga-fran", "butikssaljare", "--steg", "1", "--svar", str(tmp_path / "steg1.yaml")
    )
    assert again.exit_code == 0, again.output
    assert len(list(reports_dir.glob("*.md"))) == 2


@pytest.mark.parametrize("option", ["--fortsatt", "--utga-fran"])
def test_fortsatt_and_utga_fran_list_several_matches(reports: Path, tmp_path: Path, option: str) -> None:
    (tmp_path / "steg2.yaml").write_text(STEP_2, encoding="utf-8")
    result = run_cli("kartlagg", option, "nordlager", "--svar", str(tmp_path / "steg2.yaml"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Fel: 'nordlager' passar 3 rapporter i {reports}:\n")


def test_menu_labels_fit_the_terminal_and_tell_the_reports_apart(reports: Path) -> None:
    from intervjufas.folder.finding import find_reports
    from intervjufas.views.prompting.report_menu import menu_labels

    found = find_reports("nordlager", reports)
    assert menu_labels(found, 200)[0] == f"2024-03-05  Plockare till Nordlager · nordlager ab  ({QUICK})"
    assert menu_labels(found, 60) == [
        "2024-03-05  Plockare till Nordlager",
        "2024-02-20  Truckförare till Nordlager",
        "2024-01-15  Lagerarbetare till Nordlager",
    ]
    assert menu_labels(found, 30) == menu_labels(found, 60)  # (the shortest that still tells them apart)
    twin = reports / "2024-01-15-lagerarbetare-till-nordlager-2.md"
    twin.write_text((reports / FIRST).read_text(encoding="utf-8"), encoding="utf-8")
    labels = menu_labels(find_reports("lagerarbetare", reports), 60)
    assert len(set(labels)) == 2 and all(label.endswith(".md") for label in labels)
    assert menu_labels(found, None) == [report.label for report in found]  # plain lines are never cut
