"""What ``visa`` shows of a report's Markdown: no HTML comment of the program, no Mermaid block,
and the map section's derived lines given way to the drawn map (the consultant's notes kept)."""

from __future__ import annotations

import pytest

from intervjufas.reading.shown_report import _map_slot, _without_comments, _without_mermaid, uncommented


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("## Steg 1: Före intervjun<!-- steg: fore -->", "## Steg 1: Före intervjun"),
        ("1. **Intervju**<!-- atgard: a2dev, moment: m0intv -->", "1. **Intervju**"),
        ("Text \\<!-- skrivet --> kvar", "Text \\<!-- skrivet --> kvar"),
        ("a <!-- x --> b <!-- y -->", "a  b"),
        ("\\\\<!-- en riktig kommentar -->", "\\\\"),
        ("inga kommentarer < här", "inga kommentarer < här"),
    ],
)
def test_comments_are_taken_out_of_a_line(line: str, shown: str) -> None:
    assert uncommented(line) == shown


def test_whole_line_and_multi_line_comments() -> None:
    lines = ["före", "<!-- Svaren står under frågorna -->", "<!-- två", "rader -->", "efter"]
    assert _without_comments(lines) == ["före", "efter"]


def test_mermaid_blocks_go_wherever_they_are() -> None:
    lines = ["text", "```mermaid", "flowchart LR", "  a --> b", "```", "mer", "~~~~ mermaid", "x", "~~~~", "slut"]
    assert _without_mermaid(lines) == ["text", "mer", "slut"]


def test_the_map_section_gives_its_derived_lines_to_the_map() -> None:
    lines = [
        "## Steg 3<!-- steg: efter -->",
        "",
        "## Processkarta<!-- avsnitt: processkarta -->",
        "",
        "| Fas | Moment | Förändring | Berör | Notering |",
        "| --- | --- | --- | --- | --- |",
        "| Före intervjun | Kravprofil |   | kunden |   |",
        "*Diagrammet visar de första 20 momenten i varje fas; tabellen har alla 21 moment.*",
        "Min egen anteckning.",
        "",
        "## Utvecklingsplan<!-- avsnitt: utvecklingsplan -->",
        "| Steg | Typ | Moment | Varför |",
    ]
    slot = _map_slot(lines)
    assert slot is not None
    before, after = slot
    assert before == lines[:3]
    assert after == ["", "Min egen anteckning.", "", *lines[-2:]]
    assert _map_slot(lines[:2]) is None
