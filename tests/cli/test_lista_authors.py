"""Authors in ``lista``: ``--av NAMN`` (case and accents aside, the start of a name is enough; in
``--json`` too), and a column for the author once the folder has reports by more than one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import command
from intervjufas.reading.listing import by_author

lista = command("lista", columns=200)
AUTHORS = {
    "2024-01-15-lagerarbetare-till-nordlager.md": "Åsa Lind",
    "2024-02-20-truckforare-till-nordlager.md": "Jonas Ek",
    "2024-02-28-kundtjanst-till-servicebolaget.md": "åsa lind",
}


@pytest.fixture
def shared(reports: Path) -> Path:
    """The fixture reports, three of them with an author (one not)."""
    for name, author in AUTHORS.items():
        path = reports / name
        data = path.read_bytes()
        newline = b"\r\n" if b"\r\n" in data else b"\n"
        path.write_bytes(
            data.replace(
                b"format: 1" + newline, b"format: 1" + newline + f"forfattare: {author}".encode() + newline, 1
            )
        )
    return reports


@pytest.mark.parametrize(
    ("author", "given", "matches"),
    [
        ("Åsa Lind", "asa", True),
        ("Åsa Lind", "ÅSA L", True),
        ("Åsa Lind", "lind", True),
        ("Anna-Karin Berg", "anna", True),
        ("Johanna Berg", "anna", False),
        ("Søren Ørn", "soren orn", True),
        ("Åsa Lind", "åsa berg", False),
        ("", "asa", False),
        ("Åsa Lind", "!!", False),
    ],
)
def test_an_author_matches_by_the_start_of_each_word(author: str, given: str, matches: bool) -> None:
    assert by_author(author, given) is matches


def test_av_lists_only_that_author_s_reports_in_json_too(shared: Path) -> None:
    result = lista("--av", "ASA", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["rapporter"]
    assert [row["fil"] for row in data] == [
        "2024-02-28-kundtjanst-till-servicebolaget.md",
        "2024-01-15-lagerarbetare-till-nordlager.md",
    ]
    assert [row["forfattare"] for row in data] == ["åsa lind", "Åsa Lind"]


def test_the_author_column_shows_when_more_than_one_made_the_reports(shared: Path) -> None:
    result = lista()
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["Datum", "Uppdrag", "Kund", "Författare"]
    truck = next(line for line in lines if "truckforare" in line)
    assert "Jonas Ek" in truck
    plock = next(line for line in lines if "plockare" in line)
    assert " – " in plock  # no author recorded
    one = lista("--av", "jonas")
    assert "Författare" not in one.stdout  # one author: no column
    assert one.stdout.splitlines()[-1].startswith("1 rapport av jonas i ")


def test_one_author_and_none_recorded_show_no_column(reports: Path) -> None:
    assert "Författare" not in lista().stdout


@pytest.mark.parametrize("width", [200, 100, 60, 30])
def test_the_author_is_shown_at_every_width(shared: Path, width: int) -> None:
    from io import StringIO

    from rich.console import Console

    from intervjufas.reading.listing import list_reports
    from intervjufas.views.listing import show_listing

    console = Console(file=StringIO(), width=width, force_terminal=True, color_system=None)
    show_listing(console, list_reports(shared))
    out = console.file.getvalue()
    assert "Jonas Ek" in out and ("Författare" in out)
    assert all(len(line) <= width for line in out.splitlines()[:-1])


def test_no_report_by_that_author_is_one_friendly_line(shared: Path) -> None:
    result = lista("--av", "Kalle")
    assert result.exit_code == 0
    assert result.stdout.startswith("Det finns inga rapporter av Kalle i ")
    assert json.loads(lista("--av", "Kalle", "--json").stdout) == {"format": 2, "rapporter": []}
