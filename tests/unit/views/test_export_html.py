"""The HTML export, read back with an HTML5 parser: valid without a single parse error, self-contained,
every heading at its level and every answer with its line breaks, the tables as tables, and hostile
text shown as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from export_samples import (
    CUSTOMER_ITEM,
    FOLLOW_UP_COMMENT,
    HOSTILE,
    MULTI_LINE,
    REFLECTION,
    big_map,
    expected_outline,
    expected_paragraphs,
    full_report,
    sample_map,
    write_and_load,
)
from helpers import FIXTURE_REPORTS
from intervjufas.folder.loading import load_report
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.document import Document, build_document, clean
from intervjufas.reading.export.versions import customer_version
from intervjufas.report.process_map.mermaid import MAX_MOMENTS
from intervjufas.views.export_html import export_html


def parse(text: str) -> ET.Element:
    """The page as an element tree; any HTML5 parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


def text_of(element: ET.Element) -> str:
    """An element's text with ``<br>`` as a line break and the source's own newlines dropped."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "br" else text_of(child))
        parts.append(child.tail or "")
    # the writer puts a newline after each <br> for readable source; the parser keeps it as text
    return re.sub(r"\n\n", "\n", "".join(parts)).strip()


def outline(tree: ET.Element) -> list[tuple[int, str]]:
    return [(int(el.tag[1]) - 1, text_of(el)) for el in tree.iter() if re.fullmatch(r"h[1-6]", str(el.tag))]


def shown_paragraphs(tree: ET.Element) -> list[str]:
    return [text_of(el) for el in tree.iter() if el.tag in ("p", "li")]


@pytest.fixture
def full(kartlaggning: Questionnaire, tmp_path: Path) -> Document:
    loaded = write_and_load(tmp_path, full_report(kartlaggning), kartlaggning)
    return build_document(loaded, author="Anna <Berg>", process_map=sample_map())


def test_a_valid_self_contained_swedish_page(full: Document) -> None:
    text = export_html(full)
    tree = parse(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert tree.get("lang") == "sv"
    assert text_of(tree.find("head/title")) == full.title
    assert tree.find("head/meta[@charset]").get("charset") == "utf-8"
    assert tree.find("head/meta[@name='author']").get("content") == "Anna <Berg>"
    assert list(tree.iter("script")) == [] and list(tree.iter("link")) == [] and list(tree.iter("img")) == []
    assert not re.search(r"(src|href)\s*=|url\(|@import|https?:", text)  # nothing from the network
    style = text_of(tree.find("head/style"))
    assert "@page" in style and "@media print" in style and "break-before: page" in style


def test_every_heading_at_its_level_and_every_answer(full: Document) -> None:
    tree = parse(export_html(full))
    headings = outline(tree)
    expected = expected_outline(full)
    assert [h for h in headings if h in expected] == expected  # in order, at their levels
    phases = [h for h in headings if h not in expected]
    assert phases == [(2, p.title) for p in full.process_map or ()]
    shown = shown_paragraphs(tree)
    for paragraph in expected_paragraphs(full):
        assert paragraph in shown, paragraph
    facts = list(
        zip([text_of(d) for d in tree.iter("dt")], [text_of(d) for d in tree.iter("dd")], strict=True)
    )
    assert facts == [(f.label, f.value) for f in full.facts]


def test_line_breaks_become_breaks_and_blank_lines_paragraphs(full: Document) -> None:
    tree = parse(export_html(full))
    heading = next(el for el in tree.iter("h3") if text_of(el) == "Hur förbereder du kunden?")
    section = next(s for s in tree.iter("section") if heading in list(s))
    siblings = list(section)
    first, second = siblings[siblings.index(heading) + 1 : siblings.index(heading) + 3]
    assert (first.tag, second.tag) == ("p", "p")
    assert [child.tag for child in first] == ["br"]
    assert (text_of(first), text_of(second)) == tuple(MULTI_LINE.split("\n\n"))


def test_hostile_text_is_text(full: Document) -> None:
    text = export_html(full)
    tree = parse(text)
    assert list(tree.iter("script")) == []
    assert clean(HOSTILE) in shown_paragraphs(tree)
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/p&gt;&lt;!-- --&gt;]]&gt;" in text
    assert "\x1b" not in text and "\x07" not in text


def test_the_plan_is_a_table_with_a_header_row(full: Document) -> None:
    tree = parse(export_html(full))
    table = next(tree.iter("table"))
    assert [text_of(th) for th in table.iter("th")] == list(full.plan_header)
    assert all(th.get("scope") == "col" for th in table.iter("th"))
    rows = [[text_of(td) for td in tr.iter("td")] for tr in table.find("tbody")]
    assert rows == [list(cells) for cells in full.plan_cells]


def test_the_process_map_with_whom_each_moment_involves(full: Document) -> None:
    tree = parse(export_html(full))
    moments = [el for el in tree.iter("li") if "moment" in (el.get("class") or "")]
    assert len(moments) == sum(len(p.nodes) for p in full.process_map or ())
    first = moments[0]
    assert text_of(first).startswith("Kravprofil med kunden")
    assert "Berör: kunden" in text_of(first)
    assert "state-new" in moments[1].get("class") and "+ Kallelse till kandidaten" in text_of(moments[1])
    legend = next(el for el in tree.iter("p") if el.get("class") == "legend")
    assert text_of(legend).startswith("Teckenförklaring:")
    assert "Nytt" in text_of(legend) and "Ta bort" in text_of(legend)


def test_the_customer_version_leaves_out_what_is_not_for_the_employer(full: Document) -> None:
    customer = customer_version(full)
    text = export_html(customer)
    tree = parse(text)
    assert outline(tree)[:2] == [(0, "Intervjuprocessen: Lagerarbetare till Nordlager"), (1, "Om uppdraget")]
    assert [h for h in outline(tree) if h in expected_outline(customer)] == expected_outline(customer)
    for paragraph in expected_paragraphs(customer):
        assert paragraph in shown_paragraphs(tree)
    for left_out in (
        REFLECTION,
        FOLLOW_UP_COMMENT,
        "Strukturen varierar.",
        "4 av 5",
        "2 av 5",
        "Reflektion",
        "Anna Berg",
    ):
        assert left_out not in text, left_out
    assert [[text_of(td) for td in tr.iter("td")] for tr in next(tree.iter("table")).find("tbody")] == [
        ["Före intervjun", "Nytt moment", *CUSTOMER_ITEM, "Planerad"]
    ]
    assert 'class="customer"' in text  # the short customer version flows: no page per step


def test_progress_is_told_every_part(full: Document) -> None:
    told: list[str] = []
    export_html(full, told.append)
    assert told == [full.facts_title, *(s.heading for s in full.sections), full.plan_title]


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURE_REPORTS.glob("*.md") if "trasig" not in p.name)
)
@pytest.mark.parametrize("customer", [False, True], ids=["hel", "kundversion"])
def test_every_fixture_report_exports_to_valid_html(name: str, customer: bool) -> None:
    document = build_document(load_report(FIXTURE_REPORTS / name), author="x")
    if customer:
        document = customer_version(document)
    tree = parse(export_html(document))
    assert [h for h in outline(tree) if h in expected_outline(document)] == expected_outline(document)
    shown = shown_paragraphs(tree)
    assert all(p in shown for p in expected_paragraphs(document))


def test_a_big_map_is_drawn_as_the_report_draws_it_and_listed_whole(
    kartlaggning: Questionnaire, tmp_path: Path
) -> None:
    loaded = write_and_load(tmp_path, full_report(kartlaggning), kartlaggning)
    document = build_document(loaded, author="Anna", process_map=big_map(2000))
    tree = parse(export_html(document))
    cards = [el for el in tree.iter("li") if "moment" in (el.get("class") or "")]
    assert [text_of(el) for el in cards if "more" in el.get("class", "")] == ["… och 1980 moment till"]
    assert len(cards) == MAX_MOMENTS + 1 + 1
    note = next(el for el in tree.iter("p") if el.get("class") == "map-note")
    assert (
        text_of(note) == "Diagrammet visar de första 20 momenten i varje fas; tabellen har alla 2001 moment."
    )
    table = next(el for el in tree.iter("table") if el.get("class") == "map-table")
    rows = [[text_of(cell) for cell in row] for row in table.iter("tr")]
    assert rows[0] == ["Fas", "Moment", "Förändring", "Berör", "Notering"] and len(rows) == 1 + 2001
    assert rows[1][:2] == ["Före intervjun", "Moment 0: " + clean(HOSTILE)] and rows[2][0] == ""
    assert rows[-1] == ["Under intervjun", "Intervju", "Nytt", "kandidaten", ""]
    small = parse(export_html(build_document(loaded, author="Anna", process_map=sample_map())))
    assert not any(el.get("class") == "map-table" for el in small.iter("table"))
