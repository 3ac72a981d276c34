"""Web addresses in a Word paragraph as real hyperlinks, shown exactly as they were typed.

The addresses are the ones the report writes as autolinks (``model.autolinks.address_spans``:
http, https and ftp only).  Each becomes a ``w:hyperlink`` to an external relationship of the
document part, with a run styled as Word styles links (blue, underlined); the text around it stays
ordinary runs, its line breaks Word line breaks (python-docx's ``add_run``).
"""

from __future__ import annotations

from typing import Any

from intervjufas.model.autolinks import address_spans

LINK_COLOUR = (0x05, 0x63, 0xC1)  # Word's own "Hyperlink" colour


def add_linked_text(paragraph: Any, text: str, *, bold: bool = False, italic: bool = False) -> None:
    """Add ``text`` to ``paragraph``: web addresses as hyperlinks, the rest as runs."""
    position = 0
    for start, end in address_spans(text):
        _run(paragraph, text[position:start], bold, italic)
        _hyperlink(paragraph, text[start:end], bold, italic)
        position = end
    if position < len(text) or not text:
        _run(paragraph, text[position:], bold, italic)


def _run(paragraph: Any, text: str, bold: bool, italic: bool) -> Any:
    if not text and paragraph.runs:
        return None
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def _hyperlink(paragraph: Any, address: str, bold: bool, italic: bool) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(address, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = paragraph.add_run(address)
    run.bold, run.italic = bold or None, italic or None
    run.font.underline = True
    run.font.color.rgb = RGBColor(*LINK_COLOUR)
    link.append(run._r)  # (moved from the paragraph into the link)
    paragraph._p.append(link)
