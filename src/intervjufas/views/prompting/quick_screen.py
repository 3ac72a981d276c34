"""What a session shows before its first question, written without Rich when the bytes are sure to
be Rich's own: so that Rich (some 20 ms of imports and console set-up) is loaded only after the
first question is on the screen.

Only the plainest case is drawn here: a Unix terminal on standard output in UTF-8, colours on, no
environment variable that changes how Rich sizes or colours its output, and text of one-cell
characters whose words all fit the width.  Then Rich's output is fully known: its colour codes for
the named colours used here are the same in every colour system, its width is the terminal's, and
its word wrapping (``rich._wrap.divide_line``) breaks before the first word that does not fit,
keeping the spaces after a word up to the width.  Anything else returns None and the caller prints
with Rich as before.  ``tests/unit/views/test_quick_screen.py`` compares every drawing here with
Rich's, byte for byte.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from intervjufas.views.prompting.prompt_text import LIST_WIDGETS

if TYPE_CHECKING:
    from intervjufas.session.prompter import AskRequest

# Environment variables that change Rich's terminal detection, colours or size.
RICH_ENVIRONMENT = (
    "FORCE_COLOR",
    "NO_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
)
CYAN, BOLD_CYAN, DIM, ITALIC_DIM, BOLD = "36", "1;36", "2", "2;3", "1"
_WORD = re.compile(r"\s*\S+\s*")  # (Rich's word: the word and the whitespace after it)
_TRAILING_SPACE = re.compile(r"\s+$")
# One-cell characters: printable ASCII, Latin-1 without the soft hyphen, and common punctuation.
_ONE_CELL = re.compile(r"[\n\x20-\x7e\xa0-\xac\xae-\xff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]*")


def quick_width(
    stdout: TextIO | None = None, environ: Mapping[str, str] | None = None, platform: str | None = None
) -> int | None:
    """The terminal's width when what is drawn here is what Rich would draw, else None."""
    stdout = sys.stdout if stdout is None else stdout
    environ = os.environ if environ is None else environ
    if (platform or sys.platform) == "win32" or any(name in environ for name in RICH_ENVIRONMENT):
        return None
    if environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    try:
        if not stdout.isatty() or (getattr(stdout, "encoding", "") or "").lower() not in ("utf-8", "utf8"):
            return None
    except (AttributeError, ValueError):
        return None
    for descriptor in (0, 1, 2):  # (Rich asks standard input, output and error in this order)
        try:
            width, _ = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def wrapped(text: str, width: int) -> list[str] | None:
    """The lines Rich wraps ``text`` into at ``width`` columns (None when it is not plain enough:
    a character that is not one cell wide, or a word longer than the width)."""
    if width < 1 or _ONE_CELL.fullmatch(text) is None:
        return None
    lines: list[str] = []
    for paragraph in text.split("\n"):
        breaks, length = [], 0
        for match in _WORD.finditer(paragraph):
            word = match.group(0)
            needed = len(word.rstrip())
            if needed > width:
                return None
            if needed <= width - length:
                length += len(word)
            elif length and match.start():
                breaks.append(match.start())
                length = len(word)
        edges = [0, *breaks, len(paragraph)]
        lines += [_cropped(paragraph[start:end], width) for start, end in itertools.pairwise(edges)]
    return lines


def _cropped(line: str, width: int) -> str:
    """A wrapped line without the spaces after its last word that go beyond the width."""
    excess = len(line) - width
    if excess > 0:
        spaces = _TRAILING_SPACE.search(line)
        if spaces is not None:
            line = line[: len(line) - min(len(spaces.group(0)), excess)]
    return line


def styled(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if text else ""


def paragraph(text: str, width: int, code: str = "") -> str | None:
    """``console.print(text)`` (in a style, or none) as Rich writes it, or None."""
    lines = wrapped(text, width)
    if lines is None:
        return None
    return "".join(f"{styled(line, code) if code else line}\n" for line in lines)


def panel(title: str, text: str, width: int) -> str | None:
    """The section panel (``QuestionaryPrompter.section``) as Rich writes it, or None: a cyan
    rounded box the width of the terminal, the title in bold on its top edge (inside it when there
    is no text), the text wrapped inside."""
    inner = width - 4
    if inner < 1 or len(title) + 2 > inner or "\n" in title:
        return None
    if not text:
        body = wrapped(title, inner)
        return None if body is None else _box([styled(line, BOLD) for line in body], body, width, "")
    body = wrapped(text, inner)
    if body is None:
        return None
    top = f" {title} "
    return _box(body, body, width, styled(top, BOLD_CYAN) + styled("─" * (inner - len(top)), CYAN))


def _box(lines: list[str], plain: list[str], width: int, title: str) -> str:
    if title:
        top = styled("╭─", CYAN) + title + styled("─╮", CYAN)
    else:
        top = styled("╭" + "─" * (width - 2) + "╮", CYAN)
    side = styled("│", CYAN)
    rows = [f"{side} {line}{' ' * (width - 4 - len(shown))} {side}" for line, shown in zip(lines, plain, strict=True)]
    bottom = styled("╰" + "─" * (width - 2) + "╯", CYAN)
    return "\n".join([top, *rows, bottom]) + "\n"


def intro(request: AskRequest, width: int) -> str | None:
    """What ``QuestionaryPrompter`` writes before a question (its group's title and text, where it
    is, its context and its help), as Rich writes it, or None."""
    parts: list[tuple[str, str]] = []
    group = request.group
    if group is not None:
        parts += [("", ""), (group.title, BOLD_CYAN)]
        if group.text and group.text != group.title:
            parts.append((group.text, CYAN))
    parts += [("", ""), (request.progress, DIM)]
    if request.context:
        parts.append((request.context, DIM))
    question = request.question
    if question.help and question.kind.widget not in LIST_WIDGETS:
        parts.append((question.help, ITALIC_DIM))
    drawn = [paragraph(text, width, code) for text, code in parts]
    return None if None in drawn else "".join(part or "" for part in drawn)
