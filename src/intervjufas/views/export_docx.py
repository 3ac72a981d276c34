"""An export as a Word document (.docx), made with python-docx.

Headings use Word's built-in styles – Title for the document's title, Heading 1 for each part
(the assignment, every step, the plan), Heading 2 and 3 below – so Word's navigation pane and its
table of contents work as in any document written by hand.  The plan and the process map are real
tables with a header row that repeats on every page.  The document properties (title, author,
dates, language) are filled in, the page is A4 and the text is marked as Swedish for the spelling
check.  python-docx (and lxml under it) is imported only when a document is made.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from intervjufas import __version__
from intervjufas.reading.export.content import (
    ChoiceContent,
    Content,
    ItemsContent,
    ListContent,
    RatingContent,
    TextContent,
)
from intervjufas.reading.export.document import (
    FOLLOW_UP_HEADER,
    NOT_ANSWERED,
    Block,
    Document,
    Entry,
    Section,
)
from intervjufas.views.docx_links import add_linked_text
from intervjufas.views.docx_tables import Merge, append_rows, fitted_widths
from intervjufas.views.export_html import NO_PLAN, WHY, map_header, moment_cells

if TYPE_CHECKING:
    from intervjufas.views.progress import PartProgress

LANGUAGE = "sv-SE"
MERGE_ROWS = 25  # rows of a phase merged into one cell at most: about half an A4 page
CONTINUED = "(forts.)"
TABLE_STYLE = "Light List Accent 1"
# Column widths in mm; the text area of an A4 page with 22 mm margins is 166 mm wide.
FACT_WIDTHS = (45.0, 121.0)
PLAN_WIDTHS = (22.0, 24.0, 46.0, 46.0, 28.0)
CUSTOMER_PLAN_WIDTHS = (32.0, 26.0, 38.0, 38.0, 32.0)
MAP_WIDTHS = (22.0, 40.0, 30.0, 30.0, 44.0)
FOLLOW_UP_WIDTHS = (62.0, 34.0, 70.0)
CUSTOMER_MAP_WIDTHS = {2: (46.0, 120.0), 3: (40.0, 66.0, 60.0)}
FONT = "Calibri"
# The older bit-mask form of a table's look (w:val), which some programs read instead of the flags.
_LOOK_BITS = {"firstRow": 0x20, "firstColumn": 0x80, "noHBand": 0x200, "noVBand": 0x400}
PROPERTY_LIMIT = 255  # characters Word keeps in a core property
_PARAGRAPHS = "\n\n"


class _Writer:
    """The document being written.  Paragraphs are put in place directly before the body's section
    properties, and their styles are looked up once by name: python-docx's own ``add_paragraph``
    searches the whole body (and its ``style`` the whole style sheet) for every paragraph, which
    makes a long export take quadratic time."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.body = doc.element.body
        self.end = self.body.sectPr  # found once: the body's last child
        self.style_ids = {style.name: style.style_id for style in doc.styles if style.type == 1}

    def add_paragraph(self, style: str | None = None) -> Any:
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        element = OxmlElement("w:p")
        if self.end is None:
            self.body.append(element)
        else:
            self.end.addprevious(element)
        if style is not None:
            element.style = self.style_ids[style]
        return Paragraph(element, self.doc)

    def add_heading(self, text: str, level: int) -> Any:
        paragraph = self.add_paragraph("Title" if level == 0 else f"Heading {level}")
        paragraph.add_run(text)
        return paragraph


def _paragraph(
    doc: _Writer, text: str, *, style: str | None = None, bold: bool = False, italic: bool = False
) -> Any:
    """A paragraph whose line breaks become Word line breaks and whose web addresses are hyperlinks
    (shown as typed)."""
    paragraph = doc.add_paragraph(style)
    add_linked_text(paragraph, text, bold=bold, italic=italic)
    return paragraph


def _texts(doc: _Writer, text: str, **style: Any) -> None:
    """Text as paragraphs: a blank line starts a new one, other line breaks stay line breaks."""
    for part in text.strip("\n").split(_PARAGRAPHS):
        if part.strip():
            _paragraph(doc, part.strip("\n"), **style)


def _content(doc: _Writer, content: Content) -> None:
    if isinstance(content, TextContent):
        _texts(doc, content.text)
    elif isinstance(content, ChoiceContent):
        _paragraph(doc, content.choice, bold=True)
        _texts(doc, content.comment)
    elif isinstance(content, RatingContent):
        _paragraph(doc, content.text, bold=True)
    elif isinstance(content, ListContent):
        for item in content.items:
            _paragraph(doc, item, style="List Bullet")
    elif isinstance(content, ItemsContent):
        for moment, why in content.items:
            paragraph = doc.add_paragraph("List Bullet")
            paragraph.add_run(moment).bold = True
            if why:
                paragraph.add_run(f"\n{WHY} {why}")


def _entry(doc: _Writer, entry: Entry, level: int) -> None:
    if entry.heading:
        doc.add_heading(entry.heading, level)
    _content(doc, entry.content)


def _block(doc: _Writer, block: Block) -> None:
    if not block.title:
        for entry in block.entries:
            _entry(doc, entry, 2)
        return
    doc.add_heading(block.title, 2)
    if block.text:
        _texts(doc, block.text, italic=True)
    for entry in block.entries:
        _entry(doc, entry, 3)


def _section(doc: _Writer, section: Section, *, new_page: bool) -> None:
    heading = doc.add_heading(section.heading, 1)
    heading.paragraph_format.page_break_before = new_page or None
    if section.lead:
        _texts(doc, section.lead, italic=True)
    if not section.entries and new_page:  # (the customer version flows, and says no such thing)
        _paragraph(doc, NOT_ANSWERED, italic=True)
    for block in section.blocks:
        _block(doc, block)


def _table(
    doc: _Writer,
    header: tuple[str, ...] | None,
    rows: list[tuple[str, ...]],
    widths: tuple[float, ...],
    merges: Sequence[Merge] = (),
) -> Any:
    """A table (columns ``widths`` mm wide) with a bold header row that Word repeats on every
    page, or without a header row; ``merges`` merges first cells down (see ``docx_tables``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    table = doc.doc.add_table(rows=0, cols=len(widths))
    table.style = doc.doc.styles[TABLE_STYLE]
    table.autofit = False
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    flags = {"firstRow": header is not None, "firstColumn": True, "noHBand": False, "noVBand": True}
    for name, value in flags.items():
        look.set(qn(f"w:{name}"), "1" if value else "0")
    look.set(qn("w:val"), f"{sum(_LOOK_BITS[name] for name, on in flags.items() if on):04X}")
    widths = fitted_widths(widths, header)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    twips = [Mm(width).twips for width in widths]
    if header:
        append_rows(table, [header], twips, header=True)
    append_rows(table, rows, twips, merges=merges, link=partial(_related, table.part))
    return table


def _related(part: Any, address: str) -> str:
    """The id of an external hyperlink relationship of ``part`` to ``address``."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    return str(part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))


def _facts(doc: _Writer, document: Document) -> None:
    if not document.facts:
        return
    doc.add_heading(document.facts_title, 1)
    _table(doc, None, [(fact.label, fact.value) for fact in document.facts], FACT_WIDTHS)


def _follow_ups(doc: _Writer, document: Document) -> None:
    """The follow-ups of earlier plans: one table, a row per item."""
    if not document.follow_ups:
        return
    doc.add_heading(document.follow_up_title, 1)
    _table(doc, FOLLOW_UP_HEADER, list(document.follow_up_cells), FOLLOW_UP_WIDTHS)


def _plan(doc: _Writer, document: Document) -> None:
    if document.customer and not document.plan:
        return
    doc.add_heading(document.plan_title, 1)
    if not document.plan:
        _paragraph(doc, NO_PLAN, italic=True)
        return
    widths = CUSTOMER_PLAN_WIDTHS if document.customer else PLAN_WIDTHS
    _table(doc, document.plan_header, document.plan_cells, widths)


def _process_map(doc: _Writer, document: Document) -> None:
    """The whole map as a table, one row per moment; a phase's cells are merged down its moments,
    at most ``MERGE_ROWS`` at a time (the next part names the phase again), since Word shows a
    merged cell's text only on the page where it starts."""
    if not document.process_map:
        return
    doc.add_heading(document.map_title, 1)
    header = map_header(document)
    widths = CUSTOMER_MAP_WIDTHS[len(header)] if document.customer else MAP_WIDTHS
    rows: list[tuple[str, ...]] = []
    merges: list[Merge] = []
    for phase in document.process_map:
        for start in range(0, len(phase.nodes), MERGE_ROWS):
            part = phase.nodes[start : start + MERGE_ROWS]
            title = phase.title if start == 0 else f"{phase.title} {CONTINUED}"
            for number, moment in enumerate(part):
                rows.append((title if number == 0 else "", *moment_cells(moment, header)))
                merges.append(None if len(part) == 1 else "restart" if number == 0 else "continue")
    if rows:
        _table(doc, header, rows, widths, merges)


def _other(doc: _Writer, document: Document) -> None:
    if not document.other:
        return
    doc.add_heading(document.other_title, 1)
    for entry in document.other:
        _entry(doc, entry, 2)


def _timestamp(text: str, fallback: str) -> dt.datetime:
    """A report's timestamp (or date) in UTC, which is what Word stores; now when it has none."""
    for candidate in (text, fallback):
        try:
            moment = dt.datetime.fromisoformat(candidate)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.astimezone()
        return moment.astimezone(dt.UTC).replace(tzinfo=None)
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _properties(doc: Any, document: Document) -> None:
    properties = doc.core_properties
    properties.title = document.title[:PROPERTY_LIMIT]
    properties.author = document.author[:PROPERTY_LIMIT]
    properties.last_modified_by = document.author[:PROPERTY_LIMIT]
    properties.subject = document.uppdrag[:PROPERTY_LIMIT]
    properties.comments = f"Skapad med intervjufas {__version__}"
    properties.keywords = "intervjuprocess, kundversion" if document.customer else "intervjufas, kartläggning"
    properties.language = LANGUAGE
    properties.created = _timestamp(document.created, document.date)
    properties.modified = _timestamp(document.updated, document.date)
    properties.revision = 1


def _page_and_language(doc: Any) -> None:
    """A4 with even margins, and Swedish as the language of all text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin = section.bottom_margin = Mm(22)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    language = run_properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        run_properties.append(language)
    language.set(qn("w:val"), LANGUAGE)


def export_docx(document: Document, progress: PartProgress | None = None) -> bytes:
    """The document as the bytes of a .docx file; ``progress`` is told each part it starts."""
    import docx

    tell = progress or (lambda _label: None)
    word = docx.Document()
    _page_and_language(word)
    _properties(word, document)
    doc = _Writer(word)
    doc.add_heading(document.title, 0)
    if document.intro:
        _texts(doc, document.intro)
    tell(document.facts_title)
    _facts(doc, document)
    _follow_ups(doc, document)
    _process_map(doc, document)
    for section in document.sections:
        tell(section.heading)
        _section(doc, section, new_page=not document.customer)
    tell(document.plan_title)
    _plan(doc, document)
    _other(doc, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
