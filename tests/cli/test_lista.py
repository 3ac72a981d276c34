"""`intervjufas lista`: the table and JSON of the reports folder, read from front matter only."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS, command, run_cli
from intervjufas.reading.listing import list_reports
from intervjufas.report.front_matter import read_front_matter

FIXTURES = FIXTURE_REPORTS

STATUS_CODES = {"klar": "klar", "påbörjad": "paborjad", "ej påbörjad": "ej_paborjad"}


def steps(statuses: dict[str, str]) -> list[dict[str, object]]:
    """``lista --json``'s steps: number, id, status code and status in words."""
    return [
        {"steg": number, "id": step, "status": STATUS_CODES[status], "status_text": status}
        for number, (step, status) in enumerate(statuses.items(), start=1)
    ]


EXPECTED = [
    {
        "datum": "2024-03-05",
        "uppdrag": "Plockare till Nordlager",
        "kund": "nordlager ab",
        "intervjuform": ["Snabbintervju"],
        "stegen": steps({"processen": "klar", "reflektera": "påbörjad"}),
        "antal_oppna_moment": 1,
        "fil": "2024-03-05-plockare-till-nordlager.md",
        "uppsattning": "snabbformat",
        "forfattare": "",
    },
    {
        "datum": "2024-02-28",
        "uppdrag": "Kundtjänst till Servicebolaget",
        "kund": "Servicebolaget",
        "intervjuform": ["Snabbintervju"],
        "stegen": steps({"fore": "påbörjad", "under": "påbörjad", "efter": "ej påbörjad"}),
        "antal_oppna_moment": 1,
        "fil": "2024-02-28-kundtjanst-till-servicebolaget.md",
        "uppsattning": "kartlaggning",
        "forfattare": "",
    },
    {
        "datum": "2024-02-20",
        "uppdrag": "Truckförare till Nordlager",
        "kund": "Nordlager AB",
        "intervjuform": ["Telefonintervju", "Snabbintervju"],
        "stegen": steps({"fore": "klar", "under": "påbörjad", "efter": "påbörjad"}),
        "antal_oppna_moment": 3,
        "fil": "2024-02-20-truckforare-till-nordlager.md",
        "uppsattning": "kartlaggning",
        "forfattare": "",
    },
    {
        "datum": "2024-01-15",
        "uppdrag": "Lagerarbetare till Nordlager",
        "kund": "Nordlager AB",
        "intervjuform": ["Telefonintervju", "Konventionell intervju"],
        "stegen": steps({"fore": "klar", "under": "klar", "efter": "klar"}),
        # two planned items; the later report followed one of them up as "Genomfört"
        "antal_oppna_moment": 1,
        "fil": "2024-01-15-lagerarbetare-till-nordlager.md",
        "uppsattning": "kartlaggning",
        "forfattare": "",
    },
]
BROKEN_WARNING = "Varning: 2024-03-10-trasig.md: huvudet är inte giltig YAML (rad 9): "


lista = command("lista", columns=200)


def test_the_fixtures_keep_their_hand_edits():
    crlf = (FIXTURES / "2024-02-28-kundtjanst-till-servicebolaget.md").read_bytes()
    assert b"\r\n" in crlf and b"\n" not in crlf.replace(b"\r\n", b"")
    edited = (FIXTURES / "2024-02-20-truckforare-till-nordlager.md").read_text(encoding="utf-8")
    assert "### Så här förbereder jag kunden <!-- fraga: fore_kunden -->" in edited
    assert "<!-- fraga: egen_anteckning -->" in (
        FIXTURES / "2024-03-05-plockare-till-nordlager.md"
    ).read_text(encoding="utf-8")


def test_json_lists_every_readable_report_newest_first(reports: Path):
    result = lista("--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["format"] == 2
    data = data["rapporter"]
    assert [{k: v for k, v in row.items() if k != "sokvag"} for row in data] == EXPECTED
    assert [row["sokvag"] for row in data] == [str(reports / row["fil"]) for row in EXPECTED]
    assert result.stderr.startswith(BROKEN_WARNING)
    assert result.stderr.count("\n") == 1


def terminal_output(folder: Path, width: int, *, colour: bool = False) -> str:
    """What lista shows in a terminal of the given width."""
    from io import StringIO

    from rich.console import Console

    from intervjufas.views.listing import show_listing

    console = Console(
        file=StringIO(), width=width, force_terminal=True, color_system="truecolor" if colour else None
    )
    show_listing(console, list_reports(folder))
    return console.file.getvalue()


def test_piped_list_is_one_line_per_report_and_warns_about_the_broken_file(reports: Path):
    result = lista()
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    for title in ("Datum", "Uppdrag", "Kund", "Intervjuform", "Steg klara", "Öppna moment", "Fil"):
        assert title in lines[0]
    rows = lines[1:5]
    assert [row.split()[0] for row in rows] == ["2024-03-05", "2024-02-28", "2024-02-20", "2024-01-15"]
    assert [row.split()[-1] for row in rows] == [item["fil"] for item in EXPECTED]
    first = rows[0]
    assert "Plockare till Nordlager" in first and "nordlager ab" in first and "Snabb " in first
    assert "1 (2)" in first
    assert "(1) (2) ·" in rows[1]
    assert "1 (2) (3)" in rows[2]
    assert " 1 2 3 " in rows[3]
    assert [row.split()[-2] for row in rows] == ["1", "1", "3", "1"]
    assert lines[5].startswith("4 rapporter i")
    # the columns line up: every row's file name starts where the header's Fil does
    column = lines[0].index("Fil")
    assert all(row[column:] == item["fil"] for row, item in zip(rows, EXPECTED, strict=True))
    assert result.stderr.startswith(BROKEN_WARNING)


def test_wide_terminal_gives_the_file_a_column(reports: Path):
    lines = terminal_output(reports, 200).splitlines()
    header = " ".join(lines[:2])
    for title in ("Datum", "Uppdrag", "Kund", "Intervjuform", "Steg", "klara", "Öppna", "moment", "Fil"):
        assert title in header
    rows = [line for line in lines if line[:4] == "2024"]
    assert [row.split()[-1] for row in rows] == [item["fil"] for item in EXPECTED]


def test_narrower_terminal_puts_the_file_on_a_line_under_its_row(reports: Path):
    output = terminal_output(reports, 80)
    lines = output.splitlines()
    assert "Fil" not in lines[1]
    assert all(len(line) <= 80 for line in lines)
    for item in EXPECTED:  # whole, indented under the row
        assert f"\n            {item['fil']}\n" in output
    assert "Servicebolaget  " in output  # whole words in the columns
    assert "Servicebolag\n" not in output


def test_narrow_terminal_stacks_each_report(reports: Path):
    output = terminal_output(reports, 60)
    lines = output.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert lines[:4] == [
        "2024-03-05 Plockare till Nordlager",
        "  Kund: nordlager ab · Intervjuform: Snabb",
        "  Öppna moment: 1 · Steg klara: 1 (2)",
        "  2024-03-05-plockare-till-nordlager.md",
    ]
    assert "  Kund: Nordlager AB · Intervjuform: Telefon, Konventionell" in lines
    narrow = terminal_output(reports, 40).splitlines()
    assert all(len(line) <= 40 for line in narrow)
    assert "  2024-02-28-kundtjanst-till-" in narrow  # a long file name breaks after a hyphen
    assert "  servicebolaget.md" in narrow


def test_a_narrow_terminal_never_gets_lines_longer_than_itself(reports: Path):
    for columns in (40, 50, 60, 66, 72, 80, 100, 120, 140, 200):
        table = terminal_output(reports, columns).splitlines()[:-2]  # the closing note wraps by itself
        assert all(len(line) <= columns for line in table), columns


def test_empty_and_missing_folder(tmp_path: Path):
    empty = run_cli("lista", "--katalog", str(tmp_path))
    assert empty.exit_code == 0
    assert "Det finns inga rapporter i" in empty.stdout
    assert empty.stderr == ""
    for json_output in ([], ["--json"]):  # a mistyped folder is no empty folder
        missing = run_cli("lista", "--katalog", str(tmp_path / "finns-inte"), *json_output)
        assert (missing.exit_code, missing.stdout) == (1, "")
        assert missing.stderr.startswith(f"Fel: Rapportmappen {tmp_path / 'finns-inte'} finns inte.")
    result = run_cli("lista", "--katalog", str(tmp_path), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"format": 2, "rapporter": []}


def test_katalog_option_wins_over_the_environment(reports: Path, tmp_path: Path):
    other = tmp_path / "annan"
    other.mkdir()
    shutil.copy(reports / "2024-01-15-lagerarbetare-till-nordlager.md", other)
    result = run_cli("lista", "-k", str(other), "--json")
    assert [row["fil"] for row in json.loads(result.stdout)["rapporter"]] == [
        "2024-01-15-lagerarbetare-till-nordlager.md"
    ]
    # Alone in its folder, nothing follows its first item up: both planned items are open.
    assert json.loads(result.stdout)["rapporter"][0]["antal_oppna_moment"] == 2


GOOD = (FIXTURES / "2024-01-15-lagerarbetare-till-nordlager.md").read_bytes()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"# Bara en rubrik\n", "huvudet (YAML mellan två rader med ---) saknas överst"),
        (b"---\nformat: 1\nid: x\n", "huvudet avslutas aldrig med en rad med ---"),
        (b"---\n- en lista\n---\n", "huvudet är inte nycklar med värden"),
        (b"---\nformat: 7\nid: x\nfragor: {id: kartlaggning}\n---\n", "okänt rapportformat 7"),
        (b"---\nformat: 1\nfragor: {id: kartlaggning}\n---\n", "huvudet saknar rapportens 'id'"),
        (b"---\nformat: 1\nid: x\n---\n", "huvudet saknar 'fragor'"),
        (b"---\nformat: 1\nid: x\nfragor: {id: k}\nmetadata: [a]\n---\n", "'metadata' i huvudet ska vara"),
        (b"---\nformat: 1\nid: \xff\xfe\n---\n", "är inte en UTF-8-textfil"),
        (b"---\nformat: 1\nid: !!python/name:os.system x\n---\n", "huvudet är inte giltig YAML (rad 3)"),
    ],
)
def test_each_unreadable_file_is_one_warning_line(reports: Path, content: bytes, problem: str):
    (reports / "2024-03-10-trasig.md").unlink()
    (reports / "0000-trasig.md").write_bytes(content)
    result = lista("--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["rapporter"]) == 4
    assert result.stderr.startswith(f"Varning: 0000-trasig.md: {problem}"), result.stderr
    assert result.stderr.count("\n") == 1


def test_a_folder_that_cannot_be_read_is_an_error(tmp_path: Path):
    not_a_folder = tmp_path / "fil.md"
    not_a_folder.write_text("x", encoding="utf-8")
    result = run_cli("lista", "--katalog", str(not_a_folder))
    assert result.exit_code == 1
    assert result.stderr == f"Fel: Rapportmappen {not_a_folder} är ingen mapp.\n"


def test_hand_edited_header_is_read_as_yaml(reports: Path):
    path = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  datum: '2024-01-15'\n", "  datum: 2024-01-17  # ändrad för hand\n")
    text = text.replace(
        "  intervjuform:\n  - Telefonintervju\n  - Konventionell intervju\n",
        "  intervjuform: [Snabbintervju]\n",
    )
    path.write_text(text, encoding="utf-8")
    row = next(r for r in list_reports(reports).reports if r.path == path)
    assert row.datum == "2024-01-17"
    assert row.intervjuform == ("Snabbintervju",)


def test_byte_order_mark_and_crlf_are_read(reports: Path):
    path = reports / "2024-01-15-lagerarbetare-till-nordlager.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    header = read_front_matter(path)
    assert header["metadata"]["kund"] == "Nordlager AB"
    assert header["steg"] == {"fore": "klar", "under": "klar", "efter": "klar"}


# -- presentation helpers -----------------------------------------------------------------------


def test_terminal_table_reads_the_same_without_colour(reports: Path):
    for width in (80, 160):
        output = terminal_output(reports, width, colour=True)
        assert "\x1b[32m1\x1b[0m" in output  # a finished step in green
        assert re.sub(r"\x1b\[[0-9;]*m", "", output) == terminal_output(reports, width)
