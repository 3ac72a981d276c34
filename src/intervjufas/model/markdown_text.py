"""Free text inside a Markdown report, written as typed and read back exactly.

Only lines that would change the document's structure or meaning get a leading backslash (which is
also how Markdown itself escapes them), so render → parse gives back the exact text, and the file
reads naturally as plain text and rendered.
"""

from __future__ import annotations

import re

PLACEHOLDER = "*Inget svar.*"
# The first line under a question whose answer was being typed when the session stopped.
DRAFT_MARKER = "*Ofärdigt svar – sessionen avbröts medan det skrevs. Det föreslås när du fortsätter.*"

# Line starts that would become headings, HTML comments or rules (with any backslashes before them).
_NEEDS_ESCAPE = re.compile(r"^\\*(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_ESCAPED = re.compile(r"^\\+(?:#|<!--|(?:-{3,}|={3,}|_{3,}|\*{3,})[ \t]*$)")
_PLACEHOLDER_LIKE = re.compile(r"^\\*" + re.escape(PLACEHOLDER) + r"$")
_ESCAPED_PLACEHOLDER = re.compile(r"^\\+" + re.escape(PLACEHOLDER) + r"$")
_MARKER_LIKE = re.compile(r"^\\*" + re.escape(DRAFT_MARKER) + r"$")
_ESCAPED_MARKER = re.compile(r"^\\+" + re.escape(DRAFT_MARKER) + r"$")


def escape_text(text: str) -> list[str]:
    """The lines of a free-text answer as they are written in the report."""
    lines = ["\\" + line if _NEEDS_ESCAPE.match(line) else line for line in text.split("\n")]
    if (len(lines) == 1 and _PLACEHOLDER_LIKE.match(lines[0])) or _MARKER_LIKE.match(lines[0]):
        lines[0] = "\\" + lines[0]
    return lines


def unescape_text(lines: list[str]) -> str:
    """The exact text that ``escape_text`` wrote as these lines."""
    if len(lines) == 1 and _ESCAPED_PLACEHOLDER.match(lines[0]):
        return lines[0][1:]
    first = [lines[0][1:]] if lines and _ESCAPED_MARKER.match(lines[0]) else []
    rest = lines[len(first) :]
    return "\n".join(first + [line[1:] if _ESCAPED.match(line) else line for line in rest])
