"""What every view shares: the mark for a missing value, warnings on stderr, and tables printed
without trailing spaces when the output is not a terminal."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, RenderableType

NO_ANSWER = "–"


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


def decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")
