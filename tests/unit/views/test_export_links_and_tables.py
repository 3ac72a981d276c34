"""Exports read like a finished document: web addresses in answers are links (HTML ``<a>``, Word
hyperlinks) whose text is exactly what was typed; no table header breaks inside a word (HTML: the
header cells may wrap only between words; Word: every column at least as wide as its header's
longest word); the follow-up of earlier plans is one table in both formats."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import docx
import html5lib
import pytest

from export_samples import full_report, write_and_load
from intervjufas.model.questionnaire import Questionnaire
from intervjufas.reading.export.content import TextContent
from intervjufas.reading.export.document import (
    FOLLOW_UP_HEADER,
    Block,
    Document,
    Entry,
    FollowUpEntry,
    Section,
    build_document,
)
from intervjufas.views.export_docx import export_docx
from intervjufas.views.export_html import STYLE, export_html

TYPED = (
    "Se https://example.se/sida?a=1&b=2 (och www.example.se).\n"
    "Mer på <https://example.org/x_y>, men inte javascript:alert(1) eller ftp:// ensamt."
)
ADDRESSES = ["https://example.se/sida?a=1&b=2", "https://example.org/x_y"]
# A bound that does not come from the program: bold 11 pt sans-serif letters are at most 0.6 em
# (2.33 mm) wide on average, and a Word cell has 1.9 mm of margin on each side.
MM_PER_CHARACTER, MARGINS_MM = 2.33, 3.8
TWIPS_PER_MM = 1440 / 25.4


def document_with(text: str, follow_ups: tuple[FollowUpEntry, ...] = ()) -> Document:
    entry = Entry("fore_kunden", "Hur förbereder du kunden?", TextContent(text))
    section = Section("fore", "Steg 1: Före intervjun", "Före intervjun", "", (Block("", "", (entry,)),))
    return Document(
        title="Kartläggning",
        uppdrag="Lager",
        author="Anna",
        date="2024-01-15",
        created="",
        updated="",
        facts=(),
        sections=(section,),
        follow_ups=follow_ups,
    )


def parse(text: str) -> ET.Element:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def text_of(element: ET.Element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts += ["\n" if child.tag == "br" else text_of(child), child.tail or ""]
    return re.sub(r"\n\n", "\n", "".join(parts)).strip()


def reopen(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def test_html_links_every_address_and_shows_the_text_as_typed() -> None:
    tree = parse(export_html(document_with(TYPED)))
    links = list(tree.iter("a"))
    assert [link.get("href") for link in links] == ADDRESSES
    assert [text_of(link) for link in links] == ADDRESSES
    paragraph = next(p for p in tree.iter("p") if "example.se" in text_of(p))
    assert text_of(paragraph) == TYPED


def test_word_links_every_address_and_shows_the_text_as_typed() -> None:
    doc = reopen(export_docx(document_with(TYPED)))
    paragraph = next(p for p in doc.paragraphs if "example.se" in p.text)
    assert [link.address for link in paragraph.hyperlinks] == ADDRESSES
    assert [link.text for link in paragraph.hyperlinks] == ADDRESSES
    assert paragraph.text == TYPED
    assert len(paragraph._p.xpath(".//w:br")) == 1  # (the typed line break stays one)


def test_html_table_headers_wrap_only_between_words() -> None:
    rules = dict(re.findall(r"(?m)^([^{}@\n]+?)\s*\{([^}]*)\}", STYLE))
    header_rules = [body for selector, body in rules.items() if re.search(r"(^|[\s,])th\b", selector)]
    assert header_rules, STYLE
    header = " ".join(header_rules)
    assert "overflow-wrap: normal" in header and "word-break: keep-all" in header
    assert "anywhere" not in header and "break-all" not in header


def test_word_table_headers_never_break_inside_a_word(kartlaggning: Questionnaire, tmp_path: Path) -> None:
    loaded = write_and_load(tmp_path, full_report(kartlaggning), kartlaggning)
    doc = reopen(export_docx(build_document(loaded, author="Anna Berg")))
    checked = 0
    for table in doc.tables:
        first = table.rows[0]
        if not first._tr.xpath("./w:trPr/w:tblHeader"):
            continue  # (a table without a header row: the details)
        for cell in first.cells:
            width_mm = int(cell._tc.xpath("./w:tcPr/w:tcW/@w:w")[0]) / TWIPS_PER_MM
            longest = max(len(word) for word in cell.text.split())
            assert width_mm >= longest * MM_PER_CHARACTER + MARGINS_MM, (cell.text, width_mm)
            checked += 1
    assert checked >= 12  # the follow-ups, the map ("Förändring") and the plan


FOLLOW_UPS = (
    FollowUpEntry("Checklista till kunden (Steg 1 · lägga till · 2024-01-15)", "Genomfört", "Skickad.\nBra."),
    FollowUpEntry("Tydligare avslut (Steg 2 · utveckla · 2024-01-15)", "Delvis", ""),
)


def test_the_follow_up_is_one_table_in_html() -> None:
    tree = parse(export_html(document_with("Text", FOLLOW_UPS)))
    (table,) = [t for t in tree.iter("table") if t.get("class") == "follow-up-table"]
    rows = [[text_of(cell) for cell in row] for row in table.iter("tr")]
    assert rows == [list(FOLLOW_UP_HEADER), *([f.label, f.status, f.comment] for f in FOLLOW_UPS)]
    assert not any(text_of(h) == FOLLOW_UPS[0].label for h in tree.iter("h3"))


def test_the_follow_up_is_one_table_in_word() -> None:
    doc = reopen(export_docx(document_with("Text", FOLLOW_UPS)))
    (table,) = doc.tables
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [list(FOLLOW_UP_HEADER), *([f.label, f.status, f.comment] for f in FOLLOW_UPS)]
    assert FOLLOW_UPS[0].label not in [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("hostile", ['https://x.se/"><script>alert(1)</script>', "https://x.se/a'b"])
def test_a_hostile_address_stays_text_and_a_safe_link(hostile: str) -> None:
    text = export_html(document_with(hostile))
    tree = parse(text)
    assert list(tree.iter("script")) == []
    for link in tree.iter("a"):
        assert link.get("href", "").startswith("https://x.se/")
        assert '"' not in link.get("href", "") and "<" not in link.get("href", "")


def test_word_links_every_address_in_a_table_cell_too() -> None:
    """Table rows are written as XML in one pass (``docx_tables``); their web addresses are Word
    hyperlinks as in a paragraph, and the cell's text stays exactly as typed."""
    typed = (FollowUpEntry("Kallelse", "Delvis", TYPED),)
    doc = reopen(export_docx(document_with("Text", typed)))
    (table,) = doc.tables
    cell = table.rows[1].cells[2]
    (paragraph,) = cell.paragraphs
    assert [link.address for link in paragraph.hyperlinks] == ADDRESSES
    assert [link.text for link in paragraph.hyperlinks] == ADDRESSES
    assert paragraph.text == TYPED
    plain = reopen(export_docx(document_with("Text", FOLLOW_UPS))).tables[0].rows[1].cells[2].paragraphs[0]
    assert plain.hyperlinks == [] and len(plain.runs) == 1  # (text without an address: one run, as before)
