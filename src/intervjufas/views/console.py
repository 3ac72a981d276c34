"""The console and printing to it: Rich consoles made from the terminal facts, that never pass
control characters from files through to the terminal (see ``model.safe_text``); what every view
shares (the mark for a missing value, warnings on stderr, tables without trailing spaces when the
output is not a terminal); and printing something long through the pager, as ``visa`` does – only
when it is taller than the screen, with ``less`` run as FRX unless the user has set ``$LESS``.

Rich itself is imported only when a console is made: the command modules import this one at the
top, and ``--help`` must not load Rich."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from intervjufas.model.safe_text import visible

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rich.console import Console, RenderableType
    from rich.segment import Segment
    from rich.text import Text

    from intervjufas.terminal import TerminalFacts

NO_ANSWER = "–"
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


def show_warnings(console: Console, warnings: Iterable[str]) -> None:
    """One line per problem on the error console: ``Varning: <file>: <problem>``."""
    for warning in warnings:
        console.print(f"Varning: {warning}", markup=False, highlight=False, soft_wrap=True)


def print_trimmed(console: Console, renderable: RenderableType) -> None:
    """Print; to a file or a pipe without the spaces Rich pads table lines with."""
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as captured:
        console.print(renderable)
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def print_text(console: Console, text: Text) -> None:
    """Print a Rich ``Text`` that is already laid out (no wrapping): into a file or a pipe without
    colour as its plain characters at once – Rich would split thousands of lines into segments
    only to write the same characters."""
    if console.is_terminal or console.color_system is not None:
        console.print(text, soft_wrap=True)
        return
    write_plain(console, text.plain + "\n")


def decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


# -- the pager -----------------------------------------------------------------------------------


def pager_less(less: str | None) -> str:
    """The options ``less`` runs with: FRX when the user has not set $LESS – F prints what fits on
    one screen and quits, R shows the colours, X leaves the report on the screen after quitting –
    else the user's own, with R added so that the colours are not shown as codes."""
    if less is None:
        return "FRX"
    return less if "R" in less else f"{less} -R".strip()


def print_paged(
    console: Console, renderable: RenderableType, *, pager: bool = True, less: str | None = None
) -> None:
    """Print ``renderable``; through the pager when ``pager`` and it is taller than the terminal."""
    if pager:
        height = len(console.render_lines(renderable, console.options, pad=False))
        if height > console.height:
            previous = os.environ.get("LESS")
            os.environ["LESS"] = pager_less(less)  # (read by the pager the console starts)
            try:
                with console.pager(styles=True):
                    console.print(renderable)
            finally:
                if previous is None:
                    os.environ.pop("LESS", None)
                else:
                    os.environ["LESS"] = previous
            return
    console.print(renderable)
