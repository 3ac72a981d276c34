"""Plain-text layout for long output, much faster than Rich tables for thousands of rows: a grid
whose columns are fitted to the terminal's width (wide terminals), and a stacked layout for
narrow ones – one block per row, a heading line, then its fields one under the other, indented.
Words are wrapped and never split (a long file name breaks after a hyphen), nothing is cut off,
and styles are kept as spans."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from rich.cells import cell_len
from rich.text import Span, Text

Segment = tuple[str, str]  # (text, style)
Cell = list[list[Segment]]  # paragraphs; a paragraph of one segment is wrapped, others are not


class StyledLines:
    """Lines of styled segments made into one Rich ``Text``, with the styles as spans: one string
    and a list of spans are much faster than a Text per line for thousands of lines."""

    def __init__(self) -> None:
        self._out: list[str] = []
        self._spans: list[Span] = []
        self._offset = 0

    def add(self, segments: Iterable[Segment]) -> None:
        """One line."""
        for part, style in segments:
            if style:
                self._spans.append(Span(self._offset, self._offset + len(part), style))
            self._out.append(part)
            self._offset += len(part)
        self._out.append("\n")
        self._offset += 1

    def text(self) -> Text:
        return Text("".join(self._out).rstrip("\n"), spans=self._spans, no_wrap=True, overflow="ignore")


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

    def __init__(self, headers: list[str], widths: list[int], right: Collection[int] = frozenset()) -> None:
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

    def _emit(self, into: StyledLines, cells: list[list[list[Segment]]]) -> None:
        """Add the lines of one row."""
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
            into.add(pieces)

    def _header(self) -> list[list[list[Segment]]]:
        header = [
            [[(line, "bold")] for part in title.split("\n") for line in wrap(part, width)]
            for title, width in zip(self.headers, self.widths, strict=True)
        ]
        height = max(len(lines) for lines in header)
        return [[[("", "")]] * (height - len(lines)) + lines for lines in header]  # bottom-aligned

    def _rule(self) -> str:
        return "─" * (sum(self.widths) + 2 * (len(self.widths) - 1))

    def render(self) -> Text:
        lines = StyledLines()
        self._emit(lines, self._header())
        lines.add([(self._rule(), "")])
        indent = self.widths[0] + 2
        room = max(sum(self.widths) + 2 * (len(self.widths) - 1) - indent, 1)
        for row, below in self.rows:
            self._emit(
                lines, [self._lines(cell, width) for cell, width in zip(row, self.widths, strict=True)]
            )
            for line in wrap(below[0], room) if below else ():
                lines.add([(" " * indent, ""), (line, below[1])])  # type: ignore[index]
        return lines.text()


def longest(texts: Iterable[str], *, words: bool = False) -> int:
    pieces = (part for text in texts for part in (text.split() if words else [text]))
    return max((cell_len(piece) for piece in pieces), default=0)


# -- the stacked layout ------------------------------------------------------------------------------

Line = list[Segment]  # one line of styled text


def wrap_segments(line: Line, width: int) -> list[Line]:
    """Greedy word wrap of styled text; a word longer than the width is broken as ``break_word`` does.

    Measured per line first: a line that fits and has no runs of spaces to fold (most of them) is
    returned as it is, so thousands of lines cost one width each rather than a split and a width
    per word."""
    width = max(width, 1)
    joined = "".join(text for text, _ in line)
    if cell_len(joined) <= width and "  " not in joined and joined[:1] != " " and joined[-1:] != " ":
        return [[segment for segment in line if segment[0]]]
    words: list[Line] = []
    current: Line = []
    for text, style in line:
        for part in re.split(r"( +)", text):
            if not part:
                continue
            if part.isspace():
                if current:
                    words.append(current)
                current = []
            else:
                current.append((part, style))
    if current:
        words.append(current)
    lines: list[Line] = []
    line_out: Line = []
    used = 0
    for word in words:
        length = sum(cell_len(text) for text, _ in word)
        if length > width:
            text, style = "".join(t for t, _ in word), word[0][1]
            pieces: list[Line] = [[(piece, style)] for piece in break_word(text, width)]
        else:
            pieces = [word]
        for piece in pieces:
            size = sum(cell_len(text) for text, _ in piece)
            if line_out and used + 1 + size > width:
                lines.append(line_out)
                line_out, used = [], 0
            if line_out:
                line_out.append((" ", ""))
                used += 1
            line_out += piece
            used += size
    lines.append(line_out)
    return lines


# Characters one cell wide in every terminal Rich knows (ASCII, Latin letters, the dashes, arrow and
# dot the program writes): text made only of them is measured by its length.
_ONE_CELL = re.compile(r"[ -~\u00a0-\u024f\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2192]*\Z")


def wrap_plain(text: str, width: int) -> list[str]:
    """``wrap_segments`` for plain text (the same lines), measured per line: text of one-cell
    characters (nearly all) is wrapped by its length, with no width computed per word."""
    width = max(width, 1)
    if not _ONE_CELL.match(text):
        return ["".join(part for part, _ in line) for line in wrap_segments([(text, "")], width)]
    if len(text) <= width and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return [text]
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if not word:
            continue
        for piece in break_word(word, width) if len(word) > width else (word,):
            if current and len(current) + 1 + len(piece) > width:
                lines.append(current)
                current = ""
            current = f"{current} {piece}" if current else piece
    lines.append(current)
    return lines


class Stack:
    """Blocks of a heading and indented detail lines, wrapped to ``width``."""

    def __init__(self, width: int, indent: int = 2) -> None:
        self.width = width
        self.indent = indent
        self.blocks: list[tuple[Line, list[Line]]] = []

    def add(self, heading: Line, details: list[Line]) -> None:
        self.blocks.append((heading, [line for line in details if line]))

    def render(self) -> Text:
        lines = StyledLines()
        margin = (" " * self.indent, "")
        for heading, details in self.blocks:
            for line in wrap_segments(heading, self.width):
                lines.add(line)
            for detail in details:
                for line in wrap_segments(detail, self.width - self.indent):
                    lines.add([margin, *line])
        return lines.text()
