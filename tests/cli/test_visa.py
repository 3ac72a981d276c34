"""`intervjufas visa`: a report rendered for reading, plain when piped, paged when long."""

from __future__ import annotations

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from helpers import FIXTURE_REPORTS, command, run_cli
from intervjufas.reading.shown_report import shown_report
from intervjufas.views.report import show_report

FIXTURES = FIXTURE_REPORTS
ANSI = re.compile(r"\x1b\[[0-9;]*m")


visa = command("visa")


def test_piped_output_is_the_plain_report_without_program_comments(reports: Path):
    result = visa("2024-02-20")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Kartlägg intervjufasen: Truckförare till Nordlager\n\n")
    assert "<!--" not in text and "-->" not in text
    assert "\x1b[" not in text
    assert "Kund:          Nordlager AB\n" in text
    assert "Intervjuform:  Telefonintervju, Snabbintervju\n" in text
    assert "Senast ändrad: 2024-02-20 13:40\n" in text
    # the facts appear once: the derived list under the title is replaced by the table above
    assert text.count("Nordlager AB") == 1
    # the hand edits: a reworded heading and an edited answer are shown as the file has them
    assert "### Så här förbereder jag kunden\n\nVi går igenom kravprofilen, intervjufrågorna" in text
    assert "Kandidaten vet vad som väntar och känner sig välkommen." in text
    assert "## Uppföljning av tidigare utvecklingsplan" in text
    assert "| Steg 3 | Lägga till | Utvärdering med kunden | Lära till nästa uppdrag |" in text
    assert "\n\n\n" not in text


def test_crlf_report_and_unknown_ids_are_shown(reports: Path):
    crlf = visa("2024-02-28-kundtjanst-till-servicebolaget.md")
    assert crlf.exit_code == 0, crlf.output
    assert "\r" not in crlf.stdout
    assert "Kollega:       Anna Berg" in crlf.stdout
    extra = visa("2024-03-05")
    assert "### Egen anteckning\n\nKunden vill prova videointervjuer nästa gång." in extra.stdout


def test_report_named_by_path_or_file_name(reports: Path, tmp_path: Path):
    elsewhere = tmp_path / "kopia.md"
    shutil.copy(reports / "2024-01-15-lagerarbetare-till-nordlager.md", elsewhere)
    by_path = visa(str(elsewhere))
    by_name = visa("2024-01-15-lagerarbetare-till-nordlager.md")
    assert by_path.exit_code == by_name.exit_code == 0
    assert by_path.stdout == by_name.stdout


def test_broken_ambiguous_and_missing_reports_are_one_line_errors(reports: Path):
    broken = visa("2024-03-10")
    assert broken.exit_code == 1
    assert broken.stderr.startswith("Fel: ")
    assert "2024-03-10-trasig.md:9: huvudet är inte giltig YAML" in broken.stderr
    missing = visa("2023")
    assert missing.exit_code == 1
    assert f"(letade i {reports})" in missing.stderr
    for result in (broken, missing):
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.output


def test_several_matches_are_listed_with_their_dates_when_nobody_can_choose(reports: Path):
    ambiguous = visa("2024-02", columns=200)
    assert ambiguous.exit_code == 1
    assert ambiguous.stdout == ""
    assert ambiguous.stderr.splitlines() == [
        f"Fel: '2024-02' passar 2 rapporter i {reports}:",
        "  2024-02-28  Kundtjänst till Servicebolaget · Servicebolaget  (2024-02-28-kundtjanst-till-servicebolaget.md)",
        "  2024-02-20  Truckförare till Nordlager · Nordlager AB  (2024-02-20-truckforare-till-nordlager.md)",
        "Ange rapporten med fler ord, ett datum eller filnamnet.",
    ]


def _terminal(height: int = 1000, **options) -> Console:
    return Console(file=StringIO(), force_terminal=True, width=90, height=height, **options)


def test_terminal_rendering_is_formatted_markdown(reports: Path):
    console = _terminal(color_system="truecolor")
    show_report(console, shown_report(reports / "2024-01-15-lagerarbetare-till-nordlager.md"), pager=False)
    output = console.file.getvalue()
    assert "\x1b[" in output
    plain = ANSI.sub("", output)
    assert "Kartlägg intervjufasen: Lagerarbetare till Nordlager" in plain
    assert "Steg 1: Före intervjun" in plain
    assert "## " not in plain and "<!--" not in plain and "**" not in plain
    assert "Tjänst/roll" in plain and "Lagerarbetare" in plain


def test_long_reports_go_through_the_pager(reports: Path, monkeypatch: pytest.MonkeyPatch):
    shown: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        "rich.pager.SystemPager.show", lambda self, content: shown.append((content, os.environ.get("LESS")))
    )
    monkeypatch.delenv("LESS", raising=False)
    view = shown_report(reports / "2024-01-15-lagerarbetare-till-nordlager.md")
    console = _terminal(height=20, color_system="truecolor")
    show_report(console, view)
    assert len(shown) == 1
    content, less = shown[0]
    assert "Steg 3: Efter intervjun" in ANSI.sub("", content)
    assert "\x1b[" in content  # styles are kept for the pager …
    assert less == "FRX"  # … less shows them, and leaves the report on the screen when it quits
    assert "LESS" not in os.environ  # (only the pager is given it)
    assert console.file.getvalue() == ""

    shown.clear()
    show_report(_terminal(height=20), view, pager=False)
    show_report(_terminal(height=10_000), view)
    assert shown == []


@pytest.mark.parametrize(("own", "used"), [("i", "i -R"), ("-RS", "-RS"), ("", "-R")])
def test_the_users_own_less_options_are_kept(
    reports: Path, monkeypatch: pytest.MonkeyPatch, own: str, used: str
):
    seen: list[str | None] = []
    monkeypatch.setattr(
        "rich.pager.SystemPager.show", lambda self, content: seen.append(os.environ.get("LESS"))
    )
    monkeypatch.setenv("LESS", own)
    show_report(
        _terminal(height=20), shown_report(reports / "2024-01-15-lagerarbetare-till-nordlager.md"), less=own
    )
    assert seen == [used]
    assert os.environ["LESS"] == own


def test_ingen_pager_option_is_accepted(reports: Path):
    result = visa("2024-01-15", "--ingen-pager")
    assert result.exit_code == 0
    assert "Steg 3: Efter intervjun" in result.stdout


def test_help_is_swedish():
    result = run_cli("visa", "--help")
    assert result.exit_code == 0
    assert "Användning: intervjufas visa [FLAGGOR] {RAPPORT}" in result.stdout
    assert "--ingen-pager" in result.stdout and "bläddring" in result.stdout
