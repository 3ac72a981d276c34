"""The map as ``karta`` draws it: phases side by side when wide, stacked when narrow, words never
split, marks in symbols and words with a legend; and the Markdown and Mermaid forms exactly the
report's own."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from intervjufas.model.answers import Moment
from intervjufas.reading.process_map.shown_map import ShownMap, shown_map_of
from intervjufas.report.process_map.mermaid import flowchart
from intervjufas.report.process_map.report_map import (
    MappedMoment,
    ProcessMap,
    map_phases,
    map_section,
    section_of,
)
from intervjufas.views.process_map.shown_map import (
    WIDE,
    map_markdown,
    map_mermaid,
    map_plain_text,
    map_renderable,
    mark_text,
)
from map_samples import FIRST, SECOND, write_sample_reports

LONG = "Gemensam genomgång av kravprofilen och intervjufrågorna tillsammans med kunden och kollegorna"


@pytest.fixture
def view(tmp_path: Path) -> ShownMap:
    return shown_map_of(write_sample_reports(tmp_path) / FIRST)


def with_long_names(view: ShownMap) -> ShownMap:
    phases = []
    for phase, moments in view.drawn.phases:
        longer = MappedMoment(
            Moment(LONG, ("kunden", "kandidaten", "kollegor"), "Notering " * 12),
            phase,
            "develop",
            "Varför " * 10,
        )
        phases.append((phase, (*moments, longer)))
    return ShownMap(ProcessMap(tuple(phases)), "map", view.loaded)


def drawn(view: ShownMap, width: int) -> str:
    console = Console(file=StringIO(), width=width, color_system=None, highlight=False)
    console.print(map_renderable(view, width))
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 60, 80, 89, 90, 120, 200])
def test_every_width_keeps_words_whole_and_lines_inside(view: ShownMap, width: int) -> None:
    long_view = with_long_names(view)
    for text in (drawn(long_view, width), map_plain_text(long_view, width)):
        assert max(len(line) for line in text.split("\n")) <= width
        words = set(text.split())
        for word in [*LONG.split(), "Dubbelbokning", "Förberedande", "Återkoppling"]:
            assert word in words, (word, width)


def test_narrow_is_stacked_and_wide_has_the_phases_side_by_side(view: ShownMap) -> None:
    narrow = drawn(view, WIDE - 1)
    assert "\nFöre intervjun\n" in narrow and "\nUnder intervjun\n" in narrow
    wide = drawn(view, WIDE)
    assert re.search(r"^Före intervjun +Under intervjun +Efter intervjun *$", wide, re.MULTILINE), wide


def test_each_moment_with_whom_its_note_and_its_mark(view: ShownMap) -> None:
    text = map_plain_text(view, 80)
    assert text.startswith(
        "Processkarta: Lager\n2024-01-15 · Nordlager AB · av Anna Berg\nRapport: 2024-01-15-lager.md\n"
    )
    assert "    Kravprofil\n      Berör: kunden\n      Notering: En vecka före\n" in text
    assert "  ↗ Kallelse\n      Berör: kandidaten\n      Utveckla – Tydligare information\n" in text
    assert "  + Förberedande samtal\n      Berör: kandidaten\n      Nytt – Minska nervositeten\n" in text
    assert "  ✕ Dubbelbokning\n      Berör: kollegor\n      Ta bort – Tar för mycket tid\n" in text
    assert text.endswith("\nTeckenförklaring: + Nytt · ↗ Utveckla · ✕ Ta bort\n")
    assert not any(line.endswith(" ") for line in text.split("\n"))


def test_a_developed_moment_shows_its_date(tmp_path: Path) -> None:
    text = map_plain_text(shown_map_of(write_sample_reports(tmp_path) / SECOND), 80)
    assert "  ✓ Kallelse\n      Berör: kandidaten\n      Utvecklat 2024-02-20\n" in text
    # Dubbelbokning's removal, followed up Delvis, is still open: the map keeps its mark.
    assert "  ✕ Dubbelbokning\n      Berör: kollegor\n      Ta bort – Tar för mycket tid\n" in text
    assert "Teckenförklaring: ↗ Utveckla · ✕ Ta bort · ✓ Utvecklat" in text
    developed = MappedMoment(Moment("X", developed="2024-02-20"), "fore", "developed")
    assert mark_text(developed) == "Utvecklat 2024-02-20"


def test_markdown_is_the_report_s_section_and_mermaid_its_flowchart(view: ShownMap) -> None:
    assert view.loaded is not None and view.loaded.questionnaire is not None
    section = map_section(view.loaded.report, view.loaded.questionnaire)
    assert map_markdown(view) == "\n".join(["## Processkarta", "", *section]).rstrip("\n") + "\n"
    assert section_of(view.drawn) == section  # the same layout for maps that are not a report's own
    file_text = view.loaded.path.read_text(encoding="utf-8")
    block = re.search(r"```mermaid\n(.*?)```", file_text, re.DOTALL)
    assert block is not None and map_mermaid(view) == block.group(1)
    assert map_mermaid(view) == flowchart(map_phases(view.drawn))


def test_a_map_made_from_a_plan_is_drawn_the_same_way(reports: Path) -> None:
    view = shown_map_of(reports / "2024-01-15-lagerarbetare-till-nordlager.md")
    markdown = map_markdown(view)
    assert markdown.startswith("## Processkarta\n\n```mermaid\nflowchart LR\n")
    assert "| Före intervjun | Checklista till kunden | Nytt |   |   |" in markdown
    assert "Rapporten gjordes innan processkartan fanns" in map_plain_text(view, 80)
