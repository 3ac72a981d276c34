"""The tables of a report's Markdown, drawn for a terminal of any width: Rich's Markdown tables
share out the width without regard to the words and cut cells with "…" in a narrow terminal.

``split_tables`` finds the tables (markdown-it, as Rich's Markdown parses) and leaves the text
between them as Markdown; ``table_text`` draws one as a grid whose columns are never narrower than
their longest word, so every cell wraps at spaces – and when even that does not fit, row by row,
one cell under the other ("Rubrik: värde"), as ``lista`` does in a narrow terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intervjufas.views.text_layout import Grid, Stack, fit_widths, longest

if TYPE_CHECKING:
    from markdown_it.token import Token
    from rich.text import Text

GAP = 2  # the spaces between two columns of a grid


@dataclass(frozen=True)
class MarkdownTable:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def split_tables(markdown: str) -> list[str | MarkdownTable]:
    """The Markdown as pieces of text and the tables between them (a table inside a list or a
    quote stays in its text)."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    lines = markdown.split("\n")
    pieces: list[str | MarkdownTable] = []
    taken = 0
    for index, token in enumerate(tokens):
        if token.type != "table_open" or token.level != 0 or token.map is None:
            continue
        start, end = token.map
        if start > taken:
            pieces.append("\n".join(lines[taken:start]))
        pieces.append(_table(tokens, index))
        taken = end
    if taken < len(lines):
        pieces.append("\n".join(lines[taken:]))
    return [piece for piece in pieces if not isinstance(piece, str) or piece.strip()]


def _table(tokens: list[Token], start: int) -> MarkdownTable:
    headers: list[str] = []
    rows: list[list[str]] = []
    in_head = False
    for token in tokens[start + 1 :]:
        if token.type == "table_close":
            break
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open" and not in_head:
            rows.append([])
        elif token.type == "inline":
            (headers if in_head else rows[-1]).append(_plain(token))
    width = len(headers)
    return MarkdownTable(tuple(headers), tuple(tuple((row + [""] * width)[:width]) for row in rows))


def _plain(token: Token) -> str:
    """A cell's text as a reader sees it: without Markdown's marks, escapes and comments."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def table_text(table: MarkdownTable, width: int) -> Text:
    """The table as a grid fitted to ``width`` (cells wrapped at spaces), or row by row when the
    longest words of its columns do not fit side by side."""
    columns = [(header, *(row[index] for row in table.rows)) for index, header in enumerate(table.headers)]
    minimum = [longest(column, words=True) for column in columns]
    room = width - GAP * (len(columns) - 1)
    if sum(minimum) <= room:
        natural = [longest(column) for column in columns]
        grid = Grid(list(table.headers), fit_widths(natural, minimum, room))
        for row in table.rows:
            grid.add_row([[[(cell, "")]] for cell in row])
        return grid.render()
    stack = Stack(width)
    if not table.rows:  # only the headings
        stack.add([(" · ".join(table.headers), "bold")], [])
    for row in table.rows:
        first = row[0] if row else ""
        details = [
            [(f"{header}: ", "dim"), (cell, "")]
            for header, cell in zip(table.headers[1:], row[1:], strict=True)
            if cell.strip()
        ]
        stack.add([(first or "–", "bold")], details)
    return stack.render()
