"""A plain-text grid for long tables: columns fitted to the terminal's width, words wrapped, and
styles kept as spans – much faster than a Rich table for thousands of rows."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Span, Text

Segment = tuple[str, str]  # (text, style)
Cell = list[list[Segment]]  # paragraphs; a paragraph of one segment is wrapped, others are not


def fit_widths(
    natural: list[int], minimum: list[int], room: int, order: list[list[int]] | None = None
) -> list[int]:
    """Column widths that fit in ``room``: within each group of ``order`` (all columns by
    default), the widest column is narrowed first, never below its minimum; a later group is
    narrowed only when the earlier ones are at their minimum.  If even the minimums do not fit,
    the table is wider than the room and the terminal wraps it."""
    widths = [max(n, m) for n, m in zip(natural, minimum, strict=True)]
    excess = sum(widths) - room
    for group in order or [list(range(len(widths)))]:
        while excess > 0:
            shrinkable = [i for i in group if widths[i] > minimum[i]]
            if not shrinkable:
                break
            widest = max(widths[i] for i in shrinkable)
            for index in shrinkable:
                if widths[index] == widest and excess > 0:
                    widths[index] -= 1
                    excess -= 1
    return widths


def break_word(word: str, width: int) -> list[str]:
    """A word longer than the width in pieces that fit: broken after a hyphen (or a slash, dot or
    underscore) where it has one – a file name like 2024-03-05-plockare-till-nordlager.md breaks
    between its words – and cut only where there is no such place."""
    pieces: list[str] = []
    while cell_len(word) > width:
        head = word[:width]
        cut = head.rfind("-") + 1 or max(head.rfind(mark) for mark in "/._") + 1 or width
        pieces.append(word[:cut])
        word = word[cut:]
    return [*pieces, word] if word else pieces


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the width is broken as ``break_word`` does."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if cell_len(word) > width:
            if current:
                lines.append(current)
                current = ""
            *whole, word = break_word(word, width)
            lines += whole
        if not current:
            current = word
        elif cell_len(current) + 1 + cell_len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


class Grid:
    """A plain table (columns separated by two spaces, a rule under the header) that is laid out
    here rather than by Rich's Table: the report list can have thousands of rows, and this is
    many times faster while looking the same."""

    def __init__(self, headers: list[str], widths: list[int], right: set[int] = frozenset()) -> None:
        self.headers = headers
        self.widths = widths
        self.right = right
        self.rows: list[tuple[list[Cell], Segment | None]] = []

    def add_row(self, cells: list[Cell], below: Segment | None = None) -> None:
        """A row; ``below`` is a line under it that starts at the second column and may run across
        the columns after it (a file name, say), so that it need not be folded into one column."""
        self.rows.append((cells, below))

    def _lines(self, cell: Cell, width: int) -> list[list[Segment]]:
        if len(cell) == 1 and len(cell[0]) == 1 and cell_len(cell[0][0][0]) <= width:
            return [cell[0]]  # the common case: one short piece of text
        lines: list[list[Segment]] = []
        for paragraph in cell:
            if len(paragraph) == 1:
                text, style = paragraph[0]
                lines += [[(line, style)] for line in wrap(text, width)]
            else:
                lines.append(paragraph)
        return lines

    def _emit(self, out: list[str], spans: list[Span], offset: int, cells: list[list[list[Segment]]]) -> int:
        """Append the lines of one row to ``out`` (styles to ``spans``); return the new offset."""
        last = len(self.widths) - 1
        for index in range(max(len(lines) for lines in cells)):
            pieces: list[Segment] = []
            for column, lines in enumerate(cells):
                line = lines[index] if index < len(lines) else []
                used = cell_len(line[0][0]) if len(line) == 1 else sum(cell_len(part) for part, _ in line)
                pad = " " * (self.widths[column] - used)
                if column in self.right:
                    pieces.append((pad, ""))
                    pieces += line
                elif column != last:
                    pieces += line
                    pieces.append((pad, ""))
                else:
                    pieces += line
                if column != last:
                    pieces.append(("  ", ""))
            while pieces and not pieces[-1][0].strip():
                pieces.pop()
            for part, style in pieces:
                if style:
                    spans.append(Span(offset, offset + len(part), style))
                out.append(part)
                offset += len(part)
            out.append("\n")
            offset += 1
        return offset

    def _header(self) -> list[list[list[Segment]]]:
        header = [
            [[(line, "bold")] for part in title.split("\n") for line in wrap(part, width)]
            for title, width in zip(self.headers, self.widths, strict=True)
        ]
        height = max(len(lines) for lines in header)
        return [[[("", "")]] * (height - len(lines)) + lines for lines in header]  # bottom-aligned

    def _rule(self) -> str:
        return "─" * (sum(self.widths) + 2 * (len(self.widths) - 1)) + "\n"

    def render(self) -> Text:
        out: list[str] = []
        spans: list[Span] = []
        offset = self._emit(out, spans, 0, self._header())
        out.append(self._rule())
        offset += len(out[-1])
        indent = self.widths[0] + 2
        room = max(sum(self.widths) + 2 * (len(self.widths) - 1) - indent, 1)
        for row, below in self.rows:
            lines = [self._lines(cell, width) for cell, width in zip(row, self.widths, strict=True)]
            offset = self._emit(out, spans, offset, lines)
            for line in wrap(below[0], room) if below else ():
                out.append(" " * indent)
                if below[1]:
                    spans.append(Span(offset + indent, offset + indent + len(line), below[1]))
                out.append(line + "\n")
                offset += indent + len(line) + 1
        return Text("".join(out).rstrip("\n"), spans=spans, no_wrap=True, overflow="ignore")


def longest(texts: Iterable[str], *, words: bool = False) -> int:
    pieces = (part for text in texts for part in (text.split() if words else [text]))
    return max((cell_len(piece) for piece in pieces), default=0)
