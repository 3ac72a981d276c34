"""Whatever an answer contains, both exports are valid files that show it: HTML that an HTML5
parser reads without a single error, and a Word document that python-docx opens again."""

from __future__ import annotations

import io

import docx
import html5lib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intervjufas.reading.export.content import TextContent, clean
from intervjufas.reading.export.document import Block, Document, Entry, Section
from intervjufas.views.export_docx import export_docx
from intervjufas.views.export_html import export_html

# Any character a UTF-8 file can hold, with the ones that break HTML, XML or terminals made likely.
TRICKY = "<>&\"'\x00\x07\x0b\x0c\x1b\r\n\t\x7f\x85\x9f\u2028\ufeff\ufdd0\ufffe\uffff\U0001fffe\U0010ffff]]>"
ANY_TEXT = st.lists(
    st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=("Cs",))), max_size=60
).map("".join)


def document(title: str, heading: str, answer: str) -> Document:
    entry = Entry("fraga", clean(heading), TextContent(clean(answer)))
    section = Section("steg", "Steg 1: Före", "Före", "", (Block("", "", (entry,)),))
    return Document(
        title=clean(title),
        uppdrag=clean(title),
        author=clean(heading),
        date="2026-01-01",
        created="",
        updated="",
        facts=(),
        sections=(section,),
    )


def squeezed(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, heading=ANY_TEXT, answer=ANY_TEXT)
def test_html_is_valid_and_shows_any_text(title: str, heading: str, answer: str) -> None:
    page = export_html(document(title, heading, answer))
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(page)
    body = squeezed("".join(tree.find("body").itertext()))
    for text in (title, heading, answer):
        assert squeezed(clean(text)) in body


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=ANY_TEXT, heading=ANY_TEXT, answer=ANY_TEXT)
def test_word_opens_again_and_shows_any_text(title: str, heading: str, answer: str) -> None:
    doc = docx.Document(io.BytesIO(export_docx(document(title, heading, answer))))
    body = squeezed("".join(p.text for p in doc.paragraphs))
    for text in (title, heading, answer):
        assert squeezed(clean(text)) in body
    assert doc.core_properties.title == clean(title)[:255]
