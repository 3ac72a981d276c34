"""`visa` draws the report's process map as `karta` does (side by side when wide, one phase under
the other when narrow), never shows Mermaid source or the program's comments – in a terminal or a
pipe – and wraps a terminal's tables at spaces instead of cutting cells with "…"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURE_REPORTS, run_cli
from map_samples import FIRST, SECOND, write_sample_reports

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
MERMAID = ("mermaid", "flowchart", "subgraph", "classDef", "p1m1", "-->", "```")
# Words of the maps and the tables that must stay whole at every width.
WORDS = ["Förberedande", "Dubbelbokning", "Återkoppling", "nervositeten", "Tydligare", "information"]
TABLE_WORDS = ["Kandidatens", "Utvärdering", "uppdrag", "händer"]


@pytest.fixture
def maps(reports_dir: Path) -> Path:
    write_sample_reports(reports_dir)
    for name in ("2024-01-15-lagerarbetare-till-nordlager.md", "2024-02-20-truckforare-till-nordlager.md"):
        shutil.copy(FIXTURE_REPORTS / name, reports_dir)
    return reports_dir


def in_terminal(args: list[str], columns: int) -> str:
    """What ``visa`` shows in a terminal ``columns`` wide (tall enough for no pager), uncoloured."""
    result = run_cli(*args, columns=columns, env={"TTY_COMPATIBLE": "1", "LINES": "5000", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return ANSI.sub("", result.stdout)


def no_program_text(output: str) -> None:
    assert "<!--" not in output
    for word in MERMAID:
        assert word not in output, word
    assert not re.search(r"\b(?:moment|atgard|fraga|steg|avsnitt): [0-9a-z_]+", output)


@pytest.mark.parametrize("columns", [40, 60, 80, 100, 120])
def test_the_map_is_drawn_in_a_terminal_of_any_width(maps: Path, columns: int) -> None:
    output = in_terminal(["visa", FIRST], columns)
    no_program_text(output)
    assert max(len(line.rstrip()) for line in output.splitlines()) <= columns
    assert "…" not in output
    tokens = set(output.split())
    for word in WORDS:
        assert any(word in token for token in tokens), (word, columns)
    assert "Teckenförklaring: + Nytt · ↗ Utveckla · ✕ Ta bort" in " ".join(output.split())
    if columns >= 90:  # the phases side by side, as karta draws them
        assert re.search(r"^Före intervjun +Under intervjun +Efter intervjun *$", output, re.MULTILINE)
    else:  # one under the other
        assert re.search(r"^Före intervjun *\n(?: *\n)?\s+Kravprofil", output, re.MULTILINE)
        assert re.search(r"^  ↗ Kallelse *$", output, re.MULTILINE)


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_tables_wrap_at_spaces(maps: Path, columns: int) -> None:
    output = in_terminal(["visa", "2024-02-20-truckforare"], columns)
    no_program_text(output)
    assert "…" not in output
    assert max(len(line.rstrip()) for line in output.splitlines()) <= columns
    tokens = set(output.split())
    for word in TABLE_WORDS:
        assert word in tokens or any(token.startswith(word) for token in tokens), (word, columns)
    assert "|" not in output  # drawn, not Markdown


def test_a_table_that_fits_is_a_grid_and_one_that_does_not_is_row_by_row(maps: Path) -> None:
    wide = in_terminal(["visa", "2024-02-20-truckforare"], 120)
    assert re.search(r"^Steg +Typ +Moment +Varför *$", wide, re.MULTILINE)
    assert re.search(r"^Steg 3 +Lägga till +Utvärdering med kunden +Lära till nästa uppdrag *$", wide, re.MULTILINE)
    narrow = in_terminal(["visa", "2024-02-20-truckforare"], 24)
    assert "…" not in narrow
    assert re.search(r"^Steg 3 *\n  Typ: Lägga till *\n  Moment: Utvärdering *\n  med kunden", narrow, re.MULTILINE)


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_piped_the_map_is_drawn_as_plain_text(maps: Path, columns: int) -> None:
    result = run_cli("visa", SECOND, columns=columns)
    assert result.exit_code == 0, result.output
    out = result.stdout
    no_program_text(out)
    assert "\x1b[" not in out
    section = out[out.index("## Processkarta\n") : out.index("## Utvecklingsplan")]
    assert section.startswith("## Processkarta\n\nFöre intervjun\n    Genomgång av kravprofilen\n")
    assert "  ✓ Kallelse\n      Berör: kandidaten\n      Utvecklat 2024-02-20\n" in section
    assert "  ↗ Intervju\n" in section
    # items of the first report still open as of this one keep their marks (one plan state)
    assert "  + Checklista till kunden\n" in section and "  ✕ Dubbelbokning\n" in section
    assert "Teckenförklaring: + Nytt · ↗ Utveckla · ✕ Ta bort · ✓ Utvecklat" in " ".join(section.split())
    assert "| Fas |" not in out  # the map's table gives way to the drawing
    assert max(len(line) for line in section.splitlines()) <= columns
    # the plan's table stays one Markdown row per item, whole
    assert "| Steg 2 | Utveckla | Intervju | Mer struktur |" in out


def test_the_consultants_own_notes_in_the_map_section_stay(maps: Path) -> None:
    path = maps / SECOND
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\n## Utvecklingsplan", "Egen anteckning om kartan.\n\n## Utvecklingsplan"), encoding="utf-8"
    )
    out = run_cli("visa", SECOND).stdout
    drawn = out.index("Teckenförklaring:")
    assert drawn < out.index("Egen anteckning om kartan.") < out.index("## Utvecklingsplan")
    no_program_text(out)


def test_comments_typed_by_the_consultant_are_text(maps: Path) -> None:
    path = maps / SECOND
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\nSå skrivs en kommentar: \\<!-- så här -->\n", encoding="utf-8")
    out = run_cli("visa", SECOND).stdout
    assert "Så skrivs en kommentar: <!-- så här -->\n" in out  # shown as typed
    assert out.count("<!--") == 1


def test_a_report_made_before_maps_shows_no_map(reports: Path) -> None:
    out = run_cli("visa", "2024-01-15").stdout
    assert "Processkarta" not in out and "Teckenförklaring" not in out
    no_program_text(out)
