"""A stacked layout for narrow terminals: instead of columns side by side, one block per row – a
heading line, then its fields one under the other, indented – with every line word-wrapped to the
width.  Words are never split (a long file name breaks after a hyphen), nothing is cut off."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from intervjufas.views.text_grid import Segment, StyledLines, break_word

Line = list[Segment]  # one line of styled text


def wrap_segments(line: Line, width: int) -> list[Line]:
    """Greedy word wrap of styled text; a word longer than the width is broken as ``break_word`` does."""
    width = max(width, 1)
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
