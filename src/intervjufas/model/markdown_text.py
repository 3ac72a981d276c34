"""Free text inside a Markdown report: shown exactly as typed by every Markdown tool, and read
back exactly.

The text is written as typed, with a backslash before the few characters that would otherwise
change what a reader sees: a line that would start a heading, quote, list, rule, code fence or
table; raw HTML and entities (so ``<details>`` shows as typed instead of folding the report away);
math dollars; and backslashes that would escape the next character.  This is Markdown's own
escaping, so GitHub, VS Code, Obsidian and pandoc all show the typed characters.  Every line break
the user typed is a hard line break (a backslash at the end of the line).  Reading it back undoes
exactly that: a backslash before ASCII punctuation is dropped, as Markdown itself does.

Format 3 also writes what pandoc's default reader would change (smart typography turns ``--``,
``---``, ``...`` and straight quotes into dashes, an ellipsis and curly quotes; a backslash before a
space is a non-breaking space; ``^`` is superscript; ``@`` after a space or ``-`` is a citation; a
line may start a definition or a list marked with a letter): every backslash, quote and ``^``, runs
of hyphens and dots, such an ``@``, and those line starts are escaped.  Web addresses are written as autolinks (``<https://…>``, see ``autolinks``), so that
GitHub's autolinking neither swallows a hard break's backslash nor shows escapes inside the link;
``www.`` is written ``www\\.`` so that GitHub does not link it with its escapes either.

Reports of format 1 were written with fewer escapes (only lines that would become headings, rules
or comments); ``V1`` reads those.  Format 2 is read as it was written (``V2``).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from intervjufas.model.autolinks import AUTOLINK, address_spans

PLACEHOLDER = "*Inget svar.*"
# The first line under a question whose answer was being typed when the session stopped.
DRAFT_MARKER = "*Ofärdigt svar – sessionen avbröts medan det skrevs. Det föreslås när du fortsätter.*"

_PUNCTUATION = frozenset(string.punctuation)
# A backslash before ASCII punctuation (read left to right, so two backslashes are one escaped backslash),
# and the same or an autolink (which starts with "<", so the two never compete for a position).
_ESCAPED = re.compile("\\\\([" + re.escape(string.punctuation) + "])")
_ESCAPE_OR_AUTOLINK = re.compile(_ESCAPED.pattern + "|" + AUTOLINK.pattern)
# Line starts (after up to three spaces) that Markdown reads as block structure.
_BLOCK_START = re.compile(
    r"^( {0,3})(?:"
    r"(?P<mark>[#>\[])"  # heading, block quote, link reference definition
    r"|(?P<bullet>[-+*])(?=[ \t]|$)"  # bullet list item
    r"|\d{1,9}(?P<ordered>[.)])(?=[ \t]|$)"  # ordered list item: the '.' or ')' is escaped
    r"|(?P<fence>`{3,}|~{3,})"  # code fence
    r"|(?P<rule>[-*_=])[ \t]*(?:(?P=rule)[ \t]*){1,}$"  # thematic break or setext underline
    r"|(?P<setext>=)[ \t]*$"  # a setext underline of one '='
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


_V3_ALWAYS = _ALWAYS | frozenset("\"'^")
# Line starts pandoc reads as a definition, a fenced div, a pause, or a list marked with a letter, a roman
# numeral, an example '@' or a number in parentheses: the marked character is escaped.
_PANDOC_START = re.compile(
    r"^ {0,3}(?:(?P<colon>:)"
    r"|(?P<pause>\.)(?=(?:[ \t]*\.){2,}[ \t]*$)"  # '. . .', a pause in slides
    r"|(?P<paren>\()(?:\d{1,9}|[A-Za-z]|[ivxlcdmIVXLCDM]+|@[\w-]*)\)(?=[ \t]|$)"
    r"|(?:[A-Za-z]|[ivxlcdmIVXLCDM]+|@[\w-]*)(?P<delim>[.)])(?=[ \t]|$))"
)


def _escape_v3(text: str) -> str:
    """Format 3: web addresses as autolinks, the text around them escaped for every reader."""
    out: list[str] = []
    position = 0
    for start, end in address_spans(text):
        out += [_escape_plain_v3(text[position:start]), "<", text[start:end], ">"]
        position = end
    out.append(_escape_plain_v3(text[position:]))
    return "".join(out)


def _escape_plain_v3(text: str) -> str:
    return "".join("\\" + char if _acts_v3(text, index) else char for index, char in enumerate(text))


def _acts_v3(text: str, index: int) -> bool:
    """Whether the character at ``index`` would act on the text in some reader (format 3)."""
    char = text[index]
    if char == "\\" or char in _V3_ALWAYS:
        return True
    if char == "_":
        return not _intraword(text, index)
    if char == "<":
        return _HTML_START.match(text, index) is not None
    if char == "&":
        return _ENTITY.match(text, index) is not None
    if char == "-":
        return _in_run(text, index, 2)
    if char == ".":
        return _in_run(text, index, 3) or text[max(0, index - 3) : index].casefold() == "www"
    if char == "@":  # a citation in pandoc
        return not (index and text[index - 1].isalnum())
    return False


def _in_run(text: str, index: int, length: int) -> bool:
    """Whether the character at ``index`` is part of a run of at least ``length`` (2 or 3) of it."""
    char = text[index]
    for first in range(index - length + 1, index + 1):
        if first >= 0 and text[first : first + length] == char * length:
            return True
    return False


def _unescape_v3(text: str) -> str:
    """The inverse of ``_escape_v3``: an autolink is its address, a backslash before ASCII
    punctuation is dropped."""
    return _ESCAPE_OR_AUTOLINK.sub(lambda m: m.group(1) or m.group(2), text)


def _intraword(text: str, index: int) -> bool:
    """An underscore between two letters or digits (snake_case), which Markdown leaves alone."""
    return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()


def _unescape_inline(text: str) -> str:
    """The inverse of every escape: a backslash before ASCII punctuation is dropped."""
    return _ESCAPED.sub(r"\1", text)


def _escape_line(line: str, version: int) -> str:
    if line in (PLACEHOLDER, DRAFT_MARKER):
        return "\\" + line
    escaped = _escape_v3(line) if version >= 3 else _escape_inline(line)
    match = _BLOCK_START.match(escaped)
    if match is not None:
        for group in ("mark", "bullet", "ordered", "fence", "rule", "setext"):
            start = match.start(group)
            if start >= 0:
                return escaped[:start] + "\\" + escaped[start:]
    match = _PANDOC_START.match(escaped) if version >= 3 else None
    if match is not None:
        start = next(
            match.start(group) for group in ("colon", "pause", "paren", "delim") if match.start(group) >= 0
        )
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
        lines = [_escape_line(line, self.version) for line in text.split("\n")]
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
        unescape = _unescape_v3 if self.version >= 3 else _unescape_inline
        return "\n".join(unescape(line) for line in lines)

    def inline(self, text: str) -> str:
        """Text on one line inside bold or a table cell (a moment, a label)."""
        if self.version == 1:
            return text
        return _escape_v3(text) if self.version >= 3 else _escape_inline(text)

    def uninline(self, text: str) -> str:
        if self.version == 1:
            return text
        return _unescape_v3(text) if self.version >= 3 else _unescape_inline(text)


def shown(line: str) -> str:
    """A line of the report's Markdown as a reader sees it: without a hard break's backslash at the
    end and without the backslashes that escape punctuation (for plain-text output)."""
    trailing = len(line) - len(line.rstrip("\\"))
    if trailing % 2 == 1:
        line = line[:-1]
    return _unescape_v3(line)


V1 = TextCodec(1)
V2 = TextCodec(2)
V3 = TextCodec(3)
CURRENT = V3


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
