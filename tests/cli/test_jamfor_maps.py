"""`jamfor` compares the process maps moment by moment before the answers, and says whose report is
whose (the author of each side, when the report records one) – in text, Markdown and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from helpers import command
from map_samples import ANNA, ERIKS, FIRST, SECOND, THIRD, write_sample_reports

jamfor = command("jamfor", columns=100)


@pytest.fixture
def maps(reports_dir: Path) -> Path:
    return write_sample_reports(reports_dir)


def test_text(maps: Path) -> None:
    result = jamfor(FIRST, THIRD)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith(
        f"Jämförelse av två rapporter\n  A: {FIRST}\n     2024-01-15 · Lager · Nordlager AB\n     Författare: Anna Berg\n"
        f"  B: {THIRD}\n     2024-03-05 · Plock · Nordlager AB\n     Författare: Anna Berg\n"
    )
    assert (
        "Processkarta (A → B)\n"
        "  Före intervjun\n"
        "    · Nytt namn: Kravprofil → Genomgång av kravprofilen\n"
        "    + Nytt i B: Förberedande samtal (planerat i A)\n"
        "    − Bara i A: Kallelse\n"
        "  Under intervjun\n"
        "    ✓ Utvecklat 2024-03-05: Intervju\n"
        "    − Bara i A: Dubbelbokning (planerat att tas bort i A)\n"
        "  Efter intervjun\n"
        "    + Nytt i B: Referenstagning\n"
        "  Oförändrade moment: 1 (A har 6 moment, B har 5).\n"
    ) in out
    # before the answers, after the details of the assignment
    assert (
        out.index("Uppgifter om uppdraget")
        < out.index("Processkarta (A → B)")
        < out.index("Steg 1: Före intervjun")
    )


def test_marks_and_details(maps: Path) -> None:
    out = jamfor(FIRST, SECOND).stdout
    assert "    ✓ Utvecklat 2024-02-20: Kallelse\n" in out and "Markering: Kallelse" not in out
    assert "    ↗ Markering: Intervju (ingen → Utveckla)\n" in out
    assert "    · Markering: Dubbelbokning (Ta bort → ingen)\n" in out


def test_the_earlier_report_is_picked_when_one_is_named(maps: Path) -> None:
    out = jamfor(THIRD).stdout
    assert f"  A: {SECOND}\n" in out and f"  B: {THIRD}\n" in out
    assert "    − Bara i A: Kallelse\n" in out


def test_markdown(maps: Path) -> None:
    result = jamfor(FIRST, ERIKS, "--format", "markdown")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"- **A:** 2024-01-15, Lager, Nordlager AB, författare Anna Berg (`{FIRST}`)\n" in text
    assert f"- **B:** 2024-03-10, Kund, Nordlager AB, författare Erik Ek (`{ERIKS}`)\n" in text
    assert (
        "\n## Processkarta\n\n| Fas | Ändring | Moment | A | B |\n| --- | --- | --- | --- | --- |\n" in text
    )
    assert "| Före intervjun | Nytt i B | Telefonscreening |   |   |" in text
    assert "| Före intervjun | Bara i A | Kravprofil |   |   |" in text
    assert "*Oförändrade moment: 0 (A har 6 moment, B har 1).*" in text
    assert text.index("## Processkarta") < text.index("## Steg 1")
    assert any(token.type == "table_open" for token in MarkdownIt().enable("table").parse(text))


def test_json(maps: Path) -> None:
    data = json.loads(jamfor(FIRST, SECOND, "--json").stdout)
    assert data["rapport_a"]["forfattare"] == ANNA and data["rapport_b"]["forfattare"] == ANNA
    maps_part = data["processkarta"]
    assert maps_part["antal_moment_a"] == 6 and maps_part["antal_moment_b"] == 6
    assert maps_part["bara_karta_i"] is None
    assert all(change.pop("andring_text") for change in maps_part["andringar"])  # (the words: in the text tests)
    assert maps_part["andringar"][0] == {
        "andring": "nytt_namn",
        "fas": "fore",
        "namn": "Genomgång av kravprofilen",
        "id": "m0krav",
        "a": "Kravprofil",
        "b": "Genomgång av kravprofilen",
    }
    assert {
        "andring": "utvecklat",
        "fas": "fore",
        "namn": "Kallelse",
        "id": "m0kall",
        "a": "",
        "b": "2024-02-20",
    } in maps_part["andringar"]
    assert {
        "andring": "markering",
        "fas": "under",
        "namn": "Intervju",
        "id": "m0intv",
        "a": None,
        "b": "utveckla",
    } in maps_part["andringar"]
    assert {
        "andring": "tillagt",
        "fas": "fore",
        "namn": "Förberedande samtal",
        "id": "m0forb",
        "a": "nytt",
        "b": None,
    } in maps_part["andringar"]
    assert maps_part["antal_oforandrade"] == 1  # Återkoppling


def test_reports_without_maps_or_authors_are_compared_as_before(reports: Path) -> None:
    data = json.loads(jamfor("2024-01-15", "2024-02-20", "--json").stdout)
    assert data["processkarta"] is None
    assert data["rapport_a"]["forfattare"] == "" and data["rapport_b"]["forfattare"] == ""
    out = jamfor("2024-01-15", "2024-02-20").stdout
    assert "Processkarta" not in out and "Författare" not in out
    assert not re.search(r"författare", jamfor("2024-01-15", "2024-02-20", "--format", "markdown").stdout)


def test_only_one_report_has_a_map(reports: Path) -> None:
    write_sample_reports(reports)
    out = jamfor("2024-01-15-lagerarbetare-till-nordlager.md", FIRST).stdout
    assert "Processkarta (A → B)\n  Bara B har en processkarta (6 moment).\n" in out
