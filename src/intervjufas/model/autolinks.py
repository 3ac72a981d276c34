"""Web addresses in free text, written as Markdown autolinks (``<https://…>``) so that every reader
shows them whole and as typed.

GitHub's renderer (cmark-gfm with its autolink extension) and markdown-it's linkify turn a bare
``https://…`` into a link that runs to the next space, taking with it the backslashes that escape
characters and the backslash of a hard line break at the end of the line.  Inside an autolink no
escapes apply and the link ends at ``>``, in CommonMark, GFM and pandoc alike, so an address is
written there as it was typed.  An address stops before whitespace, ``<``, ``>``, ``|`` (a table
cell's edge), control characters, a character reference (``&amp;``, which some readers decode in
autolinks and others do not) and trailing sentence punctuation (as GitHub's own autolinks do); what
follows is ordinary text.
"""

from __future__ import annotations

import re

# The schemes GitHub's and markdown-it's autolinking recognise with '://'.
_START = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")
_TRAILING = frozenset(".,:;!?'\"*_~")
# An autolink as CommonMark reads it: a scheme of 2-32 characters, ':', no spaces, '<' or '>'.
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*)>")


def _stops(char: str) -> bool:
    return char.isspace() or char in "<>|" or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0


def _address_end(text: str, start: int) -> int:
    """Where the address that starts at ``start`` (its scheme) ends."""
    end = start
    while end < len(text) and not _stops(text[end]) and not _ENTITY.match(text, end):
        end += 1
    while end > start:
        last = text[end - 1]
        if last in _TRAILING or (last == ")" and text.count("(", start, end) < text.count(")", start, end)):
            end -= 1
        else:
            break
    return end


def address_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` written as autolinks: each web address with something after its
    ``://``."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _START.finditer(text):
        if match.start() < position:
            continue
        end = _address_end(text, match.start())
        if end > match.end():
            spans.append((match.start(), end))
            position = end
    return spans
