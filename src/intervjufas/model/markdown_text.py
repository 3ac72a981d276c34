"""Free text inside a Markdown report: shown exactly as typed by every Markdown tool, and read
back exactly.

The text is written as typed, with a backslash before the few characters that would otherwise
change what a reader sees: a line that would start a heading, quote, list, rule, code fence or
table; raw HTML and entities (so ``<details>`` shows as typed instead of folding the report away);
math dollars; and backslashes that would escape the next character.  This is Markdown's own
escaping, so GitHub, VS Code, Obsidian and pandoc all show the typed characters.  Every line break
the user typed is a hard line break (a backslash at the end of the line).  Reading it back undoes
exactly that: a backslash before ASCII punctuation is dropped, as Markdown itself does.

Reports of format 1 were written with fewer escapes (only lines that would become headings, rules
or comments); ``V1`` reads those.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

PLACEHOLDER = "*Inget svar.*"
# The first line under a question whose answer was being typed when the session stopped.
DRAFT_MARKER = "*Ofärdigt svar – sessionen avbröts medan det skrevs. Det föreslås när du fortsätter.*"

_PUNCTUATION = frozenset(string.punctuation)
# Line starts (after up to three spaces) that Markdown reads as block structure.
_BLOCK_START = re.compile(
    r"^( {0,3})(?:"
    r"(?P<mark>[#>\[])"  # heading, block quote, link reference definition
    r"|(?P<bullet>[-+*])(?=[ \t]|$)"  # bullet list item
    r"|\d{1,9}(?P<ordered>[.)])(?=[ \t]|$)"  # ordered list item: the '.' or ')' is escaped
    r"|(?P<fence>`{3,}|~{3,})"  # code fence
    r"|(?P<rule>[-*_=])[ \t]*(?:(?P=rule)[ \t]*){1,}$"  # thematic break or setext underline
    r")"
)
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")
_ALWAYS = frozenset("*`[]~|$")  # emphasis, code, links, strikethrough, tables, math
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")


def _escape_inline(text: str) -> str:
    """Backslashes before the characters of ``text`` that Markdown would act on inside a line:
    emphasis, code, links, strikethrough, table cells, math, raw HTML and entities."""
    out: list[str] = []
    for index, char in enumerate(text):
        following = text[index + 1 : index + 2]
        if char == "\\" and (not following or following in _PUNCTUATION):
            out.append("\\\\")
        elif char in _ALWAYS or (char == "_" and not _intraword(text, index)):
            out.append("\\" + char)
        elif char == "<" and _HTML_START.match(text, index):
            out.append("\\<")
        elif char == "&" and _ENTITY.match(text, index):
            out.append("\\&")
        else:
            out.append(char)
    return "".join(out)


def _intraword(text: str, index: int) -> bool:
    """An underscore between two letters or digits (snake_case), which Markdown leaves alone."""
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def _unescape_inline(text: str) -> str:
    """The inverse of every escape: a backslash before ASCII punctuation is dropped."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and text[index + 1 : index + 2] in _PUNCTUATION and index + 1 < len(text):
            out.append(text[index + 1])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def _escape_line(line: str) -> str:
    if line in (PLACEHOLDER, DRAFT_MARKER):
        return "\\" + line
    escaped = _escape_inline(line)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    for group in ("mark", "bullet", "ordered", "fence", "rule"):
        start = match.start(group)
        if start >= 0:
            return escaped[:start] + "\\" + escaped[start:]
    return escaped


def _hard_breaks(lines: list[str]) -> list[int]:
    """The lines that end with a hard line break: those followed by another non-blank line."""
    return [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]


@dataclass(frozen=True)
class TextCodec:
    """How free text is written in a report of one format version, and read back."""

    version: int

    def escape(self, text: str) -> list[str]:
        """The lines of a free-text answer as they are written in the report."""
        if self.version == 1:
            return _v1_escape(text)
        lines = [_escape_line(line) for line in text.split("\n")]
        for index in _hard_breaks(lines):
            lines[index] += "\\"
        return lines

    def unescape(self, lines: list[str]) -> str:
        """The exact text that ``escape`` wrote as these lines (hand edits read as Markdown)."""
        if self.version == 1:
            return _v1_unescape(lines)
        lines = list(lines)
        for index in _hard_breaks(lines):
            if lines[index].endswith("\\"):
                lines[index] = lines[index][:-1]
        return "\n".join(_unescape_inline(line) for line in lines)

    def inline(self, text: str) -> str:
        """Text on one line inside bold or a table cell (a moment, a label)."""
        return text if self.version == 1 else _escape_inline(text)

    def uninline(self, text: str) -> str:
        return text if self.version == 1 else _unescape_inline(text)


def shown(line: str) -> str:
    """A line of the report's Markdown as a reader sees it: without a hard break's backslash at the
    end and without the backslashes that escape punctuation (for plain-text output)."""
    trailing = len(line) - len(line.rstrip("\\"))
    if trailing % 2 == 1:
        line = line[:-1]
    return _unescape_inline(line)


V1 = TextCodec(1)
V2 = TextCodec(2)
CURRENT = V2


# -- format 1 ---------------------------------------------------------------------------------------

# Line starts that would become headings, HTML comments or rules (with any backslashes before them).
_V1_NEEDS_ESCAPE = re.compile(r"^\\*(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_V1_ESCAPED = re.compile(r"^\\+(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_V1_SPECIAL = (PLACEHOLDER, DRAFT_MARKER)


def _v1_escape(text: str) -> list[str]:
    lines = ["\\" + line if _V1_NEEDS_ESCAPE.match(line) else line for line in text.split("\n")]
    if lines[0].lstrip("\\") in _V1_SPECIAL and (len(lines) == 1 or lines[0].lstrip("\\") == DRAFT_MARKER):
        lines[0] = "\\" + lines[0]
    return lines


def _v1_unescape(lines: list[str]) -> str:
    if not lines:
        return ""
    first = lines[0]
    special = first.startswith("\\") and first.lstrip("\\") in _V1_SPECIAL
    if special and (len(lines) == 1 or first.lstrip("\\") == DRAFT_MARKER):
        return "\n".join([first[1:], *[line[1:] if _V1_ESCAPED.match(line) else line for line in lines[1:]]])
    return "\n".join(line[1:] if _V1_ESCAPED.match(line) else line for line in lines)
