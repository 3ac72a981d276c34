"""The general part of the fast header reader (``report.flat_header``): block YAML as PyYAML's
emitter writes it, line by line – mappings and sequences at any indentation, compact collections
after ``-``, ``?`` and ``:``, explicit keys (``? key`` / ``: value``, for long or multi-line keys),
and scalars over several lines.

Why: most headers consist only of the simple lines ``flat_header`` reads in one loop; this reader
takes the rest the emitter may write (a long title folded over lines, a key of 128 characters or
more, a text with a line break) so that every header the program writes is read fast.  It accepts
only what it reads exactly as the safe reader would and raises ``NotMine`` at anything else.
"""

from __future__ import annotations

from itertools import accumulate
from typing import Any

from intervjufas.report.flat_scalars import MAX_DEPTH, NotMine, Resolver, Unclosed, plain_start, quoted

MAX_KEY = 1000  # characters of a simple key (YAML allows 1024)


def _starts_entry(s: str, indicator: str) -> bool:
    """Whether ``s`` starts with a block indicator (``-``, ``?`` or ``:``) followed by a space or
    the end of the line."""
    return s[:1] == indicator and (len(s) == 1 or s[1] == " ")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _check_piece(piece: str) -> None:
    """A line of a plain scalar: no value indicator (``: ``, or ``:`` at the end), no comment."""
    if ": " in piece or piece[-1] == ":" or " #" in piece or piece[0] == "#":
        raise NotMine


class BlockReader:
    """One header: its lines, the line being read, and how many values were made."""

    def __init__(self, text: str, resolve: Resolver) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.i = 0
        self.resolve = resolve
        self._starts: list[int] | None = None

    def document(self) -> dict[str, Any]:
        j = self._content(0)
        if j == len(self.lines) or _indent(self.lines[j]) != 0:
            raise NotMine  # (empty, or not at the left margin)
        self.i = j
        found = self._mapping(0, self.lines[j], 1)
        if self._content(self.i) != len(self.lines):
            raise NotMine
        return found

    def _content(self, j: int) -> int:
        """The first line from ``j`` on that is not blank (or the number of lines)."""
        lines = self.lines
        while j < len(lines) and not lines[j].strip(" "):
            j += 1
        return j

    @staticmethod
    def _deeper(depth: int) -> None:
        if depth > MAX_DEPTH:
            raise NotMine

    # -- collections ------------------------------------------------------------------------------
    def _mapping(self, col: int, s: str, depth: int) -> dict[Any, Any]:
        """A block mapping whose first entry starts at column ``col`` of the current line (``s`` is
        the line from there); the others start at that column of later lines."""
        self._deeper(depth)
        found: dict[Any, Any] = {}
        lines = self.lines
        while True:
            if _starts_entry(s, "?"):
                key, value = self._explicit_entry(col, s, depth)
            else:
                key, value = self._simple_entry(col, s, depth)
            found[key] = value
            j = self._content(self.i)
            if j == len(lines) or _indent(lines[j]) < col:
                return found
            s = lines[j][col:]
            if _indent(lines[j]) > col or _starts_entry(s, "-"):
                raise NotMine
            self.i = j

    def _sequence(self, col: int, s: str, depth: int) -> list[Any]:
        """A block sequence whose first ``-`` is at column ``col`` of the current line."""
        self._deeper(depth)
        found: list[Any] = []
        lines = self.lines
        while True:
            found.append(self._after_indicator(col, s, depth))
            j = self._content(self.i)
            if j == len(lines) or _indent(lines[j]) < col:
                return found
            if _indent(lines[j]) > col:
                raise NotMine
            s = lines[j][col:]
            if not _starts_entry(s, "-"):
                return found  # (the end of a sequence inside a mapping, at the mapping's column)
            self.i = j

    def _after_indicator(self, col: int, s: str, depth: int) -> Any:
        """The node after ``-``, ``?`` or ``:`` at column ``col``: on the same line (a scalar, or a
        compact collection), or below it, indented further."""
        rest = s[1:]
        stripped = rest.lstrip(" ")
        if not stripped.strip(" "):
            return self._block_value(col, depth, indentless=False)
        at = col + 1 + len(rest) - len(stripped)
        if _starts_entry(stripped, "-"):
            return self._sequence(at, stripped, depth + 1)
        if _starts_entry(stripped, "?") or self._is_key(stripped):
            return self._mapping(at, stripped, depth + 1)
        return self._scalar(stripped, col)

    def _block_value(self, col: int, depth: int, *, indentless: bool) -> Any:
        """The value of an entry with nothing after its indicator: a collection on the lines below
        (a sequence of a mapping's key may start at the key's column), or null."""
        self.i += 1
        j = self._content(self.i)
        if j < len(self.lines):
            line = self.lines[j]
            at = _indent(line)
            s = line[at:]
            if at > col or (indentless and at == col and _starts_entry(s, "-")):
                self.i = j
                if _starts_entry(s, "-"):
                    return self._sequence(at, s, depth + 1)
                if _starts_entry(s, "?") or self._is_key(s):
                    return self._mapping(at, s, depth + 1)
                raise NotMine  # (a scalar on the next line, a comment, …: never written)
        return self.resolve("")

    def _is_key(self, s: str) -> bool:
        """Whether ``s`` starts a mapping entry: a single-line key followed by ``:``."""
        if s[0] in "'\"":
            try:
                _, end = quoted(s, 0, s[0] == '"', -1)
            except Unclosed:
                return False
            return _starts_entry(s[end:].lstrip(" "), ":")
        stripped = s.rstrip(" ")
        return ": " in stripped or stripped[-1] == ":"

    # -- entries ----------------------------------------------------------------------------------
    def _simple_entry(self, col: int, s: str, depth: int) -> tuple[Any, Any]:
        if s[0] in "'\"":
            try:
                key, end = quoted(s, 0, s[0] == '"', -1)
            except Unclosed:
                raise NotMine from None
            rest = s[end:].lstrip(" ")
            if not _starts_entry(rest, ":"):
                raise NotMine
            after = rest[1:]
        else:
            stripped = s.rstrip(" ")
            cut = stripped.find(": ")
            if cut < 0:
                cut = len(stripped) - 1
                if stripped[cut] != ":":
                    raise NotMine
            key = self._plain_key(stripped[:cut].rstrip(" "))
            after = s[cut + 1 :]  # (a suffix of the line: a quoted value finds its column by it)
        value_text = after.lstrip(" ")
        if not value_text.strip(" "):
            value = self._block_value(col, depth, indentless=True)
        else:
            value = self._scalar(value_text, col)
        return key, value

    def _explicit_entry(self, col: int, s: str, depth: int) -> tuple[Any, Any]:
        key = self._after_indicator(col, s, depth)
        if type(key) is list or type(key) is dict:
            raise NotMine  # (a collection as a key)
        key = self.resolve.key(key)
        j = self._content(self.i)
        if j < len(self.lines) and _indent(self.lines[j]) == col and _starts_entry(self.lines[j][col:], ":"):
            self.i = j
            return key, self._after_indicator(col, self.lines[j][col:], depth)
        return key, self.resolve("")

    def _plain_key(self, text: str) -> Any:
        if not text or len(text) > MAX_KEY or not plain_start(text):
            raise NotMine
        _check_piece(text)
        return self.resolve.key(self.resolve(text))

    # -- scalars ----------------------------------------------------------------------------------
    def _scalar(self, s: str, block: int) -> Any:
        """A scalar starting at ``s`` on the current line, in a collection at column ``block``."""
        if s[0] in "'\"":
            return self._quoted_value(s, block)
        stripped = s.rstrip(" ")
        if stripped in ("[]", "{}"):
            self.i += 1
            return [] if stripped == "[]" else {}
        if not plain_start(stripped):
            raise NotMine
        return self._plain_lines(stripped, block)

    def _plain_lines(self, first: str, block: int) -> Any:
        """A plain scalar and the lines that continue it (indented past ``block``), folded."""
        _check_piece(first)
        lines = self.lines
        j = self.i + 1
        self.i = j
        pieces = [first]
        blank = 0
        while j < len(lines):
            line = lines[j]
            piece = line.strip(" ")
            if not piece:
                blank += 1
            elif _indent(line) <= block:
                break
            else:
                _check_piece(piece)
                pieces.append("\n" * blank if blank else " ")
                pieces.append(piece)
                blank = 0
                self.i = j + 1
            j += 1
        return self.resolve("".join(pieces))

    def _quoted_value(self, s: str, block: int) -> str:
        """A quoted scalar as a value: on its line, or over the lines below (folded)."""
        try:
            value, end = quoted(s, 0, s[0] == '"', -1)
        except Unclosed:
            return self._quoted_lines(len(self.lines[self.i]) - len(s), block)
        if s[end:].strip(" "):
            raise NotMine  # (a comment, or more after the closing quote)
        self.i += 1
        return value

    def _quoted_lines(self, col: int, block: int) -> str:
        if self._starts is None:
            self._starts = [0, *accumulate(len(line) + 1 for line in self.lines)]
        starts = self._starts
        start = starts[self.i] + col
        value, end = quoted(self.text, start, self.text[start] == '"', block)
        line = self.i
        while starts[line + 1] <= end - 1:  # (the line of the closing quote)
            line += 1
        if self.text[end : starts[line + 1] - 1].strip(" "):
            raise NotMine
        self.i = line + 1
        return value
