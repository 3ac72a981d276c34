"""Rows of Word tables written as WordprocessingML in one pass, for tables of any length.

python-docx's own table calls look the table up again for every row and cell (``add_row`` sets
each cell's width through generic child searches, ``merge`` walks a vertical span by recursion),
so a table of a few thousand rows takes minutes or stops with RecursionError. Here a table that
python-docx made (its style, look and grid stay python-docx's) gets its rows as XML text, parsed
once by lxml as python-docx parses its own templates. A vertical merge is written as the
``w:vMerge`` flags Word itself writes ("restart" on the first cell, an empty flag below it).
Web addresses in a cell become ``w:hyperlink`` elements (as ``docx_links`` writes them in a
paragraph) when the caller gives ``link``, which relates an address to the document part.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal
from xml.sax.saxutils import escape

Merge = Literal["restart", "continue"] | None

# A header word must fit its column whole: bold 11 pt text is at most this wide per character
# (Calibri's and its stand-ins' widest letters but m and w), plus the cell's margins on both sides.
HEADER_MM_PER_CHARACTER = 2.6
CELL_MARGINS_MM = 4.0


def fitted_widths(widths: Sequence[float], header: Sequence[str] | None) -> tuple[float, ...]:
    """Column widths (mm) in which no header word has to break: a column narrower than its
    header's longest word takes the difference from the widest column (the total stays)."""
    fitted = list(widths)
    for column, text in enumerate(header or ()):
        longest = max((len(word) for word in text.split()), default=0)
        missing = longest * HEADER_MM_PER_CHARACTER + CELL_MARGINS_MM - fitted[column]
        if missing > 0:
            widest = max(range(len(fitted)), key=lambda index: fitted[index])
            fitted[widest] -= missing
            fitted[column] += missing
    return tuple(fitted)


def append_rows(
    table: Any,
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    header: bool = False,
    merges: Sequence[Merge] = (),
    link: Callable[[str], str] | None = None,
) -> None:
    """Append ``rows`` (one text per column; a line break stays a line break) to a python-docx
    table whose columns are ``widths`` twips wide. ``header`` makes them bold rows that Word
    repeats on every page; ``merges`` gives the vertical merge of each row's first cell; ``link``
    gives the relationship id of a web address, which then becomes a hyperlink."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    xml = "".join(
        _row(row, widths, header=header, merge=merges[number] if number < len(merges) else None, link=link)
        for number, row in enumerate(rows)
    )
    holder = parse_xml(f"<w:tbl {nsdecls('w', 'r')}>{xml}</w:tbl>")
    for tr in list(holder):
        table._tbl.append(tr)


def _row(
    cells: Sequence[str], widths: Sequence[int], *, header: bool, merge: Merge, link: Callable[[str], str] | None
) -> str:
    properties = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if header else ""
    parts = [f"<w:tr>{properties}"]
    for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
        flag = _MERGE_FLAGS[merge] if column == 0 else ""
        parts.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{flag}</w:tcPr>{_paragraph(text, header, link)}</w:tc>'
        )
    parts.append("</w:tr>")
    return "".join(parts)


_MERGE_FLAGS: dict[Merge, str] = {
    None: "",
    "restart": '<w:vMerge w:val="restart"/>',
    "continue": "<w:vMerge/>",
}


def _paragraph(text: str, bold: bool, link: Callable[[str], str] | None = None) -> str:
    """A paragraph of runs: tabs and line breaks as Word's own elements (as python-docx's
    ``Run.text`` writes them), web addresses as hyperlinks when ``link`` is given."""
    if not text:
        return "<w:p/>"
    style = "<w:rPr><w:b/></w:rPr>" if bold else ""
    parts: list[str] = []
    content: list[str] = []

    def close_run() -> None:
        if content:
            parts.append(f"<w:r>{style}{''.join(content)}</w:r>")
            content.clear()

    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if number:
            content.append("<w:br/>")
        for index, piece in enumerate(line.split("\t")):
            if index:
                content.append("<w:tab/>")
            position = 0
            for start, end in _addresses(piece) if link is not None else ():
                content.append(_text(piece[position:start]))
                close_run()
                address = piece[start:end]
                parts.append(_hyperlink(address, link(address) if link is not None else "", style))
                position = end
            content.append(_text(piece[position:]))
    close_run()
    return f"<w:p>{''.join(parts)}</w:p>"


def _text(piece: str) -> str:
    return f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""


def _addresses(text: str) -> list[tuple[int, int]]:
    from intervjufas.model.autolinks import address_spans

    return list(address_spans(text))


def _hyperlink(address: str, relationship: str, style: str) -> str:
    """A web address as Word writes a link: blue and underlined, to an external relationship."""
    look = style.replace("</w:rPr>", "") if style else "<w:rPr>"
    look += '<w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
    return (
        f'<w:hyperlink r:id="{escape(relationship, {chr(34): "&quot;"})}"><w:r>{look}{_text(address)}</w:r>'
        "</w:hyperlink>"
    )
