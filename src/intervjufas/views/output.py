"""Where a command's text goes: the one stream every output format is written to.

Text from reports (a colleague's hand edit in a shared folder, a pasted name) may hold control
characters: ESC c resets a terminal, ESC ( 0 switches it to line drawing, BEL rings. The Rich
views make them visible themselves (``views.console``); every other format – Markdown, Mermaid,
JSON, a question file's source, the lines of ``validera`` and the plain prompts – is written to
``standard_output``, which on a terminal shows them as symbols (``model.safe_text.visible``). Into
a pipe or a file the text goes as it is, so ``karta --format markdown > karta.md`` keeps a
report's exact text. JSON is exact either way: its writer escapes every control character.
"""

from __future__ import annotations

import sys
from typing import IO, TYPE_CHECKING, Any

from intervjufas.model.safe_text import visible

if TYPE_CHECKING:
    from intervjufas.terminal import TerminalFacts


class VisibleWriter:
    """A text stream that makes control characters visible before they reach ``stream``."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> Any:  # encoding, fileno, isatty …: the stream's own
        return getattr(self.stream, name)


def standard_output(facts: TerminalFacts) -> IO[str]:
    """Standard output for a command's text, safe for the terminal when it is one."""
    return VisibleWriter(sys.stdout) if facts.stdout_is_terminal else sys.stdout  # type: ignore[return-value]


def error_output(facts: TerminalFacts) -> IO[str]:
    """Standard error for lines that hold text from files, safe for the terminal when it is one."""
    return VisibleWriter(sys.stderr) if facts.stderr_is_terminal else sys.stderr  # type: ignore[return-value]


def write_out(facts: TerminalFacts, text: str) -> None:
    """Write a whole format's text to standard output (see the module docstring)."""
    standard_output(facts).write(text)
