"""Rich consoles for the views, made from the terminal facts, that never pass control characters
from files through to the terminal (see ``model.safe_text``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from intervjufas.model.safe_text import visible

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console
    from rich.segment import Segment

    from intervjufas.terminal import TerminalFacts

_SAFE_CONSOLE: type[Console] | None = None


def _safe_console_class() -> type[Console]:
    """A Rich Console that makes the text of every segment visible-safe before it is written
    (Rich's own control segments – cursor movement, styles – are left alone)."""
    global _SAFE_CONSOLE
    if _SAFE_CONSOLE is None:
        from rich.console import Console
        from rich.segment import Segment

        class SafeConsole(Console):
            def on_broken_pipe(self) -> None:
                raise BrokenPipeError  # the command-line layer ends quietly (Rich would exit 1)

            def _render_buffer(self, buffer: Iterable[Segment]) -> str:
                return super()._render_buffer(
                    segment if segment.control else Segment(visible(segment.text), segment.style)
                    for segment in buffer
                )

        _SAFE_CONSOLE = SafeConsole
    return _SAFE_CONSOLE


def make_console(facts: TerminalFacts, *, stderr: bool = False, **options: Any) -> Console:
    """A console on stdout (or stderr) that colours only a terminal and honours NO_COLOR."""
    options.setdefault("highlight", False)
    if facts.no_color:
        options.setdefault("no_color", True)
    return _safe_console_class()(stderr=stderr, **options)


def plain_console(file: Any, width: int) -> Console:
    """A console without colour that writes to ``file`` (e.g. a StringIO), for text output."""
    return _safe_console_class()(file=file, width=width, color_system=None, highlight=False, emoji=False)


def write_plain(console: Console, text: str) -> None:
    """Write text as it is (no Rich layout) – with control characters made visible."""
    console.file.write(visible(text))
