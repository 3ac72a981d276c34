"""Plain text as the lines of a Mermaid label: normalised, wrapped and escaped so that no word of a
moment's name can ever be read as Mermaid syntax (see ``mermaid`` for the diagram).

* The picture is drawn by whatever Mermaid the reader's viewer bundles (GitHub, GitLab, Obsidian,
  VS Code: anything from 9.x to 11.x), never by us, so a label must mean the same thing to all of
  them. Every label is a quoted string in which each character that some version acts on is written
  as a numeric entity code (``#35;``), which Mermaid turns back into the character only when it
  draws. Those are: the quote; ``#``, ``&``, ``<``, ``>`` (entities and HTML); ``%`` (an
  ``%%{init}`` directive is found anywhere in the text); ``:`` (``fa:fa-…`` icons and a
  ``style…:#…;`` rewrite in 9.x); ``\\`` (``\\n`` is a line break); ``@`` and the dot of ``www.``
  (links); the backtick, braces and the markdown markers ``* _ ~ [ ] | $`` (11.4 reads even plain
  labels as markdown; ``$$`` starts KaTeX from 10.9); ``-``, ``+``, ``=`` or the dot of ``1.`` that
  starts a line; and the first letter of the word ``direction`` in any case: every version's lexer
  has a rule ``.*direction\\s+(TB|BT|RL|LR|TD)[^\\n]*`` that is tried before a node is read, so a
  name holding "direction LR" would swallow the rest of its node's line (and a second label line
  then breaks the whole diagram). Everything else, åäö and emoji included, is written as typed, so
  the source stays readable.
* Line breaks inside a label are real newlines in the quoted string, not ``<br/>``: every version
  draws both as a break, but in 11.4 a ``<`` in a label sends it through an HTML sanitiser that
  turns the entity codes back into characters before the markdown step, so ``<br/>`` would undo the
  escaping above. Continuation lines are therefore not indented.
* Names are normalised (whitespace runs, tabs and line breaks become one space; control
  characters, non-characters and invisible-only words go; Mermaid's internal markers ``ﬂ°`` and
  ``¶ß`` get a word joiner) and wrapped at spaces to a fixed width, which keeps a line under the
  200 px at which Mermaid 10+ wraps it again. Past a few lines the name is cut with "…": the table
  under the diagram has the full text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

WRAP_WIDTH = 24
"""Columns per label line (a wide character counts two); about 190 px in Mermaid's default font."""
NAME_LINES = 4
MIN_SPLIT = 4
"""Columns that must be left on a line for an overlong word to start there rather than below."""
ELLIPSIS = "…"
SCAN_LIMIT = 1_000
"""Characters of a text read for a label: far more than its few short lines can show, so that a
name that is a whole pasted page costs no more than a long one."""
BREAK = "\n"

_ALWAYS_ESCAPED = frozenset('"#&<>%:@\\`*_~[]|{}$')
_BLOCK_START = frozenset("-+=")
_ORDERED_LIST = re.compile(r"\d+[.)]")
_WWW_DOT = re.compile(r"(?i)(?<=www)\.")
_DIRECTION = re.compile(r"(?i)direction")
_SURROGATE = re.compile("[\ud800-\udfff]")
_DROPPED = re.compile(
    "["
    + re.escape("".join(ch for ch in map(chr, [*range(0x20), *range(0x7F, 0xA0)]) if not ch.isspace()))
    + "\ufeff\ufdd0-\ufdef"
    + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
    + "]"
)  # control characters that are not white space, the byte order mark, and the non-characters
_VISIBLE_ASCII = re.compile("[!-~]")


def normalise(text: str) -> str:
    """One line of plain text: any whitespace run becomes one space; control characters,
    non-characters and words of invisible characters only are dropped; a lone surrogate becomes
    U+FFFD; Mermaid's entity markers ``ﬂ°`` and ``¶ß`` get a word joiner so it leaves them alone."""
    words = _SURROGATE.sub("\ufffd", _DROPPED.sub("", text)).split()
    shown = [word for word in words if _VISIBLE_ASCII.search(word) or any(map(_width, word))]
    return " ".join(shown).replace("ﬂ°", "ﬂ\u2060°").replace("¶ß", "¶\u2060ß")


def label_text(text: str) -> str:
    """``normalise`` of the start of a text; one that goes on past ``SCAN_LIMIT`` ends with "…"."""
    if len(text) <= SCAN_LIMIT:
        return normalise(text)
    return f"{normalise(text[:SCAN_LIMIT])} {ELLIPSIS}".lstrip()


def _width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _clusters(word: str, width: int) -> Iterator[str]:
    """Characters grouped so that a hard break never splits an accent, a spacing vowel sign (as in
    Devanagari or Khojki) or an emoji sequence; a group never grows past ``width`` columns by a
    spacing mark, so a line stays within its width."""
    cluster = ""
    for ch in word:
        joins = cluster and (
            _width(ch) == 0
            or (unicodedata.category(ch) == "Mc" and text_width(cluster) < width)
            or cluster.endswith("\u200d")
            or "\U0001f3fb" <= ch <= "\U0001f3ff"
            or (_is_flag_half(ch) and len(cluster) == 1 and _is_flag_half(cluster))
        )
        if cluster and not joins:
            yield cluster
            cluster = ""
        cluster += ch
    if cluster:
        yield cluster


def _is_flag_half(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def text_width(text: str) -> int:
    return len(text) if text.isascii() else sum(map(_width, text))


def _within(text: str, width: int) -> bool:
    """``text_width(text) <= width``, reading no further than it must."""
    if text.isascii() or len(text) <= width:
        return text_width(text) <= width
    used = 0
    for ch in text:
        used += _width(ch)
        if used > width:
            return False
    return True


def wrap(text: str, width: int = WRAP_WIDTH, max_lines: int = NAME_LINES) -> list[str]:
    """Greedy word wrap of normalised text at spaces; a word wider than a line goes on from where
    the line is (if a few columns are left) and is split between characters; lines past
    ``max_lines`` are dropped and the last kept one ends with "…". Linear in the text, and it
    stops reading once it has more lines than it keeps (a name may be a whole pasted page)."""
    lines: list[str] = []
    line = ""
    for word in text.split(" ") if text else []:
        if len(lines) > max_lines:
            break
        candidate = f"{line} {word}" if line else word
        if _within(candidate, width):
            line = candidate
        elif _within(word, width):
            lines.append(line)
            line = word
        else:
            if line and width - text_width(line) - 1 < MIN_SPLIT:
                lines.append(line)
                line = ""
            line = f"{line} " if line else ""
            used = text_width(line)
            for cluster in _clusters(word, width):
                size = text_width(cluster)
                if line.strip() and used + size > width:
                    lines.append(line.rstrip())
                    line, used = "", 0
                    if len(lines) > max_lines:
                        break
                line += cluster
                used += size
    if line:
        lines.append(line)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], width)
    return kept


def _with_ellipsis(line: str, width: int) -> str:
    """The last kept line, shortened to make room for "…", at a space if one is near the end."""
    clusters = list(_clusters(line, width))
    cut = bool(clusters) and text_width(line) + 1 > width
    while clusters and text_width("".join(clusters)) + 1 > width:
        clusters.pop()
    kept = "".join(clusters)
    space = kept.rfind(" ")
    if cut and space > len(kept) // 2:
        kept = kept[:space]
    return kept.rstrip() + ELLIPSIS


def escape(line: str) -> str:
    """A plain line as text for a quoted Mermaid label (see the module docstring for the set)."""
    out = [f"#{ord(ch)};" if ch in _ALWAYS_ESCAPED else ch for ch in line]
    for match in _WWW_DOT.finditer(line):
        out[match.end() - 1] = "#46;"
    for match in _DIRECTION.finditer(line):
        out[match.start()] = f"#{ord(line[match.start()])};"
    if line and line[0] in _BLOCK_START:
        out[0] = f"#{ord(line[0])};"
    elif ordered := _ORDERED_LIST.match(line):
        end = ordered.end() - 1
        out[end] = f"#{ord(line[end])};"
    return "".join(out)


def label(lines: Sequence[str]) -> str:
    """The quoted label for some plain lines: each escaped, joined by line breaks."""
    return '"' + BREAK.join(escape(line) for line in lines) + '"'
